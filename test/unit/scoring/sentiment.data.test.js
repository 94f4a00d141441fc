// JavaScript on purpose: it reads the shared evaluation data with fs (not allowed in linted .ts tests).
// The data is read in place from ../shared/data and never copied into the repository.
const fs = require('fs');
const path = require('path');
const { parseCsvObjects } = require('../../../bench/lib/csv');
const { classMetrics } = require('../../../bench/lib/metrics');
const { analyzeSentiment } = require('../../../core/scoring/sentiment');

const DATA = path.resolve(__dirname, '../../../../shared/data');
const AIRLINE = path.join(DATA, 'airline-sentiment/dev.csv');
const FR_TEXT = path.join(DATA, 'french-tweets/val_text.txt');
const FR_LABELS = path.join(DATA, 'french-tweets/val_labels.txt');

const haveAirline = fs.existsSync(AIRLINE);
const haveFrench = fs.existsSync(FR_TEXT) && fs.existsSync(FR_LABELS);

(haveAirline ? describe : describe.skip)('sentiment quality on the airline dev split', () => {
	it('reaches 3-class macro-F1 >= 0.70', () => {
		const rows = parseCsvObjects(fs.readFileSync(AIRLINE, 'utf8'));
		expect(rows.length).toBeGreaterThan(5000);
		// Ids stay strings: they exceed 2^53.
		expect(typeof rows[0].tweet_id).toBe('string');
		const gold = rows.map((r) => r.airline_sentiment);
		const pred = rows.map((r) => analyzeSentiment(r.text, 'en').label);
		const m = classMetrics(gold, pred);
		expect(m.macroF1).toBeGreaterThanOrEqual(0.7);
	});
});

(haveFrench ? describe : describe.skip)('sentiment quality on the French validation split', () => {
	it('reaches 3-class macro-F1 >= 0.62', () => {
		const texts = fs.readFileSync(FR_TEXT, 'utf8').split('\n');
		const labels = fs.readFileSync(FR_LABELS, 'utf8').split('\n');
		const names = ['negative', 'neutral', 'positive'];
		const gold = [];
		const pred = [];
		labels.forEach((l, i) => {
			if (l.trim() === '') return;
			gold.push(names[Number(l)]);
			pred.push(analyzeSentiment(texts[i] || '', 'fr').label);
		});
		const m = classMetrics(gold, pred);
		expect(m.macroF1).toBeGreaterThanOrEqual(0.62);
	});
});

describe('bench CSV parser', () => {
	it('handles quotes, doubled quotes, newlines in fields and CRLF', () => {
		const { parseCsv } = require('../../../bench/lib/csv');
		expect(parseCsv('a,b\r\n"x, ""y""\nz",123456789012345678901\n')).toEqual([
			['a', 'b'],
			['x, "y"\nz', '123456789012345678901'],
		]);
	});
});
