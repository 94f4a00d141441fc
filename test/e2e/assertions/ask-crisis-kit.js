/**
 * Assertions on the `n8n execute` output of workflows/ask-crisis-kit.workflow.json: the offline
 * run (Run on the sample) goes through the same nodes the agent's crisis_score and
 * crisis_playbook tools run, on the Orvia sample at 2026-03-05 13:00 (mid-crisis).
 * Also run in-process by test/workflows/askCrisisKit.test.js.
 */
const assert = require('assert');

function items(run, name) {
	const r = run.data.resultData.runData[name];
	assert.ok(r, `node "${name}" did not run (ran: ${Object.keys(run.data.resultData.runData).join(', ')})`);
	return r.flatMap((x) => ((x.data && x.data.main && x.data.main[0]) || []).map((i) => i.json));
}

module.exports = {
	'crisis_score returns one situation: the level, its reasons and the numbers behind them': (run) => {
		const answers = items(run, 'Score answer');
		assert.strictEqual(answers.length, 1, 'one small answer for the model, not hundreds of mentions');
		const [s] = answers;
		assert.strictEqual(s.level, 'crisis');
		assert.ok(s.reasons.length >= 3 && s.reasons.some((r) => /expected from this brand's own baseline/.test(r)), s.reasons.join(' | '));
		assert.ok(s.numbers.mentions >= 20 && s.numbers.negativeShare > 0.5, JSON.stringify(s.numbers));
	},
	'crisis_playbook returns the next steps with owners and deadlines, and the key messages': (run) => {
		const [p] = items(run, 'Playbook answer');
		assert.strictEqual(p.level, 'crisis');
		assert.ok(p.nextSteps.length >= 3);
		for (const s of p.nextSteps) assert.ok(s.action && s.owner && /^2026-03-05T/.test(s.dueAt), JSON.stringify(s));
		assert.ok(p.keyMessages.length >= 2);
	},
	'the answer a person reads names the level, why, and what to do, in the document language (FR)': (run) => {
		const [a] = items(run, 'Answer without a model (sample)');
		assert.ok(a.answer.startsWith('Niveau : crise. Pourquoi : '), a.answer.slice(0, 80));
		assert.ok(/À faire maintenant :\n- .+\(.+, 2026-03-05T/.test(a.answer), a.answer);
	},
	'the agent half never runs offline (no model call without a credential)': (run) => {
		for (const n of ['Crisis Kit agent', 'OpenAI-compatible chat model', 'Mentions (last day)']) assert.ok(!run.data.resultData.runData[n], `${n} ran`);
	},
};
