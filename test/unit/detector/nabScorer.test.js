// Reproduces the published NAB scores of two reference detectors with our own scorer.
const fs = require('fs');
const path = require('path');
const { scoreCorpus, parseNabCsv, scaledSigmoid, probationLength } = require('../../../bench/lib/nabScorer');

const DATA = path.resolve(__dirname, '../../../../shared/data/nab-realtweets');
const haveData = fs.existsSync(path.join(DATA, 'windows.json'));
const maybe = haveData ? describe : describe.skip;

function loadReference(detector) {
	const windows = JSON.parse(fs.readFileSync(path.join(DATA, 'windows.json'), 'utf8'));
	return Object.keys(windows).map((name) => {
		const p = parseNabCsv(fs.readFileSync(path.join(DATA, 'reference-results', detector, `${detector}_${name}`), 'utf8'));
		return { name, timestamps: p.timestamps, scores: p.scores, windows: windows[name] };
	});
}

describe('NAB scorer building blocks', () => {
	test('scaled sigmoid and probation', () => {
		expect(scaledSigmoid(0)).toBeCloseTo(0, 10);
		expect(scaledSigmoid(-1)).toBeCloseTo(0.98661, 4);
		expect(scaledSigmoid(3.5)).toBe(-1);
		expect(probationLength(15902)).toBe(750);
		expect(probationLength(1000)).toBe(150);
	});

	test('null and perfect detectors score 0 and 100', () => {
		const timestamps = Array.from({ length: 2000 }, (_, i) => i * 300000);
		const windows = [[timestamps[1000], timestamps[1099]], [timestamps[1500], timestamps[1599]]];
		const nul = scoreCorpus([{ name: 'a', timestamps, scores: timestamps.map(() => 0), windows }]);
		expect(nul.standard.score).toBeCloseTo(0, 6);
		const perfect = timestamps.map((_, i) => (i === 1000 || i === 1500 ? 1 : 0));
		const p = scoreCorpus([{ name: 'a', timestamps, scores: perfect, windows }]);
		for (const prof of ['standard', 'reward_low_FP_rate', 'reward_low_FN_rate']) expect(p[prof].score).toBeCloseTo(100, 6);
	});

	test('a false positive before the first window costs A_FP', () => {
		const timestamps = Array.from({ length: 2000 }, (_, i) => i * 300000);
		const windows = [[timestamps[1000], timestamps[1099]]];
		const scores = timestamps.map((_, i) => (i === 1000 || i === 800 ? 1 : 0));
		const r = scoreCorpus([{ name: 'a', timestamps, scores, windows }], { threshold: 1 });
		expect(r.standard.raw).toBeCloseTo(1 - 0.11, 6);
		expect(r.reward_low_FP_rate.raw).toBeCloseTo(1 - 0.22, 6);
	});
});

maybe('NAB scorer reproduces the published answers on the six realTweets files', () => {
	test.each([
		['numenta', 65.2, 60.4, 68.0],
		['twitterADVec', 64.3, 43.2, 72.7],
	])('%s', (detector, standard, lowFP, lowFN) => {
		const r = scoreCorpus(loadReference(detector));
		expect(Math.abs(r.standard.score - standard)).toBeLessThanOrEqual(0.1);
		expect(Math.abs(r.reward_low_FP_rate.score - lowFP)).toBeLessThanOrEqual(0.1);
		expect(Math.abs(r.reward_low_FN_rate.score - lowFN)).toBeLessThanOrEqual(0.1);
	});
});
