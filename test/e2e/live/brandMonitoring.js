'use strict';
/**
 * Brand monitoring and alerts, live: the shipped template with what the go-live note asks
 * (credentials, a crisis document, "Send for real?" → true), published in a real n8n server. The
 * Mentions Trigger's first poll reaches Reddit, Hacker News and Google Alerts (the sources
 * stand-in, through the proxy) mid-surge; the assertions are on what Slack, the SMTP server and
 * the Teams webhook received.
 *
 *   run 1 (English document): every source answers → one alert to the team channel, one urgent
 *          message to the crisis cell, one e-mail, one Teams card, the crisis response started.
 *   run 2 (French document, the example): Reddit answers 429 → the others' mentions are scored and
 *          assessed, the alert goes out, the failure is reported once on its own route.
 */
const assert = require('assert');
const path = require('path');

const TEMPLATE = path.join(__dirname, '..', '..', '..', 'workflows', 'brand-monitoring.workflow.json');
const TRIGGER = 'Watch Reddit, Hacker News and Google Alerts';

function liveCopy(ctx, { name, document, crisisResponseId }) {
	const wf = JSON.parse(JSON.stringify(require(TEMPLATE)));
	wf.name = name;
	const node = (n) => wf.nodes.find((x) => x.name === n);
	// Step 2 of the note: the crisis document, pasted as JSON.
	node('Assess Situation').parameters.crisisDocument = JSON.stringify(document);
	// Step 4: the one switch.
	const sw = node('Send for real?').parameters.conditions.conditions[0];
	assert.strictEqual(sw.leftValue, '={{ false }}', 'the shipped switch is off');
	sw.leftValue = '={{ true }}';
	// The crisis-response workflow of this instance (the shipped one has id ckCrisisResponse01).
	node('Start the crisis response').parameters.workflowId = { __rl: true, value: crisisResponseId, mode: 'id' };
	// Fast retries against the stand-in (the template's defaults wait up to 30 s).
	node(TRIGGER).parameters.options = { ...node(TRIGGER).parameters.options, maxRetries: 1, retryDelayMs: 10 };
	return ctx.withCredentials(wf, ctx.creds);
}

