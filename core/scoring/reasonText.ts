/**
 * The texts of the reasons Score Mentions writes ("risk 42/100", " (+3.5)", "' -1.2",
 * " has 250k followers"…), built by hand and remembered.
 *
 * Why this module exists (speed): every scored mention writes six reasons full of
 * numbers, and number-to-string of fractions plus short concatenations were the larger
 * part of scoring time. Each text here is a pure function of its index (a rounded value,
 * a count, a label), so a cache slot goes once from '' to the one text its index fixes:
 * a memo, not state; any caller at any time reads the same text `String()` and template
 * literals would give (check:outputs holds every reason byte-identical).
 */
import { round1 } from './numbers';
import type { SentimentLabel } from './types';

const POW10 = [1, 10, 100, 1000];

/** FRACTIONS[d][f]: the digits after the point of f / 10^d, trailing zeros dropped ('05', '5'). */
const FRACTIONS: string[][] = POW10.map((p, d) => {
	const out: string[] = [];
	for (let f = 0; f < p; f++) {
		let t = String(f);
		while (t.length < d) t = '0' + t;
		out.push(t.replace(/0+$/, ''));
	}
	return out;
});

/** `String(k / 10^decimals)` for an integer `k` (the value is exactly k / 10^decimals). */
function formatScaled(k: number, decimals: number): string {
	const p = POW10[decimals];
	if (k % p === 0) return String(k / p);
	const a = k < 0 ? -k : k;
	const whole = Math.floor(a / p);
	return (k < 0 ? '-' : '') + whole + '.' + FRACTIONS[decimals][a - whole * p];
}

/**
 * Texts of the rounded values already written, per number of decimals, indexed by
 * `k + FORMAT_LIMIT` where the value is k / 10^decimals ('' = not written yet). The value
 * fixes the text, so a cached text is the one `formatScaled` would write again.
 */
const FORMAT_LIMIT = 2048;
const FORMATTED: string[][] = POW10.map(() => new Array<string>(2 * FORMAT_LIMIT + 1).fill(''));

/**
 * `String(x)` for a number already rounded to `decimals` (1–3) places, written by hand
 * (number-to-string of fractions is slow) and remembered. Falls back to `String` whenever
 * `x` is not exactly such a value or is too large, so the text is always identical.
 */
export function formatRounded(x: number, decimals: number): string {
	const p = POW10[decimals];
	const k = Math.round(x * p);
	if (!(k / p === x) || k >= 1e15 || k <= -1e15) return String(x);
	if (k > -FORMAT_LIMIT && k < FORMAT_LIMIT) {
		const cache = FORMATTED[decimals];
		const at = k + FORMAT_LIMIT;
		let text = cache[at];
		if (text === '') {
			text = formatScaled(k, decimals);
			cache[at] = text;
		}
		return text;
	}
	return formatScaled(k, decimals);
}

/** `${k}k` for 10..1000 thousands, written once each. */
const THOUSANDS: string[] = new Array<string>(1001).fill('');

export function formatCount(n: number): string {
	if (n >= 1_000_000) return `${formatRounded(round1(n / 1_000_000), 1)}M`;
	if (n >= 10_000) {
		const k = Math.round(n / 1000);
		if (k > 1000) return `${k}k`;
		let text = THOUSANDS[k];
		if (text === '') {
			text = `${k}k`;
			THOUSANDS[k] = text;
		}
		return text;
	}
	return formatRounded(Math.round(n * 10) / 10, 1);
}

/** Per hit weight (k / 100): the text after the term in the sentiment reason ("' +0.35", "' -1.2"). */
const HIT_SUFFIXES: string[] = new Array<string>(2 * FORMAT_LIMIT + 1).fill('');

export function hitSuffix(w: number): string {
	const k = Math.round(w * 100);
	if (!(k / 100 === w) || k <= -FORMAT_LIMIT || k >= FORMAT_LIMIT) return (w > 0 ? "' +" : "' ") + formatRounded(w, 2);
	let text = HIT_SUFFIXES[k + FORMAT_LIMIT];
	if (text === '') {
		text = (w > 0 ? "' +" : "' ") + formatRounded(w, 2);
		HIT_SUFFIXES[k + FORMAT_LIMIT] = text;
	}
	return text;
}

/** Per contribution (k / 10): " (+3.5)" in the summary. */
const SUMMARY_POINTS: string[] = new Array<string>(FORMAT_LIMIT).fill('');

export function summaryPoints(c: number): string {
	const k = Math.round(c * 10);
	if (!(k / 10 === c) || k < 0 || k >= FORMAT_LIMIT) return ' (+' + formatRounded(c, 1) + ')';
	let text = SUMMARY_POINTS[k];
	if (text === '') {
		text = ' (+' + formatRounded(c, 1) + ')';
		SUMMARY_POINTS[k] = text;
	}
	return text;
}

