#!/usr/bin/env node
'use strict';
/**
 * bench:load — Crisis Kit's nodes on 10k, 100k and 300k mentions inside one real n8n 2.41.1
 * execution, beside n8n's own Set node on the same items in the same run.
 *
 *   npm run bench:load [-- --sizes 10000,100000,300000 --runs 3 --saving both|default|off
 *                          --pipelines set,score,assess,report --detail factors|summary --json]
 *   (--detail summary: Score with Output Detail › Risk and Summary Only, the lean items.)
 *   (--runs 0 skips the speed runs; --pipelines '' skips the memory runs.)
 *
 * The items: the shipped sample's 638 mentions (realistic EN + FR texts, not airline tweets)
 * replicated to N, each copy with its own id and its times shifted by under an hour. They reach
 * n8n through an HTTP Request node from a loopback server of this script (no Code node).
 *
 * Two kinds of `n8n execute` runs, each in a fresh copy of one user folder (package installed
 * as a community package, workflows imported once), with n8n's default execution saving
 * (EXECUTIONS_DATA_SAVE_ON_SUCCESS=all) and with saving off (=none):
 *   - speed: ONE workflow, items → Set (adds one field) | Crisis Score › Score Mentions →
 *     Assess Situation (replay) and → Crisis Report (HTML + Markdown). Two speeds per node, each
 *     on the node alone (Assess and Report after Score): `itemsPerSecond` = N / n8n's own
 *     `executionTime` (wall clock), and `itemsPerCpuSecond` = N / the CPU time of the n8n
 *     process during the node (all threads, GC included). On a machine whose cores are shared
 *     with other work, wall time measures the share the process got; CPU time does not, so the
 *     ratios to Set are given for both and the CPU ones are the figures to trust there.
 *     Medians over --runs runs, sizes and node order interleaved (Set above or below Score).
 *   - memory and completion: one workflow per pipeline (Set; Score; Score → Assess;
 *     Score → Report), the n8n process's peak resident set (VmHWM), and whether n8n finished
 *     the execution including its save step.
 * n8n's numbers are read by bench/lib/loadProbe.js, preloaded into the n8n process (see there
 * why not from `n8n execute --rawOutput`).
 *
 * Prints one table per saving mode; with --json, one JSON object on the last line:
 *   {"load":{"100000":{"set":{"itemsPerSecond","ratioToSet","peakRssMB",…},"score":{…},"assess":{…},"report":{…}}},
 *    "savingOff":{…same…},"meta":{…}}
 * `load` is the default-saving run (n8n's default). Exit code 1 when a speed run fails.
 */
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const n8nLib = require('../scripts/lib/n8n');
const { parseBenchArgs } = require('./lib/benchArgs');

const ROOT = path.resolve(__dirname, '..');
const args = parseBenchArgs(process.argv.slice(2), {
	sizes: '10000,100000,300000',
	runs: '3',
	saving: 'both',
	pipelines: 'set,score,assess,report',
	json: false,
	keep: false,
	timeoutS: '900',
	detail: 'factors',
});
/** Score's Output Detail: 'factors' (the default: every factor with its reason) or 'summary' (lean). */
const DETAIL = args.detail === 'summary' ? 'summary' : 'factors';
const SIZES = String(args.sizes)
	.split(',')
	.map((s) => parseInt(s, 10))
	.filter((n) => n > 0);
const RUNS = Math.max(0, parseInt(args.runs, 10) || 0);
/** Memory/completion pipelines to run ('' = none). */
const PIPELINES = String(args.pipelines === true ? '' : args.pipelines)
	.split(',')
	.filter((k) => ['set', 'score', 'assess', 'report'].includes(k));
const SAVING = args.saving === 'default' ? ['default'] : args.saving === 'off' ? ['off'] : ['default', 'off'];
const NOW = '2026-03-08T00:00:00Z';
const PKG = 'n8n-nodes-crisis-kit';

function log(msg) {
	process.stderr.write(`[bench:load ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

// ---- the items ----------------------------------------------------------------------------------
const sample = JSON.parse(fs.readFileSync(path.join(ROOT, 'samples', 'orvia-data-leak.sample.json'), 'utf8')).mentions;

/** N mentions: copy r of sample mention k gets id `<id>-r` and its time shifted by (r·7919 mod 3600) s. */
function mentionsJson(n) {
	const parts = [];
	for (let i = 0; i < n; i++) {
		const m = sample[i % sample.length];
		const r = Math.floor(i / sample.length);
		if (r === 0) {
			parts.push(JSON.stringify(m));
			continue;
		}
		const shifted = new Date(Date.parse(m.publishedAt) + ((r * 7919) % 3600) * 1000 + (r % 997)).toISOString();
		parts.push(JSON.stringify({ ...m, id: `${m.id}-${r}`, nativeId: `${m.nativeId}-${r}`, publishedAt: shifted }));
	}
	return Buffer.from(`[${parts.join(',')}]`);
}

function startItemServer() {
	const cache = new Map();
	let current = 0;
	const server = http.createServer((req, res) => {
		if (!cache.has(current)) {
			cache.clear();
			cache.set(current, mentionsJson(current));
		}
		const body = cache.get(current);
		res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
		res.end(body);
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/mentions`, setSize: (n) => (current = n), close: () => server.close() })),
	);
}

