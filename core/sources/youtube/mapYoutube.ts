/**
 * YouTube Data API v3 → Mention records: `search.list` (videos matching a query) and
 * `commentThreads.list` (comments, with `part=snippet,replies` their replies too).
 * `mapYoutubePage` picks the mapper from the answer's `kind`.
 */
import { mentionId, type Mention } from '../../mention/mention';
import { laterTimestamp, toIsoTimestamp } from '../dates';
import { canonicalUrl } from '../dedupe';
import { SourceBodyError, SourceItemError, describeValue } from '../errors';
import { extractHashtags } from '../hashtags';
import { decodeEntities, htmlToText } from '../html';
import { apiErrorMessage, isRecord, parseBody } from '../json';
import { normaliseLanguage } from '../language';
import {
	countOf,
	mapItems,
	objectAt,
	stringOf,
	type MapContext,
	type MappedPage,
	type SkippedItem,
} from '../mapPage';

export interface YoutubeCursor {
	/** Pass as `pageToken` for the next page (each page costs quota again); null at the end. */
	nextPageToken: string | null;
	/** `pageInfo.totalResults` (an estimate for search). */
	totalResults: number | null;
	/** Newest `publishedAt` (search: next poll `publishedAfter`; comments: stop below it with `order=time`). */
	newestPublishedAt: string | null;
	kind: 'search' | 'commentThreads';
}

const SOURCE = 'youtube';

function channelAuthor(channelId: string | null, title: string | null) {
	return {
		id: channelId ? `youtube:${channelId}` : null,
		handle: (title ?? channelId) as string,
		name: title,
		url: channelId ? `https://www.youtube.com/channel/${encodeURIComponent(channelId)}` : null,
		// search/commentThreads carry no subscriber count; channels.list would.
		followers: null,
		verified: false,
	};
}

function mapSearchResult(item: Record<string, unknown>, source: string): Mention | null {
	const id = objectAt(item, 'id');
	const videoId = stringOf(id.videoId);
	if (!videoId) {
		if (typeof id.kind === 'string' && id.kind !== 'youtube#video') {
			throw new SourceItemError(
				SOURCE,
				'id.kind',
				`not a video (${id.kind}); search with type=video`,
			);
		}
		throw new SourceItemError(
			SOURCE,
			'id.videoId',
			`expected a video id, got ${describeValue(id.videoId)}`,
		);
	}
	const snippet = objectAt(item, 'snippet');
	const publishedAt = toIsoTimestamp(snippet.publishedAt) ?? toIsoTimestamp(snippet.publishTime);
	if (!publishedAt)
		throw new SourceItemError(
			SOURCE,
			'snippet.publishedAt',
			`expected an ISO date, got ${describeValue(snippet.publishedAt)}`,
		);
	const channelId = stringOf(snippet.channelId);
	const channelTitle =
		typeof snippet.channelTitle === 'string'
			? decodeEntities(snippet.channelTitle).trim() || null
			: null;
	if (!channelId && !channelTitle)
		throw new SourceItemError(SOURCE, 'snippet.channelId', 'missing channel');
	// search.list titles and descriptions are HTML-escaped (`&#39;`).
	const title = typeof snippet.title === 'string' ? decodeEntities(snippet.title) : null;
	const text =
		typeof snippet.description === 'string' ? decodeEntities(snippet.description).trim() : '';
	return {
		id: mentionId('youtube', videoId),
		platform: 'youtube',
		source,
		nativeId: videoId,
		url: `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}`,
		publishedAt,
		title,
		text,
		language: normaliseLanguage(snippet.defaultLanguage ?? snippet.defaultAudioLanguage),
		author: channelAuthor(channelId, channelTitle),
		engagement: { likes: 0, shares: 0, replies: 0, views: null },
		inReplyToId: null,
		rating: null,
		hashtags: extractHashtags(`${title ?? ''} ${text}`),
		raw: item,
	};
}

function mapComment(
	comment: Record<string, unknown>,
	source: string,
	field: string,
	parent: string | null,
	replyCount: number,
	raw: unknown,
): Mention {
	const at = (name: string) => (field ? `${field}.${name}` : name);
	const commentId = stringOf(comment.id);
	if (!commentId)
		throw new SourceItemError(
			SOURCE,
			at('id'),
			`expected a comment id, got ${describeValue(comment.id)}`,
		);
	const s = objectAt(comment, 'snippet');
	const publishedAt = toIsoTimestamp(s.publishedAt);
	if (!publishedAt)
		throw new SourceItemError(
			SOURCE,
			at('snippet.publishedAt'),
			`expected an ISO date, got ${describeValue(s.publishedAt)}`,
		);
	const videoId = stringOf(s.videoId);
	const text =
		typeof s.textOriginal === 'string'
			? s.textOriginal.trim()
			: typeof s.textDisplay === 'string'
				? htmlToText(s.textDisplay)
				: '';
	const channelId = stringOf(objectAt(s, 'authorChannelId').value);
	const display = stringOf(s.authorDisplayName);
	if (!display && !channelId)
		throw new SourceItemError(SOURCE, at('snippet.authorDisplayName'), 'missing author');
	const handle = (display ?? channelId) as string;
	return {
		id: mentionId('youtube', commentId),
		platform: 'youtube',
		source,
		nativeId: commentId,
		url: videoId
			? `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}&lc=${encodeURIComponent(commentId)}`
			: null,
		publishedAt,
		title: null,
		text,
		language: null,
		author: {
			...channelAuthor(channelId, display),
			handle: handle.replace(/^@/, ''),
			url:
				canonicalUrl(s.authorChannelUrl) ??
				(channelId ? `https://www.youtube.com/channel/${encodeURIComponent(channelId)}` : null),
		},
		engagement: { likes: countOf(s.likeCount), shares: 0, replies: replyCount, views: null },
		// A top-level comment answers the video; a reply answers its thread's top comment.
		inReplyToId: parent,
		rating: null,
		hashtags: extractHashtags(text),
		raw,
	};
}

