/**
 * Failure items of Mentions / Mentions Trigger (`{ error, errorDescription, sourceFailure }`) met
 * by the nodes downstream. They never break the chain: Score Mentions passes them through, the
 * batch operations leave them out of the mentions and count them.
 */
import type { IDataObject } from 'n8n-workflow';

export interface SourceFailureSummary {
	source: string;
	kind: string;
	retryAt: string | null;
}

/** The failure an item reports, or null when the item is not a source failure. */
export function sourceFailureOf(json: IDataObject | undefined): SourceFailureSummary | null {
	const f = json?.sourceFailure;
	if (f === null || typeof f !== 'object' || Array.isArray(f)) return null;
	const failure = f as IDataObject;
	return {
		source: typeof failure.source === 'string' ? failure.source : 'unknown source',
		kind: typeof failure.kind === 'string' ? failure.kind : 'other',
		retryAt: typeof failure.retryAt === 'string' ? failure.retryAt : null,
	};
}

/** One entry per source and kind (a source failing on several streams counts once). */
export function uniqueFailures(failures: SourceFailureSummary[]): SourceFailureSummary[] {
	const byKey = new Map<string, SourceFailureSummary>();
	for (const f of failures) {
		const key = `${f.source}\u0000${f.kind}`;
		const known = byKey.get(key);
		if (!known || (f.retryAt && (!known.retryAt || f.retryAt > known.retryAt))) byKey.set(key, f);
	}
	return [...byKey.values()];
}

const KIND_WORDS: Record<string, string> = {
	rateLimited: 'rate-limited',
	quotaExceeded: 'over its quota',
	unauthorized: 'refused the credential',
	forbidden: 'refused access',
	notFound: 'not found',
	badRequest: 'misconfigured',
	serverError: 'server error',
	network: 'unreachable',
	timeout: 'timed out',
};

/** "1 source failed: reddit rate-limited until 2026-03-05T10:40:00Z; judged on the others". */
export function sourceFailuresReason(failures: SourceFailureSummary[]): string {
	const list = uniqueFailures(failures);
	const sources = new Set(list.map((f) => f.source)).size;
	const parts = list.map((f) => `${f.source} ${KIND_WORDS[f.kind] ?? 'failed'}${f.retryAt ? ` until ${f.retryAt}` : ''}`);
	return `${sources} source${sources === 1 ? '' : 's'} failed: ${parts.join(', ')}; judged on the others`;
}
