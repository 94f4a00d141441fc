'use strict';
/**
 * Post-crisis review, live: the template as a user has it after its go-live note (SMTP and Slack
 * credentials, Settings filled in, the current crisis document saved once as version 1 in the Data
 * Table crisis_kit_documents, the incident's timeline in crisis_kit_timeline as Crisis response
 * writes it, Settings › live = true), run from its trigger in a real n8n server.
 *
 *   run 1 (approval in Slack): the report goes out as an e-mail attachment (SMTP stand-in) and a
 *          Slack file upload (v2 flow), the approval request reaches the Slack channel, the test
 *          presses "Approve" (GET on the signed resume URL in the message's button): one new row.
 *   run 2 (approval by e-mail): the approval e-mail reaches the approver, the test presses
 *          "Decline" (the link in the e-mail): no new row.
 * The Data Tables are seeded and read back through n8n's public API (/api/v1/data-tables).
 */
const assert = require('assert');
const path = require('path');
const axios = require('axios');

const ROOT = path.join(__dirname, '..', '..', '..');
const TEMPLATE = path.join(ROOT, 'workflows', 'post-crisis-review.workflow.json');
const INCIDENTS = ['brand-live-review-1', 'brand-live-review-2'];
const CHANNEL_ID = 'C0CELL0001';
const REPORT_TO = 'comms-team@brand.example';
const APPROVER = 'head-of-comms@brand.example';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

const DOCUMENT_COLUMNS = ['version:number', 'document:string', 'previousVersion:number', 'diff:string', 'reasons:string', 'approvedBy:string', 'savedAt:string'];
const TIMELINE_COLUMNS = ['eventId:string', 'incidentId:string', 'type:string', 'at:string', 'actorId:string', 'summary:string', 'event:string'];
const columns = (list) => list.map((c) => ({ name: c.split(':')[0], type: c.split(':')[1] }));

/**
 * The shipped sample's incident timeline for `incident`, moved so its last event is 10 minutes
 * before `end`, as the events Crisis response logs (Crisis Playbook › Log Event, i.e. core's logEvent
 * from the built package). The holding statement was drafted, then approved as `edit(draft)`: an
 * edited statement is a finding Propose Document Update turns into a change (a new version).
 */
function timelineEvents(template, end, incident, edit) {
	const { logEvent } = require(path.join(ROOT, 'dist', 'core', 'playbook', 'timeline.js'));
	const inputs = JSON.parse(template.nodes.find((n) => n.name === 'Incident timeline (sample)').parameters.events);
	const shift = end - 10 * 60000 - Math.max(...inputs.map((e) => Date.parse(e.at)));
	const now = new Date().toISOString();
	const approvedAt = inputs.findIndex((e) => e.type === 'statementApproved');
	const approved = inputs[approvedAt];
	const drafted = {
		type: 'statementDrafted',
		at: new Date(Date.parse(approved.at) - 5 * 60000).toISOString(),
		actorKind: 'system',
		actorId: 'crisis-kit',
		data: { statementId: approved.data.statementId, scenarioId: 'dataBreach', kind: 'holding', language: 'fr', channel: 'x', variant: 'text', truncated: false, text: approved.data.text },
	};
	const edited = { ...approved, data: { ...approved.data, text: edit(approved.data.text) } };
	assert.notStrictEqual(edited.data.text, approved.data.text);
	const list = [...inputs.slice(0, approvedAt), drafted, edited, ...inputs.slice(approvedAt + 1)];
	return list.map((e) =>
		logEvent({ incidentId: incident, type: e.type, at: new Date(Date.parse(e.at) + shift).toISOString(), actor: { kind: e.actorKind || 'person', id: e.actorId, ...(e.actorName ? { name: e.actorName } : {}) }, data: e.data, now }),
	);
}

