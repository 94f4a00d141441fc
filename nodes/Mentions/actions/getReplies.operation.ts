/**
 * Mentions › Get Replies: the replies and comments to one post (feedback on our own
 * statements). A thin operation: each source's adapter reads its replies with its own
 * endpoints and credential (`MentionSource.replies`), the pure parts live in
 * core/sources/<platform>/replies.ts. A failure of the read is this item's error.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DEFAULT_POLICY } from '../transport/request';
import type { SourceEnv, SourceName } from '../sources/mentionSource';
import { SOURCES } from '../sources/registry';
import { includeRawOption, itemCredentialBaseUrl, mentionItems, readApiError, returnAllProperties } from './readResults';
import { policyOptions, readSourceInputs } from './sourceParameters';

const show = { operation: ['getReplies'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'sources',
		type: 'options',
		options: [
			{ name: 'Bluesky', value: 'bluesky' },
			{ name: 'Hacker News', value: 'hackernews' },
			{ name: 'Mastodon', value: 'mastodon' },
			{ name: 'Reddit', value: 'reddit' },
			{ name: 'X', value: 'x' },
			{ name: 'YouTube', value: 'youtube' },
		],
		default: 'x',
		displayOptions: { show },
	},
	{
		displayName: 'Post',
		name: 'postId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://x.com/orvia/status/1897000000000007919',
		description: 'The post whose replies to read: its URL or ID (X post ID, Reddit ID, HN item ID, Mastodon status ID on the instance, Bluesky at:// URI or bsky.app URL, YouTube video ID or URL)',
		displayOptions: { show },
	},
	{
		displayName: 'Reddit Authentication',
		name: 'redditAuthentication',
		type: 'options',
		options: [
			{ name: 'Public JSON', value: 'public' },
			{ name: 'OAuth2 App', value: 'oAuth2' },
		],
		default: 'public',
		displayOptions: { show: { ...show, sources: ['reddit'] } },
	},
	{
		displayName: 'Mastodon Authentication',
		name: 'mastodonAuthentication',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'Access Token', value: 'accessToken' },
		],
		default: 'none',
		displayOptions: { show: { ...show, sources: ['mastodon'] } },
	},
	{
		displayName: 'Mastodon Instance URL',
		name: 'mastodonInstance',
		type: 'string',
		default: 'https://mastodon.social',
		displayOptions: { show: { ...show, sources: ['mastodon'], mastodonAuthentication: ['none'] } },
	},
	...returnAllProperties(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
		options: [
			...policyOptions.filter((p) => p.name !== 'youtubeSearchEveryMinutes'),
			includeRawOption(),
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const name = this.getNodeParameter('sources', i) as SourceName;
	const source = SOURCES[name];
	if (!source?.replies) {
		throw new NodeOperationError(this.getNode(), `Get Replies does not read ${name} (parameter "Source")`, { itemIndex: i });
	}
	const postInput = this.getNodeParameter('postId', i) as string;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
	const inputs = readSourceInputs((param, fallback) => this.getNodeParameter(param, i, fallback), options);
	const id = source.replies.postId(postInput);
	if (!id) throw new NodeOperationError(this.getNode(), 'Post is empty (parameter "Post")', { itemIndex: i });
	const base = await itemCredentialBaseUrl(this, source.credentialType(inputs.settings), i);
	const env: SourceEnv = { settings: inputs.settings, policy: inputs.policy ?? DEFAULT_POLICY, fetchedAt: new Date().toISOString(), credentialBaseUrl: base, until: null };
	const answer = await source.replies.read(this, env, id, limit);
	if (!answer.ok) throw readApiError(this, [answer.failure], i, true);
	const unique = new Map(answer.mentions.map((m) => [m.id, m]));
	const inOrder = [...unique.values()]
		.sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : 1))
		.slice(0, limit === Infinity ? undefined : limit);
	return mentionItems(inOrder, options.includeRaw, i);
}
