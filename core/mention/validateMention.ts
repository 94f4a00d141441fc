/**
 * Checks and normalises an incoming object into a Mention record.
 * Errors name the exact field and what was expected, so a node can tell the user
 * which item and which field to fix.
 */
import { PLATFORMS, type Mention, type Platform } from './mention';
import { isRecord } from '../util/isRecord';

export interface MentionFieldError {
	/** Path inside the item, e.g. `publishedAt`, `author.followers`. */
	path: string;
	message: string;
}

export type MentionValidation =
	| { ok: true; mention: Mention; warnings: string[] }
	| { ok: false; errors: MentionFieldError[] };

const RFC3339 =
	/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

function describe(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
	if (Array.isArray(value)) return 'an array';
	return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** RFC3339 (any offset) → RFC3339 UTC with milliseconds and `Z`; null when not a valid RFC3339 date. */
export function toUtcIso(value: unknown): string | null {
	if (typeof value !== 'string' || !RFC3339.test(value.trim())) return null;
	const ms = Date.parse(value.trim());
	return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function count(
	errors: MentionFieldError[],
	path: string,
	value: unknown,
	allowNull: boolean,
): number | null {
	if (value === undefined || value === null) {
		return allowNull ? null : 0;
	}
	if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
	errors.push({ path, message: `expected a non-negative number, got ${describe(value)}` });
	return null;
}

function optionalString(errors: MentionFieldError[], path: string, value: unknown): string | null {
	if (value === undefined || value === null) return null;
	if (typeof value === 'string') return value;
	errors.push({ path, message: `expected a string or null, got ${describe(value)}` });
	return null;
}

function httpUrl(errors: MentionFieldError[], path: string, value: unknown): string | null {
	const s = optionalString(errors, path, value);
	if (s === null || s === '') return null;
	if (!/^https?:\/\//i.test(s)) {
		errors.push({ path, message: `expected an http(s) URL, got ${describe(s)}` });
		return null;
	}
	return s;
}

/**
 * Validates `value` as a Mention. Lenient where it is safe (missing engagement counts
 * become 0, an offset timestamp becomes UTC), strict where a wrong value would give a
 * silent wrong score (dates, ids, numbers).
 *
 * Errors come out in field order (ids, date, text, author, engagement, then the optional
 * fields as the record is built): the helpers below are called in that order.
 */
export function validateMention(value: unknown): MentionValidation {
	const errors: MentionFieldError[] = [];
	const warnings: string[] = [];
	if (!isRecord(value)) {
		return { ok: false, errors: [{ path: '', message: `expected a mention object, got ${describe(value)}` }] };
	}
	const { platform, nativeId, id } = value;
	checkIds(errors, platform, nativeId, id);
	const publishedAt = toUtcIso(value.publishedAt);
	if (publishedAt === null) {
		errors.push({ path: 'publishedAt', message: `expected an RFC3339 timestamp like "2026-03-05T09:14:00Z", got ${describe(value.publishedAt)}` });
	}
	const text = readText(errors, warnings, value.text);
	const language = optionalString(errors, 'language', value.language);
	const author = isRecord(value.author) ? value.author : undefined;
	if (!author) errors.push({ path: 'author', message: `expected an object with at least a handle, got ${describe(value.author)}` });
	const handle = author?.handle;
	if (author && (typeof handle !== 'string' || handle === '')) {
		errors.push({ path: 'author.handle', message: `expected a non-empty string, got ${describe(handle)}` });
	}
	const engagement = isRecord(value.engagement) ? value.engagement : {};
	if (value.engagement !== undefined && !isRecord(value.engagement)) {
		errors.push({ path: 'engagement', message: `expected an object, got ${describe(value.engagement)}` });
	}
	const hashtags = value.hashtags;
	if (hashtags !== undefined && !(Array.isArray(hashtags) && hashtags.every((h) => typeof h === 'string'))) {
		errors.push({ path: 'hashtags', message: `expected an array of strings, got ${describe(hashtags)}` });
	}
	const rating = count(errors, 'rating', value.rating, true);
	const followers = author ? count(errors, 'author.followers', author.followers, true) : null;
	const url = httpUrl(errors, 'url', value.url);
	const title = optionalString(errors, 'title', value.title);
	const mention: Mention = {
		id: id as string,
		platform: platform as Platform,
		source: typeof value.source === 'string' && value.source ? value.source : String(platform),
		nativeId: nativeId as string,
		url,
		publishedAt: publishedAt as string,
		title,
		text,
		language: language ? language.toLowerCase() : null,
		author: mentionAuthor(errors, author, handle, followers),
		engagement: mentionEngagement(errors, engagement),
		inReplyToId: optionalString(errors, 'inReplyToId', value.inReplyToId),
		rating,
		hashtags: Array.isArray(hashtags) ? (hashtags as string[]).map((h) => h.toLowerCase()) : [],
	};
	if (typeof value.publishedAtEstimated === 'string' && value.publishedAtEstimated !== '')
		mention.publishedAtEstimated = value.publishedAtEstimated;
	if (value.raw !== undefined) mention.raw = value.raw;
	if (errors.length) return { ok: false, errors };
	return { ok: true, mention, warnings };
}

/** `platform` is a known one, `nativeId` a non-empty string, `id` a string scoped by the platform. */
function checkIds(errors: MentionFieldError[], platform: unknown, nativeId: unknown, id: unknown): void {
	if (typeof platform !== 'string' || !(PLATFORMS as readonly string[]).includes(platform)) {
		errors.push({ path: 'platform', message: `expected one of ${PLATFORMS.join(', ')}, got ${describe(platform)}` });
	}
	if (typeof nativeId === 'number') {
		errors.push({ path: 'nativeId', message: `expected a string id (numbers lose precision beyond 2^53), got ${describe(nativeId)}` });
	} else if (typeof nativeId !== 'string' || nativeId === '') {
		errors.push({ path: 'nativeId', message: `expected a non-empty string, got ${describe(nativeId)}` });
	}
	if (typeof id !== 'string' || id === '') {
		errors.push({ path: 'id', message: `expected a platform-scoped string id like "x:1789…", got ${describe(id)}` });
	} else if (typeof platform === 'string' && !id.startsWith(platform + ':')) {
		errors.push({ path: 'id', message: `expected an id starting with "${platform}:", got ${describe(id)}` });
	}
}

/** A missing text is scored as empty (with a warning); a non-string one is an error. */
function readText(errors: MentionFieldError[], warnings: string[], text: unknown): string {
	if (text === undefined || text === null) {
		warnings.push('text is missing: scored as empty');
		return '';
	}
	if (typeof text !== 'string') errors.push({ path: 'text', message: `expected a string, got ${describe(text)}` });
	return text as string;
}

function mentionAuthor(
	errors: MentionFieldError[],
	author: Record<string, unknown> | undefined,
	handle: unknown,
	followers: number | null,
): Mention['author'] {
	return {
		id: author ? optionalString(errors, 'author.id', author.id) : null,
		handle: (handle as string) ?? '',
		name: author ? optionalString(errors, 'author.name', author.name) : null,
		url: author ? httpUrl(errors, 'author.url', author.url) : null,
		followers,
		verified: author?.verified === true,
	};
}

/** Missing likes, shares and replies count as 0; missing views stay unknown (null). */
function mentionEngagement(errors: MentionFieldError[], engagement: Record<string, unknown>): Mention['engagement'] {
	return {
		likes: count(errors, 'engagement.likes', engagement.likes, false) ?? 0,
		shares: count(errors, 'engagement.shares', engagement.shares, false) ?? 0,
		replies: count(errors, 'engagement.replies', engagement.replies, false) ?? 0,
		views: count(errors, 'engagement.views', engagement.views, true),
	};
}

/** One line for an error message: `publishedAt: expected …; author.handle: expected …`. */
export function formatMentionErrors(errors: MentionFieldError[]): string {
	return errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
}
