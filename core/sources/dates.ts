/**
 * Timestamp conversion for the source mappers: everything becomes RFC3339 UTC with
 * milliseconds and `Z` (`2026-03-05T09:14:00.000Z`), or null when it is not a date.
 */

const MIN_MS = Date.UTC(1970, 0, 1);
const MAX_MS = Date.UTC(2200, 0, 1);

function fromMs(ms: number): string | null {
	return Number.isFinite(ms) && ms >= MIN_MS && ms < MAX_MS ? new Date(ms).toISOString() : null;
}

/** Epoch seconds (number or numeric string, fractions allowed: Reddit's `created_utc` is a float). */
export function epochSecondsToIso(value: unknown): string | null {
	const n =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())
				? Number(value)
				: NaN;
	return fromMs(Math.round(n * 1000));
}

const ISO =
	/^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*([Zz]|[+-]\d{2}:?\d{2})?$/;

function validUtc(
	y: number,
	mo: number,
	d: number,
	h: number,
	mi: number,
	s: number,
): number | null {
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
	const ms = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59));
	const check = new Date(ms);
	if (check.getUTCDate() !== d && !(h === 24 && mi === 0)) return null;
	return ms;
}

function offsetMinutes(zone: string | undefined): number {
	if (!zone || zone === 'Z' || zone === 'z') return 0;
	const sign = zone[0] === '-' ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	return sign * (parseInt(digits.slice(0, 2), 10) * 60 + parseInt(digits.slice(2, 4), 10));
}

/** ISO 8601 / RFC3339 date or date-time. No offset means UTC (feeds that omit it are usually UTC). */
export function parseIsoTimestamp(value: string): string | null {
	const m = ISO.exec(value.trim());
	if (!m) return null;
	const ms = validUtc(+m[1], +m[2], +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0);
	if (ms === null) return null;
	const fraction = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
	return fromMs(ms + fraction - offsetMinutes(m[8]) * 60000);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, number> = {
	UT: 0,
	UTC: 0,
	GMT: 0,
	Z: 0,
	EST: -300,
	EDT: -240,
	CST: -360,
	CDT: -300,
	MST: -420,
	MDT: -360,
	PST: -480,
	PDT: -420,
	CET: 60,
	CEST: 120,
	BST: 60,
	IST: 330,
	JST: 540,
	AEST: 600,
	AEDT: 660,
};
const RFC2822 =
	/^(?:[A-Za-z]{2,9}\.?,?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{4}|[+-]\d{2}:\d{2}|[A-Za-z]{1,5})?$/;

/**
 * RFC 2822 / RFC 822 dates as found in RSS `pubDate` (`Wed, 10 Jul 2019 11:53:37 +0000`,
 * `10 Jul 19 11:53 GMT`, US zone names). Unknown zone letters are read as UTC (RFC 2822 §4.3).
 */
export function parseRfc2822(value: string): string | null {
	const m = RFC2822.exec(value.trim().replace(/\s+/g, ' '));
	if (!m) return null;
	const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase());
	if (month < 0) return null;
	let year = +m[3];
	if (m[3].length === 2) year += year < 50 ? 2000 : 1900;
	else if (m[3].length === 3) year += 1900;
	const ms = validUtc(year, month + 1, +m[1], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0);
	if (ms === null) return null;
	const zone = m[7];
	let offset = 0;
	if (zone && /^[+-]/.test(zone)) offset = offsetMinutes(zone);
	else if (zone) offset = ZONES[zone.toUpperCase()] ?? 0;
	return fromMs(ms - offset * 60000);
}

/** Any timestamp a source may send as text: RFC3339/ISO 8601 first, then RFC 2822. */
export function toIsoTimestamp(value: unknown): string | null {
	if (typeof value !== 'string' || value.trim() === '' || value.length > 64) return null;
	return parseIsoTimestamp(value) ?? parseRfc2822(value);
}

/** Later of two RFC3339 UTC timestamps (as produced here, they sort lexically). */
export function laterTimestamp(a: string | null, b: string | null): string | null {
	if (a === null) return b;
	if (b === null) return a;
	return b > a ? b : a;
}
