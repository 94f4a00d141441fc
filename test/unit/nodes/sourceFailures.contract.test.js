// JavaScript on purpose: it reads recorded fixtures with fs, which strict lint forbids in .ts tests.
/**
 * The interface contract between the nodes and the templates (source failures):
 * 1. Mentions and Mentions Trigger always have two outputs, Mentions and Source Failures; the
 *    Source Failures option routes failure items (separate output, legacy error item, log only).
 * 2. Failure items never break the chain: Score Mentions passes them through untouched, the
 *    batch operations leave them out of the mentions and count them.
 * The chain test runs Trigger → Score → Assess with Reddit answering 429.
 */
const fs = require('fs');
const path = require('path');
const { Mentions } = require('../../../nodes/Mentions/Mentions.node');
const { MentionsTrigger } = require('../../../nodes/Mentions/MentionsTrigger.node');
const { CrisisScore } = require('../../../nodes/CrisisScore/CrisisScore.node');
const { CrisisReport } = require('../../../nodes/CrisisReport/CrisisReport.node');
const { CrisisPlaybook } = require('../../../nodes/CrisisPlaybook/CrisisPlaybook.node');
const { fakeExecuteFunctions } = require('../../helpers/fakeExecuteFunctions');
const { mentionsContext, asAnswer } = require('../../helpers/mentionsContext');

const FIX = path.join(__dirname, '../../fixtures');
const load = (p) => JSON.parse(fs.readFileSync(path.join(FIX, p), 'utf8'));
const RATE_LIMITED = () => {
	const answer = load('reddit/search.rateLimited.json');
	answer.headers['x-ratelimit-reset'] = '900';
	return answer;
};
/** Hacker News answers its recorded page (then an empty one); Reddit answers 429. */
const respond = ({ url, qs }) =>
	url.includes('algolia') ? asAnswer(load(qs.page ? 'hackernews/searchByDate.emptyPage.json' : 'hackernews/searchByDate.page1.json')) : RATE_LIMITED();
const QUERY = { keywords: 'vespa, java, plug', hashtags: '', accounts: '', exclusions: '', languages: '' };
const POLICY = { retryDelayMs: 1, maxWaitSeconds: 0, maxRetries: 0 };
const NOW = '2017-09-28T00:00:00Z';

async function poll(sourceFailures) {
	const options = { ...POLICY, ...(sourceFailures ? { sourceFailures } : {}) };
	const { ctx } = mentionsContext({ params: { sources: ['hackernews', 'reddit'], ...QUERY, options }, respond, staticData: {} });
	return await new MentionsTrigger().poll.call(ctx);
}

async function search(sourceFailures) {
	const options = { ...POLICY, ...(sourceFailures ? { sourceFailures } : {}) };
	const params = { operation: 'search', sources: ['hackernews', 'reddit'], ...QUERY, timeRange: 'custom', from: '2000-01-01T00:00:00Z', to: '', returnAll: false, limit: 50, options };
	const { ctx } = mentionsContext({ params, respond, mode: 'manual' });
	return await new Mentions().execute.call(ctx);
}

const score = async (items) =>
	await new CrisisScore().execute.call(fakeExecuteFunctions({ items, parameters: { operation: 'scoreMentions', options: { now: NOW } } }));
const assess = async (items) =>
	await new CrisisScore().execute.call(
		fakeExecuteFunctions({ items, parameters: { operation: 'assessSituation', mode: 'replay', documentSource: 'example', replayOutput: 'latest', situationOptions: { now: NOW } } }),
	);

