/**
 * Cross-source story dedupe: the same article shared on Reddit, HN, Mastodon and in a
 * Google Alert gets one story key; plus a bounded "seen" set the trigger keeps in
 * workflow static data so each mention is emitted once.
 */
import type { Mention } from '../mention/mention';

const TRACKING_PARAMS = new Set([
	'fbclid',
	'gclid',
	'dclid',
	'gbraid',
	'wbraid',
	'msclkid',
	'yclid',
	'igshid',
	'mc_cid',
	'mc_eid',
	'_hsenc',
	'_hsmi',
	'mkt_tok',
	'ref_src',
	'ref_url',
	'cmpid',
	'oly_anon_id',
	'oly_enc_id',
	'vero_id',
	'__twitter_impression',
	'spm',
]);

function isTrackingParam(name: string): boolean {
	const n = name.toLowerCase();
	return n.startsWith('utm_') || TRACKING_PARAMS.has(n);
}

function parseHttpUrl(value: string): URL | null {
	if (value.length > 4096 || !/^https?:\/\//i.test(value)) return null;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
	} catch {
		return null;
	}
}

const GOOGLE_REDIRECT_HOST = /^(www\.)?google\.[a-z.]{2,6}$/;

/**
 * Google Alerts (and Google News/Search) wrap links as
 * `https://www.google.com/url?rct=j&sa=t&url=REAL&ct=ga&…`; returns REAL (or `q=`),
 * else the input unchanged.
 */
export function unwrapGoogleRedirect(value: string): string {
	const url = parseHttpUrl(value);
	if (!url || !GOOGLE_REDIRECT_HOST.test(url.hostname) || url.pathname !== '/url') return value;
	const real = url.searchParams.get('url') ?? url.searchParams.get('q');
	return real && /^https?:\/\//i.test(real) ? real : value;
}

/**
 * Canonical public URL: Google redirect unwrapped, http(s) only (else null), host
 * lower-cased, default port, fragment, `utm_*`/`fbclid`/`gclid`-style tracking
 * parameters and the trailing path slash removed.
 */
export function canonicalUrl(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	if (trimmed === '') return null;
	const url = parseHttpUrl(unwrapGoogleRedirect(trimmed));
	if (!url || url.hostname === '') return null;
	url.hash = '';
	if (url.search !== '') {
		const names = [...url.searchParams.keys()];
		for (const name of names) if (isTrackingParam(name)) url.searchParams.delete(name);
	}
	if (url.pathname.length > 1 && url.pathname.endsWith('/'))
		url.pathname = url.pathname.replace(/\/+$/, '') || '/';
	let out = url.toString();
	if (url.pathname === '/' && url.search === '' && out.endsWith('/')) out = out.slice(0, -1);
	return out;
}

/** Key used to compare URLs across sources: canonical URL without scheme and `www.`, query sorted. */
export function urlKey(value: unknown): string | null {
	const canonical = canonicalUrl(value);
	if (canonical === null) return null;
	const url = new URL(canonical);
	url.searchParams.sort();
	const host = url.hostname.replace(/^www\./, '');
	const path = url.pathname === '/' ? '' : url.pathname;
	return `${host}${url.port ? `:${url.port}` : ''}${path}${url.search}`;
}

function rawField(raw: unknown, path: string[]): unknown {
	let v: unknown = raw;
	for (const p of path) {
		if (typeof v !== 'object' || v === null) return undefined;
		v = (v as Record<string, unknown>)[p];
	}
	return v;
}

/**
 * The article a mention points at, when the platform says so: a Reddit link post's
 * `url`, an HN story `url` (or the story of a comment), a Mastodon link card, a
 * Bluesky external embed. Null when the mention is its own story.
 */
