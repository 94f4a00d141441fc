// Bring your own model: a sentiment computed upstream (here a real n8n-nodes-base Set node
// writes it where n8n's AI Sentiment Analysis node would) replaces Crisis Kit's lexicon in
// Crisis Score → Score Mentions, end to end through n8n's WorkflowExecute.
const { runWorkflow } = require('../helpers/workflowHarness');

function mention(id, text, language) {
	return {
		id: `x:${id}`,
		platform: 'x',
		source: 'x',
		nativeId: String(id),
		url: null,
		publishedAt: '2026-03-05T09:00:00.000Z',
		title: null,
		text,
		language,
		author: { id: null, handle: 'alice', name: null, url: null, followers: 1200, verified: false },
		engagement: { likes: 3, shares: 1, replies: 0, views: null },
		inReplyToId: null,
		rating: null,
		hashtags: [],
	};
}

const setRaw = (name, json, y) => ({
	id: name,
	name,
	type: 'n8n-nodes-base.set',
	typeVersion: 3.4,
	position: [220, y],
	parameters: { mode: 'raw', jsonOutput: JSON.stringify(json), options: {} },
});

const setField = (name, field, expression, type, y) => ({
	id: name,
	name,
	type: 'n8n-nodes-base.set',
	typeVersion: 3.4,
	position: [440, y],
	parameters: {
		mode: 'manual',
		includeOtherFields: true,
		assignments: { assignments: [{ id: `${name}-1`, name: field, value: expression, type }] },
		options: {},
	},
});

const score = (name, sentimentField, y) => ({
	id: name,
	name,
	type: 'n8n-nodes-crisis-kit.crisisScore',
	typeVersion: 1,
	position: [660, y],
	parameters: { operation: 'scoreMentions', options: { now: '2026-03-05T11:00:00Z', sentimentField } },
});

const workflow = {
	name: 'upstream sentiment',
	nodes: [
		{ id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 200], parameters: {} },
		// A: English text the lexicon reads as positive; the model upstream says Negative (n8n AI Sentiment Analysis shape).
		setRaw('Mention A', mention(1, 'Great news, lovely update from Orvia!', 'en'), 0),
		setField('AI sentiment A', 'sentimentAnalysis', "={{ { category: 'Negative', strength: 0.9 } }}", 'object', 0),
		score('Score A', 'sentimentAnalysis', 0),
		// B: German (no built-in lexicon): unscored alone, scored with any field holding a label.
		setRaw('Mention B', mention(2, 'Das ist eine Katastrophe, Orvia', 'de'), 200),
		setField('Model label B', 'model.label', '=negative', 'string', 200),
		score('Score B', 'model.label', 200),
		// C: the field is named but the value is not a sentiment: the lexicon is used and the reasons say why.
		setRaw('Mention C', mention(3, 'Great news, lovely update from Orvia!', 'en'), 400),
		setField('Bad field C', 'sentimentAnalysis', '=banana', 'string', 400),
		score('Score C', 'sentimentAnalysis', 400),
		// D: no upstream field at all, same German text: unscored.
		setRaw('Mention D', mention(4, 'Das ist eine Katastrophe, Orvia', 'de'), 600),
		score('Score D', '', 600),
	],
	connections: {
		Start: {
			main: [
				[
					{ node: 'Mention A', type: 'main', index: 0 },
					{ node: 'Mention B', type: 'main', index: 0 },
					{ node: 'Mention C', type: 'main', index: 0 },
					{ node: 'Mention D', type: 'main', index: 0 },
				],
			],
		},
		'Mention A': { main: [[{ node: 'AI sentiment A', type: 'main', index: 0 }]] },
		'AI sentiment A': { main: [[{ node: 'Score A', type: 'main', index: 0 }]] },
		'Mention B': { main: [[{ node: 'Model label B', type: 'main', index: 0 }]] },
		'Model label B': { main: [[{ node: 'Score B', type: 'main', index: 0 }]] },
		'Mention C': { main: [[{ node: 'Bad field C', type: 'main', index: 0 }]] },
		'Bad field C': { main: [[{ node: 'Score C', type: 'main', index: 0 }]] },
		'Mention D': { main: [[{ node: 'Score D', type: 'main', index: 0 }]] },
	},
};

function only(run, node) {
	const runs = run.data.resultData.runData[node];
	if (!runs) throw new Error(`node "${node}" did not run`);
	const items = runs[0].data.main[0];
	expect(items).toHaveLength(1);
	expect(items[0].pairedItem).toEqual({ item: 0 });
	return items[0].json;
}

describe('upstream sentiment (bring your own model) through Crisis Score', () => {
	let run;
	beforeAll(async () => {
		const result = await runWorkflow(workflow);
		expect(result.error).toBeUndefined();
		run = result.run;
	}, 120000);

	it("uses n8n AI Sentiment Analysis's { category, strength } instead of the lexicon, and says so", () => {
		const out = only(run, 'Score A');
		expect(out.sentimentAnalysis).toEqual({ category: 'Negative', strength: 0.9 });
		expect(out.crisis.sentiment).toEqual({ label: 'negative', score: -0.9, source: 'upstream', field: 'sentimentAnalysis' });
		expect(out.crisis.reasons.join(' ')).toMatch(/sentiment taken from sentimentAnalysis \(negative\)/);
		const factor = out.crisis.factors.find((f) => f.name === 'sentiment');
		expect(factor.contribution).toBeGreaterThan(25);
	});

	it('scores a language without a built-in lexicon from any field holding a label', () => {
		const out = only(run, 'Score B');
		expect(out.crisis.unscored).toBe(false);
		expect(out.crisis.risk).not.toBeNull();
		expect(out.crisis.sentiment).toMatchObject({ label: 'negative', source: 'upstream', field: 'model.label' });
	});

	it('falls back to the lexicon when the field holds no sentiment, and says why', () => {
		const out = only(run, 'Score C');
		expect(out.crisis.sentiment.source).toBe('lexicon');
		expect(out.crisis.sentiment.label).toBe('positive');
		expect(out.crisis.reasons.join(' ')).toMatch(/the sentiment at 'sentimentAnalysis' was not understood/);
	});

	it('leaves the same German mention unscored without an upstream sentiment', () => {
		const out = only(run, 'Score D');
		expect(out.crisis).toMatchObject({ risk: null, unscored: true });
	});
});
