/**
 * Shared by the sources' reply reads (Mentions › Get Replies): the request cap and the loop
 * for APIs that page replies with a token (X, YouTube, Bluesky).
 */
import type { Mention } from '../../../core/mention/mention';
import type { PageAnswer, PageToken, RepliesAnswer } from './mentionSource';

/** Requests one reply read may send, follow-ups included (pages, "more" stubs). */
export const MAX_REPLY_REQUESTS = 50;

/**
 * Reads pages until `limit` replies, the last page, or the cap. A token the API already
 * handed out (stale cache) ends the read instead of looping.
 */
export async function readPagedReplies(limit: number, fetchPage: (token: PageToken | null) => Promise<PageAnswer>): Promise<RepliesAnswer> {
	const mentions: Mention[] = [];
	const requested = new Set<string>();
	let token: PageToken | null = null;
	let calls = 0;
	for (let page = 0; page < MAX_REPLY_REQUESTS && mentions.length < limit; page++) {
		const answer = await fetchPage(token);
		calls += answer.calls;
		if (!answer.ok) return { ok: false, failure: answer.failure, calls };
		mentions.push(...answer.mentions);
		token = answer.next;
		if (token === null || requested.has(String(token))) break;
		requested.add(String(token));
	}
	return { ok: true, mentions, calls };
}
