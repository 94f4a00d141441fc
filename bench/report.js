#!/usr/bin/env node
/**
 * Benchmark of the post-crisis report: 100 000 mentions (the Orvia sample incident scaled
 * up, deterministic) → computeReport + renderReportHtml, median of several runs, and the
 * size of the HTML. Limits: < 5 s and < 2 MB (exit code 1 when exceeded).
 *
 *   npm run bench:report            (builds first, then uses dist/)
 *   node bench/report.js [--runs N] [--mentions N] [--json] [--src]  (--src: TS sources, no build)
 *
 * --json prints one JSON object on the last line.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const LIMIT_MS = 5000;
const LIMIT_BYTES = 2 * 1024 * 1024;

function arg(name, fallback) {
	const i = process.argv.indexOf(name);
	return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}

function loadReport() {
	const dist = path.join(ROOT, 'dist', 'core', 'report', 'index.js');
	if (!process.argv.includes('--src') && fs.existsSync(dist)) return { lib: require(dist), from: 'dist' };
	// no build: transpile the TypeScript sources in memory
	const ts = require(path.join(ROOT, 'node_modules', 'typescript'));
	require.extensions['.ts'] = function (module, filename) {
		const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
			compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
			fileName: filename,
		});
		module._compile(out.outputText, filename);
	};
	return { lib: require(path.join(ROOT, 'core', 'report', 'index.ts')), from: 'sources (no dist/)' };
}

function median(values) {
	const s = values.slice().sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function main() {
	const json = process.argv.includes('--json');
	const runs = arg('--runs', 5);
	const target = arg('--mentions', 100000);
	const { lib, from } = loadReport();
	const { buildOrviaIncident } = require(path.join(ROOT, 'test', 'unit', 'report', 'fixtures', 'orviaIncident.js'));

	// scale the sample so it has at least `target` mentions, then keep exactly `target`, evenly spread
	const probe = buildOrviaIncident({ scale: 1 }).mentions.length;
	const incident = buildOrviaIncident({ scale: Math.ceil((target / probe) * 1.05) });
	const all = incident.mentions;
	const step = all.length / target;
	incident.mentions = Array.from({ length: Math.min(target, all.length) }, (_v, i) => all[Math.floor(i * step)]);

	const computeMs = [];
	const htmlMs = [];
	const totalMs = [];
	let html = '';
	let metrics = null;
	// one warm-up run, not counted
	lib.renderReportHtml(lib.computeReport(incident, incident.now));
	for (let r = 0; r < runs; r++) {
		const t0 = process.hrtime.bigint();
		metrics = lib.computeReport(incident, incident.now);
		const t1 = process.hrtime.bigint();
		html = lib.renderReportHtml(metrics);
		const t2 = process.hrtime.bigint();
		computeMs.push(Number(t1 - t0) / 1e6);
		htmlMs.push(Number(t2 - t1) / 1e6);
		totalMs.push(Number(t2 - t0) / 1e6);
	}
	const md = lib.renderReportMarkdown(metrics);
	const metricsJson = JSON.stringify(metrics);
	const result = {
		bench: 'report',
		mentions: metrics.range.mentions,
		runs,
		source: from,
		computeMs: Math.round(median(computeMs)),
		renderHtmlMs: Math.round(median(htmlMs)),
		totalMs: Math.round(median(totalMs)),
		htmlBytes: Buffer.byteLength(html),
		markdownBytes: Buffer.byteLength(md),
		jsonBytes: Buffer.byteLength(metricsJson),
		limitMs: LIMIT_MS,
		limitBytes: LIMIT_BYTES,
	};
	result.ok = result.totalMs < LIMIT_MS && result.htmlBytes < LIMIT_BYTES;
	const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
	process.stdout.write(
		[
			`report bench — ${result.mentions.toLocaleString('en')} mentions, median of ${runs} runs (code from ${from})`,
			`  computeReport       ${result.computeMs} ms`,
			`  renderReportHtml    ${result.renderHtmlMs} ms`,
			`  total               ${result.totalMs} ms   (limit ${LIMIT_MS} ms) ${result.totalMs < LIMIT_MS ? 'OK' : 'TOO SLOW'}`,
			`  HTML size           ${kb(result.htmlBytes)}   (limit ${kb(LIMIT_BYTES)}) ${result.htmlBytes < LIMIT_BYTES ? 'OK' : 'TOO BIG'}`,
			`  Markdown / JSON     ${kb(result.markdownBytes)} / ${kb(result.jsonBytes)}`,
			'',
		].join('\n'),
	);
	if (json) process.stdout.write(JSON.stringify(result) + '\n');
	if (!result.ok) process.exitCode = 1;
}

main();
