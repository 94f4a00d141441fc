#!/usr/bin/env node
'use strict';
/**
 * NAB benchmark of what ships: Assess Situation's output.
 *
 *   npm run bench:nab -- [--data DIR] [--out DIR] [--json] [--thin P[,P…] [--thin-seeds N]]
 *
 * Runs the compiled Assess Situation engine (dist/core/scoring/situation) over every NAB-format
 * CSV in --data (`timestamp,value`): counts without texts, one bucket per row (bucket = the data's
 * step), assessed as each bucket closes, with the shipped defaults (nothing chosen per file). The
 * anomaly score of a row is the situation's score when its level went up there (an alarm), else
 * 0 (bench/lib/nabSituations.js). Writes NAB-format results (`timestamp,value,anomaly_score`, same
 * file names) to --out and scores them with our own NAB scorer (bench/lib/nabScorer.js) on the
 * three profiles, beside the published detectors found in DATA/reference-results/<name>/.
 *
 * Also printed, each clearly labelled:
 *  - nested leave-one-file-out (the headline): for each file, the setting (from the small grid
 *    NESTED_GRID, shipped defaults included) and the NAB threshold are chosen on the other files
 *    only, then the file is scored with them; pooled over the held-out files;
 *  - in-sample: the shipped defaults, threshold optimised over all files (NAB's own protocol);
 *  - per file: alerts per calm week and the detection delay of each labelled window, at the
 *    shipped alert level (what a team would have received);
 *  - the volume detector alone (its own score per row), the previous figure, for comparison;
 *  - with --thin: the same files with every mention kept with probability P (binomial thinning,
 *    seeds 1..N, default 3; bench/lib/thin.js): the same incidents at a twentieth of the volume
 *    for P = 0.05. In-sample, leave-one-file-out and shipped-threshold figures, median and range
 *    over the seeds. A robustness check of "the same level for 2 mentions a day and 2,000 an
 *    hour"; nothing is chosen on it.
 * Windows come from DATA/windows.json. Data is read-only; nothing is copied into the repo.
 * --json prints all figures as one JSON object on the last line.
 */
const fs = require('fs');
const path = require('path');
const { scoreCorpus, parseNabCsv, parseTimestamp, PROFILES } = require('./lib/nabScorer');
const { runSituations, alertStats } = require('./lib/nabSituations');
const { thinCounts } = require('./lib/thin');

/**
 * Settings the nested leave-one-file-out protocol chooses among (on the training files only).
 * Fixed before scoring; the first entry is the shipped defaults.
 */
const NESTED_GRID = [
	{ name: 'defaults', config: {} },
	// Every variant tried while building the situation's volume path (docs/detector.md, round 3),
	// so the nested figure pays for that selection too.
	{ name: 'volume persistence 2', config: { volumePersistenceBuckets: 2 } },
	{ name: 'de-escalation 24', config: { deescalationBuckets: 24 } },
	{ name: 'daily seasonality', config: { detector: { dailySeasonality: true } } },
	{ name: 'daily+weekly season', config: { detector: { dailySeasonality: true, weeklySeasonality: true } } },
	{ name: 'level 72 h', config: { detector: { levelHours: 72 } } },
	{ name: 'tail quantile 0.97', config: { detector: { tailQuantile: 0.97 } } },
	{ name: 'tail quantile 0.99', config: { detector: { tailQuantile: 0.99 } } },
];

const ROOT = path.resolve(__dirname, '..');

function parseArgs(argv) {
	const args = { data: path.resolve(ROOT, '../shared/data/nab-realtweets'), out: path.join(ROOT, 'bench/out/nab'), json: false, loo: false, nested: true, thin: [], thinSeeds: 3 };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--data') args.data = path.resolve(argv[++i]);
		else if (a === '--out') args.out = path.resolve(argv[++i]);
		else if (a === '--json') args.json = true;
		else if (a === '--loo') args.loo = true; // kept for old scripts: leave-one-out is always printed
		else if (a === '--no-nested') args.nested = false;
		else if (a === '--thin') {
			args.thin = String(argv[++i] ?? '')
				.split(',')
				.map(Number);
			if (args.thin.length === 0 || args.thin.some((p) => !(p > 0 && p <= 1))) throw new Error('--thin takes probabilities in (0, 1], e.g. --thin 0.5,0.2,0.05');
		} else if (a === '--thin-seeds') {
			args.thinSeeds = parseInt(argv[++i], 10);
			if (!(args.thinSeeds >= 1)) throw new Error('--thin-seeds takes a whole number ≥ 1');
		}
		else if (a === '--help' || a === '-h') {
			process.stdout.write('Usage: npm run bench:nab -- [--data DIR] [--out DIR] [--json] [--no-nested] [--thin P[,P…] [--thin-seeds N]]\n');
			process.exit(0);
		} else throw new Error(`Unknown argument ${a}`);
	}
	return args;
}