function liveCopy(ctx, template, { name, approvalVia }) {
	const wf = JSON.parse(JSON.stringify(template));
	wf.name = name;
	const settings = wf.nodes.find((n) => n.name === 'Settings').parameters.assignments.assignments;
	const set = (key, value) => {
		const a = settings.find((x) => x.name === key);
		assert.ok(a, `Settings has no ${key}`);
		a.value = value;
	};
	assert.strictEqual(settings.find((a) => a.name === 'live').value, false, 'the shipped switch is off');
	// Step 2 of the note: the incident, its dates, the recipients, the approval route.
	// (the incident id and its dates come with the "incident closed" call, see start())
	set('brand', 'Orvia');
	set('keywords', 'orvia');
	set('reportTo', REPORT_TO);
	set('fromEmail', 'crisis-kit@brand.example');
	set('slackChannelId', CHANNEL_ID);
	set('approvalVia', approvalVia);
	set('approverEmail', APPROVER);
	// Step 4: the one switch.
	set('live', true);
	return ctx.withCredentials(wf, ctx.creds);
}

module.exports = async function postCrisisReviewLive(ctx) {
	const { si, n8nApi, check, CrisisReplay, EXAMPLE_DOCUMENT } = ctx;
	const t0 = Date.now();
	si.reset();
	const template = require(TEMPLATE);
	const end = Math.floor(Date.now() / 900000) * 900000;
	si.sources.serveReplay(new CrisisReplay({ end, seed: 17 }), { now: () => Date.now() });
	// Two incidents, each with its own edit of the holding statement (so each run has a change to propose).
	const events = timelineEvents(template, end, INCIDENTS[0], (t) => t.replace('Point à 10h30', 'Prochain point à 10h30'));
	const events2 = timelineEvents(template, end, INCIDENTS[1], (t) => t.replace('Point à 10h30', 'Point à 11h00 sur'));
	const from = new Date(Date.parse(events[0].at) - 3600000).toISOString();
	const to = new Date().toISOString();
	// English first: Crisis Report takes the document's first language, the messages its default one.
	const documentV1 = { ...EXAMPLE_DOCUMENT, languages: ['en', 'fr'], defaultLanguage: 'en' };
	const tables = {};
	let v1Before;
	// Sorted here: the public API wants sortBy's ':' percent-encoded, which axios leaves as is.
	const rowsOf = async (table) => (await n8nApi.apiGet(`/data-tables/${tables[table].id}/rows`, { limit: 100 })).data.sort((a, b) => a.id - b.id);

	await check('live post-crisis-review: crisis_kit_documents (version 1) and crisis_kit_timeline are seeded through n8n\'s public API', async () => {
		// The crisis-response suite (run before this one) leaves its own documents and timeline
		// tables: start from a known state, as a team whose first incident this is.
		for (const name of ['crisis_kit_documents', 'crisis_kit_timeline']) {
			const found = (await n8nApi.apiGet(`/data-tables?filter=${encodeURIComponent(JSON.stringify({ name }))}`)).data || [];
			for (const t of found.filter((x) => x.name === name)) await n8nApi.apiDelete(`/data-tables/${t.id}`);
		}
		tables.documents = await n8nApi.apiPost('/data-tables', { name: 'crisis_kit_documents', columns: columns(DOCUMENT_COLUMNS) });
		tables.timeline = await n8nApi.apiPost('/data-tables', { name: 'crisis_kit_timeline', columns: columns(TIMELINE_COLUMNS) });
		await n8nApi.apiPost(`/data-tables/${tables.documents.id}/rows`, { data: [{ version: 1, document: JSON.stringify(documentV1), savedAt: '2026-01-15T09:00:00.000Z', approvedBy: 'initial import' }], returnType: 'count' });
		const rows = [...events, ...events2].map((e) => ({ eventId: e.id, incidentId: e.incidentId, type: e.type, at: e.at, actorId: e.actor.id, summary: e.summary, event: JSON.stringify(e) }));
		await n8nApi.apiPost(`/data-tables/${tables.timeline.id}/rows`, { data: rows, returnType: 'count' });
		const documents = await rowsOf('documents');
		assert.strictEqual(documents.length, 1);
		assert.strictEqual((await rowsOf('timeline')).length, events.length + events2.length);
		[v1Before] = documents;
	});
	if (!v1Before) return;

	/**
	 * Publishes a live copy and tells it an incident is closed (POST to its *When an incident is
	 * closed* webhook, the production path); returns { created, executionId }.
	 */
	const start = async (opts) => {
		const created = await n8nApi.workflow(liveCopy(ctx, template, opts));
		await n8nApi.activate(created.id);
		const hook = template.nodes.find((n) => n.name === 'When an incident is closed').parameters.path;
		let r;
		for (let attempt = 0; attempt < 15; attempt++) {
			r = await axios.post(`${ctx.server.base}/webhook/${hook}`, { incidentId: opts.incident, incidentFrom: opts.from, incidentTo: opts.to }, { validateStatus: () => true, proxy: false });
			if (r.status !== 404) break; // the webhook is registered a moment after activation
			await new Promise((res) => setTimeout(res, 2000));
		}
		assert.strictEqual(r.status, 200, JSON.stringify(r.data).slice(0, 300));
		const deadline = Date.now() + 60000;
		for (;;) {
			const [e] = (await n8nApi.apiGet('/executions', { workflowId: created.id, limit: 5 })).data;
			if (e) return { created, executionId: e.id };
			if (Date.now() > deadline) throw new Error('no execution after the webhook call');
			await new Promise((res) => setTimeout(res, 1000));
		}
	};
	/** Resolves with `waiting` (a stand-in's waitFor), or fails as soon as the run itself stopped with an error. */
	const orRunFailed = async (run, waiting) => {
		let settled = false;
		const watch = (async () => {
			while (!settled) {
				await new Promise((r) => setTimeout(r, 3000));
				const [done] = settled ? [] : (await n8nApi.executions(run.created.id).catch(() => [])).filter((e) => e.stoppedAt);
				if (done && done.status !== 'success' && !settled) throw new Error(`the run stopped (${done.status}): ${JSON.stringify(done.data.resultData.error || {}).slice(0, 800)}`);
			}
		})();
		waiting.catch(() => {}); // a later timeout of the stand-in's wait must not go unhandled
		try {
			return await Promise.race([waiting, watch]);
		} finally {
			settled = true;
			watch.catch(() => {});
		}
	};
	const finished = async (run) => {
		const deadline = Date.now() + 180000;
		for (;;) {
			const e = await n8nApi.apiGet(`/executions/${run.executionId}`, { includeData: true });
			if (e.status === 'success' || e.status === 'error' || e.status === 'crashed' || e.status === 'canceled') {
				assert.strictEqual(e.status, 'success', JSON.stringify(e.data.resultData.error || {}).slice(0, 800));
				return e;
			}
			if (Date.now() > deadline) throw new Error(`execution ${run.executionId} still ${e.status} after 180 s (last node: ${e.data?.resultData?.lastNodeExecuted}; waitTill ${e.waitTill}; ${si.slack.messages().length} Slack message(s), ${si.smtp.messages.length} e-mail(s))`);
			await new Promise((r) => setTimeout(r, 1000));
		}
	};
	const out = (execution, name) => (execution.data.resultData.runData[name] || []).flatMap((r) => (r.data?.main?.[0] || []).map((i) => i.json));
	/** Answers a Send and Wait button or link the way a browser does. */
	/** Until n8n has stored the execution as waiting (a person answers later than a test can). */
	const waiting = async (run) => {
		const deadline = Date.now() + 60000;
		for (;;) {
			const e = await n8nApi.apiGet(`/executions/${run.executionId}`);
			if (e.status === 'waiting') return e;
			if (Date.now() > deadline) throw new Error(`execution ${run.executionId} is ${e.status}, not waiting`);
			await new Promise((r) => setTimeout(r, 1000));
		}
	};
	const press = async (url) => {
		assert.ok(url.startsWith(`${ctx.server.base}/webhook-waiting/`), `not this instance's resume URL: ${url}`);
		// A browser's user agent: n8n answers a bot's GET (axios's own user agent is one, like the link
		// previews of mail and chat clients) with an empty page and does not take it as the answer.
		const r = await axios.get(url, { validateStatus: () => true, proxy: false, headers: { 'user-agent': BROWSER } });
		if (process.env.CK_LIVE_DEBUG) process.stdout.write(`      GET ${url} → ${r.status} ${String(r.data).replace(/\s+/g, ' ').slice(0, 400)}\n`);
		assert.ok(r.status < 400, `resume URL answered ${r.status}: ${String(r.data).slice(0, 300)}`);
		// n8n answers 200 "No action required" when the URL matches no waiting node: not an answer.
		assert.ok(/Got it, thanks/.test(String(r.data)), `n8n did not take the answer: ${String(r.data).replace(/\s+/g, ' ').slice(0, 300)}`);
	};

	// ---- run 1: Slack approval, approved ----
	let run1;
	let approval;
	await check('live post-crisis-review (Slack approval): the run reaches the approval request in the configured Slack channel', async () => {
		run1 = await start({ name: 'Post-crisis review (live, Slack approval)', incident: INCIDENTS[0], approvalVia: 'slack', from, to });
		const [msg] = await orRunFailed(run1, si.slack.waitFor((r) => r.path === '/api/chat.postMessage', { timeoutMs: 240000 }));
		approval = si.slack.messages()[0];
		assert.strictEqual(msg.host, 'slack.com');
		assert.strictEqual(msg.headers.authorization, 'Bearer xoxb-crisis-kit-stand-in');
		assert.strictEqual(approval.channel, CHANNEL_ID);
		assert.match(JSON.stringify(approval.blocks), /Proposed version 2 of the crisis document \(from 1\), for approval/);
		assert.match(JSON.stringify(approval.blocks), /why: /, 'the diff with its reasons');
		assert.ok(approval.links.some((l) => /approved=true/.test(l)) && approval.links.some((l) => /approved=false/.test(l)), `approve/decline buttons: ${approval.links.join(' ')}`);
	});
	if (!approval) return;
	let report;
	let execution1;
	await check('live post-crisis-review (Slack approval): "Approve" through n8n\'s resume URL, the execution finishes', async () => {
		await waiting(run1);
		await press(approval.links.find((l) => /approved=true/.test(l)));
		execution1 = await finished(run1);
		[report] = out(execution1, 'Crisis Report');
		assert.ok(execution1.data.resultData.runData['Incident mentions (search)'] && !execution1.data.resultData.runData['Incident mentions (sample)'], 'the live search ran, not the sample');
		assert.ok(out(execution1, 'New version row').length === 1 && !execution1.data.resultData.runData['Current version kept']);
	});
	if (!execution1) return;
	await check('live post-crisis-review: the SMTP server delivered the report to the recipient with the HTML report attached', async () => {
		const mails = si.smtp.messages.filter((m) => m.to.includes(REPORT_TO));
		assert.strictEqual(mails.length, 1, `${si.smtp.messages.length} message(s) to ${si.smtp.messages.map((m) => m.to).join(' ')}`);
		const [mail] = mails;
		assert.strictEqual(mail.from, 'crisis-kit@brand.example');
		assert.strictEqual(mail.subject, `Post-crisis report: ${report.title}`);
		assert.ok(mail.text.includes(`${report.range.mentions} mentions, highest level: ${report.levels.highest.value}`), mail.text);
		assert.strictEqual(mail.attachments.length, 1);
		const [att] = mail.attachments;
		assert.match(att.filename, /^crisis-report-.+\.html$/);
		assert.match(att.contentType, /^text\/html\b/);
		const html = att.content.toString('utf8');
		assert.ok(html.startsWith('<!doctype html>') || html.startsWith('<!DOCTYPE html>'), html.slice(0, 40));
		assert.ok(html.includes('Highest level: ') && new RegExp(`Highest level: ${report.levels.highest.value}`, 'i').test(html), 'the level in the HTML');
		assert.ok(report.range.mentions > 0 && html.includes(`>${report.volume.total.value}<`), `the ${report.volume.total.value} mentions in the HTML`);
		process.stdout.write(`      report: ${report.range.mentions} mentions, highest level ${report.levels.highest.value}, ${att.filename} (${att.content.length} bytes)\n`);
	});
	await check('live post-crisis-review: Slack received the HTML report as a file (getUploadURLExternal → upload → completeUploadExternal)', async () => {
		const uploads = si.slack.uploads();
		assert.strictEqual(uploads.length, 1);
		const [u] = uploads;
		assert.strictEqual(u.channelId, CHANNEL_ID);
		assert.match(u.filename, /^crisis-report-.+\.html$/);
		assert.strictEqual(u.partFilename, u.filename);
		assert.match(u.contentType, /^text\/html/);
		assert.strictEqual(Buffer.byteLength(u.content, 'utf8'), u.length, 'the announced length is what was uploaded');
		assert.ok(new RegExp(`Highest level: ${report.levels.highest.value}`, 'i').test(u.content));
		assert.strictEqual(u.title, `Post-crisis report: ${report.title}`);
		assert.ok(u.initialComment.startsWith('Hello,'), u.initialComment);
		const upload = si.slack.requests.find((r) => r.path.startsWith('/upload/v1/'));
		assert.strictEqual(upload.host, 'files.slack.com');
	});
	await check('live post-crisis-review: crisis_kit_documents gained exactly one row (version 2, approved), version 1 untouched', async () => {
		const rows = await rowsOf('documents');
		assert.strictEqual(rows.length, 2);
		const [v1, v2] = rows;
		assert.deepStrictEqual(v1, v1Before);
		assert.strictEqual(v2.version, 2);
		assert.strictEqual(v2.previousVersion, 1);
		assert.strictEqual(JSON.parse(v2.document).version, 2);
		assert.strictEqual(v2.approvedBy, `Slack ${CHANNEL_ID}`);
		assert.ok(v2.diff.startsWith('Crisis document v1 → v2'), v2.diff.slice(0, 80));
		// The finding from the timeline: the approved wording of the edited holding statement.
		assert.match(v2.reasons, /statements\.holding\.fr\.text: Edited statement/);
		const holding = JSON.parse(v2.document).scenarios.find((sc) => sc.id === 'dataBreach').statements.holding.fr.text;
		assert.ok(holding.includes('Prochain point à 10h30'), holding);
		const [review] = out(execution1, 'Close incident');
		assert.strictEqual(review.detectedAt, new Date(events[0].at).toISOString(), 'the timeline came from crisis_kit_timeline');
	});

	// ---- run 2: e-mail approval, declined ----
	await n8nApi.deactivate(run1.created.id); // one published workflow per webhook path
	si.reset();
	let run2;
	let mail;
	await check('live post-crisis-review (e-mail approval): the approval e-mail for version 3 reaches the approver', async () => {
		run2 = await start({ name: 'Post-crisis review (live, e-mail approval)', incident: INCIDENTS[1], approvalVia: 'email', from, to });
		[mail] = await orRunFailed(run2, si.smtp.waitFor((m) => m.to.includes(APPROVER), { timeoutMs: 240000 }));
		assert.strictEqual(mail.subject, 'Crisis document: approve version 3');
		assert.ok(mail.html.includes('Proposed version 3 of the crisis document (from 2)'), mail.html.slice(0, 400));
		assert.ok(/approved=false/.test(mail.html) && /approved=true/.test(mail.html), 'Approve and Decline links');
	});
	if (!mail) return;
	await check('live post-crisis-review (e-mail approval): "Decline" through the e-mail\'s link: no new row, the current version kept', async () => {
		const links = [...mail.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
		await waiting(run2);
		await press(links.find((l) => /approved=false/.test(l)));
		const execution = await finished(run2);
		assert.ok(!execution.data.resultData.runData['Save the new version (Data Table)'], 'the insert ran');
		assert.deepStrictEqual(out(execution, 'Current version kept').map((k) => k.kept), [2]);
		const rows = await rowsOf('documents');
		assert.deepStrictEqual(rows.map((r) => r.version), [1, 2]);
		assert.deepStrictEqual(rows[0], v1Before);
		assert.strictEqual(si.slack.messages().length, 0, 'no Slack approval when approvalVia = email');
	});
	process.stdout.write(`      post-crisis review suite: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
};
