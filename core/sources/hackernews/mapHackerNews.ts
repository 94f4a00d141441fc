/**
 * Hacker News via Algolia (`/api/v1/search_by_date`, `/api/v1/search`) → Mention
 * records. Stories and comments; `objectID` is the native id. `/api/v1/items/:id` (one
 * item with its full reply tree) → the item's descendants (`mapHackerNewsItemTree`).
 */
import { mentionId, type Mention } from '../../mention/mention';
import { epochSecondsToIso, laterTimestamp, toIsoTimestamp } from '../dates';
import { canonicalUrl } from '../dedupe';
import { SourceBodyError, SourceItemError, describeValue } from '../errors';
import { extractHashtags } from '../hashtags';
import { decodeEntities, htmlToText } from '../html';
import { apiErrorMessage, isRecord, parseBody } from '../json';
import { countOf, idOf, mapItems, stringOf, type MapContext, type MappedPage } from '../mapPage';

export interface HackerNewsCursor {
	/** 0-based page of this answer. */
	page: number;
	nbPages: number;
	/** Next page to request within this run, null when done. Algolia stops at 1,000 hits: narrow `created_at_i` instead. */
	nextPage: number | null;
	nbHits: number | null;
	/** Newest `created_at_i` (epoch s) on the page: next poll uses `numericFilters=created_at_i>N`. */
	newestCreatedAtI: number | null;
	/** Oldest `created_at_i` on the page: to slice past the 1,000-hit cap use `created_at_i<N`. */
	oldestCreatedAtI: number | null;
	newestPublishedAt: string | null;
	/** True when the query matches more than Algolia will page through (1,000 hits). */
	capped: boolean;
}

const SOURCE = 'hackernews';

function mapHit(hit: Record<string, unknown>, source: string, raw: unknown = hit): Mention {
	const nativeId = idOf(SOURCE, 'objectID', hit.objectID);
	const publishedAt = epochSecondsToIso(hit.created_at_i) ?? toIsoTimestamp(hit.created_at);
	if (!publishedAt)
		throw new SourceItemError(
			SOURCE,
			'created_at_i',
			`expected epoch seconds, got ${describeValue(hit.created_at_i)}`,
		);
	const author = stringOf(hit.author);
	if (!author)
		throw new SourceItemError(
			SOURCE,
			'author',
			`expected a user name, got ${describeValue(hit.author)}`,
		);
	const tags = Array.isArray(hit._tags) ? hit._tags : [];
	const isComment =
		tags.includes('comment') || (typeof hit.comment_text === 'string' && hit.title == null);
	const title = !isComment && typeof hit.title === 'string' ? decodeEntities(hit.title) : null;
	const html = isComment ? hit.comment_text : hit.story_text;
	const text = typeof html === 'string' ? htmlToText(html) : '';
	const parent = hit.parent_id;
	return {
		id: mentionId('hackernews', nativeId),
		platform: 'hackernews',
		source,
		nativeId,
		url: `https://news.ycombinator.com/item?id=${encodeURIComponent(nativeId)}`,
		publishedAt,
		title,
		text,
		language: null,
		author: {
			id: `hackernews:${author}`,
			handle: author,
			name: null,
			url: canonicalUrl(`https://news.ycombinator.com/user?id=${encodeURIComponent(author)}`),
			followers: null,
			verified: false,
		},
		engagement: {
			likes: countOf(hit.points),
			shares: 0,
			replies: countOf(hit.num_comments),
			views: null,
		},
		inReplyToId:
			(typeof parent === 'number' && Number.isSafeInteger(parent)) ||
			(typeof parent === 'string' && parent !== '')
				? mentionId('hackernews', String(parent))
				: null,
		rating: null,
		hashtags: extractHashtags(`${title ?? ''} ${text}`),
		raw,
	};
}

