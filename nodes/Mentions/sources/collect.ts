/**
 * Reads streams page by page (newest first) down to a watermark, for the trigger and for
 * the Search operations. The rules that keep "exactly once" true:
 *
 * - A stream's state (its cursor) only moves when every page it covers was read; the
 *   caller stores it only after emitting the mentions (Singer: update state last).
 * - Items at the watermark itself are re-read (`>=`) and dropped by the seen-id set, so
 *   several mentions in the same second are never missed.
 * - When a poll hits the page cap before reaching the watermark, the read pages are
 *   emitted and the stream keeps `pending = {token, top}`: the next poll continues from
 *   `token` down to the old watermark before reading new items, so nothing in between
 *   is skipped.
 * - A page whose `next` token was already requested (a duplicated / stale page) is
 *   requested again, bounded; a failure leaves the state as it was.
 */
import type { Mention } from '../../../core/mention/mention';
import type { FetchContext } from '../transport/request';
import type { MentionSource, PageToken, SourceEnv, SourceFailure, StreamSpec, Watermark } from './mentionSource';

export interface StreamState {
	watermark: Watermark | null;
	pending: { token: PageToken; top: Watermark | null } | null;
	/** Last successful read (RFC3339): throttles quota-bound streams. */
	lastFetchedAt?: string | null;
}

export interface CollectOptions {
	/** Page cap for this read. */
	maxPages: number;
	/** Stop once this many mentions are collected (searches); undefined = no cap. */
	limit?: number;
}

export type CollectResult =
	| {
			ok: true;
			mentions: Mention[];
			skipped: number;
			pages: number;
			calls: number;
			/** The page cap stopped the read before the watermark: `state.pending` is set. */
			capped: boolean;
			state: StreamState;
	  }
	| { ok: false; failure: SourceFailure; pages: number; calls: number };

export function watermarkOf(source: MentionSource, m: Mention): Watermark {
	return { publishedAt: m.publishedAt, sinceId: source.sinceId ? source.sinceId(m) : null, position: source.position(m) };
}

/** True when `m` is strictly older than the watermark (already covered). */
export function isOlder(source: MentionSource, m: Mention, w: Watermark | null): boolean {
	if (!w) return false;
	if (w.position !== null) return source.position(m) < w.position;
	return w.publishedAt !== null && m.publishedAt < w.publishedAt;
}

function newer(a: Watermark | null, b: Watermark | null): Watermark | null {
	if (!a) return b;
	if (!b) return a;
	if (a.position !== null && b.position !== null) return a.position >= b.position ? a : b;
	return (a.publishedAt ?? '') >= (b.publishedAt ?? '') ? a : b;
}

/** What one read has gathered so far, across its pages. */
interface ReadProgress {
	byId: Map<string, Mention>;
	/** Newest watermark among the mentions read (lifts the stream's watermark once complete). */
	top: Watermark | null;
	pages: number;
	calls: number;
	skipped: number;
}

function collected(progress: ReadProgress, capped: boolean, state: StreamState): CollectResult {
	return {
		ok: true,
		mentions: [...progress.byId.values()],
		skipped: progress.skipped,
		pages: progress.pages,
		calls: progress.calls,
		capped,
		state,
	};
}

function stalePageFailure(source: MentionSource, next: PageToken, calls: number): SourceFailure {
	return {
		source: source.name,
		status: 200,
		kind: 'other',
		retryAt: null,
		message: `${source.name}: the API kept returning an already-read page (next page ${String(next)})`,
		hint: 'Stale or duplicated pages: the next poll retries; the cursor did not move.',
		credentialType: null,
		attempts: calls,
	};
}

/** Adds a page's mentions newer than the watermark; true when the page reached older ones. */
function takeNewer(source: MentionSource, mentions: Mention[], watermark: Watermark | null, progress: ReadProgress): boolean {
	let reachedOld = false;
	for (const m of mentions) {
		if (isOlder(source, m, watermark)) {
			reachedOld = true;
			continue;
		}
		if (!progress.byId.has(m.id)) progress.byId.set(m.id, m);
		// A date estimated from the fetch (an undated feed item) must not lift the watermark to
		// "now": entries published earlier but seen later would be skipped. The seen-id set keeps
		// the undated item from being emitted twice.
		if (!m.publishedAtEstimated) progress.top = newer(progress.top, watermarkOf(source, m));
	}
	return reachedOld;
}

/**
 * Reads one stream. With `state.watermark` null (first poll, manual run, search without
 * a start) only the first page is read and it becomes the watermark.
 */
export async function collectStream(
	ctx: FetchContext,
	source: MentionSource,
	env: SourceEnv,
	stream: StreamSpec,
	state: StreamState | null,
	options: CollectOptions,
): Promise<CollectResult> {
	const watermark = state?.watermark ?? null;
	const resuming = state?.pending ?? null;
	let token: PageToken | null = resuming ? resuming.token : null;
	const progress: ReadProgress = { byId: new Map(), top: resuming ? resuming.top : null, pages: 0, calls: 0, skipped: 0 };
	const requested = new Set<string>();
	let staleRepeats = 0;
	const pageCap = watermark ? Math.max(1, options.maxPages) : 1;
	for (;;) {
		const key = token === null ? '' : `t:${String(token)}`;
		requested.add(key);
		const page = await source.fetchPage(ctx, env, stream, watermark, token);
		progress.calls += page.calls;
		if (!page.ok) return { ok: false, failure: page.failure, pages: progress.pages, calls: progress.calls };
		if (page.next !== null && requested.has(`t:${String(page.next)}`)) {
			// A page we already read came back (cache, replica lag): ask again, a bounded number of times.
			if (++staleRepeats > env.policy.maxRetries) {
				return { ok: false, pages: progress.pages, calls: progress.calls, failure: stalePageFailure(source, page.next, progress.calls) };
			}
			continue;
		}
		progress.pages++;
		progress.skipped += page.skipped.length;
		const reachedOld = takeNewer(source, page.mentions, watermark, progress);
		const empty = page.mentions.length === 0 && page.skipped.length === 0;
		const full = options.limit !== undefined && progress.byId.size >= options.limit;
		if (reachedOld || empty || page.next === null || full || !watermark) {
			const complete = reachedOld || empty || page.next === null || !watermark;
			return collected(progress, !complete, {
				watermark: complete ? newer(watermark, progress.top) : watermark,
				pending: complete ? null : { token: page.next as PageToken, top: progress.top },
				lastFetchedAt: env.fetchedAt,
			});
		}
		if (progress.pages >= pageCap) {
			return collected(progress, true, { watermark, pending: { token: page.next, top: progress.top }, lastFetchedAt: env.fetchedAt });
		}
		token = page.next;
	}
}