function loadCompiled(rel) {
	const p = path.join(ROOT, 'dist', rel);
	if (!fs.existsSync(p)) throw new Error(`${p} not found: run \`npm run build\` first (npm run bench:nab does).`);
	return require(p);
}

function fmt(x, w = 8) {
	return (typeof x === 'number' ? x.toFixed(1) : String(x)).padStart(w);
}

function pooled(list) {
	// Standard profile: A_TP = A_FN = 1, so null = -windows, perfect = +windows.
	const raw = list.reduce((a, l) => a + l.raw, 0);
	const win = list.reduce((a, l) => a + l.windows, 0);
	return win ? +((100 * (raw + win)) / (2 * win)).toFixed(2) : null;
}

/** Leave-one-file-out; with several candidate runs, the candidate is chosen on the training files too. */
function leaveOneOut(runsByCandidate) {
	const k = runsByCandidate[0].files.length;
	const folds = [];
	for (let h = 0; h < k; h++) {
		let best = null;
		for (const cand of runsByCandidate) {
			const train = cand.files.filter((_, i) => i !== h);
			const tr = scoreCorpus(train, { profiles: ['standard'] }).standard;
			if (!best || tr.score > best.train.score + 1e-9) best = { cand, train: tr };
		}
		const te = scoreCorpus([best.cand.files[h]], { profiles: ['standard'], threshold: best.train.threshold }).standard;
		folds.push({
			heldOut: best.cand.files[h].name,
			setting: best.cand.name,
			trainScore: +best.train.score.toFixed(2),
			threshold: best.train.threshold,
			heldOutScore: +te.score.toFixed(2),
			raw: te.raw,
			windows: te.windows,
		});
	}
	return { folds, pooled: pooled(folds) };
}

