/**
 * Reddit comment threads → Mention records, for Get Replies: the `[post, comments]` answer
 * of `/comments/<article>` and the answer of `/api/morechildren`
 * (`{json:{errors, data:{things}}}`). Comments (`t1`) are flattened, nested replies
 * included; the "load more comments" stubs (`kind: "more"`) are returned in the cursor so
 * the caller can follow them:
 *
 * - a stub with `children` (id36s) → `GET /api/morechildren?link_id=…&children=…` (≤ 100 ids
 *   per request: Reddit truncates beyond);
 * - a "continue this thread" stub (`id: "_"`, no children, `parent_id` a comment) →
 *   `GET /comments/<article>?comment=<parent id36>` (the sub-thread under that comment).
 */
import { SourceBodyError, describeValue } from '../errors';
import { apiErrorMessage, isRecord, parseBody } from '../json';
import type { MapContext, MappedPage } from '../mapPage';
import { mapRedditPage } from './mapReddit';

/** Reddit truncates a morechildren request beyond 100 ids. */
export const REDDIT_MORECHILDREN_MAX_IDS = 100;

export interface RedditMoreStub {
	/** id36s of the comments behind the stub (`children`); empty for "continue this thread". */
	children: string[];
	/** Fullname of the comment or post the stub hangs under (`t1_…`, `t3_…`). */
	parentId: string | null;
	/** Comments behind the stub as Reddit counts them (`count`; 0 on "continue this thread"). */
	count: number;
}

export interface RedditThreadCursor {
	/** Fullname of the post (`t3_…`) the comments belong to, when the answer names it. */
	linkId: string | null;
	/** Stubs to follow, in the order met. */
	more: RedditMoreStub[];
	/** Items in the answer (comments, stubs and anything skipped). */
	count: number;
}

/** A stub's `data` → RedditMoreStub (ids kept as strings, blanks dropped). */
function stubOf(data: Record<string, unknown>): RedditMoreStub {
	const children = Array.isArray(data.children)
		? data.children.filter((c): c is string => typeof c === 'string' && c.trim() !== '').map((c) => c.trim())
		: [];
	const count = typeof data.count === 'number' && Number.isFinite(data.count) && data.count > 0 ? Math.floor(data.count) : 0;
	return {
		children,
		parentId: typeof data.parent_id === 'string' && data.parent_id !== '' ? data.parent_id : null,
		count,
	};
}

/**
 * Reads either answer into a flat Listing of t1 things plus the stubs. Throws
 * SourceBodyError for a body that is neither (API error included).
 */
function flatten(value: unknown): { things: unknown[]; more: RedditMoreStub[]; linkId: string | null } {
	const things: unknown[] = [];
	const more: RedditMoreStub[] = [];
	let linkId: string | null = null;
	const visit = (child: unknown) => {
		if (!isRecord(child)) {
			things.push(child); // the mapper skips it with a reason
			return;
		}
		const data = isRecord(child.data) ? child.data : null;
		if (child.kind === 'more') {
			if (data) more.push(stubOf(data));
			return;
		}
		if (child.kind !== 't1') return; // the post itself (t3) is not a reply
		things.push(child);
		if (data && linkId === null && typeof data.link_id === 'string') linkId = data.link_id;
		if (data) walk(data.replies);
	};
	// Replies nest as Listings inside each comment (`replies: ""` when there are none).
	const walk = (listing: unknown) => {
		if (!isRecord(listing) || !isRecord(listing.data) || !Array.isArray(listing.data.children)) return;
		for (const c of listing.data.children) visit(c);
	};
	if (Array.isArray(value)) {
		// /comments/<article>: [post Listing, comments Listing]
		const post = value[0];
		if (isRecord(post) && isRecord(post.data) && Array.isArray(post.data.children)) {
			const first = post.data.children[0];
			if (isRecord(first) && isRecord(first.data) && typeof first.data.name === 'string') linkId = first.data.name;
		}
		if (value.length < 2 || !isRecord(value[1]) || !isRecord(value[1].data) || !Array.isArray(value[1].data.children)) {
			throw new SourceBodyError(
				'reddit',
				'[1].data.children',
				`expected [post Listing, comments Listing], got ${describeValue(value[1])} as the second element`,
			);
		}
		walk(value[1]);
		return { things, more, linkId };
	}
	if (isRecord(value) && isRecord(value.json)) {
		// /api/morechildren?api_type=json: {json:{errors:[[code, message, field]…], data:{things}}}
		const errors = Array.isArray(value.json.errors) ? value.json.errors : [];
		if (errors.length > 0) {
			const first = errors[0];
			const text = Array.isArray(first) ? first.filter((p) => typeof p === 'string').join(': ') : describeValue(first);
			throw new SourceBodyError('reddit', 'json.errors', `API error ${text}`);
		}
		const data = value.json.data;
		const list = isRecord(data) && Array.isArray(data.things) ? data.things : null;
		if (list === null)
			throw new SourceBodyError('reddit', 'json.data.things', `expected an array, got ${describeValue(isRecord(data) ? data.things : data)}`);
		// Things arrive flat (each reply after its parent, `replies: ""`), nested listings walked all the same.
		for (const t of list) visit(t);
		return { things, more, linkId };
	}
	const apiError = isRecord(value) ? apiErrorMessage(value) : null;
	throw new SourceBodyError(
		'reddit',
		'body',
		apiError ??
			`expected a comment thread [post, comments] or a morechildren answer {json:{data:{things}}}, got ${describeValue(value)}`,
	);
}

/**
 * Maps a thread answer (`/comments/<article>`) or a `/api/morechildren` answer to the
 * comments it contains, and lists the "more" stubs still to follow.
 */
export function mapRedditThreadPage(body: unknown, ctx: MapContext): MappedPage<RedditThreadCursor> {
	const value = parseBody('reddit', body);
	const { things, more, linkId } = flatten(value);
	const page = mapRedditPage({ kind: 'Listing', data: { after: null, children: things } }, ctx);
	return { mentions: page.mentions, skipped: page.skipped, cursor: { linkId, more, count: things.length + more.length } };
}

/** Total of comments the stubs stand for (what is still unread when they are not followed). */
export function unreadCount(stubs: RedditMoreStub[]): number {
	return stubs.reduce((n, s) => n + Math.max(s.count, s.children.length), 0);
}
