/**
 * Assertions on the offline `n8n execute` run of workflows/weak-signal-digest.workflow.json: the
 * sample as of 2026-03-05 08:00 Paris, the last 24 h, the weak signals in one digest (French, the
 * example document's language), nothing sent. The live run is test/e2e/live/weakSignalDigest.js.
 */
const assert = require('assert');

const digest = (run, nodeOutputs) => {
	const [items] = nodeOutputs(run, 'Not sent: the digest is here');
	assert.strictEqual(items.length, 1, 'one digest');
	return items[0];
};

module.exports = {
	'the sample is scored and the weak-signal filter keeps five of 638': (run, { nodeOutputs }) => {
		assert.strictEqual(nodeOutputs(run, 'Crisis Score')[0].length, 638);
		const [kept] = nodeOutputs(run, 'Weak signals');
		assert.strictEqual(kept.length, 5);
	},
	'the digest lists the influential journalists and the early complaints, with links, in French': (run, { nodeOutputs }) => {
		const d = digest(run, nodeOutputs);
		assert.strictEqual(d.language, 'fr');
		assert.strictEqual(d.count, 5);
		assert.strictEqual(d.title, 'Veille du 2026-03-05 : 5 signal(aux) faible(s) à regarder');
		const handles = d.signals.map((s) => s.handle);
		assert.ok(handles.includes('claire_fintech') && handles.includes('sec_researcher_sam'), `influential authors missing: ${handles}`);
		for (const s of d.signals) {
			assert.match(s.url, /^https:\/\//);
			assert.ok(Date.parse(s.publishedAt) > Date.parse('2026-03-04T07:00:00Z') && Date.parse(s.publishedAt) <= Date.parse('2026-03-05T07:00:00Z'), `${s.id} outside the last 24 h`);
		}
		assert.deepStrictEqual(d.signals.map((s) => s.risk), [...d.signals.map((s) => s.risk)].sort((a, b) => b - a), 'sorted by risk');
		const slack = JSON.stringify(d.slack.blocks);
		for (const s of d.signals) assert.ok(slack.includes(`<${s.url}|`) && d.emailHtml.includes(s.url.replace(/&/g, '&amp;')), `${s.url} not linked`);
	},
	'nothing is sent (sendForReal off)': (run) => {
		const ran = Object.keys(run.data.resultData.runData);
		assert.ok(!ran.includes('Slack: digest') && !ran.includes('E-mail: digest'));
		assert.ok(!ran.includes('Mentions of the last 24 h'), 'the live search ran in a sample run');
	},
};
