/**
 * The mention query (keywords, phrases, hashtags, watched accounts, exclusions,
 * languages): parsing, a case- and accent-insensitive matcher, and per-platform query
 * builders. Server-side queries are a recall filter shaped to each API's syntax;
 * `matchesQuery` is the precision filter applied to every mapped mention, so
 * exclusions and languages hold even where an API cannot express them.
 */
import type { Mention } from '../mention/mention';
import { SourceQueryError } from './errors';
import { normaliseLanguage } from './language';

export interface MentionQueryInput {
	/** Words; a comma/newline separated string or a list. Quoted entries and entries with spaces become phrases. */
	keywords?: string | string[];
	phrases?: string | string[];
	/** With or without `#`. */
	hashtags?: string | string[];
	/** Handles, with or without `@` (`orvia`, `orvia@mastodon.social`, `orvia.bsky.social`). */
	accounts?: string | string[];
	/** Words or phrases that disqualify a mention; `@handle` excludes an author. */
	exclusions?: string | string[];
	/** ISO 639-1 codes; mentions of unknown language are kept. */
	languages?: string | string[];
}

export interface MentionQuery {
	keywords: string[];
	phrases: string[];
	hashtags: string[];
	accounts: string[];
	exclusions: string[];
	excludedAccounts: string[];
	languages: string[];
}

function list(value: string | string[] | undefined): string[] {
	if (value === undefined || value === null) return [];
	const parts = Array.isArray(value) ? value : String(value).split(/[,\n]/);
	return parts
		.map((p) => (typeof p === 'string' ? p.trim().replace(/\s+/g, ' ') : ''))
		.filter((p) => p !== '');
}

function unique(values: string[]): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const v of values) {
		const k = fold(v);
		if (!seen.has(k)) {
			seen.add(k);
			out.push(v);
		}
	}
	return out;
}

function unquote(s: string): string {
	return s
		.replace(/^["“”«»\s]+|["“”«»\s]+$/g, '')
		.replace(/"/g, '')
		.trim();
}

/** Lower-case, accents removed, typographic apostrophes unified, spaces collapsed. */
export function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[’‘`´]/g, "'")
		.replace(/\s+/g, ' ');
}

/** Normalises the user's query fields (lists or comma-separated strings). */
export function parseQuery(input: MentionQueryInput): MentionQuery {
	const keywords: string[] = [];
	const phrases: string[] = list(input.phrases)
		.map(unquote)
		.filter((p) => p !== '');
	for (const k of list(input.keywords)) {
		const word = unquote(k);
		if (word === '') continue;
		if (/^["“«]/.test(k) || word.includes(' ')) phrases.push(word);
		else keywords.push(word);
	}
	const exclusions: string[] = [];
	const excludedAccounts: string[] = [];
	for (const e of list(input.exclusions)) {
		const cleaned = unquote(e.replace(/^-/, ''));
		if (cleaned.startsWith('@') && cleaned.length > 1)
			excludedAccounts.push(cleaned.slice(1).toLowerCase());
		else if (cleaned !== '') exclusions.push(cleaned);
	}
	return {
		keywords: unique(keywords),
		phrases: unique(phrases),
		hashtags: unique(
			list(input.hashtags)
				.map((h) => h.replace(/^#+/, '').replace(/\s+/g, '').toLowerCase())
				.filter((h) => h !== ''),
		),
		accounts: unique(
			list(input.accounts)
				.map((a) => a.replace(/^@+/, '').toLowerCase())
				.filter((a) => a !== ''),
		),
		exclusions: unique(exclusions),
		excludedAccounts: unique(excludedAccounts),
		languages: unique(
			list(input.languages)
				.map((l) => normaliseLanguage(l))
				.filter((l): l is string => l !== null),
		),
	};
}

interface CompiledQuery {
	positive: RegExp | null;
	exclusion: RegExp | null;
	hashtags: Set<string>;
	accounts: string[];
	excludedAccounts: string[];
	languages: Set<string>;
	hasPositive: boolean;
}

const compiled = new WeakMap<MentionQuery, CompiledQuery>();

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function termsRegExp(terms: string[]): RegExp | null {
	if (terms.length === 0) return null;
	const alternatives = terms.map((t) => escapeRegExp(fold(t)).replace(/ /g, '\\s+'));
	return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'u');
}

function compile(query: MentionQuery): CompiledQuery {
	let c = compiled.get(query);
	if (!c) {
		c = {
			positive: termsRegExp([...query.keywords, ...query.phrases]),
			exclusion: termsRegExp(query.exclusions),
			hashtags: new Set(query.hashtags.map(fold)),
			accounts: query.accounts.map(fold),
			excludedAccounts: (query.excludedAccounts ?? []).map(fold),
			languages: new Set(query.languages),
			hasPositive:
				query.keywords.length +
					query.phrases.length +
					query.hashtags.length +
					query.accounts.length >
				0,
		};
		compiled.set(query, c);
	}
	return c;
}

function sameAccount(handle: string, account: string): boolean {
	if (handle === account) return true;
	// `alice` matches `alice@mastodon.social` and the reverse, but not different domains.
	const [hu, hd] = handle.split('@');
	const [au, ad] = account.split('@');
	return hu === au && (hd === undefined || ad === undefined);
}

/**
 * True when the mention matches at least one keyword, phrase, hashtag or account (any,
 * when none is given), contains no exclusion, is not by an excluded account, and is in
 * one of the languages (when both are known). Case- and accent-insensitive.
 */
export function matchesQuery(mention: Mention, query: MentionQuery): boolean {
	const c = compile(query);
	if (c.languages.size > 0 && mention.language !== null && !c.languages.has(mention.language))
		return false;
	const handle = fold(mention.author.handle.replace(/^@/, ''));
	if (c.excludedAccounts.some((a) => sameAccount(handle, a))) return false;
	const text = fold(`${mention.title ?? ''}\n${mention.text}`);
	if (c.exclusion && c.exclusion.test(text)) return false;
	if (!c.hasPositive) return true;
	if (c.positive && c.positive.test(text)) return true;
	if (c.hashtags.size > 0) {
		for (const h of mention.hashtags) if (c.hashtags.has(fold(h))) return true;
		for (const h of c.hashtags) if (text.includes(`#${h}`)) return true;
	}
	if (c.accounts.length > 0) {
		if (c.accounts.some((a) => sameAccount(handle, a))) return true;
		if (c.accounts.some((a) => text.includes(`@${a}`))) return true;
	}
	return false;
}

