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
import type { SentimentAnalysis } from './sentiment/analyzeSentiment';
import { toThemeMatches } from './themes';
import type { ThemeMatch } from './themes';
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

let lastNow = '';
let lastNowMs = NaN;

function hoursBetween(fromIso: string, toIso: string): number | null {
	const a = Date.parse(fromIso);
	if (toIso !== lastNow) {
		lastNow = toIso;
		lastNowMs = Date.parse(toIso);
	}
	const b = lastNowMs;
	if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
	return (b - a) / 3_600_000;
}

function formatCount(n: number): string {
	if (n >= 1_000_000) return `${round1(n / 1_000_000)}M`;
	if (n >= 10_000) return `${Math.round(n / 1000)}k`;
	return String(Math.round(n * 10) / 10);
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
	const reasons: string[] = [];
	const text = textOf(mention);

	// 1. Language: the platform field first, then detection.
	let language = normalizeLanguage(mention.language);
	let languageNote: string;
	if (language) {
		languageNote = `language '${language}' from the platform`;
	} else {
		const detected = detectLanguage(text);
		language = detected === 'en' || detected === 'fr' ? detected : null;
		languageNote = language
			? `language '${language}' detected from the text (the platform gave none)`
			: detected === 'other'
				? 'the text is in a language other than English or French'
				: 'the language could not be told apart as English or French';
	}
	const lexiconLanguage: BuiltIn | null =
		(language === 'en' || language === 'fr') && supported.includes(language) ? language : null;

	// 2. Sentiment: upstream first, else the lexicon (only for supported languages).
	let upstream: Sentiment | null = null;
	if (opts.upstreamSentiment && opts.upstreamSentiment.field !== undefined) {
		upstream = parseUpstreamSentiment(opts.upstreamSentiment);
		if (!upstream) {
			reasons.push(
				`the sentiment at '${opts.upstreamSentiment.field}' was not understood (expected a label such as 'negative', a number in -1..1, or { category, strength }); ${lexiconLanguage ? 'used the built-in lexicon instead' : 'no sentiment used'}`,
			);
		}
	}

	if (!upstream && !lexiconLanguage) {
		reasons.unshift(`unscored: ${languageNote}${language ? `, which is not among the scored languages (${supported.join(', ') || 'none'})` : ''}; no guess is made`);
		return { risk: null, language, unscored: true, sentiment: null, themes: [], factors: [], reasons };
	}

	let analysis: SentimentAnalysis | null = null;
	let themeMatches: ThemeMatch[] = [];
	let sentiment: Sentiment;
	if (lexiconLanguage) {
		const pass = analyzeText(text, lexiconLanguage, weights.crisisVocabulary > 0);
		analysis = pass.sentiment;
		themeMatches = toThemeMatches(pass.themes);
	} else if (language === null && weights.crisisVocabulary > 0) {
		// Upstream sentiment, language unknown: still look for crisis vocabulary (EN + FR).
		themeMatches = toThemeMatches(analyzeText(text, 'fr', true).themes);
	}
	if (upstream) {
		sentiment = upstream;
	} else {
		const a = analysis as SentimentAnalysis;
		sentiment = { label: a.label, score: a.score, source: 'lexicon' };
	}
	reasons.push(languageNote);

	const factors: RiskFactor[] = [];

	// Sentiment factor.
	{
		const negativity = sentiment.label === 'negative' ? clamp(Math.max(-sentiment.score, 0.25), 0, 1) : 0;
		const contribution = round1(weights.sentiment * negativity);
		const origin = sentiment.source === 'upstream' ? `sentiment taken from ${sentiment.field}` : 'sentiment from the built-in lexicon';
		let detail = '';
		if (analysis && sentiment.source === 'lexicon' && analysis.hits.length > 0) {
			const hits = analysis.hits;
			for (let k = 0; k < hits.length && k < 4; k++) {
				detail += (k === 0 ? " ('" : ", '") + hits[k].term + (hits[k].weight > 0 ? "' +" : "' ") + hits[k].weight;
			}
			detail += analysis.sarcasm ? '; sarcasm detected)' : ')';
		}
		factors.push({
			name: 'sentiment',
			value: sentiment.score,
			contribution,
			reason:
				sentiment.label === 'negative'
					? `${origin}: negative, score ${sentiment.score}${detail}`
					: `${origin}: ${sentiment.label}, score ${sentiment.score}${detail}; no risk added`,
		});
	}

	// Complaint phrasing.
	if (analysis && weights.complaint > 0) {
		const terms = analysis.complaintTerms;
		const applies = terms.length > 0 && sentiment.label !== 'positive';
		const contribution = applies ? round1(weights.complaint * Math.min(1, 0.6 + 0.2 * (terms.length - 1))) : 0;
		factors.push({
			name: 'complaint',
			value: terms.length,
			contribution,
			reason: applies
				? `complaint phrasing: ${terms.slice(0, 4).map((t) => `'${t}'`).join(', ')}`
				: terms.length > 0
					? 'problem words found but the mention is positive overall; no risk added'
					: 'no complaint phrasing',
		});
	}

	// Crisis vocabulary.
	if (weights.crisisVocabulary > 0) {
		if (themeMatches.length > 0) {
			const top = themeMatches[0].severity;
			const extra = Math.min(0.3, 0.1 * (themeMatches.length - 1));
			const contribution = round1(weights.crisisVocabulary * Math.min(1, top + extra));
			factors.push({
				name: 'crisisVocabulary',
				value: themeMatches.length,
				contribution,
				reason: `crisis themes: ${themeMatches
					.slice(0, 4)
					.map((m) => `${m.label} (${m.terms.slice(0, 2).map((t) => `'${t}'`).join(', ')})`)
					.join('; ')}`,
			});
		} else {
			factors.push({
				name: 'crisisVocabulary',
				value: 0,
				contribution: 0,
				reason: lexiconLanguage ? 'no crisis vocabulary' : `crisis vocabulary not checked: ${languageNote}`,
			});
		}
	}

	// Author reach.
	if (weights.reach > 0) {
		const followers = authorReach(mention.author);
		const known = mention.author.followers !== null && Number.isFinite(mention.author.followers);
		let share = followers > 0 ? clamp(Math.log10(1 + followers) / 6, 0, 1) : 0;
		if (mention.author.verified) share = Math.min(1, share + 0.1);
		const contribution = round1(weights.reach * share);
		factors.push({
			name: 'reach',
			value: followers,
			contribution,
			reason: known
				? `author @${mention.author.handle} has ${formatCount(followers)} followers${mention.author.verified ? ' and is verified' : ''}`
				: `author reach unknown${mention.author.verified ? ' (verified account)' : ''}; no reach risk from followers`,
		});
	}

	// Engagement velocity.
	if (weights.engagementVelocity > 0) {
		const engagement = totalEngagement(mention.engagement);
		const age = hoursBetween(mention.publishedAt, now);
		if (age === null) {
			factors.push({ name: 'engagementVelocity', value: 0, contribution: 0, reason: 'publication time or now unreadable; velocity not computed' });
		} else {
			const hours = Math.max(age, MIN_AGE_HOURS);
			const perHour = engagement / hours;
			const contribution = round1(weights.engagementVelocity * clamp(Math.log10(1 + perHour) / 3, 0, 1));
			factors.push({
				name: 'engagementVelocity',
				value: Math.round(perHour * 100) / 100,
				contribution,
				reason:
					engagement > 0
						? `${formatCount(engagement)} likes, shares and replies in ${round1(Math.max(age, 0))} h: ${formatCount(perHour)} per hour`
						: 'no engagement yet',
			});
		}
	}

	// Star rating (reviews).
	if (weights.rating > 0 && mention.rating !== null && Number.isFinite(mention.rating)) {
		const r = mention.rating;
		const share = r <= 1 ? 1 : r <= 2 ? 0.5 : 0;
		factors.push({
			name: 'rating',
			value: r,
			contribution: round1(weights.rating * share),
			reason: share > 0 ? `${r}-star review` : `${r}-star review; no risk added`,
		});
	}

	let sum = 0;
	for (const f of factors) sum += f.contribution;
	const risk = Math.round(clamp(sum, 0, 100));

	// Summary: the (at most three) largest contributions, largest first.
	const drivers: RiskFactor[] = [];
	for (const f of factors) {
		if (f.contribution <= 0) continue;
		let k = drivers.length;
		while (k > 0 && drivers[k - 1].contribution < f.contribution) k--;
		drivers.splice(k, 0, f);
	}
	let summary = 'risk ' + risk + '/100';
	if (drivers.length === 0) summary += ': nothing raises it';
	for (let k = 0; k < drivers.length && k < 3; k++) {
		summary += (k === 0 ? ', mainly from ' : ', ') + drivers[k].name + ' (+' + drivers[k].contribution + ')';
	}
	reasons.unshift(summary);
	if (sentiment.source === 'upstream') reasons.push(`sentiment taken from ${sentiment.field} (${sentiment.label})`);

	return {
		risk,
		language,
		unscored: false,
		sentiment,
		themes: themeMatches.map((m) => m.theme),
		factors,
		reasons,
	};
}