describe('contract 1: two outputs, Mentions and Source Failures', () => {
	test('both nodes declare the two named outputs and the Source Failures option (default: separate output)', () => {
		for (const node of [new Mentions(), new MentionsTrigger()]) {
			expect(node.description.outputs.map((o) => o.displayName)).toEqual(['Mentions', 'Source Failures']);
		}
		const option = new MentionsTrigger().description.properties.find((p) => p.name === 'options').options.find((o) => o.name === 'sourceFailures');
		expect(option.default).toBe('separateOutput');
		expect(option.options.map((o) => o.value).sort()).toEqual(['errorItem', 'log', 'separateOutput']);
		const searchOptions = new Mentions().description.properties.find((p) => p.name === 'options' && p.displayOptions.show.operation.includes('search'));
		expect(searchOptions.options.some((o) => o.name === 'sourceFailures')).toBe(true);
	});

	test('trigger: by default the 429 is one item on output 2 with the unchanged shape; output 1 holds only mentions', async () => {
		const [mentions, failures] = await poll();
		expect(mentions.length).toBeGreaterThan(0);
		expect(mentions.every((m) => m.json.platform === 'hackernews' && !m.json.sourceFailure)).toBe(true);
		expect(failures).toHaveLength(1);
		expect(Object.keys(failures[0].json).sort()).toEqual(['error', 'errorDescription', 'sourceFailure']);
		expect(Object.keys(failures[0].json.sourceFailure).sort()).toEqual(['attempts', 'credential', 'cursorMoved', 'kind', 'retryAt', 'source', 'status', 'stream'].sort());
		expect(failures[0].json.sourceFailure).toMatchObject({ source: 'reddit', kind: 'rateLimited', status: 429, credential: null, cursorMoved: false });
		expect(Date.parse(failures[0].json.sourceFailure.retryAt)).toBeGreaterThan(Date.now());
	});

	test('trigger: "errorItem" puts the failure in output 1 (legacy), "log" emits it nowhere', async () => {
		const [legacy, none] = await poll('errorItem');
		expect(none).toEqual([]);
		expect(legacy.filter((i) => i.json.sourceFailure)).toHaveLength(1);
		expect(legacy.filter((i) => i.json.platform === 'hackernews').length).toBeGreaterThan(0);
		const [logged, nothing] = await poll('log');
		expect(nothing).toEqual([]);
		expect(logged.some((i) => i.json.sourceFailure)).toBe(false);
		expect(logged.length).toBe(legacy.length - 1);
	});

	test('Mentions › Search: same routing, every item paired to its input', async () => {
		const [mentions, failures] = await search();
		expect(mentions.length).toBeGreaterThan(0);
		expect(mentions.some((m) => m.json.sourceFailure)).toBe(false);
		expect(failures).toHaveLength(1);
		expect(failures[0]).toMatchObject({ json: { sourceFailure: { source: 'reddit', kind: 'rateLimited' } }, pairedItem: { item: 0 } });
		const [legacy, empty] = await search('errorItem');
		expect(empty).toEqual([]);
		expect(legacy.filter((i) => i.json.sourceFailure)).toHaveLength(1);
		const [logged, none] = await search('log');
		expect(none).toEqual([]);
		expect(logged).toHaveLength(mentions.length);
	});

	test('operations that never fetch (Get Sample, Normalize) put nothing on output 2', async () => {
		const sample = await new Mentions().execute.call(
			fakeExecuteFunctions({ parameters: { operation: 'getSample', sampleName: 'orvia-data-leak', options: { maxMentions: 5 } } }),
		);
		expect(sample).toHaveLength(2);
		expect(sample[0].length).toBeGreaterThan(0);
		expect(sample[1]).toEqual([]);
		const normalized = await new Mentions().execute.call(
			fakeExecuteFunctions({
				items: [{ json: { Url: 'https://example.com/a', 'Full Text': 'Orvia is down', Author: 'someone', Date: '2026-03-05T09:00:00Z' } }],
				parameters: { operation: 'normalize', inputFormat: 'items', preset: 'brandwatch', includeRaw: false, toolName: '' },
				continueOnFail: true,
			}),
		);
		expect(normalized).toHaveLength(2);
		expect(normalized[1]).toEqual([]);
	});
});

