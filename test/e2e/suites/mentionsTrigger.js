'use strict';
/**
 * Mentions Trigger in a real n8n server: a loopback replay server (127.0.0.1, random port)
 * stands in for Hacker News, Reddit and a Google Alerts feed; a workflow with the trigger is
 * created and activated through the public API (activation runs poll() at once); then the
 * static data must hold one cursor per source and the executions must hold each mention once.
 */
const http = require('http');
const axios = require('axios');
const { ReplayApis, queryObject } = require('../../helpers/replayApis');

module.exports = async ({ server, session, check }) => {
	const replay = new ReplayApis({ seed: 7, polls: 3, rates: { reddit: 3, hackernews: 3, rss: 2, mastodon: 0, bluesky: 0, x: 0 }, exclusionRate: 0 });
	const requests = [];
	const api = http.createServer((req, res) => {
		const url = new URL(req.url, 'http://127.0.0.1');
		requests.push(url.pathname);
		// Everything generated so far is visible: the server clock is not the replay clock.
		const r = replay.handle({ path: url.pathname, query: queryObject(url.searchParams) }, replay.pollTime(3));
		res.writeHead(r.status, r.headers);
		res.end(r.body);
	});
	await new Promise((resolve) => api.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${api.address().port}`;
	const headers = { 'X-N8N-API-KEY': session.apiKey };
	const expected = replay.items.reddit.length + replay.items.hackernews.length + replay.items.rss.length;
	let workflowId;
	try {
		await check('mentionsTrigger: a workflow with the trigger on a loopback replay server is created through the public API', async () => {
			const body = {
				name: 'e2e Mentions Trigger replay',
				nodes: [
					{
						id: 'a1b2c3d4-0000-4000-8000-000000000001',
						name: 'Mentions Trigger',
						type: 'n8n-nodes-crisis-kit.mentionsTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {
							pollTimes: { item: [{ mode: 'everyHour' }] },
							sources: ['hackernews', 'reddit', 'rss'],
							keywords: 'orvia',
							hashtags: 'orvialeak',
							feedUrls: `${base}/alerts/feeds/04175468913983673025/4428013283581841004`,
							options: { apiBaseUrl: base, maxRetries: 1, retryDelayMs: 10 },
						},
					},
					{
						id: 'a1b2c3d4-0000-4000-8000-000000000002',
						name: 'Keep',
						type: 'n8n-nodes-base.noOp',
						typeVersion: 1,
						position: [220, 0],
						parameters: {},
					},
				],
				connections: { 'Mentions Trigger': { main: [[{ node: 'Keep', type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
			};
			const r = await axios.post(`${server.base}/api/v1/workflows`, body, { headers, validateStatus: () => true });
			if (r.status !== 200) throw new Error(`create: ${r.status} ${JSON.stringify(r.data).slice(0, 500)}`);
			workflowId = r.data.id;
		});
		if (!workflowId) return;
		await check('mentionsTrigger: activation through the public API runs the first poll', async () => {
			const r = await axios.post(`${server.base}/api/v1/workflows/${workflowId}/activate`, {}, { headers, validateStatus: () => true });
			if (r.status !== 200) throw new Error(`activate: ${r.status} ${JSON.stringify(r.data).slice(0, 500)}`);
			for (let i = 0; i < 60 && requests.length < 4; i++) await new Promise((res) => setTimeout(res, 250));
			if (!requests.some((p) => p.endsWith('/api/v1/search_by_date'))) throw new Error(`replay server saw no Hacker News call (saw ${requests.join(', ')})`);
		});
		let staticData;
		await check('mentionsTrigger: the workflow static data holds one cursor per source', async () => {
			for (let i = 0; i < 40; i++) {
				const r = await axios.get(`${server.base}/api/v1/workflows/${workflowId}`, { headers });
				staticData = r.data.staticData;
				const node = staticData && staticData['node:Mentions Trigger'];
				if (node && node.sources && ['hackernews', 'reddit', 'rss'].every((s) => node.sources[s])) break;
				await new Promise((res) => setTimeout(res, 500));
			}
			const node = staticData && staticData['node:Mentions Trigger'];
			if (!node) throw new Error(`no static data for the trigger: ${JSON.stringify(staticData).slice(0, 400)}`);
			for (const s of ['hackernews', 'reddit', 'rss']) {
				const streams = node.sources[s] && node.sources[s].streams;
				if (!streams || !Object.keys(streams).length) throw new Error(`no cursor for ${s}: ${JSON.stringify(node.sources[s])}`);
				for (const [id, st] of Object.entries(streams)) if (!st.watermark || !st.watermark.publishedAt) throw new Error(`${s}/${id} has no watermark`);
			}
			process.stdout.write(`      cursors: ${Object.entries(node.sources).map(([s, v]) => `${s}=${Object.values(v.streams).map((st) => st.watermark.publishedAt).join('/')}`).join(' ')}\n`);
		});
		await check(`mentionsTrigger: the executions hold each replayed mention exactly once (${expected} expected)`, async () => {
			let mentions = [];
			let failed = [];
			for (let i = 0; i < 40; i++) {
				const r = await axios.get(`${server.base}/api/v1/executions`, { headers, params: { workflowId, includeData: true, limit: 50 } });
				mentions = [];
				failed = [];
				for (const ex of r.data.data) {
					const runs = ex.data && ex.data.resultData && ex.data.resultData.runData && ex.data.resultData.runData['Mentions Trigger'];
					// Output 1 is Mentions, output 2 Source Failures (contract 1: source failures on their own output).
					for (const run of runs || []) for (const item of (run.data && run.data.main && run.data.main[0]) || []) mentions.push(item.json);
					for (const run of runs || []) for (const item of (run.data && run.data.main && run.data.main[1]) || []) failed.push(item.json);
				}
				if (mentions.length >= expected) break;
				await new Promise((res) => setTimeout(res, 500));
			}
			const failures = [...mentions.filter((m) => m.sourceFailure), ...failed];
			if (failures.length) throw new Error(`source failures: ${failures.map((f) => f.error).join('; ')}`);
			const ids = mentions.map((m) => m.id);
			const unique = new Set(ids);
			if (unique.size !== ids.length) throw new Error(`${ids.length - unique.size} mentions emitted twice`);
			if (unique.size !== expected) throw new Error(`emitted ${unique.size} mentions, expected ${expected}`);
			const platforms = new Set(mentions.map((m) => m.platform));
			for (const p of ['hackernews', 'reddit', 'rss']) if (!platforms.has(p)) throw new Error(`no ${p} mention emitted`);
			if (mentions.some((m) => !/Z$/.test(m.publishedAt))) throw new Error('publishedAt not RFC3339 UTC');
			process.stdout.write(`      ${unique.size} mentions emitted once (${[...platforms].join(', ')}), ${mentions.filter((m) => m.story && m.story.duplicate).length} marked as a duplicate story\n`);
		});
	} finally {
		if (workflowId) await axios.post(`${server.base}/api/v1/workflows/${workflowId}/deactivate`, {}, { headers, validateStatus: () => true }).catch(() => {});
		await new Promise((resolve) => api.close(resolve));
	}
};
