/**
 * Assertions on the `n8n execute` output of workflows/customers-at-risk.workflow.json on the
 * shipped sample (Settings › live = false; also run in-process by test/workflows/customersAtRisk.test.js).
 */
const assert = require('assert');

function items(run, name, out = 0) {
	const r = run.data.resultData.runData[name];
	assert.ok(r, `node "${name}" did not run (ran: ${Object.keys(run.data.resultData.runData).join(', ')})`);
	return r.flatMap((x) => ((x.data && x.data.main && x.data.main[out]) || []).map((i) => i.json));
}

module.exports = {
	'only negative mentions at or above the risk threshold are looked up': (run) => {
		const negative = items(run, 'Negative mentions');
		assert.ok(negative.length >= 20, `${negative.length} negative mentions`);
		for (const m of negative) assert.ok(m.crisis.risk >= 60 && m.crisis.sentiment.label === 'negative', `${m.id} risk ${m.crisis.risk}`);
		assert.strictEqual(items(run, 'Author keys').length, negative.length);
	},
	'every matched customer gets a task for the account owner and a note with the mention and its link, in French': (run) => {
		const actions = items(run, 'Customer actions');
		assert.ok(actions.length >= 3, `${actions.length} customer mentions`);
		assert.deepStrictEqual([...new Set(actions.map((a) => a.handle))].sort(), ['alfie_roux', 'chloe_moreau', 'jack_fournier']);
		for (const a of actions) {
			assert.ok(a.ownerId.startsWith('sample-owner-'), 'the task goes to the account owner');
			assert.ok(a.subject.startsWith(`Client à risque : @${a.handle} (risque `), a.subject);
			assert.ok(a.body.includes(a.url) && a.body.includes('Pourquoi : '), a.body);
			assert.ok(a.note.startsWith('Mention négative (') && a.note.endsWith(a.url), a.note);
			assert.ok(/^20\d\d-\d\d-\d\dT/.test(a.dueAt), a.dueAt);
		}
	},
	'unmatched authors are counted, not dropped: customers + unmatched = negative mentions': (run) => {
		const [s] = items(run, 'Summary');
		const negative = items(run, 'Negative mentions').length;
		assert.strictEqual(s.negativeMentions, negative);
		assert.strictEqual(s.customerMentions + s.unmatchedMentions, negative);
		assert.strictEqual(s.customers, 3);
		assert.ok(s.unmatchedAuthors >= 10 && s.unmatchedAuthors <= s.unmatchedMentions, `${s.unmatchedAuthors} unmatched authors`);
		assert.strictEqual(s.notInCrm.length, s.unmatchedAuthors, 'each unmatched author is listed');
		assert.ok(s.notInCrm.every((a) => a.handle && a.url), 'with a link to the mention');
		assert.strictEqual(s.message, `${negative} mentions négatives : ${s.customerMentions} de clients (tâche et note créées pour leur responsable), ${s.unmatchedAuthors} auteurs absents du CRM.`);
	},
	'no CRM node ran while Settings › live is false': (run) => {
		for (const n of Object.keys(run.data.resultData.runData)) {
			assert.ok(!/^(HubSpot|Salesforce|Pipedrive):/.test(n), `${n} ran on the sample path`);
		}
	},
};
