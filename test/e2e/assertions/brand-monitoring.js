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
