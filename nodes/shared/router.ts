/**
 * One router for every Crisis Kit node. An operation declares how it runs:
 * - `perItem`: called once per input item; what it returns is paired to that item, and a
 *   failure of one item (with Continue On Fail) becomes that item's error item, the others go on;
 * - `batch`: called once with all items (a situation, a report, a plan over time); a failure
 *   (with Continue On Fail) becomes one error item paired to the item the error names.
 * Continue On Fail, the error-item shape and `pairedItem` are handled here and nowhere else.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { errorItem, toNodeError } from './itemErrors';

/** One list of items per node output (a single list means "the first output"). */
export type OperationOutput = INodeExecutionData[] | INodeExecutionData[][];

export interface PerItemOperation {
	mode: 'perItem';
	execute(this: IExecuteFunctions, i: number, item: INodeExecutionData, now: string): Promise<OperationOutput>;
}

export interface BatchOperation {
	mode: 'batch';
	execute(this: IExecuteFunctions, now: string): Promise<OperationOutput>;
}

export type Operation = PerItemOperation | BatchOperation;

function byOutput(result: OperationOutput, outputs: number): INodeExecutionData[][] {
	const lists: INodeExecutionData[][] = result.length > 0 && Array.isArray(result[0]) ? (result as INodeExecutionData[][]) : [result as INodeExecutionData[]];
	const out: INodeExecutionData[][] = [];
	for (let k = 0; k < Math.max(outputs, lists.length); k++) out.push(lists[k] ?? []);
	return out;
}

/** The item index an error names (n8n errors carry it in their context), else `fallback`. */
function itemIndexOf(error: unknown, fallback: number): number {
	const context = (error as NodeOperationError | undefined)?.context;
	const index = context && typeof context.itemIndex === 'number' ? context.itemIndex : fallback;
	return index >= 0 ? index : fallback;
}

export interface RouteOptions {
	/** How many outputs the node has for this operation (error items always go to the first). */
	outputs?: number;
	/** Execution time (RFC 3339); defaults to the clock. */
	now?: string;
	/** Turns a thrown error into the node error shown to the user (defaults to toNodeError). */
	toError?: (this: IExecuteFunctions, error: unknown, i: number) => Error;
}

/**
 * The one Continue On Fail decision: the error item of item `i` when the node continues on
 * failure, else the error (as the node error the user sees) is thrown. Batch operations that
 * keep going past one bad item (Plan Response, invalid mentions in a batch) call it too.
 */
export function itemFailure(
	this: IExecuteFunctions,
	error: unknown,
	i: number,
	toError: (this: IExecuteFunctions, error: unknown, i: number) => Error = toNodeError,
): INodeExecutionData {
	const nodeError = toError.call(this, error, i);
	if (this.continueOnFail()) return errorItem(nodeError, i);
	throw nodeError;
}

/** Runs the node's selected operation (see the file comment). */
export async function routeOperation(
	this: IExecuteFunctions,
	operations: Record<string, Operation>,
	options: RouteOptions = {},
): Promise<INodeExecutionData[][]> {
	const outputs = options.outputs ?? 1;
	const now = options.now ?? new Date().toISOString();
	const toError = options.toError ?? toNodeError;
	const name = this.getNodeParameter('operation', 0) as string;
	const operation = operations[name];
	if (!operation) throw new NodeOperationError(this.getNode(), `Unknown operation "${name}"`, { itemIndex: 0 });
	if (operation.mode === 'batch') {
		try {
			return byOutput(await operation.execute.call(this, now), outputs);
		} catch (error) {
			return byOutput([itemFailure.call(this, error, itemIndexOf(error, 0), toError)], outputs);
		}
	}
	const items = this.getInputData();
	const out: INodeExecutionData[][] = byOutput([], outputs);
	for (let i = 0; i < items.length; i++) {
		try {
			const lists = byOutput(await operation.execute.call(this, i, items[i], now), outputs);
			for (let k = 0; k < lists.length; k++) {
				for (const item of lists[k]) out[k].push(item.pairedItem === undefined ? { ...item, pairedItem: { item: i } } : item);
			}
		} catch (error) {
			out[0].push(itemFailure.call(this, error, i, toError));
		}
	}
	return out;
}
