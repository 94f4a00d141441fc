import type { INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { CrisisScore } from '../../../nodes/CrisisScore/CrisisScore.node';
import { getSample } from '../../../core/samples/sampleCatalog';
import { fakeExecuteFunctions } from '../../helpers/fakeExecuteFunctions';

const sample = getSample('orvia-data-leak');
const items = (list = sample.mentions): INodeExecutionData[] => list.map((m) => ({ json: { ...m } as never }));
const node = new CrisisScore();

describe('Crisis Score node › Assess Situation', () => {
	test('replay routes each situation to the output of its level', async () => {
		const outputs = await node.execute.call(
			fakeExecuteFunctions({
				items: items(),
				parameters: { operation: 'assessSituation', mode: 'replay', documentSource: 'example', replayOutput: 'changes', situationOptions: { now: '2026-03-08T00:00:00Z' } },
			}),
		);
		expect(outputs).toHaveLength(5);
		const levels = ['calm', 'watch', 'alert', 'crisis', 'critical'];
		outputs.forEach((out, k) => out.forEach((o) => expect(o.json.level).toBe(levels[k])));
		expect(outputs[3].length).toBeGreaterThan(0);
		for (const o of outputs.flat()) expect(Array.isArray(o.pairedItem) && (o.pairedItem as unknown[]).length > 0).toBe(true);
	});

	test('after a lean Score (Output Detail › summary) the situations are the same as after a full one', async () => {
		const scored = async (detail: string) => {
			const [out] = await node.execute.call(fakeExecuteFunctions({ items: items(), parameters: { operation: 'scoreMentions', options: { now: '2026-03-08T00:00:00Z', detail } } }));
			return out.map((o) => ({ json: o.json }));
		};
		const assess = (input: INodeExecutionData[]) =>
			node.execute.call(
				fakeExecuteFunctions({
					items: input,
					parameters: { operation: 'assessSituation', mode: 'replay', documentSource: 'example', replayOutput: 'changes', situationOptions: { now: '2026-03-08T00:00:00Z' } },
				}),
			);
		const lean = await scored('summary');
		expect(lean.every((o) => Array.isArray((o.json.crisis as { factors: unknown[] }).factors) && (o.json.crisis as { factors: unknown[] }).factors.length === 0)).toBe(true);
		const [a, b] = await Promise.all([assess(await scored('factors')), assess(lean)]);
		expect(b).toEqual(a);
		expect(a[3].length).toBeGreaterThan(0);
	});

	test('live mode keeps its state in static data and resumes from it', async () => {
		const staticData: Record<string, unknown> = {};
		const day1 = sample.mentions.filter((m) => m.publishedAt < '2026-03-03T00:00:00Z');
		const run1 = await node.execute.call(
			fakeExecuteFunctions({ items: items(day1), staticData, parameters: { operation: 'assessSituation', mode: 'live', documentSource: 'example', situationOptions: { now: '2026-03-03T00:00:00Z' } } }),
		);
		expect(run1[0]).toHaveLength(1);
		expect(run1[0][0].json.metrics).toEqual(expect.objectContaining({ bucketsClosed: 88 }));
		const state = staticData.situation as { nextBucket: number };
		expect(state.nextBucket).toBe(Date.parse('2026-03-03T00:00:00Z'));
		const spike = sample.mentions.filter((m) => m.publishedAt >= '2026-03-03T00:00:00Z' && m.publishedAt < '2026-03-05T12:00:00Z');
		const run2 = await node.execute.call(
			fakeExecuteFunctions({ items: items(spike), staticData, parameters: { operation: 'assessSituation', mode: 'live', documentSource: 'example', situationOptions: { now: '2026-03-05T12:00:00Z' } } }),
		);
		expect(run2[3]).toHaveLength(1);
		expect(run2[3][0].json).toEqual(expect.objectContaining({ level: 'crisis', notify: true, changed: true }));
	});

	test('a corrupted static state is reset with a warning field, not a crash', async () => {
		const staticData: Record<string, unknown> = { situation: { version: 1, bucketMinutes: 15, open: 42 } };
		const out = await node.execute.call(
			fakeExecuteFunctions({ items: items(sample.mentions.slice(0, 5)), staticData, parameters: { operation: 'assessSituation', mode: 'live', documentSource: 'example', situationOptions: { now: '2026-03-02T06:00:00Z' } } }),
		);
		expect(out[0][0].json.warning).toMatch(/Situation state reset: stored state is corrupted/);
	});

	test('duplicates and future mentions are dropped and counted', async () => {
		const list = sample.mentions.slice(0, 20);
		const future = { ...list[0], id: 'x:999', nativeId: '999', publishedAt: '2031-01-01T00:00:00Z' };
		const out = await node.execute.call(
			fakeExecuteFunctions({
				items: items([...list, ...list.slice(0, 3), future]),
				parameters: { operation: 'assessSituation', mode: 'replay', documentSource: 'example', replayOutput: 'latest', situationOptions: { now: '2026-03-03T00:00:00Z' } },
			}),
		);
		const s = out.flat()[0].json as { metrics: Record<string, number> };
		expect(s.metrics.duplicateMentions).toBe(3);
		expect(s.metrics.futureMentions).toBe(1);
	});

	test('an empty replay, a malformed mention or an invalid document is a NodeOperationError', async () => {
		const empty = await node.execute
			.call(fakeExecuteFunctions({ items: [], parameters: { operation: 'assessSituation', mode: 'replay', documentSource: 'example', situationOptions: {} } }))
			.catch((e) => e);
		expect(empty).toBeInstanceOf(NodeOperationError);
		expect(empty.message).toBe('Nothing to replay: no valid mention in the input');
		const bad = await node.execute
			.call(fakeExecuteFunctions({ items: [{ json: { ...sample.mentions[0], publishedAt: null } as never }], parameters: { operation: 'assessSituation', mode: 'live', documentSource: 'example', situationOptions: {} } }))
			.catch((e) => e);
		expect(bad.message).toContain('Item 0 is not a valid mention (publishedAt)');
		const doc = await node.execute
			.call(fakeExecuteFunctions({ items: items(sample.mentions.slice(0, 2)), parameters: { operation: 'assessSituation', mode: 'live', documentSource: 'json', crisisDocument: '{"schemaVersion": 1}', situationOptions: {} } }))
			.catch((e) => e);
		expect(doc).toBeInstanceOf(NodeOperationError);
		expect(doc.message).toMatch(/^The crisis document is invalid: /);
	});

	test('with Continue On Fail, malformed mentions become error items and the rest is assessed', async () => {
		const out = await node.execute.call(
			fakeExecuteFunctions({
				continueOnFail: true,
				items: [{ json: { nope: true } }, ...items(sample.mentions.slice(0, 10))],
				parameters: { operation: 'assessSituation', mode: 'replay', documentSource: 'example', replayOutput: 'latest', situationOptions: { now: '2026-03-03T00:00:00Z' } },
			}),
		);
		const errors = out.flat().filter((o) => o.json.error);
		expect(errors).toHaveLength(1);
		expect(errors[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('Crisis Score node › Backtest', () => {
	test('measures the detection delay of a labelled incident', async () => {
		const [out] = await node.execute.call(
			fakeExecuteFunctions({
				items: items(),
				parameters: {
					operation: 'backtest',
					documentSource: 'example',
					incidents: { incident: [{ label: 'OrviaLeak', start: '2026-03-05T06:00:00Z', end: '2026-03-06T12:00:00Z' }] },
					backtestOptions: { now: '2026-03-08T00:00:00Z' },
				},
			}),
		);
		const r = out[0].json as { incidents: Array<{ delayMinutes: number; maxLevel: string }>; alertsPerWeek: number; suggestedThresholds: { levels: Record<string, { thresholds: { minVolumeRatio: number } }>; reasons: string[] } };
		expect(r.incidents[0].maxLevel).toBe('crisis');
		expect(r.incidents[0].delayMinutes).toBeLessThanOrEqual(240);
		expect(r.suggestedThresholds.levels.alert.thresholds.minVolumeRatio).toBeGreaterThan(r.suggestedThresholds.levels.watch.thresholds.minVolumeRatio);
		expect(r.suggestedThresholds.reasons.join(' ')).toMatch(/alert: volume [\d.]+× and at least \d+ mentions per window/);
	});

	test('a past counts series (timestamp + count, no texts) is backtested on volume, with suggested thresholds', async () => {
		const t0 = Date.parse('2026-01-05T00:00:00Z');
		const counts = Array.from({ length: 14 * 96 }, (_, k) => ({ json: { timestamp: new Date(t0 + k * 900000).toISOString(), count: k >= 13 * 96 && k < 13 * 96 + 4 ? 60 : 8 + (k % 5) } }));
		const [out] = await node.execute.call(
			fakeExecuteFunctions({ items: counts, parameters: { operation: 'backtest', documentSource: 'example', incidents: {}, backtestOptions: { now: new Date(t0 + 14 * 86400000).toISOString() } } }),
		);
		const r = out[0].json as { input: string; buckets: number; suggestedThresholds: { textsKnown: boolean; levels: Record<string, unknown> } };
		expect(r.input).toBe('counts');
		expect(r.buckets).toBe(14 * 96);
		expect(r.suggestedThresholds.textsKnown).toBe(false);
		expect(Object.keys(r.suggestedThresholds.levels)).toEqual(['watch', 'alert', 'crisis', 'critical']);
		expect(out[0].pairedItem).toHaveLength(counts.length);
	});

	test('an incident without a valid start is refused', async () => {
		const error = await node.execute
			.call(fakeExecuteFunctions({ items: items(sample.mentions.slice(0, 3)), parameters: { operation: 'backtest', documentSource: 'example', incidents: { incident: [{ start: 'x', end: '' }] }, backtestOptions: {} } }))
			.catch((e) => e);
		expect(error.message).toBe('Labelled incident 1 needs a Start before its End');
	});
});
