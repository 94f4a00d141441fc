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
const INCIDENT = 'brand-live-review-1';
const CHANNEL_ID = 'C0CELL0001';
const REPORT_TO = 'comms-team@brand.example';
const APPROVER = 'head-of-comms@brand.example';

const DOCUMENT_COLUMNS = ['version:number', 'document:string', 'previousVersion:number', 'diff:string', 'reasons:string', 'approvedBy:string', 'savedAt:string'];
const TIMELINE_COLUMNS = ['eventId:string', 'incidentId:string', 'type:string', 'at:string', 'actorId:string', 'summary:string', 'event:string'];
const columns = (list) => list.map((c) => ({ name: c.split(':')[0], type: c.split(':')[1] }));

/**
 * The shipped sample's incident timeline, moved so its last event is 10 minutes before `end`, as the
 * events Crisis response logs (Crisis Playbook › Log Event, i.e. core's logEvent from the built package).
 */
function timelineEvents(template, end) {
	const { logEvent } = require(path.join(ROOT, 'dist', 'core', 'playbook', 'timeline.js'));
	const inputs = JSON.parse(template.nodes.find((n) => n.name === 'Incident timeline (sample)').parameters.events);
	const shift = end - 10 * 60000 - Math.max(...inputs.map((e) => Date.parse(e.at)));
	const now = new Date().toISOString();
	return inputs.map((e) =>
		logEvent({ incidentId: INCIDENT, type: e.type, at: new Date(Date.parse(e.at) + shift).toISOString(), actor: { kind: e.actorKind || 'person', id: e.actorId, ...(e.actorName ? { name: e.actorName } : {}) }, data: e.data, now }),
	);
}

function liveCopy(ctx, template, { name, approvalVia, from, to }) {
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
	set('incidentId', INCIDENT);
	set('brand', 'Orvia');
	set('keywords', 'orvia');
	set('incidentFrom', from);
	set('incidentTo', to);
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
	const events = timelineEvents(template, end);
	const from = new Date(Date.parse(events[0].at) - 3600000).toISOString();
	const to = new Date().toISOString();
	const documentV1 = { ...EXAMPLE_DOCUMENT, defaultLanguage: 'en' };
	const tables = {};
	let v1Before;
	// Sorted here: the public API wants sortBy's ':' percent-encoded, which axios leaves as is.
	const rowsOf = async (table) => (await n8nApi.apiGet(`/data-tables/${tables[table].id}/rows`, { limit: 100 })).data.sort((a, b) => a.id - b.id);

	await check('live post-crisis-review: crisis_kit_documents (version 1) and crisis_kit_timeline are seeded through n8n\'s public API', async () => {
		tables.documents = await n8nApi.apiPost('/data-tables', { name: 'crisis_kit_documents', columns: columns(DOCUMENT_COLUMNS) });
		tables.timeline = await n8nApi.apiPost('/data-tables', { name: 'crisis_kit_timeline', columns: columns(TIMELINE_COLUMNS) });
		await n8nApi.apiPost(`/data-tables/${tables.documents.id}/rows`, { data: [{ version: 1, document: JSON.stringify(documentV1), savedAt: '2026-01-15T09:00:00.000Z', approvedBy: 'initial import' }], returnType: 'count' });
		const rows = events.map((e) => ({ eventId: e.id, incidentId: INCIDENT, type: e.type, at: e.at, actorId: e.actor.id, summary: e.summary, event: JSON.stringify(e) }));
		await n8nApi.apiPost(`/data-tables/${tables.timeline.id}/rows`, { data: rows, returnType: 'count' });
		const documents = await rowsOf('documents');
		assert.strictEqual(documents.length, 1);
		assert.strictEqual((await rowsOf('timeline')).length, events.length);
		[v1Before] = documents;
	});
	if (!v1Before) return;

	/** Runs a live copy until its approval request is out; returns { created, executionId }. */
	const start = async (opts) => {
		const created = await n8nApi.workflow(liveCopy(ctx, template, opts));
		const r = await n8nApi.runFromTrigger(created.id, 'Run on the sample');
		assert.ok(r.data && r.data.executionId, `no execution id: ${JSON.stringify(r).slice(0, 300)}`);
		return { created, executionId: r.data.executionId };
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
		const [execution] = await n8nApi.waitForExecution(run.created.id, { timeoutMs: 180000 });
		assert.strictEqual(execution.status, 'success', JSON.stringify(execution.data.resultData.error || {}).slice(0, 800));
		return execution;
	};
	const out = (execution, name) => (execution.data.resultData.runData[name] || []).flatMap((r) => (r.data?.main?.[0] || []).map((i) => i.json));
	/** Answers a Send and Wait button or link the way a browser does. */
	const press = async (url) => {
		assert.ok(url.startsWith(`${ctx.server.base}/webhook-waiting/`), `not this instance's resume URL: ${url}`);
		const r = await axios.get(url, { validateStatus: () => true, proxy: false });
		assert.ok(r.status < 400, `resume URL answered ${r.status}: ${String(r.data).slice(0, 300)}`);
	};

	// ---- run 1: Slack approval, approved ----
	let run1;
	let approval;
	await check('live post-crisis-review (Slack approval): the run reaches the approval request in the configured Slack channel', async () => {
		run1 = await start({ name: 'Post-crisis review (live, Slack approval)', approvalVia: 'slack', from, to });
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
		assert.ok(v2.diff.startsWith('Crisis document v1 → v2') && v2.reasons.length > 0);
		const [review] = out(execution1, 'Close incident');
		assert.strictEqual(review.detectedAt, new Date(events[0].at).toISOString(), 'the timeline came from crisis_kit_timeline');
	});

	// ---- run 2: e-mail approval, declined ----
	si.reset();
	let run2;
	let mail;
	await check('live post-crisis-review (e-mail approval): the approval e-mail for version 3 reaches the approver', async () => {
		run2 = await start({ name: 'Post-crisis review (live, e-mail approval)', approvalVia: 'email', from, to });
		[mail] = await orRunFailed(run2, si.smtp.waitFor((m) => m.to.includes(APPROVER), { timeoutMs: 240000 }));
		assert.strictEqual(mail.subject, 'Crisis document: approve version 3');
		assert.ok(mail.html.includes('Proposed version 3 of the crisis document (from 2)'), mail.html.slice(0, 400));
		assert.ok(/approved=false/.test(mail.html) && /approved=true/.test(mail.html), 'Approve and Decline links');
	});
	if (!mail) return;
	await check('live post-crisis-review (e-mail approval): "Decline" through the e-mail\'s link: no new row, the current version kept', async () => {
		const links = [...mail.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
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
