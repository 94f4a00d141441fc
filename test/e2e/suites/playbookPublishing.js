/**
 * Crisis Playbook › Pause / Resume Publishing against the real n8n server of the e2e tier:
 * three tagged "publishing" workflows and one untagged are published; a webhook-triggered
 * workflow running the Crisis Playbook node (n8n API credential pointing at this same server)
 * pauses them, pauses again (no-op), resumes them, and resumes an incident never paused (error).
 * States are read back through the public API.
 */
const axios = require('axios');

const TAG = 'crisis-kit-publishing';
const PKG = 'n8n-nodes-crisis-kit';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

module.exports = async ({ server, session, check }) => {
	const RUN = Date.now().toString(36);
	const PATH = `ck-playbook-${RUN}`;
	const INCIDENT = `e2e-incident-${RUN}`;
	const api = axios.create({ baseURL: `${server.base}/api/v1`, headers: { 'X-N8N-API-KEY': session.apiKey }, validateStatus: () => true });
	const ok = (r, what) => {
		if (r.status < 200 || r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.data).slice(0, 400)}`);
		return r.data;
	};
	const publishingWorkflow = (name) => ({
		name,
		nodes: [
			{ parameters: { rule: { interval: [{ field: 'hours' }] } }, id: `st-${name}`, name: 'Schedule Trigger', type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, position: [0, 0] },
			{ parameters: {}, id: `no-${name}`, name: 'Post scheduled content', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0] },
		],
		connections: { 'Schedule Trigger': { main: [[{ node: 'Post scheduled content', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	});
	const state = async (id) => {
		const wf = ok(await api.get(`/workflows/${id}`), `GET workflow ${id}`);
		return { active: wf.active === true && !!wf.activeVersionId, activeVersionId: wf.activeVersionId, staticData: wf.staticData };
	};

	const tagged = [];
	let untagged;
	const versions = {};
	await check('playbook publishing: 3 tagged publishing workflows and 1 untagged are published through the public API', async () => {
		let tag = (await api.post('/tags', { name: TAG })).data;
		if (!tag || !tag.id) tag = ok(await api.get('/tags', { params: { limit: 250 } }), 'list tags').data.find((t) => t.name === TAG);
		if (!tag) throw new Error('could not create or find the tag');
		for (const name of ['Weekly promo (X)', 'Product tips (LinkedIn)', 'Newsletter teaser (Bluesky)', 'Status page digest (untagged)']) {
			const wf = ok(await api.post('/workflows', publishingWorkflow(name)), `create ${name}`);
			if (!name.includes('untagged')) {
				ok(await api.put(`/workflows/${wf.id}/tags`, [{ id: tag.id }]), `tag ${name}`);
				tagged.push(wf.id);
			} else untagged = wf.id;
			ok(await api.post(`/workflows/${wf.id}/activate`, {}), `activate ${name}`);
		}
		for (const id of [...tagged, untagged]) {
			const s = await state(id);
			if (!s.active) throw new Error(`${id} is not active after activation`);
			versions[id] = s.activeVersionId;
		}
		const listed = ok(await api.get('/workflows', { params: { tags: TAG, active: 'true', limit: 250 } }), 'list by tag');
		const mine = listed.data.filter((w) => tagged.includes(w.id));
		if (mine.length !== 3) throw new Error(`expected our 3 tagged workflows active, got ${mine.length}`);
		if (listed.data.length !== 3) throw new Error(`another active workflow has the tag ${TAG}: ${listed.data.map((w) => w.name)}`);
	});

	let playbookId;
	const hook = async (body) => {
		for (let attempt = 0; attempt < 20; attempt++) {
			const r = await axios.post(`${server.base}/webhook/${PATH}`, body, { validateStatus: () => true, timeout: 60000 });
			if (r.status !== 404) return r;
			await sleep(500);
		}
		throw new Error(`webhook ${PATH} never registered`);
	};
	await check('playbook publishing: a workflow with the Crisis Playbook node and an n8n API credential is published', async () => {
		const cred = ok(
			await api.post('/credentials', { name: 'Crisis Kit n8n API (e2e)', type: 'crisisKitN8nApi', data: { baseUrl: server.base, apiKey: session.apiKey } }),
			'create credential',
		);
		const credentials = { crisisKitN8nApi: { id: cred.id, name: cred.name } };
		const wf = ok(
			await api.post('/workflows', {
				name: 'Crisis Kit e2e · pause/resume publishing',
				nodes: [
					{ parameters: { httpMethod: 'POST', path: PATH, responseMode: 'lastNode', options: {} }, id: 'wh', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: `5b7c2f0e-1d3a-4c8e-9f10-${RUN.padStart(12, '0').slice(-12)}` },
					{
						parameters: {
							conditions: {
								options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
								conditions: [{ id: 'c1', leftValue: '={{ $json.body.action }}', rightValue: 'pause', operator: { type: 'string', operation: 'equals' } }],
								combinator: 'and',
							},
							looseTypeValidation: true,
							options: {},
						},
						id: 'if',
						name: 'Pause?',
						type: 'n8n-nodes-base.if',
						typeVersion: 2.2,
						position: [220, 0],
					},
					{
						parameters: { operation: 'pausePublishing', targets: ['n8nWorkflows'], tag: TAG, incidentId: '={{ $json.body.incidentId }}', pauseOptions: {} },
						id: 'pause',
						name: 'Pause publishing',
						type: `${PKG}.crisisPlaybook`,
						typeVersion: 1,
						position: [440, -100],
						credentials,
					},
					{
						parameters: { operation: 'resumePublishing', targets: ['n8nWorkflows'], incidentId: '={{ $json.body.incidentId }}', pauseRecord: '', resumeOptions: {} },
						id: 'resume',
						name: 'Resume publishing',
						type: `${PKG}.crisisPlaybook`,
						typeVersion: 1,
						position: [440, 100],
						credentials,
					},
				],
				connections: {
					Webhook: { main: [[{ node: 'Pause?', type: 'main', index: 0 }]] },
					'Pause?': { main: [[{ node: 'Pause publishing', type: 'main', index: 0 }], [{ node: 'Resume publishing', type: 'main', index: 0 }]] },
				},
				settings: { executionOrder: 'v1' },
			}),
			'create playbook workflow',
		);
		playbookId = wf.id;
		ok(await api.post(`/workflows/${wf.id}/activate`, {}), 'activate playbook workflow');
	});
	if (!playbookId) return;

	await check('playbook publishing: Pause Publishing unpublishes exactly the 3 tagged workflows; the untagged one stays published', async () => {
		const r = await hook({ action: 'pause', incidentId: INCIDENT });
		if (r.status !== 200) throw new Error(`pause answered ${r.status}: ${JSON.stringify(r.data).slice(0, 500)}`);
		const out = Array.isArray(r.data) ? r.data[0] : r.data;
		if (out.status !== 'paused' || out.pausedCount !== 3) throw new Error(`unexpected report: ${JSON.stringify(out).slice(0, 800)}`);
		const pausedIds = out.paused.map((p) => p.id).sort();
		if (JSON.stringify(pausedIds) !== JSON.stringify([...tagged].sort())) throw new Error(`paused ${pausedIds} instead of ${tagged}`);
		for (const id of tagged) if ((await state(id)).active) throw new Error(`${id} still active`);
		if (!(await state(untagged)).active) throw new Error('the untagged workflow was touched');
		if (!(await state(playbookId)).active) throw new Error('the playbook workflow itself was unpublished');
	});

	await check('playbook publishing: the pause record is kept in the workflow static data with the live version of each workflow', async () => {
		let record;
		for (let k = 0; k < 10 && !record; k++) {
			const s = await state(playbookId);
			record = s.staticData && s.staticData.global && s.staticData.global.crisisKitPauses && s.staticData.global.crisisKitPauses[INCIDENT];
			if (!record) await sleep(300);
		}
		if (!record) throw new Error('no pause record in staticData.global.crisisKitPauses');
		for (const w of record.n8n.workflows) if (w.activeVersionId !== versions[w.id]) throw new Error(`version of ${w.id} not recorded`);
	});

	await check('playbook publishing: a second pause of the same incident is a no-op', async () => {
		const r = await hook({ action: 'pause', incidentId: INCIDENT });
		const out = Array.isArray(r.data) ? r.data[0] : r.data;
		if (r.status !== 200 || out.status !== 'alreadyPaused' || out.pausedCount !== 0) throw new Error(`${r.status} ${JSON.stringify(out).slice(0, 500)}`);
		for (const id of tagged) if ((await state(id)).active) throw new Error(`${id} became active`);
		if (!(await state(untagged)).active) throw new Error('the untagged workflow was touched');
	});

	await check('playbook publishing: Resume Publishing republishes exactly those 3, at the version that was live', async () => {
		const r = await hook({ action: 'resume', incidentId: INCIDENT });
		const out = Array.isArray(r.data) ? r.data[0] : r.data;
		if (r.status !== 200 || out.status !== 'resumed' || out.resumedCount !== 3) throw new Error(`${r.status} ${JSON.stringify(out).slice(0, 800)}`);
		for (const id of tagged) {
			const s = await state(id);
			if (!s.active) throw new Error(`${id} not active after resume`);
			if (s.activeVersionId !== versions[id]) throw new Error(`${id} republished at ${s.activeVersionId}, was ${versions[id]}`);
		}
		if (!(await state(untagged)).active) throw new Error('the untagged workflow was touched');
	});

	await check('playbook publishing: Resume without a pause fails with "Nothing was paused for incident …"', async () => {
		const r = await hook({ action: 'resume', incidentId: 'e2e-never-paused' });
		if (r.status === 200) throw new Error(`expected an error, got 200 ${JSON.stringify(r.data).slice(0, 300)}`);
		let message = '';
		for (let k = 0; k < 20 && !message; k++) {
			const ex = ok(await api.get('/executions', { params: { workflowId: playbookId, status: 'error', includeData: true, limit: 5 } }), 'list executions');
			const e = (ex.data || []).find((x) => x.data && x.data.resultData && x.data.resultData.error);
			message = e ? e.data.resultData.error.message : '';
			if (!message) await sleep(300);
		}
		if (!/Nothing was paused for incident "e2e-never-paused"/.test(message)) throw new Error(`error message was: ${message}`);
		for (const id of tagged) if (!(await state(id)).active) throw new Error(`${id} changed`);
	});
};
