import type { INodeProperties } from 'n8n-workflow';
import { CrisisPlaybook } from '../../../nodes/CrisisPlaybook/CrisisPlaybook.node';
import { CrisisReport } from '../../../nodes/CrisisReport/CrisisReport.node';
import { CrisisScore } from '../../../nodes/CrisisScore/CrisisScore.node';
import { parseDateOption, resolveNow } from '../../../nodes/shared/now';
import { fakeExecuteFunctions } from '../../helpers/fakeExecuteFunctions';

const ctx = fakeExecuteFunctions({ parameters: {} });
const EXECUTION_NOW = '2026-03-05T12:00:00.000Z';

/** Every "Now" field of a node, wherever it sits in the description. */
function nowFields(properties: INodeProperties[]): INodeProperties[] {
	const found: INodeProperties[] = [];
	const walk = (list: unknown[]): void => {
		for (const p of list as INodeProperties[]) {
			if (p.name === 'now' && p.displayName === 'Now') found.push(p);
			if (Array.isArray(p.options)) walk(p.options as unknown[]);
		}
	};
	walk(properties);
	return found;
}

describe('the "Now" option', () => {
	test('is one field type in every node that has it', () => {
		for (const node of [new CrisisScore(), new CrisisPlaybook(), new CrisisReport()]) {
			const fields = nowFields(node.description.properties);
			expect(fields.length).toBeGreaterThan(0);
			for (const f of fields) {
				expect({ node: node.description.name, type: f.type, default: f.default }).toEqual({ node: node.description.name, type: 'dateTime', default: '' });
			}
		}
	});

	test('empty uses the execution time; a date becomes RFC3339 UTC', () => {
		expect(resolveNow.call(ctx, '', 0, EXECUTION_NOW)).toBe(EXECUTION_NOW);
		expect(resolveNow.call(ctx, undefined, 0, EXECUTION_NOW)).toBe(EXECUTION_NOW);
		expect(resolveNow.call(ctx, null, 0, EXECUTION_NOW)).toBe(EXECUTION_NOW);
		expect(resolveNow.call(ctx, '2026-03-05T10:00:00+01:00', 0, EXECUTION_NOW)).toBe('2026-03-05T09:00:00.000Z');
	});

	test('anything else is an error that names the option and the item', () => {
		expect(() => resolveNow.call(ctx, 'soon', 2, EXECUTION_NOW)).toThrow('Option "Now" is not a date: "soon"');
		expect(() => resolveNow.call(ctx, 'soon', 2, EXECUTION_NOW, 'Option "Now" of item 2')).toThrow('Option "Now" of item 2 is not a date: "soon"');
		expect(() => parseDateOption.call(ctx, 'later', 'Option "During Ends"', 0)).toThrow('Option "During Ends" is not a date: "later"');
		try {
			resolveNow.call(ctx, 'soon', 2, EXECUTION_NOW);
		} catch (error) {
			expect((error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(2);
		}
		expect(parseDateOption.call(ctx, '', 'Option "During Ends"', 0)).toBeNull();
	});
});