function main() {
	const args = parseArgs(process.argv.slice(2));
	const det = loadCompiled('core/detector/index.js');
	const sit = loadCompiled('core/scoring/situation.js');
	const windowsPath = path.join(args.data, 'windows.json');
	const windows = JSON.parse(fs.readFileSync(windowsPath, 'utf8'));
	const names = fs
		.readdirSync(args.data)
		.filter((f) => f.endsWith('.csv'))
		.sort();
	if (names.length === 0) throw new Error(`No CSV in ${args.data}`);
	fs.mkdirSync(args.out, { recursive: true });

	const series = names.map((name) => {
		const p = parseNabCsv(fs.readFileSync(path.join(args.data, name), 'utf8'));
		return { name, timestamps: p.timestamps, times: p.timestamps.map(parseTimestamp), values: p.values, windows: windows[name] || [] };
	});

	// Assess Situation with the shipped defaults: the result files.
	const t0 = process.hrtime.bigint();
	let maxStateBytes = 0;
	const runs = series.map((s) => {
		const r = runSituations(sit, s.times, s.values, {});
		maxStateBytes = Math.max(maxStateBytes, r.stateBytes);
		const lines = ['timestamp,value,anomaly_score'];
		for (let i = 0; i < r.scores.length; i++) lines.push(`${s.timestamps[i]},${s.values[i]},${r.scores[i]}`);
		fs.writeFileSync(path.join(args.out, s.name), lines.join('\n') + '\n');
		return { s, r };
	});
	const situationMs = Number(process.hrtime.bigint() - t0) / 1e6;
	const totalBuckets = series.reduce((a, s) => a + s.values.length, 0);
	const ours = runs.map(({ s, r }) => ({ name: s.name, timestamps: s.times, scores: r.scores, windows: s.windows }));

	// The volume detector alone (its own refractory score per row), for comparison.
	const detectorOnly = series.map((s) => {
		const cfg = { bucketMinutes: runs.find((x) => x.s === s).r.bucketMinutes };
		const st = det.createDetectorState(cfg);
		return { name: s.name, timestamps: s.times, scores: s.values.map((value, i) => det.updateDetector(st, { timestamp: s.times[i], value }, cfg).score), windows: s.windows };
	});

	const results = { crisisKit: scoreCorpus(ours), 'detector-only': scoreCorpus(detectorOnly) };
	const refDir = path.join(args.data, 'reference-results');
	if (fs.existsSync(refDir)) {
		for (const detName of fs.readdirSync(refDir).sort()) {
			const files = [];
			for (const s of series) {
				const p = path.join(refDir, detName, `${detName}_${s.name}`);
				if (!fs.existsSync(p)) continue;
				const r = parseNabCsv(fs.readFileSync(p, 'utf8'));
				files.push({ name: s.name, timestamps: r.timestamps.map(parseTimestamp), scores: r.scores, windows: s.windows });
			}
			if (files.length === series.length) results[detName] = scoreCorpus(files);
		}
	}

	const profiles = Object.keys(PROFILES);
	const out = [];
	out.push(`NAB scoring (our scorer) on ${series.length} files, ${ours.reduce((a, f) => a + f.windows.length, 0)} windows, data ${args.data}`);
	out.push('crisisKit = Assess Situation with the shipped defaults (counts without texts; alarm = level going up); in-sample: threshold optimised over these files');
	out.push(`${'detector'.padEnd(14)}${profiles.map((p) => p.padStart(20)).join('')}   detected  FP  threshold`);
	for (const [detName, r] of Object.entries(results)) {
		out.push(
			`${detName.padEnd(14)}${profiles.map((p) => fmt(r[p].score, 20)).join('')}   ${String(r.standard.detected).padStart(4)}/${r.standard.windows}  ${String(r.standard.falsePositives).padStart(3)}  ${r.standard.threshold.toFixed(3)}`,
		);
	}
	const sit0 = sit.DEFAULT_SITUATION_CONFIG.scoreThresholds.alert;
	const fixed = scoreCorpus(ours, { profiles: ['standard'], threshold: sit0 }).standard;
	out.push(`crisisKit at the shipped alert threshold (score ${sit0}, nothing optimised): standard ${fixed.score.toFixed(1)}, ${fixed.detected}/${fixed.windows} detected, ${fixed.falsePositives} FP`);
	out.push('');
	out.push(`crisisKit per file (standard, in-sample threshold): ${results.crisisKit.standard.perFile.map((f) => `${f.name.replace(/^Twitter_volume_|\.csv$/g, '')} ${f.detected}/${f.windows} FP ${f.falsePositives}`).join(', ')}`);

	// What a team receives at the shipped levels.
	const perFile = runs.map(({ s, r }) => ({ name: s.name, bucketMinutes: r.bucketMinutes, ...alertStats(s.times, r.levels, r.notify, s.windows, 'alert', parseTimestamp) }));
	out.push('at the shipped alert level (what a team receives): alerts per calm week; delay to alert per labelled window');
	for (const f of perFile) {
		const inc = f.incidents.map((i) => (i.delayMinutes === null ? 'missed' : `${fmtDelay(i.delayMinutes)}`)).join(', ');
		out.push(`  ${f.name.padEnd(34)} ${f.bucketMinutes}-min buckets  ${f.alertsPerCalmWeek === null ? 'no calm week' : `${f.alertsPerCalmWeek.toFixed(1)} alerts/calm week (${f.calmWeeks} weeks)`}  windows: ${inc || 'none'}`);
	}
	out.push(`Assess Situation throughput: ${Math.round(totalBuckets / (situationMs / 1000)).toLocaleString('en-US')} buckets/s (live mode, one bucket per run, incl. reasons); max state ${maxStateBytes} bytes (JSON)`);
	out.push(`results written to ${args.out}`);

	// Leave-one-file-out: the shipped defaults (threshold only), and nested (setting + threshold).
	let loo = null;
	let nested = null;
	if (ours.length > 1) {
		loo = leaveOneOut([{ name: 'defaults', files: ours }]);
		out.push(`leave-one-file-out, shipped defaults (threshold from the other files): pooled ${loo.pooled.toFixed(1)}; ${loo.folds.map((l) => `${short(l.heldOut)} ${l.heldOutScore.toFixed(1)}`).join(', ')}`);
		if (args.nested) {
			const candidates = [{ name: NESTED_GRID[0].name, files: ours }];
			for (const g of NESTED_GRID.slice(1)) {
				candidates.push({
					name: g.name,
					files: series.map((s) => ({ name: s.name, timestamps: s.times, scores: runSituations(sit, s.times, s.values, g.config).scores, windows: s.windows })),
				});
			}
			nested = leaveOneOut(candidates);
			out.push(`NESTED leave-one-file-out (setting from ${NESTED_GRID.length} candidates and threshold, both chosen on the other files): pooled ${nested.pooled.toFixed(1)}`);
			for (const l of nested.folds) out.push(`  ${short(l.heldOut).padEnd(28)} setting ${l.setting.padEnd(20)} threshold ${l.threshold.toFixed(3)}  train ${fmt(l.trainScore, 6)}  held-out ${fmt(l.heldOutScore, 6)}`);
		}
	}
	const thinning = args.thin.length > 0 ? volumeRobustness(sit, series, args.thin, args.thinSeeds, sit0) : null;
	if (thinning) {
		out.push('');
		out.push(`volume robustness (--thin): every mention kept with probability P, seeds 1..${args.thinSeeds}; shipped defaults; median [min–max] over the seeds`);
		out.push(`${'P'.padEnd(6)}${'in-sample'.padStart(22)}${'leave-one-file-out'.padStart(24)}${'at alert 0.4'.padStart(22)}${'FP (in-sample)'.padStart(16)}`);
		for (const t of thinning) {
			const cell = (m) => `${m.median.toFixed(1)} [${m.min.toFixed(1)}–${m.max.toFixed(1)}]`;
			out.push(`${String(t.p).padEnd(6)}${cell(t.inSample).padStart(22)}${cell(t.leaveOneOut).padStart(24)}${cell(t.atShippedThreshold).padStart(22)}${String(t.falsePositives.median).padStart(16)}`);
		}
	}
	process.stdout.write(out.join('\n') + '\n');

	if (args.json) {
		const pick = (r) => Object.fromEntries(profiles.map((p) => [p, +r[p].score.toFixed(2)]));
		const summary = {
			measures: 'Assess Situation (shipped defaults), counts without texts',
			nab: pick(results.crisisKit),
			detectorOnly: pick(results['detector-only']),
			reference: Object.fromEntries(Object.entries(results).filter(([k]) => k !== 'crisisKit' && k !== 'detector-only').map(([k, r]) => [k, pick(r)])),
			threshold: results.crisisKit.standard.threshold,
			atShippedAlertThreshold: { threshold: sit0, standard: +fixed.score.toFixed(2), detected: fixed.detected, falsePositives: fixed.falsePositives },
			detected: results.crisisKit.standard.detected,
			windows: results.crisisKit.standard.windows,
			falsePositives: results.crisisKit.standard.falsePositives,
			perFile: perFile.map((f) => ({ name: f.name, bucketMinutes: f.bucketMinutes, alertsPerCalmWeek: f.alertsPerCalmWeek, calmWeeks: f.calmWeeks, incidents: f.incidents })),
			bucketsPerSecond: Math.round(totalBuckets / (situationMs / 1000)),
			stateBytes: maxStateBytes,
			files: series.length,
		};
		if (loo) {
			summary.leaveOneOut = loo.folds.map(({ raw, windows: w, ...l }) => l);
			summary.leaveOneOutPooled = loo.pooled;
		}
		if (nested) {
			summary.nestedLeaveOneOut = nested.folds.map(({ raw, windows: w, ...l }) => l);
			summary.nestedLeaveOneOutPooled = nested.pooled;
		}
		if (thinning) summary.volumeRobustness = thinning;
		process.stdout.write(JSON.stringify(summary) + '\n');
	}
}

