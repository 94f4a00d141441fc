/**
 * X API v2 recent search (`/2/tweets/search/recent`) → Mention records. Author reach
 * comes from the `users` expansion (`expansions=author_id`,
 * `user.fields=public_metrics,username,name,verified`); retweeted posts from the `tweets`
 * expansion (`referenced_tweets.id`, their authors with `referenced_tweets.id.author_id`).
 */
import { mentionId, type Mention } from '../../mention/mention';
import { laterTimestamp, toIsoTimestamp } from '../dates';
import { canonicalUrl } from '../dedupe';
import { SourceBodyError, SourceItemError, describeValue } from '../errors';
import { extractHashtags, normaliseHashtags } from '../hashtags';
import { decodeEntities } from '../html';
import { apiErrorMessage, isRecord, parseBody } from '../json';
import { normaliseLanguage } from '../language';
import {
	countOf,
	idOf,
	mapItems,
	objectAt,
	optionalCount,
	stringOf,
	type MapContext,
	type MappedPage,
} from '../mapPage';
import { newestNumericId, oldestNumericId } from '../numericIds';

export interface XCursor {
	/** Newest tweet id computed from `data[].id` (not `meta.newest_id`, which expansions may skew): next poll `since_id`. */
	newestId: string | null;
	oldestId: string | null;
	/** `meta.next_token` for the next page within this run (pass as `next_token`), null at the end. */
	nextToken: string | null;
	resultCount: number;
	newestPublishedAt: string | null;
	/** Partial errors X returned beside the data (`errors[]`), as one-line messages. */
	partialErrors: string[];
}

const SOURCE = 'x';

function tweetId(tweet: Record<string, unknown>): string {
	if (typeof tweet.id_str === 'string' && tweet.id_str !== '') return tweet.id_str;
	return idOf(SOURCE, 'id', tweet.id);
}

const TWITTER_EPOCH_MS = BigInt(1288834974657);

