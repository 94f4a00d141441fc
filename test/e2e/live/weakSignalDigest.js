'use strict';
/**
 * Daily weak-signal digest, live: the template with credentials, an English crisis document and
 * sendForReal on, run from its Schedule Trigger (the editor's "execute from this trigger": n8n's
 * REST run with triggerToStartFrom) so the 08:00 wait is skipped; Mentions › Search reads the last
 * 24 h from the sources stand-in. Assertions on the Slack message and the e-mail received.
 */
const assert = require('assert');
const path = require('path');

const TEMPLATE = path.join(__dirname, '..', '..', '..', 'workflows', 'weak-signal-digest.workflow.json');

module.exports = async function weakSignalDigestLive(ctx) {
	const { si, n8nApi, check, CrisisReplay, EXAMPLE_DOCUMENT } = ctx;
	si.reset();
	const replay = new CrisisReplay({ now: Date.now(), seed: 13 });
	si.sources.serveReplay(replay, { now: () => Date.now() });
	const wf = JSON.parse(JSON.stringify(require(TEMPLATE)));
	wf.name = 'Weak-signal digest (live EN)';
	const settings = wf.nodes.find((n) => n.name === 'Digest settings').parameters.assignments.assignments;
	settings.find((a) => a.name === 'crisisDocument').value = JSON.stringify({ ...EXAMPLE_DOCUMENT, defaultLanguage: 'en' });
	const sw = settings.find((a) => a.name === 'sendForReal');
	assert.strictEqual(sw.value, false, 'the shipped switch is off');
	sw.value = true;
	ctx.withCredentials(wf, ctx.creds);
	let created;
	let execution;
	await check('live weak-signal-digest: run from its Schedule Trigger, the last 24 h are searched and the chain succeeds', async () => {
		created = await n8nApi.workflow(wf);
		const r = await n8nApi.runFromTrigger(created.id, 'Every day at 08:00');
		assert.ok(r.data && r.data.executionId, `no execution id: ${JSON.stringify(r).slice(0, 300)}`);
		[execution] = await n8nApi.waitForExecution(created.id, { timeoutMs: 150000 });
		assert.strictEqual(execution.status, 'success', JSON.stringify(execution.data.resultData.error || {}).slice(0, 800));
		const ran = execution.data.resultData.runData;
		assert.ok(ran['Mentions of the last 24 h'] && !ran['Mentions (sample)'], 'the live search did not run (or the sample did)');
	});
	if (!execution) return;
	const out = (name) => ((execution.data.resultData.runData[name] || [])[0]?.data?.main?.[0] || []).map((i) => i.json);
	const digest = out('Format for Slack and e-mail')[0];
	await check('live weak-signal-digest: Slack received one digest in #brand-watch, in English, with a link per weak signal', async () => {
		const [req] = await si.slack.waitFor((r) => r.path === '/api/chat.postMessage', { timeoutMs: 30000 });
		const msgs = si.slack.messages();
		assert.strictEqual(msgs.length, 1);
		const m = msgs[0];
		assert.strictEqual(req.host, 'slack.com');
		assert.strictEqual(m.channel, '#brand-watch');
		assert.ok(digest.count > 0, 'no weak signal in a surge');
		assert.match(m.blocks[0].text.text, new RegExp(`^Digest for \\d{4}-\\d\\d-\\d\\d: ${digest.count} weak signal\\(s\\) to look at$`));
		const fetched = new Set(out('Mentions of the last 24 h').map((x) => x.url));
		const linked = m.links.filter((l) => fetched.has(l));
		assert.strictEqual(linked.length, digest.signals.length, `links ${linked.length} of ${digest.signals.length}`);
		assert.match(JSON.stringify(m.blocks), /mentions read over 24 h/);
		process.stdout.write(`      ${out('Mentions of the last 24 h').length} mentions read, ${digest.count} weak signals, ${linked.length} links in the Slack digest\n`);
	});
	await check('live weak-signal-digest: the SMTP server received the same digest as an e-mail', async () => {
		const [mail] = await si.smtp.waitFor(() => true, { timeoutMs: 30000 });
		assert.strictEqual(si.smtp.messages.length, 1);
		assert.strictEqual(mail.subject, digest.title);
		for (const s of digest.signals) assert.ok(mail.html.includes(s.url.replace(/&/g, '&amp;')), `e-mail lacks ${s.url}`);
	});
};
