'use strict';
/**
 * bench:sentiment — 3-class sentiment quality of Crisis Kit beside three lexicon baselines,
 * per domain, with the role of each split said in the output.
 *
 *   npm run bench:sentiment [-- --airline FILE --french-text FILE --french-labels FILE
 *                               --tweeteval-text FILE --tweeteval-labels FILE
 *                               --english-text FILE --english-labels FILE [--english-name NAME]
 *                               --calibrate --json]
 *
 * Splits (evaluation only, read in place from ../shared/data, never copied):
 *   - airline dev (CSV: quoted fields, newlines in texts, ids > 2^53) — English customer
 *     complaints; ERROR ANALYSIS split (its errors shaped the rules and lexicon);
 *   - TweetEval sentiment val (one tweet per line) — general English tweets; CHECK. Its even
 *     lines (0, 2, 4…) entered the neutral-band calibration as an aggregate macro-F1 only;
 *     its odd lines are printed apart as the untouched check;
 *   - French val (one tweet per line) — CHECK (French train is the French error-analysis split);
 *   - --english-text/--english-labels: any one-text-per-line English file, labels 0/1/2 or
 *     negative/neutral/positive on the same line of the labels file — CHECK.
 * Labels files: 0 = negative, 1 = neutral, 2 = positive.
 * Baselines, all at their default cut-offs: `sentiment` (AFINN-165, neutral = score 0),
 * `vader-sentiment` (compound ±0.05), `wink-sentiment` (neutral = score 0). They are
 * English-only tools: on French they are run as they are, for reference.
 * --calibrate: the neutral-band grid behind the shipped thresholds (see docs/scoring-mentions.md).
 */
const fs = require('fs');
const path = require('path');
const { parseCsvObjects } = require('./lib/csv');
const { parseBenchArgs } = require('./lib/benchArgs');
const { classMetrics, round } = require('./lib/metrics');

const SHARED = path.resolve(__dirname, '../../shared/data');
const args = parseBenchArgs(process.argv.slice(2), {
	airline: path.join(SHARED, 'airline-sentiment/dev.csv'),
	frenchText: path.join(SHARED, 'french-tweets/val_text.txt'),
	frenchLabels: path.join(SHARED, 'french-tweets/val_labels.txt'),
	frenchTrainText: path.join(SHARED, 'french-tweets/train_text.txt'),
	frenchTrainLabels: path.join(SHARED, 'french-tweets/train_labels.txt'),
	tweetevalText: path.join(SHARED, 'tweeteval-sentiment/val_text.txt'),
	tweetevalLabels: path.join(SHARED, 'tweeteval-sentiment/val_labels.txt'),
	englishText: null,
	englishLabels: null,
	englishName: null,
	dist: path.resolve(__dirname, '../dist'),
	calibrate: false,
	json: false,
});

const { analyzeSentiment, sentimentThresholds } = require(path.join(path.resolve(args.dist), 'core/scoring/sentiment'));
const Sentiment = require('sentiment');
const vader = require('vader-sentiment');
const wink = require('wink-sentiment');

const afinn = new Sentiment();
const label = (score, eps) => (score > eps ? 'positive' : score < -eps ? 'negative' : 'neutral');

const SYSTEMS = {
	'Crisis Kit': (text, lang) => analyzeSentiment(text, lang).label,
	'sentiment (AFINN-165)': (text) => label(afinn.analyze(text).score, 0),
	'vader-sentiment': (text) => label(vader.SentimentIntensityAnalyzer.polarity_scores(text).compound, 0.05 - 1e-12),
	'wink-sentiment': (text) => label(wink(text).score, 0),
};
const BASELINES = Object.keys(SYSTEMS).filter((n) => n !== 'Crisis Kit');

function loadAirline(file) {
	const rows = parseCsvObjects(fs.readFileSync(file, 'utf8'));
	return rows
		.filter((r) => r.text !== undefined && ['negative', 'neutral', 'positive'].includes(r.airline_sentiment))
		.map((r) => ({ id: String(r.tweet_id), text: r.text, gold: r.airline_sentiment }));
}

