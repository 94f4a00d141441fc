const path = require('path');
const { runWorkflow, makeNodeTypes } = require('../helpers/workflowHarness');
const { baseNode, senderStub, nodeOutputs } = require('./sampleTemplateSuite');
const assertions = require('../e2e/assertions/weak-signal-digest');
const template = require(path.join('..', '..', 'workflows', 'weak-signal-digest.workflow.json'));

const extraTypes = () => ({
	'n8n-nodes-base.slack': senderStub('slack', [2, 2.1, 2.2, 2.3]),
	'n8n-nodes-base.emailSend': senderStub('emailSend', [2, 2.1]),
	'n8n-nodes-base.scheduleTrigger': baseNode('Schedule', 'ScheduleTrigger', 'ScheduleTrigger'),
});

describe('template weak-signal-digest (in-process WorkflowExecute)', () => {
	let result;
	beforeAll(async () => {
		result = await runWorkflow(JSON.parse(JSON.stringify(template)), { nodeTypes: makeNodeTypes(extraTypes()) });
	}, 120000);

	test('runs without error', () => {
		expect(result.error).toBeUndefined();
	});

	for (const [name, fn] of Object.entries(assertions)) {
		test(name, () => fn(result.run, { nodeOutputs }));
	}

	test('fires at 08:00 in the workflow time zone (the example document\'s Europe/Paris)', () => {
		const trigger = template.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger');
		expect(trigger.parameters.rule.interval).toEqual([{ field: 'days', triggerAtHour: 8 }]);
		expect(template.settings.timezone).toBe('Europe/Paris');
	});

	test('"all quiet" is sent only when asked: no signal and sendAllQuiet off → nothing to send', async () => {
		/** The template with no signal possible, sendForReal on, and sendAllQuiet as given (a fresh copy: running mutates parameters). */
		const quiet = (sendAllQuiet) => {
			const wf = JSON.parse(JSON.stringify(template));
			const settings = wf.nodes.find((n) => n.name === 'Digest settings').parameters.assignments.assignments;
			settings.find((a) => a.name === 'minRisk').value = 101;
			settings.find((a) => a.name === 'sendForReal').value = true;
			settings.find((a) => a.name === 'sendAllQuiet').value = sendAllQuiet;
			wf.nodes.find((n) => n.name === 'Weak signals').parameters.conditions.conditions[0].leftValue = "={{ $json.crisis.risk >= $('Digest settings').first().json.minRisk }}";
			return wf;
		};
		const off = await runWorkflow(quiet(false), { nodeTypes: makeNodeTypes(extraTypes()) });
		expect(off.error).toBeUndefined();
		const [d] = off.outputs['Not sent: the digest is here'][0];
		expect(d.count).toBe(0);
		expect(d.title).toBe('Veille du 2026-03-05 : rien à signaler');
		expect(d.send).toBe(false);
		const on = await runWorkflow(quiet(true), { nodeTypes: makeNodeTypes(extraTypes()) });
		// With sendAllQuiet the "all quiet" digest goes to the senders (stubs here; the live tier sends it for real).
		expect(on.outputs['Send it?'][0]).toHaveLength(1);
		expect(on.outputs['Send it?'][0][0].title).toBe('Veille du 2026-03-05 : rien à signaler');
	}, 120000);
});
