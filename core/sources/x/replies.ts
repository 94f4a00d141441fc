/** X replies (Mentions › Get Replies): the post id from a URL or a bare id. Pure. */

/** `https://x.com/<user>/status/<id>` (or twitter.com, `/statuses/`) → `<id>`; anything else as given. */
export function xPostId(input: string): string {
	const v = input.trim();
	const m = /status(?:es)?\/(\d+)/.exec(v);
	return m ? m[1] : v;
}

/** The recent-search query that returns the replies of a conversation. */
export function xRepliesQuery(postId: string): string {
	return `conversation_id:${postId}`;
}
