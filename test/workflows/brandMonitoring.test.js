const path = require('path');
const { runWorkflow, makeNodeTypes } = require('../helpers/workflowHarness');
const { baseNode, senderStub, nodeOutputs } = require('./sampleTemplateSuite');
const assertions = require('../e2e/assertions/brand-monitoring');
const template = require(path.join('..', '..', 'workflows', 'brand-monitoring.workflow.json'));

const extraTypes = () => ({
	'n8n-nodes-base.slack': senderStub('slack', [2, 2.1, 2.2, 2.3]),
	'n8n-nodes-base.emailSend': senderStub('emailSend', [2, 2.1]),
	'n8n-nodes-base.httpRequest': baseNode('HttpRequest', 'HttpRequest', 'HttpRequest'),
	'n8n-nodes-base.executeWorkflow': baseNode('ExecuteWorkflow/ExecuteWorkflow', 'ExecuteWorkflow', 'ExecuteWorkflow'),
	'n8n-nodes-base.splitOut': baseNode('Transform/SplitOut', 'SplitOut', 'SplitOut'),
});

describe('template brand-monitoring (in-process WorkflowExecute)', () => {
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

	test('the one switch: "Send for real?" is off in the shipped template, and on it routes to every sender', () => {
		const node = template.nodes.find((n) => n.name === 'Send for real?');
		expect(node.parameters.conditions.conditions[0].leftValue).toBe('={{ false }}');
		const [onTrue, onFalse] = template.connections['Send for real?'].main;
		expect(onTrue.map((c) => c.node).sort()).toEqual(['Crisis or critical?', 'E-mail the team', 'Slack: team channel', 'Teams: post the card']);
		expect(onFalse.map((c) => c.node)).toEqual(['Not sent (switch off): the messages are here']);
	});

	test('source failures have their own route: the trigger\'s second output never reaches Crisis Score', () => {
		const [mentions, failures] = template.connections['Watch Reddit, Hacker News and Google Alerts'].main;
		expect(mentions.map((c) => c.node)).toEqual(['Crisis Score']);
		expect(failures.map((c) => c.node)).toEqual(['New failures only']);
		expect(template.connections['New failures only'].main[0].map((c) => c.node)).toEqual(['Compose the source-failure note']);
	});
});

describe('brand-monitoring: the source-failure note', () => {
	/** The template's failure route fed with two failure items shaped like the trigger's Source Failures output. */
	function failureRoute(failures, crisisDocument = '') {
		const pick = (name) => JSON.parse(JSON.stringify(template.nodes.find((n) => n.name === name)));
		const assess = pick('Assess Situation');
		assess.parameters.crisisDocument = crisisDocument;
		return {
			name: 'failure route',
			settings: { executionOrder: 'v1' },
			nodes: [
				{ id: 'f0000000-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'f0000000-0000-4000-8000-000000000002',
					name: 'Failures',
					type: 'n8n-nodes-base.set',
					typeVersion: 3.4,
					position: [200, 0],
					parameters: { mode: 'raw', jsonOutput: JSON.stringify({ failures }), options: {} },
				},
				{ id: 'f0000000-0000-4000-8000-000000000003', name: 'Split', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [400, 0], parameters: { fieldToSplitOut: 'failures', options: {} } },
				pick('New failures only'),
				pick('Compose the source-failure note'),
				pick('Format for Slack, e-mail and Teams'),
				pick('Send for real?'),
				pick('Not sent (switch off): the messages are here'),
				assess,
			],
			connections: {
				Start: { main: [[{ node: 'Failures', type: 'main', index: 0 }]] },
				Failures: { main: [[{ node: 'Split', type: 'main', index: 0 }]] },
				Split: { main: [[{ node: 'New failures only', type: 'main', index: 0 }]] },
				'New failures only': template.connections['New failures only'],
				'Compose the source-failure note': template.connections['Compose the source-failure note'],
				'Format for Slack, e-mail and Teams': template.connections['Format for Slack, e-mail and Teams'],
				'Send for real?': { main: [[], template.connections['Send for real?'].main[1]] },
			},
		};
	}
	const reddit = {
		error: 'Reddit rate-limited the request',
		errorDescription: 'HTTP 429',
		sourceFailure: { source: 'reddit', stream: 'search', kind: 'rateLimited', status: 429, retryAt: '2026-03-05T10:40:00.000Z', credential: null, attempts: 3, cursorMoved: false },
	};

	test('one note for the poll, in the document\'s language, naming the source, the kind and the retry time', async () => {
		const en = JSON.stringify({ defaultLanguage: 'en' });
		const { outputs, error } = await runWorkflow(failureRoute([reddit], en), { nodeTypes: makeNodeTypes(extraTypes()) });
		expect(error).toBeUndefined();
		const [note] = outputs['Not sent (switch off): the messages are here'][1] || outputs['Not sent (switch off): the messages are here'][0];
		expect(outputs['Not sent (switch off): the messages are here'][0]).toHaveLength(1);
		expect(note.kind).toBe('sourceFailure');
		expect(note.title).toBe('Reddit rate-limited until 10:40 UTC; the others are watched');
		expect(note.slack.blocks[0].text.text).toContain('Reddit rate-limited until 10:40 UTC');
		expect(note.urgent).toBe(false);
	}, 60000);

	test('two failed sources still give one note; French with the example document', async () => {
		const hn = { error: 'Hacker News is unavailable', sourceFailure: { source: 'hackernews', stream: 'search', kind: 'unavailable', status: 503, retryAt: null, credential: null, attempts: 3, cursorMoved: false } };
		const { outputs, error } = await runWorkflow(failureRoute([reddit, hn]), { nodeTypes: makeNodeTypes(extraTypes()) });
		expect(error).toBeUndefined();
		const notes = outputs['Not sent (switch off): the messages are here'][0];
		expect(notes).toHaveLength(1);
		expect(notes[0].title).toBe('Reddit limité (trop de requêtes) jusqu’à 10:40 UTC ; Hacker News indisponible ; les autres sources restent surveillées');
		expect(notes[0].reasons).toHaveLength(2);
	}, 60000);

	test('a later poll that only skips the source until its retry time sends nothing (reported once)', async () => {
		const skipped = { ...reddit, error: 'reddit: skipped this poll: rate limit or quota until 2026-03-05T10:40:00.000Z', sourceFailure: { ...reddit.sourceFailure, attempts: 0 } };
		const { outputs, error } = await runWorkflow(failureRoute([skipped]), { nodeTypes: makeNodeTypes(extraTypes()) });
		expect(error).toBeUndefined();
		expect(outputs['New failures only'][0]).toHaveLength(0);
		expect(outputs['Compose the source-failure note']).toBeUndefined();
	}, 60000);
});

// The post-crisis-review template has its own in-process test: test/workflows/postCrisisReview.test.js.
