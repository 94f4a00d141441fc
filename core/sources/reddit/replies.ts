/**
 * Reddit replies (Mentions › Get Replies): the post id from a URL or a fullname, and the walk
 * over the "load more comments" stubs a thread answer leaves (see mapRedditThread.ts). The
 * walk is pure: it says which request comes next; the adapter sends it. Ids already read or
 * queued are never asked again.
 */
import { REDDIT_MORECHILDREN_MAX_IDS, type RedditThreadCursor } from './mapRedditThread';

/** `reddit.com/r/<sub>/comments/<id>/…` or `t3_<id>` → `<id>`; anything else as given. */
export function redditPostId(input: string): string {
	const v = input.trim();
	for (const re of [/comments\/([a-z0-9]+)/i, /^t3_([a-z0-9]+)$/i]) {
		const m = re.exec(v);
		if (m) return m[1];
	}
	return v;
}

export interface RedditReplyWalk {
	/** Fullname of the post (`t3_…`): the `link_id` of morechildren. */
	linkId: string;
	/** id36s behind "load more comments" stubs, not yet requested. */
	moreIds: string[];
	/** Comments (id36) whose sub-thread is behind a "continue this thread" stub. */
	threads: string[];
	/** `c:<id36>` and `t:<fullname>` already queued. */
	queued: Set<string>;
}

export type RedditReplyRequest =
	| { kind: 'morechildren'; linkId: string; children: string[] }
	| { kind: 'thread'; comment: string };

export function startRedditReplyWalk(postId: string): RedditReplyWalk {
	return { linkId: `t3_${postId}`, moreIds: [], threads: [], queued: new Set() };
}

/** Queues the stubs of one answer; `known(id)` says whether a comment (fullname `reddit:t1_<id36>`) was already read. */
export function followRedditStubs(walk: RedditReplyWalk, cursor: RedditThreadCursor | null, known: (mentionId: string) => boolean): void {
	if (!cursor) return;
	if (cursor.linkId) walk.linkId = cursor.linkId;
	for (const stub of cursor.more) {
		if (stub.children.length > 0) {
			for (const child of stub.children) {
				if (walk.queued.has(`c:${child}`) || known(`reddit:t1_${child}`)) continue;
				walk.queued.add(`c:${child}`);
				walk.moreIds.push(child);
			}
		} else if (stub.parentId && stub.parentId.startsWith('t1_') && !walk.queued.has(`t:${stub.parentId}`)) {
			walk.queued.add(`t:${stub.parentId}`);
			walk.threads.push(stub.parentId.slice(3));
		}
	}
}

/** The next request of the walk (morechildren batches first, then sub-threads), or null when done. */
export function nextRedditReplyRequest(walk: RedditReplyWalk): RedditReplyRequest | null {
	if (walk.moreIds.length > 0) return { kind: 'morechildren', linkId: walk.linkId, children: walk.moreIds.splice(0, REDDIT_MORECHILDREN_MAX_IDS) };
	const comment = walk.threads.shift();
	return comment === undefined ? null : { kind: 'thread', comment };
}
