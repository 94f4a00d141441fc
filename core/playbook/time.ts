/**
 * Time for the playbook: `now` is always an argument (RFC 3339), deadlines are computed in the
 * document's time zone with luxon so they read right for the team (10:45 in Paris, not 09:45Z).
 */
import { DateTime } from 'luxon';

import { PlaybookError } from './playbookError';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an RFC 3339 instant or throws a PlaybookError naming `path`. */
export function parseInstant(value: unknown, path: string): DateTime {
	if (typeof value !== 'string' || !RFC3339.test(value)) {
		throw new PlaybookError(
			'invalidTime',
			`expected an RFC 3339 date-time with a time zone (2026-03-05T09:14:00Z), got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
			path,
		);
	}
	const dt = DateTime.fromISO(value, { setZone: true });
	if (!dt.isValid) {
		throw new PlaybookError('invalidTime', `expected a valid date-time, got ${JSON.stringify(value)}`, path);
	}
	return dt;
}

export function isInstant(value: unknown): value is string {
	return typeof value === 'string' && RFC3339.test(value) && DateTime.fromISO(value, { setZone: true }).isValid;
}

/** RFC 3339 UTC with milliseconds and `Z`. */
export function toUtc(dt: DateTime): string {
	return dt.toUTC().toISO({ suppressMilliseconds: false }) as string;
}

/** RFC 3339 in the document's zone, with its offset (`2026-03-05T10:45:00.000+01:00`). */
export function toZoned(dt: DateTime, zone: string): string {
	return dt.setZone(zone).toISO({ suppressMilliseconds: false }) as string;
}

/** Whole minutes from `a` to `b` (negative when b is before a). */
export function minutesBetween(a: DateTime, b: DateTime): number {
	return Math.round(b.diff(a, 'minutes').minutes);
}

export function epochMs(value: string): number {
	return DateTime.fromISO(value, { setZone: true }).toMillis();
}
