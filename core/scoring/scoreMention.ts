/**
 * Per-mention risk (Score Mentions): 0–100, the sum of factor contributions, each with
 * a plain-words reason. Pure: no clock (`now` is passed in), no I/O.
 *
 * Factors and their default maximum points (see docs/scoring-mentions.md):
 *   sentiment 35 · complaint 10 · crisisVocabulary 30 · reach 15 · engagementVelocity 10 · rating 10
 * The sum is clamped to 0–100. Mentions in an unsupported language are `unscored`
 * (risk null) unless an upstream node already gave their sentiment.
 */
import type { Mention } from '../mention/mention';
import { authorReach, totalEngagement } from '../mention/mention';
import { detectLanguage } from './language';
import { analyzeText } from './sentiment/analyzeSentiment';
import type { TextAnalysis, ThemeFinds } from './sentiment/analyzeSentiment';
import { rankThemes, THEMES } from './themes';
import type { MentionScore, RiskFactor, Sentiment, SentimentLabel } from './types';

/** Maximum points each factor can add to the 0–100 risk. */
export interface RiskWeights {
	/** Negative sentiment, scaled by its strength (default 35). */
	sentiment: number;
	/** Complaint phrasing ('still waiting', 'remboursez', 'no one answers') (default 10). */
	complaint: number;
	/** Crisis themes (data leak, recall, injury…), scaled by the most severe theme (default 30). */
	crisisVocabulary: number;
	/** Author reach: followers on a log scale, 1M+ = full points (default 15). */
	reach: number;
	/** Likes + shares + replies per hour since publication, 1,000/h = full points (default 10). */
	engagementVelocity: number;
	/** Star rating of reviews: 1 star = full points, 2 stars = half (default 10). */
	rating: number;
}

export const DEFAULT_RISK_WEIGHTS: Readonly<RiskWeights> = {
	sentiment: 35,
	complaint: 10,
	crisisVocabulary: 30,
	reach: 15,
	engagementVelocity: 10,
	rating: 10,
};

export interface UpstreamSentimentInput {
	/** The field path the value was read from (named in the reasons), e.g. `sentimentAnalysis`. */
	field: string;
	/**
	 * The value found there. Understood shapes: a label string ('Positive', 'negative',
	 * 'Neutral', 'négatif', 'neutre'…); a number in -1..1 (or 0..1 with `range: '0..1'`);
	 * n8n's Sentiment Analysis node output `{ category: 'Negative', strength: 0.9 }`, also
	 * wrapped as `{ sentimentAnalysis: { … } }`; `{ label, score }` / `{ sentiment, score }`.
	 */
	value: unknown;
	/** How to read a number: '-1..1' (default) or '0..1' (0 = most negative, 0.5 = neutral). */
	range?: '-1..1' | '0..1';
}

export interface ScoreMentionOptions {
	/**
	 * Sentiment already computed by an upstream node. When present and understood, it is
	 * used instead of the built-in lexicon (and reasons say so). When the value cannot be
	 * read, the lexicon is used and a reason says why. null/undefined = use the lexicon.
	 */
	upstreamSentiment?: UpstreamSentimentInput | null;
	/**
	 * Languages scored with the built-in lexicons (default and maximum: ['en', 'fr']).
	 * Mentions in any other language are marked `unscored` rather than guessed.
	 */
	supportedLanguages?: string[];
	/** Override the maximum points of some factors (0 disables a factor). */
	weights?: Partial<RiskWeights>;
}

const BUILT_IN_LANGUAGES = ['en', 'fr'] as const;
type BuiltIn = (typeof BUILT_IN_LANGUAGES)[number];
const ALL_BUILT_IN: BuiltIn[] = [...BUILT_IN_LANGUAGES];

/** Minimum age used for velocity, so a post seconds old does not get an absurd rate. */
const MIN_AGE_HOURS = 0.25;

function round1(x: number): number {
	return Math.round(x * 10) / 10;
}

function clamp(x: number, lo: number, hi: number): number {
	return x < lo ? lo : x > hi ? hi : x;
}

/** 'en-US' -> 'en'; '' / 'und' -> null. */
function normalizeLanguage(lang: string | null | undefined): string | null {
	if (!lang) return null;
	if (lang === 'en' || lang === 'fr') return lang;
	const base = lang.trim().toLowerCase().split(/[-_]/)[0];
	if (!base || base === 'und' || base === 'zxx') return null;
	return base;
}

