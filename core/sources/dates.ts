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
	// Other unambiguous abbreviations seen in feeds (European, Asian, Pacific, American);
	// ambiguous ones (AST, IST besides India's…) keep one reading or none.
	WET: 0,
	WEST: 60,
	MET: 60,
	MEZ: 60,
	MEST: 120,
	MESZ: 120,
	EET: 120,
	EEST: 180,
	MSK: 180,
	SAST: 120,
	EAT: 180,
	WAT: 60,
	PKT: 300,
	ICT: 420,
	WIB: 420,
	HKT: 480,
	SGT: 480,
	AWST: 480,
	PHT: 480,
	KST: 540,
	ACST: 570,
	ACDT: 630,
	NZST: 720,
	NZDT: 780,
	HST: -600,
	AKST: -540,
	AKDT: -480,
	ADT: -180,
	NST: -210,
	NDT: -150,
	ART: -180,
	BRT: -180,
};
const RFC2822 =
	/^(?:[A-Za-z]{2,9}\.?,?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{4}|[+-]\d{2}:\d{2}|[A-Za-z]{1,5})?$/;

/**
 * RFC 2822 / RFC 822 dates as found in RSS `pubDate` (`Wed, 10 Jul 2019 11:53:37 +0000`,
 * `10 Jul 19 11:53 GMT`, zone names of ZONES). Unknown zone letters are read as UTC (RFC 2822 §4.3).
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

/** Month names and abbreviations (accents removed): English, French, Portuguese, Spanish, German. */
const MONTH_WORDS: Record<string, number> = {};
[
	'january jan janvier janv janeiro enero ene januar janner jaenner',
	'february feb febr fevrier fevr fev fevereiro febrero februar',
	'march mar mars marco marzo marz maerz mrz',
	'april apr avril avr abril abr',
	'may mai maio mayo',
	'june jun juin junho junio juni',
	'july jul juillet juil julho julio juli',
	'august aug aout agosto ago',
	'september sep sept septembre setembro set septiembre setiembre',
	'october oct octobre outubro out octubre oktober okt',
	'november nov novembre novembro noviembre',
	'december dec decembre dezembro dez diciembre dic dezember',
].forEach((words, i) => {
	for (const w of words.split(' ')) MONTH_WORDS[w] = i + 1;
});

/** Weekday names and abbreviations (same languages) and filler words found in dates: skipped. */
const SKIPPED_WORDS = new Set(
	(
		'mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday ' +
		'lun lundi mar mardi mer mercredi jeu jeudi ven vendredi sam samedi dim dimanche ' +
		'seg segunda ter terca qua quarta qui quinta sex sexta sab sabado dom domingo feira ' +
		'lunes martes mie miercoles jue jueves vie viernes ' +
		'mo montag di dienstag mi mittwoch do donnerstag fr freitag sa samstag so sonntag ' +
		'de del do le el la the of at on as a um am uhr h er o em en st nd rd th e'
	).split(' '),
);

/** Weekday abbreviations that are also month names (`mar`: mardi/martes vs. March). */
const WEEKDAY_OR_MONTH = new Set(['mar', 'sat', 'sab', 'dom', 'sex', 'ter']);

const LOOSE_TIME = /(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:[.,]\d{1,9})?(?:\s*([ap])\.?m\b\.?)?/;

function fold(value: string): string {
	return value
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/\u00ba|\u00aa/g, '');
}

/**
 * Common non-RFC dates of real feeds: `Fri, 01/31/2020 - 15:45` (Drupal), `2020/1/31`,
 * `31.01.2020 15:45`, `31 janvier 2020 à 15h45`, `31 de janeiro de 2020`, `31. Januar 2020`,
 * `enero 31, 2020`, asctime `Fri Jan 31 15:45:00 2020`. No zone means UTC. A date written
 * with `/` and both numbers ≤ 12 is read month first unless `dayFirst` (feed language other
 * than US English). Input is at most 100 characters (checked by the caller), so the
 * patterns here run on bounded text.
 */
