/**
 * Parameters shared by the Mentions Trigger and the Mentions › Search / Get Account Posts
 * operations: sources, the query, per-source settings and the request policy.
 */
import type { INodeCredentialDescription, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { parseQuery, type MentionQuery } from '../../../core/sources/query';
import { DEFAULT_POLICY, type RequestPolicy } from '../transport/request';
import { DEFAULT_SETTINGS, splitList, type SourceName, type SourceSettings } from '../sources/mentionSource';

type Show = Record<string, Array<string | number | boolean>>;

export const SOURCE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'App Store Reviews', value: 'appstore', description: 'Customer reviews of one app (public feed, no credential)' },
	{ name: 'Bluesky', value: 'bluesky', description: 'Post search (needs a Bluesky app password)' },
	{ name: 'Hacker News', value: 'hackernews', description: 'Algolia search by date (no credential)' },
	{ name: 'Mastodon', value: 'mastodon', description: 'Hashtag timelines (public) and full-text search (access token)' },
	{ name: 'Reddit', value: 'reddit', description: 'Search, public JSON or OAuth app' },
	{ name: 'RSS / Atom Feeds', value: 'rss', description: 'Google Alerts, press and blog feeds (no credential)' },
	{ name: 'X', value: 'x', description: 'API v2 recent search, last 7 days (bearer token)' },
	{ name: 'YouTube', value: 'youtube', description: 'Videos by query or comments of given videos (API key)' },
];

/** Credentials of the node: each shown when its source is selected. */
export function sourceCredentials(extra: Show = {}): INodeCredentialDescription[] {
	const when = (show: Show) => ({ show: { ...extra, ...show } });
	return [
		{ name: 'redditOAuth2Api', required: true, displayOptions: when({ sources: ['reddit'], redditAuthentication: ['oAuth2'] }) },
		{ name: 'xApi', required: true, displayOptions: when({ sources: ['x'] }) },
		{ name: 'youTubeApi', required: true, displayOptions: when({ sources: ['youtube'] }) },
		{ name: 'blueskyApi', required: true, displayOptions: when({ sources: ['bluesky'] }) },
		{ name: 'mastodonApi', required: true, displayOptions: when({ sources: ['mastodon'], mastodonAuthentication: ['accessToken'] }) },
	];
}

export function queryProperties(extra: Show = {}): INodeProperties[] {
	const displayOptions = Object.keys(extra).length ? { show: extra } : undefined;
	const p = (prop: INodeProperties): INodeProperties => (displayOptions ? { ...prop, displayOptions } : prop);
	return [
		p({
			displayName: 'Keywords',
			name: 'keywords',
			type: 'string',
			default: '',
			placeholder: 'orvia, "orvia bank"',
			description: 'Words or "exact phrases", comma-separated. A mention matches when it contains any of the keywords, phrases, hashtags or accounts.',
		}),
		p({
			displayName: 'Hashtags',
			name: 'hashtags',
			type: 'string',
			default: '',
			placeholder: 'orvialeak, orvia',
			description: 'Hashtags with or without #, comma-separated (Mastodon reads hashtag timelines)',
		}),
		p({
			displayName: 'Watched Accounts',
			name: 'accounts',
			type: 'string',
			default: '',
			placeholder: 'orvia_support, orvia.bsky.social',
			description: 'Handles whose posts are mentions too, comma-separated',
		}),
		p({
			displayName: 'Exclusions',
			name: 'exclusions',
			type: 'string',
			default: '',
			placeholder: 'job offer, @orvia_jobs',
			description: 'Words or phrases that disqualify a mention; @handle excludes an author',
		}),
		p({
			displayName: 'Languages',
			name: 'languages',
			type: 'string',
			default: '',
			placeholder: 'en, fr',
			description: 'ISO 639-1 codes, comma-separated; mentions of unknown language are kept. Empty = all.',
		}),
	];
}

