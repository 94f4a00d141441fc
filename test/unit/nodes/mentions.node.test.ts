import { NodeOperationError } from 'n8n-workflow';
import { Mentions } from '../../../nodes/Mentions/Mentions.node';
import { fakeExecuteFunctions } from '../../helpers/fakeExecuteFunctions';

describe('Mentions node › Get Sample', () => {
	const node = new Mentions();

	test('replays the whole sample, each mention paired to the input item', async () => {
		const ctx = fakeExecuteFunctions({ parameters: { operation: 'getSample', sampleName: 'orvia-data-leak', options: {} } });
		const [out] = await node.execute.call(ctx);
		expect(out).toHaveLength(638);
		expect(out.every((o) => (o.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(out[0].json.raw).toBeUndefined();
		const languages = new Set(out.map((o) => o.json.language));
		expect(languages.has('en') && languages.has('fr')).toBe(true);
	});

	test('shifts dates so the last mention falls at End At, and filters by From/To and Max Mentions', async () => {
		const ctx = fakeExecuteFunctions({
			parameters: {
				operation: 'getSample',
				sampleName: 'orvia-data-leak',
				options: { endAt: '2030-01-10T12:00:00Z', from: '2030-01-09T12:00:00Z', maxMentions: 5 },
			},
		});
		const [out] = await node.execute.call(ctx);
		expect(out).toHaveLength(5);
		for (const o of out) expect(Date.parse(o.json.publishedAt as string)).toBeGreaterThanOrEqual(Date.parse('2030-01-09T12:00:00Z'));
		const all = await node.execute.call(
			fakeExecuteFunctions({ parameters: { operation: 'getSample', sampleName: 'orvia-data-leak', options: { endAt: '2030-01-10T12:00:00Z' } } }),
		);
		expect(all[0][all[0].length - 1].json.publishedAt).toBe('2030-01-10T12:00:00.000Z');
	});

	test('an unknown sample name is a NodeOperationError naming the parameter, the item and the choices', async () => {
		const ctx = fakeExecuteFunctions({
			items: [{ json: {} }, { json: {} }],
			parameters: [
				{ operation: 'getSample', sampleName: 'orvia-data-leak', options: { maxMentions: 1 } },
				{ operation: 'getSample', sampleName: 'acme-recall', options: {} },
			],
		});
		const error = await node.execute.call(ctx).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Unknown sample "acme-recall" (parameter "Sample", item 1)');
		expect(error.description).toContain('orvia-data-leak');
		expect(error.context.itemIndex).toBe(1);
	});

	test('with Continue On Fail, a bad item becomes an error item paired to it and the others still run', async () => {
		const ctx = fakeExecuteFunctions({
			items: [{ json: {} }, { json: {} }],
			continueOnFail: true,
			parameters: [
				{ operation: 'getSample', sampleName: 'nope', options: {} },
				{ operation: 'getSample', sampleName: 'orvia-data-leak', options: { maxMentions: 2 } },
			],
		});
		const [out] = await node.execute.call(ctx);
		expect(out).toHaveLength(3);
		expect(out[0].json.error).toContain('Unknown sample "nope"');
		expect(out[0].pairedItem).toEqual({ item: 0 });
		expect(out[1].pairedItem).toEqual({ item: 1 });
	});
});