// ---- the workflows ------------------------------------------------------------------------------
const node = (name, type, typeVersion, position, parameters) => ({ id: `${name.replace(/\W+/g, '-').toLowerCase()}-0000`, name, type, typeVersion, position, parameters });
const NODES = {
	trigger: () => node('Start', 'n8n-nodes-base.manualTrigger', 1, [0, 300], {}),
	items: (url) => node('Items', 'n8n-nodes-base.httpRequest', 4.2, [220, 300], { url, options: { response: { response: { responseFormat: 'json' } } } }),
	set: (y) =>
		node('Set', 'n8n-nodes-base.set', 3.4, [440, y], {
			mode: 'manual',
			includeOtherFields: true,
			assignments: { assignments: [{ id: 'f1', name: 'seen', value: true, type: 'boolean' }] },
			options: {},
		}),
	score: (y) => node('Score', `${PKG}.crisisScore`, 1, [440, y], { operation: 'scoreMentions', options: DETAIL === 'summary' ? { now: NOW, detail: 'summary' } : { now: NOW } }),
	assess: (y) =>
		node('Assess', `${PKG}.crisisScore`, 1, [660, y], {
			operation: 'assessSituation',
			mode: 'replay',
			replayOutput: 'changes',
			documentSource: 'example',
			crisisDocument: '',
			situationOptions: { now: NOW },
		}),
	report: (y) =>
		node('Report', `${PKG}.crisisReport`, 1, [660, y], {
			operation: 'generate',
			title: 'Load test',
			documentSource: 'example',
			crisisDocument: '',
			outputs: ['html', 'markdown'],
			options: { now: NOW, timeZone: 'Europe/Paris' },
		}),
};

function workflow(id, name, nodes, edges) {
	const connections = {};
	for (const [from, to] of edges) {
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: to, type: 'main', index: 0 });
	}
	return { id, name, nodes, connections, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}

function workflows(url) {
	const base = [NODES.trigger(), NODES.items(url)];
	const all = (setY, scoreY) => [...base, NODES.set(setY), NODES.score(scoreY), NODES.assess(scoreY - 100), NODES.report(scoreY + 100)];
	const allEdges = [['Start', 'Items'], ['Items', 'Set'], ['Items', 'Score'], ['Score', 'Assess'], ['Score', 'Report']];
	return {
		// v1 order runs the children of a node top to bottom: Set first, then Score first.
		speedSetFirst: workflow('ckLoadSpeedSetFirst', 'load: speed (Set first)', all(100, 500), allEdges),
		speedScoreFirst: workflow('ckLoadSpeedScore1st', 'load: speed (Score first)', all(700, 300), allEdges),
		set: workflow('ckLoadSet', 'load: Set', [...base, NODES.set(300)], [['Start', 'Items'], ['Items', 'Set']]),
		score: workflow('ckLoadScore', 'load: Score', [...base, NODES.score(300)], [['Start', 'Items'], ['Items', 'Score']]),
		assess: workflow('ckLoadAssess', 'load: Score → Assess', [...base, NODES.score(300), NODES.assess(300)], [['Start', 'Items'], ['Items', 'Score'], ['Score', 'Assess']]),
		report: workflow('ckLoadReport', 'load: Score → Report', [...base, NODES.score(300), NODES.report(300)], [['Start', 'Items'], ['Items', 'Score'], ['Score', 'Report']]),
	};
}

