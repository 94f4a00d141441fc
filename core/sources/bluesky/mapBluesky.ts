/**
 * Bluesky `app.bsky.feed.searchPosts` (and `getPosts`, same `posts: postView[]`) →
 * Mention records. Native id = the post's AT-URI (`at://did/app.bsky.feed.post/rkey`).
 */
import { mentionId, type Mention } from '../../mention/mention';
import { laterTimestamp, toIsoTimestamp } from '../dates';
import { canonicalUrl } from '../dedupe';
import { SourceBodyError, SourceItemError, describeValue } from '../errors';
import { extractHashtags, normaliseHashtags } from '../hashtags';
import { apiErrorMessage, isRecord, parseBody } from '../json';
import { normaliseLanguage } from '../language';
import {
	countOf,
	mapItems,
	objectAt,
	optionalCount,
	stringOf,
	type MapContext,
	type MappedPage,
} from '../mapPage';

export interface BlueskyCursor {
	/** Opaque `cursor` for the next page within this run; null at the end. (Refused without auth.) */
	cursor: string | null;
	/** Newest `indexedAt`: next poll passes `since=<this>` with `sort=latest`. */
	newestIndexedAt: string | null;
	newestPublishedAt: string | null;
	/** `hitsTotal` when the server sends it (an estimate). */
	hitsTotal: number | null;
}

const SOURCE = 'bluesky';
const POST_URI = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([A-Za-z0-9._~:-]+)$/;

function facetTags(facets: unknown): string[] {
	if (!Array.isArray(facets)) return [];
	const out: string[] = [];
	for (const facet of facets) {
		const features = isRecord(facet) ? facet.features : undefined;
		if (!Array.isArray(features)) continue;
		for (const f of features) {
			if (isRecord(f) && f.$type === 'app.bsky.richtext.facet#tag' && typeof f.tag === 'string')
				out.push(f.tag);
		}
	}
	return out;
}

function mapPost(post: Record<string, unknown>, source: string): Mention {
	const uri = stringOf(post.uri);
	const m = uri ? POST_URI.exec(uri) : null;
	if (!uri || !m)
		throw new SourceItemError(
			SOURCE,
			'uri',
			`expected an at://…/app.bsky.feed.post/… URI, got ${describeValue(post.uri)}`,
		);
	const record = objectAt(post, 'record');
	const author = objectAt(post, 'author');
	const handle = stringOf(author.handle);
	const did = stringOf(author.did) ?? m[1];
	if (!handle && !did)
		throw new SourceItemError(
			SOURCE,
			'author.handle',
			`expected a handle, got ${describeValue(author.handle)}`,
		);
	const indexedAt = toIsoTimestamp(post.indexedAt);
	const createdAt = toIsoTimestamp(record.createdAt);
	// createdAt is set by the client (may be back- or future-dated); indexedAt is the server's.
	const publishedAt = createdAt && (!indexedAt || createdAt <= indexedAt) ? createdAt : indexedAt;
	if (!publishedAt)
		throw new SourceItemError(
			SOURCE,
			'record.createdAt',
			`expected an ISO date, got ${describeValue(record.createdAt)}`,
		);
	const text = typeof record.text === 'string' ? record.text : '';
	const usable = handle && handle !== 'handle.invalid' ? handle : did;
	const langs = Array.isArray(record.langs) ? record.langs : [];
	const parentUri = stringOf(objectAt(objectAt(record, 'reply'), 'parent').uri);
	const recordTags = Array.isArray(record.tags) ? record.tags : [];
	return {
		id: mentionId('bluesky', uri),
		platform: 'bluesky',
		source,
		nativeId: uri,
		url: canonicalUrl(`https://bsky.app/profile/${usable}/post/${m[2]}`),
		publishedAt,
		title: null,
		text,
		language: normaliseLanguage(langs[0]),
		author: {
			id: did ? `bluesky:${did}` : null,
			handle: usable as string,
			name: stringOf(author.displayName),
			url: canonicalUrl(`https://bsky.app/profile/${usable}`),
			// profileViewBasic has no follower count; app.bsky.actor.getProfiles would.
			followers: optionalCount(author.followersCount),
			verified: isRecord(author.verification) && author.verification.verifiedStatus === 'valid',
		},
		engagement: {
			likes: countOf(post.likeCount),
			shares: countOf(post.repostCount) + countOf(post.quoteCount),
			replies: countOf(post.replyCount),
			views: null,
		},
		inReplyToId: parentUri ? mentionId('bluesky', parentUri) : null,
		rating: null,
		hashtags: normaliseHashtags([
			...facetTags(record.facets),
			...recordTags,
			...extractHashtags(text),
		]),
		raw: post,
	};
}

/** Maps one searchPosts/getPosts answer. Throws SourceBodyError when there is no `posts` array. */
export function mapBlueskyPage(body: unknown, ctx: MapContext): MappedPage<BlueskyCursor> {
	const value = parseBody(SOURCE, body);
	if (!isRecord(value))
		throw new SourceBodyError(SOURCE, 'body', `expected {posts:[]}, got ${describeValue(value)}`);
	const posts = value.posts;
	if (!Array.isArray(posts)) {
		const apiError = apiErrorMessage(value);
		throw new SourceBodyError(
			SOURCE,
			apiError ? 'body' : 'posts',
			apiError ?? `expected an array, got ${describeValue(posts)}`,
		);
	}
	const source = ctx.source ?? SOURCE;
	const { mentions, skipped } = mapItems(SOURCE, 'posts', posts, (p) => mapPost(p, source));
	let newestIndexedAt: string | null = null;
	let newestPublishedAt: string | null = null;
	for (const m of mentions) {
		newestIndexedAt = laterTimestamp(
			newestIndexedAt,
			toIsoTimestamp((m.raw as Record<string, unknown>).indexedAt),
		);
		newestPublishedAt = laterTimestamp(newestPublishedAt, m.publishedAt);
	}
	return {
		mentions,
		skipped,
		cursor: {
			cursor: stringOf(value.cursor),
			newestIndexedAt,
			newestPublishedAt,
			hitsTotal: optionalCount(value.hitsTotal),
		},
	};
}
