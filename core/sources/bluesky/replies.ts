/**
 * Bluesky replies (Mentions › Get Replies): the post's at:// URI from a bsky.app URL, and the
 * reply posts of an `app.bsky.feed.getPostThread` answer, flattened for mapBlueskyPage. Pure.
 */
import { isRecord, parseBody } from '../json';

/** `bsky.app/profile/<handle>/post/<rkey>` → `at://<handle>/app.bsky.feed.post/<rkey>`; an at:// URI as given. */
export function blueskyPostUri(input: string): string {
	const v = input.trim();
	const m = /bsky\.app\/profile\/([^/]+)\/post\/([\w]+)/.exec(v);
	return m ? `at://${m[1]}/app.bsky.feed.post/${m[2]}` : v;
}

/**
 * The replies of a thread answer as `{ posts }` (depth first, the order of the thread), or
 * the parsed body unchanged when it is no thread (the mapper then names what is wrong).
 * Iterative walk: a hostile answer nested thousands deep cannot exhaust the stack.
 */
export function blueskyThreadReplies(body: unknown): unknown {
	const value = parseBody('bluesky', body);
	if (!isRecord(value) || !isRecord(value.thread)) return value;
	const posts: unknown[] = [];
	const stack: unknown[][] = [];
	const push = (node: unknown) => {
		if (isRecord(node) && Array.isArray(node.replies)) stack.push([...node.replies].reverse());
	};
	push(value.thread);
	while (stack.length > 0) {
		const top = stack[stack.length - 1];
		if (top.length === 0) {
			stack.pop();
			continue;
		}
		const reply = top.pop();
		if (isRecord(reply) && isRecord(reply.post)) posts.push(reply.post);
		push(reply);
	}
	return { posts };
}
