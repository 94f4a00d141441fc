'use strict';
/**
 * bench:score — per-mention scoring throughput of Crisis Kit's scoreMention beside the
 * `sentiment` package (AFINN-165) analysing the same texts, in the same process.
 *
 *   npm run bench:score [-- --sample FILE --tweeteval-text FILE --airline FILE --language en --runs 7 --json]
 *
 * Realistic mentions, language left to detection: the texts of the shipped sample
 * (samples/orvia-data-leak.sample.json, English and French brand mentions) and of TweetEval
 * val (general English tweets, read in place from ../shared/data, never copied), each given
 * `language: null` so that every mention goes through `detectLanguage` as an untagged feed
 * item would (`--language en` tags them instead; `--airline FILE` adds the airline texts).
 * Deterministic followers and engagement so every factor is computed. What is timed per item:
 *   - Crisis Kit: `scoreMention(mention, {}, now, analyzer)`, one text analyser for the whole
 *     run as the Score node keeps one per execution (createTextAnalyzer), the whole per-mention output (language,
 *     sentiment, themes, every factor with its contribution and its reason, summary);
 *   - AFINN: `new Sentiment().analyze(text)` on the same mention's text.
 * Each run scores every item once; the figure is the median of the runs (after two warm-up
 * runs per system, which also build each side's lexicon), systems interleaved run by run
 * and the order swapped every run so neither always runs right after the other's garbage.
 * The languages the mentions were scored in (or why not) are counted and printed.
 */
const fs = require('fs');
const path = require('path');
const { parseCsvObjects } = require('./lib/csv');
const { parseBenchArgs } = require('./lib/benchArgs');

const SHARED = path.resolve(__dirname, '../../shared/data');
const args = parseBenchArgs(process.argv.slice(2), {
	sample: path.resolve(__dirname, '../samples/orvia-data-leak.sample.json'),
	tweetevalText: path.join(SHARED, 'tweeteval-sentiment/val_text.txt'),
	airline: null,
	language: null,
	runs: '7',
	dist: path.resolve(__dirname, '../dist'),
	json: false,
});
const runs = Math.max(5, parseInt(args.runs, 10) || 7);
const language = typeof args.language === 'string' ? args.language : null;

const scoring = require(path.join(path.resolve(args.dist), 'core/scoring/scoreMention'));
// One text analyser (the pass's scratch) for the run, as the node keeps one per execution;
// a build before createTextAnalyzer existed ignores the extra argument.
const analyzer = scoring.createTextAnalyzer ? scoring.createTextAnalyzer() : undefined;
const scoreMention = (m, options, now) => scoring.scoreMention(m, options, now, analyzer);
const Sentiment = require('sentiment');

const afinn = new Sentiment();
const NOW = '2026-03-05T12:00:00.000Z';

function buildMention(text, i, platform, shares) {
	return {
		id: `${platform}:${i}`,
		platform,
		source: 'bench',
		nativeId: String(i),
		url: null,
		publishedAt: new Date(Date.parse(NOW) - ((i * 7919) % 86400) * 1000).toISOString(),
		title: null,
		text,
		language,
		author: { id: null, handle: `someone${i % 97}`, name: null, url: null, followers: (i * 7919) % 250000, verified: i % 50 === 0 },
		engagement: { likes: (i * 13) % 400, shares, replies: i % 9, views: null },
		inReplyToId: null,
		rating: null,
		hashtags: [],
	};
}

/** The corpus: [{ name, texts }] from the files that exist (a missing default file is reported and skipped). */
function loadCorpus(notes) {
	const parts = [];
	if (args.sample && fs.existsSync(args.sample)) {
		const sample = JSON.parse(fs.readFileSync(args.sample, 'utf8'));
		parts.push({ name: `sample ${path.basename(args.sample)}`, texts: sample.mentions.map((m) => String(m.text || m.title || '')) });
	} else notes.push(`sample not found: ${args.sample} (skipped)`);
	if (args.tweetevalText && fs.existsSync(args.tweetevalText)) {
		const texts = fs.readFileSync(args.tweetevalText, 'utf8').split('\n').filter((t) => t.trim() !== '');
		parts.push({ name: 'TweetEval val', texts });
	} else notes.push(`TweetEval texts not found: ${args.tweetevalText} (skipped)`);
	if (args.airline) {
		const rows = parseCsvObjects(fs.readFileSync(args.airline, 'utf8')).filter((r) => typeof r.text === 'string');
		parts.push({ name: `airline ${path.basename(args.airline)}`, texts: rows.map((r) => r.text) });
	}
	if (parts.length === 0) throw new Error('bench:score: no text found (sample, TweetEval, airline)');
	return parts;
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
	const notes = [];
	const parts = loadCorpus(notes);
	let i = 0;
	const built = [];
	for (const part of parts) {
		for (const text of part.texts) {
			built.push(buildMention(text, i, 'x', i % 17));
			i++;
		}
	}
	// n8n items reach a node through JSON: round-trip so both systems get flat strings.
	const mentions = JSON.parse(JSON.stringify(built));
	const texts = mentions.map((m) => m.text);
	// How the mentions were scored (language from detection, or unscored).
	const outcome = {};
	for (const m of mentions) {
		const s = scoreMention(m, {}, NOW);
		const key = s.unscored ? 'unscored' : `${s.language}${/detected from the text/.test(s.reasons.join(' ')) ? ' (detected)' : / first scored language/.test(s.reasons.join(' ')) ? ' (fallback: text does not tell)' : ''}`;
		outcome[key] = (outcome[key] || 0) + 1;
	}
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
		...notes,
		`\nPer-mention throughput on ${mentions.length} mentions (${parts.map((p) => `${p.name}: ${p.texts.length}`).join(', ')}), language ${language ? `'${language}' (tagged)` : 'left to detection'}, median of ${runs} runs (one process, Node ${process.version})`,
		'system                                  mentions/s  (min - max of the runs)',
		'--------------------------------------  ----------',
		`${'Crisis Kit scoreMention (full risk)'.padEnd(38)}  ${Math.round(ckMedian).toString().padStart(10)}  (${spread(ckRates)})`,
		`${'sentiment (AFINN-165) analyze'.padEnd(38)}  ${Math.round(baseMedian).toString().padStart(10)}  (${spread(baseRates)})`,
		`ratio Crisis Kit / AFINN: ${ratio.toFixed(2)}x (ratio of the medians)`,
		`languages: ${Object.entries(outcome)
			.map(([k, v]) => `${k} ${v}`)
			.join(', ')}`,
	];
	process.stdout.write(lines.join('\n') + '\n');
	if (args.json) {
		process.stdout.write(
			JSON.stringify({
				mentions: mentions.length,
				corpus: parts.map((p) => ({ name: p.name, mentions: p.texts.length })),
				language: language ?? 'detected',
				languages: outcome,
				runs,
				crisisKit: { mentionsPerSecond: Math.round(ckMedian) },
				afinn: { mentionsPerSecond: Math.round(baseMedian) },
				ratio: Math.round(ratio * 100) / 100,
			}) + '\n',
		);
	}
}

main();