/** Maps one Algolia search answer. Throws SourceBodyError when the body has no `hits` array. */
export function mapHackerNewsPage(body: unknown, ctx: MapContext): MappedPage<HackerNewsCursor> {
	const value = parseBody(SOURCE, body);
	if (!isRecord(value))
		throw new SourceBodyError(
			SOURCE,
			'body',
			`expected a search answer object, got ${describeValue(value)}`,
		);
	const hits = value.hits;
	if (!Array.isArray(hits)) {
		const apiError = apiErrorMessage(value);
		throw new SourceBodyError(
			SOURCE,
			apiError ? 'body' : 'hits',
			apiError ?? `expected an array, got ${describeValue(hits)}`,
		);
	}
	const source = ctx.source ?? SOURCE;
	const { mentions, skipped } = mapItems(SOURCE, 'hits', hits, (hit) => mapHit(hit, source));
	const page = typeof value.page === 'number' ? value.page : 0;
	const nbPages = typeof value.nbPages === 'number' ? value.nbPages : page + 1;
	const nbHits = typeof value.nbHits === 'number' ? value.nbHits : null;
	let newest: number | null = null;
	let oldest: number | null = null;
	let newestIso: string | null = null;
	for (const m of mentions) {
		const t = Date.parse(m.publishedAt) / 1000;
		newestIso = laterTimestamp(newestIso, m.publishedAt);
		if (newest === null || t > newest) newest = t;
		if (oldest === null || t < oldest) oldest = t;
	}
	return {
		mentions,
		skipped,
		cursor: {
			page,
			nbPages,
			nextPage: page + 1 < nbPages && hits.length > 0 ? page + 1 : null,
			nbHits,
			newestCreatedAtI: newest,
			oldestCreatedAtI: oldest,
			newestPublishedAt: newestIso,
			capped: nbHits !== null && nbHits > 1000,
		},
	};
}

export interface HackerNewsTreeCursor {
	/** The item whose replies these are (`id` of the `/items/:id` answer). */
	rootId: string;
	/** `story`, `comment`, `poll`… as Algolia types the root. */
	rootType: string | null;
	/** Descendants found in the tree (skipped ones included). */
	count: number;
}

/**
 * An `/items/:id` node (`{id, created_at_i, type, author, title, text, points, parent_id,
 * story_id, children}`) in the search-hit shape mapHit reads. `num_comments` = direct replies.
 */
function treeNodeAsHit(node: Record<string, unknown>): Record<string, unknown> {
	const type = typeof node.type === 'string' ? node.type : null;
	const isComment = type === 'comment';
	return {
		objectID: typeof node.id === 'number' || typeof node.id === 'string' ? node.id : undefined,
		created_at: node.created_at,
		created_at_i: node.created_at_i,
		author: node.author,
		title: isComment ? null : node.title,
		url: node.url,
		points: node.points,
		...(isComment ? { comment_text: node.text } : { story_text: node.text }),
		num_comments: Array.isArray(node.children) ? node.children.length : 0,
		parent_id: node.parent_id,
		story_id: node.story_id,
		_tags: type ? [type] : [],
	};
}

/**
 * Maps an Algolia `/api/v1/items/:id` answer to the replies under that item (every
 * descendant, nested ones included, each with `inReplyToId` = its parent), not the item
 * itself. Works for a story and for a comment (its sub-thread). Deleted replies (no
 * author) are skipped; their own replies are kept. Throws SourceBodyError when the body
 * is not an item.
 */
export function mapHackerNewsItemTree(body: unknown, ctx: MapContext): MappedPage<HackerNewsTreeCursor> {
	const value = parseBody(SOURCE, body);
	if (!isRecord(value))
		throw new SourceBodyError(SOURCE, 'body', `expected an item object, got ${describeValue(value)}`);
	const apiError = apiErrorMessage(value);
	if (apiError) throw new SourceBodyError(SOURCE, 'body', apiError);
	if (value.id === undefined || value.id === null || !('children' in value)) {
		throw new SourceBodyError(
			SOURCE,
			'children',
			`expected an item {id, children:[]}, got ${'hits' in value ? 'a search answer' : 'an object without them'}`,
		);
	}
	const rootId = idOf(SOURCE, 'id', value.id);
	// Iterative walk (threads can be deep), depth-first in the API's order.
	const nodes: unknown[] = [];
	const stack: unknown[] = Array.isArray(value.children) ? [...value.children].reverse() : [];
	while (stack.length > 0) {
		const node = stack.pop();
		nodes.push(node);
		if (isRecord(node) && Array.isArray(node.children)) {
			for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
		}
	}
	const source = ctx.source ?? SOURCE;
	// Paths name the position in the flattened walk: `descendants[3].author`.
	const { mentions, skipped } = mapItems(SOURCE, 'descendants', nodes, (node) => {
		const raw: Record<string, unknown> = { ...node };
		delete raw.children;
		return mapHit(treeNodeAsHit(node), source, raw);
	});
	return {
		mentions,
		skipped,
		cursor: {
			rootId,
			rootType: typeof value.type === 'string' ? value.type : null,
			count: nodes.length,
		},
	};
}
