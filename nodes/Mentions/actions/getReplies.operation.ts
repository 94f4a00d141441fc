/**
 * Mentions › Get Replies: the replies and comments to one post (feedback on our own
 * statements). One request family per platform, mapped by the same core mappers.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { Mention } from '../../../core/mention/mention';
import { mapBlueskyPage } from '../../../core/sources/bluesky/mapBluesky';
import { mapHackerNewsPage } from '../../../core/sources/hackernews/mapHackerNews';
import { isRecord, parseBody } from '../../../core/sources/json';
import { mapMastodonPage } from '../../../core/sources/mastodon/mapMastodon';
import { mapRedditPage } from '../../../core/sources/reddit/mapReddit';
import { mapXPage, } from '../../../core/sources/x/mapX';
import { mapYoutubePage } from '../../../core/sources/youtube/mapYoutube';
import { credentialLabel, DEFAULT_POLICY, joinUrl } from '../transport/request';
import { fetchAndMap, publicBase, type PageAnswer, type SourceEnv } from '../sources/mentionSource';
import { X_FIELDS } from '../sources/x/xSource';
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
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
		options: [
			...policyOptions.filter((p) => p.name !== 'youtubeSearchEveryMinutes'),
			{
				displayName: 'Include Raw Payload',
				name: 'includeRaw',
				type: 'boolean',
				default: false,
				description: 'Whether to keep the source payload in a `raw` field',
			},
		],
	},
];

/** The platform's id from a URL or a bare id. */
export function postIdOf(source: string, input: string): string {
	const v = input.trim();
	const patterns: Record<string, RegExp[]> = {
		x: [/status(?:es)?\/(\d+)/],
		reddit: [/comments\/([a-z0-9]+)/i, /^t3_([a-z0-9]+)$/i],
		hackernews: [/[?&]id=(\d+)/],
		mastodon: [/\/(\d+)\/?$/, /statuses\/(\d+)/],
		youtube: [/[?&]v=([\w-]{6,})/, /youtu\.be\/([\w-]{6,})/, /shorts\/([\w-]{6,})/],
		bluesky: [],
	};
	for (const re of patterns[source] ?? []) {
		const m = re.exec(v);
		if (m) return m[1];
	}
	if (source === 'bluesky') {
		const m = /bsky\.app\/profile\/([^/]+)\/post\/([\w]+)/.exec(v);
		if (m) return `at://${m[1]}/app.bsky.feed.post/${m[2]}`;
	}
	return v;
}

/** Flattens Reddit's `[post, comments]` answer into one Listing of t1 comments (nested replies included). */
function redditComments(body: unknown): unknown {
	const value = parseBody('reddit', body);
	if (!Array.isArray(value)) return value;
	const children: unknown[] = [];
	const walk = (listing: unknown) => {
		if (!isRecord(listing) || !isRecord(listing.data) || !Array.isArray(listing.data.children)) return;
		for (const c of listing.data.children) {
			if (!isRecord(c) || c.kind !== 't1') continue;
			children.push(c);
			if (isRecord(c.data)) walk(c.data.replies);
		}
	};
	walk(value[1]);
	return { kind: 'Listing', data: { after: null, children } };
}

