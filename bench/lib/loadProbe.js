'use strict';
/**
 * Preloaded into the `n8n execute` process by bench/load.js (NODE_OPTIONS=--require …) to read
 * what n8n itself measures, without n8n printing the run: `n8n execute` ends with
 * JSON.stringify(run), which fails near 100k scored items and would dominate the memory peak,
 * and a `workflow.postExecute` external hook would change what n8n saves (it keeps the data of
 * an execution that "saving off" discards).
 *
 * It wraps n8n-core's ExecutionLifecycleHooks.runHook (the same hooks n8n's own event and save
 * handlers run on) and records:
 *   - per node: n8n's own `executionTime` (ms, wall clock) from the task data, the CPU time the
 *     n8n process used meanwhile (process.cpuUsage: all its threads, so garbage collection is
 *     counted; robust when other processes share the cores), items in and out, errors, and the
 *     process's resident-set high-water mark (VmHWM) right after the node;
 *   - after the workflow: n8n's status, the error of the save step if it failed (it runs in the
 *     `workflowExecuteAfter` handlers), the peak RSS (VmHWM) of the whole process.
 * Then it writes one JSON file (CK_LOAD_PROBE_OUT) and ends the process: everything n8n does
 * for an execution (run, save or discard) has happened; only the CLI's print is skipped.
 * Inactive unless CK_LOAD_PROBE_OUT and CK_LOAD_PROBE_HOOKS are set and this is `n8n execute`.
 */
const fs = require('fs');

const out = process.env.CK_LOAD_PROBE_OUT;
const hooksModule = process.env.CK_LOAD_PROBE_HOOKS;

function highWaterMB() {
	try {
		const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
		return m ? Math.round(Number(m[1]) / 1024) : null;
	} catch {
		return null;
	}
}

function countItems(data) {
	let n = 0;
	for (const branch of (data && data.main) || []) n += branch ? branch.length : 0;
	return n;
}

if (out && hooksModule && process.argv.includes('execute')) {
	let ExecutionLifecycleHooks = null;
	try {
		({ ExecutionLifecycleHooks } = require(hooksModule));
	} catch {
		/* not the n8n main process */
	}
	if (ExecutionLifecycleHooks) {
		const original = ExecutionLifecycleHooks.prototype.runHook;
		const result = { nodes: {}, order: [], startedAt: null };
		// CK_LOAD_PROFILE=<dir>: a V8 CPU profile of the execution (--cpu-prof is refused in NODE_OPTIONS).
		const profileDir = process.env.CK_LOAD_PROFILE;
		let profiler = null;
		if (profileDir) {
			const inspector = require('inspector');
			profiler = new inspector.Session();
			profiler.connect();
			profiler.post('Profiler.enable');
			profiler.post('Profiler.setSamplingInterval', { interval: 200 });
		}
		const cpuAtStart = {};
		ExecutionLifecycleHooks.prototype.runHook = async function (hookName, parameters) {
			if (hookName === 'workflowExecuteBefore' && result.startedAt === null) {
				result.startedAt = Date.now();
				if (profiler) profiler.post('Profiler.start');
			}
			if (hookName === 'nodeExecuteBefore') cpuAtStart[parameters[0]] = process.cpuUsage();
			if (hookName === 'nodeExecuteAfter') {
				const [nodeName, taskData] = parameters;
				const source = taskData && taskData.source && taskData.source[0];
				const itemsIn = source && result.nodes[source.previousNode] ? result.nodes[source.previousNode].itemsOut : null;
				const cpu = cpuAtStart[nodeName] ? process.cpuUsage(cpuAtStart[nodeName]) : null;
				result.nodes[nodeName] = {
					executionTimeMs: taskData ? taskData.executionTime : null,
					cpuMs: cpu ? Math.round((cpu.user + cpu.system) / 1000) : null,
					itemsIn,
					itemsOut: countItems(taskData && taskData.data),
					error: taskData && taskData.error ? String(taskData.error.message) : null,
					rssHighWaterMB: highWaterMB(),
				};
				result.order.push(nodeName);
			}
			if (hookName !== 'workflowExecuteAfter') return original.call(this, hookName, parameters);
			const run = parameters[0];
			let saveError = null;
			try {
				await original.call(this, hookName, parameters);
			} catch (error) {
				saveError = `${error && error.name}: ${error && error.message}`;
			}
			result.status = run && run.status;
			result.error = run && run.data && run.data.resultData && run.data.resultData.error ? String(run.data.resultData.error.message) : null;
			result.saveError = saveError;
			result.wallMs = result.startedAt === null ? null : Date.now() - result.startedAt;
			result.peakRssMB = highWaterMB();
			fs.writeFileSync(out, JSON.stringify(result));
			if (profiler) {
				await new Promise((resolve) =>
					profiler.post('Profiler.stop', (err, res) => {
						if (!err) fs.writeFileSync(require('path').join(profileDir, `load-${process.pid}.cpuprofile`), JSON.stringify(res.profile));
						resolve();
					}),
				);
			}
			process.exit(0);
		};
	}
}
