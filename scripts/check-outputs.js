#!/usr/bin/env node
'use strict';
/**
 * check:outputs — are the outputs byte-identical to the committed baseline?
 *
 *   npm run check:outputs              compare with test/fixtures/outputs.sha256.json (exit 1 on a change)
 *   npm run check:outputs -- --update  rewrite the baseline (after a change that is meant)
 *   npm run check:outputs -- --json    print one JSON object on the last line
 *
 * What is hashed (sha256 of a stable serialisation, one hash per entry, so a change names itself):
 *   - every node's output of every shipped template (workflows/*.workflow.json), run in-process
 *     with n8n-core's WorkflowExecute (test/helpers/workflowHarness.js, nodes from the TypeScript
 *     sources): `<template> › <node> › output <k>` (json and binary data of every item, pairedItem)
 *     and `<template> › <node> › error` when a node fails (the Data Table nodes do: no server);
 *   - the report core called directly on the sample under five inputs that take its other paths
 *     (situations + timeline, mentions only, timeline only in French, unscored with hand-set
 *     phases and a bad zone, nothing): `report › <case> › metrics|html|markdown`;
 *   - `scoreMention` on the evaluation splits in ../shared/data (read in place): airline dev,
 *     French train and val, TweetEval val, with deterministic mention fields around each text
 *     (language left empty so language detection is part of what is hashed).
 * A split that cannot be found is reported as skipped, and a baseline entry that is neither
 * produced nor skipped counts as a change: the check can fail, it cannot pass by finding nothing.
 */
const crypto = require('crypto');

// The clock is pinned: outputs that record "now" (a timeline event logged without a time, the
// execution time a node defaults to) must hash the same on every run.
const PINNED_NOW = Date.parse('2026-03-08T12:00:00.000Z');
const RealDate = Date;
global.Date = class extends RealDate {
	constructor(...args) {
		if (args.length) super(...args);
		else super(PINNED_NOW);
	}
	static now() {
		return PINNED_NOW;
	}
};
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const BASELINE = path.join(ROOT, 'test', 'fixtures', 'outputs.sha256.json');
const SHARED = process.env.CRISIS_KIT_SHARED_DATA || path.resolve(ROOT, '..', 'shared', 'data');
const argv = process.argv.slice(2);
const UPDATE = argv.includes('--update');
const JSON_OUT = argv.includes('--json');

// Run the TypeScript sources directly (the harness loads nodes from source, as under jest).
const ts = require('typescript');
const tsOptions = { ...require(path.join(ROOT, 'tsconfig.json')).compilerOptions, sourceMap: false, declaration: false, inlineSourceMap: false };
require.extensions['.ts'] = (module, filename) => {
	const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
		compilerOptions: { ...ts.convertCompilerOptionsFromJson(tsOptions, ROOT).options, module: ts.ModuleKind.CommonJS },
		fileName: filename,
	});
	module._compile(out.outputText, filename);
};
// `./defaultCrisisDocument` must resolve to the .ts module, not the .json beside it (as with tsc).
for (const ext of ['.json', '.node']) {
	const handler = require.extensions[ext];
	delete require.extensions[ext];
	require.extensions[ext] = handler;
}

function sha(value) {
	return crypto.createHash('sha256').update(typeof value === 'string' ? value : JSON.stringify(value)).digest('hex');
}

/** Without the AI agent half (chat trigger, agent, model, tools: @n8n/n8n-nodes-langchain), as the workflows tier runs it. */
function offlineHalf(wf) {
	const agentHalf = (n) => n.type.startsWith('@n8n/n8n-nodes-langchain.') || n.type.endsWith('Tool');
	const nodes = wf.nodes.filter((n) => !agentHalf(n));
	const names = new Set(nodes.map((n) => n.name));
	const connections = Object.fromEntries(Object.entries(wf.connections).filter(([from]) => names.has(from)));
	return { ...wf, nodes, connections };
}

