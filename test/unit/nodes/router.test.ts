/**
 * One router for the four nodes (nodes/shared/router.ts): an operation is per item or per batch,
 * Continue On Fail and pairedItem are handled in one place, and every node's error item has the
 * same shape `{ error, errorDescription? }`, paired to the item that failed.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { CrisisPlaybook } from '../../../nodes/CrisisPlaybook/CrisisPlaybook.node';
import { CrisisReport } from '../../../nodes/CrisisReport/CrisisReport.node';
import { CrisisScore } from '../../../nodes/CrisisScore/CrisisScore.node';
import { Mentions } from '../../../nodes/Mentions/Mentions.node';
import { routeOperation, type Operation } from '../../../nodes/shared/router';
import { getSample } from '../../../core/samples/sampleCatalog';
import { fakeExecuteFunctions } from '../../helpers/fakeExecuteFunctions';

const sample = getSample('orvia-data-leak');
const mention = (k: number): INodeExecutionData => ({ json: { ...sample.mentions[k] } as unknown as IDataObject });
const broken = (k: number): INodeExecutionData => ({ json: { ...sample.mentions[k], publishedAt: 'soon' } as unknown as IDataObject });

function expectErrorItem(item: INodeExecutionData, index: number, message: RegExp) {
	expect(Object.keys(item.json).every((k) => k === 'error' || k === 'errorDescription')).toBe(true);
	expect(String(item.json.error)).toMatch(message);
	expect(item.pairedItem).toEqual({ item: index });
}

describe('routeOperation', () => {
	const perItem: Record<string, Operation> = {
		double: {
			mode: 'perItem',
			async execute(this: IExecuteFunctions, i: number, item: INodeExecutionData) {
				if (item.json.bad) throw new NodeOperationError(this.getNode(), `item ${i} is bad`, { itemIndex: i, description: 'why' });
				return [[{ json: { n: Number(item.json.n) * 2 } }], i === 0 ? [{ json: { side: true } }] : []];
			},
		},
		batch: {
			mode: 'batch',
			async execute(this: IExecuteFunctions) {
				throw new NodeOperationError(this.getNode(), 'item 2 breaks the batch', { itemIndex: 2 });
			},
		},
	};
	const items = [{ json: { n: 1 } }, { json: { bad: true } }, { json: { n: 3 } }];

	test('per item: results paired to their item on every output; one bad item does not stop the others', async () => {
		const ctx = fakeExecuteFunctions({ items, continueOnFail: true, parameters: { operation: 'double' } });
		const [main, side] = await routeOperation.call(ctx, perItem, { outputs: 2 });
		expect(main.map((o) => o.json)).toEqual([{ n: 2 }, { error: 'item 1 is bad', errorDescription: 'why' }, { n: 6 }]);
		expect(main.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(side).toEqual([{ json: { side: true }, pairedItem: { item: 0 } }]);
	});

	test('per item without Continue On Fail: the error is thrown with its item index', async () => {
		const ctx = fakeExecuteFunctions({ items, parameters: { operation: 'double' } });
		const error = (await routeOperation.call(ctx, perItem).catch((e: unknown) => e)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.context.itemIndex).toBe(1);
	});

	test('batch: with Continue On Fail one error item paired to the item the error names; outputs padded', async () => {
		const ctx = fakeExecuteFunctions({ items, continueOnFail: true, parameters: { operation: 'batch' } });
		const out = await routeOperation.call(ctx, perItem, { outputs: 3 });
		expect(out).toHaveLength(3);
		expectErrorItem(out[0][0], 2, /item 2 breaks the batch/);
	});

	test('an unknown operation is a NodeOperationError', async () => {
		const ctx = fakeExecuteFunctions({ items, parameters: { operation: 'nope' } });
		await expect(routeOperation.call(ctx, perItem)).rejects.toThrow('Unknown operation "nope"');
	});
});

describe('the same error item in all four nodes (Continue On Fail)', () => {
	const run = async (node: INodeType, items: INodeExecutionData[], parameters: Record<string, unknown>) =>
		(await node.execute!.call(fakeExecuteFunctions({ items, parameters, continueOnFail: true }))) as INodeExecutionData[][];

	test('Mentions › Get Sample: an unknown sample on item 1', async () => {
		const [main, failures] = await run(new Mentions(), [{ json: {} }, { json: {} }], [
			{ operation: 'getSample', sampleName: 'orvia-data-leak', options: { maxMentions: 2 } },
			{ operation: 'getSample', sampleName: 'nope', options: {} },
		] as never);
		expect(failures).toEqual([]);
		const errors = main.filter((o) => o.json.error);
		expect(errors).toHaveLength(1);
		expectErrorItem(errors[0], 1, /Unknown sample "nope"/);
	});

	test('Crisis Score › Score Mentions: a malformed mention on item 1', async () => {
		const [out] = await run(new CrisisScore(), [mention(0), broken(1), mention(2)], { operation: 'scoreMentions', options: {} });
		expect(out).toHaveLength(3);
		expectErrorItem(out[1], 1, /Item 1 is not a valid mention/);
		expect(out[1].json.errorDescription).toMatch(/Mention records/);
	});

	test('Crisis Report: a malformed mention on item 2 gets its error item, the report goes on', async () => {
		const [out] = await run(new CrisisReport(), [mention(0), mention(1), broken(2)], {
			operation: 'generate', title: '', documentSource: 'example', outputs: [], options: { now: '2026-03-08T00:00:00Z' },
		});
		expect(out).toHaveLength(2);
		expect((out[0].json.range as IDataObject).mentions).toBe(2);
		expectErrorItem(out[1], 2, /Item 2 is not a valid mention/);
	});

	test('Crisis Report: nothing to report on is one error item with its description (no longer message-only)', async () => {
		const [out] = await run(new CrisisReport(), [{ json: { hello: 1 } }], { operation: 'generate', title: '', documentSource: 'example', outputs: [], options: {} });
		expect(out).toHaveLength(1);
		expectErrorItem(out[0], 0, /No mention to report on/);
		expect(out[0].json.errorDescription).toMatch(/1 item\(s\) in/);
	});

	test('Crisis Playbook › Plan Response: an item that is not a situation', async () => {
		const situation = { level: 'alert', windowStart: '2026-03-05T09:00:00Z', windowEnd: '2026-03-05T09:15:00Z', assessedAt: '2026-03-05T09:15:00Z', reasons: [], metrics: {}, themes: [] };
		const [out] = await run(new CrisisPlaybook(), [{ json: situation }, { json: { hello: 'world' } }], {
			operation: 'planResponse', documentSource: 'example', incidentId: 'inc-1', mentions: '', timeline: '', planOptions: { now: '2026-03-05T09:15:00Z' },
		});
		const errors = out.filter((o) => o.json.error);
		expect(errors).toHaveLength(1);
		expectErrorItem(errors[0], 1, /Item 1 is not a situation/);
	});
});