export function sourceSettingsProperties(extra: Show = {}): INodeProperties[] {
	const when = (show: Show) => ({ show: { ...extra, ...show } });
	return [
		{
			displayName: 'Reddit Authentication',
			name: 'redditAuthentication',
			type: 'options',
			options: [
				{ name: 'Public JSON (10 Requests/Min)', value: 'public' },
				{ name: 'OAuth2 App (100 Requests/Min)', value: 'oAuth2' },
			],
			default: 'public',
			displayOptions: when({ sources: ['reddit'] }),
		},
		{
			displayName: 'Subreddit',
			name: 'subreddit',
			type: 'string',
			default: '',
			placeholder: 'fintech',
			description: 'Search only this subreddit; empty searches all of Reddit',
			displayOptions: when({ sources: ['reddit'] }),
		},
		{
			displayName: 'Mastodon Instance URL',
			name: 'mastodonInstance',
			type: 'string',
			default: 'https://mastodon.social',
			description: 'Instance whose public hashtag timelines are read (with an access token, the credential’s instance is used)',
			displayOptions: when({ sources: ['mastodon'], mastodonAuthentication: ['none'] }),
		},
		{
			displayName: 'Mastodon Authentication',
			name: 'mastodonAuthentication',
			type: 'options',
			options: [
				{ name: 'None (Public Hashtag Timelines)', value: 'none' },
				{ name: 'Access Token (Adds Full-Text Search)', value: 'accessToken' },
			],
			default: 'none',
			displayOptions: when({ sources: ['mastodon'] }),
		},
		{
			displayName: 'Feed URLs',
			name: 'feedUrls',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			placeholder: 'https://www.google.com/alerts/feeds/…',
			description: 'RSS or Atom feed URLs, one per line (Google Alerts: "Deliver to: RSS feed")',
			displayOptions: when({ sources: ['rss'] }),
		},
		{
			displayName: 'YouTube Mode',
			name: 'youtubeMode',
			type: 'options',
			options: [
				{ name: 'Videos Matching the Query', value: 'search', description: 'Uses search.list: 100 quota units per page' },
				{ name: 'Comments of Given Videos', value: 'comments', description: 'Uses commentThreads.list: 1 unit per page' },
			],
			default: 'search',
			displayOptions: when({ sources: ['youtube'] }),
		},
		{
			displayName: 'Video IDs',
			name: 'youtubeVideoIds',
			type: 'string',
			default: '',
			placeholder: 'dQw4w9WgXcQ, …',
			description: 'Videos whose comments are read, comma-separated',
			displayOptions: when({ sources: ['youtube'], youtubeMode: ['comments'] }),
		},
		{
			displayName: 'App Store App ID',
			name: 'appStoreAppId',
			type: 'string',
			default: '',
			placeholder: '284882215',
			description: 'The number in the app’s App Store URL (…/id284882215)',
			displayOptions: when({ sources: ['appstore'] }),
		},
		{
			displayName: 'App Store Country',
			name: 'appStoreCountry',
			type: 'string',
			default: 'us',
			description: 'Two-letter storefront code (us, fr, gb…); each storefront has its own reviews',
			displayOptions: when({ sources: ['appstore'] }),
		},
	];
}

/** Request policy and base URL override, inside the node's Options collection. */
export const policyOptions: INodeProperties[] = [
	{
		displayName: 'API Base URL',
		name: 'apiBaseUrl',
		type: 'string',
		default: '',
		placeholder: 'http://127.0.0.1:8080',
		description: 'Send the requests of public sources (Reddit public JSON, Hacker News, App Store) to this base URL instead of each API’s host: for a proxy or a replay server. Credentials have their own Base URL.',
	},
	{
		displayName: 'Max Rate-Limit Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		description: 'When an API says to wait, wait up to this long; a longer wait stops the source for this poll (it resumes after the reset)',
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 5 },
		default: 2,
		description: 'Retries after a server error, timeout or garbage body, with exponential backoff',
	},
	{
		displayName: 'Request Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 20,
	},
	{
		displayName: 'Retry Delay (Ms)',
		name: 'retryDelayMs',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 1000,
		description: 'First backoff delay; doubles on each retry',
	},
	{
		displayName: 'YouTube Search Every (Minutes)',
		name: 'youtubeSearchEveryMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 60,
		description: 'Searching YouTube costs 100 of the 10,000 daily quota units per page: search at most this often (comments are not throttled)',
	},
];

export type ParamReader = (name: string, fallback: unknown) => unknown;

export interface SourceInputs {
	sources: SourceName[];
	query: MentionQuery;
	settings: SourceSettings;
	policy: RequestPolicy;
}

export function readSourceInputs(get: ParamReader, options: Record<string, unknown>): SourceInputs {
	const raw = get('sources', []);
	const sources = (Array.isArray(raw) ? raw : [raw]).map(String) as SourceName[];
	const query = parseQuery({
		keywords: String(get('keywords', '') ?? ''),
		hashtags: String(get('hashtags', '') ?? ''),
		accounts: String(get('accounts', '') ?? ''),
		exclusions: String(get('exclusions', '') ?? ''),
		languages: String(get('languages', '') ?? ''),
	});
	const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
	const settings: SourceSettings = {
		...DEFAULT_SETTINGS,
		apiBaseUrl: String(options.apiBaseUrl ?? ''),
		redditAuth: get('redditAuthentication', 'public') === 'oAuth2' ? 'oAuth2' : 'public',
		subreddit: String(get('subreddit', '') ?? ''),
		mastodonInstance: String(get('mastodonInstance', DEFAULT_SETTINGS.mastodonInstance) || DEFAULT_SETTINGS.mastodonInstance),
		mastodonAuth: get('mastodonAuthentication', 'none') === 'accessToken' ? 'accessToken' : 'none',
		feedUrls: splitList(get('feedUrls', '')),
		youtubeMode: get('youtubeMode', 'search') === 'comments' ? 'comments' : 'search',
		youtubeVideoIds: splitList(get('youtubeVideoIds', '')),
		youtubeSearchEveryMinutes: num(options.youtubeSearchEveryMinutes, DEFAULT_SETTINGS.youtubeSearchEveryMinutes),
		appStoreAppId: String(get('appStoreAppId', '') ?? ''),
		appStoreCountry: String(get('appStoreCountry', 'us') || 'us'),
	};
	const policy: RequestPolicy = {
		maxRetries: num(options.maxRetries, DEFAULT_POLICY.maxRetries),
		retryDelayMs: num(options.retryDelayMs, DEFAULT_POLICY.retryDelayMs),
		maxWaitMs: num(options.maxWaitSeconds, DEFAULT_POLICY.maxWaitMs / 1000) * 1000,
		timeoutMs: num(options.timeoutSeconds, DEFAULT_POLICY.timeoutMs / 1000) * 1000,
	};
	return { sources, query, settings, policy };
}