export function linkedUrl(mention: Mention): string | null {
	const raw = mention.raw;
	let candidate: unknown;
	switch (mention.platform) {
		case 'reddit':
			candidate =
				rawField(raw, ['is_self']) === true
					? undefined
					: (rawField(raw, ['url_overridden_by_dest']) ?? rawField(raw, ['url']));
			break;
		case 'hackernews':
			candidate = rawField(raw, ['url']) ?? rawField(raw, ['story_url']);
			break;
		case 'mastodon':
			candidate = rawField(raw, ['card', 'url']);
			break;
		case 'bluesky':
			candidate =
				rawField(raw, ['record', 'embed', 'external', 'uri']) ??
				rawField(raw, ['embed', 'external', 'uri']);
			break;
		case 'x': {
			const urls = rawField(raw, ['entities', 'urls']);
			if (Array.isArray(urls) && urls.length > 0)
				candidate = rawField(urls[0], ['unwound_url']) ?? rawField(urls[0], ['expanded_url']);
			break;
		}
		default:
			candidate = undefined;
	}
	const url = canonicalUrl(candidate);
	if (url === null) return null;
	// Links to the platform itself (a Reddit post linking its own image host) are not stories.
	return /^https?:\/\/([a-z0-9-]+\.)*(reddit\.com|redd\.it|bsky\.app|x\.com|twitter\.com|t\.co)(\/|$)/i.test(
		url,
	)
		? null
		: url;
}

function foldTitle(title: string): string {
	return title
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()
		.slice(0, 160);
}

/**
 * Platforms whose items are each their own story: an App Store review's link is the app's
 * review page, the same for every review, and two reviews may share a title ("Great app").
 */
const OWN_STORY_PLATFORMS: ReadonlySet<string> = new Set(['appstore']);

/**
 * One key per story across sources: `url:<host/path?query>` of the linked article or
 * of the mention itself, else `title:<folded title>`, else `id:<mention id>` (always the
 * id for a review: see OWN_STORY_PLATFORMS).
 */
export function storyKey(mention: Mention): string {
	if (OWN_STORY_PLATFORMS.has(mention.platform)) return `id:${mention.id}`;
	const key = urlKey(linkedUrl(mention) ?? mention.url);
	if (key !== null) return `url:${key}`;
	if (mention.title) {
		const t = foldTitle(mention.title);
		if (t.length >= 12) return `title:${t}`;
	}
	return `id:${mention.id}`;
}

export interface SeenSetState {
	version: 1;
	maxEntries: number;
	/** Oldest first. */
	keys: string[];
}

export interface SeenSet {
	has(key: string): boolean;
	/** Records the key as most recently seen; returns true when it was new. */
	add(key: string): boolean;
	readonly size: number;
	readonly maxEntries: number;
	/** Plain JSON for `getWorkflowStaticData` (oldest first). */
	toJSON(): SeenSetState;
}

/**
 * A bounded set that forgets the least recently seen keys beyond `maxEntries`.
 * `initial` accepts a previous `toJSON()` (or a plain key array); anything else starts empty.
 */
export function createSeenSet(maxEntries: number, initial?: unknown): SeenSet {
	const max = Number.isFinite(maxEntries) && maxEntries >= 1 ? Math.floor(maxEntries) : 1;
	const keys = new Map<string, true>();
	const previous = Array.isArray(initial)
		? initial
		: typeof initial === 'object' &&
			  initial !== null &&
			  Array.isArray((initial as SeenSetState).keys)
			? (initial as SeenSetState).keys
			: [];
	for (const k of previous.slice(-max)) if (typeof k === 'string') keys.set(k, true);
	const evict = () => {
		while (keys.size > max) {
			const oldest = keys.keys().next().value as string;
			keys.delete(oldest);
		}
	};
	return {
		has: (key) => keys.has(key),
		add(key) {
			const isNew = !keys.has(key);
			if (!isNew) keys.delete(key);
			keys.set(key, true);
			evict();
			return isNew;
		},
		get size() {
			return keys.size;
		},
		maxEntries: max,
		toJSON: () => ({ version: 1, maxEntries: max, keys: [...keys.keys()] }),
	};
}
