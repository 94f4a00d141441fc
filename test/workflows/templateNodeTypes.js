/**
 * Node types for running the shipped templates in-process: the harness's own map, plus a stub
 * for every other n8n-nodes-base node a template names (Slack, Send Email, HubSpot, X, …), built
 * from the description n8n-nodes-base ships in dist/types/nodes.json (the one the editor reads).
 * Those nodes sit on the live branches, which never run here (Settings › live is false): a stub
 * that runs throws, so a template whose sample path reaches a live node fails the test.
 */
const { makeNodeTypes } = require('../helpers/workflowHarness');

let descriptions = null;
function described(type) {
	descriptions = descriptions || require('n8n-nodes-base/dist/types/nodes.json');
	const name = type.replace(/^n8n-nodes-base\./, '');
	return descriptions.filter((d) => d.name === name);
}

function stubFor(type) {
	const entries = described(type);
	if (!entries.length) return null;
	const nodeVersions = {};
	for (const d of entries) {
		for (const v of Array.isArray(d.version) ? d.version : [d.version]) {
			nodeVersions[v] = {
				description: { ...d, name: type, version: v },
				async execute() {
					const { NodeOperationError } = require('n8n-workflow');
					throw new NodeOperationError(this.getNode(), `${type} is a live node: it must not run on the sample path`);
				},
			};
		}
	}
	const versions = Object.keys(nodeVersions).map(Number).sort((a, b) => a - b);
	const current = versions[versions.length - 1];
	return {
		description: { ...nodeVersions[current].description, defaultVersion: current },
		nodeVersions,
		currentVersion: current,
		getNodeType: (v) => nodeVersions[v ?? current],
	};
}

/** makeNodeTypes() with a stub for every n8n-nodes-base type the template uses that the harness lacks. */
function templateNodeTypes(template) {
	const probe = makeNodeTypes();
	const extra = {};
	for (const node of template.nodes) {
		if (!node.type.startsWith('n8n-nodes-base.') || extra[node.type]) continue;
		try {
			probe.getByName(node.type);
		} catch {
			const stub = stubFor(node.type);
			if (!stub) throw new Error(`n8n-nodes-base has no node ${node.type}`);
			extra[node.type] = stub;
		}
	}
	return makeNodeTypes(extra);
}

module.exports = { templateNodeTypes };
