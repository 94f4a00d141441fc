/**
 * Number, share, duration and date formatting in the report's language and time zone.
 * Durations are always computed on absolute instants (milliseconds), so a DST change never
 * adds or removes an hour; only the displayed wall-clock times follow the zone.
 */
import { DateTime } from 'luxon';
import type { ReportLanguage } from './types';
import { isoUtcMillis } from '../scoring/time';

export const HOUR_MS = 3_600_000;

const locales: Record<ReportLanguage, string> = { en: 'en-GB', fr: 'fr-FR' };

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: ReportLanguage, digits: number): Intl.NumberFormat {
	const key = `${lang}:${digits}`;
	let f = numberFormats.get(key);
	if (!f) {
		f = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: digits, minimumFractionDigits: 0 });
		numberFormats.set(key, f);
	}
	return f;
}

export function fmtNumber(value: number | null | undefined, lang: ReportLanguage, digits = 0): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	return numberFormat(lang, digits).format(value);
}

/** 1 234 567 → "1.2M" / "1,2 M". */
export function fmtCompact(value: number | null | undefined, lang: ReportLanguage): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	const abs = Math.abs(value);
	const sep = lang === 'fr' ? '\u00A0' : '';
	if (abs >= 1e9) return fmtNumber(value / 1e9, lang, 1) + sep + (lang === 'fr' ? 'Md' : 'B');
	if (abs >= 1e6) return fmtNumber(value / 1e6, lang, 1) + sep + 'M';
	if (abs >= 1e4) return fmtNumber(value / 1e3, lang, 0) + sep + 'k';
	return fmtNumber(value, lang, 0);
}

/** 0.384 → "38%" / "38 %". */
export function fmtShare(value: number | null | undefined, lang: ReportLanguage): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	const pct = value * 100;
	const digits = pct > 0 && pct < 10 && Math.round(pct) !== pct ? 1 : 0;
	return fmtNumber(pct, lang, digits) + (lang === 'fr' ? '\u00A0%' : '%');
}

/** 5 400 000 ms → "1 h 30"; 3 days → "3 d" / "3 j" (shared with Assess Situation's reasons). */
export { fmtDuration } from '../util/duration';

/** Whether `zone` is a valid IANA zone luxon understands. */
export function isValidZone(zone: string): boolean {
	return DateTime.fromMillis(0, { zone }).isValid;
}

export interface DateFormatter {
	/** "5 Mar 2026, 09:14" */
	dateTime(ms: number): string;
	/** "5 Mar, 09:14" */
	short(ms: number): string;
	/** "09:14" */
	time(ms: number): string;
	/** "5 Mar" */
	day(ms: number): string;
	/** Hours of the local day (0–23) for tick placement. */
	localHour(ms: number): number;
	/** Offset suffix ("UTC+2") when the range crosses a DST change, else "". */
	offset(ms: number): string;
}

export function dateFormatter(lang: ReportLanguage, zone: string, rangeStart: number | null, rangeEnd: number | null): DateFormatter {
	const locale = locales[lang];
	const at = (ms: number) => DateTime.fromMillis(ms, { zone, locale });
	const crossesDst =
		rangeStart !== null && rangeEnd !== null && at(rangeStart).offset !== at(rangeEnd).offset;
	const offset = (ms: number) => {
		if (!crossesDst) return '';
		const o = at(ms).offset;
		const h = Math.trunc(o / 60);
		const m = Math.abs(o % 60);
		return ` UTC${o >= 0 ? '+' : '−'}${Math.abs(h)}${m ? ':' + String(m).padStart(2, '0') : ''}`;
	};
	return {
		dateTime: (ms) => at(ms).toFormat(lang === 'fr' ? "d LLL yyyy 'à' HH:mm" : 'd LLL yyyy, HH:mm') + offset(ms),
		short: (ms) => at(ms).toFormat(lang === 'fr' ? "d LLL 'à' HH:mm" : 'd LLL, HH:mm') + offset(ms),
		time: (ms) => at(ms).toFormat('HH:mm'),
		day: (ms) => at(ms).toFormat('d LLL'),
		localHour: (ms) => at(ms).hour,
		offset,
	};
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Parses an RFC3339 timestamp (with its offset: a zone-less time would depend on the machine) to epoch ms, or null. */
export function parseTime(value: unknown): number | null {
	if (typeof value !== 'string') return null;
	// The shape every Crisis Kit record carries is read by hand (same result as below).
	const fast = isoUtcMillis(value);
	if (fast === fast) return fast;
	if (!RFC3339.test(value)) return null;
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? ms : null;
}

export function iso(ms: number): string {
	return new Date(ms).toISOString();
}