// ---- running n8n --------------------------------------------------------------------------------
function runExecute(n8n, baseFolder, workflowId, saving, timeoutMs) {
	const runFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-load-run-'));
	const dot = path.join(runFolder, '.n8n');
	fs.mkdirSync(dot);
	for (const f of fs.readdirSync(path.join(baseFolder, '.n8n'))) {
		const src = path.join(baseFolder, '.n8n', f);
		if (f === 'nodes') fs.symlinkSync(src, path.join(dot, f));
		else if (/^(database\.sqlite(-wal|-shm)?|config)$/.test(f)) fs.copyFileSync(src, path.join(dot, f));
	}
	const probeOut = path.join(runFolder, 'probe.json');
	return n8nLib.freePort().then(
		(brokerPort) =>
			new Promise((resolve) => {
				const env = {
					...process.env,
					PATH: n8n.pathEnv,
					N8N_USER_FOLDER: runFolder,
					N8N_DIAGNOSTICS_ENABLED: 'false',
					N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
					N8N_TEMPLATES_ENABLED: 'false',
					N8N_PERSONALIZATION_ENABLED: 'false',
					N8N_LOG_LEVEL: 'warn',
					N8N_RUNNERS_BROKER_PORT: String(brokerPort),
					DB_TYPE: 'sqlite',
					EXECUTIONS_DATA_SAVE_ON_SUCCESS: saving === 'off' ? 'none' : 'all',
					EXECUTIONS_DATA_SAVE_ON_ERROR: saving === 'off' ? 'none' : 'all',
					NODE_OPTIONS: `${process.env.NODE_OPTIONS || ''} --require ${path.join(__dirname, 'lib', 'loadProbe.js')}`.trim(),
					CK_LOAD_PROBE_OUT: probeOut,
					CK_LOAD_PROBE_HOOKS: path.join(n8n.n8nDir, 'node_modules', 'n8n-core', 'dist', 'execution-engine', 'execution-lifecycle-hooks.js'),
				};
				const child = spawn(n8n.n8nBin, ['execute', `--id=${workflowId}`], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
				let tail = '';
				const keep = (d) => (tail = (tail + d).slice(-4000));
				child.stdout.on('data', keep);
				child.stderr.on('data', keep);
				const timer = setTimeout(() => {
					try {
						process.kill(-child.pid, 'SIGKILL');
					} catch {
						/* gone */
					}
				}, timeoutMs);
				child.on('exit', (code, signal) => {
					clearTimeout(timer);
					let probe = null;
					try {
						probe = JSON.parse(fs.readFileSync(probeOut, 'utf8'));
					} catch {
						/* n8n died before the end of the execution */
					}
					// the task runner is a child in the same process group: end it with the CLI
					try {
						process.kill(-child.pid, 'SIGTERM');
					} catch {
						/* gone */
					}
					if (!args.keep) fs.rmSync(runFolder, { recursive: true, force: true });
					resolve({ code, signal, probe, tail });
				});
			}),
	);
}

function median(xs) {
	const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
	if (!s.length) return null;
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round = (x, d = 0) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);

function outcome(r) {
	if (!r.probe) return `n8n exited (code ${r.code}${r.signal ? ', ' + r.signal : ''}) before the end of the execution: ${r.tail.split('\n').filter(Boolean).slice(-3).join(' | ')}`;
	if (r.probe.error) return `execution failed: ${r.probe.error}`;
	if (r.probe.saveError) return `save step failed: ${r.probe.saveError}`;
	return null;
}

(async () => {
	const t0 = Date.now();
	log('setting up the cached n8n');
	const n8n = n8nLib.ensureN8n();
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-load-'));
	const baseFolder = path.join(work, 'home');
	log(`packing and installing ${PKG} into ${baseFolder}`);
	n8nLib.installPackage(baseFolder, n8nLib.packPackage(work));
	const items = await startItemServer();
	const wfs = workflows(items.url);
	const wfFile = path.join(work, 'workflows.json');
	fs.writeFileSync(wfFile, JSON.stringify(Object.values(wfs)));
	const imported = n8nLib.n8nCli(n8n, baseFolder, ['import:workflow', `--input=${wfFile}`], { brokerPort: await n8nLib.freePort() });
	if (imported.status !== 0) throw new Error(`import failed: ${(imported.stdout + imported.stderr).slice(-1500)}`);
	const timeoutMs = Number(args.timeoutS) * 1000;
	const results = {};
	let failures = 0;
	for (const saving of SAVING) {
		const speed = {};
		// speed: interleaved (run-major, sizes inside, node order alternating)
		for (let run = 0; run < RUNS; run++) {
			for (const n of SIZES) {
				const wf = (run + SIZES.indexOf(n)) % 2 === 0 ? wfs.speedSetFirst : wfs.speedScoreFirst;
				items.setSize(n);
				const r = await runExecute(n8n, baseFolder, wf.id, saving, timeoutMs);
				const problem = outcome(r);
				log(`saving ${saving}, ${n} items, speed run ${run + 1}/${RUNS} (${wf.name}): ${problem || 'ok'}` + (r.probe ? ` [${r.probe.order.map((k) => `${k} ${r.probe.nodes[k].executionTimeMs} ms (CPU ${r.probe.nodes[k].cpuMs} ms)`).join(', ')}]` : ''));
				speed[n] ??= [];
				speed[n].push({ probe: r.probe, problem });
				if (problem && !(r.probe && r.probe.saveError)) failures++;
			}
		}
		// memory and completion: one pipeline per execution
		const memory = {};
		for (const n of SIZES) {
			items.setSize(n);
			for (const key of PIPELINES) {
				const r = await runExecute(n8n, baseFolder, wfs[key].id, saving, timeoutMs);
				const problem = outcome(r);
				log(`saving ${saving}, ${n} items, memory run ${wfs[key].name}: peak ${r.probe ? r.probe.peakRssMB : '?'} MB, ${problem || 'completed'}`);
				memory[n] ??= {};
				memory[n][key] = { peakRssMB: r.probe ? r.probe.peakRssMB : null, completed: !problem, problem };
			}
		}
		const table = {};
		for (const n of SIZES) {
			const ok = (speed[n] || []).filter((x) => x.probe && !x.probe.error);
			const nodeName = { set: 'Set', score: 'Score', assess: 'Assess', report: 'Report' };
			const ips = {};
			const ipc = {};
			const rate = (x, key, field) => {
				const v = x.probe.nodes[nodeName[key]] ? x.probe.nodes[nodeName[key]][field] : null;
				return typeof v === 'number' ? (n / Math.max(1, v)) * 1000 : NaN;
			};
			for (const key of Object.keys(nodeName)) {
				ips[key] = median(ok.map((x) => rate(x, key, 'executionTimeMs')));
				ipc[key] = median(ok.map((x) => rate(x, key, 'cpuMs')));
			}
			table[n] = {};
			for (const key of Object.keys(nodeName)) {
				const mem = (memory[n] && memory[n][key]) || { peakRssMB: null, completed: null, problem: null };
				const setMem = (memory[n] && memory[n].set) || {};
				table[n][key] = {
					itemsPerSecond: round(ips[key]),
					ratioToSet: ips[key] && ips.set ? round(ips[key] / ips.set, 2) : null,
					itemsPerCpuSecond: round(ipc[key]),
					cpuRatioToSet: ipc[key] && ipc.set ? round(ipc[key] / ipc.set, 2) : null,
					peakRssMB: mem.peakRssMB,
					rssRatioToSet: mem.peakRssMB && setMem.peakRssMB ? round(mem.peakRssMB / setMem.peakRssMB, 2) : null,
					completed: mem.completed,
					...(mem.problem ? { problem: mem.problem } : {}),
					runs: ok.length,
					executionMs: ok.map((x) => (x.probe.nodes[nodeName[key]] ? x.probe.nodes[nodeName[key]].executionTimeMs : null)),
					cpuMs: ok.map((x) => (x.probe.nodes[nodeName[key]] ? x.probe.nodes[nodeName[key]].cpuMs : null)),
				};
			}
			table[n].speedRunPeakRssMB = median(ok.map((x) => x.probe.peakRssMB));
			const saveProblems = (speed[n] || []).filter((x) => x.problem).map((x) => x.problem);
			if (saveProblems.length) table[n].speedRunProblems = saveProblems;
		}
		results[saving] = table;
		process.stdout.write(`\nn8n 2.41.1, ${saving === 'off' ? 'execution saving OFF (EXECUTIONS_DATA_SAVE_ON_SUCCESS=none)' : "n8n's default execution saving"} — Score's Output Detail: ${DETAIL} — medians of ${RUNS} interleaved runs\n`);
		process.stdout.write('items    node     items/s   × Set   items/CPU-s  × Set   peak RSS MB  × Set RSS  completed\n');
		for (const n of SIZES) {
			for (const key of ['set', 'score', 'assess', 'report']) {
				const x = table[n][key];
				process.stdout.write(
					`${String(n).padEnd(8)} ${key.padEnd(8)} ${String(x.itemsPerSecond ?? '-').padStart(8)}  ${String(x.ratioToSet ?? '-').padStart(5)}  ${String(x.itemsPerCpuSecond ?? '-').padStart(11)}  ${String(x.cpuRatioToSet ?? '-').padStart(5)}  ${String(x.peakRssMB ?? '-').padStart(11)}  ${String(x.rssRatioToSet ?? '-').padStart(9)}  ${x.completed === null ? '-' : x.completed ? 'yes' : 'NO: ' + x.problem}\n`,
				);
			}
		}
	}
	items.close();
	if (!args.keep) fs.rmSync(work, { recursive: true, force: true });
	const meta = { n8n: '2.41.1', node: 'n8n on its own Node 24', sizes: SIZES, runs: RUNS, scoreDetail: DETAIL, items: 'shipped sample (638 EN+FR mentions) replicated with shifted ids/times', cores: os.cpus().length, seconds: Math.round((Date.now() - t0) / 1000) };
	process.stdout.write(`\n${Math.round((Date.now() - t0) / 1000)} s in all\n`);
	if (args.json) {
		const json = { meta };
		if (results.default) json.load = results.default;
		if (results.off) json[results.default ? 'savingOff' : 'load'] = results.off;
		process.stdout.write(JSON.stringify(json) + '\n');
	}
	if (failures) process.exitCode = 1;
})().catch((error) => {
	process.stderr.write(`${error.stack || error.message}\n`);
	process.exitCode = 1;
});
