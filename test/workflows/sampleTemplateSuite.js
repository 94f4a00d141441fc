/**
 * What every template's in-process test shares: the e2e assertions' `nodeOutputs` (the one in
 * scripts/lib/n8n.js, so jest and the real-n8n tier read runs the same way), the harness stub for
 * n8n's senders, and the whole suite of a template whose sample path runs with Settings › live = false.
 */
const path = require('path');
const { runWorkflow, baseNode } = require('../helpers/workflowHarness');
const { templateNodeTypes } = require('./templateNodeTypes');
const { nodeOutputs } = require('../../scripts/lib/n8n');

/**
 * Slack and Send Email import n8n's Send-and-Wait form code, whose sanitize-html dependency is an
 * ES module jest cannot load: a stub with the same type name stands in (these senders never run in
 * the sample run; the live e2e tier runs the real ones against the stand-ins).
 */
function senderStub(name, versions) {
	const { NodeConnectionTypes, NodeOperationError } = require('n8n-workflow');
	return {
		description: { displayName: `${name} (harness stub)`, name, group: ['output'], version: versions, description: 'stub', defaults: { name }, inputs: [NodeConnectionTypes.Main], outputs: [NodeConnectionTypes.Main], properties: [] },
		async execute() {
			throw new NodeOperationError(this.getNode(), `${name} is a harness stub: the e2e live tier runs the real node`);
		},
	};
}

/**
 * The in-process suite of a template run on the sample (Settings › live = false): it runs (only
 * the Data Table nodes, which need the n8n server, may fail and continue), its e2e assertions hold,
 * and a second run gives the same outputs on `deterministic.nodes`.
 */
function describeSampleTemplate(base, deterministic) {
	const assertions = require(`../e2e/assertions/${base}`);
	const template = require(path.join('..', '..', 'workflows', `${base}.workflow.json`));
	describe(`template ${base} (in-process WorkflowExecute, Settings › live = false)`, () => {
		let result;
		beforeAll(async () => {
			result = await runWorkflow(template, { nodeTypes: templateNodeTypes(template) });
		}, 120000);

		test('runs without error (the Data Table nodes, which need the n8n server, continue on error)', () => {
			const error = result.error;
			if (error) expect({ node: error.node && error.node.type, message: error.message }).toEqual({ node: 'n8n-nodes-base.dataTable', message: expect.stringMatching(/Data table/) });
			const failed = Object.entries(result.run.data.resultData.runData).filter(([, runs]) => runs.some((r) => r.error)).map(([name]) => name);
			expect(failed.filter((n) => !/\(Data Table\)$/.test(n))).toEqual([]);
		});

		for (const [name, fn] of Object.entries(assertions)) {
			test(name, () => fn(result.run, { nodeOutputs }));
		}

		test(`is deterministic: a second run gives the same ${deterministic.what}`, async () => {
			const again = await runWorkflow(template, { nodeTypes: templateNodeTypes(template) });
			for (const name of deterministic.nodes) {
				expect(again.outputs[name]).toEqual(result.outputs[name]);
			}
		}, 120000);
	});
}

module.exports = { baseNode, senderStub, nodeOutputs, describeSampleTemplate };
