/**
 * Contract 3: the crisis document is chosen explicitly. Every node and operation that reads it
 * has "Crisis Document Source" (JSON by default, or the fictional Orvia example); with JSON and
 * an empty field the node fails and says how to load a document. The example is never used
 * silently. Continue On Fail turns that error into the same error item everywhere.
 */
import type { INodeExecutionData, INodeProperties, INodeType } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { CrisisPlaybook } from '../../../nodes/CrisisPlaybook/CrisisPlaybook.node';
import { CrisisReport } from '../../../nodes/CrisisReport/CrisisReport.node';
import { CrisisScore } from '../../../nodes/CrisisScore/CrisisScore.node';
import { getSample } from '../../../core/samples/sampleCatalog';
import { fakeExecuteFunctions } from '../../helpers/fakeExecuteFunctions';

const sample = getSample('orvia-data-leak');
const mentionItems = (): INodeExecutionData[] => sample.mentions.slice(0, 40).map((m) => ({ json: { ...m } as never }));
const situationItem = (): INodeExecutionData => ({
	json: { level: 'alert', windowStart: '2026-03-05T09:00:00Z', windowEnd: '2026-03-05T09:15:00Z', assessedAt: '2026-03-05T09:15:00Z', reasons: [], metrics: {}, themes: [] },
});

/** Every operation that reads the document, with parameters and items that get it as far as reading it. */
const READERS: Array<{ node: INodeType; operation: string; parameters: Record<string, unknown>; items: () => INodeExecutionData[] }> = [
	{ node: new CrisisScore(), operation: 'assessSituation', parameters: { mode: 'replay', replayOutput: 'all', situationOptions: { now: '2026-03-08T00:00:00Z' } }, items: mentionItems },
	{ node: new CrisisScore(), operation: 'backtest', parameters: { incidents: {}, backtestOptions: { now: '2026-03-08T00:00:00Z' } }, items: mentionItems },
	{ node: new CrisisReport(), operation: 'generate', parameters: { title: '', outputs: [], options: { now: '2026-03-08T00:00:00Z' } }, items: mentionItems },
	{ node: new CrisisPlaybook(), operation: 'planResponse', parameters: { incidentId: 'inc-1', mentions: '', timeline: '', planOptions: { now: '2026-03-05T09:15:00Z' } }, items: () => [situationItem()] },
	{
		node: new CrisisPlaybook(),
		operation: 'draftStatement',
		parameters: { channel: 'x', kind: 'holding', language: 'en', variables: {}, draftOptions: { now: '2026-03-05T09:15:00Z' } },
		items: () => [situationItem()],
	},
	{ node: new CrisisPlaybook(), operation: 'closeIncident', parameters: { incidentId: 'inc-1', timeline: '', mentions: '', backtest: '', closeOptions: {} }, items: () => [{ json: {} }] },
	{ node: new CrisisPlaybook(), operation: 'proposeDocumentUpdate', parameters: { proposeOptions: {} }, items: () => [{ json: { findings: [] } }] },
];

const shownFor = (props: INodeProperties[], name: string, operation: string) =>
	props.filter((p) => p.name === name && (!p.displayOptions?.show?.operation || p.displayOptions.show.operation.includes(operation)));

describe('Crisis Document Source', () => {
	test.each(READERS.map((r) => [r.node.description.name, r.operation, r] as const))('%s › %s has the parameter, JSON by default, the document field only for JSON', (_n, operation, r) => {
		const props = r.node.description.properties;
		const [source] = shownFor(props, 'documentSource', operation);
		expect(source).toMatchObject({ displayName: 'Crisis Document Source', type: 'options', default: 'json' });
		expect(source.options).toEqual([
			expect.objectContaining({ name: 'JSON', value: 'json' }),
			expect.objectContaining({ name: 'Example Document (Fictional Orvia, for Trying Out)', value: 'example' }),
		]);
		const [field] = shownFor(props, 'crisisDocument', operation);
		expect(field.displayOptions?.show?.documentSource).toEqual(['json']);
		// Required only where it is shown: no lint marker on the hidden field when the source is the example.
		expect(field.required).toBe(true);
	});

	test.each(READERS.map((r) => [r.node.description.name, r.operation, r] as const))('%s › %s: JSON and an empty document fails and says how to load one', async (_n, operation, r) => {
		for (const empty of ['', '   ']) {
			const ctx = fakeExecuteFunctions({ items: r.items(), parameters: { operation, ...r.parameters, documentSource: 'json', crisisDocument: empty } });
			const error = await r.node.execute!.call(ctx).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as NodeOperationError).message).toBe('No crisis document was given (parameter "Crisis Document" is empty)');
			expect((error as NodeOperationError).description).toContain('Example Document (Fictional Orvia, for Trying Out)');
			expect((error as NodeOperationError).description).toContain('crisis_kit_documents');
		}
		// A missing documentSource parameter means JSON (the default), never the example.
		const ctx = fakeExecuteFunctions({ items: r.items(), parameters: { operation, ...r.parameters, crisisDocument: '' } });
		await expect(r.node.execute!.call(ctx)).rejects.toThrow('No crisis document was given');
	});

	test('with Continue On Fail the error is an error item with its description, paired to the item', async () => {
		for (const r of READERS) {
			const ctx = fakeExecuteFunctions({ items: r.items(), continueOnFail: true, parameters: { operation: r.operation, ...r.parameters, documentSource: 'json', crisisDocument: '' } });
			const outputs = (await r.node.execute!.call(ctx)) as INodeExecutionData[][];
			const errors = outputs.flat().filter((o) => o.json.error);
			expect(errors.length).toBeGreaterThan(0);
			for (const e of errors) {
				expect(e.json.error).toBe('No crisis document was given (parameter "Crisis Document" is empty)');
				expect(String(e.json.errorDescription)).toContain('Crisis Document Source');
				expect(e.pairedItem).toEqual({ item: 0 });
			}
		}
	});

	test('the example document is used when asked for (Orvia), and a given JSON document wins', async () => {
		const report = new CrisisReport();
		const run = async (parameters: Record<string, unknown>) => {
			const ctx = fakeExecuteFunctions({ items: mentionItems(), parameters: { operation: 'generate', title: '', outputs: [], options: { now: '2026-03-08T00:00:00Z' }, ...parameters } });
			return (await report.execute.call(ctx))[0][0].json;
		};
		expect((await run({ documentSource: 'example' })).brand).toBe('Orvia');
		const { defaultCrisisDocument } = await import('../../../core/document/defaultCrisisDocument');
		const own = defaultCrisisDocument();
		own.brand.name = 'Acme';
		expect((await run({ documentSource: 'json', crisisDocument: JSON.stringify(own) })).brand).toBe('Acme');
	});
});
