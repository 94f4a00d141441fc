'use strict';
/**
 * bench:sentiment — 3-class sentiment quality of Crisis Kit beside three lexicon baselines.
 *
 *   npm run bench:sentiment [-- --airline FILE --french-text FILE --french-labels FILE --json]
 *
 * Data (evaluation only, read in place, never copied): the airline dev split (CSV, quoted
 * fields, newlines in texts, ids > 2^53) and the French validation split (one tweet per
 * line, labels 0 = negative, 1 = neutral, 2 = positive).
 * Baselines: `sentiment` (AFINN-165, neutral = score 0), `vader-sentiment` (compound
 * ±0.05), `wink-sentiment` (neutral = score 0). They are English-only tools: on French
 * they are run as they are, for reference.
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
	dist: path.resolve(__dirname, '../dist'),
	json: false,
});

const { analyzeSentiment } = require(path.join(path.resolve(args.dist), 'core/scoring/sentiment'));
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

function loadAirline(file) {
	const rows = parseCsvObjects(fs.readFileSync(file, 'utf8'));
	return rows
		.filter((r) => r.text !== undefined && ['negative', 'neutral', 'positive'].includes(r.airline_sentiment))
		.map((r) => ({ id: String(r.tweet_id), text: r.text, gold: r.airline_sentiment }));
}

function loadFrench(textFile, labelFile) {
	const texts = fs.readFileSync(textFile, 'utf8').split('\n');
	const labels = fs.readFileSync(labelFile, 'utf8').split('\n');
	const names = { 0: 'negative', 1: 'neutral', 2: 'positive' };
	const out = [];
	for (let i = 0; i < labels.length; i++) {
		const l = labels[i].trim();
		if (l === '') continue;
		out.push({ id: String(i), text: texts[i] || '', gold: names[l] });
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
	return {
		macroF1: round(ck.macroF1),
		accuracy: round(ck.accuracy),
		negativeF1: round(ck.negativeF1),
		perClassF1: {
			negative: round(ck.perClass.negative.f1),
			neutral: round(ck.perClass.neutral.f1),
			positive: round(ck.perClass.positive.f1),
		},
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

function main() {
	const out = {};
	const printed = [];
	if (args.airline && fs.existsSync(args.airline)) {
		const items = loadAirline(args.airline);
		const res = evaluate(items, 'en');
		printed.push(table(`Airline tweets, English: ${path.basename(args.airline)}`, items.length, res));
		out.airline = { n: items.length, ...summarise(res) };
	} else {
		printed.push(`airline file not found: ${args.airline}`);
	}
	if (args.frenchText && fs.existsSync(args.frenchText) && fs.existsSync(args.frenchLabels)) {
		const items = loadFrench(args.frenchText, args.frenchLabels);
		const res = evaluate(items, 'fr');
		printed.push(
			table(`French tweets: ${path.basename(args.frenchText)}`, items.length, res, 'baselines are English-only tools, shown for reference'),
		);
		out.french = { n: items.length, ...summarise(res) };
	} else {
		printed.push(`french files not found: ${args.frenchText}`);
	}
	process.stdout.write(printed.join('\n') + '\n');
	if (args.json) process.stdout.write(JSON.stringify(out) + '\n');
}

main();
