const path = require('path');
const { runWorkflow } = require('../helpers/workflowHarness');
const assertions = require('../e2e/assertions/crisis-response');
const template = require(path.join('..', '..', 'workflows', 'crisis-response.workflow.json'));

/** The e2e assertions, run on the in-process result (same shape as `n8n execute` output). */
function nodeOutputs(run, nodeName) {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run`);
	return (runs[0].data?.main || []).map((branch) => (branch || []).map((i) => i.json));
}

describe('template crisis-response (in-process WorkflowExecute)', () => {
	let result;
	beforeAll(async () => {
		result = await runWorkflow(template);
	}, 120000);

	test('runs without error', () => {
		expect(result.error).toBeUndefined();
	});

	for (const [name, fn] of Object.entries(assertions)) {
		test(name, () => fn(result.run, { nodeOutputs }));
	}

	test('is deterministic: a second run gives the same plans, statement and proposal', async () => {
		const again = await runWorkflow(template);
		for (const name of ['Plan response', 'Draft statement', 'Close incident', 'Propose document update']) {
			expect(again.outputs[name]).toEqual(result.outputs[name]);
		}
	}, 120000);
});
