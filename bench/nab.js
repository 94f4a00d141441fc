#!/usr/bin/env node
'use strict';
/**
 * NAB benchmark of the streaming volume detector.
 *
 *   npm run bench:nab -- [--data DIR] [--out DIR] [--loo] [--json]
 *
 * Runs the compiled detector (dist/core/detector) over every NAB-format CSV in --data
 * (`timestamp,value`), writes NAB-format results (`timestamp,value,anomaly_score`, same file
 * names) to --out, and scores them with our own NAB scorer (bench/lib/nabScorer.js) on the
 * three profiles, beside the published detectors found in DATA/reference-results/<name>/.
 * Windows come from DATA/windows.json. Data is read-only; nothing is copied into the repo.
 * --loo adds a leave-one-file-out check (threshold optimised on the other files).
 * --json prints all figures as one JSON object on the last line.
 */
const fs = require('fs');
const path = require('path');
const { scoreCorpus, parseNabCsv, parseTimestamp, PROFILES } = require('./lib/nabScorer');

const ROOT = path.resolve(__dirname, '..');

function parseArgs(argv) {
	const args = { data: path.resolve(ROOT, '../shared/data/nab-realtweets'), out: path.join(ROOT, 'bench/out/nab'), json: false, loo: false };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--data') args.data = path.resolve(argv[++i]);
		else if (a === '--out') args.out = path.resolve(argv[++i]);
		else if (a === '--json') args.json = true;
		else if (a === '--loo') args.loo = true;
		else if (a === '--help' || a === '-h') {
			process.stdout.write('Usage: npm run bench:nab -- [--data DIR] [--out DIR] [--loo] [--json]\n');
			process.exit(0);
		} else throw new Error(`Unknown argument ${a}`);
	}
	return args;
}

function loadDetector() {
	const p = path.join(ROOT, 'dist/core/detector/index.js');
	if (!fs.existsSync(p)) throw new Error(`${p} not found: run \`npm run build\` first (npm run bench:nab does).`);
	return require(p);
}

function runDetector(det, times, values) {
	const state = det.createDetectorState();
	const scores = new Array(values.length);
	for (let i = 0; i < values.length; i++) {
		scores[i] = det.updateDetector(state, { timestamp: times[i], value: values[i] }).score;
	}
	return { scores, state };
}

function fmt(x, w = 8) {
	return (typeof x === 'number' ? x.toFixed(1) : String(x)).padStart(w);
}