// ---- Per-platform builders ----------------------------------------------------------

function quoted(term: string): string {
	return /^[\p{L}\p{N}_'.-]+$/u.test(term) ? term : `"${term}"`;
}

function orGroup(parts: string[], or = ' OR '): string {
	return parts.length > 1 ? `(${parts.join(or)})` : (parts[0] ?? '');
}

function requirePositive(source: string, query: MentionQuery, what: string): void {
	if (
		query.keywords.length + query.phrases.length + query.hashtags.length + query.accounts.length ===
		0
	) {
		throw new SourceQueryError(source, `needs at least one ${what}`);
	}
}

function checkLength(source: string, q: string, max: number): string {
	if (q.length > max)
		throw new SourceQueryError(
			source,
			`is ${q.length} characters, the API accepts at most ${max}: split the query or drop terms`,
		);
	return q;
}

/**
 * X API v2 search query: `(brand OR "phrase" OR #tag OR from:acct OR @acct) -excl
 * (lang:fr OR lang:en) -is:retweet`. At most 512 characters.
 */
export function toXQuery(query: MentionQuery, options: { excludeRetweets?: boolean } = {}): string {
	requirePositive('x', query, 'keyword, phrase, hashtag or account');
	const positive = [
		...query.keywords.map(quoted),
		...query.phrases.map((p) => `"${p}"`),
		...query.hashtags.map((h) => `#${h}`),
		...query.accounts.flatMap((a) => [`from:${a}`, `@${a}`]),
	];
	const parts = [orGroup(positive)];
	parts.push(...query.exclusions.map((e) => `-${quoted(e)}`));
	parts.push(...(query.excludedAccounts ?? []).map((a) => `-from:${a}`));
	if (query.languages.length > 0) parts.push(orGroup(query.languages.map((l) => `lang:${l}`)));
	if (options.excludeRetweets !== false) parts.push('-is:retweet');
	return checkLength('x', parts.join(' '), 512);
}

/**
 * Reddit search `q`: `(brand OR "phrase" OR author:acct) NOT excl`. Hashtags are
 * searched as words (Reddit has none); languages cannot be expressed. At most 512 characters.
 */
export function toRedditQuery(query: MentionQuery): string {
	requirePositive('reddit', query, 'keyword, phrase, hashtag or account');
	const positive = [
		...query.keywords.map(quoted),
		...query.phrases.map((p) => `"${p}"`),
		...query.hashtags.map(quoted),
		...query.accounts.map((a) => `author:${a}`),
	];
	const parts = [orGroup(positive)];
	parts.push(...query.exclusions.map((e) => `NOT ${quoted(e)}`));
	return checkLength('reddit', parts.join(' '), 512);
}

export interface HnSearch {
	/** Algolia `query` (words are ANDed, so one search per term; `-word` excludes with advancedSyntax). */
	query: string;
	/** Algolia `tags` filter (`author_<name>`), null to use the caller's default (`(story,comment)`). */
	tags: string | null;
}

/** Hacker News Algolia: one search per term (Algolia has no OR in `query`), exclusions as `-word`. */
export function toHnQuery(query: MentionQuery): HnSearch[] {
	requirePositive('hackernews', query, 'keyword, phrase, hashtag or account');
	const exclusions = query.exclusions.map((e) => (e.includes(' ') ? `-"${e}"` : `-${e}`)).join(' ');
	const withExclusions = (q: string) => (exclusions ? `${q} ${exclusions}` : q);
	return [
		...query.keywords.map((k) => ({ query: withExclusions(k), tags: null })),
		...query.phrases.map((p) => ({ query: withExclusions(`"${p}"`), tags: null })),
		...query.hashtags.map((h) => ({ query: withExclusions(h), tags: null })),
		...query.accounts.map((a) => ({ query: exclusions, tags: `author_${a}` })),
	];
}

export interface MastodonSearchPlan {
	/** `/api/v1/timelines/tag/:tag?any[]=…` requests: the API takes at most 4 tags in one (1 + 3 `any`). */
	tagTimelines: { tag: string; any: string[] }[];
	/** `/api/v2/search?type=statuses&q=…` queries (full-text needs a user token and an Elasticsearch-enabled instance). */
	searches: string[];
}

/** Mastodon: hashtags go to tag timelines (public), words and accounts to v2 search. Exclusions are applied by matchesQuery. */
export function toMastodonQuery(query: MentionQuery): MastodonSearchPlan {
	requirePositive('mastodon', query, 'keyword, phrase, hashtag or account');
	const tagTimelines: MastodonSearchPlan['tagTimelines'] = [];
	for (let i = 0; i < query.hashtags.length; i += 4) {
		const group = query.hashtags.slice(i, i + 4);
		tagTimelines.push({ tag: group[0], any: group.slice(1) });
	}
	const lang = query.languages.length === 1 ? ` language:${query.languages[0]}` : '';
	const searches = [
		...query.keywords.map((k) => `${k}${lang}`),
		...query.phrases.map((p) => `"${p}"${lang}`),
		...query.accounts.map((a) => `from:${a}${lang}`),
	];
	return { tagTimelines, searches };
}

export interface BlueskySearch {
	/** `q` of app.bsky.feed.searchPosts. */
	q: string;
	/** `lang` parameter when exactly one language is asked. */
	lang: string | null;
	/** `tag[]` parameter for hashtag searches. */
	tag: string[];
}

/** Bluesky searchPosts: one search per term (`"phrase"`, `#tag`, `from:handle`). Exclusions are applied by matchesQuery. */
export function toBlueskyQuery(query: MentionQuery): BlueskySearch[] {
	requirePositive('bluesky', query, 'keyword, phrase, hashtag or account');
	const lang = query.languages.length === 1 ? query.languages[0] : null;
	return [
		...query.keywords.map((k) => ({ q: k, lang, tag: [] })),
		...query.phrases.map((p) => ({ q: `"${p}"`, lang, tag: [] })),
		...query.hashtags.map((h) => ({ q: `#${h}`, lang, tag: [h] })),
		...query.accounts.map((a) => ({ q: `from:${a}`, lang, tag: [] })),
	];
}

/**
 * YouTube search `q`: `brand|"phrase"|#tag -excl` (`|` is OR, `-` is NOT). Accounts
 * cannot be searched by text (use `channelId`); languages only bias results
 * (`relevanceLanguage`), matchesQuery filters them.
 */
export function toYoutubeQuery(query: MentionQuery): string {
	if (query.keywords.length + query.phrases.length + query.hashtags.length === 0) {
		throw new SourceQueryError(
			'youtube',
			'needs at least one keyword, phrase or hashtag (accounts are channels: use channelId)',
		);
	}
	const positive = [
		...query.keywords.map(quoted),
		...query.phrases.map((p) => `"${p}"`),
		...query.hashtags.map((h) => `#${h}`),
	];
	const parts = [positive.join('|')];
	parts.push(...query.exclusions.map((e) => `-${quoted(e)}`));
	return checkLength('youtube', parts.join(' '), 500);
}
