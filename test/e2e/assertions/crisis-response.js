/** Assertions on the `n8n execute` output of workflows/crisis-response.workflow.json (also used in-process). */
const assert = require('assert');

const PARIS = /^2026-03-0[5-7]T\d\d:\d\d:00\.000\+01:00$/;

function first(run, nodeOutputs, name) {
	const [items] = nodeOutputs(run, name);
	assert.ok(items && items.length >= 1, `${name} emitted nothing`);
	return items;
}

module.exports = {
	'Plan response matches the dataBreach scenario and says why': (run, { nodeOutputs }) => {
		const plans = first(run, nodeOutputs, 'Plan response');
		assert.ok(plans.every((p) => p.scenario.id === 'dataBreach'), plans.map((p) => p.scenario.id).join(','));
		assert.ok(plans[0].scenario.reasons.some((r) => /dataLeak/.test(r)), 'the reasons name the theme');
	},
	'the escalation alert → crisis adds steps and never repeats done ones; deadlines are absolute in Europe/Paris': (run, { nodeOutputs }) => {
		const plans = first(run, nodeOutputs, 'Plan response');
		assert.deepStrictEqual(plans.map((p) => p.level).slice(0, 3), ['alert', 'crisis', 'alert']);
		const [alert, crisis, calmer] = plans;
		assert.strictEqual(alert.timeZone, 'Europe/Paris');
		assert.ok(alert.changes.isFirstPlan && alert.steps.length >= 5);
		for (const s of [...alert.steps, ...crisis.steps]) {
			assert.ok(PARIS.test(s.dueAt), `deadline ${s.dueAt} of ${s.id} is not absolute Paris time`);
			assert.ok(s.owner && s.owner.email, `step ${s.id} has an owner`);
		}
		assert.deepStrictEqual(crisis.changes.levelChanged, { from: 'alert', to: 'crisis' });
		assert.ok(crisis.changes.addedSteps.includes('postHoldingStatement') && crisis.changes.addedSteps.length >= 5, crisis.changes.addedSteps.join(','));
		assert.deepStrictEqual([...crisis.changes.alreadyDoneSteps].sort(), ['alertCrisisCell', 'pausePublishing']);
		assert.ok(!crisis.steps.some((s) => s.id === 'alertCrisisCell' || s.id === 'pausePublishing'), 'done steps are not planned again');
		assert.strictEqual(crisis.stance, 'apologise');
		assert.deepStrictEqual(calmer.changes.levelChanged, { from: 'crisis', to: 'alert' });
		assert.deepStrictEqual(calmer.changes.addedSteps, []);
		assert.ok(alert.timelineEvent && alert.timelineEvent.type === 'planIssued');
	},
	'the holding statement is filled, within X\'s 280 characters and needs approval (approver, deputy, timeout)': (run, { nodeOutputs }) => {
		const [draft] = first(run, nodeOutputs, 'Draft statement');
		assert.strictEqual(draft.channel, 'x');
		assert.ok(!/[{}]/.test(draft.text), `unfilled placeholder in: ${draft.text}`);
		assert.ok(draft.text.includes('Orvia') && draft.length <= 280 && draft.limit === 280, `${draft.length}/${draft.limit}`);
		assert.strictEqual(draft.needsApproval, true);
		assert.strictEqual(draft.approval.approverId, 'commsLead');
		assert.strictEqual(draft.approval.deputyId, 'legal');
		assert.strictEqual(draft.approval.timeoutMinutes, 15);
		assert.ok(PARIS.test(draft.approval.escalateAt));
		assert.strictEqual(draft.approvalRequest.approverEmail, 'claire.martin@orvia.example');
		assert.strictEqual(draft.approvalRequest.waitLimitMinutes, 15);
	},
	'the timeline events are valid and the incident is closed with its measures': (run, { nodeOutputs }) => {
		const events = first(run, nodeOutputs, 'Team actions (sample)');
		assert.ok(events.length >= 10 && events.every((e) => /^evt_/.test(e.id) && e.incidentId === 'orvia-leak-2026-03-05'));
		const [review] = first(run, nodeOutputs, 'Close incident');
		assert.strictEqual(review.peakLevel, 'crisis');
		assert.strictEqual(review.detectedAt, '2026-03-05T08:30:00.000Z');
		assert.strictEqual(review.timeToAcknowledgeMinutes, 50);
		assert.strictEqual(review.resolvedEvent.type, 'resolved');
	},
	'a resolution proposes document version 2 with a readable diff and a reason for each change': (run, { nodeOutputs }) => {
		const [proposal] = first(run, nodeOutputs, 'Propose document update');
		assert.strictEqual(proposal.changed, true);
		assert.strictEqual(proposal.previousVersion, 1);
		assert.strictEqual(proposal.version, 2);
		assert.strictEqual(proposal.document.version, 2);
		assert.deepStrictEqual(proposal.document.history.map((h) => h.version), [1, 2]);
		assert.ok(proposal.changes.length >= 2 && proposal.changes.every((c) => c.reason.length > 20));
		assert.ok(proposal.changes.some((c) => c.path === 'brand.hashtags'));
		assert.ok(proposal.diffText.startsWith('Crisis document v1 → v2'));
		assert.ok(/\n {4}why: /.test(proposal.diffText));
	},
	'Pause publishing stays disabled so the sample runs offline': (run) => {
		const names = Object.keys(run.data.resultData.runData);
		const pause = names.find((n) => n.startsWith('Pause publishing'));
		if (pause) {
			const items = run.data.resultData.runData[pause][0].data.main[0];
			assert.ok(items.every((i) => !('pauseRecord' in i.json)), 'the disabled node passed data through');
		}
	},
	'timeline rows are prepared for the Data Table, which never stops the run': (run, { nodeOutputs }) => {
		const rows = first(run, nodeOutputs, 'Timeline row');
		for (const r of rows) {
			for (const k of ['eventId', 'incidentId', 'type', 'at', 'actorId', 'summary', 'event']) assert.ok(typeof r[k] === 'string' && r[k] !== '', `row ${r.eventId} lacks ${k}`);
			assert.strictEqual(JSON.parse(r.event).id, r.eventId);
		}
		for (const type of ['detected', 'statementApproved', 'publishingResumed']) assert.ok(rows.some((r) => r.type === type), `no ${type} row`);
		const saved = run.data.resultData.runData['Save to timeline (Data Table)'];
		assert.ok(saved, 'the Data Table node ran');
	},
};