function main() {
	const args = parseArgs(process.argv.slice(2));
	const det = loadDetector();
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

	// Run the detector, write NAB results.
	let maxStateBytes = 0;
	const ours = series.map((s) => {
		const { scores, state } = runDetector(det, s.times, s.values);
		maxStateBytes = Math.max(maxStateBytes, Buffer.byteLength(det.serializeDetectorState(state)));
		const lines = ['timestamp,value,anomaly_score'];
		for (let i = 0; i < scores.length; i++) lines.push(`${s.timestamps[i]},${s.values[i]},${scores[i]}`);
		fs.writeFileSync(path.join(args.out, s.name), lines.join('\n') + '\n');
		return { name: s.name, timestamps: s.times, scores, windows: s.windows };
	});

	// Throughput: the detector alone on epoch-ms timestamps, all files, best of 3.
	const totalBuckets = series.reduce((a, s) => a + s.values.length, 0);
	let bestMs = Infinity;
	for (let rep = 0; rep < 3; rep++) {
		const t0 = process.hrtime.bigint();
		for (const s of series) {
			const state = det.createDetectorState();
			for (let i = 0; i < s.values.length; i++) det.updateDetector(state, { timestamp: s.times[i], value: s.values[i] });
		}
		bestMs = Math.min(bestMs, Number(process.hrtime.bigint() - t0) / 1e6);
	}
	const bucketsPerSecond = Math.round(totalBuckets / (bestMs / 1000));

	const results = { crisisKit: scoreCorpus(ours) };
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
	out.push(`${'detector'.padEnd(14)}${profiles.map((p) => p.padStart(20)).join('')}   detected  FP  threshold`);
	for (const [detName, r] of Object.entries(results)) {
		out.push(
			`${detName.padEnd(14)}${profiles.map((p) => fmt(r[p].score, 20)).join('')}   ${String(r.standard.detected).padStart(4)}/${r.standard.windows}  ${String(r.standard.falsePositives).padStart(3)}  ${r.standard.threshold.toFixed(3)}`,
		);
	}
	out.push('');
	out.push(`crisisKit per file (standard): ${results.crisisKit.standard.perFile.map((f) => `${f.name.replace(/^Twitter_volume_|\.csv$/g, '')} ${f.detected}/${f.windows} FP ${f.falsePositives}`).join(', ')}`);
	out.push(`detector throughput: ${bucketsPerSecond.toLocaleString('en-US')} buckets/s; max state size ${maxStateBytes} bytes (JSON)`);
	out.push(`results written to ${args.out}`);

	let loo = null;
	let looPooled = null;
	if (args.loo && ours.length > 1) {
		loo = [];
		for (let k = 0; k < ours.length; k++) {
			const train = ours.filter((_, i) => i !== k);
			const tr = scoreCorpus(train, { profiles: ['standard'] }).standard;
			const te = scoreCorpus([ours[k]], { profiles: ['standard'], threshold: tr.threshold }).standard;
			loo.push({ heldOut: ours[k].name, trainScore: +tr.score.toFixed(2), threshold: tr.threshold, heldOutScore: +te.score.toFixed(2), heldOutRaw: te.raw, heldOutWindows: te.windows });
		}
		out.push('leave-one-file-out (threshold from the other files -> held-out file, standard):');
		for (const l of loo) out.push(`  ${l.heldOut.padEnd(26)} train ${fmt(l.trainScore, 6)}  threshold ${l.threshold.toFixed(3)}  held-out ${fmt(l.heldOutScore, 6)}`);
		const thresholds = loo.map((l) => l.threshold);
		out.push(`  threshold range ${Math.min(...thresholds).toFixed(3)}..${Math.max(...thresholds).toFixed(3)}`);
		// Pooled: the held-out files scored together, each at its own leave-one-out threshold
		// (standard profile: A_TP = A_FN = 1, so null = -windows, perfect = +windows).
		const rawSum = loo.reduce((a, l) => a + l.heldOutRaw, 0);
		const winSum = loo.reduce((a, l) => a + l.heldOutWindows, 0);
		looPooled = +((100 * (rawSum + winSum)) / (2 * winSum)).toFixed(2);
		out.push(`  pooled held-out score ${looPooled.toFixed(1)}`);
	}
	process.stdout.write(out.join('\n') + '\n');

	if (args.json) {
		const pick = (r) => Object.fromEntries(profiles.map((p) => [p, +r[p].score.toFixed(2)]));
		const summary = {
			nab: pick(results.crisisKit),
			reference: Object.fromEntries(Object.entries(results).filter(([k]) => k !== 'crisisKit').map(([k, r]) => [k, pick(r)])),
			threshold: results.crisisKit.standard.threshold,
			detected: results.crisisKit.standard.detected,
			windows: results.crisisKit.standard.windows,
			falsePositives: results.crisisKit.standard.falsePositives,
			bucketsPerSecond,
			stateBytes: maxStateBytes,
			files: series.length,
		};
		if (loo) {
			summary.leaveOneOut = loo.map((l) => ({ heldOut: l.heldOut, trainScore: l.trainScore, threshold: l.threshold, heldOutScore: l.heldOutScore }));
			summary.leaveOneOutPooled = looPooled;
		}
		process.stdout.write(JSON.stringify(summary) + '\n');
	}
}

try {
	main();
} catch (err) {
	process.stderr.write(`bench:nab failed: ${err.message}\n`);
	process.exit(1);
}
