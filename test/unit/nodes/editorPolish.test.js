// JavaScript on purpose: it evaluates the subtitle expressions with the Function constructor, which strict lint forbids in .ts.
/**
 * Editor polish (issue 14 item 6): human subtitles for every operation (never a raw value like
 * `planResponse`), Mentions and Mentions Trigger described apart (and, where n8n's node creator
 * merges them into one "Mentions" entry, with a text that fits both), every node usable as a tool.
 */
const { CrisisPlaybook } = require('../../../nodes/CrisisPlaybook/CrisisPlaybook.node');
const { CrisisReport } = require('../../../nodes/CrisisReport/CrisisReport.node');
const { CrisisScore } = require('../../../nodes/CrisisScore/CrisisScore.node');
const { Mentions } = require('../../../nodes/Mentions/Mentions.node');
const { MentionsTrigger } = require('../../../nodes/Mentions/MentionsTrigger.node');

/** Evaluates a `={{ … }}` subtitle the way n8n does for plain JavaScript expressions. */
function subtitle(node, parameters) {
	const expression = String(node.description.subtitle);
	if (!expression.startsWith('={{')) return expression;
	const body = expression.slice(3, -2);
	return String(new Function('$parameter', `return (${body});`)(parameters));
}

const operationsOf = (node) => node.description.properties.find((p) => p.name === 'operation')?.options ?? [];

/** The subtitle each node must carry: its Operation options' names (n8n's lint needs a literal, so it is written out). */
function expectedSubtitle(node, special = '') {
	const names = {};
	for (const o of operationsOf(node)) names[o.value] = o.name;
	return `={{ ${special}(${JSON.stringify(names)}[$parameter["operation"]] || $parameter["operation"]) }}`;
}

describe('human subtitles', () => {
	test.each([new Mentions(), new CrisisScore(), new CrisisPlaybook(), new CrisisReport()].map((n) => [n.description.displayName, n]))(
		'%s: every operation shows its name, never its value',
		(_name, node) => {
			for (const op of operationsOf(node)) {
				const text = subtitle(node, { operation: op.value, sampleName: 'orvia-data-leak' });
				expect(text).not.toMatch(/^[a-z]+[A-Z]\w*$/); // no camelCase value
				expect(text.length).toBeGreaterThan(3);
				if (op.value !== 'getSample' && node.description.name !== 'crisisReport') expect(text).toBe(op.name);
			}
		},
	);

	test('each literal subtitle is exactly the names of its Operation options (they cannot drift)', () => {
		expect(new Mentions().description.subtitle).toBe(expectedSubtitle(new Mentions(), '$parameter["operation"] === "getSample" ? "Sample: " + $parameter["sampleName"] : '));
		expect(new CrisisScore().description.subtitle).toBe(expectedSubtitle(new CrisisScore()));
		expect(new CrisisPlaybook().description.subtitle).toBe(expectedSubtitle(new CrisisPlaybook()));
	});

	test('Get Sample names the sample; the trigger lists its sources by name', () => {
		expect(subtitle(new Mentions(), { operation: 'getSample', sampleName: 'orvia-data-leak' })).toBe('Sample: orvia-data-leak');
		expect(subtitle(new MentionsTrigger(), { sources: ['hackernews', 'rss', 'appstore'] })).toBe('Hacker News, RSS / Atom Feeds, App Store Reviews');
		expect(subtitle(new MentionsTrigger(), {})).toBe('');
	});
});

describe('Mentions and Mentions Trigger in the node creator', () => {
	const mentions = new Mentions().description;
	const trigger = new MentionsTrigger().description;

	test('two descriptions: the node says on demand, the trigger says it starts a workflow', () => {
		expect(mentions.description).not.toBe(trigger.description);
		expect(mentions.description).toMatch(/on demand/);
		expect(mentions.description).not.toMatch(/start/i);
		expect(trigger.description).toMatch(/start a workflow on each new one/);
		expect(mentions.group).toEqual(['input']);
		expect(trigger.group).toEqual(['trigger']);
	});

	test('where n8n merges them (trigger name minus "Trigger" = a node with actions), the entry text fits both', () => {
		// n8n 2.41.1 editor, generateMergedNodesAndActions: the merged entry takes the trigger's description.
		expect(trigger.name.replace('Trigger', '')).toBe(mentions.name);
		expect(operationsOf(new Mentions()).every((o) => typeof o.action === 'string')).toBe(true);
		expect(trigger.description).toMatch(/trigger/);
		expect(trigger.description).toMatch(/search, read replies and import on demand/);
	});

	test('every action node stays usable as an AI tool', () => {
		for (const node of [new Mentions(), new CrisisScore(), new CrisisPlaybook(), new CrisisReport()]) expect(node.description.usableAsTool).toBe(true);
	});
});

describe('subtitles through n8n\'s own expression engine (n8n-workflow, as the editor evaluates them)', () => {
	const { Workflow } = require('n8n-workflow');
	const { makeNodeTypes } = require('../../helpers/workflowHarness');
	const nodeTypes = makeNodeTypes();
	const evaluate = (type, parameters) => {
		const node = { id: '1', name: 'N', type: `n8n-nodes-crisis-kit.${type}`, typeVersion: 1, position: [0, 0], parameters };
		const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes });
		const description = nodeTypes.getByNameAndVersion(node.type, 1).description;
		return workflow.expression.getSimpleParameterValue(node, description.subtitle, 'internal', {});
	};

	test('operation names, the sample name and the trigger sources come out as people read them', () => {
		expect(evaluate('crisisPlaybook', { operation: 'planResponse' })).toBe('Plan Response');
		expect(evaluate('crisisScore', { operation: 'assessSituation' })).toBe('Assess Situation');
		expect(evaluate('mentions', { operation: 'getReplies' })).toBe('Get Replies');
		expect(evaluate('mentions', { operation: 'getSample', sampleName: 'orvia-data-leak' })).toBe('Sample: orvia-data-leak');
		expect(evaluate('mentionsTrigger', { sources: ['reddit', 'hackernews'] })).toBe('Reddit, Hacker News');
	});
});
