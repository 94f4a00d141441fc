/**
 * Imports from listening tools (Brandwatch, Talkwalker, Mention.com exports or webhooks)
 * or anything described by field paths, into Mention records. Pure: the CSV reader is
 * RFC 4180 (quotes, doubled quotes, CRLF, newlines inside quotes), dates go through the
 * shared date parsers, unknown reach stays null.
 */
import type { Mention, Platform } from '../../mention/mention';
import { mentionId } from '../../mention/mention';
import { epochSecondsToIso, toIsoTimestamp } from '../dates';
import { canonicalUrl } from '../dedupe';
import { extractHashtags, normaliseHashtags } from '../hashtags';
import { htmlToText } from '../html';
import { isRecord } from '../json';
import { normaliseLanguage } from '../language';
import { optionalCount, countOf } from '../mapPage';
import { SourceItemError, describeValue } from '../errors';

export type ImportPreset = 'brandwatch' | 'talkwalker' | 'mentionCom' | 'custom';

/** For each Mention field, the field paths tried in order (dots for nesting; a header name may contain spaces). */
export interface FieldMap {
	id?: string[];
	publishedAt?: string[];
	text?: string[];
	title?: string[];
	url?: string[];
	authorHandle?: string[];
	authorName?: string[];
	followers?: string[];
	language?: string[];
	platform?: string[];
	likes?: string[];
	shares?: string[];
	replies?: string[];
	views?: string[];
	rating?: string[];
}

export const PRESETS: Record<Exclude<ImportPreset, 'custom'>, FieldMap> = {
	brandwatch: {
		id: ['Resource Id', 'Mention Id', 'resourceId', 'guid', 'Url', 'url'],
		publishedAt: ['Date', 'date', 'Published', 'added'],
		text: ['Full Text', 'fullText', 'Snippet', 'snippet'],
		title: ['Title', 'title'],
		url: ['Url', 'url', 'originalUrl'],
		authorHandle: ['Author', 'author'],
		authorName: ['Full Name', 'fullname'],
		followers: ['Twitter Followers', 'twitterFollowers', 'Reach (new)', 'reachEstimate'],
		language: ['Language', 'language'],
		platform: ['Page Type', 'pageType', 'Domain', 'domain'],
		likes: ['Likes', 'likes', 'Facebook Likes'],
		shares: ['Twitter Retweets', 'twitterRetweets', 'Shares', 'shares'],
		replies: ['Twitter Replies', 'twitterReplyCount', 'Comments', 'comments'],
		views: ['Impressions', 'impressions', 'Impact'],
		rating: ['Rating', 'starRating'],
	},
	talkwalker: {
		id: ['data.id', 'id', 'data.url', 'url'],
		publishedAt: ['data.published', 'published', 'data.indexed', 'indexed', 'Published'],
		text: ['data.content', 'content', 'Content', 'data.content_snippet'],
		title: ['data.title', 'title', 'Title'],
		url: ['data.url', 'url', 'URL', 'Url'],
		authorHandle: ['data.extra_author_attributes.short_name', 'extra_author_attributes.short_name', 'Author short name', 'data.extra_author_attributes.name'],
		authorName: ['data.extra_author_attributes.name', 'extra_author_attributes.name', 'Author name'],
		followers: ['data.extra_author_attributes.followers', 'data.reach', 'reach', 'Reach'],
		language: ['data.lang', 'lang', 'Language'],
		platform: ['data.source_type', 'source_type', 'Source type', 'data.url'],
		likes: ['data.likes', 'likes', 'Likes'],
		shares: ['data.shares', 'shares', 'Shares'],
		replies: ['data.comments', 'comments', 'Comments'],
		views: ['data.reach', 'reach'],
		rating: ['data.rating'],
	},
	mentionCom: {
		id: ['id', 'ID'],
		publishedAt: ['published_at', 'Published at', 'created_at'],
		text: ['description', 'Description', 'content'],
		title: ['title', 'Title'],
		url: ['original_url', 'url', 'Url'],
		authorHandle: ['author_influence.name', 'source_name', 'Source name', 'author'],
		authorName: ['source_name', 'Source name'],
		followers: ['author_influence.followers', 'author_influence.audience', 'Audience'],
		language: ['language_code', 'Language'],
		platform: ['source_type', 'Source type', 'original_url'],
		likes: ['likes', 'Likes'],
		shares: ['shares', 'Shares'],
		replies: ['comments', 'Comments'],
		views: ['reach', 'Reach'],
		rating: ['rating'],
	},
};

