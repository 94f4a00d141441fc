/**
 * Mentions › Get Replies: the replies and comments to one post (feedback on our own
 * statements). One request family per platform, mapped by the same core mappers.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { Mention } from '../../../core/mention/mention';
import { mapBlueskyPage } from '../../../core/sources/bluesky/mapBluesky';
import { mapHackerNewsItemTree, mapHackerNewsPage } from '../../../core/sources/hackernews/mapHackerNews';
import { isRecord, parseBody } from '../../../core/sources/json';
import { mapMastodonPage } from '../../../core/sources/mastodon/mapMastodon';
import {
	mapRedditThreadPage,
	REDDIT_MORECHILDREN_MAX_IDS,
	type RedditThreadCursor,
} from '../../../core/sources/reddit/mapRedditThread';
import { mapXPage, } from '../../../core/sources/x/mapX';
import { mapYoutubePage } from '../../../core/sources/youtube/mapYoutube';
import { credentialLabel, DEFAULT_POLICY, joinUrl, type SourceRequest } from '../transport/request';
import {
	fetchAndMap,
	publicBase,
	type PageAnswer,
	type PageToken,
	type SourceEnv,
	type SourceFailure,
} from '../sources/mentionSource';
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

/** Requests one reply read may send per item, follow-ups included (pages, "more" stubs). */
const MAX_REQUESTS = 50;

type Ctx = IExecuteFunctions;

/** A failed answer → the NodeApiError of this item: what the API said, which credential to check. */
function apiError(ctx: Ctx, failure: SourceFailure, i: number): NodeApiError {
	const retry = failure.retryAt ? ` Retry after ${failure.retryAt}.` : '';
	return new NodeApiError(ctx.getNode(), { message: failure.message }, {
		message: failure.message,
		description: `${failure.hint}${retry} Credential: ${credentialLabel(failure.credentialType)}.`,
		httpCode: failure.status ? String(failure.status) : undefined,
		itemIndex: i,
	});
}

interface ReplyRead {
	ctx: Ctx;
	env: SourceEnv;
	i: number;
	id: string;
	limit: number;
	credentialType: string | null;
	base: string | null;
}

/**
 * Reddit: `/comments/<article>`, then the "load more comments" stubs it leaves:
 * `/api/morechildren` (≤ 100 ids a request) and "continue this thread"
 * (`/comments/<article>?comment=<id36>`), until Limit replies or MAX_REQUESTS requests.
 * Same transport and credential as the first request; ids already read are not asked again.
 */
async function redditReplies(r: ReplyRead): Promise<Mention[]> {
	const oauth = r.credentialType !== null;
	const host = oauth ? (r.base ?? 'https://oauth.reddit.com') : publicBase(r.env.settings, 'https://www.reddit.com');
	const path = (p: string) => joinUrl(host, `${p}${oauth ? '' : '.json'}`);
	const byId = new Map<string, Mention>();
	let linkId = `t3_${r.id}`;
	const moreIds: string[] = [];
	const threads: string[] = [];
	const queued = new Set<string>();
	const read = async (url: string, qs: IDataObject) => {
		const seen: { cursor: RedditThreadCursor | null } = { cursor: null };
		const answer = await fetchAndMap(r.ctx, r.env, { source: 'reddit', credentialType: r.credentialType, url, qs }, (b) => mapRedditThreadPage(b, { fetchedAt: r.env.fetchedAt }), (c) => {
			seen.cursor = c;
			return null;
		});
		if (!answer.ok) throw apiError(r.ctx, answer.failure, r.i);
		for (const m of answer.mentions) if (!byId.has(m.id)) byId.set(m.id, m);
		const c = seen.cursor;
		if (!c) return;
		if (c.linkId) linkId = c.linkId;
		for (const stub of c.more) {
			if (stub.children.length > 0) {
				for (const child of stub.children) {
					if (queued.has(`c:${child}`) || byId.has(`reddit:t1_${child}`)) continue;
					queued.add(`c:${child}`);
					moreIds.push(child);
				}
			} else if (stub.parentId && stub.parentId.startsWith('t1_') && !queued.has(`t:${stub.parentId}`)) {
				queued.add(`t:${stub.parentId}`);
				threads.push(stub.parentId.slice(3));
			}
		}
	};
	await read(path(`/comments/${r.id}`), { limit: 500, raw_json: 1, sort: 'new' });
	for (let requests = 1; requests < MAX_REQUESTS && byId.size < r.limit; requests++) {
		if (moreIds.length > 0) {
			const batch = moreIds.splice(0, REDDIT_MORECHILDREN_MAX_IDS);
			await read(path('/api/morechildren'), { api_type: 'json', link_id: linkId, children: batch.join(','), sort: 'new', limit_children: false, raw_json: 1 });
		} else if (threads.length > 0) {
			const comment = threads.shift() as string;
			await read(path(`/comments/${r.id}`), { comment, limit: 500, raw_json: 1, sort: 'new' });
		} else break;
	}
	return [...byId.values()];
}

