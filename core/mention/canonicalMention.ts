/**
 * isCanonicalMention: the fast path in front of validateMention for the common case, an item
 * that already is a Mention record exactly as Crisis Kit's own nodes emit it.
 *
 * Why it exists: Crisis Score reads every item as a Mention. validateMention checks each field
 * and builds a normalised copy (with a regex and a Date round trip for the timestamp); inside
 * n8n, on 100k items, that copy was about 12 % of Score's time and a good part of its garbage.
 * When this function says yes, validateMention would have accepted the record and returned a
 * field-for-field equal copy (same values, nothing normalised), so the record itself can be
 * scored as it is. Anything else — an offset timestamp, an upper-case language or hashtag, a
 * missing engagement count, a wrong type — answers no, and the caller takes the full path
 * (which normalises or names the field in its error). No allocation, no regex.
 */
import { PLATFORMS, type Mention } from './mention';
import { isRecord } from '../util/isRecord';

const PLATFORM_SET: ReadonlySet<string> = new Set(PLATFORMS);

function isStringOrNull(v: unknown): boolean {
	return v === null || typeof v === 'string';
}

function isCount(v: unknown): boolean {
	return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

function isCountOrNull(v: unknown): boolean {
	return v === null || isCount(v);
}

/** null, or a non-empty string starting with http:// or https:// (any case). */
function isUrlOrNull(v: unknown): boolean {
	if (v === null) return true;
	if (typeof v !== 'string' || v.length < 8) return false;
	const c0 = v.charCodeAt(0) | 32;
	const c1 = v.charCodeAt(1) | 32;
	const c2 = v.charCodeAt(2) | 32;
	const c3 = v.charCodeAt(3) | 32;
	if (c0 !== 104 || c1 !== 116 || c2 !== 116 || c3 !== 112) return false; // "http"
	let k = 4;
	if ((v.charCodeAt(k) | 32) === 115) k++; // "s"
	return v.charCodeAt(k) === 58 && v.charCodeAt(k + 1) === 47 && v.charCodeAt(k + 2) === 47; // "://"
}

/** ASCII without upper-case letters: `toLowerCase()` would return it unchanged. */
function isLowerAscii(s: string): boolean {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c > 127 || (c >= 65 && c <= 90)) return false;
	}
	return true;
}

function digits(s: string, at: number, n: number): number {
	let v = 0;
	for (let i = at; i < at + n; i++) {
		const c = s.charCodeAt(i) - 48;
		if (c < 0 || c > 9) return -1;
		v = v * 10 + c;
	}
	return v;
}

/**
 * `YYYY-MM-DDTHH:MM:SS.sssZ`, the form `toISOString()` gives, and a real instant of it: what
 * validateMention's toUtcIso returns unchanged. Days 29–31 are checked with a Date round trip
 * (Date.parse rolls 30 February over to 2 March).
 */
function isCanonicalInstant(v: unknown): boolean {
	if (typeof v !== 'string' || v.length !== 24) return false;
	if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(10) !== 84) return false; // - - T
	if (v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58 || v.charCodeAt(19) !== 46 || v.charCodeAt(23) !== 90) return false; // : : . Z
	const year = digits(v, 0, 4);
	const month = digits(v, 5, 2);
	const day = digits(v, 8, 2);
	const hour = digits(v, 11, 2);
	const minute = digits(v, 14, 2);
	const second = digits(v, 17, 2);
	if (year < 0 || digits(v, 20, 3) < 0) return false;
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
		return false;
	}
	if (day <= 28) return true;
	const ms = Date.parse(v);
	return Number.isFinite(ms) && new Date(ms).toISOString() === v;
}

function isCanonicalAuthor(a: unknown): boolean {
	if (!isRecord(a)) return false;
	const handle = a.handle;
	return (
		typeof handle === 'string' &&
		handle !== '' &&
		isStringOrNull(a.id) &&
		isStringOrNull(a.name) &&
		isUrlOrNull(a.url) &&
		isCountOrNull(a.followers) &&
		typeof a.verified === 'boolean'
	);
}

function isCanonicalEngagement(e: unknown): boolean {
	return isRecord(e) && isCount(e.likes) && isCount(e.shares) && isCount(e.replies) && isCountOrNull(e.views);
}

function isCanonicalHashtags(h: unknown): boolean {
	if (!Array.isArray(h)) return false;
	for (let i = 0; i < h.length; i++) {
		const tag = h[i];
		if (typeof tag !== 'string' || !isLowerAscii(tag)) return false;
	}
	return true;
}

/** True when `value` is a Mention that validateMention would return unchanged (see above). */
export function isCanonicalMention(value: unknown): value is Mention {
	if (!isRecord(value)) return false;
	const platform = value.platform;
	const id = value.id;
	const nativeId = value.nativeId;
	const source = value.source;
	const language = value.language;
	if (typeof platform !== 'string' || !PLATFORM_SET.has(platform)) return false;
	if (typeof nativeId !== 'string' || nativeId === '') return false;
	if (typeof id !== 'string' || id.length <= platform.length || id.charCodeAt(platform.length) !== 58 || !id.startsWith(platform)) return false;
	if (typeof source !== 'string' || source === '') return false;
	if (typeof value.text !== 'string') return false;
	if (!(language === null || (typeof language === 'string' && language !== '' && isLowerAscii(language)))) return false;
	if (!isStringOrNull(value.title) || !isStringOrNull(value.inReplyToId)) return false;
	if (!isCountOrNull(value.rating)) return false;
	if (!isUrlOrNull(value.url)) return false;
	return (
		isCanonicalInstant(value.publishedAt) &&
		isCanonicalAuthor(value.author) &&
		isCanonicalEngagement(value.engagement) &&
		isCanonicalHashtags(value.hashtags)
	);
}
