import type { INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { CrisisReport } from '../../../nodes/CrisisReport/CrisisReport.node';
import { getSample } from '../../../core/samples/sampleCatalog';
import { fakeExecuteFunctions } from '../../helpers/fakeExecuteFunctions';

const sample = getSample('orvia-data-leak');
const node = new CrisisReport();

function ctxWith(items: INodeExecutionData[], parameters: Record<string, unknown>, continueOnFail = false) {
	const ctx = fakeExecuteFunctions({ items, parameters, continueOnFail });
	const binaries: Array<{ data: string; fileName: string; mimeType: string }> = [];
	(ctx.helpers as unknown as Record<string, unknown>).prepareBinaryData = async (data: Uint8Array, fileName: string, mimeType: string) => {
		const text = new TextDecoder().decode(data);
		binaries.push({ data: text, fileName, mimeType });
		return { data: text, fileName, mimeType };
	};
	return { ctx, binaries };
}

const params = {
	operation: 'generate',
	title: 'Orvia data leak',
	documentSource: 'example',
	outputs: ['html', 'markdown'],
	options: { now: '2026-03-08T00:00:00Z', timeZone: 'Europe/Paris', brand: 'Orvia' },
};

describe('Crisis Report node', () => {
	test('from lean scored items (Score › Output Detail › summary) the report is the one full items give', async () => {
		const { CrisisScore } = await import('../../../nodes/CrisisScore/CrisisScore.node');
		const score = new CrisisScore();
		const scored = async (detail: string) => {
			const [out] = await score.execute.call(
				fakeExecuteFunctions({ items: sample.mentions.map((m) => ({ json: { ...m } as never })), parameters: { operation: 'scoreMentions', options: { now: '2026-03-08T00:00:00Z', detail } } }),
			);
			return out.map((o) => ({ json: o.json }));
		};
		const full = ctxWith(await scored('factors'), params);
		const lean = ctxWith(await scored('summary'), params);
		const [a] = await node.execute.call(full.ctx);
		const [b] = await node.execute.call(lean.ctx);
		expect(b[0].json).toEqual(a[0].json);
		expect(lean.binaries.map((x) => x.data)).toEqual(full.binaries.map((x) => x.data));
		expect(full.binaries.length).toBe(2);
	});

	test('one report item from the sample: metrics in JSON, HTML and Markdown attached, paired to every input', async () => {
		const items = sample.mentions.map((m) => ({ json: { ...m } as never }));
		const { ctx, binaries } = ctxWith(items, params);
		const [out] = await node.execute.call(ctx);
		expect(out).toHaveLength(1);
		const m = out[0].json as { range: { mentions: number }; phases: { source: string }; situationsAssessedByReport: number; brand: string };
		expect(m.range.mentions).toBe(638);
		expect(m.brand).toBe('Orvia');
		expect(m.phases.source).toBe('situations');
		expect(m.situationsAssessedByReport).toBeGreaterThan(500);
		expect(Object.keys(out[0].binary ?? {})).toEqual(['report_html', 'report_md']);
		expect(binaries[0]).toEqual(expect.objectContaining({ fileName: 'crisis-report-2026-03-08.html', mimeType: 'text/html' }));
		expect(binaries[0].data).toContain('<svg');
		expect(binaries[0].data).not.toMatch(/<script/i);
		expect(binaries[1].data).toContain('# Orvia data leak');
		expect((out[0].pairedItem as unknown[]).length).toBe(638);
	});

	test('situations and timeline events in the input are recognised by their fields', async () => {
		const items: INodeExecutionData[] = [
			...sample.mentions.slice(0, 50).map((m) => ({ json: { ...m } as never })),
			{ json: { type: 'statementApproved', at: '2026-03-02T10:00:00Z', actor: 'comms' } },
			{ json: { level: 'alert', windowStart: '2026-03-02T08:00:00Z', windowEnd: '2026-03-02T09:00:00Z', assessedAt: '2026-03-02T09:00:00Z', reasons: [], metrics: {}, themes: [] } },
			{ json: { hello: 'world' } },
		];
		const { ctx } = ctxWith(items, { ...params, outputs: [] });
		const [out] = await node.execute.call(ctx);
		const m = out[0].json as { timeline: unknown[]; skippedItems: string[]; situationsAssessedByReport?: number };
		expect(m.timeline).toHaveLength(1);
		expect(m.situationsAssessedByReport).toBeUndefined();
		expect(m.skippedItems).toEqual(['Item 52: neither a mention, a situation nor a timeline event']);
		expect(out[0].binary).toEqual({});
	});

	test('no mention, a malformed mention or half a phase override is a NodeOperationError', async () => {
		const none = await node.execute.call(ctxWith([{ json: { hello: 1 } }], params).ctx).catch((e) => e);
		expect(none).toBeInstanceOf(NodeOperationError);
		expect(none.message).toBe('No mention to report on');
		const bad = await node.execute
			.call(ctxWith([{ json: { ...sample.mentions[0], publishedAt: 'soon' } as never }], params).ctx)
			.catch((e) => e);
		expect(bad.message).toContain('Item 0 is not a valid mention: publishedAt');
		const half = await node.execute
			.call(ctxWith([{ json: { ...sample.mentions[0] } as never }], { ...params, options: { duringStart: '2026-03-05T06:00:00Z' } }).ctx)
			.catch((e) => e);
		expect(half.message).toBe('Set both "During Starts" and "During Ends", the end after the start (or neither)');
	});
});
