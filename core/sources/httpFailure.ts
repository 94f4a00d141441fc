/**
 * Reads a failed HTTP answer (`{status, headers, body}`) the way each source reports it,
 * so the trigger can back off until the right moment instead of hammering an API mid-
 * crisis, and tell the user what to fix. Pure: `now` is an argument.
 */
import { DateTime } from 'luxon';
import { apiErrorMessage, isRecord } from './json';
import { parseIsoTimestamp } from './dates';

export interface HttpAnswer {
	status: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

export type HttpFailureKind =
	| 'rateLimited'
	| 'quotaExceeded'
	| 'unauthorized'
	| 'forbidden'
	| 'notFound'
	| 'badRequest'
	| 'serverError'
	| 'other';

export interface HttpFailure {
	source: string;
	status: number;
	kind: HttpFailureKind;
	/**
	 * When a retry may succeed (RFC3339 UTC): from the rate-limit headers, or the next
	 * midnight Pacific time for a YouTube (Google) daily quota; null when unknown.
	 */
	retryAt: string | null;
	/** The API's own words. */
	message: string;
	/** What the user can do. */
	hint: string;
}

function header(headers: Record<string, unknown> | undefined, name: string): string | null {
	if (!headers) return null;
	for (const [k, v] of Object.entries(headers)) {
		if (k.toLowerCase() === name)
			return Array.isArray(v) ? String(v[0]) : v === undefined || v === null ? null : String(v);
	}
	return null;
}

/**
 * A reset header as a moment: an ISO date (Mastodon), epoch seconds (X, Bluesky) or
 * seconds from now (Reddit, `Retry-After`), told apart by magnitude.
 */
function resetMoment(value: string | null, nowMs: number): number | null {
	if (value === null || value.trim() === '') return null;
	const v = value.trim();
	if (/^\d+(\.\d+)?$/.test(v)) {
		const n = Number(v);
		return n > 1e9 ? n * 1000 : nowMs + n * 1000;
	}
	const iso = parseIsoTimestamp(v);
	if (iso) return Date.parse(iso);
	const http = Date.parse(v);
	return Number.isFinite(http) ? http : null;
}

const HINTS: Record<HttpFailureKind, string> = {
	rateLimited:
		'The API rate limit is reached: polling resumes after the reset time. Poll less often or narrow the query.',
	quotaExceeded:
		'The daily or monthly quota is used up (YouTube resets at midnight Pacific time; X caps posts per month). Poll less often.',
	unauthorized:
		'The credential was refused: check the token, key or app password, or reconnect the account.',
	forbidden:
		'The credential has no access to this endpoint (approval, scope or instance settings). Check the app permissions.',
	notFound:
		'The resource does not exist or is not visible: check the feed URL, instance, video or app id.',
	badRequest:
		'The request was refused as invalid: check the query syntax and length for this source.',
	serverError: 'The service failed on its side: the next poll retries.',
	other: 'Unexpected answer: see the message.',
};

function bodyMessage(body: unknown): string | null {
	if (typeof body === 'string') {
		const title = /<title[^<>]{0,200}>([^<]{0,120})/i.exec(body);
		return title ? title[1].trim() : body.trim().slice(0, 160) || null;
	}
	return isRecord(body) ? apiErrorMessage(body) : null;
}

/** The `reason`s and `domain`s of a Google API error body (`{error:{errors:[{reason, domain}]}}`). */
function googleErrors(body: unknown): Array<{ reason: string; domain: string; message: string }> {
	if (!isRecord(body) || !isRecord(body.error) || !Array.isArray(body.error.errors)) return [];
	const top = typeof body.error.message === 'string' ? body.error.message : '';
	return body.error.errors.filter(isRecord).map((e) => ({
		reason: typeof e.reason === 'string' ? e.reason : '',
		domain: typeof e.domain === 'string' ? e.domain : '',
		message: typeof e.message === 'string' ? e.message : top,
	}));
}

/** Daily quota used up: YouTube `quotaExceeded`, Google `dailyLimitExceeded`, X `UsageCapExceeded`. */
function isQuota(body: unknown): boolean {
	const google = googleErrors(body);
	if (google.length > 0) {
		return google.some(
			(e) =>
				e.reason === 'quotaExceeded' ||
				e.reason === 'dailyLimitExceeded' ||
				// A "rate limit" reason that YouTube files under its quota domain or words as the quota.
				(/rateLimitExceeded$/i.test(e.reason) &&
					(e.domain === 'youtube.quota' || /exceeded your quota/i.test(e.message))),
		);
	}
	if (!isRecord(body)) return false;
	return (
		body.title === 'UsageCapExceeded' ||
		(typeof body.type === 'string' && body.type.endsWith('/usage-capped'))
	);
}

/**
 * Google's short-term limits (`rateLimitExceeded`, `userRateLimitExceeded`: too many
 * requests in a short span, answered with 403): a rate limit, not a missing permission.
 */
function isGoogleRateLimit(body: unknown): boolean {
	return googleErrors(body).some((e) => /rateLimitExceeded$/i.test(e.reason));
}

/** Whether a quota failure is YouTube's (Google's) daily quota, which resets at midnight Pacific time. */
function isPacificDailyQuota(source: string, body: unknown): boolean {
	const google = googleErrors(body);
	if (google.length === 0) return false;
	return source.startsWith('youtube') || google.some((e) => e.domain.startsWith('youtube'));
}

/** The zone YouTube Data API quotas reset in (developers.google.com/youtube/v3/determine_quota_cost). */
export const YOUTUBE_QUOTA_ZONE = 'America/Los_Angeles';

/**
 * The next midnight in America/Los_Angeles strictly after `now` (RFC3339 UTC, e.g.
 * `2026-03-06T08:00:00.000Z` in winter, `…T07:00:00.000Z` in summer): when YouTube's daily
 * quota resets. Pure: `now` is an argument. Null when `now` is not a date.
 */
export function nextPacificMidnight(now: string): string | null {
	const local = DateTime.fromISO(now, { zone: YOUTUBE_QUOTA_ZONE });
	if (!local.isValid) return null;
	return local.startOf('day').plus({ days: 1 }).toUTC().toISO();
}

/** Classifies a failed answer from `source` and finds when to retry. */
export function describeHttpFailure(source: string, answer: HttpAnswer, now: string): HttpFailure {
	const nowMs = Date.parse(now);
	const status = answer.status;
	let kind: HttpFailureKind;
	if (isQuota(answer.body)) kind = 'quotaExceeded';
	else if (status === 429 || isGoogleRateLimit(answer.body)) kind = 'rateLimited';
	else if (status === 401) kind = 'unauthorized';
	else if (status === 403) kind = 'forbidden';
	else if (status === 404 || status === 410) kind = 'notFound';
	else if (status >= 400 && status < 500) kind = 'badRequest';
	else if (status >= 500) kind = 'serverError';
	else kind = 'other';
	const h = answer.headers;
	let retryMs = resetMoment(header(h, 'retry-after'), nowMs);
	if (retryMs === null && (kind === 'rateLimited' || header(h, 'x-rate-limit-remaining') === '0')) {
		retryMs =
			resetMoment(header(h, 'x-rate-limit-reset'), nowMs) ??
			resetMoment(header(h, 'x-ratelimit-reset'), nowMs) ??
			resetMoment(header(h, 'ratelimit-reset'), nowMs);
	}
	let retryAt =
		retryMs !== null && Number.isFinite(retryMs) && Number.isFinite(nowMs)
			? new Date(Math.max(retryMs, nowMs)).toISOString()
			: null;
	// YouTube sends no reset header: its daily quota resets at midnight Pacific time.
	if (retryAt === null && kind === 'quotaExceeded' && isPacificDailyQuota(source, answer.body)) {
		retryAt = nextPacificMidnight(now);
	}
	return {
		source,
		status,
		kind,
		retryAt,
		message: `${source}: HTTP ${status}: ${bodyMessage(answer.body) ?? 'no message'}`,
		hint: HINTS[kind],
	};
}