const LABEL_NAMES = { 0: 'negative', 1: 'neutral', 2: 'positive', negative: 'negative', neutral: 'neutral', positive: 'positive' };

/** One text per line, its label on the same line of the labels file (0/1/2 or the names). */
function loadLines(textFile, labelFile) {
	const texts = fs.readFileSync(textFile, 'utf8').split('\n');
	const labels = fs.readFileSync(labelFile, 'utf8').split('\n');
	const out = [];
	for (let i = 0; i < labels.length; i++) {
		const l = labels[i].trim().toLowerCase();
		if (l === '') continue;
		const gold = LABEL_NAMES[l];
		if (!gold) throw new Error(`${labelFile}:${i + 1}: unknown label '${labels[i]}'`);
		out.push({ id: String(i), text: (texts[i] || '').replace(/\r$/, ''), gold });
	}
	return out;
}

function evaluate(items, lang) {
	const gold = items.map((x) => x.gold);
	const results = {};
	for (const [name, fn] of Object.entries(SYSTEMS)) {
		const pred = items.map((x) => fn(x.text, lang));
		results[name] = classMetrics(gold, pred);
	}
	return results;
}

function summarise(results) {
	const ck = results['Crisis Kit'];
	const baselines = {};
	for (const [name, m] of Object.entries(results)) {
		if (name === 'Crisis Kit') continue;
		baselines[name] = { macroF1: round(m.macroF1), accuracy: round(m.accuracy), negativeF1: round(m.negativeF1) };
	}
	const best = Math.max(...BASELINES.map((n) => results[n].macroF1));
	return {
		macroF1: round(ck.macroF1),
		accuracy: round(ck.accuracy),
		negativeF1: round(ck.negativeF1),
		perClassF1: {
			negative: round(ck.perClass.negative.f1),
			neutral: round(ck.perClass.neutral.f1),
			positive: round(ck.perClass.positive.f1),
		},
		bestBaselineMacroF1: round(best),
		baselines,
	};
}

function table(title, n, results, note) {
	const lines = [];
	lines.push(`\n${title} (${n} texts)${note ? ' — ' + note : ''}`);
	lines.push('system                   macro-F1  accuracy  neg-F1  neu-F1  pos-F1');
	lines.push('-----------------------  --------  --------  ------  ------  ------');
	for (const [name, m] of Object.entries(results)) {
		lines.push(
			`${name.padEnd(23)}  ${m.macroF1.toFixed(3).padStart(8)}  ${m.accuracy.toFixed(3).padStart(8)}  ` +
				`${m.perClass.negative.f1.toFixed(3).padStart(6)}  ${m.perClass.neutral.f1.toFixed(3).padStart(6)}  ` +
				`${m.perClass.positive.f1.toFixed(3).padStart(6)}`,
		);
	}
	return lines.join('\n');
}

/** The per-domain summary: Crisis Kit beside each baseline's macro-F1, and the margin over the best. */
function domainTable(rows) {
	const lines = ['\nPer domain (3-class macro-F1; margin = Crisis Kit minus the best baseline)'];
	lines.push('domain                               role            n      CK    AFINN   VADER    wink   margin');
	lines.push('-----------------------------------  --------------  -----  -----  ------  ------  ------  ------');
	for (const r of rows) {
		const b = r.summary.baselines;
		const margin = r.summary.macroF1 - r.summary.bestBaselineMacroF1;
		lines.push(
			`${r.domain.slice(0, 35).padEnd(35)}  ${r.role.padEnd(14)}  ${String(r.n).padStart(5)}  ${r.summary.macroF1.toFixed(3)}  ` +
				`${b['sentiment (AFINN-165)'].macroF1.toFixed(3).padStart(6)}  ${b['vader-sentiment'].macroF1.toFixed(3).padStart(6)}  ` +
				`${b['wink-sentiment'].macroF1.toFixed(3).padStart(6)}  ${(margin >= 0 ? '+' : '') + margin.toFixed(3)}`,
		);
	}
	return lines.join('\n');
}

