import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { formatMentionErrors, validateMention } from '../../core/mention/validateMention';
import type { Mention } from '../../core/mention/mention';

/** The error item a node emits for item `i` when "Continue On Fail" is set. */
export function errorItem(error: Error, i: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	const description = (error as NodeOperationError).description;
	if (description) json.errorDescription = description;
	return { json, pairedItem: { item: i } };
}

/** Wraps anything thrown while handling item `i` so n8n shows which item failed. */
export function toNodeError(this: IExecuteFunctions, error: unknown, i: number): Error {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) {
		if (error.context) error.context.itemIndex = i;
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(this.getNode(), message, { itemIndex: i });
}

/** Reads item `i` as a Mention record, or throws an error naming the item and the field. */
export function readMention(this: IExecuteFunctions, item: INodeExecutionData, i: number): Mention {
	const result = validateMention(item.json);
	if (!result.ok) {
		const fields = result.errors.map((e) => e.path || '(item)').join(', ');
		throw new NodeOperationError(
			this.getNode(),
			`Item ${i} is not a valid mention (${fields}): ${formatMentionErrors(result.errors)}`,
			{
				itemIndex: i,
				description:
					'Crisis Kit nodes read Mention records (see docs/mention-record.md). Put a Mentions node before this one, or map your data with Mentions › Normalize.',
			},
		);
	}
	return result.mention;
}