const LABELS: Record<string, SentimentLabel> = {
	positive: 'positive', pos: 'positive', positif: 'positive', positivo: 'positive',
	negative: 'negative', neg: 'negative', negatif: 'negative', négatif: 'negative', négative: 'negative', negativo: 'negative',
	neutral: 'neutral', neu: 'neutral', neutre: 'neutral', neutro: 'neutral', mixed: 'neutral', mixte: 'neutral',
};

function labelFromString(s: string): SentimentLabel | null {
	const key = s.trim().toLowerCase();
	if (LABELS[key]) return LABELS[key];
	// 'Very negative', 'LABEL_NEGATIVE', 'negative sentiment'…
	for (const word of key.split(/[^a-zà-ÿ]+/)) if (LABELS[word]) return LABELS[word];
	return null;
}

function labelFromScore(score: number): SentimentLabel {
	return score <= -0.05 ? 'negative' : score >= 0.05 ? 'positive' : 'neutral';
}

/** Reads an upstream sentiment value; null when its shape is not understood. */
export function parseUpstreamSentiment(input: UpstreamSentimentInput): Sentiment | null {
	const base = { source: 'upstream' as const, field: input.field };
	const fromNumber = (n: number): Sentiment | null => {
		if (!Number.isFinite(n)) return null;
		if (input.range === '0..1') {
			if (n < 0 || n > 1) return null;
			const score = n * 2 - 1;
			return { ...base, label: labelFromScore(score), score: Math.round(score * 1000) / 1000 };
		}
		if (n < -1 || n > 1) return null;
		return { ...base, label: labelFromScore(n), score: n };
	};
	const v = input.value;
	if (typeof v === 'number') return fromNumber(v);
	if (typeof v === 'string') {
		const label = labelFromString(v);
		if (label) return { ...base, label, score: label === 'negative' ? -0.6 : label === 'positive' ? 0.6 : 0 };
		const n = Number(v);
		return v.trim() !== '' && Number.isFinite(n) ? fromNumber(n) : null;
	}
	if (v && typeof v === 'object') {
		const o = v as Record<string, unknown>;
		if (o.sentimentAnalysis && typeof o.sentimentAnalysis === 'object') {
			return parseUpstreamSentiment({ ...input, value: o.sentimentAnalysis });
		}
		const cat = o.category ?? o.label ?? o.sentiment ?? o.polarity;
		if (typeof cat === 'string') {
			const label = labelFromString(cat);
			if (!label) return null;
			// n8n's node: strength 0..1; classifier outputs: score = confidence 0..1.
			const strengthRaw = o.strength ?? o.confidence ?? o.score;
			const strength = typeof strengthRaw === 'number' && strengthRaw >= 0 && strengthRaw <= 1 ? strengthRaw : 0.6;
			const score = label === 'negative' ? -strength : label === 'positive' ? strength : 0;
			return { ...base, label, score };
		}
		if (typeof cat === 'number') return fromNumber(cat);
		if (typeof o.score === 'number') return fromNumber(o.score);
		if (typeof o.compound === 'number') return fromNumber(o.compound);
	}
	return null;
}

function textOf(mention: Mention): string {
	if (!mention.title) return mention.text || '';
	const title = mention.title ? mention.title.trim() : '';
	const text = mention.text ? mention.text.trim() : '';
	if (title && text) return `${title}. ${text}`;
	return title || text;
}

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
function parseTime(iso: string): number {
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
	return Date.parse(iso);
}

let lastNow = '';
let lastNowMs = NaN;