async function templateHashes(out) {
	const { runWorkflow } = require(path.join(ROOT, 'test', 'helpers', 'workflowHarness.js'));
	// The same node types the workflows tier runs templates with (stubs for the live-only nodes).
	const { templateNodeTypes } = require(path.join(ROOT, 'test', 'workflows', 'templateNodeTypes.js'));
	const dir = path.join(ROOT, 'workflows');
	for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.workflow.json')).sort()) {
		const base = f.replace(/\.workflow\.json$/, '');
		const wf = offlineHalf(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
		const { run } = await runWorkflow(wf, { nodeTypes: templateNodeTypes(wf) });
		const runData = run.data.resultData.runData;
		for (const name of Object.keys(runData).sort()) {
			const first = runData[name][0];
			if (first.error) out[`${base} › ${name} › error`] = sha(String(first.error.message));
			const main = (first.data && first.data.main) || [];
			main.forEach((branch, k) => {
				const items = (branch || []).map((item) => ({ json: item.json, binary: item.binary, pairedItem: item.pairedItem }));
				out[`${base} › ${name} › output ${k}`] = sha(items);
			});
		}
	}
}

/** computeReport + both renderers on inputs that take every section's other paths. */
function reportHashes(out) {
	const core = (p) => require(path.join(ROOT, 'core', ...p.split('/')));
	const { computeReport, renderReportHtml, renderReportMarkdown } = core('report/index.ts');
	const { scoreMention } = core('scoring/scoreMention.ts');
	const { replaySituations } = core('scoring/situation.ts');
	const { getSample } = core('samples/sampleCatalog.ts');
	const now = '2026-03-08T00:00:00.000Z';
	const raw = getSample('orvia-data-leak').mentions;
	const scored = raw.map((m) => ({ ...m, crisis: scoreMention(m, {}, now) }));
	const situations = replaySituations(scored, now, {});
	const day = (d, h, m = 0) => new Date(Date.UTC(2026, 2, d, h, m)).toISOString();
	const timeline = [
		{ type: 'detected', at: day(5, 7, 10), actor: 'assess-situation' },
		{ type: 'levelChanged', at: day(5, 7, 10), level: 'alert' },
		{ type: 'levelChanged', at: day(5, 9, 0), level: 'crisis' },
		{ type: 'planIssued', at: day(5, 9, 5), details: { steps: [
			{ id: 'hold', title: 'Holding statement', deadline: day(5, 10) },
			{ id: 'faq', title: 'FAQ page', deadline: day(5, 12) },
			{ id: 'ceo', title: 'CEO video', deadline: day(6, 9) },
		] } },
		{ type: 'stepDone', at: day(5, 10, 40), stepId: 'hold' },
		{ type: 'statementApproved', at: day(5, 10, 35), details: { title: 'Holding statement approved' } },
		{ type: 'levelChanged', at: day(6, 18), level: 'watch' },
		{ type: 'levelChanged', at: day(7, 12), level: 'calm' },
		{ type: 'resolved', at: day(7, 12, 30) },
	];
	const cases = {
		'situations + timeline': { mentions: scored, situations, timeline, timeZone: 'Europe/Paris', title: 'Orvia', brand: 'Orvia' },
		'mentions only': { mentions: scored, title: 'Orvia' },
		'timeline only, French': { mentions: scored, timeline, language: 'fr', timeZone: 'Europe/Paris', title: 'Orvia' },
		'unscored, hand-set phases, bad zone': { mentions: raw, phases: { duringStart: day(5, 6), duringEnd: day(6, 0) }, timeZone: 'Mars/Olympus', title: 'Orvia' },
		'no mentions': { mentions: [], title: 'Empty' },
	};
	for (const [name, input] of Object.entries(cases)) {
		const metrics = computeReport(input, now);
		out[`report › ${name} › metrics`] = sha(metrics);
		out[`report › ${name} › html`] = sha(renderReportHtml(metrics, {}));
		out[`report › ${name} › markdown`] = sha(renderReportMarkdown(metrics, { maxRows: 5 }));
	}
}

function parseCsv(file) {
	return require(path.join(ROOT, 'bench', 'lib', 'csv.js')).parseCsvObjects(fs.readFileSync(file, 'utf8'));
}

function lines(file) {
	return fs.readFileSync(file, 'utf8').split('\n').filter((l, i, all) => !(i === all.length - 1 && l === ''));
}

