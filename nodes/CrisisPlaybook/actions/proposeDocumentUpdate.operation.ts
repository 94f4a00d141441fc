/**
 * Propose Document Update: the review of Close Incident → the next version of the crisis
 * document, each change with its reason, and a readable diff. The input document is never
 * modified: the output holds the new version (version + 1, a history entry); a human reads the
 * diff and adopts it by saving it next to the old one.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { proposeDocumentUpdate } from '../../../core/playbook/proposeDocumentUpdate';
import type { IncidentReview } from '../../../core/playbook/types';
import { crisisDocumentProperties, documentFor, ERRORS, nowOption, resolveNow, toJson } from './common';

const OP = ['proposeDocumentUpdate'];

export const description: INodeProperties[] = [
	...crisisDocumentProperties(OP),
	{
		displayName: 'Options',
		name: 'proposeOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { operation: OP } },
		options: [
			{
				displayName: 'Author',
				name: 'author',
				type: 'string',
				default: '',
				description: 'Recorded as `updatedBy` of the new version. Empty: "Crisis Kit post-crisis review".',
			},
			nowOption(),
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number, item: INodeExecutionData, executionNow: string): Promise<INodeExecutionData[]> {
	const review = (item.json.review ?? item.json) as unknown as IncidentReview;
	if (!review || !Array.isArray(review.findings)) {
		throw new NodeOperationError(this.getNode(), ERRORS.noReview, { itemIndex: i, description: 'Put Close Incident before Propose Document Update.' });
	}
	const document = documentFor.call(this, i);
	const options = this.getNodeParameter('proposeOptions', i, {}) as { author?: string; now?: string };
	const now = resolveNow.call(this, options.now, i, executionNow);
	const proposal = proposeDocumentUpdate({ document, review, now, ...(options.author ? { author: options.author } : {}) });
	return [{ json: { ...toJson(proposal), incidentId: review.incidentId } }];
}
