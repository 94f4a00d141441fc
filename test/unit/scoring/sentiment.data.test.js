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
const FR_TRAIN_TEXT = path.join(DATA, 'french-tweets/train_text.txt');
const FR_TRAIN_LABELS = path.join(DATA, 'french-tweets/train_labels.txt');

const haveAirline = fs.existsSync(AIRLINE);
const haveFrench = fs.existsSync(FR_TEXT) && fs.existsSync(FR_LABELS);
const haveFrenchTrain = fs.existsSync(FR_TRAIN_TEXT) && fs.existsSync(FR_TRAIN_LABELS);

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

function frenchMacroF1(textFile, labelFile) {
	const texts = fs.readFileSync(textFile, 'utf8').split('\n');
	const labels = fs.readFileSync(labelFile, 'utf8').split('\n');
	const names = ['negative', 'neutral', 'positive'];
	const gold = [];
	const pred = [];
	labels.forEach((l, i) => {
		if (l.trim() === '') return;
		gold.push(names[Number(l)]);
		pred.push(analyzeSentiment(texts[i] || '', 'fr').label);
	});
	return classMetrics(gold, pred).macroF1;
}

(haveFrench ? describe : describe.skip)('sentiment quality on the French validation split', () => {
	it('reaches 3-class macro-F1 >= 0.63', () => {
		expect(frenchMacroF1(FR_TEXT, FR_LABELS)).toBeGreaterThanOrEqual(0.63);
	});
});

// Both splits are development data: validation errors shaped the first French lexicon,
// train errors the general vocabulary and rules added later. A floor on each guards
// against tuning to either one; the sealed test split is the held-out check.
(haveFrenchTrain ? describe : describe.skip)('sentiment quality on the French train split', () => {
	it('reaches 3-class macro-F1 >= 0.64', () => {
		expect(frenchMacroF1(FR_TRAIN_TEXT, FR_TRAIN_LABELS)).toBeGreaterThanOrEqual(0.64);
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
