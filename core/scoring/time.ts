/**
 * Epoch milliseconds of the RFC3339 timestamps scoring reads (`publishedAt`, `now`).
 *
 * Why a hand-written parser: Score Mentions reads one or two timestamps per mention, and
 * `Date.parse` is a slow general parser (several hundred ns); the shape `toISOString`
 * writes (what every Crisis Kit source produces) is read here in a few dozen. Anything
 * else goes to `Date.parse`, so the result is always what `Date.parse` gives.
 */

/** Two ASCII digits at `at` as a number, or -1. */
function twoDigits(s: string, at: number): number {
	const a = s.charCodeAt(at) - 48;
	const b = s.charCodeAt(at + 1) - 48;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Epoch ms of an RFC3339 UTC timestamp as `toISOString` writes it
 * (`YYYY-MM-DDTHH:MM:SS.sssZ` or without the milliseconds), read by hand; anything else
 * (offsets, other shapes, out-of-range fields) goes to `Date.parse`, so the result is
 * always what `Date.parse` gives.
 */
export function parseTime(iso: string): number {
	const ms = isoUtcMillis(iso);
	return ms === ms ? ms : Date.parse(iso);
}

/**
 * The hand-read part of `parseTime`: epoch ms of a timestamp in exactly the shape `toISOString`
 * writes (every Crisis Kit record's `publishedAt`), else NaN. Where it gives a number,
 * `Date.parse` gives the same one.
 */
export function isoUtcMillis(iso: string): number {
	const len = iso.length;
	if (
		(len === 24 || len === 20) &&
		iso.charCodeAt(4) === 45 &&
		iso.charCodeAt(7) === 45 &&
		iso.charCodeAt(10) === 84 &&
		iso.charCodeAt(13) === 58 &&
		iso.charCodeAt(16) === 58 &&
		iso.charCodeAt(len - 1) === 90 &&
		(len === 20 || iso.charCodeAt(19) === 46)
	) {
		const hi = twoDigits(iso, 0);
		const lo = twoDigits(iso, 2);
		const month = twoDigits(iso, 5);
		const day = twoDigits(iso, 8);
		const hour = twoDigits(iso, 11);
		const minute = twoDigits(iso, 14);
		const second = twoDigits(iso, 17);
		let ms = 0;
		if (len === 24) {
			const m1 = twoDigits(iso, 20);
			const m2 = iso.charCodeAt(22) - 48;
			ms = m1 >= 0 && m2 >= 0 && m2 <= 9 ? m1 * 10 + m2 : -1;
		}
		const year = hi * 100 + lo;
		if (hi >= 0 && lo >= 0 && month >= 1 && month <= 12 && day >= 1 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && ms >= 0) {
			const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
			if (day <= DAYS_IN_MONTH[month] + (leap ? 1 : 0)) {
				// Days from the civil date (H. Hinnant's algorithm), exact integer arithmetic.
				const y = month <= 2 ? year - 1 : year;
				const era = Math.floor(y / 400);
				const yoe = y - era * 400;
				const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
				const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
				const days = era * 146097 + doe - 719468;
				return days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
			}
		}
	}
	return NaN;
}

/** Hours from `fromIso` to `toIso`, or null when either is unreadable. */
export function hoursBetween(fromIso: string, toIso: string): number | null {
	const a = parseTime(fromIso);
	const b = parseTime(toIso);
	if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
	return (b - a) / 3_600_000;
}
