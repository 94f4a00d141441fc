// Runs the TypeScript detector (transformed by ts-jest) over the NAB realTweets files and
// scores it with our NAB scorer. JS on purpose: it reads /work/shared data with fs.
const fs = require('fs');
const path = require('path');
const { scoreCorpus, parseNabCsv, parseTimestamp } = require('../../../bench/lib/nabScorer');
const det = require('../../../core/detector');

const DATA = path.resolve(__dirname, '../../../../shared/data/nab-realtweets');
const haveData = fs.existsSync(path.join(DATA, 'windows.json'));
const maybe = haveData ? describe : describe.skip;

maybe('detector on the NAB realTweets development files', () => {
	const windows = haveData ? JSON.parse(fs.readFileSync(path.join(DATA, 'windows.json'), 'utf8')) : {};
	const files = Object.keys(windows).map((name) => {
		const p = parseNabCsv(fs.readFileSync(path.join(DATA, name), 'utf8'));
		const times = p.timestamps.map(parseTimestamp);
		const state = det.createDetectorState();
		const scores = p.values.map((value, i) => det.updateDetector(state, { timestamp: times[i], value }).score);
		return { name, timestamps: times, scores, windows: windows[name], state };
	});

	test('beats both published reference detectors on every profile', () => {
		const r = scoreCorpus(files);
		expect(r.standard.score).toBeGreaterThan(80);
		expect(r.reward_low_FP_rate.score).toBeGreaterThan(72);
		expect(r.reward_low_FN_rate.score).toBeGreaterThan(84);
		expect(r.standard.detected).toBeGreaterThanOrEqual(18);
	});

	test('scores are in [0, 1] and the state stays small', () => {
		for (const f of files) {
			for (const s of f.scores) {
				expect(s).toBeGreaterThanOrEqual(0);
				expect(s).toBeLessThanOrEqual(1);
			}
			expect(det.serializeDetectorState(f.state).length).toBeLessThan(64 * 1024);
		}
	});

	test('causal: scores of a prefix do not change when later rows are added', () => {
		const name = Object.keys(windows)[0];
		const p = parseNabCsv(fs.readFileSync(path.join(DATA, name), 'utf8'));
		const cut = 5000;
		const state = det.createDetectorState();
		const prefix = p.values.slice(0, cut).map((value, i) => det.updateDetector(state, { timestamp: p.timestamps[i], value }).score);
		expect(prefix).toEqual(files[0].scores.slice(0, cut));
	});
});
