/**
 * RSS / Atom feeds (Google Alerts, press, blogs) → Mention records. Google Alerts links
 * are unwrapped to the real article URL. The body is the feed text (parsed safely by
 * parseFeed) or an already parsed feed.
 */
import { mentionId, type Mention } from '../../mention/mention';
import { laterTimestamp, toIsoTimestamp } from '../dates';
import { canonicalUrl } from '../dedupe';
import { SourceBodyError, SourceItemError, describeValue } from '../errors';
import { extractHashtags } from '../hashtags';
import { htmlToText } from '../html';
import { isRecord } from '../json';
import { normaliseLanguage } from '../language';
import { mapItems, stringOf, type MapContext, type MappedPage } from '../mapPage';
import { parseFeed, type FeedParseOptions, type ParsedFeed } from './parseFeed';

export interface RssCursor {
	/** Newest item date: the next poll emits only items after it (plus a seen-id set for equal dates). */
	newestPublishedAt: string | null;
	feedTitle: string | null;
	feedUpdatedAt: string | null;
	itemCount: number;
	/** True when the feed had more items than `maxItems`. */
	truncated: boolean;
}

export interface RssMapContext extends MapContext {
	feed?: FeedParseOptions;
}

const SOURCE = 'rss';

function hostOf(url: string | null): string | null {
	const m = url ? /^https?:\/\/([^/:?#]+)/i.exec(url) : null;
	return m ? m[1].toLowerCase() : null;
}

/** Feeds in US English (or with no language) write `01/02/2020` month first; others day first. */
function dayFirstFor(language: string | null): boolean {
	return language !== null && !/^\s*en(-us)?\s*$/i.test(language);
}

/**
 * The person of an RSS `author`, which RSS 2.0 writes as "email (Name)": the name alone, so a
 * mention does not show (or key on) an e-mail address; a bare address stays as it is.
 */
function personOf(author: string | null): string | null {
	if (author === null || author.length > 320) return author;
	const m = /^[^\s@()]{1,64}@[^\s()]{1,255}\s{0,10}\(([^()]{1,200})\)$/.exec(author.trim());
	return m ? m[1].trim() || author : author;
}

function mapItem(
	item: Record<string, unknown>,
	feed: ParsedFeed,
	source: string,
	fetchedAt: string,
): Mention {
	const rawLink = typeof item.link === 'string' ? item.link : null;
	const url = canonicalUrl(rawLink);
	const nativeId = stringOf(item.id) ?? url ?? rawLink;
	if (!nativeId)
		throw new SourceItemError(SOURCE, 'id', 'no guid/id and no link to identify the item');
	const dateText = stringOf(item.published) ?? stringOf(item.updated);
	const dayFirst = dayFirstFor(feed.language);
	let publishedAt = dateText ? toIsoTimestamp(dateText, { dayFirst }) : null;
	let estimated: string | null = null;
	if (!publishedAt) {
		// Undated or unreadable: kept, dated by the fetch, and the mention says so.
		publishedAt = toIsoTimestamp(fetchedAt);
		if (!publishedAt)
			throw new SourceItemError(SOURCE, 'published', 'no usable date, and ctx.fetchedAt is not a date');
		estimated = dateText
			? `date ${describeValue(dateText)} not understood (RFC 2822, RFC3339 or a common form): the fetch time is used`
			: 'no date in the item (pubDate, dc:date, published, updated): the fetch time is used';
	}
	const title = typeof item.title === 'string' ? htmlToText(item.title) || null : null;
	const body = stringOf(item.content) ?? stringOf(item.summary) ?? '';
	const text = htmlToText(body);
	const creator = personOf(stringOf(item.author));
	// Press items rarely name a person: the outlet (article host) is the speaker.
	const outlet = hostOf(url)?.replace(/^www\./, '') ?? null;
	const handle = creator ?? outlet ?? feed.title ?? hostOf(feed.link) ?? 'unknown';
	const mention: Mention = {
		id: mentionId('rss', nativeId),
		platform: 'rss',
		source,
		nativeId,
		url,
		publishedAt,
		title,
		text,
		language: normaliseLanguage(feed.language),
		author: {
			id: null,
			handle,
			name: creator,
			url: creator ? null : outlet ? `https://${hostOf(url)}` : null,
			followers: null,
			verified: false,
		},
		engagement: { likes: 0, shares: 0, replies: 0, views: null },
		inReplyToId: null,
		rating: null,
		hashtags: extractHashtags(`${title ?? ''} ${text}`),
		raw: item,
	};
	if (estimated) mention.publishedAtEstimated = estimated;
	return mention;
}

function isParsedFeed(value: unknown): value is ParsedFeed {
	return isRecord(value) && Array.isArray(value.items) && typeof value.format === 'string';
}

/** Maps one feed document (text, parsed safely) or a ParsedFeed. */
export function mapRssPage(body: unknown, ctx: RssMapContext): MappedPage<RssCursor> {
	let feed: ParsedFeed;
	if (typeof body === 'string') feed = parseFeed(body, ctx.feed);
	else if (isParsedFeed(body)) feed = body;
	else
		throw new SourceBodyError(
			SOURCE,
			'body',
			`expected the feed XML text, got ${describeValue(body)}`,
		);
	const feedHost = hostOf(feed.link) ?? hostOf(feed.selfLink);
	const source = ctx.source ?? (feedHost ? `rss:${feedHost}` : SOURCE);
	const { mentions, skipped } = mapItems(SOURCE, 'items', feed.items as unknown[], (item) =>
		mapItem(item, feed, source, ctx.fetchedAt),
	);
	let newestPublishedAt: string | null = null;
	// Estimated dates (the fetch time) say nothing about the feed's own timeline.
	for (const m of mentions)
		if (!m.publishedAtEstimated) newestPublishedAt = laterTimestamp(newestPublishedAt, m.publishedAt);
	return {
		mentions,
		skipped,
		cursor: {
			newestPublishedAt,
			feedTitle: feed.title !== null ? htmlToText(feed.title) : null,
			feedUpdatedAt: feed.updated
				? toIsoTimestamp(feed.updated, { dayFirst: dayFirstFor(feed.language) })
				: null,
			itemCount: feed.items.length,
			truncated: feed.truncated,
		},
	};
}
