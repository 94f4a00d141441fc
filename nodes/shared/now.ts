import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The clock of an operation: the "Now" option as RFC3339 UTC, or the execution time when it is
 * empty. Every Crisis Kit operation takes `now` so past data replays deterministically.
 */
export function resolveNow(this: IExecuteFunctions, value: unknown, i: number, executionNow: string): string {
	if (value === undefined || value === null || value === '') return executionNow;
	const ms = Date.parse(String(value));
	if (!Number.isFinite(ms)) {
		throw new NodeOperationError(this.getNode(), `Option "Now" is not a date: "${String(value)}"`, { itemIndex: i });
	}
	return new Date(ms).toISOString();
}