/** Crisis Kit's macro-F1 at a given neutral band (the text is analysed once per band). */
function macroAt(items, lang, polar, question) {
	const pred = items.map((x) => analyzeSentiment(x.text, lang, { thresholds: { polar, question } }).label);
	return classMetrics(
		items.map((x) => x.gold),
		pred,
	).macroF1;
}

const POLAR_GRID = [0.5, 0.75, 1, 1.5, 2];
const QUESTION_GRID = [0, 0.5, 1];

/**
 * The calibration behind the shipped thresholds: per language, the symmetric band (polar,
 * question) on a fixed grid with the best mean macro-F1 over that language's calibration
 * splits (English: airline dev and TweetEval val even lines; French: French train). Also the
 * nested check for English: the band chosen on one split alone, scored on the other.
 */
function calibrate(printed, out) {
	const en = [];
	if (fs.existsSync(args.airline)) en.push({ name: 'airline dev', items: loadAirline(args.airline) });
	if (fs.existsSync(args.tweetevalText)) {
		en.push({ name: 'TweetEval val even lines', items: loadLines(args.tweetevalText, args.tweetevalLabels).filter((x, i) => i % 2 === 0) });
	}
	const fr = [];
	if (fs.existsSync(args.frenchTrainText)) fr.push({ name: 'French train', items: loadLines(args.frenchTrainText, args.frenchTrainLabels) });
	const result = {};
	for (const [lang, splits] of [['en', en], ['fr', fr]]) {
		if (splits.length === 0) {
			printed.push(`\ncalibration (${lang}): no calibration split found, skipped`);
			continue;
		}
		const grid = [];
		for (const polar of POLAR_GRID) {
			for (const question of QUESTION_GRID) {
				const scores = splits.map((s) => macroAt(s.items, lang, polar, question));
				grid.push({ polar, question, scores, mean: scores.reduce((a, b) => a + b, 0) / scores.length });
			}
		}
		const best = grid.reduce((a, b) => (b.mean > a.mean + 1e-9 ? b : a));
		const shipped = sentimentThresholds(lang);
		const lines = [`\nNeutral-band calibration (${lang}): mean macro-F1 over ${splits.map((s) => s.name).join(' + ')}`];
		lines.push(`polar  question  ${splits.map((s) => s.name.padStart(24)).join('  ')}      mean`);
		for (const g of grid) {
			const mark = g === best ? '  <- best' : g.polar === shipped.polar && g.question === shipped.question ? '  <- shipped' : '';
			lines.push(
				`${g.polar.toFixed(2).padStart(5)}  ${g.question.toFixed(2).padStart(8)}  ${g.scores.map((x) => x.toFixed(3).padStart(24)).join('  ')}  ${g.mean.toFixed(3).padStart(8)}${mark}`,
			);
		}
		lines.push(`shipped: polar ${shipped.polar}, question ${shipped.question}`);
		if (splits.length === 2) {
			// Nested: choose on one split alone, score on the other.
			for (let k = 0; k < 2; k++) {
				const on = grid.reduce((a, b) => (b.scores[k] > a.scores[k] + 1e-9 ? b : a));
				lines.push(
					`nested: chosen on ${splits[k].name} alone -> polar ${on.polar}, question ${on.question}; ${splits[1 - k].name} ${on.scores[1 - k].toFixed(3)}`,
				);
			}
		}
		printed.push(lines.join('\n'));
		result[lang] = { chosen: { polar: best.polar, question: best.question }, shipped, splits: splits.map((s) => s.name) };
	}
	out.calibration = result;
}