function envelope(source: string, body: unknown): Record<string, unknown> {
	const value = parseBody(source, body);
	if (!isRecord(value))
		throw new SourceBodyError(
			SOURCE,
			'body',
			`expected a list answer object, got ${describeValue(value)}`,
		);
	const apiError = apiErrorMessage(value);
	if (apiError) throw new SourceBodyError(SOURCE, 'body', apiError);
	if (value.items === undefined && typeof value.kind === 'string') return { ...value, items: [] };
	if (!Array.isArray(value.items))
		throw new SourceBodyError(
			SOURCE,
			'items',
			`expected an array, got ${describeValue(value.items)}`,
		);
	return value;
}

function cursorOf(
	value: Record<string, unknown>,
	mentions: Mention[],
	kind: YoutubeCursor['kind'],
): YoutubeCursor {
	let newestPublishedAt: string | null = null;
	for (const m of mentions) newestPublishedAt = laterTimestamp(newestPublishedAt, m.publishedAt);
	const total = objectAt(value, 'pageInfo').totalResults;
	return {
		nextPageToken: stringOf(value.nextPageToken),
		totalResults: typeof total === 'number' ? total : null,
		newestPublishedAt,
		kind,
	};
}

/** Maps a `search.list` answer (videos; channel/playlist results are skipped with a reason). */
export function mapYoutubeSearchPage(body: unknown, ctx: MapContext): MappedPage<YoutubeCursor> {
	const value = envelope(SOURCE, body);
	const source = ctx.source ?? SOURCE;
	const { mentions, skipped } = mapItems(SOURCE, 'items', value.items as unknown[], (item) =>
		mapSearchResult(item, source),
	);
	return { mentions, skipped, cursor: cursorOf(value, mentions, 'search') };
}

/** Maps a `commentThreads.list` answer: each top-level comment, plus its inline replies when present. */
export function mapYoutubeCommentThreadsPage(
	body: unknown,
	ctx: MapContext,
): MappedPage<YoutubeCursor> {
	const value = envelope(SOURCE, body);
	const source = ctx.source ?? SOURCE;
	const items = value.items as unknown[];
	const mentions: Mention[] = [];
	const skipped: SkippedItem[] = [];
	const top = mapItems(SOURCE, 'items', items, (thread, index) => {
		const snippet = objectAt(thread, 'snippet');
		const topComment = snippet.topLevelComment;
		if (!isRecord(topComment))
			throw new SourceItemError(
				SOURCE,
				'snippet.topLevelComment',
				`expected an object, got ${describeValue(topComment)}`,
			);
		const videoId = stringOf(snippet.videoId) ?? stringOf(objectAt(topComment, 'snippet').videoId);
		const parent = videoId ? mentionId('youtube', videoId) : null;
		const mention = mapComment(
			topComment,
			source,
			'snippet.topLevelComment',
			parent,
			countOf(snippet.totalReplyCount),
			thread,
		);
		const replies = objectAt(thread, 'replies').comments;
		if (Array.isArray(replies)) {
			const r = mapItems(SOURCE, `items[${index}].replies.comments`, replies, (reply) =>
				mapComment(reply, source, '', mention.id, 0, reply),
			);
			mentions.push(...r.mentions);
			skipped.push(...r.skipped.map((s) => ({ index, reason: s.reason })));
		}
		return mention;
	});
	return {
		mentions: [...top.mentions, ...mentions],
		skipped: [...top.skipped, ...skipped].sort((a, b) => a.index - b.index),
		cursor: cursorOf(value, [...top.mentions, ...mentions], 'commentThreads'),
	};
}

/** Maps either answer, chosen by `kind` (`youtube#searchListResponse` / `youtube#commentThreadListResponse`). */
export function mapYoutubePage(body: unknown, ctx: MapContext): MappedPage<YoutubeCursor> {
	const value = envelope(SOURCE, body);
	const first =
		Array.isArray(value.items) && isRecord(value.items[0]) ? value.items[0].kind : undefined;
	if (value.kind === 'youtube#commentThreadListResponse' || first === 'youtube#commentThread') {
		return mapYoutubeCommentThreadsPage(value, ctx);
	}
	if (
		value.kind === 'youtube#searchListResponse' ||
		first === 'youtube#searchResult' ||
		value.kind === undefined
	) {
		return mapYoutubeSearchPage(value, ctx);
	}
	throw new SourceBodyError(
		SOURCE,
		'kind',
		`expected a search or commentThreads list answer, got ${describeValue(value.kind)}`,
	);
}