/** Creation time encoded in a tweet id (Snowflake: milliseconds since the Twitter epoch, shifted 22 bits). */
export function snowflakeTime(id: string): string | null {
	if (!/^\d{15,20}$/.test(id)) return null;
	const ms = Number((BigInt(id) >> BigInt(22)) + TWITTER_EPOCH_MS);
	return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** The id of the post a retweet repeats (`referenced_tweets` type `retweeted`), or null. */
function retweetedId(tweet: Record<string, unknown>): string | null {
	if (!Array.isArray(tweet.referenced_tweets)) return null;
	const ref = tweet.referenced_tweets.find((r) => isRecord(r) && r.type === 'retweeted');
	return isRecord(ref) && typeof ref.id === 'string' && ref.id !== '' ? ref.id : null;
}

/**
 * `retweet`: a retweet whose original is not in the answer. Its text is X's shortened
 * "RT @user: …", and its public metrics are the original's (X reports them on every retweet),
 * so its own reactions count as unknown (0) and no hashtag is read from a word cut by the "…".
 */
function mapTweet(
	tweet: Record<string, unknown>,
	users: Map<string, Record<string, unknown>>,
	source: string,
	retweet = false,
): Mention {
	const id = tweetId(tweet);
	if (!/^\d+$/.test(id))
		throw new SourceItemError(
			SOURCE,
			'id',
			`expected a numeric id string, got ${describeValue(id)}`,
		);
	// Without tweet.fields=created_at the id still tells the time, to the millisecond.
	const publishedAt =
		tweet.created_at === undefined ? snowflakeTime(id) : toIsoTimestamp(tweet.created_at);
	if (!publishedAt)
		throw new SourceItemError(
			SOURCE,
			'created_at',
			`expected an ISO date (request tweet.fields=created_at), got ${describeValue(tweet.created_at)}`,
		);
	const authorId =
		tweet.author_id === undefined ? null : idOf(SOURCE, 'author_id', tweet.author_id);
	const user = authorId ? users.get(authorId) : undefined;
	const username = stringOf(user?.username);
	// Without expansions=author_id the author is unknown, but the post still counts.
	const handle = username ?? authorId ?? 'unknown';
	const noteText = objectAt(tweet, 'note_tweet').text;
	if (typeof noteText !== 'string' && typeof tweet.text !== 'string')
		// A user or a count, from an answer of another endpoint: no post to score.
		throw new SourceItemError(SOURCE, 'text', `expected the post's text, got ${describeValue(tweet.text)}: not a post`);
	const rawText = typeof noteText === 'string' ? noteText : String(tweet.text);
	// X escapes &, < and > in tweet text.
	const text = decodeEntities(rawText);
	const metrics = objectAt(tweet, 'public_metrics');
	const userMetrics = objectAt(user, 'public_metrics');
	const entityTags =
		!retweet && Array.isArray(objectAt(tweet, 'entities').hashtags)
			? (objectAt(tweet, 'entities').hashtags as unknown[]).map((h) => (isRecord(h) ? h.tag : undefined))
			: [];
	// A shortened retweet ends in the middle of a word ("#TwitterFami…"): that word is no tag.
	const tagText = retweet ? text.replace(/\S*\u2026\s*$/, '') : text;
	const replied = Array.isArray(tweet.referenced_tweets)
		? tweet.referenced_tweets.find((r) => isRecord(r) && r.type === 'replied_to')
		: undefined;
	const repliedId = isRecord(replied) && typeof replied.id === 'string' ? replied.id : null;
	const lang =
		tweet.lang === 'und' || tweet.lang === 'qme' || tweet.lang === 'zxx'
			? null
			: normaliseLanguage(tweet.lang);
	return {
		id: mentionId('x', id),
		platform: 'x',
		source,
		nativeId: id,
		url: username ? `https://x.com/${username}/status/${id}` : `https://x.com/i/web/status/${id}`,
		publishedAt,
		title: null,
		text,
		language: lang,
		author: {
			id: authorId ? `x:${authorId}` : null,
			handle,
			name: stringOf(user?.name),
			url: username ? canonicalUrl(`https://x.com/${username}`) : null,
			followers: optionalCount(userMetrics.followers_count),
			verified:
				user?.verified === true ||
				(typeof user?.verified_type === 'string' && user.verified_type !== 'none'),
		},
		engagement: retweet
			? { likes: 0, shares: 0, replies: 0, views: null }
			: {
					likes: countOf(metrics.like_count),
					shares: countOf(metrics.retweet_count) + countOf(metrics.quote_count),
					replies: countOf(metrics.reply_count),
					views: optionalCount(metrics.impression_count),
				},
		inReplyToId: repliedId ? mentionId('x', repliedId) : null,
		rating: null,
		hashtags: normaliseHashtags([...entityTags, ...extractHashtags(tagText)]),
		raw: tweet,
	};
}

/** Maps one recent-search answer. An empty result (`meta.result_count: 0`, no `data`) is a valid empty page. */
export function mapXPage(body: unknown, ctx: MapContext): MappedPage<XCursor> {
	const value = parseBody(SOURCE, body);
	if (!isRecord(value))
		throw new SourceBodyError(
			SOURCE,
			'body',
			`expected {data, includes, meta}, got ${describeValue(value)}`,
		);
	const meta = objectAt(value, 'meta');
	let data = value.data;
	if (data === undefined && isRecord(value.meta)) data = [];
	if (!Array.isArray(data)) {
		const apiError = apiErrorMessage(value);
		throw new SourceBodyError(
			SOURCE,
			apiError ? 'body' : 'data',
			apiError ?? `expected an array, got ${describeValue(data)}`,
		);
	}
	// Answers of other endpoints: counts (`tweets/counts/*`) or users (`liking_users`, `retweeted_by`).
	if (data.length > 0 && data.every((t) => isRecord(t) && typeof t.tweet_count === 'number'))
		throw new SourceBodyError(SOURCE, 'data', 'got post counts (a tweets/counts answer), not posts');
	if (data.length > 0 && data.every((t) => isRecord(t) && typeof t.username === 'string' && t.text === undefined))
		throw new SourceBodyError(SOURCE, 'data', 'got a list of users (a liking_users / retweeted_by answer?), not posts');
	const users = new Map<string, Record<string, unknown>>();
	const includedUsers = objectAt(value, 'includes').users;
	if (Array.isArray(includedUsers)) {
		for (const u of includedUsers) if (isRecord(u) && typeof u.id === 'string') users.set(u.id, u);
	}
	// Retweets: the original post, when the answer includes it (`expansions=referenced_tweets.id`),
	// is mapped instead, once per page (as Mastodon boosts are), so a retweeted complaint has its
	// full text, its author and its own counts; a retweet of a post already on the page adds nothing.
	const originals = new Map<string, Record<string, unknown>>();
	const includedTweets = objectAt(value, 'includes').tweets;
	if (Array.isArray(includedTweets)) {
		for (const t of includedTweets) if (isRecord(t) && typeof t.id === 'string') originals.set(t.id, t);
	}
	// The ids on the page: for the cursor (skipped items count too: the next poll must not fetch
	// them again) and to tell a retweet of a post already here.
	const ids: string[] = [];
	for (const t of data) {
		if (!isRecord(t)) continue;
		const id = typeof t.id_str === 'string' ? t.id_str : t.id;
		if (typeof id === 'string') ids.push(id);
	}
	const onPage = new Set(ids);
	const mappedOriginals = new Set<string>();
	const source = ctx.source ?? SOURCE;
	const { mentions, skipped } = mapItems(SOURCE, 'data', data, (t) => {
		const originalId = retweetedId(t);
		if (originalId === null) return mapTweet(t, users, source);
		if (onPage.has(originalId) || mappedOriginals.has(originalId)) return null;
		const original = originals.get(originalId);
		if (original === undefined) return mapTweet(t, users, source, true);
		mappedOriginals.add(originalId);
		return mapTweet(original, users, source);
	});
	let newestPublishedAt: string | null = null;
	for (const m of mentions) newestPublishedAt = laterTimestamp(newestPublishedAt, m.publishedAt);
	const partialErrors = Array.isArray(value.errors)
		? value.errors
				.map((e) => (isRecord(e) ? String(e.detail ?? e.message ?? e.title ?? '') : String(e)))
				.filter((s) => s !== '')
		: [];
	return {
		mentions,
		skipped,
		cursor: {
			newestId: newestNumericId(ids),
			oldestId: oldestNumericId(ids),
			nextToken: stringOf(meta.next_token),
			resultCount: countOf(meta.result_count) || data.length,
			newestPublishedAt,
			partialErrors,
		},
	};
}