/** "risk 42/100", per risk. */
const RISK_TEXTS: string[] = new Array<string>(101).fill('');

export function riskText(risk: number): string {
	if (!(risk >= 0 && risk <= 100)) return 'risk ' + risk + '/100';
	let text = RISK_TEXTS[risk];
	if (text === '') {
		text = 'risk ' + risk + '/100';
		RISK_TEXTS[risk] = text;
	}
	return text;
}

const LEXICON_ORIGIN = 'sentiment from the built-in lexicon';

/** "sentiment from the built-in lexicon: neutral, score 0.12", per label and score (k / 1000). */
const LEXICON_PREFIXES: Record<SentimentLabel, string[]> = {
	negative: new Array<string>(2001).fill(''),
	neutral: new Array<string>(2001).fill(''),
	positive: new Array<string>(2001).fill(''),
};

export function lexiconPrefix(label: SentimentLabel, score: number): string {
	const k = Math.round(score * 1000);
	if (!(k / 1000 === score) || k < -1000 || k > 1000) return LEXICON_ORIGIN + ': ' + label + ', score ' + formatRounded(score, 3);
	// (A comparison, not LEXICON_PREFIXES[label]: a keyed load with varying keys is slow.)
	const cache = label === 'negative' ? LEXICON_PREFIXES.negative : label === 'neutral' ? LEXICON_PREFIXES.neutral : LEXICON_PREFIXES.positive;
	let text = cache[k + 1000];
	if (text === '') {
		text = LEXICON_ORIGIN + ': ' + label + ', score ' + formatRounded(score, 3);
		cache[k + 1000] = text;
	}
	return text;
}

/**
 * " has 123 followers" / " has 250k followers and is verified": per follower count
 * below 1,000 (whole numbers) and per thousand from 10k to 1M, which fix the text.
 */
const REACH_SUFFIXES: string[] = new Array<string>(2 * 2001).fill('');

export function reachSuffix(followers: number, verified: boolean): string {
	let at = -1;
	if (followers >= 0 && followers < 1000 && Math.floor(followers) === followers) at = followers;
	else if (followers >= 10_000 && followers < 1_000_000) at = 1000 + Math.round(followers / 1000);
	if (at < 0) return ' has ' + formatCount(followers) + (verified ? ' followers and is verified' : ' followers');
	if (verified) at += 2001;
	let text = REACH_SUFFIXES[at];
	if (text === '') {
		text = ' has ' + formatCount(followers) + (verified ? ' followers and is verified' : ' followers');
		REACH_SUFFIXES[at] = text;
	}
	return text;
}

/** " likes, shares and replies in 3.5 h: ", per age (k / 10 hours). */
const VELOCITY_MIDDLES: string[] = new Array<string>(FORMAT_LIMIT).fill('');

export function velocityMiddle(age: number): string {
	const r = round1(Math.max(age, 0));
	const k = Math.round(r * 10);
	if (!(k / 10 === r) || k < 0 || k >= FORMAT_LIMIT) return ' likes, shares and replies in ' + formatRounded(r, 1) + ' h: ';
	let text = VELOCITY_MIDDLES[k];
	if (text === '') {
		text = ' likes, shares and replies in ' + formatRounded(r, 1) + ' h: ';
		VELOCITY_MIDDLES[k] = text;
	}
	return text;
}

/** "12.5 per hour", per rate below 204.8/h (k / 10, the text `formatCount` writes). */
const PER_HOUR_TEXTS: string[] = new Array<string>(FORMAT_LIMIT).fill('');

export function perHourText(perHour: number): string {
	if (!(perHour >= 0 && perHour < 1000)) return formatCount(perHour) + ' per hour';
	const r = Math.round(perHour * 10) / 10;
	const k = Math.round(r * 10);
	if (!(k / 10 === r) || k >= FORMAT_LIMIT) return formatCount(perHour) + ' per hour';
	let text = PER_HOUR_TEXTS[k];
	if (text === '') {
		text = formatCount(perHour) + ' per hour';
		PER_HOUR_TEXTS[k] = text;
	}
	return text;
}

/** "language 'en' from the platform", built once per language. */
const PLATFORM_NOTES = new Map<string, string>();

export const PLATFORM_NOTE_EN = "language 'en' from the platform";
export const PLATFORM_NOTE_FR = "language 'fr' from the platform";

export function platformNote(language: string): string {
	if (language === 'en') return PLATFORM_NOTE_EN;
	if (language === 'fr') return PLATFORM_NOTE_FR;
	let note = PLATFORM_NOTES.get(language);
	if (note === undefined) {
		note = `language '${language}' from the platform`;
		if (PLATFORM_NOTES.size < 64) PLATFORM_NOTES.set(language, note);
	}
	return note;
}