/** Parses CSV text (RFC 4180; `,` or `;` or tab, auto-detected from the header line) into row objects. */
export function parseCsv(text: string): Record<string, string>[] {
	const src = text.replace(/^\uFEFF/, '');
	const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
	const delimiter = [',', ';', '\t'].reduce((best, d) =>
		firstLine.split(d).length > firstLine.split(best).length ? d : best,
	);
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < src.length; i++) {
		const c = src[i];
		if (quoted) {
			if (c === '"') {
				if (src[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else field += c;
		} else if (c === '"' && field === '') quoted = true;
		else if (c === delimiter) {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && src[i + 1] === '\n') i++;
			row.push(field);
			field = '';
			if (row.some((f) => f !== '')) rows.push(row);
			row = [];
		} else field += c;
	}
	if (field !== '' || row.length) {
		row.push(field);
		if (row.some((f) => f !== '')) rows.push(row);
	}
	const [header, ...data] = rows;
	if (!header) return [];
	return data.map((r) => {
		const o: Record<string, string> = {};
		header.forEach((h, i) => (o[h.trim()] = r[i] ?? ''));
		return o;
	});
}

/** Reads a path: an exact key first (headers with dots or spaces), then dot-separated nesting. */
export function valueAt(record: Record<string, unknown>, path: string): unknown {
	if (Object.prototype.hasOwnProperty.call(record, path)) return record[path];
	let cur: unknown = record;
	for (const part of path.split('.')) {
		if (!isRecord(cur)) return undefined;
		cur = cur[part];
	}
	return cur;
}

function first(record: Record<string, unknown>, paths: string[] | undefined): unknown {
	for (const p of paths ?? []) {
		const v = valueAt(record, p);
		if (v !== undefined && v !== null && v !== '') return v;
	}
	return undefined;
}

const PLATFORM_HINTS: Array<[RegExp, Platform]> = [
	[/(^|\b)(twitter|x)(\b|$)|twitter\.com|(^|\/\/|\.)x\.com/i, 'x'],
	[/reddit/i, 'reddit'],
	[/news\.ycombinator|hacker ?news/i, 'hackernews'],
	[/mastodon/i, 'mastodon'],
	[/bluesky|bsky/i, 'bluesky'],
	[/youtube|youtu\.be/i, 'youtube'],
	[/app ?store|apps\.apple\.com|itunes/i, 'appstore'],
];

function platformOf(hint: unknown, url: string | null): Platform {
	for (const text of [hint, url]) {
		if (typeof text !== 'string' || text === '') continue;
		for (const [re, platform] of PLATFORM_HINTS) if (re.test(text)) return platform;
	}
	return 'import';
}

function dateOf(value: unknown): string | null {
	if (typeof value === 'number') return epochSecondsToIso(value > 1e11 ? value / 1000 : value);
	if (typeof value === 'string' && /^\d{10,13}$/.test(value.trim())) {
		const n = Number(value);
		return epochSecondsToIso(n > 1e11 ? n / 1000 : n);
	}
	// "2026-03-05 09:14:00" (Brandwatch exports): read as UTC.
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value.trim())) {
		return toIsoTimestamp(`${value.trim().replace(' ', 'T')}Z`);
	}
	return toIsoTimestamp(value);
}

function str(value: unknown): string | null {
	if (value === undefined || value === null) return null;
	const s = String(value).trim();
	return s === '' ? null : s;
}

/** Maps one imported record; throws SourceItemError naming the field when it cannot. */
export function mapImportedRecord(
	record: Record<string, unknown>,
	fields: FieldMap,
	ctx: { tool: string; fetchedAt: string },
): Mention {
	const url = canonicalUrl(first(record, fields.url));
	const rawDate = first(record, fields.publishedAt);
	let publishedAt = dateOf(rawDate);
	let estimated: string | null = null;
	if (!publishedAt) {
		// Undated or unreadable: kept, dated by the import, and the mention says so.
		publishedAt = toIsoTimestamp(ctx.fetchedAt);
		if (!publishedAt)
			throw new SourceItemError('import', (fields.publishedAt ?? ['publishedAt'])[0], `not a date: ${describeValue(rawDate ?? null)}, and ctx.fetchedAt is not a date either`);
		estimated =
			rawDate === undefined
				? `no date in the record (${(fields.publishedAt ?? []).join(', ') || 'no date field mapped'}): the import time is used`
				: `date ${describeValue(rawDate)} not understood: the import time is used`;
	}
	const nativeId = str(first(record, fields.id)) ?? url;
	if (!nativeId) throw new SourceItemError('import', (fields.id ?? ['id'])[0], 'no id and no URL to identify the mention');
	const title = str(first(record, fields.title));
	const rawText = first(record, fields.text);
	const text = typeof rawText === 'string' ? htmlToText(rawText) : (str(rawText) ?? '');
	if (!text && !title)
		throw new SourceItemError('import', (fields.text ?? ['text'])[0], 'no text and no title');
	const platform = platformOf(first(record, fields.platform), url);
	const handle = (str(first(record, fields.authorHandle)) ?? 'unknown').replace(/^@/, '');
	const rating = optionalCount(first(record, fields.rating));
	const mention: Mention = {
		id: mentionId(platform, nativeId),
		platform,
		source: `import:${ctx.tool}`,
		nativeId,
		url,
		publishedAt,
		title,
		text,
		language: normaliseLanguage(first(record, fields.language)),
		author: {
			id: null,
			handle,
			name: str(first(record, fields.authorName)),
			url: null,
			followers: optionalCount(first(record, fields.followers)),
			verified: false,
		},
		engagement: {
			likes: countOf(first(record, fields.likes)),
			shares: countOf(first(record, fields.shares)),
			replies: countOf(first(record, fields.replies)),
			views: optionalCount(first(record, fields.views)),
		},
		inReplyToId: null,
		rating: rating !== null && rating >= 1 && rating <= 5 ? rating : null,
		hashtags: normaliseHashtags(extractHashtags(`${title ?? ''} ${text}`)),
		raw: record,
	};
	if (estimated) mention.publishedAtEstimated = estimated;
	return mention;
}
