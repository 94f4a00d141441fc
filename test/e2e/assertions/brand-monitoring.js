/**
 * Assertions on the offline `n8n execute` run of workflows/brand-monitoring.workflow.json: the
 * sample through Crisis Score and Assess Situation (Live, as of 2026-03-05 10:00 UTC), the alert
 * composed in the example document's language (French), and nothing sent (switch off).
 * The live run against the stand-ins is test/e2e/live/brandMonitoring.js.
 */
const assert = require('assert');

const NOT_SENT = 'Not sent (switch off): the messages are here';
const message = (run, nodeOutputs) => {
	const [items] = nodeOutputs(run, NOT_SENT);
	assert.strictEqual(items.length, 1, 'one message');
	return items[0];
};

module.exports = {
	'the sample replays 638 mentions and every one is scored': (run, { nodeOutputs }) => {
		const [mentions] = nodeOutputs(run, 'Mentions (sample)');
		assert.strictEqual(mentions.length, 638);
		const [scored] = nodeOutputs(run, 'Crisis Score');
		assert.strictEqual(scored.length, 638);
		assert.ok(scored.every((m) => m.crisis && Array.isArray(m.crisis.reasons)));
	},
	// notify is true on a fresh workflow; `n8n execute` keeps the live state between runs (CLI mode
	// saves static data), so a second run says "no change": the sample path passes the filter anyway.
	'Assess Situation (Live) says crisis at 10:00 with reasons, and the sample passes the news filter': (run, { nodeOutputs }) => {
		const outputs = nodeOutputs(run, 'Assess Situation');
		assert.strictEqual(outputs.length, 5, 'one output per level');
		assert.deepStrictEqual(outputs.map((o) => o.length), [0, 0, 0, 1, 0]);
		const [s] = outputs[3];
		assert.strictEqual(s.level, 'crisis');
		assert.strictEqual(nodeOutputs(run, 'Only news (new or higher level)')[0].length, 1);
		assert.strictEqual(s.windowEnd, '2026-03-05T10:00:00.000Z');
		assert.ok(s.reasons.length >= 3);
	},
	'the alert is composed in French (the example document) with reasons, numbers, three linked mentions and next steps': (run, { nodeOutputs }) => {
		const m = message(run, nodeOutputs);
		assert.strictEqual(m.kind, 'alert');
		assert.strictEqual(m.language, 'fr');
		assert.strictEqual(m.level, 'crisis');
		assert.strictEqual(m.urgent, true);
		assert.strictEqual(m.sampleRun, true);
		assert.match(m.title, /^Niveau CRISE — Fuite ou violation de données$/);
		assert.match(m.reasons[0], /^34 mentions en 60 min, 30,3 fois les 1,1 attendues/);
		// The shares move with the sentiment analyser; the sentence's shape and its numbers are what the alert promises.
		assert.match(m.reasons[1], /^\d+ % des mentions notées sont négatives \(d’habitude \d+ %\) ; \d+ à haut risque/);
		assert.strictEqual(m.topMentions.length, 3);
		for (const t of m.topMentions) assert.match(t.url, /^https:\/\//, `mention ${t.id} has a link`);
		assert.ok(m.nextSteps.length >= 3 && m.nextSteps.every((st) => st.action && st.owner && /^\d\d:\d\d$/.test(st.due)));
		assert.match(m.nextSteps[0].action, /^Alerter la cellule de crise/);
	},
	'Slack Block Kit, e-mail and Teams card carry the same level, reasons and links': (run, { nodeOutputs }) => {
		const m = message(run, nodeOutputs);
		const blocks = m.slack.blocks;
		assert.strictEqual(blocks[0].type, 'header');
		assert.match(blocks[0].text.text, /Niveau CRISE/);
		const slackText = JSON.stringify(blocks);
		for (const r of m.reasons) assert.ok(slackText.includes(JSON.stringify(r.replace(/&/g, '&amp;')).slice(1, -1)), `Slack lacks reason: ${r}`);
		for (const t of m.topMentions) {
			assert.ok(slackText.includes(`<${t.url}|`), `Slack lacks link ${t.url}`);
			assert.ok(m.emailHtml.includes(`href="${t.url.replace(/&/g, '&amp;')}"`), `e-mail lacks link ${t.url}`);
			assert.ok(JSON.stringify(m.teamsCard).includes(`](${t.url})`), `Teams card lacks link ${t.url}`);
		}
		assert.match(m.emailSubject, /^\[URGENT\] Niveau CRISE/);
		assert.match(m.emailHtml, /<h3>À faire maintenant<\/h3>/);
		assert.strictEqual(m.teamsCard.attachments[0].content.type, 'AdaptiveCard');
	},
	'nothing is sent with the switch off, no source failure, no crisis workflow started': (run) => {
		const ran = Object.keys(run.data.resultData.runData);
		for (const n of ['Slack: team channel', 'E-mail the team', 'Teams: post the card', 'Crisis or critical?', 'Start the crisis response', 'Slack: urgent, crisis cell', 'Compose the source-failure note']) {
			assert.ok(!ran.includes(n), `${n} ran`);
		}
	},
};
