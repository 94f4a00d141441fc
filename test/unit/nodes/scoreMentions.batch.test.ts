import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { CrisisScore } from '../../../nodes/CrisisScore/CrisisScore.node';
import { getSample } from '../../../core/samples/sampleCatalog';
import { scoreMention } from '../../../core/scoring/scoreMention';
import { fakeExecuteFunctions } from '../../helpers/fakeExecuteFunctions';

const sample = getSample('orvia-data-leak').mentions;
const NOW = '2026-03-08T00:00:00Z';

/** A fake context that counts getNodeParameter('options') calls and exposes raw node parameters. */
function context(items: INodeExecutionData[], options: unknown, rawOptions: unknown = options, continueOnFail = false) {
	const ctx = fakeExecuteFunctions({ items, parameters: { operation: 'scoreMentions', options }, continueOnFail });
	const calls = { options: 0 };
	const get = ctx.getNodeParameter.bind(ctx);
	const node = ctx.getNode();
	Object.assign(ctx, {
		getNode: () => ({ ...node, parameters: { operation: 'scoreMentions', options: rawOptions } }),
		getNodeParameter: (name: string, i: number, fallback?: unknown) => {
			if (name === 'options') calls.options++;
			return (get as (n: string, i: number, f?: unknown) => unknown)(name, i, fallback);
		},
	});
	return { ctx: ctx as IExecuteFunctions, calls };
}

