// NAB on what ships: Assess Situation (core/scoring/situation, transformed by ts-jest) over the NAB
// count series, counts without texts, shipped defaults, scored with our NAB scorer. The same path
// as `npm run bench:nab` (bench/lib/nabSituations.js). JS on purpose: it reads /work/shared data with fs.
const fs = require('fs');
const path = require('path');
const { scoreCorpus, parseNabCsv, parseTimestamp } = require('../../../bench/lib/nabScorer');
const { runSituations, alertStats } = require('../../../bench/lib/nabSituations');
const sit = require('../../../core/scoring/situation');

const DATA = path.resolve(__dirname, '../../../../shared/data');

function load(dir) {
	const windows = JSON.parse(fs.readFileSync(path.join(dir, 'windows.json'), 'utf8'));
	return Object.keys(windows).sort().map((name) => {
		const p = parseNabCsv(fs.readFileSync(path.join(dir, name), 'utf8'));
		const times = p.timestamps.map(parseTimestamp);
		const r = runSituations(sit, times, p.values, {});
		return { name, timestamps: times, scores: r.scores, windows: windows[name], run: r, values: p.values };
	});
}

function pooledLeaveOneOut(files) {
	let raw = 0;
	let windows = 0;
	for (let h = 0; h < files.length; h++) {
		const tr = scoreCorpus(files.filter((_, i) => i !== h), { profiles: ['standard'] }).standard;
		const te = scoreCorpus([files[h]], { profiles: ['standard'], threshold: tr.threshold }).standard;
		raw += te.raw;
		windows += te.windows;
	}
	return (100 * (raw + windows)) / (2 * windows);
}

const tweets = path.join(DATA, 'nab-realtweets');
const maybeTweets = fs.existsSync(path.join(tweets, 'windows.json')) ? describe : describe.skip;
maybeTweets('Assess Situation on the NAB realTweets development files', () => {
	const files = load(tweets);

	test('NAB standard >= 80 in sample and leave-one-file-out (threshold from the other files)', () => {
		const r = scoreCorpus(files, { profiles: ['standard'] }).standard;
		expect(r.score).toBeGreaterThanOrEqual(80);
		expect(r.detected).toBeGreaterThanOrEqual(17);
		expect(pooledLeaveOneOut(files)).toBeGreaterThanOrEqual(80);
	});

	test('an alarm is a level going up, with the score the level was chosen from', () => {
		for (const f of files) {
			for (let i = 0; i < f.scores.length; i++) {
				if (f.scores[i] === 0) continue;
				expect(f.scores[i]).toBeGreaterThanOrEqual(0.25);
				expect(f.scores[i]).toBeLessThanOrEqual(1);
				expect(f.run.levels[i]).not.toBe('calm');
			}
			expect(f.run.stateBytes).toBeLessThan(64 * 1024);
		}
	});

	test('at the shipped alert level: few alerts on calm weeks, every file has a detected window', () => {
		for (const f of files) {
			const st = alertStats(f.timestamps, f.run.levels, f.run.notify, f.windows, 'alert', parseTimestamp);
			expect(st.alertsPerCalmWeek).not.toBeNull();
			expect(st.alertsPerCalmWeek).toBeLessThanOrEqual(3);
			expect(st.incidents.some((i) => i.delayMinutes !== null)).toBe(true);
		}
	});
});

const other = path.join(DATA, 'nab-counts-other');
const maybeOther = fs.existsSync(path.join(other, 'windows.json')) ? describe : describe.skip;
maybeOther('Assess Situation on the two NAB count series (out-of-category check, never fitted)', () => {
	test('stays above the volume detector alone (57.5) and the shipped figure does not regress (61.6; the 79 target is not reached, see docs/detector.md)', () => {
		const files = load(other);
		const r = scoreCorpus(files, { profiles: ['standard'] }).standard;
		expect(r.score).toBeGreaterThanOrEqual(60);
		expect(r.detected).toBeGreaterThanOrEqual(5);
	});
});
