import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const NOW_DESCRIPTION = 'The clock of this operation (RFC 3339). Empty uses the execution time; set it to replay past data.';

/** The "Now" option, the same field in every node (only its description says what the clock is for). */
export function nowOption(description = NOW_DESCRIPTION): INodeProperties {
	return {
		displayName: 'Now',
		name: 'now',
		type: 'dateTime',
		default: '',
		placeholder: '2026-03-05T09:00:00Z',
		description,
	};
}

/**
 * A date option as RFC3339 UTC, or null when it is empty; anything else is an error naming the
 * option (`subject`: `Option "Now"`, or `Option "Now" of item 3` where the item matters).
 */
export function parseDateOption(this: IExecuteFunctions, value: unknown, subject: string, i: number): string | null {
	if (value === undefined || value === null || value === '') return null;
	const ms = Date.parse(String(value));
	if (!Number.isFinite(ms)) {
		throw new NodeOperationError(this.getNode(), `${subject} is not a date: "${String(value)}"`, { itemIndex: i });
	}
	return new Date(ms).toISOString();
}

/**
 * The clock of an operation: the "Now" option as RFC3339 UTC, or the execution time when it is
 * empty. Every Crisis Kit operation takes `now` so past data replays deterministically.
 */
export function resolveNow(
	this: IExecuteFunctions,
	value: unknown,
	i: number,
	executionNow: string,
	subject = 'Option "Now"',
): string {
	return parseDateOption.call(this, value, subject, i) ?? executionNow;
}
