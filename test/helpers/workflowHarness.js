/**
 * In-process workflow runner for jest: runs workflow JSON through n8n-core's WorkflowExecute,
 * with our nodes (from source, through ts-jest) and real n8n-nodes-base nodes, no server.
 * Recipe: ../shared/docs/N8N-NOTES.md §5. JavaScript on purpose: `n8n-node lint` lints *.ts.
 */
const { WorkflowExecute, ExecutionLifecycleHooks } = require('n8n-core');
const { Workflow, NodeHelpers, createRunExecutionData } = require('n8n-workflow');

const PKG = 'n8n-nodes-crisis-kit';

/** Our node classes, keyed by production type name. Loaded from TypeScript sources. */
function crisisKitNodes() {
	const pkg = require('../../package.json');
	const map = {};
	for (const distPath of pkg.n8n.nodes) {
		const src = '../../' + distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts');
		const mod = require(src);
		const Cls = Object.values(mod).find((v) => typeof v === 'function');
		const instance = new Cls();
		map[`${PKG}.${instance.description.name}`] = instance;
	}
	return map;
}

function baseNode(dir, file, cls) {
	const mod = require(`n8n-nodes-base/dist/nodes/${dir}/${file}.node.js`);
	return new mod[cls]();
}

/**
 * Data Tables live in the n8n server's database: like `n8n execute`, the harness has none, so the
 * Data Table node fails here (templates set "On Error: Continue" on it; the e2e server suite checks
 * the real rows).
 */
class DataTableStub {
	constructor() {
		const { NodeConnectionTypes } = require('n8n-workflow');
		this.description = {
			displayName: 'Data Table (harness stub)',
			name: 'dataTable',
			group: ['transform'],
			version: [1, 1.1],
			description: 'Stub: Data Tables need the n8n server',
			defaults: { name: 'Data Table' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		};
	}
	async execute() {
		const { NodeOperationError } = require('n8n-workflow');
		throw new NodeOperationError(this.getNode(), 'Attempted to use Data table node but the module is disabled');
	}
}

const BASE = {
	'n8n-nodes-base.dataTable': () => new DataTableStub(),
	'n8n-nodes-base.manualTrigger': () => baseNode('ManualTrigger', 'ManualTrigger', 'ManualTrigger'),
	'n8n-nodes-base.stickyNote': () => baseNode('StickyNote', 'StickyNote', 'StickyNote'),
	'n8n-nodes-base.if': () => baseNode('If', 'If', 'If'),
	'n8n-nodes-base.switch': () => baseNode('Switch', 'Switch', 'Switch'),
	'n8n-nodes-base.set': () => baseNode('Set', 'Set', 'Set'),
	'n8n-nodes-base.noOp': () => baseNode('NoOp', 'NoOp', 'NoOp'),
	'n8n-nodes-base.merge': () => baseNode('Merge', 'Merge', 'Merge'),
	'n8n-nodes-base.filter': () => baseNode('Filter', 'Filter', 'Filter'),
};

function makeNodeTypes(extra = {}) {
	const map = { ...crisisKitNodes(), ...extra };
	const get = (type) => {
		if (!map[type] && BASE[type]) map[type] = BASE[type]();
		if (!map[type]) throw new Error(`Unknown node type in workflow harness: ${type}`);
		return map[type];
	};
	return {
		getByName: (type) => get(type),
		getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(get(type), version),
		getKnownTypes: () => ({}),
	};
}

/**
 * Runs `workflowJson` and resolves with `{ run, outputs }` where outputs[nodeName] is the
 * array of output branches (each an array of json objects) of the node's first run.
 */
async function runWorkflow(workflowJson, { staticData = {}, mode = 'manual', nodeTypes } = {}) {
	const types = nodeTypes || makeNodeTypes();
	const workflow = new Workflow({
		id: workflowJson.id || 'test',
		name: workflowJson.name,
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		active: false,
		nodeTypes: types,
		staticData,
		settings: workflowJson.settings || {},
	});
	const hooks = new ExecutionLifecycleHooks(mode, 'exec-1', workflowJson);
	let resolveRun;
	const done = new Promise((r) => (resolveRun = r));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));
	const additionalData = {
		hooks,
		credentialsHelper: {
			getParentTypes: () => [],
			authenticate: async (_c, _t, opts) => opts,
			getDecrypted: async () => ({}),
			getCredentials: async () => ({}),
		},
		executeWorkflow: async () => {
			throw new Error('executeWorkflow is not available in the harness');
		},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		userId: 'test-user',
		logAiEvent() {},
		startRunnerTask() {
			throw new Error('Code nodes need a task runner: run this workflow in the e2e tier');
		},
	};
	const start =
		workflow.getStartNode() ||
		Object.values(workflow.nodes).find((n) => !Object.keys(workflow.connectionsByDestinationNode[n.name] || {}).length);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const exec = new WorkflowExecute(additionalData, mode, runExecutionData);
	await exec.processRunExecutionData(workflow);
	const run = await done;
	const outputs = {};
	for (const [name, runs] of Object.entries(run.data.resultData.runData)) {
		const main = (runs[0].data && runs[0].data.main) || [];
		outputs[name] = main.map((branch) => (branch || []).map((item) => item.json));
	}
	return { run, outputs, error: run.data.resultData.error, staticData: workflow.staticData };
}

module.exports = { runWorkflow, makeNodeTypes, crisisKitNodes, baseNode };
