const path = require('path');
const { runWorkflow } = require('../helpers/workflowHarness');
const { templateNodeTypes } = require('./templateNodeTypes');
const assertions = require('../e2e/assertions/ask-crisis-kit');
const template = require(path.join('..', '..', 'workflows', 'ask-crisis-kit.workflow.json'));

/**
 * The offline half of the agent template, in-process. The agent half (chat trigger, AI Agent,
 * chat model, tools) is left out here: the harness has no @n8n/n8n-nodes-langchain, those nodes
 * never run on the sample path, and the static check (test/unit/templates) validates them
 * against n8n 2.41.1's own descriptions.
 */
function offlineHalf(wf) {
	const agentHalf = (n) => n.type.startsWith('@n8n/n8n-nodes-langchain.') || n.type.endsWith('Tool');
	const nodes = wf.nodes.filter((n) => !agentHalf(n));
	const names = new Set(nodes.map((n) => n.name));
	const connections = Object.fromEntries(Object.entries(wf.connections).filter(([from]) => names.has(from)));
	return { ...wf, nodes, connections };
}

describe('template ask-crisis-kit, offline half (in-process WorkflowExecute, Settings › live = false)', () => {
	const wf = offlineHalf(template);
	let result;
	beforeAll(async () => {
		result = await runWorkflow(wf, { nodeTypes: templateNodeTypes(wf) });
	}, 120000);

	test('the agent half is only the chat trigger, the agent, its model and its three tools', () => {
		expect(template.nodes.length - wf.nodes.length).toBe(6);
	});

	test('runs without error', () => {
		expect(result.error).toBeUndefined();
	});

	for (const [name, fn] of Object.entries(assertions)) {
		test(name, () => fn(result.run));
	}
});
