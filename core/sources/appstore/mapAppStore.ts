/**
 * Apple App Store customer-reviews feed, JSON flavour
 * (`https://itunes.apple.com/{cc}/rss/customerreviews/page={n}/id={appId}/sortBy=mostRecent/json`)
 * → Mention records with the star rating kept. Every value sits under `label`.
 */
import { mentionId, type Mention } from '../../mention/mention';
import { laterTimestamp, toIsoTimestamp } from '../dates';
import { canonicalUrl } from '../dedupe';
import { SourceBodyError, SourceItemError, describeValue } from '../errors';
import { extractHashtags } from '../hashtags';
import { apiErrorMessage, isRecord, parseBody } from '../json';
import {
	countOf,
	mapItems,
	objectAt,
	stringOf,
	type MapContext,
	type MappedPage,
} from '../mapPage';
import { isNumericId, newestNumericId } from '../numericIds';

export interface AppStoreCursor {
	/** Current page (1–10) read from the feed's `self` link. */
	page: number | null;
	/** Next page number, null on the last page (Apple serves at most 10 pages of 50). */
	nextPage: number | null;
	lastPage: number | null;
	/** `rel=next` href as Apple gives it (it points at the XML flavour: rebuild the JSON URL from `nextPage`). */
	nextPageUrl: string | null;
	/** Largest review id on the page: next poll stops when it reaches it (ids grow over time). */
	newestId: string | null;
	newestPublishedAt: string | null;
	/** App id and storefront country parsed from the feed links, when present. */
	appId: string | null;
	country: string | null;
	/** True when entries had no date and `ctx.fetchedAt` was used as publishedAt. */
	usedFetchedAtForDates: boolean;
}

const SOURCE = 'appstore';

function label(value: unknown): string | null {
	return isRecord(value) ? stringOf(value.label) : null;
}

function linkHref(link: unknown): string | null {
	return isRecord(link) ? stringOf(objectAt(link, 'attributes').href) : null;
}

function pageOf(url: string | null): number | null {
	const m = url ? /\/page=(\d+)/i.exec(url) : null;
	return m ? Number(m[1]) : null;
}

/** The star rating "1"–"5" (an entry without one is refused). */
function ratingOf(ratingLabel: string | null): number {
	const rating = ratingLabel !== null && /^[1-5]$/.test(ratingLabel) ? Number(ratingLabel) : null;
	if (rating === null)
		throw new SourceItemError(
			SOURCE,
			'im:rating.label',
			`expected "1"–"5", got ${describeValue(ratingLabel)}`,
		);
	return rating;
}

/** The review's date, or the fetch time when the entry has none (then `dated.fallback` is set). */
function publishedAtOf(updatedLabel: string | null, fetchedAt: string, dated: { fallback: boolean }): string {
	let publishedAt: string | null;
	if (updatedLabel !== null) {
		publishedAt = toIsoTimestamp(updatedLabel);
		if (!publishedAt)
			throw new SourceItemError(
				SOURCE,
				'updated.label',
				`expected an ISO date, got ${describeValue(updatedLabel)}`,
			);
	} else {
		// The JSON flavour often carries no per-review date: the fetch time is the best upper bound.
		publishedAt = toIsoTimestamp(fetchedAt);
		if (!publishedAt)
			throw new SourceItemError(
				SOURCE,
				'updated.label',
				'missing, and ctx.fetchedAt is not an RFC3339 date',
			);
		dated.fallback = true;
	}
	return publishedAt;
}

function authorOf(entry: Record<string, unknown>): Mention['author'] {
	const author = objectAt(entry, 'author');
	const name = label(author.name);
	const authorUri = label(author.uri);
	const authorNum = authorUri ? /\/id(\d+)/.exec(authorUri) : null;
	return {
		id: authorNum ? `appstore:${authorNum[1]}` : null,
		handle: name ?? (authorNum ? authorNum[1] : 'anonymous'),
		name,
		url: canonicalUrl(authorUri),
		followers: null,
		verified: false,
	};
}

