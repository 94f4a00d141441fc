'use strict';
/**
 * The live tier: the templates in a real n8n 2.41.1 server whose every outside service is a
 * loopback stand-in (test/e2e/standins), reached the way the user's instance reaches the real
 * ones: fixed hosts through n8n's proxy settings and the intercepting proxy, the rest by URL.
 * Each template is changed only the way the go-live sticky note tells a user to: credentials,
 * the crisis document, the one "send for real" switch. Assertions are on what the stand-ins
 * received.
 *
 * Run by test/e2e/run.js (`--only live`); exports async ({ n8n, tarball, work, check, lib }).
 */
const fs = require('fs');
const path = require('path');
const axios = require('axios');
const { startStandins } = require('../standins');
const { verifyInterception } = require('../standins/verifyInterception');
const { CrisisReplay } = require('./crisisReplay');
const brandMonitoring = require('./brandMonitoring');
const weakSignalDigest = require('./weakSignalDigest');
const customersAtRisk = require('./customersAtRisk');
const crisisResponse = require('./crisisResponse');
const postCrisisReview = require('./postCrisisReview');
const askCrisisKit = require('./askCrisisKit');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLE_DOCUMENT = JSON.parse(fs.readFileSync(path.join(ROOT, 'core', 'document', 'defaultCrisisDocument.json'), 'utf8'));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The public-API and REST calls the live suites need, bound to one server session. */
function client(server, session) {
	const retrying = (instance) => {
		// Under load n8n's database ping times out and the server answers 503 "Database is not
		// ready!" for a while: retry those (up to a minute) instead of failing the check.
		// A reset connection (the server stalls, then drops the socket) is retried the same way.
		const call = async (method, ...args) => {
			for (let attempt = 0; ; attempt++) {
				let r;
				try {
					r = await instance[method](...args);
				} catch (error) {
					if (attempt >= 30 || !/ECONNRESET|socket hang up|ETIMEDOUT|EPIPE/.test(`${error.code} ${error.message}`)) throw error;
					await sleep(2000);
					continue;
				}
				if (r.status !== 503 || attempt >= 30) return r;
				await sleep(2000);
			}
		};
		return { get: (...a) => call('get', ...a), post: (...a) => call('post', ...a), delete: (...a) => call('delete', ...a) };
	};
	const api = retrying(axios.create({ baseURL: `${server.base}/api/v1`, headers: { 'X-N8N-API-KEY': session.apiKey }, validateStatus: () => true }));
	const rest = retrying(axios.create({ baseURL: `${server.base}/rest`, headers: { cookie: session.cookie }, validateStatus: () => true }));
	const ok = (r, what) => {
		if (r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.data).slice(0, 600)}`);
		return r.data;
	};
	return {
		async credential(name, type, data) {
			return ok(await api.post('/credentials', { name, type, data }), `create credential ${type}`);
		},
		async workflow(wf) {
			const body = { name: wf.name, nodes: wf.nodes, connections: wf.connections, settings: { ...(wf.settings || {}), saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all', saveManualExecutions: true } };
			return ok(await api.post('/workflows', body), `create workflow ${wf.name}`);
		},
		/** Any other public-API call (data tables, …): the answer's body; an HTTP error throws. */
		async apiGet(url, params) {
			return ok(await api.get(url, { params }), `GET ${url}`);
		},
		async apiPost(url, body) {
			return ok(await api.post(url, body), `POST ${url}`);
		},
		async apiDelete(url) {
			return ok(await api.delete(url), `DELETE ${url}`);
		},
		async activate(id) {
			const r = await api.post(`/workflows/${id}/activate`, {});
			// A retried activation finds the workflow already active: that is success too.
			if (r.status === 400 && /already active/i.test(JSON.stringify(r.data))) return r.data;
			return ok(r, `activate ${id}`);
		},
		async deactivate(id) {
			return api.post(`/workflows/${id}/deactivate`, {});
		},
		async runFromTrigger(id, triggerName) {
			return ok(await rest.post(`/workflows/${id}/run`, { triggerToStartFrom: { name: triggerName } }), `run ${id} from ${triggerName}`);
		},
		/** Finished executions of a workflow, with their data, newest first. */
		async executions(workflowId) {
			const r = ok(await api.get('/executions', { params: { workflowId, includeData: true, limit: 20 } }), 'list executions');
			return r.data.filter((e) => e.finished || e.status === 'success' || e.status === 'error');
		},
		async waitForExecution(workflowId, { timeoutMs = 120000, count = 1 } = {}) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const done = (await this.executions(workflowId)).filter((e) => e.stoppedAt);
				if (done.length >= count) return done;
				if (Date.now() > deadline) throw new Error(`no finished execution of ${workflowId} after ${timeoutMs} ms`);
				await sleep(500);
			}
		},
	};
}

/** The template as a user has it after following the go-live note (see each suite for what changes). */
function withCredentials(wf, creds) {
	for (const n of wf.nodes) {
		if (n.type === 'n8n-nodes-base.slack') n.credentials = { slackApi: { id: creds.slack.id, name: creds.slack.name } };
		if (n.type === 'n8n-nodes-base.emailSend') n.credentials = { smtp: { id: creds.smtp.id, name: creds.smtp.name } };
	}
	return wf;
}

module.exports = async function liveSuite({ n8n, tarball, work, check, lib }) {
	process.stdout.write('live (real n8n server, every outside service a loopback stand-in):\n');
	const t0 = Date.now();
	const si = await startStandins({ dir: path.join(work, 'standins') });
	let server;
	try {
		await check('live: n8n\'s own HTTPS agent goes through the intercepting proxy to the Slack stand-in; other hosts are refused', async () => {
			const how = await verifyInterception(si, n8n);
			process.stdout.write(`      ${how}\n`);
		});
		const userFolder = path.join(work, 'live-home');
		lib.installPackage(userFolder, tarball);
		const logFile = path.join(userFolder, 'server.log');
		await check('live: n8n starts with HTTPS_PROXY, NO_PROXY and NODE_EXTRA_CA_CERTS pointing at the stand-ins', async () => {
			server = await lib.startServer(n8n, userFolder, {
				port: await lib.freePort(),
				brokerPort: await lib.freePort(),
				email: 'owner@crisis-kit.test',
				password: 'CrisisKit-live-2026',
				logFile,
				// CK_LIVE_N8N_LOG=debug: n8n's own log level for the run (server.log).
				env: { ...si.env(), ...(process.env.CK_LIVE_N8N_LOG ? { N8N_LOG_LEVEL: process.env.CK_LIVE_N8N_LOG } : {}) },
				// The shared 2-core machine can take minutes to start n8n under load.
				readyTimeoutMs: 300000,
			});
		});
		if (!server) return;
		const session = await lib.loginAndApiKey(server);
		const n8nApi = client(server, session);
		const creds = {};
		await check('live: Slack and SMTP credentials are created through the public API (SMTP host = the SMTP stand-in)', async () => {
			creds.slack = await n8nApi.credential('Slack (stand-in)', 'slackApi', { accessToken: 'xoxb-crisis-kit-stand-in' });
			creds.smtp = await n8nApi.credential('SMTP (stand-in)', 'smtp', si.smtp.credentialData());
		});
		if (!creds.slack || !creds.smtp) return;
		const ctx = { si, n8nApi, creds, check, lib, server, session, withCredentials, EXAMPLE_DOCUMENT, CrisisReplay, sleep, root: ROOT, logFile, work };
		// CK_LIVE_ONLY=crisisResponse,askCrisisKit runs only those suites (default: all).
		const suites = { brandMonitoring, weakSignalDigest, customersAtRisk, crisisResponse, postCrisisReview, askCrisisKit };
		const only = (process.env.CK_LIVE_ONLY || '').split(',').map((x) => x.trim()).filter(Boolean);
		for (const name of only) if (!suites[name]) throw new Error(`CK_LIVE_ONLY: no live suite ${name} (have ${Object.keys(suites).join(', ')})`);
		for (const [name, suite] of Object.entries(suites)) if (!only.length || only.includes(name)) await suite(ctx);
		const refused = [...new Set(si.proxy.refused.map((e) => e.host))];
		process.stdout.write(`      hosts refused by the proxy during the run (n8n's own calls, not the templates'): ${refused.join(', ') || 'none'}\n`);
		await check('live: the templates never reached a host without a stand-in', () => {
			const ours = /slack|hubapi|pipedrive|salesforce|office\.com|reddit|algolia|google|x\.com|twitter|linkedin|bsky|mastodon|openai/;
			const leaked = refused.filter((h) => ours.test(h));
			if (leaked.length) throw new Error(`refused: ${leaked.join(', ')}`);
		});
	} finally {
		if (server) await server.stop();
		await si.stop();
		process.stdout.write(`      live tier: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
	}
};

module.exports.client = client;