/** Deterministic mention around one text; every factor is computed (reach, engagement, velocity). */
function mentionOf(text, i) {
	return {
		id: `x:${i}`,
		platform: 'x',
		source: 'x',
		nativeId: String(i),
		url: null,
		publishedAt: new Date(Date.UTC(2026, 2, 5) + (i % 720) * 60000).toISOString(),
		title: null,
		text,
		language: null,
		author: { id: null, handle: `user${i % 997}`, name: null, url: null, followers: (i * 7919) % 250000, verified: i % 50 === 0 },
		engagement: { likes: (i * 13) % 400, shares: (i * 7) % 90, replies: i % 9, views: null },
		inReplyToId: null,
		rating: null,
		hashtags: [],
	};
}

function splitHashes(out, skipped) {
	const { scoreMention } = require(path.join(ROOT, 'core', 'scoring', 'scoreMention.ts'));
	const splits = {
		'airline-sentiment/dev': () => parseCsv(path.join(SHARED, 'airline-sentiment', 'dev.csv')).map((r) => r.text || ''),
		'french-tweets/train': () => lines(path.join(SHARED, 'french-tweets', 'train_text.txt')),
		'french-tweets/val': () => lines(path.join(SHARED, 'french-tweets', 'val_text.txt')),
		'tweeteval-sentiment/val': () => lines(path.join(SHARED, 'tweeteval-sentiment', 'val_text.txt')),
	};
	const now = '2026-03-05T12:00:00.000Z';
	for (const [name, load] of Object.entries(splits)) {
		let texts;
		try {
			texts = load();
		} catch (error) {
			skipped[`scoreMention › ${name}`] = error.code === 'ENOENT' ? 'data not found' : error.message;
			continue;
		}
		const h = crypto.createHash('sha256');
		texts.forEach((text, i) => h.update(JSON.stringify(scoreMention(mentionOf(text, i), {}, now)) + '\n'));
		out[`scoreMention › ${name} (${texts.length} texts)`] = h.digest('hex');
	}
}

(async () => {
	const hashes = {};
	const skipped = {};
	await templateHashes(hashes);
	reportHashes(hashes);
	splitHashes(hashes, skipped);
	if (UPDATE) {
		fs.writeFileSync(BASELINE, JSON.stringify(hashes, null, '\t') + '\n');
		process.stdout.write(`baseline written: ${Object.keys(hashes).length} entries → ${path.relative(ROOT, BASELINE)}\n`);
		for (const [k, why] of Object.entries(skipped)) process.stdout.write(`  skipped ${k}: ${why}\n`);
		return;
	}
	if (!fs.existsSync(BASELINE)) {
		process.stdout.write(`no baseline at ${path.relative(ROOT, BASELINE)}: run with --update\n`);
		process.exitCode = 1;
		return;
	}
	const baseline = JSON.parse(fs.readFileSync(BASELINE, 'utf8'));
	const changed = [];
	const added = [];
	const missing = [];
	let same = 0;
	for (const [k, v] of Object.entries(hashes)) {
		if (!(k in baseline)) added.push(k);
		else if (baseline[k] !== v) changed.push(k);
		else same++;
	}
	for (const k of Object.keys(baseline)) {
		if (k in hashes) continue;
		const skip = Object.keys(skipped).find((s) => k.startsWith(s + ' ('));
		if (!skip) missing.push(k);
	}
	for (const k of changed) process.stdout.write(`  ✗ changed: ${k}\n`);
	for (const k of added) process.stdout.write(`  ✗ new (not in the baseline): ${k}\n`);
	for (const k of missing) process.stdout.write(`  ✗ gone (in the baseline, not produced): ${k}\n`);
	for (const [k, why] of Object.entries(skipped)) process.stdout.write(`  - skipped ${k}: ${why}\n`);
	const failed = changed.length + added.length + missing.length;
	process.stdout.write(`${same} identical, ${failed} differ, ${Object.keys(skipped).length} skipped\n`);
	if (JSON_OUT) process.stdout.write(JSON.stringify({ identical: same, changed, added, missing, skipped }) + '\n');
	if (failed) process.exitCode = 1;
})().catch((error) => {
	process.stderr.write(`${error.stack || error.message}\n`);
	process.exitCode = 1;
});
