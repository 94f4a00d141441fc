/**
 * Crisis Score: how risky is each mention, and (later operations) how severe is the situation.
 * A thin layer over core/scoring: the node reads parameters and items, the core computes.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import * as scoreMentions from './actions/scoreMentions.operation';
import { errorItem, toNodeError } from '../shared/itemErrors';

export class CrisisScore implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Crisis Score',
		name: 'crisisScore',
		icon: { light: 'file:crisisScore.svg', dark: 'file:crisisScore.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ {"scoreMentions": "Score mentions"}[$parameter["operation"]] }}',
		description: 'Score the risk of each mention (EN + FR) and say why',
		defaults: { name: 'Crisis Score' },
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
						name: 'Score Mentions',
						value: 'scoreMentions',
						action: 'Score the risk of each mention',
						description: 'Add a 0–100 risk with its factors, sentiment, themes and language to each mention',
					},
				],
				default: 'scoreMentions',
			},
			...scoreMentions.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const returnData: INodeExecutionData[] = [];
		const now = new Date().toISOString();
		for (let i = 0; i < items.length; i++) {
			try {
				const operation = this.getNodeParameter('operation', i) as string;
				if (operation !== 'scoreMentions') throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}"`, { itemIndex: i });
				returnData.push(...(await scoreMentions.execute.call(this, i, items[i], now)));
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
