/**
 * The adapter contract between the pure mappers (core/sources/**) and n8n: each source
 * turns the query into one or more *streams* (independent listings: one per search term,
 * feed, tag timeline or video), builds the request for one page of a stream, calls the
 * transport, and hands the body to its core mapper. Paging, cursors, dedupe and
 * failure handling live in `collect.ts`, once for all sources.
 */
import { PLATFORMS, type Mention, type Platform } from '../../../core/mention/mention';
import { SourceBodyError } from '../../../core/sources/errors';
import type { MappedPage, SkippedItem } from '../../../core/sources/mapPage';
import type { MentionQuery } from '../../../core/sources/query';
import type { HttpFailure } from '../../../core/sources/httpFailure';
import { sourceRequest, type FetchContext, type RequestPolicy, type SourceRequest } from '../transport/request';

/** The platforms that are fetched (every Platform but the shipped sample and imported files). */
export type SourceName = Exclude<Platform, 'sample' | 'import'>;
export const SOURCE_NAMES: readonly SourceName[] = PLATFORMS.filter(
	(p): p is SourceName => p !== 'sample' && p !== 'import',
);

/** Where a stream stopped last time. `position` is sortable text (padded id or RFC3339 time). */
export interface Watermark {
	publishedAt: string | null;
	/** Native id the API takes as `since_id` (X tweet id, Mastodon local status id), else null. */
	sinceId: string | null;
	position: string | null;
}

export interface SourceSettings {
	/** Replaces the host of public endpoints (Reddit public JSON, Hacker News, App Store): replay servers, proxies. */
	apiBaseUrl: string;
	redditAuth: 'public' | 'oAuth2';
	subreddit: string;
	mastodonInstance: string;
	mastodonAuth: 'none' | 'accessToken';
	feedUrls: string[];
	youtubeMode: 'search' | 'comments';
	youtubeVideoIds: string[];
	/** YouTube search costs 100 quota units per page: search at most this often. */
	youtubeSearchEveryMinutes: number;
	appStoreAppId: string;
	appStoreCountry: string;
}

export const DEFAULT_SETTINGS: SourceSettings = {
	apiBaseUrl: '',
	redditAuth: 'public',
	subreddit: '',
	mastodonInstance: 'https://mastodon.social',
	mastodonAuth: 'none',
	feedUrls: [],
	youtubeMode: 'search',
	youtubeVideoIds: [],
	youtubeSearchEveryMinutes: 60,
	appStoreAppId: '',
	appStoreCountry: 'us',
};

export interface StreamSpec {
	/** Stable id of the stream inside its source (cursor key). */
	id: string;
	[key: string]: unknown;
}

export interface SourceEnv {
	settings: SourceSettings;
	policy: RequestPolicy;
	fetchedAt: string;
	/** `baseUrl` of the source's credential, when it has one. */
	credentialBaseUrl: string | null;
	/** Upper bound for searches over a time range (RFC3339), else null. */
	until: string | null;
}

export type PageToken = string | number;

export interface SourceFailure extends HttpFailure {
	credentialType: string | null;
	attempts: number;
}

/** What a reply read gives: the replies (unsorted, possibly repeated), or the failure that stopped it. */
export type RepliesAnswer = { ok: true; mentions: Mention[]; calls: number } | { ok: false; failure: SourceFailure; calls: number };

/** Replies and comments to one post (Mentions › Get Replies), read with the source's own endpoints and credential. */
export interface ReplySource {
	/** The platform's post id from what a user pastes (URL, fullname, id). Pure, in core/sources/<platform>/replies.ts. */
	postId(input: string): string;
	/** Reads the replies of `postId` until `limit` of them (or the source's request cap). */
	read(ctx: FetchContext, env: SourceEnv, postId: string, limit: number): Promise<RepliesAnswer>;
}

export type PageAnswer =
	| { ok: true; mentions: Mention[]; skipped: SkippedItem[]; next: PageToken | null; calls: number }
	| { ok: false; failure: SourceFailure; calls: number };

export interface MentionSource {
	name: SourceName;
	/** n8n credential type used for this configuration, or null (public endpoint). */
	credentialType(settings: SourceSettings): string | null;
	/** The listings to read; throws SourceQueryError when the query cannot be expressed. */
	streams(query: MentionQuery, settings: SourceSettings): StreamSpec[];
	fetchPage(
		ctx: FetchContext,
		env: SourceEnv,
		stream: StreamSpec,
		since: Watermark | null,
		token: PageToken | null,
	): Promise<PageAnswer>;
	/** Sortable position of a mention in its listing (newest = greatest). */
	position(mention: Mention): string;
	/** Native id for `since_id`-style parameters, when the API has one. */
	sinceId?(mention: Mention): string | null;
	/** Whether matchesQuery applies (false for listings already scoped to our app or videos). */
	filtersByQuery(stream: StreamSpec): boolean;
	/** Minimum minutes between two fetches of a stream (quota-bound searches), else 0. */
	minIntervalMinutes?(stream: StreamSpec, settings: SourceSettings): number;
	/** Replies to one post, where the platform has them (not RSS nor the App Store). */
	replies?: ReplySource;
}

/** Numeric ids as fixed-width text, so they sort like numbers. */
export function paddedId(id: string | null | undefined): string {
	return String(id ?? '').padStart(24, '0');
}

export function byTime(mention: Mention): string {
	return mention.publishedAt;
}

/** Host part of a URL for messages and Mention.source, without throwing. */
export function hostOf(url: string): string {
	const m = /^[a-z]+:\/\/([^/?#]+)/i.exec(url.trim());
	return m ? m[1].toLowerCase() : url;
}

/** Base URL of a public endpoint: the node's override, else the API's own host. */
export function publicBase(settings: SourceSettings, real: string): string {
	const o = settings.apiBaseUrl.trim();
	return o !== '' ? o.replace(/\/+$/, '') : real;
}

/**
 * One page: request through the transport, then the core mapper. A body the mapper
 * refuses (HTML error page, truncated JSON, API error object) is requested again up to
 * `maxRetries` times, then reported as a failure of this stream; it never crashes.
 */
export async function fetchAndMap<C>(
	ctx: FetchContext,
	env: SourceEnv,
	req: SourceRequest,
	map: (body: unknown) => MappedPage<C>,
	next: (cursor: C, page: MappedPage<C>) => PageToken | null,
): Promise<PageAnswer> {
	let calls = 0;
	for (let attempt = 0; ; attempt++) {
		const answer = await sourceRequest(ctx, req, env.policy);
		calls += answer.calls;
		if (!answer.ok) return { ok: false, failure: answer.failure, calls };
		let failure: string;
		try {
			const page = map(answer.body);
			return { ok: true, mentions: page.mentions, skipped: page.skipped, next: next(page.cursor, page), calls };
		} catch (error) {
			failure = error instanceof SourceBodyError || error instanceof Error ? error.message : String(error);
		}
		if (attempt >= env.policy.maxRetries) {
			return {
				ok: false,
				calls,
				failure: {
					source: req.source,
					status: answer.status,
					kind: 'other',
					retryAt: null,
					message: failure,
					hint: 'The API answered with a body that is not what it documents (error page, truncated or garbage JSON/XML). The next poll retries; the cursor did not move.',
					credentialType: req.credentialType,
					attempts: calls,
				},
			};
		}
	}
}

/** Comma/newline separated text → trimmed list. */
export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '');
	if (typeof value !== 'string') return [];
	return value
		.split(/[,\n]/)
		.map((v) => v.trim())
		.filter((v) => v !== '');
}
