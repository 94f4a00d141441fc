'use strict';
/**
 * bench:score — per-mention scoring throughput of Crisis Kit's scoreMention beside the
 * `sentiment` package (AFINN-165) analysing the same texts, in the same process.
 *
 *   npm run bench:score [-- --airline FILE --runs 7 --json]
 *
 * Mentions are built from the airline dev texts (read in place, never copied): platform
 * 'x', language 'en', deterministic followers and engagement so every factor is computed.
 * What is timed per item:
 *   - Crisis Kit: `scoreMention(mention, {}, now)`, the whole per-mention output (language,
 *     sentiment, themes, every factor with its contribution and its reason, summary);
 *   - AFINN: `new Sentiment().analyze(text)` on the same mention's text.
 * Each run scores every item once; the figure is the median of the runs (after two warm-up
 * runs per system, which also build each side's lexicon), systems interleaved run by run
 * and the order swapped every run so neither always runs right after the other's garbage.
 */
const fs = require('fs');
const path = require('path');
const { parseCsvObjects } = require('./lib/csv');
const { parseBenchArgs } = require('./lib/benchArgs');

const SHARED = path.resolve(__dirname, '../../shared/data');
const args = parseBenchArgs(process.argv.slice(2), {
	airline: path.join(SHARED, 'airline-sentiment/dev.csv'),
	runs: '7',
	dist: path.resolve(__dirname, '../dist'),
	json: false,
});
const runs = Math.max(5, parseInt(args.runs, 10) || 7);

const { scoreMention } = require(path.join(path.resolve(args.dist), 'core/scoring/scoreMention'));
const Sentiment = require('sentiment');

const afinn = new Sentiment();
const NOW = '2015-02-25T12:00:00.000Z';

function toIso(created) {
	// '2015-02-24 11:35:52 -0800' -> RFC3339 UTC
	const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2})$/.exec(String(created).trim());
	if (!m) return '2015-02-24T12:00:00.000Z';
	return new Date(`${m[1]}T${m[2]}${m[3]}:${m[4]}`).toISOString();
}

function buildMentions(rows) {
	return rows.map((r, i) => {
		const id = String(r.tweet_id);
		return {
			id: `x:${id}`,
			platform: 'x',
			source: 'x',
			nativeId: id,
			url: null,
			publishedAt: toIso(r.tweet_created),
			title: null,
			text: r.text,
			language: 'en',
			author: { id: null, handle: r.name || 'someone', name: null, url: null, followers: (i * 7919) % 250000, verified: i % 50 === 0 },
			engagement: { likes: (i * 13) % 400, shares: Number(r.retweet_count) || 0, replies: i % 9, views: null },
			inReplyToId: null,
			rating: null,
			hashtags: [],
		};
	});
}

function timeRun(fn, items) {
	const t0 = process.hrtime.bigint();
	let sink = 0;
	for (let i = 0; i < items.length; i++) sink += fn(items[i]) ? 1 : 0;
	const ms = Number(process.hrtime.bigint() - t0) / 1e6;
	if (sink < 0) throw new Error('unreachable');
	return (items.length / ms) * 1000;
}

function median(xs) {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function spread(xs) {
	return `${Math.round(Math.min(...xs))} - ${Math.round(Math.max(...xs))}`;
}

function main() {
	const rows = parseCsvObjects(fs.readFileSync(args.airline, 'utf8')).filter((r) => typeof r.text === 'string');
	// n8n items reach a node through JSON: round-trip so both systems get flat strings,
	// not slices of the CSV file.
	const mentions = JSON.parse(JSON.stringify(buildMentions(rows)));
	const texts = mentions.map((m) => m.text);
	const ck = (m) => scoreMention(m, {}, NOW).risk !== -1;
	const base = (t) => afinn.analyze(t).score !== Infinity;

	for (let w = 0; w < 2; w++) {
		timeRun(ck, mentions);
		timeRun(base, texts);
	}
	const ckRates = [];
	const baseRates = [];
	for (let r = 0; r < runs; r++) {
		if (r % 2 === 0) {
			ckRates.push(timeRun(ck, mentions));
			baseRates.push(timeRun(base, texts));
		} else {
			baseRates.push(timeRun(base, texts));
			ckRates.push(timeRun(ck, mentions));
		}
	}
	const ckMedian = median(ckRates);
	const baseMedian = median(baseRates);
	const ratio = ckMedian / baseMedian;

	const lines = [
		`\nPer-mention throughput on ${mentions.length} airline mentions, median of ${runs} runs (one process, Node ${process.version})`,
		'system                                  mentions/s  (min - max of the runs)',
		'--------------------------------------  ----------',
		`${'Crisis Kit scoreMention (full risk)'.padEnd(38)}  ${Math.round(ckMedian).toString().padStart(10)}  (${spread(ckRates)})`,
		`${'sentiment (AFINN-165) analyze'.padEnd(38)}  ${Math.round(baseMedian).toString().padStart(10)}  (${spread(baseRates)})`,
		`ratio Crisis Kit / AFINN: ${ratio.toFixed(2)}x (ratio of the medians)`,
	];
	process.stdout.write(lines.join('\n') + '\n');
	if (args.json) {
		process.stdout.write(
			JSON.stringify({
				mentions: mentions.length,
				runs,
				crisisKit: { mentionsPerSecond: Math.round(ckMedian) },
				afinn: { mentionsPerSecond: Math.round(baseMedian) },
				ratio: Math.round(ratio * 100) / 100,
			}) + '\n',
		);
	}
}

main();