describe('Crisis Score › Score Mentions on a batch', () => {
	const node = new CrisisScore();
	const items = (n: number): INodeExecutionData[] => sample.slice(0, n).map((m) => ({ json: { ...m } as never }));

	test('fixed options are read once for the whole batch; an expression among them is read per item', async () => {
		const fixed = context(items(20), { now: NOW });
		await node.execute.call(fixed.ctx);
		expect(fixed.calls.options).toBe(1);
		const driven = context(items(20), { now: NOW }, { now: '={{ $json.publishedAt }}' });
		await node.execute.call(driven.ctx);
		expect(driven.calls.options).toBe(20);
	});

	test('crisis comes first in each output item, then the input fields in their order; the input is not changed', async () => {
		const input = items(3);
		const before = JSON.stringify(input);
		const [out] = await node.execute.call(context(input, { now: NOW }).ctx);
		expect(Object.keys(out[0].json)).toEqual(['crisis', ...Object.keys(sample[0])]);
		expect(JSON.stringify(input)).toBe(before);
	});

	test('the score equals scoreMention on the record, on the fast path and on the full path alike', async () => {
		const canonical = sample[5];
		const offset = { ...canonical, publishedAt: canonical.publishedAt.replace('Z', '+00:00'), language: canonical.language?.toUpperCase() ?? null };
		const [out] = await node.execute.call(context([{ json: { ...canonical } as never }, { json: offset as never }], { now: NOW }).ctx);
		const expected = scoreMention(canonical, {}, new Date(NOW).toISOString());
		expect(out[0].json.crisis).toEqual(expected);
		expect(out[1].json.crisis).toEqual(expected);
	});

	test('a rescored item gets the new score in first position, not the old one', async () => {
		const [out] = await node.execute.call(context([{ json: { ...sample[0], crisis: { risk: -1 } } as never }], { now: NOW }).ctx);
		expect(Object.keys(out[0].json)[0]).toBe('crisis');
		expect((out[0].json.crisis as { risk: number }).risk).toBeGreaterThanOrEqual(0);
	});

	test('a source-failure item passes through untouched, paired to its input, between scored items', async () => {
		const failure = { error: 'reddit: 429', errorDescription: 'rate-limited', sourceFailure: { source: 'reddit', kind: 'rateLimited', status: 429 } };
		const [out] = await node.execute.call(context([{ json: { ...sample[0] } as never }, { json: failure }, { json: { ...sample[1] } as never }], { now: NOW }).ctx);
		expect(out).toHaveLength(3);
		expect(out[1]).toEqual({ json: failure, pairedItem: { item: 1 } });
		expect(out[0].json.crisis).toBeDefined();
		expect(out[2].json.crisis).toBeDefined();
	});

	test('Output Detail › summary: the same risk, sentiment, themes and reasons, factors left empty, about half the bytes', async () => {
		const input = items(60);
		const [full] = await node.execute.call(context(input, { now: NOW }).ctx);
		const [lean] = await node.execute.call(context(input, { now: NOW, detail: 'summary' }).ctx);
		let fullBytes = 0;
		let leanBytes = 0;
		for (let k = 0; k < input.length; k++) {
			const f = full[k].json.crisis as Record<string, unknown>;
			const l = lean[k].json.crisis as Record<string, unknown>;
			expect(l.factors).toEqual([]);
			expect((f.factors as unknown[]).length).toBeGreaterThan(0);
			expect({ ...l, factors: null }).toEqual({ ...f, factors: null });
			fullBytes += JSON.stringify(f).length;
			leanBytes += JSON.stringify(l).length;
		}
		expect(leanBytes).toBeLessThan(fullBytes * 0.5);
		// A negative mention's summary still names what raised the risk, with its points.
		const negative = lean.find((o) => ((o.json.crisis as { risk: number }).risk ?? 0) >= 30);
		expect((negative?.json.crisis as { reasons: string[] }).reasons[0]).toMatch(/^risk \d+\/100, mainly from \w+ \(\+[\d.]+\)/);
	});

	test('an invalid fixed Now still fails on item 0, and with Continue On Fail gives one error item per item', async () => {
		const error = await node.execute.call(context(items(2), { now: 'soon' }).ctx).catch((e) => e);
		expect(error.message).toBe('Option "Now" of item 0 is not a date: "soon"');
		const [out] = await node.execute.call(context(items(2), { now: 'soon' }, { now: 'soon' }, true).ctx);
		expect(out.map((o) => o.json.error)).toEqual(['Option "Now" of item 0 is not a date: "soon"', 'Option "Now" of item 1 is not a date: "soon"']);
	});
	test('Scored Languages: an untagged text that does not tell is scored in the first language listed; another language is left unscored', async () => {
		const headline = { ...sample[0], id: 'x:lang-1', title: null, text: 'Orvia outage hits northern towns overnight', language: null };
		const english = { ...sample[0], id: 'x:lang-2', text: 'The Orvia app is down again, this is terrible', language: 'en' };
		const input: INodeExecutionData[] = [{ json: headline as never }, { json: english as never }];
		const [byDefault] = await node.execute.call(context(input, { now: NOW }).ctx);
		expect(byDefault.map((o) => (o.json.crisis as { language: string }).language)).toEqual(['en', 'en']);
		const frOnly = context(input, { now: NOW, languages: ['fr'] });
		const [french] = await node.execute.call(frOnly.ctx);
		expect(frOnly.calls.options).toBe(1); // a fixed multiple choice is read once for the batch
		const crisis = french.map((o) => o.json.crisis as { language: string; unscored: boolean; risk: number | null; reasons: string[] });
		expect(crisis[0]).toMatchObject({ language: 'fr', unscored: false });
		expect(crisis[1]).toMatchObject({ language: 'en', unscored: true, risk: null });
		expect(crisis[1].reasons[0]).toMatch(/not among the scored languages \(fr\)/);
		const [both] = await node.execute.call(context(input, { now: NOW, languages: ['fr', 'en'] }).ctx);
		expect(both.map((o) => (o.json.crisis as { language: string }).language)).toEqual(['fr', 'en']);
	});

	test('Scored Languages with nothing chosen fails clearly instead of leaving every mention unscored', async () => {
		const error = await node.execute.call(context(items(1), { now: NOW, languages: [] }).ctx).catch((e) => e);
		expect(error.message).toBe('Option "Scored Languages" of item 0 lists no language Crisis Kit scores');
	});
});
