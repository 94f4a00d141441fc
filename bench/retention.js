#!/usr/bin/env node
'use strict';
/**
 * bench:retention — what holding the scored items costs Score Mentions, outside n8n.
 *
 *   node bench/retention.js [--size 100000 --runs 5]   (after npm run build)
 *
 * Scores the shipped sample's mentions replicated to N (one text analyser, as the node) three
 * ways in one process, alternated run by run: `drop` (each score thrown away: what
 * bench:score measures), `keep` (each output kept as n8n keeps a node's output:
 * `{json: {crisis, ...record}, pairedItem}`), and `keep-lean` (the same with Output Detail ›
 * summary). Prints the median milliseconds per run of each. The gap between drop and keep is the
 * garbage collector copying and promoting what the node outputs.
 */
const path = require('path');
const { parseBenchArgs } = require('./lib/benchArgs');

const args = parseBenchArgs(process.argv.slice(2), { size: '100000', runs: '5', dist: path.resolve(__dirname, '../dist') });
const N = Math.max(1000, parseInt(args.size, 10) || 100000);
const RUNS = Math.max(3, parseInt(args.runs, 10) || 5);
const { createTextAnalyzer, scoreMention } = require(path.join(args.dist, 'core/scoring/scoreMention'));
const sample = require(path.resolve(__dirname, '../samples/orvia-data-leak.sample.json')).mentions;
const NOW = '2026-03-08T00:00:00Z';

const items = [];
for (let i = 0; i < N; i++) {
	const m = sample[i % sample.length];
	const r = Math.floor(i / sample.length);
	items.push({ json: JSON.parse(JSON.stringify({ ...m, id: `${m.id}-${r}`, nativeId: `${m.nativeId}-${r}` })) });
}
const analyzer = createTextAnalyzer();
scoreMention(items[0].json, {}, NOW, analyzer); // the lexicon compiles once, outside the timing

function run(mode) {
	const options = mode === 'keep-lean' ? { detail: 'summary' } : {};
	const out = [];
	let sink = 0;
	const t0 = process.hrtime.bigint();
	for (let i = 0; i < N; i++) {
		const json = items[i].json;
		const crisis = scoreMention(json, options, NOW, analyzer);
		if (mode === 'drop') {
			sink += crisis.risk || 0;
			continue;
		}
		const copy = Object.assign({ crisis: null }, json);
		copy.crisis = crisis;
		out.push({ json: copy, pairedItem: { item: i } });
	}
	const ms = Number(process.hrtime.bigint() - t0) / 1e6;
	return { ms, kept: out.length, sink };
}

const modes = ['drop', 'keep', 'keep-lean'];
const times = Object.fromEntries(modes.map((m) => [m, []]));
for (let r = 0; r < RUNS; r++) {
	const order = r % 2 === 0 ? modes : [...modes].reverse();
	for (const m of order) {
		times[m].push(run(m).ms);
		if (global.gc) global.gc();
	}
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
process.stdout.write(`${N} sample mentions, ${RUNS} runs alternated, Node ${process.version}\n`);
for (const m of modes) process.stdout.write(`${m.padEnd(10)} ${median(times[m]).toFixed(0).padStart(6)} ms  (${times[m].map((t) => t.toFixed(0)).join(', ')})\n`);
process.stdout.write(`keep / drop: ${(median(times.keep) / median(times.drop)).toFixed(2)}×; keep-lean / drop: ${(median(times['keep-lean']) / median(times.drop)).toFixed(2)}×\n`);
