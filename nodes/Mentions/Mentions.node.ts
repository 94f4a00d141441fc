/**
 * Mentions: fetch brand mentions on demand, or replay a shipped sample crisis.
 * Programmatic (not declarative): sources paginate differently and everything is
 * normalised into the Mention record (docs/mention-record.md).
 */
import type { IExecuteFunctions, INodeExecutionData, INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as sample from './actions/sample.operation';
import * as search from './actions/search.operation';
import * as getReplies from './actions/getReplies.operation';
import * as normalize from './actions/normalize.operation';
import { sourceCredentials } from './actions/sourceParameters';
import { routeOperation, type Operation } from '../shared/router';
import { MENTION_OUTPUTS } from './sources/failures';

/** Every operation runs per input item; Search and Get Account Posts also fill the Source Failures output. */
const operations: Record<string, Operation> = {
	search: { mode: 'perItem', execute: search.execute },
	getAccountPosts: { mode: 'perItem', execute: search.execute },
	getReplies: { mode: 'perItem', execute: getReplies.execute },
	normalize: { mode: 'perItem', execute: normalize.execute },
	getSample: { mode: 'perItem', execute: sample.execute },
};

/** The operations; the subtitle shows their names (never the raw value). */
const OPERATIONS: INodePropertyOptions[] = [
	{
		name: 'Get Account Posts',
		value: 'getAccountPosts',
		action: 'Get posts of watched accounts',
		description: 'Recent posts of a watch list of influential accounts',
	},
	{
		name: 'Get Replies',
		value: 'getReplies',
		action: 'Get replies to a post',
		description: 'Replies and comments to one post: feedback on our own statements',
	},
	{
		name: 'Get Sample',
		value: 'getSample',
		action: 'Replay a sample crisis',
		description: 'Replay a shipped sample crisis (offline, no credential)',
	},
	{
		name: 'Normalize',
		value: 'normalize',
		action: 'Normalize imported mentions',
		description: 'Turn JSON or CSV rows from Brandwatch, Talkwalker, Mention.com or any tool into Mention records',
	},
	{
		name: 'Search',
		value: 'search',
		action: 'Search mentions',
		description: 'Mentions of a query over a time range on the selected sources',
	},
];

export class Mentions implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mentions',
		name: 'mentions',
		icon: { light: 'file:mentions.svg', dark: 'file:mentions.dark.svg' },
		group: ['input'],
		version: 1,
		// Human names of OPERATIONS (a literal: n8n's lint reads it; editorPolish.test.js keeps the two in step).
		subtitle:
			'={{ $parameter["operation"] === "getSample" ? "Sample: " + $parameter["sampleName"] : ({"getAccountPosts":"Get Account Posts","getReplies":"Get Replies","getSample":"Get Sample","normalize":"Normalize","search":"Search"}[$parameter["operation"]] || $parameter["operation"]) }}',
		description:
			'Get brand mentions on demand as Mention records: search a time range, watched accounts\' posts, the replies to a post, or import an export of a listening tool',
		defaults: { name: 'Mentions' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: MENTION_OUTPUTS,
		credentials: sourceCredentials(),
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: OPERATIONS,
				default: 'getSample',
			},
			...search.description,
			...getReplies.description,
			...normalize.description,
			...sample.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, operations, { outputs: 2 });
	}
}
