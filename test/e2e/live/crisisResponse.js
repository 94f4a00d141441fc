'use strict';
/**
 * Crisis response, live: the shipped template changed only the way its go-live sticky note says
 * (the crisis document saved as a version in the Data Table crisis_kit_documents, credentials on
 * the nodes used, Settings › approvalVia / postOn / crm, Settings › live = true), run from its
 * manual trigger on the shipped sample in a real n8n 2.41.1 server. Every outside service is a
 * stand-in; approvals are answered the way a person does: open the link n8n put in the Slack
 * message or the e-mail (n8n's signed /webhook-waiting/ URL), read the form, submit it.
 *
 *   run A  Slack, English   approver approves at once          → X,        HubSpot ticket
 *   run B  Slack, English   approver silent past the wait limit → deputy approves → Mastodon, Salesforce Case
 *   run C  e-mail, French   approver rejects with comments and a corrected text → redraft →
 *                           second e-mail → approves           → Bluesky,  Pipedrive activity
 *   run D  Slack, English   approver approves at once          → LinkedIn, HubSpot ticket
 *
 * Assertions are on what the stand-ins received and on the timeline rows read back through n8n's
 * public Data Table API. The wait limit: n8n's WaitTracker looks for waiting executions every
 * 60 s and arms an exact timer for those due within 70 s, so a 1-minute limit resumes after ~60 s
 * (see docs/testing.md).
 */
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const axios = require('axios');

const TEMPLATE = path.join(__dirname, '..', '..', '..', 'workflows', 'crisis-response.workflow.json');
const TRIGGER = 'Run on the sample';

const unescapeHtml = (s) => String(s).replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const nodeItems = (execution, name, output = 0, run = 0) => {
	const runs = execution.data.resultData.runData[name];
	if (!runs || !runs[run]) return null;
	return ((runs[run].data && runs[run].data.main && runs[run].data.main[output]) || []).map((i) => i.json);
};
const runsOf = (execution, name) => (execution.data.resultData.runData[name] || []).length;

/** The crisis document of a run: the example one, in `language`, with a short wait limit. */
function documentFor(example, { language, timeoutMinutes }) {
	const doc = JSON.parse(JSON.stringify(example));
	doc.defaultLanguage = language;
	doc.approval.timeoutMinutes = timeoutMinutes;
	for (const s of doc.scenarios) if (s.approval) s.approval.timeoutMinutes = timeoutMinutes;
	return doc;
}

