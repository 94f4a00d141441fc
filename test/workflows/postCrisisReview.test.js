const path = require('path');
const { runWorkflow } = require('../helpers/workflowHarness');
const { templateNodeTypes } = require('./templateNodeTypes');
const assertions = require('../e2e/assertions/post-crisis-review');
const template = require(path.join('..', '..', 'workflows', 'post-crisis-review.workflow.json'));

/** The e2e assertions, run on the in-process result (same shape as `n8n execute` output). */
function nodeOutputs(run, nodeName) {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run`);
	return (runs[0].data?.main || []).map((branch) => (branch || []).map((i) => i.json));
}

describe('template post-crisis-review (in-process WorkflowExecute, Settings › live = false)', () => {
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

	test('is deterministic: a second run gives the same review, proposal and new row', async () => {
		const again = await runWorkflow(template, { nodeTypes: templateNodeTypes(template) });
		for (const name of ['Close incident', 'Approval request', 'New version row']) {
			expect(again.outputs[name]).toEqual(result.outputs[name]);
		}
	}, 120000);
});
