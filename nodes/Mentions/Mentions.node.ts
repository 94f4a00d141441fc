/**
 * Mentions: fetch brand mentions on demand, or replay a shipped sample crisis.
 * Programmatic (not declarative): sources paginate differently and everything is
 * normalised into the Mention record (docs/mention-record.md).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import * as sample from './actions/sample.operation';
import { errorItem, toNodeError } from '../shared/itemErrors';

const operations: Record<string, (this: IExecuteFunctions, i: number) => Promise<INodeExecutionData[]>> = {
	getSample: sample.execute,
};

export class Mentions implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mentions',
		name: 'mentions',
		icon: { light: 'file:mentions.svg', dark: 'file:mentions.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{ $parameter["operation"] === "getSample" ? "Sample: " + $parameter["sampleName"] : $parameter["operation"] }}',
		description: 'Get brand mentions as normalised Mention records (or replay a sample crisis)',
		defaults: { name: 'Mentions' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Get Sample',
						value: 'getSample',
						action: 'Replay a sample crisis',
						description: 'Replay a shipped sample crisis (offline, no credential)',
					},
				],
				default: 'getSample',
			},
			...sample.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const returnData: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const operation = this.getNodeParameter('operation', i) as string;
				const run = operations[operation];
				if (!run) throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}"`, { itemIndex: i });
				returnData.push(...(await run.call(this, i)));
			} catch (error) {
				if (this.continueOnFail()) {
					returnData.push(errorItem(error as Error, i));
					continue;
				}
				throw toNodeError.call(this, error, i);
			}
		}
		return [returnData];
	}
}