export function parseLooseDate(value: string, dayFirst = false): string | null {
	const s = fold(value.trim());
	let h = 0;
	let mi = 0;
	let sec = 0;
	let offset = 0;
	let datePart = s;
	let afterTime = '';
	const t = LOOSE_TIME.exec(s);
	if (t) {
		h = +t[1];
		mi = +t[2];
		sec = t[3] ? +t[3] : 0;
		if (t[4]) {
			if (h < 1 || h > 12) return null;
			if (t[4] === 'p' && h < 12) h += 12;
			if (t[4] === 'a' && h === 12) h = 0;
		}
		datePart = s.slice(0, t.index);
		afterTime = s.slice(t.index + t[0].length);
		const z = /^\s*(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?\b/.exec(afterTime);
		if (z) {
			offset = (z[1] === '-' ? -1 : 1) * (+z[2] * 60 + (z[3] ? +z[3] : 0));
			afterTime = afterTime.slice(z[0].length);
		}
	}
	const sep = /\d\s*([./-])\s*\d/.exec(datePart)?.[1] ?? null;
	const nums: string[] = [];
	let months: string[] = [];
	for (const tok of `${datePart} ${afterTime}`.match(/\d+|[a-z]+/g) ?? []) {
		if (tok.charCodeAt(0) <= 57) nums.push(tok);
		else if (MONTH_WORDS[tok] !== undefined) months.push(tok);
		else if (SKIPPED_WORDS.has(tok)) continue;
		else if (ZONES[tok.toUpperCase()] !== undefined) offset = ZONES[tok.toUpperCase()];
		else return null;
	}
	if (months.length > 1) months = months.filter((m) => !WEEKDAY_OR_MONTH.has(m));
	if (months.length === 1 && nums.length === 3 && WEEKDAY_OR_MONTH.has(months[0])) months = [];
	let y: number;
	let mo: number;
	let d: number;
	if (months.length === 1 && nums.length === 2) {
		mo = MONTH_WORDS[months[0]];
		const yi = nums[0].length === 4 ? 0 : nums[1].length === 4 || nums[1].length === 2 ? 1 : -1;
		if (yi === -1 || nums[1 - yi].length > 2) return null;
		y = +nums[yi];
		d = +nums[1 - yi];
	} else if (months.length === 0 && nums.length === 3 && sep !== null) {
		const [a, b, c] = nums;
		if (a.length === 4 && b.length <= 2 && c.length <= 2) {
			y = +a;
			mo = +b;
			d = +c;
		} else if ((c.length === 4 || c.length === 2) && a.length <= 2 && b.length <= 2) {
			y = +c;
			const monthFirst = +a > 12 ? false : +b > 12 ? true : sep === '/' ? !dayFirst : false;
			mo = monthFirst ? +a : +b;
			d = monthFirst ? +b : +a;
		} else return null;
	} else return null;
	if (y < 100) y += y < 50 ? 2000 : 1900;
	const ms = validUtc(y, mo, d, h, mi, sec);
	return ms === null ? null : fromMs(ms - offset * 60000);
}

export interface TimestampOptions {
	/** Read `01/02/2020` as 1 February (feeds in languages other than US English). */
	dayFirst?: boolean;
}

/**
 * Any timestamp a source may send as text: RFC3339/ISO 8601 first, then RFC 2822, then
 * the common non-RFC forms of parseLooseDate. Longer than 100 characters: not a date.
 */
export function toIsoTimestamp(value: unknown, options: TimestampOptions = {}): string | null {
	if (typeof value !== 'string' || value.trim() === '' || value.length > 100) return null;
	return parseIsoTimestamp(value) ?? parseRfc2822(value) ?? parseLooseDate(value, options.dayFirst === true);
}

/** Later of two RFC3339 UTC timestamps (as produced here, they sort lexically). */
export function laterTimestamp(a: string | null, b: string | null): string | null {
	if (a === null) return b;
	if (b === null) return a;
	return b > a ? b : a;
}
