/**
 * Reddit search Listing (`/search.json`, `oauth.reddit.com/search`, `/r/<sub>/search.json`)
 * → Mention records. Posts (`t3`) and comments (`t1`); the native id is the fullname
 * (`t3_14ynl0l`), unique across kinds.
 */
import { mentionId, type Mention } from '../../mention/mention';
import { epochSecondsToIso, laterTimestamp } from '../dates';
import { canonicalUrl } from '../dedupe';
import { SourceBodyError, SourceItemError, describeValue } from '../errors';
import { extractHashtags } from '../hashtags';
import { decodeEntities } from '../html';
import { apiErrorMessage, isRecord, parseBody } from '../json';
import {
	countOf,
	mapItems,
	optionalCount,
	stringOf,
	type MapContext,
	type MappedPage,
} from '../mapPage';

export interface RedditCursor {
	/** `data.after` fullname to request the next (older) page, null at the end. */
	after: string | null;
	/** Newest `created_utc` (epoch seconds) on this page: store the max and stop below it next poll. */
	newestCreatedUtc: number | null;
	newestPublishedAt: string | null;
	/** Number of children on the page (`dist`), including skipped ones. */
	count: number;
}

const SOURCE = 'reddit';

function mapChild(child: Record<string, unknown>, source: string): Mention {
	const kind = child.kind;
	const data = child.data;
	if (!isRecord(data))
		throw new SourceItemError(SOURCE, 'data', `expected an object, got ${describeValue(data)}`);
	if (kind !== 't3' && kind !== 't1')
		throw new SourceItemError(
			SOURCE,
			'kind',
			`expected "t3" (post) or "t1" (comment), got ${describeValue(kind)}`,
		);
	const fullname = stringOf(data.name) ?? (stringOf(data.id) ? `${kind}_${String(data.id)}` : null);
	if (!fullname)
		throw new SourceItemError(
			SOURCE,
			'data.name',
			`expected a fullname like "t3_abc", got ${describeValue(data.name)}`,
		);
	const publishedAt = epochSecondsToIso(data.created_utc);
	if (!publishedAt)
		throw new SourceItemError(
			SOURCE,
			'data.created_utc',
			`expected epoch seconds, got ${describeValue(data.created_utc)}`,
		);
	const author = stringOf(data.author);
	if (!author)
		throw new SourceItemError(
			SOURCE,
			'data.author',
			`expected a user name, got ${describeValue(data.author)}`,
		);
	const isPost = kind === 't3';
	const title = isPost && typeof data.title === 'string' ? decodeEntities(data.title) : null;
	const text = decodeEntities(
		typeof (isPost ? data.selftext : data.body) === 'string'
			? String(isPost ? data.selftext : data.body)
			: '',
	).trim();
	const permalink = stringOf(data.permalink);
	const url = permalink
		? canonicalUrl(permalink.startsWith('/') ? `https://www.reddit.com${permalink}` : permalink)
		: null;
	const authorFullname = stringOf(data.author_fullname);
	const deleted = author === '[deleted]';
	const parent = stringOf(data.parent_id);
	return {
		id: mentionId('reddit', fullname),
		platform: 'reddit',
		source,
		nativeId: fullname,
		url,
		publishedAt,
		title,
		text,
		language: null,
		author: {
			id: authorFullname ? `reddit:${authorFullname}` : null,
			handle: author,
			name: null,
			url: deleted ? null : `https://www.reddit.com/user/${encodeURIComponent(author)}`,
			followers: null,
			verified: false,
		},
		engagement: {
			likes: countOf(data.score),
			shares: countOf(data.num_crossposts),
			replies: countOf(data.num_comments),
			views: optionalCount(data.view_count),
		},
		inReplyToId: parent ? mentionId('reddit', parent) : null,
		rating: null,
		hashtags: extractHashtags(`${title ?? ''} ${text}`),
		raw: data,
	};
}

/** Maps one Reddit Listing page. Throws SourceBodyError when the body is not a Listing. */
export function mapRedditPage(body: unknown, ctx: MapContext): MappedPage<RedditCursor> {
	const value = parseBody(SOURCE, body);
	if (!isRecord(value))
		throw new SourceBodyError(
			SOURCE,
			'body',
			`expected a Listing object, got ${describeValue(value)}`,
		);
	const apiError = apiErrorMessage(value);
	if (apiError) throw new SourceBodyError(SOURCE, 'body', apiError);
	const data = value.data;
	if (value.kind !== 'Listing' || !isRecord(data)) {
		throw new SourceBodyError(
			SOURCE,
			'kind',
			`expected {kind:"Listing", data:{children}}, got kind ${describeValue(value.kind)}`,
		);
	}
	const children = data.children;
	if (!Array.isArray(children))
		throw new SourceBodyError(
			SOURCE,
			'data.children',
			`expected an array, got ${describeValue(children)}`,
		);
	const source = ctx.source ?? SOURCE;
	const { mentions, skipped } = mapItems(SOURCE, 'data.children', children, (child) =>
		mapChild(child, source),
	);
	let newestCreatedUtc: number | null = null;
	let newestPublishedAt: string | null = null;
	for (const m of mentions) {
		const created = (m.raw as Record<string, unknown>).created_utc as number;
		const c = Number(created);
		if (newestCreatedUtc === null || c > newestCreatedUtc) newestCreatedUtc = c;
		newestPublishedAt = laterTimestamp(newestPublishedAt, m.publishedAt);
	}
	return {
		mentions,
		skipped,
		cursor: {
			after: stringOf(data.after),
			newestCreatedUtc,
			newestPublishedAt,
			count: children.length,
		},
	};
}