/** Public API (data tables) and the REST API (credentials with OAuth token data) of the session. */
function apis(ctx) {
	const base = ctx.server.base;
	const api = axios.create({ baseURL: `${base}/api/v1`, headers: { 'X-N8N-API-KEY': ctx.session.apiKey }, validateStatus: () => true });
	const rest = axios.create({ baseURL: `${base}/rest`, headers: { cookie: ctx.session.cookie }, validateStatus: () => true });
	const ok = (r, what) => {
		if (r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.data).slice(0, 600)}`);
		return r.data;
	};
	return {
		async table(name, columns) {
			const found = ok(await api.get(`/data-tables?filter=${encodeURIComponent(JSON.stringify({ name }))}`), `find table ${name}`);
			const existing = (found.data || []).find((t) => t.name === name);
			if (existing || !columns) return existing;
			return ok(await api.post('/data-tables', { name, columns }), `create table ${name}`);
		},
		async insert(tableId, rows) {
			return ok(await api.post(`/data-tables/${tableId}/rows`, { data: rows, returnType: 'all' }), 'insert rows');
		},
		async rows(tableId) {
			const out = [];
			let cursor;
			do {
				const r = ok(await api.get(`/data-tables/${tableId}/rows?limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 'read rows');
				out.push(...(r.data || []));
				cursor = r.nextCursor;
			} while (cursor);
			return out;
		},
		/** An OAuth2 credential as it is after the user pressed "Connect" (token data stored by n8n). */
		async oauthCredential(name, type, data, oauthTokenData) {
			const created = ok(await rest.post('/credentials', { name, type, data: { ...data, oauthTokenData } }), `create ${type}`);
			return created.data || created;
		},
		/** A published workflow tagged `tag` (what Pause Publishing unpublishes). */
		async publishedTagged(name, tag) {
			const wf = ok(await api.post('/workflows', {
				name,
				nodes: [
					{ id: 'd0000000-0000-4000-8000-000000000001', name: 'Every day', type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, position: [0, 0], parameters: { rule: { interval: [{ triggerAtHour: 9 }] } } },
					{ id: 'd0000000-0000-4000-8000-000000000002', name: 'Post the scheduled promotion', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
				],
				connections: { 'Every day': { main: [[{ node: 'Post the scheduled promotion', type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
			}), 'create the scheduled-post workflow');
			let t = await api.post('/tags', { name: tag });
			if (t.status === 409) t = { status: 200, data: ok(await api.get('/tags', { params: { limit: 250 } }), 'tags').data.find((x) => x.name === tag) };
			ok(await api.put(`/workflows/${wf.id}/tags`, [{ id: ok(t, 'create tag').id }]), 'tag the workflow');
			ok(await api.post(`/workflows/${wf.id}/activate`, {}), 'publish the scheduled-post workflow');
			return wf;
		},
		async workflowState(id) {
			return ok(await api.get(`/workflows/${id}`), `workflow ${id}`);
		},
		async execution(id) {
			return ok(await api.get(`/executions/${id}`, { params: { includeData: true } }), `execution ${id}`);
		},
	};
}

/** Answers an n8n Send and Wait form the way a person does: GET the page, POST the filled form. */
async function answerForm(url, { decision, comments = '', corrected = '' }) {
	const page = await axios.get(url, { validateStatus: () => true });
	assert.strictEqual(page.status, 200, `form page ${url}: HTTP ${page.status}`);
	for (const label of ['Decision', 'Comments', 'Corrected text']) assert.ok(String(page.data).includes(label), `the form lacks "${label}"`);
	const form = new FormData();
	form.append('field-0', decision);
	form.append('field-1', comments);
	form.append('field-2', corrected);
	const r = await fetch(url, { method: 'POST', body: form });
	assert.ok(r.ok, `form POST: HTTP ${r.status} ${(await r.text()).slice(0, 300)}`);
	return { answeredAt: new Date() };
}

/** The "Respond" button of a Send and Wait Slack message. */
function slackButtonUrl(message) {
	const actions = (message.blocks || []).find((b) => b.type === 'actions');
	assert.ok(actions, 'no actions block in the approval message');
	const url = actions.elements[0].url;
	assert.match(url, /\/webhook-waiting\/\d+\/[\w-]+\?.*signature=/, url);
	return url;
}
const slackMessageText = (m) => unescapeHtml(((m.blocks || []).find((b) => b.type === 'section' && b.text && b.text.text.trim()) || { text: { text: '' } }).text.text);

/** The button link of a Send and Wait e-mail. */
function mailButtonUrl(mail) {
	const m = /href="([^"]*\/webhook-waiting\/[^"]+)"/.exec(mail.html || '');
	assert.ok(m, 'no webhook-waiting link in the e-mail');
	return unescapeHtml(m[1]);
}

module.exports = async function crisisResponseLive(ctx) {
	const { si, n8nApi, check, EXAMPLE_DOCUMENT } = ctx;
	const t0 = Date.now();
	const a = apis(ctx);
	const creds = {};
	let documents;
	await check('live crisis-response: the document table, and the HubSpot, Salesforce, Pipedrive, X, LinkedIn, Mastodon, Bluesky and Crisis Kit n8n credentials are created', async () => {
		documents = await a.table('crisis_kit_documents', [
			{ name: 'version', type: 'number' },
			{ name: 'document', type: 'string' },
			{ name: 'savedAt', type: 'string' },
		]);
		creds.hubspotAppToken = await n8nApi.credential('HubSpot (stand-in)', 'hubspotAppToken', { appToken: 'pat-crisis-kit-stand-in' });
		creds.pipedriveApi = await n8nApi.credential('Pipedrive (stand-in)', 'pipedriveApi', { apiToken: 'pd-crisis-kit-stand-in' });
		creds.httpHeaderAuth = await n8nApi.credential('Mastodon token (stand-in)', 'httpHeaderAuth', { name: 'Authorization', value: 'Bearer masto-stand-in' });
		creds.httpCustomAuth = await n8nApi.credential('Bluesky app password (stand-in)', 'httpCustomAuth', { json: JSON.stringify({ body: { password: 'bsky-app-password' } }) });
		creds.crisisKitN8nApi = await n8nApi.credential('This n8n (stand-in)', 'crisisKitN8nApi', { baseUrl: ctx.server.base, apiKey: ctx.session.apiKey });
		const token = (access) => ({ access_token: access, token_type: 'bearer', refresh_token: `${access}-refresh`, expires_in: 7200 });
		creds.twitterOAuth2Api = await a.oauthCredential('X (stand-in)', 'twitterOAuth2Api', { clientId: 'x-client', clientSecret: 'x-secret' }, token('x-stand-in-token'));
		creds.linkedInOAuth2Api = await a.oauthCredential('LinkedIn (stand-in)', 'linkedInOAuth2Api', { clientId: 'li-client', clientSecret: 'li-secret' }, token('li-stand-in-token'));
		creds.salesforceOAuth2Api = await a.oauthCredential('Salesforce (stand-in)', 'salesforceOAuth2Api', { environment: 'production', clientId: 'sf-client', clientSecret: 'sf-secret' }, { ...token('sf-stand-in-token'), instance_url: si.salesforce.url });
	});
	if (!documents || !creds.salesforceOAuth2Api) return;
	let scheduled;
	await check('live crisis-response: a published workflow tagged crisis-kit-publishing stands for the scheduled posts to pause', async () => {
		scheduled = await a.publishedTagged('Scheduled promotion (tagged crisis-kit-publishing)', 'crisis-kit-publishing');
		assert.strictEqual((await a.workflowState(scheduled.id)).active, true);
	});
	// Incident ids of this suite's runs (the timeline table may hold earlier runs' rows).
	const stamp = `live-${Date.now().toString(36)}`;

	/** Saves the run's document as the next version, then runs the template with its settings. */
	async function start(label, { document, settings }) {
		// The next version of the table (the template loads the highest one).
		const version = Math.max(0, ...(await a.rows(documents.id)).map((r) => Number(r.version) || 0)) + 1;
		await a.insert(documents.id, [{ version, document: JSON.stringify(document), savedAt: new Date().toISOString() }]);
		const wf = JSON.parse(fs.readFileSync(TEMPLATE, 'utf8'));
		wf.name = `Crisis response (live ${label})`;
		const assignments = wf.nodes.find((n) => n.name === 'Settings').parameters.assignments.assignments;
		const set = (name, value) => {
			const s = assignments.find((x) => x.name === name);
			assert.ok(s, `Settings has no ${name}`);
			s.value = value;
		};
		assert.strictEqual(assignments.find((x) => x.name === 'live').value, false, 'the shipped switch is off');
		for (const [k, v] of Object.entries({ live: true, ...settings })) set(k, v);
		const credentialOf = {
			'n8n-nodes-base.slack': ['slackApi', ctx.creds.slack],
			'n8n-nodes-base.emailSend': ['smtp', ctx.creds.smtp],
			'n8n-nodes-base.hubspot': ['hubspotAppToken', creds.hubspotAppToken],
			'n8n-nodes-base.salesforce': ['salesforceOAuth2Api', creds.salesforceOAuth2Api],
			'n8n-nodes-base.pipedrive': ['pipedriveApi', creds.pipedriveApi],
			'n8n-nodes-base.twitter': ['twitterOAuth2Api', creds.twitterOAuth2Api],
			'n8n-nodes-base.linkedIn': ['linkedInOAuth2Api', creds.linkedInOAuth2Api],
			'n8n-nodes-crisis-kit.crisisPlaybook': ['crisisKitN8nApi', creds.crisisKitN8nApi],
		};
		for (const n of wf.nodes) {
			const c = credentialOf[n.type];
			if (c && (n.type !== 'n8n-nodes-crisis-kit.crisisPlaybook' || n.parameters.operation === 'pausePublishing')) n.credentials = { [c[0]]: { id: c[1].id, name: c[1].name } };
			if (n.name === 'Mastodon: post') n.credentials = { httpHeaderAuth: { id: creds.httpHeaderAuth.id, name: creds.httpHeaderAuth.name } };
			if (n.name === 'Bluesky: sign in') n.credentials = { httpCustomAuth: { id: creds.httpCustomAuth.id, name: creds.httpCustomAuth.name } };
		}
		const created = await n8nApi.workflow(wf);
		const r = await n8nApi.runFromTrigger(created.id, TRIGGER);
		assert.ok(r.data && r.data.executionId, `no execution id: ${JSON.stringify(r).slice(0, 300)}`);
		return { workflowId: created.id, executionId: r.data.executionId };
	}

	async function finished(run, timeoutMs = 300000) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const e = await a.execution(run.executionId).catch(() => null);
			if (e && !['new', 'running', 'waiting'].includes(e.status)) {
				assert.strictEqual(e.status, 'success', `execution ${e.id}: ${JSON.stringify(e.data.resultData.error || {}).slice(0, 800)}`);
				return e;
			}
			if (Date.now() > deadline) throw new Error(`execution ${run.executionId} not finished after ${timeoutMs} ms (status ${e && e.status})`);
			await ctx.sleep(1000);
		}
	}

	/** n8n stores the execution as waiting a moment after the message went out: a link opened
	 * before that answers 500 ("Cannot read properties of undefined (reading 'resumeToken')"). */
	async function waitingFor(run, count = 1) {
		const deadline = Date.now() + 120000;
		for (;;) {
			const e = await a.execution(run.executionId).catch(() => null);
			if (e && e.status === 'waiting') return e;
			if (e && !['new', 'running', 'waiting'].includes(e.status)) throw new Error(`execution ${run.executionId} ended (${e.status}) instead of waiting: ${JSON.stringify(e.data.resultData.error || {}).slice(0, 600)}`);
			if (Date.now() > deadline) throw new Error(`execution ${run.executionId} not waiting after 120 s (status ${e && e.status})`);
			await ctx.sleep(500);
		}
	}

	/** The draft text the execution is waiting on (its Approval request node's latest output). */
	async function draftOf(run) {
		const e = await a.execution(run.executionId);
		const runs = e.data.resultData.runData['Approval request'];
		return runs[runs.length - 1].data.main[0][0].json.text;
	}

	let timeline;
	const timelineRows = async (incidentId) => {
		timeline = timeline || (await a.table('crisis_kit_timeline'));
		assert.ok(timeline, 'no Data Table crisis_kit_timeline');
		return (await a.rows(timeline.id)).filter((r) => r.incidentId === incidentId).map((r) => ({ ...r, event: JSON.parse(r.event) }));
	};

	// ------------------------------------------------------------------ run A: Slack, approve, X, HubSpot
	si.reset();
	const english = documentFor(EXAMPLE_DOCUMENT, { language: 'en', timeoutMinutes: 1 });
	let runA;
	let execA;
	let askedA;
	let answerA;
	await check('live crisis-response A (Slack, EN): the approval request reaches #crisis-approvals with the draft and a form link; the approver approves through n8n\'s form', async () => {
		runA = await start('A: Slack → X → HubSpot', { document: english, settings: { approvalVia: 'slack', postOn: 'x', crm: 'hubspot', incidentId: `${stamp}-a` } });
		[askedA] = await si.slack.waitFor((r) => r.path === '/api/chat.postMessage', { timeoutMs: 180000 }).then(() => si.slack.messages());
		assert.strictEqual(askedA.channel, 'crisis-approvals');
		assert.strictEqual(askedA.request.headers.authorization, 'Bearer xoxb-crisis-kit-stand-in');
		await waitingFor(runA);
		answerA = await answerForm(slackButtonUrl(askedA), { decision: 'Approve' });
		execA = await finished(runA);
	});
	if (execA) {
		const request = nodeItems(execA, 'Approval request')[0];
		const approved = nodeItems(execA, 'Approved statement')[0];
		await check('live crisis-response A: the Slack message carried the draft text exactly, in English, naming the deputy and the wait limit', () => {
			const shown = slackMessageText(askedA);
			assert.ok(shown.includes(request.text), `the message lacks the draft:\n${shown}\n---\n${request.text}`);
			assert.match(shown, /^Statement to approve \(x, \d+\/\d+ characters\)/);
			assert.ok(shown.includes(`otherwise ${request.deputyName} is asked`), shown);
			assert.strictEqual(request.approverName, 'Claire Martin');
		});
		await check('live crisis-response A: the approved text is exactly what X received', () => {
			const posts = si.x.posts();
			assert.strictEqual(posts.length, 1);
			assert.strictEqual(posts[0].text, request.text);
			assert.strictEqual(approved.text, request.text);
			assert.strictEqual(si.x.calls('/2/tweets', 'POST')[0].headers.authorization, 'Bearer x-stand-in-token');
		});
		await check('live crisis-response A: the HubSpot ticket carries the scenario, the level, every reason and the riskiest mentions\' links', () => {
			const [sent] = si.hubspot.calls('/crm-objects/v1/objects/tickets', 'POST');
			assert.ok(sent, 'no ticket created');
			const props = Object.fromEntries(sent.body.map((p) => [p.name, p.value]));
			const plan = nodeItems(execA, 'First plan')[0];
			assert.strictEqual(props.subject, `Crisis (level ${plan.level}) — ${plan.scenario.name}`);
			assert.strictEqual(props.hs_pipeline, '0');
			assert.strictEqual(props.hs_pipeline_stage, '1');
			const content = props.content;
			assert.ok(content.includes(`Scenario: ${plan.scenario.name} (${plan.scenario.id})`), content);
			assert.ok(content.includes(`Level: ${plan.level}`), content);
			assert.ok(plan.scenario.reasons.length >= 1);
			for (const reason of plan.scenario.reasons) assert.ok(content.includes(`- ${reason}`), `missing reason ${reason}`);
			assert.ok(content.includes(`Statement posted: ${request.text}`), 'the posted statement');
			const links = content.split('\n').filter((l) => /^- https?:\/\//.test(l));
			assert.strictEqual(links.length, 3, content);
			const urls = new Set(nodeItems(execA, 'Crisis Score').map((m) => m.url));
			for (const l of links) assert.ok(urls.has(l.slice(2)), `${l} is not a scored mention`);
		});
		await check('live crisis-response A: Pause Publishing unpublished the tagged workflow through n8n\'s API, before the approval request went out (not after the wait)', async () => {
			assert.ok(scheduled, 'no tagged workflow');
			const paused = nodeItems(execA, 'Pause publishing')[0];
			assert.strictEqual(paused.pausedCount, 1, JSON.stringify(paused).slice(0, 400));
			assert.strictEqual((await a.workflowState(scheduled.id)).active, false, 'still published');
			const started = (name) => execA.data.resultData.runData[name][0].startTime;
			assert.ok(started('Pause publishing') < started('Slack: ask the approver'), 'publishing was paused only after the approval wait');
			assert.ok(started('Log plan') < started('Slack: ask the approver'), 'the plan was logged only after the approval wait');
		});
		await check('live crisis-response A: the timeline table holds the run\'s real events: plan, pause, draft, the approver\'s answer at the time it was given, the post with its URL, the case with HubSpot\'s id', async () => {
			const rows = await timelineRows(`${stamp}-a`);
			const types = rows.map((r) => r.type);
			for (const t of ['planIssued', 'publishingPaused', 'statementDrafted', 'statementApproved', 'statementPosted', 'note']) assert.ok(types.includes(t), `no ${t} row (have ${types.join(', ')})`);
			const approvedRow = rows.find((r) => r.type === 'statementApproved');
			assert.strictEqual(approvedRow.actorId, 'commsLead');
			assert.ok(Math.abs(Date.parse(approvedRow.at) - answerA.answeredAt.getTime()) < 15000, `approved at ${approvedRow.at}, answered at ${answerA.answeredAt.toISOString()}`);
			const posted = rows.find((r) => r.type === 'statementPosted');
			assert.match(JSON.stringify(posted.event), /x\.com\/i\/status\/\d+/);
			const ticketId = String(si.hubspot.tickets[si.hubspot.tickets.length - 1].objectId);
			assert.ok(rows.find((r) => r.type === 'note').event.data.text.startsWith(`CRM case opened (hubspot ${ticketId}): `), 'the case row names HubSpot\'s ticket id');
			assert.ok(!types.includes('statementRejected'));
			process.stdout.write(`      run A timeline: ${types.join(' → ')}\n`);
		});
	}

	// ------------------------------------------------------------------ run B (+ E beside it): Slack, deputy, Mastodon, Salesforce
	si.reset();
	const sfBefore = si.salesforce.created.length; // reset() forgets requests, not what a CRM holds
	/** The Slack messages of one execution (its form links name it), once `count` have arrived. */
	const slackOf = async (run, count, timeoutMs = 200000) => {
		const mine = (r) => r.path === '/api/chat.postMessage' && JSON.stringify(r.body || '').includes(`/webhook-waiting/${run.executionId}/`);
		await si.slack.waitFor(mine, { count, timeoutMs });
		return si.slack.messages().filter((m) => mine(m.request));
	};
	const commentsB = 'Say that we are contacting the affected customers.';
	let runB;
	let execB;
	let msgsB;
	let correctedB;
	let answersB;
	let runE;
	let doneE;
	await check('live crisis-response B (Slack, EN, wait limit 1 min): the approver does not answer; after the limit the deputy is asked in #crisis-approvals, rejects with comments; the corrected text goes back to the approver, who approves', async () => {
		runB = await start('B: Slack deputy → Mastodon → Salesforce', { document: english, settings: { approvalVia: 'slack', postOn: 'mastodon', mastodonInstance: 'https://mastodon.social', crm: 'salesforce', incidentId: `${stamp}-b` } });
		const [asked] = await slackOf(runB, 1);
		await waitingFor(runB);
		// Run E starts now (B has loaded its document): nobody ever answers it.
		runE = await start('E: nobody answers', { document: documentFor(EXAMPLE_DOCUMENT, { language: 'en', timeoutMinutes: 0.25 }), settings: { approvalVia: 'slack', postOn: 'x', crm: 'hubspot', teamSlackChannel: 'crisis-cell', incidentId: `${stamp}-e` } });
		doneE = (async () => {
			const asks = await slackOf(runE, 2, 240000);
			const team = await si.slack.waitFor((r) => r.path === '/api/chat.postMessage' && r.body && r.body.channel === 'crisis-cell', { timeoutMs: 120000 }).then(() => si.slack.messages().filter((m) => m.channel === 'crisis-cell'));
			return { asks, team, exec: await finished(runE) };
		})();
		doneE.catch(() => {});
		// Nobody opens B's link: n8n resumes the execution when the wait limit is over.
		const [, deputy] = await slackOf(runB, 2);
		const delay = (Date.parse(deputy.request.at) - Date.parse(asked.request.at)) / 1000;
		process.stdout.write(`      deputy asked ${delay.toFixed(1)} s after the approver (document wait limit: 1 min)\n`);
		assert.ok(delay >= 59, `the deputy was asked after ${delay} s, before the 60 s limit`);
		assert.ok(delay <= 135, `the deputy was asked after ${delay} s (WaitTracker polls every 60 s)`);
		await waitingFor(runB);
		correctedB = `${await draftOf(runB)} We are contacting the affected customers.`;
		const rejectedAt = await answerForm(slackButtonUrl(deputy), { decision: 'Reject', comments: commentsB, corrected: correctedB });
		msgsB = await slackOf(runB, 3, 120000);
		await waitingFor(runB);
		const approvedAt = await answerForm(slackButtonUrl(msgsB[2]), { decision: 'Approve' });
		answersB = { rejectedAt, approvedAt };
		execB = await finished(runB);
	});
	if (execB) {
		const request = nodeItems(execB, 'Approval request')[0];
		const [asked, deputy, again] = msgsB;
		await check('live crisis-response B: the deputy\'s message says the approver did not answer within the limit and carries the draft; the second round goes to the approver with the corrected text and the comments', () => {
			for (const m of msgsB) assert.strictEqual(m.channel, 'crisis-approvals');
			const shown = slackMessageText(deputy);
			assert.ok(shown.startsWith(`${request.approverName} did not answer within 1 min. Please approve in their place:`), shown);
			assert.ok(shown.includes(request.text), 'the draft');
			assert.ok(slackMessageText(asked).includes(request.text));
			// n8n signs one resume URL per execution and node: the deputy's differs, the approver's
			// second-round link is the first one again (now answering the second round).
			assert.notStrictEqual(slackButtonUrl(deputy), slackButtonUrl(asked));
			assert.strictEqual(slackButtonUrl(again), slackButtonUrl(asked));
			const second = slackMessageText(again);
			assert.ok(second.includes(correctedB), second);
			assert.ok(second.includes(`Revised after these comments: ${commentsB}`), second);
			assert.strictEqual(nodeItems(execB, 'Slack answered in time?', 1).length, 1, 'the approver\'s first wait ended unanswered');
			assert.deepStrictEqual([0, 1].map((run) => nodeItems(execB, 'Answer', 0, run)[0].answeredBy), [request.approval.deputyId, request.approval.approverId]);
		});
		await check('live crisis-response B: the corrected text is exactly what Mastodon received (token from the Header Auth credential)', () => {
			const posts = si.mastodon.posts();
			assert.strictEqual(posts.length, 1);
			assert.strictEqual(posts[0].status, correctedB);
			assert.strictEqual(posts[0].language, 'en');
			const call = si.mastodon.calls('/api/v1/statuses', 'POST')[0];
			assert.strictEqual(call.host, 'mastodon.social');
			assert.strictEqual(call.headers.authorization, 'Bearer masto-stand-in');
		});
		await check('live crisis-response B: the Salesforce Case carries the scenario, the level, every reason and the links', () => {
			const cases = si.salesforce.created.slice(sfBefore).filter((c) => /^case$/i.test(c.sobject));
			assert.strictEqual(cases.length, 1, JSON.stringify(si.salesforce.requests.map((r) => `${r.method} ${r.path}`)));
			const plan = nodeItems(execB, 'First plan')[0];
			const f = cases[0].fields;
			assert.strictEqual(f.Type, 'Problem');
			assert.strictEqual(f.Subject, `Crisis (level ${plan.level}) — ${plan.scenario.name}`);
			assert.ok(f.Description.includes(`Scenario: ${plan.scenario.name} (${plan.scenario.id})`));
			for (const reason of plan.scenario.reasons) assert.ok(f.Description.includes(`- ${reason}`), `missing reason ${reason}`);
			assert.ok(f.Description.includes(`Statement posted: ${correctedB} https://mastodon.social/@brand/`), 'the posted text and its link');
			assert.strictEqual(f.Description.split('\n').filter((l) => /^- https?:\/\//.test(l)).length, 3);
			assert.strictEqual(si.salesforce.requests.find((r) => r.method === 'POST').headers.authorization, 'Bearer sf-stand-in-token');
		});
		await check('live crisis-response B: the timeline holds the deputy\'s rejection with its comments, then the approver\'s approval, each at the time it was given', async () => {
			const rows = await timelineRows(`${stamp}-b`);
			const rejected = rows.find((r) => r.type === 'statementRejected');
			const approvedRow = rows.find((r) => r.type === 'statementApproved');
			assert.ok(rejected && approvedRow, `rows: ${rows.map((r) => r.type).join(', ')}`);
			assert.strictEqual(rejected.actorId, request.approval.deputyId);
			assert.strictEqual(rejected.event.data.reason, commentsB);
			assert.strictEqual(approvedRow.actorId, request.approval.approverId);
			assert.strictEqual(approvedRow.event.data.text, correctedB);
			assert.ok(Math.abs(Date.parse(rejected.at) - answersB.rejectedAt.answeredAt.getTime()) < 15000);
			assert.ok(Math.abs(Date.parse(approvedRow.at) - answersB.approvedAt.answeredAt.getTime()) < 15000);
			assert.ok(!rows.some((r) => r.type === 'publishingPaused'), 'nothing was left to pause: no pause row');
			const caseId = si.salesforce.created.slice(sfBefore).filter((c) => /^case$/i.test(c.sobject)).pop().id;
			assert.match(caseId, /^500/);
			assert.ok(rows.find((r) => r.type === 'note').event.data.text.startsWith(`CRM case opened (salesforce ${caseId}): `), 'the case row names the Salesforce Case id');
		});
	}
	await check('live crisis-response E (Slack, wait limit 0.25 min, run beside B): neither the approver nor the deputy answers → #crisis-cell is told, nothing is posted, the timeline notes it', async () => {
		assert.ok(doneE, 'run E did not start');
		const { asks, team, exec } = await doneE;
		const request = nodeItems(exec, 'Approval request')[0];
		assert.ok(slackMessageText(asks[1]).startsWith(`${request.approverName} did not answer within 0.25 min.`));
		assert.strictEqual(team.length, 1);
		assert.strictEqual(team[0].text, `Statement not approved: neither ${request.approverName} nor ${request.deputyName} answered.`);
		assert.strictEqual(si.x.posts().length, 0, 'nothing posted');
		assert.strictEqual(si.hubspot.calls('/crm-objects/v1/objects/tickets', 'POST').length, 0, 'no case opened');
		const rows = await timelineRows(`${stamp}-e`);
		assert.ok(!rows.some((r) => ['statementApproved', 'statementPosted'].includes(r.type)));
		assert.strictEqual(rows.find((r) => r.type === 'note').event.data.text, team[0].text);
		const waited = (Date.parse(asks[1].request.at) - Date.parse(asks[0].request.at)) / 1000;
		process.stdout.write(`      run E: deputy asked ${waited.toFixed(1)} s after the approver with a 15 s limit (the WaitTracker's next poll)\n`);
	});

	// ------------------------------------------------------------------ run C: e-mail, reject → redraft → approve, Bluesky, Pipedrive
	si.reset();
	const pdBefore = si.pipedrive.created.length;
	const french = documentFor(EXAMPLE_DOCUMENT, { language: 'fr', timeoutMinutes: 30 });
	const comments = 'Ajouter que les clients concernés seront contactés.';
	let runC;
	let execC;
	let mailsC;
	let correctedC;
	await check('live crisis-response C (e-mail, FR): the approver gets the draft by e-mail, rejects it with comments and a corrected text; the corrected draft comes back by e-mail and is approved', async () => {
		runC = await start('C: e-mail reject/redraft → Bluesky → Pipedrive', { document: french, settings: { approvalVia: 'email', fromEmail: 'crisis-kit@brand.example', postOn: 'bluesky', blueskyIdentifier: 'brand.bsky.social', crm: 'pipedrive', incidentId: `${stamp}-c` } });
		const [first] = await si.smtp.waitFor(() => true, { timeoutMs: 180000 });
		await waitingFor(runC);
		const draft = await draftOf(runC);
		correctedC = `${draft} Les clients concernés seront contactés.`;
		await answerForm(mailButtonUrl(first), { decision: 'Reject', comments, corrected: correctedC });
		await si.smtp.waitFor(() => true, { count: 2, timeoutMs: 120000 });
		mailsC = si.smtp.messages.slice();
		await waitingFor(runC);
		await answerForm(mailButtonUrl(mailsC[1]), { decision: 'Approve' });
		execC = await finished(runC);
	});
	if (execC) {
		const [req1, req2] = [0, 1].map((run) => nodeItems(execC, 'Approval request', 0, run)[0]);
		await check('live crisis-response C: both e-mails went to the approver through the SMTP server, in French, with the draft, then the corrected text and the comments', () => {
			assert.strictEqual(mailsC.length, 2);
			for (const m of mailsC) {
				assert.deepStrictEqual(m.to, ['claire.martin@orvia.example']);
				assert.strictEqual(m.from, 'crisis-kit@brand.example');
				// The SMTP sink keeps the folding space between two RFC 2047 encoded words (RFC 2047 drops
				// it), so spaces are compared collapsed.
				assert.strictEqual(m.subject.replace(/\s+/g, ' '), 'Validation de la déclaration — dataBreach');
			}
			const text = (m) => unescapeHtml(m.html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
			const flat = (t) => t.replace(/\s+/g, ' ');
			assert.ok(text(mailsC[0]).includes(flat(req1.text)), 'the first e-mail carries the draft');
			assert.match(text(mailsC[0]), /Déclaration à valider \(x, \d+\/\d+ caractères\)/);
			assert.ok(text(mailsC[1]).includes(flat(correctedC)), 'the second e-mail carries the corrected text');
			assert.ok(text(mailsC[1]).includes(`Corrigé après ces commentaires : ${comments}`), 'and the comments');
			assert.strictEqual(req2.text, correctedC);
			assert.strictEqual(req2.round, 2);
		});
		await check('live crisis-response C: the approved (corrected) text is exactly what Bluesky received, after signing in with the handle and the app password', () => {
			const [session] = si.bluesky.calls('/xrpc/com.atproto.server.createSession', 'POST');
			assert.deepStrictEqual(session.body, { identifier: 'brand.bsky.social', password: 'bsky-app-password' });
			const posts = si.bluesky.posts();
			assert.strictEqual(posts.length, 1);
			assert.strictEqual(posts[0].record.text, correctedC);
			assert.strictEqual(posts[0].repo, 'did:plc:standinbrand');
			assert.strictEqual(si.bluesky.calls('/xrpc/com.atproto.repo.createRecord', 'POST')[0].headers.authorization, 'Bearer bsky-standin-access');
		});
		await check('live crisis-response C: the Pipedrive activity carries the scenario, the level, every reason and the links, in French', () => {
			const acts = si.pipedrive.created.slice(pdBefore).filter((c) => c.kind === 'activity');
			assert.strictEqual(acts.length, 1, JSON.stringify(si.pipedrive.requests.map((r) => `${r.method} ${r.path}`)));
			const plan = nodeItems(execC, 'First plan')[0];
			const d = acts[0].data;
			assert.match(d.subject, new RegExp(`^Crise \\(niveau \\w+\\) — ${plan.scenario.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
			assert.strictEqual(d.type, 'task');
			assert.ok(d.note.includes(`Scénario : ${plan.scenario.name} (${plan.scenario.id})`), d.note);
			for (const reason of plan.scenario.reasons) assert.ok(d.note.includes(`- ${reason}`), `missing reason ${reason}`);
			assert.strictEqual(d.note.split('\n').filter((l) => /^- https?:\/\//.test(l)).length, 3);
			assert.strictEqual(si.pipedrive.requests.find((r) => r.method === 'POST').query.api_token, 'pd-crisis-kit-stand-in');
		});
		await check('live crisis-response C: the timeline holds the rejection with its comments, then the approval of the corrected text, both by the approver', async () => {
			const rows = await timelineRows(`${stamp}-c`);
			const types = rows.map((r) => r.type);
			const rejected = rows.find((r) => r.type === 'statementRejected');
			const approvedRow = rows.find((r) => r.type === 'statementApproved');
			assert.ok(rejected && approvedRow, types.join(', '));
			assert.strictEqual(rejected.actorId, req1.approval.approverId);
			assert.strictEqual(rejected.event.data.reason, comments);
			assert.strictEqual(approvedRow.actorId, req1.approval.approverId);
			assert.strictEqual(approvedRow.event.data.text, correctedC);
			assert.ok(Date.parse(rejected.at) < Date.parse(approvedRow.at));
			const posted = rows.find((r) => r.type === 'statementPosted');
			assert.match(posted.event.data.url, /^https:\/\/bsky\.app\/profile\/did:plc:standinbrand\/post\/\w+$/);
			const activityId = si.pipedrive.created.slice(pdBefore).find((c) => c.kind === 'activity').data.id;
			assert.ok(rows.find((r) => r.type === 'note').event.data.text.startsWith(`CRM case opened (pipedrive ${activityId}): `), 'the case row names the Pipedrive activity id');
			process.stdout.write(`      run C timeline: ${types.join(' → ')}\n`);
		});
	}

	// ------------------------------------------------------------------ run D: Slack, approve, LinkedIn, HubSpot
	si.reset();
	let runD;
	let execD;
	let correctedD;
	await check('live crisis-response D (Slack, EN): the approver approves with a corrected text; that text is what LinkedIn received, as the member in Settings', async () => {
		runD = await start('D: Slack → LinkedIn → HubSpot', { document: english, settings: { approvalVia: 'slack', postOn: 'linkedin', linkedInPersonUrn: 'standin-member', crm: 'hubspot', incidentId: `${stamp}-d` } });
		const [m] = await si.slack.waitFor((r) => r.path === '/api/chat.postMessage', { timeoutMs: 180000 }).then(() => si.slack.messages());
		await waitingFor(runD);
		correctedD = `${await draftOf(runD)} Affected customers are being contacted.`;
		await answerForm(slackButtonUrl(m), { decision: 'Approve', corrected: correctedD });
		execD = await finished(runD);
		const posts = si.linkedin.posts();
		assert.strictEqual(posts.length, 1);
		assert.strictEqual(posts[0].commentary, correctedD);
		assert.strictEqual(posts[0].author, 'urn:li:person:standin-member');
		assert.strictEqual(si.linkedin.find((r) => r.method === 'POST')[0].headers.authorization, 'Bearer li-stand-in-token');
		assert.strictEqual(si.hubspot.calls('/crm-objects/v1/objects/tickets', 'POST').length, 1);
		const approvedRow = (await timelineRows(`${stamp}-d`)).find((r) => r.type === 'statementApproved');
		assert.strictEqual(approvedRow.event.data.text, correctedD, 'the timeline records the text that was approved');
	});
	process.stdout.write(`      crisis-response suite: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
};
