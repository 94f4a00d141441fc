/**
 * Mastodon statuses (`/api/v1/timelines/tag/:hashtag` → Status[], `/api/v2/search` →
 * `{statuses}`) → Mention records, from any instance.
 *
 * Native id = the status `uri` (its ActivityPub id): instance-local `id`s differ from
 * one instance to the next for the same federated post, and two instances may reuse the
 * same number, so the local id only drives the per-instance cursor.
 *
 * `in_reply_to_id` is instance-local too, so a reply's `inReplyToId` is the parent's
 * Mention id (`mastodon:<parent uri>`) only when the parent's uri is known: the parent is
 * on the same page (same instance), or the caller names it in `ctx.knownStatuses` (Get
 * Replies fetches the thread's root status). Otherwise it stays null, never a guess.
 */
import { mentionId, type Mention } from '../../mention/mention';
import { laterTimestamp, toIsoTimestamp } from '../dates';
import { canonicalUrl } from '../dedupe';
import { SourceBodyError, SourceItemError, describeValue } from '../errors';
import { extractHashtags, normaliseHashtags } from '../hashtags';
import { htmlToText } from '../html';
import { apiErrorMessage, isRecord, parseBody } from '../json';
import { normaliseLanguage } from '../language';
import {
	countOf,
	idOf,
	mapItems,
	optionalCount,
	stringOf,
	type MapContext,
	type MappedPage,
} from '../mapPage';
import { isNumericId, newestNumericId, oldestNumericId } from '../numericIds';

export interface MastodonCursor {
	/** Newest instance-local status id on the page: next poll passes `min_id` (or `since_id`) = this. Compare with compareNumericIds. */
	newestId: string | null;
	/** Oldest instance-local status id: pass as `max_id` to page further back within a run. */
	oldestId: string | null;
	newestPublishedAt: string | null;
	/** Items on the page; fewer than `limit` means the end. */
	count: number;
	/** v2/search only: hashtags with 7 days of `{day, uses, accounts}` (free volume signal). */
	hashtagHistory: { name: string; history: { day: string; uses: number; accounts: number }[] }[];
}

const SOURCE = 'mastodon';

export interface MastodonMapContext extends MapContext {
	/**
	 * Statuses known beyond the page: instance-local status id (on `instance`) → the
	 * status's Mention native id (its `uri`). Resolves `in_reply_to_id` of replies whose
	 * parent is not on the page (e.g. the root of a thread read with `/context`).
	 */
	knownStatuses?: Record<string, string>;
}

/** An instance-local id as text (string, or a safe integer), else null. Never throws. */
function localIdOf(value: unknown): string | null {
	if (typeof value === 'string') return value.trim() !== '' ? value.trim() : null;
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
}

/** The native id mapStatus gives a status (the `uri`, else `<host>:<local id>`). */
function nativeIdOf(status: Record<string, unknown>, instance: string | null): string | null {
	const localId = localIdOf(status.id);
	const uri = stringOf(status.uri);
	if (uri) return uri;
	const home = instance ?? hostOf(status.uri) ?? hostOf(status.url);
	return localId ? (home ? `${home}:${localId}` : localId) : null;
}

/** The local ids of the statuses on a page (boosted ones included) → their native ids. */
function pageStatuses(statuses: unknown[], instance: string | null): Map<string, string> {
	const out = new Map<string, string>();
	for (const outer of statuses) {
		if (!isRecord(outer)) continue;
		for (const s of isRecord(outer.reblog) ? [outer.reblog] : [outer]) {
			const localId = localIdOf(s.id);
			const nativeId = nativeIdOf(s, instance);
			if (localId !== null && nativeId !== null) out.set(localId, nativeId);
		}
	}
	return out;
}

