/**
 * Assertions on the `n8n execute` output of workflows/crisis-response.workflow.json, run on the
 * shipped sample with Settings › live = false (also used in-process by
 * test/workflows/crisisResponse.test.js). The live run replaces the sample stand-ins (approval
 * answer, post, case) by the real nodes; these assertions hold the shapes both paths share.
 */
const assert = require('assert');

const PARIS = /^2026-03-0[5-7]T\d\d:\d\d:00\.000\+01:00$/;

function runs(run, name) {
	const r = run.data.resultData.runData[name];
	assert.ok(r, `node "${name}" did not run (ran: ${Object.keys(run.data.resultData.runData).join(', ')})`);
	return r;
}
function first(run, nodeOutputs, name) {
	const [items] = nodeOutputs(run, name);
	assert.ok(items && items.length >= 1, `${name} emitted nothing`);
	return items;
}
/** json items of output `out` of every run of node `name`. */
function allRuns(run, name, out = 0) {
	return runs(run, name).flatMap((r) => ((r.data && r.data.main && r.data.main[out]) || []).map((i) => i.json));
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
	},
	"the holding statement is filled, within X's 280 characters and needs approval (approver, deputy, wait limit)": (run, { nodeOutputs }) => {
		const [draft] = first(run, nodeOutputs, 'Draft statement');
		assert.strictEqual(draft.channel, 'x');
		assert.strictEqual(draft.language, 'fr', 'the language comes from the document (FR)');
		assert.ok(!/[{}]/.test(draft.text), `unfilled placeholder in: ${draft.text}`);
		assert.ok(draft.text.includes('Orvia') && draft.length <= 280 && draft.limit === 280, `${draft.length}/${draft.limit}`);
		assert.strictEqual(draft.needsApproval, true);
		assert.strictEqual(draft.approval.approverId, 'commsLead');
		assert.strictEqual(draft.approval.deputyId, 'legal');
		assert.strictEqual(draft.approval.timeoutMinutes, 15);
	},
	'the approval request is in the document language, names the deputy and carries the wait limit': (run) => {
		const [req] = allRuns(run, 'Approval request');
		assert.ok(req.approvalText.startsWith('Déclaration à valider (x, '), req.approvalText);
		assert.ok(req.approvalText.includes(req.text));
		assert.ok(/Anne Petit sera sollicité/.test(req.approvalText), 'the deputy is named');
		assert.ok(/n'a pas répondu dans les 15 min/.test(req.deputyText), req.deputyText);
		assert.strictEqual(req.waitLimitMinutes, 15);
		assert.strictEqual(req.formTitle, 'Validation de la déclaration');
	},
	'a rejection with comments goes back to approval with the corrected text; the second round is approved': (run) => {
		const answers = allRuns(run, 'Answer');
		assert.deepStrictEqual(answers.map((a) => a.decision), ['rejected', 'approved']);
		assert.ok(answers[0].comments.length > 10, 'the rejection carries comments');
		const rounds = allRuns(run, 'Approval request');
		assert.deepStrictEqual(rounds.map((r) => r.round), [1, 2]);
		assert.strictEqual(rounds[1].text, answers[0].correctedText, 'round 2 asks about the corrected text');
		assert.strictEqual(rounds[1].lastComments, answers[0].comments);
		assert.ok(/Corrigé après ces commentaires/.test(rounds[1].approvalText));
		const [rejected] = allRuns(run, 'Log rejection');
		assert.strictEqual(rejected.type, 'statementRejected');
		assert.strictEqual(JSON.parse(rejected.event).data.reason, answers[0].comments);
	},
	'the approved text is what gets posted (sample: nothing sent), and the post is logged': (run) => {
		const [approved] = allRuns(run, 'Approved statement');
		const [posted] = allRuns(run, 'Posted');
		assert.strictEqual(posted.text, approved.text);
		assert.ok(/Les clients concernés seront contactés/.test(posted.text), 'the corrected text was approved');
		assert.strictEqual(posted.postedOn, 'sample');
		const [approvalRow] = allRuns(run, 'Log approval');
		assert.strictEqual(JSON.parse(approvalRow.event).data.text, approved.text);
		const [postRow] = allRuns(run, 'Log posted');
		assert.strictEqual(postRow.type, 'statementPosted');
		for (const live of ['X: post', 'LinkedIn: post', 'Bluesky: sign in', 'Mastodon: post', 'Slack: ask the approver', 'E-mail: ask the approver', 'HubSpot: create ticket', 'Salesforce: create case', 'Pipedrive: create activity', 'Pause publishing', 'Slack: tell the team', 'E-mail: tell the approvers']) {
			assert.ok(!run.data.resultData.runData[live], `${live} ran although Settings › live is false`);
		}
	},
	'the CRM case carries the scenario, the level, the reasons and the links, in French': (run) => {
		const [c] = allRuns(run, 'Case opened');
		assert.strictEqual(c.crm, 'sample');
		assert.strictEqual(c.subject, 'Crise (niveau alerte) — Fuite ou violation de données');
		assert.ok(c.description.includes('(dataBreach)') && c.description.includes('Niveau : alerte'), c.description);
		assert.ok(/- the situation's themes include dataLeak/.test(c.description), 'the reasons are listed');
		assert.ok((c.description.match(/- https:\/\//g) || []).length >= 3, 'three mention links');
		assert.ok(c.description.includes('https://status.orvia.example'), 'the posted statement');
	},
	'every step is a timeline row from a real event (plan, draft, rejection, approval, post, case), none hard-coded': (run) => {
		const rows = ['Log plan', 'Log draft', 'Log rejection', 'Log approval', 'Log posted', 'Log case'].flatMap((n) => allRuns(run, n));
		assert.deepStrictEqual(rows.map((r) => r.type).sort(), ['note', 'planIssued', 'statementApproved', 'statementDrafted', 'statementPosted', 'statementRejected']);
		for (const r of rows) {
			for (const k of ['eventId', 'incidentId', 'type', 'at', 'actorId', 'summary', 'event']) assert.ok(typeof r[k] === 'string' && r[k] !== '', `row ${r.eventId} lacks ${k}`);
			assert.strictEqual(r.incidentId, 'orvia-leak-2026-03-05');
			assert.strictEqual(JSON.parse(r.event).id, r.eventId);
		}
		assert.ok(!run.data.resultData.runData['Team actions (sample)'], 'no hard-coded team actions');
		assert.ok(run.data.resultData.runData['Save to timeline (Data Table)'], 'the Data Table node ran');
	},
};
