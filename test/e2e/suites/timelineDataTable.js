/**
 * The crisis-response template keeps its incident timeline in n8n's built-in Data Table. Data
 * Tables exist only in the server (not under `n8n execute`), so this suite runs the imported
 * template on the server (manual run, as a user pressing "Execute workflow") and reads the rows
 * back through the public API.
 */
const axios = require('axios');

const WORKFLOW_ID = 'ckCrisisResponse01';
const TABLE = 'crisis_kit_timeline';

module.exports = async ({ server, session, check }) => {
	const api = axios.create({ baseURL: `${server.base}/api/v1`, headers: { 'X-N8N-API-KEY': session.apiKey }, validateStatus: () => true });
	let executionId = null;
	await check('timeline: the crisis-response template runs on the server (manual run)', async () => {
		const r = await axios.post(
			`${server.base}/rest/workflows/${WORKFLOW_ID}/run`,
			{ triggerToStartFrom: { name: 'Run manually' } },
			{ headers: { cookie: session.cookie }, validateStatus: () => true },
		);
		if (r.status !== 200) throw new Error(`run: ${r.status} ${JSON.stringify(r.data).slice(0, 400)}`);
		executionId = r.data.data && r.data.data.executionId;
		const deadline = Date.now() + 120000;
		for (;;) {
			const e = await api.get(`/executions/${executionId}`);
			if (e.status === 200 && e.data.finished !== undefined && e.data.status !== 'running' && e.data.status !== 'new') {
				if (e.data.status !== 'success') throw new Error(`execution ${executionId} ended ${e.data.status}`);
				break;
			}
			if (Date.now() > deadline) throw new Error(`execution ${executionId} did not finish in 120 s`);
			await new Promise((res) => setTimeout(res, 1000));
		}
	});
	await check('timeline: the Data Table crisis_kit_timeline holds the incident events (read through the public API)', async () => {
		const list = await api.get(`/data-tables?filter=${encodeURIComponent(JSON.stringify({ name: TABLE }))}`);
		if (list.status !== 200) throw new Error(`list data tables: ${list.status} ${JSON.stringify(list.data).slice(0, 300)}`);
		const table = (list.data.data || []).find((t) => t.name === TABLE);
		if (!table) throw new Error(`no data table named ${TABLE}`);
		const rows = await api.get(`/data-tables/${table.id}/rows?limit=250`);
		if (rows.status !== 200) throw new Error(`rows: ${rows.status} ${JSON.stringify(rows.data).slice(0, 300)}`);
		const data = rows.data.data || [];
		const types = new Set(data.map((r) => r.type));
		// The events the template logs from what really happened on the sample path (no hard-coded list):
		// the plan, the draft, the rejection and the approval, the post, the CRM case (a note).
		for (const t of ['planIssued', 'statementDrafted', 'statementRejected', 'statementApproved', 'statementPosted', 'note']) if (!types.has(t)) throw new Error(`no ${t} row (types: ${[...types].join(', ')})`);
		for (const r of data) {
			if (r.incidentId !== 'orvia-leak-2026-03-05') throw new Error(`row ${r.eventId} has incident ${r.incidentId}`);
			if (JSON.parse(r.event).id !== r.eventId) throw new Error(`row ${r.eventId}: event JSON does not match`);
		}
		process.stdout.write(`      ${data.length} timeline rows of ${types.size} event types in data table ${table.id}\n`);
	});
};