/** Median, min and max of a list of numbers. */
function spread(xs) {
	const v = [...xs].sort((a, b) => a - b);
	const mid = v.length >> 1;
	return { median: +(v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2).toFixed(2), min: +v[0].toFixed(2), max: +v[v.length - 1].toFixed(2) };
}

/** The shipped defaults on thinned copies of the series (in memory): in-sample, leave-one-file-out and at the shipped alert threshold. */
function volumeRobustness(sit, series, probabilities, seeds, alertThreshold) {
	return probabilities.map((p) => {
		const inSample = [];
		const loo = [];
		const atAlert = [];
		const fp = [];
		for (let seed = 1; seed <= seeds; seed++) {
			const files = series.map((s, k) => ({
				name: s.name,
				timestamps: s.times,
				scores: runSituations(sit, s.times, thinCounts(s.values, p, seed * 7919 + k), {}).scores,
				windows: s.windows,
			}));
			const r = scoreCorpus(files, { profiles: ['standard'] }).standard;
			inSample.push(r.score);
			fp.push(r.falsePositives);
			atAlert.push(scoreCorpus(files, { profiles: ['standard'], threshold: alertThreshold }).standard.score);
			if (files.length > 1) loo.push(leaveOneOut([{ name: 'defaults', files }]).pooled);
		}
		return { p, seeds, inSample: spread(inSample), leaveOneOut: loo.length ? spread(loo) : null, atShippedThreshold: spread(atAlert), falsePositives: spread(fp) };
	});
}

function short(name) {
	return name.replace(/^Twitter_volume_|\.csv$/g, '');
}

function fmtDelay(min) {
	return min >= 120 ? `${(min / 60).toFixed(1)} h` : `${min} min`;
}

try {
	main();
} catch (err) {
	process.stderr.write(`bench:nab failed: ${err.message}\n`);
	process.exit(1);
}