describe('contract 2: failure items never break the chain', () => {
	test('Trigger (Reddit 429, legacy error item in output 1) → Score → Assess: the others are scored and assessed, the failure counted', async () => {
		const [withFailure] = await poll('errorItem');
		const failureIndex = withFailure.findIndex((i) => i.json.sourceFailure);
		const [scored] = await score(withFailure);
		expect(scored).toHaveLength(withFailure.length);
		// The failure item passes through untouched, paired to its input.
		expect(scored[failureIndex]).toEqual({ json: withFailure[failureIndex].json, pairedItem: { item: failureIndex } });
		const mentions = scored.filter((i) => !i.json.sourceFailure);
		expect(mentions.length).toBeGreaterThan(0);
		for (const m of mentions) expect(typeof m.json.crisis.risk === 'number' || m.json.crisis.risk === null).toBe(true);
		const levels = await assess(scored);
		const [situation] = levels.flat();
		expect(situation.json.sourceFailures).toEqual([{ source: 'reddit', kind: 'rateLimited', retryAt: withFailure[failureIndex].json.sourceFailure.retryAt }]);
		expect(situation.json.reasons[situation.json.reasons.length - 1]).toBe(
			`1 source failed: reddit rate-limited until ${withFailure[failureIndex].json.sourceFailure.retryAt}; judged on the others`,
		);
		// Judged on the others: the same level and metrics as without the failure item.
		const [clean] = (await assess(mentions)).flat();
		expect(situation.json.level).toBe(clean.json.level);
		expect(situation.json.metrics).toEqual(clean.json.metrics);
		expect(clean.json.sourceFailures).toBeUndefined();
	});

	test('Trigger (default routing) → Score → Assess: output 1 scores cleanly, no failure reason', async () => {
		const [mentions] = await poll();
		const [scored] = await score(mentions);
		expect(scored.every((i) => i.json.crisis)).toBe(true);
		const [situation] = (await assess(scored)).flat();
		expect(situation.json.sourceFailures).toBeUndefined();
		expect(situation.json.reasons.some((r) => r.includes('source failed'))).toBe(false);
	});

	const sample = require('../../../samples/orvia-data-leak.sample.json');
	const failure = (source, kind, retryAt = null) => ({ json: { error: `${source}: HTTP 429`, errorDescription: 'hint', sourceFailure: { source, stream: 's', kind, status: 429, retryAt, credential: null, attempts: 1, cursorMoved: false } } });

	test('Backtest and Crisis Report leave failure items out of the mentions and list them', async () => {
		const mentions = sample.mentions.slice(0, 120).map((m) => ({ json: m }));
		const items = [failure('reddit', 'rateLimited', '2026-03-05T10:40:00.000Z'), ...mentions, failure('x', 'forbidden'), failure('reddit', 'rateLimited', '2026-03-05T10:40:00.000Z')];
		const [[backtest]] = await new CrisisScore().execute.call(
			fakeExecuteFunctions({ items, parameters: { operation: 'backtest', documentSource: 'example', incidents: {}, backtestOptions: { now: '2026-03-08T00:00:00Z' } } }),
		);
		expect(backtest.json.sourceFailures).toEqual([
			{ source: 'reddit', kind: 'rateLimited', retryAt: '2026-03-05T10:40:00.000Z' },
			{ source: 'x', kind: 'forbidden', retryAt: null },
		]);
		const [[report]] = await new CrisisReport().execute.call(
			fakeExecuteFunctions({ items, parameters: { operation: 'generate', title: '', documentSource: 'example', outputs: [], options: { now: '2026-03-08T00:00:00Z' } } }),
		);
		expect(report.json.range.mentions).toBe(120);
		expect(report.json.skippedItems).toBeUndefined();
		expect(report.json.sourceFailures).toHaveLength(2);
	});

	test('Crisis Playbook › Plan Response and Close Incident leave failure items out and count them', async () => {
		const situation = { level: 'alert', windowStart: '2026-03-05T09:00:00Z', windowEnd: '2026-03-05T09:15:00Z', assessedAt: '2026-03-05T09:15:00Z', reasons: ['r'], metrics: {}, themes: [] };
		const [plans] = await new CrisisPlaybook().execute.call(
			fakeExecuteFunctions({
				items: [failure('reddit', 'rateLimited'), { json: situation }],
				parameters: { operation: 'planResponse', documentSource: 'example', incidentId: 'inc-1', mentions: '', timeline: '', planOptions: { now: '2026-03-05T09:15:00Z' } },
			}),
		);
		expect(plans).toHaveLength(1);
		expect(plans[0].pairedItem).toEqual({ item: 1 });
		expect(plans[0].json.sourceFailures).toEqual([{ source: 'reddit', kind: 'rateLimited', retryAt: null }]);
		const event = plans[0].json.timelineEvent;
		const [[review]] = await new CrisisPlaybook().execute.call(
			fakeExecuteFunctions({
				items: [{ json: event }, failure('x', 'forbidden')],
				parameters: { operation: 'closeIncident', documentSource: 'example', incidentId: 'inc-1', timeline: '', mentions: '', backtest: '', closeOptions: { now: '2026-03-05T13:00:00Z' } },
			}),
		);
		expect(review.json.eventsRead).toBe(1);
		expect(review.json.sourceFailures).toEqual([{ source: 'x', kind: 'forbidden', retryAt: null }]);
	});
});
