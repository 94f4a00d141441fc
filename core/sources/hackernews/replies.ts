/** Hacker News replies (Mentions › Get Replies): the item id from a URL or a bare id. Pure. */

/** `news.ycombinator.com/item?id=<id>` → `<id>`; anything else as given. */
export function hackerNewsItemId(input: string): string {
	const v = input.trim();
	const m = /[?&]id=(\d+)/.exec(v);
	return m ? m[1] : v;
}

/** Only numeric ids have an item tree to fall back on (`/api/v1/items/<id>`). */
export function hasItemTree(id: string): boolean {
	return /^\d+$/.test(id);
}
