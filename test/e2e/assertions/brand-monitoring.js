/** Assertions on the `n8n execute` output of workflows/brand-monitoring.workflow.json. */
const assert = require('assert');

module.exports = {
	'the Mentions node replays the 638-mention sample with production type names': (run, { nodeOutputs }) => {
		const [mentions] = nodeOutputs(run, 'Mentions (sample)');
		assert.strictEqual(mentions.length, 638);
		assert.ok(mentions.every((m) => /^[a-z]+:/.test(m.id) && m.publishedAt.endsWith('Z')));
	},
	'Crisis Score adds a risk with factors and reasons to every mention': (run, { nodeOutputs }) => {
		const [scored] = nodeOutputs(run, 'Crisis Score');
		assert.strictEqual(scored.length, 638);
		for (const m of scored) {
			assert.ok(m.crisis && Array.isArray(m.crisis.factors) && Array.isArray(m.crisis.reasons), `no crisis score on ${m.id}`);
			assert.ok(m.crisis.risk === null || (m.crisis.risk >= 0 && m.crisis.risk <= 100), `risk out of range on ${m.id}`);
		}
	},
	'the If node routes by risk: high-risk branch holds only risk ≥ 60': (run, { nodeOutputs }) => {
		const [high, rest] = nodeOutputs(run, 'Risk ≥ 60?');
		assert.strictEqual(high.length + rest.length, 638);
		assert.ok(high.every((m) => m.crisis.risk >= 60));
		assert.ok(rest.every((m) => m.crisis.risk === null || m.crisis.risk < 60));
	},
};

const SPIKE_START = Date.parse('2026-03-05T06:00:00Z');
const WEAK_SIGNAL_START = Date.parse('2026-03-04T17:00:00Z');

module.exports['Assess situation reaches crisis within 4 h of the spike and is calm on the baseline days'] = (run, { nodeOutputs }) => {
	const outputs = nodeOutputs(run, 'Assess situation');
	assert.strictEqual(outputs.length, 5, 'one output per level');
	const levels = ['calm', 'watch', 'alert', 'crisis', 'critical'];
	const changes = outputs.flatMap((items, k) => items.map((s) => ({ ...s, output: levels[k] }))).sort((a, b) => (a.windowEnd < b.windowEnd ? -1 : 1));
	for (const s of changes) assert.strictEqual(s.level, s.output, `situation ${s.windowEnd} routed to the wrong output`);
	const beforeWeak = changes.filter((s) => Date.parse(s.windowEnd) <= WEAK_SIGNAL_START);
	assert.ok(beforeWeak.every((s) => s.level === 'calm'), `not calm on baseline days: ${beforeWeak.filter((s) => s.level !== 'calm').map((s) => s.windowEnd + ' ' + s.level)}`);
	const crisis = changes.find((s) => s.level === 'crisis');
	assert.ok(crisis, 'never reached crisis');
	const delayH = (Date.parse(crisis.windowEnd) - SPIKE_START) / 3600000;
	assert.ok(delayH > 0 && delayH <= 4, `crisis reached ${delayH.toFixed(2)} h after the spike start`);
	assert.ok(crisis.reasons.length >= 3 && /Escalated/.test(crisis.reasons[0]), 'crisis comes with its reasons');
};

module.exports['the Crisis output feeds the playbook branch'] = (run, { nodeOutputs }) => {
	const [items] = nodeOutputs(run, 'Crisis: run the playbook');
	assert.ok(items.length >= 1 && items.every((s) => s.level === 'crisis' || s.level === 'critical'));
};
