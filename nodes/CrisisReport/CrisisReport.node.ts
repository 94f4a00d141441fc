/**
 * Crisis Report: the post-crisis impact report — metrics as JSON, a self-contained HTML report
 * with inline SVG charts, and Markdown, attached as binary data. A thin layer over core/report.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as generate from './actions/generate.operation';
import { routeOperation, type Operation } from '../shared/router';

/** One report from the whole batch. */
const operations: Record<string, Operation> = {
	generate: { mode: 'batch', execute: generate.execute },
};

export class CrisisReport implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Crisis Report',
		name: 'crisisReport',
		icon: { light: 'file:crisisReport.svg', dark: 'file:crisisReport.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: 'Impact report',
		description: 'Post-crisis impact report: volume, sentiment, reach, time to detect and to acknowledge, as HTML, Markdown and JSON',
		defaults: { name: 'Crisis Report' },
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
						name: 'Generate Report',
						value: 'generate',
						action: 'Generate the impact report',
						description: 'One report item from all input items (mentions, situations, timeline events)',
					},
				],
				default: 'generate',
			},
			...generate.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, operations);
	}
}
