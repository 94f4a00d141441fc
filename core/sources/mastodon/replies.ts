/**
 * Mastodon replies (Mentions › Get Replies): the status id from a URL or a bare id, and the
 * descendants of a `/api/v1/statuses/<id>/context` answer. Pure.
 */
import { isRecord, parseBody } from '../json';

/** `https://<instance>/@user/<id>` or `…/statuses/<id>` → `<id>`; anything else as given. */
export function mastodonStatusId(input: string): string {
	const v = input.trim();
	for (const re of [/\/(\d+)\/?$/, /statuses\/(\d+)/]) {
		const m = re.exec(v);
		if (m) return m[1];
	}
	return v;
}

/** The `descendants` of a context answer (the body itself when it is a bare list). */
export function contextDescendants(body: unknown): unknown {
	const value = parseBody('mastodon', body);
	return isRecord(value) && Array.isArray(value.descendants) ? value.descendants : value;
}

/** Whether some descendant answers the root status directly (then the root is read once for its id). */
export function repliesToRoot(descendants: unknown, rootId: string): boolean {
	return Array.isArray(descendants) && descendants.some((s) => isRecord(s) && String(s.in_reply_to_id ?? '') === rootId);
}
