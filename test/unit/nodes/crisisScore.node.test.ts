import { NodeOperationError } from 'n8n-workflow';
import type { INodeExecutionData } from 'n8n-workflow';
import { CrisisScore } from '../../../nodes/CrisisScore/CrisisScore.node';
import { getSample } from '../../../core/samples/sampleCatalog';
import { fakeExecuteFunctions } from '../../helpers/fakeExecuteFunctions';

const mention = getSample('orvia-data-leak').mentions[0];
const params = { operation: 'scoreMentions', options: { now: '2026-03-08T00:00:00Z' } };

describe('Crisis Score node › Score Mentions', () => {
	const node = new CrisisScore();

	test('adds a crisis score to each valid mention, paired to its item', async () => {
		const items: INodeExecutionData[] = [{ json: { ...mention } as never }, { json: { ...mention, id: 'x:2', nativeId: '2' } as never }];
		const [out] = await node.execute.call(fakeExecuteFunctions({ items, parameters: params }));
		expect(out).toHaveLength(2);
		expect(out[1].pairedItem).toEqual({ item: 1 });
		expect(out[0].json.crisis).toEqual(expect.objectContaining({ factors: expect.any(Array), reasons: expect.any(Array) }));
		expect(out[0].json.text).toBe(mention.text);
	});

	test('a malformed item is a NodeOperationError naming the item and the field', async () => {
		const items: INodeExecutionData[] = [
			{ json: { ...mention } as never },
			{ json: { ...mention, publishedAt: 'yesterday' } as never },
		];
		const error = await node.execute.call(fakeExecuteFunctions({ items, parameters: params })).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('Item 1');
		expect(error.message).toContain('publishedAt: expected an RFC3339 timestamp');
		expect(error.context.itemIndex).toBe(1);
	});

	test('a numeric id is refused (precision beyond 2^53), naming the field', async () => {
		const items: INodeExecutionData[] = [{ json: { ...mention, nativeId: 1897000000000007 } as never }];
		const error = await node.execute.call(fakeExecuteFunctions({ items, parameters: params })).catch((e) => e);
		expect(error.message).toContain('nativeId: expected a string id');
	});

	test('with Continue On Fail, malformed items yield error items with pairedItem and the rest is scored', async () => {
		const items: INodeExecutionData[] = [
			{ json: { hello: 'world' } },
			{ json: { ...mention } as never },
			{ json: { ...mention, author: 'bob' } as never },
		];
		const [out] = await node.execute.call(fakeExecuteFunctions({ items, parameters: params, continueOnFail: true }));
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json.error).toContain('Item 0 is not a valid mention');
		expect(out[1].json.crisis).toBeDefined();
		expect(out[2].json.error).toContain('author: expected an object');
	});

	test('an invalid Now option is reported with the item', async () => {
		const items: INodeExecutionData[] = [{ json: { ...mention } as never }];
		const error = await node.execute
			.call(fakeExecuteFunctions({ items, parameters: { operation: 'scoreMentions', options: { now: 'soon' } } }))
			.catch((e) => e);
		expect(error.message).toBe('Option "Now" of item 0 is not a date: "soon"');
	});
});