/**
 * Mastodon: the descendants of `/api/v1/statuses/<id>/context`. Their `in_reply_to_id` is
 * instance-local; replies to each other resolve within the thread, and the root status is
 * read once (`/api/v1/statuses/<id>`) so direct replies point at its Mention id. When that
 * read fails, the replies are still returned, direct ones with `inReplyToId` null.
 */
async function mastodonReplies(r: ReplyRead): Promise<Mention[]> {
	const host = r.base ?? r.env.settings.mastodonInstance;
	const request = (url: string): SourceRequest => ({ source: 'mastodon', credentialType: r.credentialType, url });
	let descendants: unknown[] = [];
	const mapThread = (knownStatuses?: Record<string, string>) =>
		mapMastodonPage(descendants, { fetchedAt: r.env.fetchedAt, instance: host, knownStatuses });
	const answer = await fetchAndMap(r.ctx, r.env, request(joinUrl(host, `/api/v1/statuses/${encodeURIComponent(r.id)}/context`)), (b) => {
		const v = parseBody('mastodon', b);
		const list = isRecord(v) && Array.isArray(v.descendants) ? v.descendants : v;
		const page = mapMastodonPage(list, { fetchedAt: r.env.fetchedAt, instance: host });
		descendants = Array.isArray(list) ? list : [];
		return page;
	}, () => null);
	if (!answer.ok) throw apiError(r.ctx, answer.failure, r.i);
	const repliesToRoot = descendants.some((s) => isRecord(s) && String(s.in_reply_to_id ?? '') === r.id);
	if (!repliesToRoot) return answer.mentions;
	const rootStatus = await fetchAndMap(r.ctx, r.env, request(joinUrl(host, `/api/v1/statuses/${encodeURIComponent(r.id)}`)), (b) => {
		const v = parseBody('mastodon', b);
		return mapMastodonPage(isRecord(v) ? [v] : v, { fetchedAt: r.env.fetchedAt, instance: host });
	}, () => null);
	const rootNativeId = rootStatus.ok ? (rootStatus.mentions[0]?.nativeId ?? null) : null;
	if (rootNativeId === null) return answer.mentions;
	return mapThread({ [r.id]: rootNativeId }).mentions;
}

/**
 * Hacker News: the story's comments by `search_by_date?tags=comment,story_<id>` (paged).
 * That search knows stories only: when it finds nothing, the item is read with its reply
 * tree (`/api/v1/items/<id>`), which gives the replies under a comment (or under a story
 * the search index has not caught up with).
 */