/** Flattens a Bluesky thread into its reply posts. */
function blueskyReplies(body: unknown): unknown {
	const value = parseBody('bluesky', body);
	if (!isRecord(value) || !isRecord(value.thread)) return value;
	const posts: unknown[] = [];
	const walk = (node: unknown) => {
		if (!isRecord(node) || !Array.isArray(node.replies)) return;
		for (const r of node.replies) {
			if (isRecord(r) && isRecord(r.post)) posts.push(r.post);
			walk(r);
		}
	};
	walk(value.thread);
	return { posts };
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const source = this.getNodeParameter('sources', i) as string;
	const postInput = this.getNodeParameter('postId', i) as string;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
	const inputs = readSourceInputs((name, fallback) => this.getNodeParameter(name, i, fallback), options);
	const id = postIdOf(source, postInput);
	if (!id) throw new NodeOperationError(this.getNode(), 'Post is empty (parameter "Post")', { itemIndex: i });
	const credentialType =
		source === 'x' ? 'xApi'
		: source === 'youtube' ? 'youTubeApi'
		: source === 'bluesky' ? 'blueskyApi'
		: source === 'reddit' && inputs.settings.redditAuth === 'oAuth2' ? 'redditOAuth2Api'
		: source === 'mastodon' && inputs.settings.mastodonAuth === 'accessToken' ? 'mastodonApi'
		: null;
	let base: string | null = null;
	if (credentialType) {
		const credentials = await this.getCredentials(credentialType, i);
		base = typeof credentials.baseUrl === 'string' && credentials.baseUrl ? credentials.baseUrl.replace(/\/+$/, '') : null;
	}
	const fetchedAt = new Date().toISOString();
	const env: SourceEnv = { settings: inputs.settings, policy: inputs.policy ?? DEFAULT_POLICY, fetchedAt, credentialBaseUrl: base, until: null };
	const mentions: Mention[] = [];
	let token: string | number | null = null;
	// Page tokens already asked for: an API that hands back a used token (stale cache) ends the read.
	const requested = new Set<string>();
	for (let page = 0; page < 50 && mentions.length < limit; page++) {
		let answer: PageAnswer;
		if (source === 'x') {
			answer = await fetchAndMap(this, env, {
				source: 'x', credentialType, url: joinUrl(base ?? 'https://api.x.com', '/2/tweets/search/recent'),
				qs: { query: `conversation_id:${id}`, max_results: 100, ...X_FIELDS, ...(token ? { next_token: String(token) } : {}) },
			}, (b) => mapXPage(b, { fetchedAt }), (c) => c.nextToken);
		} else if (source === 'youtube') {
			answer = await fetchAndMap(this, env, {
				source: 'youtube', credentialType, url: joinUrl(base ?? 'https://www.googleapis.com/youtube/v3', '/commentThreads'),
				qs: { part: 'snippet,replies', videoId: id, order: 'time', maxResults: 100, textFormat: 'plainText', ...(token ? { pageToken: String(token) } : {}) },
			}, (b) => mapYoutubePage(b, { fetchedAt }), (c) => c.nextPageToken);
		} else if (source === 'hackernews') {
			answer = await fetchAndMap(this, env, {
				source: 'hackernews', credentialType: null, url: joinUrl(publicBase(env.settings, 'https://hn.algolia.com'), '/api/v1/search_by_date'),
				qs: { tags: `comment,story_${id}`, hitsPerPage: 100, page: Number(token ?? 0) },
			}, (b) => mapHackerNewsPage(b, { fetchedAt }), (c) => c.nextPage);
		} else if (source === 'reddit') {
			const oauth = credentialType !== null;
			const host = oauth ? (base ?? 'https://oauth.reddit.com') : publicBase(env.settings, 'https://www.reddit.com');
			answer = await fetchAndMap(this, env, {
				source: 'reddit', credentialType, url: joinUrl(host, `/comments/${id}${oauth ? '' : '.json'}`), qs: { limit: 500, raw_json: 1, sort: 'new' },
			}, (b) => mapRedditPage(redditComments(b), { fetchedAt }), () => null);
		} else if (source === 'mastodon') {
			const host = base ?? inputs.settings.mastodonInstance;
			answer = await fetchAndMap(this, env, {
				source: 'mastodon', credentialType, url: joinUrl(host, `/api/v1/statuses/${encodeURIComponent(id)}/context`),
			}, (b) => {
				const v = parseBody('mastodon', b);
				return mapMastodonPage(isRecord(v) && Array.isArray(v.descendants) ? v.descendants : v, { fetchedAt, instance: host });
			}, () => null);
		} else {
			answer = await fetchAndMap(this, env, {
				source: 'bluesky', credentialType, url: joinUrl(base ?? 'https://bsky.social', '/xrpc/app.bsky.feed.getPostThread'), qs: { uri: id, depth: 10, parentHeight: 0 },
			}, (b) => mapBlueskyPage(blueskyReplies(b), { fetchedAt }), () => null);
		}
		if (!answer.ok) {
			const f = answer.failure;
			throw new NodeApiError(this.getNode(), { message: f.message }, {
				message: f.message,
				description: `${f.hint} Credential: ${credentialLabel(f.credentialType)}.`,
				httpCode: f.status ? String(f.status) : undefined,
				itemIndex: i,
			});
		}
		mentions.push(...answer.mentions);
		token = answer.next;
		if (token === null || requested.has(String(token))) break;
		requested.add(String(token));
	}
	const unique = new Map(mentions.map((m) => [m.id, m]));
	return [...unique.values()]
		.sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : 1))
		.slice(0, limit === Infinity ? undefined : limit)
		.map((m) => {
			const json = { ...m } as unknown as IDataObject;
			if (!options.includeRaw) delete json.raw;
			return { json, pairedItem: { item: i } };
		});
}
