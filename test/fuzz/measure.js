#!/usr/bin/env node
// JavaScript on purpose (fuzz tier). Times the pathological shapes of hostile.js at 64 KB, 128 KB,
// 1 MB and 4 MB against a compiled build, each case in its own child process under a time limit.
// Usage: node test/fuzz/measure.js <build root holding core/, e.g. a `tsc --outDir` dir> [limitSeconds]
// Prints a Markdown table of the CPU time of the parse (process.cpuUsage: user + system, robust to a
// shared machine's load; median of 3 runs when it finishes under the wall-clock limit).
const { spawnSync } = require('child_process');
const path = require('path');
const { SHAPES } = require('./hostile');

const root = path.resolve(process.argv[2] || 'dist');
const limitS = Number(process.argv[3] || 20);
const SIZES = [
	['64 KB', 64 * 1024],
	['128 KB', 128 * 1024],
	['1 MB', 1024 * 1024],
	['4 MB', 4 * 1024 * 1024],
];

function once(index, bytes) {
	const script = `
const h = require(${JSON.stringify(path.join(__dirname, 'hostile.js'))});
const mods = h.load(${JSON.stringify(root)});
const shape = h.SHAPES[${index}];
const input = shape.build(${bytes});
const c = process.cpuUsage();
let outcome;
try { const r = h.runShape(mods, shape, input); outcome = r && r.mentions ? 'mentions ' + r.mentions.length + ', skipped ' + r.skipped.length : 'ok'; }
catch (e) { outcome = 'error: ' + String(e && e.message).slice(0, 60); }
const d = process.cpuUsage(c);
const ms = (d.user + d.system) / 1000;
process.stdout.write(JSON.stringify({ ms, outcome }));`;
	const r = spawnSync(process.execPath, ['-e', script], { timeout: limitS * 1000, encoding: 'utf8' });
	if (r.error || r.status !== 0) return null;
	return JSON.parse(r.stdout);
}

const fmt = (ms) => (ms === null ? `> ${limitS} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`);
const rows = [];
for (let i = 0; i < SHAPES.length; i++) {
	const cells = [];
	let gaveUp = false;
	for (const [, bytes] of SIZES) {
		if (gaveUp) {
			cells.push(`> ${limitS} s`);
			continue;
		}
		const runs = [];
		for (let k = 0; k < 3; k++) {
			const r = once(i, bytes);
			if (r === null) {
				runs.length = 0;
				break;
			}
			runs.push(r.ms);
			if (r.ms > 2000) break; // slow: one run is enough
		}
		if (runs.length === 0) {
			gaveUp = true;
			cells.push(`> ${limitS} s`);
			continue;
		}
		runs.sort((a, b) => a - b);
		cells.push(fmt(runs[Math.floor((runs.length - 1) / 2)]));
	}
	rows.push(`| ${SHAPES[i].name} | ${cells.join(' | ')} |`);
	process.stderr.write(`${rows[rows.length - 1]}\n`);
}
process.stdout.write(`| shape | ${SIZES.map((s) => s[0]).join(' | ')} |\n|---|${SIZES.map(() => '---:').join('|')}|\n${rows.join('\n')}\n`);