function hoursBetween(fromIso: string, toIso: string): number | null {
	const a = parseTime(fromIso);
	if (toIso !== lastNow) {
		lastNow = toIso;
		lastNowMs = parseTime(toIso);
	}
	const b = lastNowMs;
	if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
	return (b - a) / 3_600_000;
}

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
function formatRounded(x: number, decimals: number): string {
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

function formatCount(n: number): string {
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

function hitSuffix(w: number): string {
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

function summaryPoints(c: number): string {
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

function riskText(risk: number): string {
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

function lexiconPrefix(label: SentimentLabel, score: number): string {
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

function reachSuffix(followers: number, verified: boolean): string {
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

function velocityMiddle(age: number): string {
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

function perHourText(perHour: number): string {
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

const PLATFORM_NOTE_EN = "language 'en' from the platform";
const PLATFORM_NOTE_FR = "language 'fr' from the platform";

function platformNote(language: string): string {
	if (language === 'en') return PLATFORM_NOTE_EN;
	if (language === 'fr') return PLATFORM_NOTE_FR;
	let note = PLATFORM_NOTES.get(language);
	if (note === undefined) {
		note = `language '${language}' from the platform`;
		if (PLATFORM_NOTES.size < 64) PLATFORM_NOTES.set(language, note);
	}
	return note;
}

function isRecord(x: unknown): boolean {
	return typeof x === 'object' && x !== null;
}

/** The author-reach factor: followers on a log scale, 1M+ = full points. */
function reachFactor(author: Mention['author'], weight: number): RiskFactor {
	const followers = authorReach(author);
	const known = author.followers !== null && Number.isFinite(author.followers);
	let share = followers > 0 ? clamp(Math.log10(1 + followers) / 6, 0, 1) : 0;
	if (author.verified) share = Math.min(1, share + 0.1);
	const contribution = round1(weight * share);
	return {
		name: 'reach',
		value: followers,
		contribution,
		// (Handle and suffix joined first: 'author @' + a short handle would be copied, not linked.)
		reason: known
			? 'author @' + (author.handle + reachSuffix(followers, author.verified))
			: author.verified
				? 'author reach unknown (verified account); no reach risk from followers'
				: 'author reach unknown; no reach risk from followers',
	};
}

/** The engagement-velocity factor: likes + shares + replies per hour, 1,000/h = full points. */
function velocityFactor(mention: Mention, now: string, weight: number): RiskFactor {
	const engagement = totalEngagement(mention.engagement);
	const age = hoursBetween(mention.publishedAt, now);
	if (age === null) {
		return { name: 'engagementVelocity', value: 0, contribution: 0, reason: 'publication time or now unreadable; velocity not computed' };
	}
	const hours = Math.max(age, MIN_AGE_HOURS);
	const perHour = engagement / hours;
	const contribution = round1(weight * clamp(Math.log10(1 + perHour) / 3, 0, 1));
	return {
		name: 'engagementVelocity',
		value: Math.round(perHour * 100) / 100,
		contribution,
		reason: engagement > 0 ? formatCount(engagement) + velocityMiddle(age) + perHourText(perHour) : 'no engagement yet',
	};
}

/**
 * Scores one mention. `now` is an RFC3339 timestamp (used for engagement velocity);
 * core never reads the clock.
 */
export function scoreMention(mention: Mention, options: ScoreMentionOptions, now: string): MentionScore {
	const opts = options ?? {};
	let weights: RiskWeights = DEFAULT_RISK_WEIGHTS;
	if (opts.weights) {
		weights = { ...DEFAULT_RISK_WEIGHTS };
		for (const [k, v] of Object.entries(opts.weights)) {
			if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && k in weights) weights[k as keyof RiskWeights] = v;
		}
	}
	const supported: BuiltIn[] = opts.supportedLanguages
		? opts.supportedLanguages.map((l) => normalizeLanguage(l)).filter((l): l is BuiltIn => l === 'en' || l === 'fr')
		: ALL_BUILT_IN;
	// (The common cases of textOf, normalizeLanguage and platformNote are written out in
	// this function: small functions called once per mention are optimised by the engine
	// only after many calls, and stay slow meanwhile.)
	const text = mention.title ? textOf(mention) : mention.text || '';

	// The reach and velocity factors are built here, first, when the records they read are
	// plain objects (then nothing in them can throw; an unscored mention just drops them):
	// those records are often not in cache, and reading them now lets their memory loads
	// overlap with each other and with the text's, instead of each stalling later on.
	// Otherwise they are built at their place below, as before.
	// (The three records are checked one after the other before anything is computed
	// from them, so that their loads are under way together.)
	const author = mention.author;
	const authorReadable = isRecord(author);
	const engagementReadable = isRecord(mention.engagement);
	const publishedReadable = typeof mention.publishedAt === 'string';
	const reach =
		weights.reach > 0 && authorReadable && typeof author.handle === 'string' ? reachFactor(author, weights.reach) : null;
	const velocity =
		weights.engagementVelocity > 0 && engagementReadable && publishedReadable && typeof now === 'string'
			? velocityFactor(mention, now, weights.engagementVelocity)
			: null;

	// 1. Language: the platform field first, then detection (only when the platform gives none).
	const platformLanguage = mention.language;
	let language = platformLanguage === 'en' || platformLanguage === 'fr' ? platformLanguage : normalizeLanguage(platformLanguage);
	let languageNote: string;
	if (language) {
		languageNote = language === 'en' ? PLATFORM_NOTE_EN : language === 'fr' ? PLATFORM_NOTE_FR : platformNote(language);
	} else {
		const detected = detectLanguage(text);
		if (detected === 'en' || detected === 'fr') {
			language = detected;
			languageNote = `language '${language}' detected from the text (the platform gave none)`;
		} else if (detected === null && supported.length > 0) {
			// No evidence either way (a short headline, hashtags only): scored in the first
			// scored language rather than dropped; only a text clearly in another language is not.
			language = supported[0];
			languageNote = `language taken as '${language}', the first scored language: the platform gave none and the text does not tell`;
		} else {
			language = null;
			languageNote =
				detected === 'other'
					? 'the text is in a language other than English or French'
					: 'the language could not be told apart as English or French';
		}
	}
	const lexiconLanguage: BuiltIn | null =
		(language === 'en' || language === 'fr') && supported.includes(language) ? language : null;

	// 2. Sentiment: upstream first, else the lexicon (only for supported languages).
	let upstream: Sentiment | null = null;
	let upstreamProblem: string | null = null;
	if (opts.upstreamSentiment && opts.upstreamSentiment.field !== undefined) {
		upstream = parseUpstreamSentiment(opts.upstreamSentiment);
		if (!upstream) {
			upstreamProblem = `the sentiment at '${opts.upstreamSentiment.field}' was not understood (expected a label such as 'negative', a number in -1..1, or { category, strength }); ${lexiconLanguage ? 'used the built-in lexicon instead' : 'no sentiment used'}`;
		}
	}

	if (!upstream && !lexiconLanguage) {
		const unscored = `unscored: ${languageNote}${language ? `, which is not among the scored languages (${supported.join(', ') || 'none'})` : ''}; no guess is made`;
		return {
			risk: null,
			language,
			unscored: true,
			sentiment: null,
			themes: [],
			factors: [],
			reasons: upstreamProblem === null ? [unscored] : [unscored, upstreamProblem],
		};
	}

	// The text pass's result (a shared scratch, like its theme finds): read below, before
	// anything else runs a text pass.
	let analysis: TextAnalysis | null = null;
	// Crisis themes: the pass's finds and their THEMES indices, most severe first.
	let themeCount = 0;
	let finds: ThemeFinds | null = null;
	let ranked: Int32Array | null = null;
	let sentiment: Sentiment;
	if (lexiconLanguage) {
		analysis = analyzeText(text, lexiconLanguage, weights.crisisVocabulary > 0);
		finds = analysis.themes;
	} else if (language === null && weights.crisisVocabulary > 0) {
		// Upstream sentiment, language unknown: still look for crisis vocabulary (EN + FR).
		finds = analyzeText(text, 'fr', true).themes;
	}
	if (finds !== null && finds.count > 0) {
		themeCount = finds.count;
		ranked = rankThemes(finds);
	}
	if (upstream) {
		sentiment = upstream;
	} else {
		const a = analysis as TextAnalysis;
		sentiment = { label: a.label, score: a.score, source: 'lexicon' };
	}

	// The factors, in this order; null when their weight is 0 (or, for the rating, when there is none).
	let sentimentFactor: RiskFactor;
	let complaintFactor: RiskFactor | null = null;
	let crisisFactor: RiskFactor | null = null;
	let ratingFactor: RiskFactor | null = null;

	// Sentiment factor.
	{
		const negativity = sentiment.label === 'negative' ? clamp(Math.max(-sentiment.score, 0.25), 0, 1) : 0;
		const contribution = round1(weights.sentiment * negativity);
		// "<origin>: <label>, score <score> ('<term>' <weight>, …)", and "; no risk added" unless
		// negative. Built by appending to the (long) prefix: each step then only links two
		// strings, where joining the short pieces first would copy their characters.
		let reason =
			sentiment.source === 'upstream'
				? `sentiment taken from ${sentiment.field}` + ': ' + sentiment.label + ', score ' + formatRounded(sentiment.score, 3)
				: lexiconPrefix(sentiment.label, sentiment.score);
		if (analysis && sentiment.source === 'lexicon' && analysis.hitCount > 0) {
			for (let k = 0; k < analysis.hitCount && k < 4; k++) {
				reason = reason + (k === 0 ? " ('" : ", '") + analysis.hitTerms[k] + hitSuffix(analysis.hitWeights[k]);
			}
			reason += analysis.sarcasm ? '; sarcasm detected)' : ')';
		}
		if (sentiment.label !== 'negative') reason += '; no risk added';
		sentimentFactor = { name: 'sentiment', value: sentiment.score, contribution, reason };
	}

	// Complaint phrasing.
	if (analysis && weights.complaint > 0) {
		const terms = analysis.complaintTerms;
		const count = analysis.complaintCount;
		const applies = count > 0 && sentiment.label !== 'positive';
		const contribution = applies ? round1(weights.complaint * Math.min(1, 0.6 + 0.2 * (count - 1))) : 0;
		let reason: string;
		if (applies) {
			reason = 'complaint phrasing: ';
			for (let k = 0; k < count && k < 4; k++) reason = reason + (k === 0 ? "'" : ", '") + terms[k] + "'";
		} else {
			reason = count > 0 ? 'problem words found but the mention is positive overall; no risk added' : 'no complaint phrasing';
		}
		complaintFactor = { name: 'complaint', value: count, contribution, reason };
	}

	// Crisis vocabulary.
	if (weights.crisisVocabulary > 0) {
		if (themeCount > 0) {
			const order = ranked as Int32Array;
			const termsOf = (finds as ThemeFinds).terms;
			const top = THEMES[order[0]].severity;
			const extra = Math.min(0.3, 0.1 * (themeCount - 1));
			const contribution = round1(weights.crisisVocabulary * Math.min(1, top + extra));
			let reason = 'crisis themes: ';
			for (let k = 0; k < themeCount && k < 4; k++) {
				const m = THEMES[order[k]];
				const terms = termsOf[order[k]];
				reason = reason + (k === 0 ? '' : '; ') + m.label + " ('" + terms[0];
				reason = terms.length > 1 ? reason + "', '" + terms[1] + "')" : reason + "')";
			}
			crisisFactor = { name: 'crisisVocabulary', value: themeCount, contribution, reason };
		} else {
			crisisFactor = {
				name: 'crisisVocabulary',
				value: 0,
				contribution: 0,
				reason: lexiconLanguage ? 'no crisis vocabulary' : `crisis vocabulary not checked: ${languageNote}`,
			};
		}
	}

	// Author reach.
	const reachF = weights.reach > 0 ? (reach ?? reachFactor(mention.author, weights.reach)) : null;

	// Engagement velocity.
	const velocityF = weights.engagementVelocity > 0 ? (velocity ?? velocityFactor(mention, now, weights.engagementVelocity)) : null;

	// Star rating (reviews).
	if (weights.rating > 0 && mention.rating !== null && Number.isFinite(mention.rating)) {
		const r = mention.rating;
		const share = r <= 1 ? 1 : r <= 2 ? 0.5 : 0;
		ratingFactor = {
			name: 'rating',
			value: r,
			contribution: round1(weights.rating * share),
			reason: share > 0 ? `${r}-star review` : `${r}-star review; no risk added`,
		};
	}

	// The usual case (every factor but the rating) as one literal: one allocation of the
	// right size rather than an array grown by pushes.
	let factors: RiskFactor[];
	if (complaintFactor !== null && crisisFactor !== null && reachF !== null && velocityF !== null && ratingFactor === null) {
		factors = [sentimentFactor, complaintFactor, crisisFactor, reachF, velocityF];
	} else {
		factors = [sentimentFactor];
		if (complaintFactor !== null) factors.push(complaintFactor);
		if (crisisFactor !== null) factors.push(crisisFactor);
		if (reachF !== null) factors.push(reachF);
		if (velocityF !== null) factors.push(velocityF);
		if (ratingFactor !== null) factors.push(ratingFactor);
	}

	let sum = 0;
	for (let k = 0; k < factors.length; k++) sum += factors[k].contribution;
	const risk = Math.round(clamp(sum, 0, 100));

	// Summary: the (at most three) largest contributions, largest first (ties in factor order).
	let first: RiskFactor | null = null;
	let second: RiskFactor | null = null;
	let third: RiskFactor | null = null;
	for (let k = 0; k < factors.length; k++) {
		const f = factors[k];
		const c = f.contribution;
		if (c <= 0) continue;
		if (first === null || first.contribution < c) {
			third = second;
			second = first;
			first = f;
		} else if (second === null || second.contribution < c) {
			third = second;
			second = f;
		} else if (third === null || third.contribution < c) {
			third = f;
		}
	}
	let summary = riskText(risk);
	if (first === null) summary += ': nothing raises it';
	else {
		// (Appended piece by piece to the long string, like the sentiment reason.)
		summary = summary + ', mainly from ' + first.name + summaryPoints(first.contribution);
		if (second !== null) summary = summary + ', ' + second.name + summaryPoints(second.contribution);
		if (third !== null) summary = summary + ', ' + third.name + summaryPoints(third.contribution);
	}
	const reasons = upstreamProblem === null ? [summary, languageNote] : [summary, upstreamProblem, languageNote];
	if (sentiment.source === 'upstream') reasons.push(`sentiment taken from ${sentiment.field} (${sentiment.label})`);

	const themes: string[] = [];
	for (let k = 0; k < themeCount; k++) themes.push(THEMES[(ranked as Int32Array)[k]].id);

	return {
		risk,
		language,
		unscored: false,
		sentiment,
		themes,
		factors,
		reasons,
	};
}