/** A sub-workflow standing in for the crisis response: it records the items it is given. */
const CRISIS_RESPONSE_STANDIN = {
	name: 'Crisis response (stand-in for the live test)',
	nodes: [
		{ id: 'c0000000-0000-4000-8000-000000000001', name: 'When called', type: 'n8n-nodes-base.executeWorkflowTrigger', typeVersion: 1.1, position: [0, 0], parameters: { inputSource: 'passthrough' } },
		{ id: 'c0000000-0000-4000-8000-000000000002', name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
	],
	connections: { 'When called': { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
};

const headerOf = (m) => (m.blocks && m.blocks[0] && m.blocks[0].text && m.blocks[0].text.text) || '';
/** "node items/items…" per node that ran: printed under each live run, and kept for a failure. */
const ranSummary = (execution) =>
	Object.entries(execution.data.resultData.runData)
		.map(([n, runs]) => `${n} ${((runs[0].data && runs[0].data.main) || []).map((b) => (b || []).length).join('/')}`)
		.join(' · ');
const nodeItems = (execution, name, output = 0) => {
	const runs = execution.data.resultData.runData[name];
	if (!runs) return null;
	return ((runs[0].data && runs[0].data.main && runs[0].data.main[output]) || []).map((i) => i.json);
};

module.exports = async function brandMonitoringLive(ctx) {
	const { si, n8nApi, check, CrisisReplay, EXAMPLE_DOCUMENT } = ctx;
	let crisisResponse;
	await check('live brand-monitoring: a crisis-response sub-workflow is in place', async () => {
		crisisResponse = await n8nApi.workflow(CRISIS_RESPONSE_STANDIN);
		// n8n 2.x runs the published version of a sub-workflow from production executions.
		await n8nApi.activate(crisisResponse.id).catch(() => {});
	});
	if (!crisisResponse) return;

	// ------------------------------------------------------------------ run 1: English, all sources up
	si.reset();
	const replay1 = new CrisisReplay({ now: Date.now() });
	si.sources.serveReplay(replay1, { now: () => Date.now() });
	const english = { ...EXAMPLE_DOCUMENT, defaultLanguage: 'en' };
	let wf1;
	let exec1;
	await check('live brand-monitoring (EN): the template with credentials, an English document and the switch on is published; the first poll runs the chain', async () => {
		wf1 = await n8nApi.workflow(liveCopy(ctx, { name: 'Brand monitoring (live EN)', document: english, crisisResponseId: crisisResponse.id }));
		await n8nApi.activate(wf1.id);
		[exec1] = await n8nApi.waitForExecution(wf1.id, { timeoutMs: 150000 });
		process.stdout.write(`      ran: ${ranSummary(exec1)}\n`);
		if (process.env.CK_KEEP_E2E) require('fs').writeFileSync(path.join(ctx.work, 'live-brand-en.json'), JSON.stringify(exec1, null, 1));
		assert.strictEqual(exec1.status, 'success', `execution ${exec1.id}: ${JSON.stringify(exec1.data.resultData.error || {}).slice(0, 800)}`);
	});
	if (exec1) {
		const kinds = new Set(si.sources.requests.map((r) => `${r.host}:${si.sources.kindOf(r)}`));
		await check('live brand-monitoring (EN): the trigger fetched www.reddit.com, hn.algolia.com and www.google.com (through the proxy)', () => {
			for (const k of ['www.reddit.com:reddit', 'hn.algolia.com:hackernews', 'www.google.com:rss']) assert.ok(kinds.has(k), `no ${k} (saw ${[...kinds].join(', ')})`);
		});
		const assessed = nodeItems(exec1, 'Only news (new or higher level)') || [];
		const situation = assessed[0];
		await check('live brand-monitoring (EN): Crisis Score scored every mention and Assess Situation says alert or worse, as news', () => {
			const scored = nodeItems(exec1, 'Crisis Score');
			const emitted = nodeItems(exec1, TRIGGER);
			assert.ok(scored && scored.length >= 40, `scored ${scored && scored.length}`);
			assert.strictEqual(scored.length, emitted.length);
			assert.ok(situation, 'no situation passed the notify filter');
			assert.ok(['alert', 'crisis', 'critical'].includes(situation.level), situation.level);
			process.stdout.write(`      ${scored.length} mentions scored → ${situation.level}: ${situation.reasons[1]}\n`);
		});
		const links = nodeItems(exec1, TRIGGER).map((m) => m.url);
		let team;
		await check('live brand-monitoring (EN): Slack received the alert in #crisis-alerts (Block Kit): level, reasons with numbers, top three mentions with their links, next steps', async () => {
			await si.slack.waitFor((r) => r.path === '/api/chat.postMessage', { count: 2, timeoutMs: 30000 });
			const msgs = si.slack.messages();
			team = msgs.filter((m) => m.channel === '#crisis-alerts');
			assert.strictEqual(team.length, 1, `team-channel messages: ${team.length}`);
			const m = team[0];
			assert.strictEqual(m.request.host, 'slack.com');
			assert.strictEqual(m.request.headers.authorization, 'Bearer xoxb-crisis-kit-stand-in');
			assert.match(headerOf(m), new RegExp(`Level ${situation.level.toUpperCase()} — `));
			const all = JSON.stringify(m.blocks);
			assert.match(all, /\*Why\*/);
			assert.match(all, new RegExp(`${situation.metrics.mentions} mentions in \\d+ min, [\\d.]+× the [\\d.]+ expected`));
			assert.match(all, /% of scored mentions are negative \(usually \d+%\)/);
			assert.match(all, /\*Top mentions\*/);
			assert.match(all, /\*What to do next\*/);
			const linked = m.links.filter((l) => links.includes(l));
			assert.strictEqual(linked.length >= 3 ? 3 : linked.length, 3, `links to the fetched mentions: ${linked.join(' ')}`);
			for (const l of linked) assert.ok(all.includes(`<${l}|`), `${l} is not a Block Kit link`);
		});
		await check('live brand-monitoring (EN): crisis or critical → an urgent <!channel> message in #crisis-cell and the crisis response started with the situation', async () => {
			if (!['crisis', 'critical'].includes(situation.level)) throw new Error(`level ${situation.level}: no crisis path to check`);
			const urgent = si.slack.messages().filter((m) => m.channel === '#crisis-cell');
			assert.strictEqual(urgent.length, 1);
			assert.match(urgent[0].text, /^<!channel> 🚨 Level /);
			const [sub] = await n8nApi.waitForExecution(crisisResponse.id, { timeoutMs: 30000 });
			const got = nodeItems(sub, 'Received');
			assert.ok(got && got.length === 1, 'the sub-workflow got one item');
			assert.strictEqual(got[0].level, situation.level);
			assert.strictEqual(got[0].kind, 'alert');
		});
		await check('live brand-monitoring (EN): the SMTP server received the same alert as an HTML e-mail with the links', async () => {
			const [mail] = await si.smtp.waitFor(() => true, { timeoutMs: 30000 });
			assert.strictEqual(si.smtp.messages.length, 1);
			assert.deepStrictEqual(mail.to, ['comms-team@your-brand.example']);
			assert.strictEqual(mail.from, 'crisis-kit@your-brand.example');
			assert.match(mail.subject, new RegExp(`^(\\[URGENT\\] )?Level ${situation.level.toUpperCase()} — `));
			assert.match(mail.html, /<h3>Why<\/h3>/);
			assert.match(mail.html, /<h3>What to do next<\/h3>/);
			for (const l of team[0].links.filter((x) => links.includes(x))) assert.ok(mail.html.includes(`href="${l.replace(/&/g, '&amp;')}"`), `e-mail lacks ${l}`);
			assert.ok(mail.text && mail.text.includes(situation.level === 'alert' ? 'Level ALERT' : 'Level '), 'plain-text part');
		});
		await check('live brand-monitoring (EN): the Teams webhook received an Adaptive Card with the same title and links', () => {
			const cards = si.teams.messages();
			assert.strictEqual(cards.length, 1);
			assert.ok(/\.webhook\.office\.com$/.test(cards[0].request.host), cards[0].request.host);
			const card = cards[0].card.attachments[0].content;
			assert.strictEqual(card.type, 'AdaptiveCard');
			assert.strictEqual(card.body[0].text, headerOf(team[0]).replace(/^\S+ /, ''));
			for (const l of team[0].links.filter((x) => links.includes(x))) assert.ok(JSON.stringify(card).includes(`](${l})`), `card lacks ${l}`);
		});
		await n8nApi.deactivate(wf1.id);
	}

	// ------------------------------------------------------------------ run 2: French, Reddit 429
	si.reset();
	const replay2 = new CrisisReplay({ now: Date.now(), seed: 12 });
	si.sources.serveReplay(replay2, { now: () => Date.now(), fail: { reddit: { status: 429, headers: { 'retry-after': '600', 'content-type': 'application/json' } } } });
	let wf2;
	let exec2;
	await check('live brand-monitoring (FR, Reddit 429): published with the example (French) document, the first poll completes', async () => {
		wf2 = await n8nApi.workflow(liveCopy(ctx, { name: 'Brand monitoring (live FR, Reddit down)', document: EXAMPLE_DOCUMENT, crisisResponseId: crisisResponse.id }));
		await n8nApi.activate(wf2.id);
		[exec2] = await n8nApi.waitForExecution(wf2.id, { timeoutMs: 150000 });
		process.stdout.write(`      ran: ${ranSummary(exec2)}\n`);
		if (process.env.CK_KEEP_E2E) require('fs').writeFileSync(path.join(ctx.work, 'live-brand-fr.json'), JSON.stringify(exec2, null, 1));
		assert.strictEqual(exec2.status, 'success', `execution ${exec2.id}: ${JSON.stringify(exec2.data.resultData.error || {}).slice(0, 800)}`);
	});
	if (exec2) {
		await check('live brand-monitoring (FR, Reddit 429): Reddit answered 429; the failure left on the trigger\'s Source Failures output, never into Crisis Score', () => {
			const redditCalls = si.sources.requests.filter((r) => si.sources.kindOf(r) === 'reddit');
			assert.ok(redditCalls.length >= 1, 'Reddit was not called');
			const failures = nodeItems(exec2, TRIGGER, 1);
			assert.ok(failures, 'the trigger has no second output');
			assert.strictEqual(failures.length, 1);
			assert.strictEqual(failures[0].sourceFailure.source, 'reddit');
			assert.strictEqual(failures[0].sourceFailure.kind, 'rateLimited');
			const scored = nodeItems(exec2, 'Crisis Score');
			assert.ok(scored.every((m) => !m.sourceFailure && m.platform !== 'reddit'), 'a failure item or a Reddit mention reached Crisis Score');
			const platforms = new Set(scored.map((m) => m.platform));
			assert.deepStrictEqual([...platforms].sort(), ['hackernews', 'rss']);
			process.stdout.write(`      Reddit 429 → ${scored.length} Hacker News + feed mentions scored\n`);
		});
		let situation;
		await check('live brand-monitoring (FR, Reddit 429): the others\' mentions are assessed and the alert goes out in French', async () => {
			[situation] = nodeItems(exec2, 'Only news (new or higher level)') || [];
			assert.ok(situation && ['alert', 'crisis', 'critical'].includes(situation.level), `situation ${situation && situation.level}`);
			await si.slack.waitFor((r) => r.path === '/api/chat.postMessage', { count: 2, timeoutMs: 30000 });
			const alerts = si.slack.messages().filter((m) => m.channel === '#crisis-alerts' && /Niveau /.test(headerOf(m)));
			assert.strictEqual(alerts.length, 1);
			const all = JSON.stringify(alerts[0].blocks);
			assert.match(all, /\*Pourquoi\*/);
			assert.match(all, /mentions en \d+ min/);
			assert.match(all, /\*À faire maintenant\*/);
			assert.ok(!alerts[0].links.some((l) => /reddit\.com/.test(l)), 'a Reddit link in the alert');
		});
		await check('live brand-monitoring (FR, Reddit 429): the failure is reported once, on its own message: "Reddit … jusqu’à HH:MM UTC ; les autres sources restent surveillées"', () => {
			const notes = si.slack.messages().filter((m) => /Reddit/.test(headerOf(m)));
			assert.strictEqual(notes.length, 1, `${notes.length} failure notes`);
			const retryAt = nodeItems(exec2, TRIGGER, 1)[0].sourceFailure.retryAt;
			const hhmm = new Date(retryAt).toISOString().slice(11, 16);
			assert.strictEqual(headerOf(notes[0]), `⚠️ Reddit limité (trop de requêtes) jusqu’à ${hhmm} UTC ; les autres sources restent surveillées`);
			const mails = si.smtp.messages.filter((m) => /^Reddit /.test(m.subject));
			assert.strictEqual(mails.length, 1, 'one failure e-mail');
			assert.strictEqual(si.teams.messages().filter((c) => /Reddit/.test(c.card.attachments[0].content.body[0].text)).length, 1, 'one failure card');
		});
		await n8nApi.deactivate(wf2.id);
	}
};