function main() {
	const out = {};
	const printed = [];
	const domains = [];
	printed.push(
		'Roles: error analysis = airline dev (English) and French train (French, not scored here); ' +
			'checks = TweetEval val, French val and any --english-text file (their individual errors are not read). ' +
			'The neutral band was calibrated on airline dev, TweetEval val even lines and French train (aggregate macro-F1 only).',
	);
	if (args.airline && fs.existsSync(args.airline)) {
		const items = loadAirline(args.airline);
		const res = evaluate(items, 'en');
		// The shipped dev split is the error-analysis split; any other airline file is a check.
		const role = path.resolve(args.airline) === path.join(SHARED, 'airline-sentiment/dev.csv') ? 'error analysis' : 'check';
		printed.push(table(`Airline tweets, English: ${path.basename(args.airline)}`, items.length, res, role === 'check' ? 'check' : 'error-analysis split'));
		out.airline = { n: items.length, role, ...summarise(res) };
		domains.push({ domain: `airline customers (${path.basename(args.airline)})`, role, n: items.length, summary: out.airline });
	} else {
		printed.push(`airline file not found: ${args.airline} (skipped)`);
	}
	if (args.tweetevalText && fs.existsSync(args.tweetevalText) && fs.existsSync(args.tweetevalLabels)) {
		const all = loadLines(args.tweetevalText, args.tweetevalLabels);
		const res = evaluate(all, 'en');
		printed.push(table(`General English tweets (TweetEval): ${path.basename(args.tweetevalText)}`, all.length, res, 'check'));
		out.tweeteval = { n: all.length, role: 'check', ...summarise(res) };
		domains.push({ domain: 'general tweets (TweetEval val)', role: 'check', n: all.length, summary: out.tweeteval });
		const odd = all.filter((x, i) => i % 2 === 1);
		const resOdd = evaluate(odd, 'en');
		out.tweetevalOdd = { n: odd.length, role: 'untouched check', ...summarise(resOdd) };
		domains.push({ domain: 'general tweets, odd lines only', role: 'untouched check', n: odd.length, summary: out.tweetevalOdd });
	} else {
		printed.push(`TweetEval files not found: ${args.tweetevalText} (skipped)`);
	}
	if (args.englishText) {
		if (!fs.existsSync(args.englishText) || !args.englishLabels || !fs.existsSync(args.englishLabels)) {
			throw new Error(`--english-text/--english-labels: file not found (${args.englishText}, ${args.englishLabels})`);
		}
		const items = loadLines(args.englishText, args.englishLabels);
		const res = evaluate(items, 'en');
		const name = args.englishName || path.basename(args.englishText);
		printed.push(table(`English: ${name}`, items.length, res, 'check'));
		out.english = { n: items.length, role: 'check', name, ...summarise(res) };
		domains.push({ domain: `English: ${name}`, role: 'check', n: items.length, summary: out.english });
	}
	if (args.frenchText && fs.existsSync(args.frenchText) && fs.existsSync(args.frenchLabels)) {
		const items = loadLines(args.frenchText, args.frenchLabels);
		const res = evaluate(items, 'fr');
		// French train is the French error-analysis split; val and any other file are checks.
		const role = path.resolve(args.frenchText) === path.resolve(args.frenchTrainText) ? 'error analysis' : 'check';
		printed.push(
			table(`French tweets: ${path.basename(args.frenchText)}`, items.length, res, `${role}; baselines are English-only tools, shown for reference`),
		);
		out.french = { n: items.length, role, ...summarise(res) };
		domains.push({ domain: `French tweets (${path.basename(args.frenchText)})`, role, n: items.length, summary: out.french });
	} else {
		printed.push(`french files not found: ${args.frenchText} (skipped)`);
	}
	if (domains.length > 0) printed.push(domainTable(domains));
	if (args.calibrate) calibrate(printed, out);
	process.stdout.write(printed.join('\n') + '\n');
	if (args.json) process.stdout.write(JSON.stringify(out) + '\n');
}

main();