function mapEntry(
	entry: Record<string, unknown>,
	source: string,
	fetchedAt: string,
	dated: { fallback: boolean },
): Mention | null {
	const ratingLabel = label(entry['im:rating']);
	if (ratingLabel === null && entry['im:name'] !== undefined) return null; // legacy feeds: first entry describes the app
	const id = label(entry.id);
	if (!id)
		throw new SourceItemError(
			SOURCE,
			'id.label',
			`expected a review id, got ${describeValue(entry.id)}`,
		);
	const rating = ratingOf(ratingLabel);
	const updatedLabel = label(entry.updated);
	const publishedAt = publishedAtOf(updatedLabel, fetchedAt, dated);
	const title = label(entry.title);
	const text =
		typeof objectAt(entry, 'content').label === 'string'
			? String(objectAt(entry, 'content').label).trim()
			: '';
	const links = Array.isArray(entry.link) ? entry.link : [entry.link];
	const href = links.map(linkHref).find((h) => h !== null) ?? null;
	const mention: Mention = {
		id: mentionId('appstore', id),
		platform: 'appstore',
		source,
		nativeId: id,
		url: canonicalUrl(href),
		publishedAt,
		title,
		text,
		language: null,
		author: authorOf(entry),
		engagement: {
			// "Helpful" votes are the only public reaction to a review.
			likes: countOf(label(entry['im:voteSum'])),
			shares: 0,
			replies: 0,
			views: null,
		},
		inReplyToId: null,
		rating,
		hashtags: extractHashtags(`${title ?? ''} ${text}`),
		raw: entry,
	};
	if (updatedLabel === null)
		mention.publishedAtEstimated = 'no date in the review (updated): the fetch time is used';
	return mention;
}

/** Maps one customer-reviews JSON page. A feed with no `entry` is an empty page (no reviews, or past the last page). */
export function mapAppStorePage(body: unknown, ctx: MapContext): MappedPage<AppStoreCursor> {
	const value = parseBody(SOURCE, body);
	if (!isRecord(value))
		throw new SourceBodyError(
			SOURCE,
			'body',
			`expected {feed:{entry:[]}}, got ${describeValue(value)}`,
		);
	const feed = value.feed;
	if (!isRecord(feed)) {
		const apiError = apiErrorMessage(value);
		throw new SourceBodyError(
			SOURCE,
			apiError ? 'body' : 'feed',
			apiError ?? `expected an object, got ${describeValue(feed)}`,
		);
	}
	const rawEntries = feed.entry;
	const entries =
		rawEntries === undefined ? [] : Array.isArray(rawEntries) ? rawEntries : [rawEntries];
	const links = Array.isArray(feed.link) ? feed.link : feed.link === undefined ? [] : [feed.link];
	const rel = (name: string) =>
		links
			.map((l) => (isRecord(l) && objectAt(l, 'attributes').rel === name ? linkHref(l) : null))
			.find((h) => h !== null) ?? null;
	const selfUrl = rel('self') ?? label(feed.id);
	const nextUrl = rel('next');
	const lastUrl = rel('last');
	const appMatch = selfUrl ? /\/id=(\d+)/i.exec(selfUrl) : null;
	const ccMatch = selfUrl ? /itunes\.apple\.com\/([a-z]{2})\//i.exec(selfUrl) : null;
	const country = ccMatch ? ccMatch[1].toLowerCase() : null;
	const source = ctx.source ?? (country ? `appstore:${country}` : SOURCE);
	const dated = { fallback: false };
	const { mentions, skipped } = mapItems(SOURCE, 'feed.entry', entries, (e) =>
		mapEntry(e, source, ctx.fetchedAt, dated),
	);
	const page = pageOf(selfUrl) ?? 1;
	const lastPage = pageOf(lastUrl);
	const nextFromLink = pageOf(nextUrl);
	const nextPage =
		entries.length > 0 &&
		nextFromLink !== null &&
		nextFromLink > page &&
		(lastPage === null || nextFromLink <= lastPage)
			? nextFromLink
			: null;
	const ids = entries.map((e) => (isRecord(e) ? label(e.id) : null)).filter(isNumericId);
	let newestPublishedAt: string | null = null;
	for (const m of mentions) newestPublishedAt = laterTimestamp(newestPublishedAt, m.publishedAt);
	return {
		mentions,
		skipped,
		cursor: {
			page,
			nextPage,
			lastPage,
			nextPageUrl: nextPage !== null ? nextUrl : null,
			newestId: newestNumericId(ids),
			newestPublishedAt: dated.fallback ? null : newestPublishedAt,
			appId: appMatch ? appMatch[1] : null,
			country,
			usedFetchedAtForDates: dated.fallback,
		},
	};
}
