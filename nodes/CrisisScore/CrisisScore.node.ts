/**
 * Crisis Score: how risky is each mention, how severe is the situation, and how would the
 * thresholds have done on past data. A thin layer over core/scoring: the node reads parameters
 * and items, the core computes and says why.
 *
 * Outputs: Score Mentions and Backtest have one output; Assess Situation has one output per
 * level (Calm, Watch, Alert, Crisis, Critical) so a workflow wires "Crisis → playbook" visually.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as assessSituation from './actions/assessSituation.operation';
import * as backtest from './actions/backtest.operation';
import * as scoreMentions from './actions/scoreMentions.operation';
import { routeOperation, type Operation } from '../shared/router';

/** Score Mentions runs per item; Assess Situation and Backtest read the whole batch. */
const operations: Record<string, Operation> = {
	scoreMentions: { mode: 'perItem', execute: scoreMentions.execute },
	assessSituation: { mode: 'batch', execute: assessSituation.execute },
	backtest: { mode: 'batch', execute: backtest.execute },
};

export class CrisisScore implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Crisis Score',
		name: 'crisisScore',
		icon: { light: 'file:crisisScore.svg', dark: 'file:crisisScore.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ {"scoreMentions": "Score mentions", "assessSituation": "Assess situation", "backtest": "Backtest thresholds"}[$parameter["operation"]] }}',
		description: 'Score the risk of each mention (EN + FR), assess the situation as a level with reasons, backtest thresholds',
		defaults: { name: 'Crisis Score' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{ $parameter["operation"] === "assessSituation" ? [{"type":"main","displayName":"Calm"},{"type":"main","displayName":"Watch"},{"type":"main","displayName":"Alert"},{"type":"main","displayName":"Crisis"},{"type":"main","displayName":"Critical"}] : [{"type":"main"}] }}`,
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Assess Situation',
						value: 'assessSituation',
						action: 'Assess the situation of a time window',
						description:
							'Turn the mentions of a time window into one level (calm … critical) with reasons, routed to one output per level',
					},
					{
						name: 'Backtest',
						value: 'backtest',
						action: 'Backtest thresholds on past mentions',
						description: 'When would each level have fired on past mentions, and how late after known incidents',
					},
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
			...assessSituation.description,
			...backtest.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		return await routeOperation.call(this, operations, { outputs: operation === 'assessSituation' ? 5 : 1 });
	}
}