async function hackerNewsReplies(r: ReplyRead): Promise<Mention[]> {
	const host = publicBase(r.env.settings, 'https://hn.algolia.com');
	const mentions: Mention[] = [];
	let page: PageToken | null = 0;
	let found = false;
	const asked = new Set<string>();
	for (let requests = 0; page !== null && requests < MAX_REQUESTS && mentions.length < r.limit; requests++) {
		asked.add(String(page));
		const answer: PageAnswer = await fetchAndMap(r.ctx, r.env, {
			source: 'hackernews', credentialType: null, url: joinUrl(host, '/api/v1/search_by_date'),
			qs: { tags: `comment,story_${r.id}`, hitsPerPage: 100, page: Number(page) },
		}, (b) => mapHackerNewsPage(b, { fetchedAt: r.env.fetchedAt }), (c) => c.nextPage);
		if (!answer.ok) throw apiError(r.ctx, answer.failure, r.i);
		if (answer.mentions.length > 0 || answer.skipped.length > 0) found = true;
		mentions.push(...answer.mentions);
		page = answer.next !== null && !asked.has(String(answer.next)) ? answer.next : null;
	}
	if (found || !/^\d+$/.test(r.id)) return mentions;
	const tree = await fetchAndMap(r.ctx, r.env, {
		source: 'hackernews', credentialType: null, url: joinUrl(host, `/api/v1/items/${r.id}`),
	}, (b) => mapHackerNewsItemTree(b, { fetchedAt: r.env.fetchedAt }), () => null);
	if (!tree.ok) throw apiError(r.ctx, tree.failure, r.i);
	return tree.mentions;
}

/** X, YouTube and Bluesky: one request family, paged by the API's token. */
async function pagedReplies(r: ReplyRead, source: string): Promise<Mention[]> {
	const { env, id, credentialType, base } = r;
	const fetchedAt = env.fetchedAt;
	const mentions: Mention[] = [];
	let token: string | number | null = null;
	// Page tokens already asked for: an API that hands back a used token (stale cache) ends the read.
	const requested = new Set<string>();
	for (let page = 0; page < MAX_REQUESTS && mentions.length < r.limit; page++) {
		let answer: PageAnswer;
		if (source === 'x') {
			answer = await fetchAndMap(r.ctx, env, {
				source: 'x', credentialType, url: joinUrl(base ?? 'https://api.x.com', '/2/tweets/search/recent'),
				qs: { query: `conversation_id:${id}`, max_results: 100, ...X_FIELDS, ...(token ? { next_token: String(token) } : {}) },
			}, (b) => mapXPage(b, { fetchedAt }), (c) => c.nextToken);
		} else if (source === 'youtube') {
			answer = await fetchAndMap(r.ctx, env, {
				source: 'youtube', credentialType, url: joinUrl(base ?? 'https://www.googleapis.com/youtube/v3', '/commentThreads'),
				qs: { part: 'snippet,replies', videoId: id, order: 'time', maxResults: 100, textFormat: 'plainText', ...(token ? { pageToken: String(token) } : {}) },
			}, (b) => mapYoutubePage(b, { fetchedAt }), (c) => c.nextPageToken);
		} else {
			answer = await fetchAndMap(r.ctx, env, {
				source: 'bluesky', credentialType, url: joinUrl(base ?? 'https://bsky.social', '/xrpc/app.bsky.feed.getPostThread'), qs: { uri: id, depth: 10, parentHeight: 0 },
			}, (b) => mapBlueskyPage(blueskyReplies(b), { fetchedAt }), () => null);
		}
		if (!answer.ok) throw apiError(r.ctx, answer.failure, r.i);
		mentions.push(...answer.mentions);
		token = answer.next;
		if (token === null || requested.has(String(token))) break;
		requested.add(String(token));
	}
	return mentions;
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
	const read: ReplyRead = { ctx: this, env, i, id, limit, credentialType, base };
	const mentions =
		source === 'reddit' ? await redditReplies(read)
		: source === 'mastodon' ? await mastodonReplies(read)
		: source === 'hackernews' ? await hackerNewsReplies(read)
		: await pagedReplies(read, source);
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