function hostOf(url: unknown): string | null {
	if (typeof url !== 'string') return null;
	const m = /^https?:\/\/([^/:?#]+)/i.exec(url);
	return m ? m[1].toLowerCase() : null;
}

function mapStatus(
	outer: Record<string, unknown>,
	instance: string | null,
	sourceOverride: string | undefined,
	known: ReadonlyMap<string, string>,
): Mention {
	// A boost carries the boosted status: map that one (its uri dedupes it with the original).
	const status = isRecord(outer.reblog) ? outer.reblog : outer;
	const localId = idOf(SOURCE, 'id', status.id);
	const publishedAt = toIsoTimestamp(status.created_at);
	if (!publishedAt)
		throw new SourceItemError(
			SOURCE,
			'created_at',
			`expected an RFC3339 date, got ${describeValue(status.created_at)}`,
		);
	const account = status.account;
	if (!isRecord(account))
		throw new SourceItemError(
			SOURCE,
			'account',
			`expected an object, got ${describeValue(account)}`,
		);
	const acctRaw = stringOf(account.acct) ?? stringOf(account.username);
	if (!acctRaw)
		throw new SourceItemError(
			SOURCE,
			'account.acct',
			`expected a handle, got ${describeValue(account.acct)}`,
		);
	const home = instance ?? hostOf(status.uri) ?? hostOf(status.url);
	const acct = acctRaw.includes('@')
		? acctRaw.replace(/^@/, '')
		: home
			? `${acctRaw}@${home}`
			: acctRaw;
	const uri = stringOf(status.uri);
	const nativeId = uri ?? (home ? `${home}:${localId}` : localId);
	const spoiler = typeof status.spoiler_text === 'string' ? htmlToText(status.spoiler_text) : '';
	const body = typeof status.content === 'string' ? htmlToText(status.content) : '';
	const text = spoiler ? `${spoiler}\n\n${body}` : body;
	const tags = Array.isArray(status.tags)
		? status.tags.map((t) => (isRecord(t) ? t.name : undefined))
		: [];
	const hashtags = normaliseHashtags([...tags, ...extractHashtags(text)]);
	const source = sourceOverride ?? (instance ? `mastodon:${instance}` : SOURCE);
	const parentLocal = localIdOf(status.in_reply_to_id);
	const parentNative = parentLocal !== null ? (known.get(parentLocal) ?? null) : null;
	return {
		id: mentionId('mastodon', nativeId),
		platform: 'mastodon',
		source,
		nativeId,
		url: canonicalUrl(status.url) ?? canonicalUrl(status.uri),
		publishedAt,
		title: null,
		text,
		language: normaliseLanguage(status.language),
		author: {
			id: `mastodon:${acct}`,
			handle: acct,
			name: stringOf(account.display_name),
			url: canonicalUrl(account.url),
			followers: optionalCount(account.followers_count),
			verified: false,
		},
		engagement: {
			likes: countOf(status.favourites_count),
			shares: countOf(status.reblogs_count) + countOf(status.quotes_count),
			replies: countOf(status.replies_count),
			views: null,
		},
		// in_reply_to_id is instance-local: only a parent whose uri is known maps (see top).
		inReplyToId: parentNative !== null ? mentionId('mastodon', parentNative) : null,
		rating: null,
		hashtags,
		raw: outer,
	};
}

function hashtagHistory(value: unknown): MastodonCursor['hashtagHistory'] {
	if (!Array.isArray(value)) return [];
	const out: MastodonCursor['hashtagHistory'] = [];
	for (const tag of value) {
		if (!isRecord(tag) || typeof tag.name !== 'string') continue;
		const history = Array.isArray(tag.history)
			? tag.history
					.filter(isRecord)
					.map((h) => ({
						day: String(h.day ?? ''),
						uses: countOf(h.uses),
						accounts: countOf(h.accounts),
					}))
			: [];
		out.push({ name: tag.name.toLowerCase(), history });
	}
	return out;
}

/**
 * Maps a tag timeline (array of Status) or a v2 search answer (`{statuses}`).
 * `ctx.instance` names the instance (source `mastodon:<instance>`).
 */
/** An account object (`acct`, `username`, no `content` or `account`): not a status. */
function isAccountLike(x: unknown): boolean {
	return isRecord(x) && typeof x.acct === 'string' && typeof x.username === 'string' && x.content === undefined && x.account === undefined;
}

export function mapMastodonPage(
	body: unknown,
	ctx: MastodonMapContext,
): MappedPage<MastodonCursor> {
	const value = parseBody(SOURCE, body);
	let statuses: unknown[];
	let tags: unknown;
	if (Array.isArray(value)) {
		statuses = value;
	} else if (isRecord(value) && Array.isArray(value.statuses)) {
		statuses = value.statuses;
		tags = value.hashtags;
	} else if (isRecord(value)) {
		const apiError = apiErrorMessage(value);
		throw new SourceBodyError(
			SOURCE,
			apiError ? 'body' : 'statuses',
			apiError ?? `expected an array of statuses or {statuses:[]}, got an object`,
		);
	} else {
		throw new SourceBodyError(
			SOURCE,
			'body',
			`expected an array of statuses, got ${describeValue(value)}`,
		);
	}
	// An answer of another endpoint (favourited_by, reblogged_by, follower lists) is a list of
	// accounts: one clear error rather than one skipped item per account.
	if (statuses.length > 0 && statuses.every(isAccountLike))
		throw new SourceBodyError(SOURCE, 'statuses', 'got a list of accounts (a favourited_by / reblogged_by answer?), not statuses');
	const instance =
		stringOf(ctx.instance)
			?.toLowerCase()
			.replace(/^https?:\/\//, '')
			.replace(/\/.*$/, '') ?? null;
	const known = new Map<string, string>();
	for (const [localId, nativeId] of Object.entries(ctx.knownStatuses ?? {})) {
		if (typeof nativeId === 'string' && nativeId !== '') known.set(localId, nativeId);
	}
	for (const [localId, nativeId] of pageStatuses(statuses, instance)) known.set(localId, nativeId);
	const { mentions, skipped } = mapItems(
		SOURCE,
		Array.isArray(value) ? 'statuses' : 'statuses',
		statuses,
		(s) => mapStatus(s, instance, ctx.source, known),
	);
	const localIds: string[] = [];
	for (const s of statuses) if (isRecord(s) && isNumericId(s.id)) localIds.push(s.id);
	let newestPublishedAt: string | null = null;
	for (const m of mentions) newestPublishedAt = laterTimestamp(newestPublishedAt, m.publishedAt);
	return {
		mentions,
		skipped,
		cursor: {
			newestId: newestNumericId(localIds),
			oldestId: oldestNumericId(localIds),
			newestPublishedAt,
			count: statuses.length,
			hashtagHistory: hashtagHistory(tags),
		},
	};
}
