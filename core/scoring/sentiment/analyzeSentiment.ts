/**
 * Rule-and-lexicon sentiment for English and French social-media text.
 *
 * One tokenizer pass, then one pass over the tokens with Map/Set look-ups:
 * multi-word expressions, word valences (with light suffix stripping), intensifiers and
 * softeners, negation within the clause, contrast ('but', 'mais'), capitals, elongation,
 * emoji and emoticons, exclamation marks. Two customer-traffic rules follow: courtesy
 * words ('thanks', 'merci') count little in a text that otherwise complains, and praise
 * next to a sarcasm cue and a problem ('great, another delay') is read as negative.
 */
import type { SentimentLabel } from '../types';
import { EMOJI, EMOTICONS } from './lexicon/emoji';
import { englishLexicon } from './lexicon/en';
import { frenchLexicon, stripAccents } from './lexicon/fr';
import type { LanguageLexicon } from './lexicon/types';
import { TokenKind, tokenize } from './tokenize';

export type SentimentLanguage = 'en' | 'fr';

export interface SentimentHit {
	/** The word, expression, emoji or emoticon as matched (lower-case). */
	term: string;
	/** Its contribution after negation, intensifiers and the other rules (-4..+4 scale). */
	weight: number;
}

export interface SentimentAnalysis {
	label: SentimentLabel;
	/** -1 (very negative) … +1 (very positive): the raw sum squashed by x / sqrt(x² + 15). */
	score: number;
	/** Sum of the contributions (unbounded). */
	raw: number;
	/** Sum of positive and of negative contributions. */
	positive: number;
	negative: number;
	/** The strongest contributions, strongest first (at most 6). */
	hits: SentimentHit[];
	/** Complaint phrasing or service-failure words found ('still waiting', 'remboursez', 'delayed'). */
	complaintTerms: string[];
	/** Whether a sarcasm pattern flipped praise into criticism. */
	sarcasm: boolean;
	language: SentimentLanguage;
}

/**
 * Thresholds on the raw sum for the three labels, per language. `question` moves both
 * thresholds away from zero for texts that ask a question (and do not exclaim): people
 * asking a brand something are neutral unless they clearly complain or praise.
 * English customer traffic needs more than one mild positive word to be praise
 * ('thanks' alone is positive, 'help' or 'good morning' is not).
 */
const THRESHOLDS: Record<SentimentLanguage, { negative: number; positive: number; question: number }> = {
	en: { negative: -0.35, positive: 1.85, question: -0.9 },
	fr: { negative: -0.5, positive: 0.9, question: -0.3 },
};

const NEGATION_SCOPE = 3;
const BOOSTER_SCOPE = 2;
const CAPS_FACTOR = 1.25;
const ELONGATION_FACTOR = 1.15;
const NEGATE_POSITIVE = -0.7;
const NEGATE_NEGATIVE = -0.1;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.4;
const COURTESY_IN_COMPLAINT = 0.2;
const COURTESY_IN_QUESTION = 0.4;
const EXASPERATION = -0.5;
const SARCASM_FACTOR = -0.8;
const EXCLAMATION_STEP = 0.25;
const MAX_PHRASE = 5;

interface Item {
	term: string;
	value: number;
	/** Index in tokens of the first token. */
	at: number;
	courtesy: boolean;
	problem: boolean;
	phrase: boolean;
	negated: boolean;
}

/** A theme term whose first word was just seen: the words that must follow. */
export interface ThemeCandidate {
	theme: string;
	term: string;
	rest: string[];
}

/** Everything known about one word, so each token costs one Map look-up. */
interface WordInfo {
	valence?: number;
	booster?: number;
	negator?: boolean;
	contrast?: boolean;
	phraseStart?: boolean;
	courtesy?: boolean;
	problem?: boolean;
	cue?: boolean;
	themes?: ThemeCandidate[];
}

/** Multi-word expressions as a trie over word keys (no string building while matching). */
interface PhraseNode {
	/** Set when the path to this node is a whole expression. */
	value?: number;
	term?: string;
	next?: Map<string, PhraseNode>;
}

interface CompiledLexicon {
	lex: LanguageLexicon;
	info: Map<string, WordInfo>;
	phrases: Map<string, PhraseNode>;
}

/** Splits a phrase key into the word keys the tokenizer produces (`n'importe` -> `n'`, `importe`). */
function phraseWords(key: string): string[] {
	const out: string[] = [];
	for (const part of key.split(' ')) {
		const apos = part.indexOf("'");
		if (apos !== -1 && apos < part.length - 1) {
			out.push(part.slice(0, apos + 1), part.slice(apos + 1));
		} else {
			out.push(part);
		}
	}
	return out;
}

/** Theme vocabulary provider, registered by themes.ts (keeps this module free of a cycle). */
let themeIndexProvider: (() => Map<string, ThemeCandidate[]>) | null = null;

/** @internal Called by themes.ts so that themes are matched in the same token pass. */
export function registerThemeIndex(provider: () => Map<string, ThemeCandidate[]>): void {
	themeIndexProvider = provider;
	compiled.en = null;
	compiled.fr = null;
}

const compiled: Record<SentimentLanguage, CompiledLexicon | null> = { en: null, fr: null };

function entry(info: Map<string, WordInfo>, key: string): WordInfo {
	let e = info.get(key);
	if (!e) {
		e = {};
		info.set(key, e);
	}
	return e;
}

function compile(language: SentimentLanguage): CompiledLexicon {
	const cached = compiled[language];
	if (cached) return cached;
	const lex = language === 'fr' ? frenchLexicon() : englishLexicon();
	const info = new Map<string, WordInfo>();
	for (const [w, v] of lex.words) entry(info, w).valence = v;
	for (const [w, b] of lex.boosters) entry(info, w).booster = b;
	for (const w of lex.negators) entry(info, w).negator = true;
	for (const w of lex.contrast) entry(info, w).contrast = true;
	const phrases = new Map<string, PhraseNode>();
	for (const [key, value] of lex.phrases) {
		// English keeps "can't" whole; French splits elisions like the tokenizer does.
		const parts = lex.splitElisions ? phraseWords(key) : key.split(' ');
		entry(info, parts[0]).phraseStart = true;
		let level = phrases;
		let node: PhraseNode | undefined;
		for (const part of parts) {
			node = level.get(part);
			if (!node) {
				node = {};
				level.set(part, node);
			}
			if (!node.next) node.next = new Map();
			level = node.next;
		}
		if (node) {
			node.value = value;
			node.term = key;
		}
	}
	for (const w of lex.courtesy) entry(info, w).courtesy = true;
	for (const w of lex.problemWords) entry(info, w).problem = true;
	for (const w of lex.sarcasmCues) entry(info, w).cue = true;
	if (themeIndexProvider) {
		for (const [first, cands] of themeIndexProvider()) {
			const e = entry(info, first);
			e.themes = (e.themes ?? []).concat(cands);
		}
	}
	const c = { lex, info, phrases };
	compiled[language] = c;
	return c;
}

function lookupValence(c: CompiledLexicon, key: string): number | undefined {
	if (key.length < 4) return undefined;
	const cands = c.lex.stem(key);
	for (let k = 0; k < cands.length; k++) {
		const v = c.info.get(cands[k])?.valence;
		if (v !== undefined) return v;
	}
	return undefined;
}

const hashtagCache: Record<SentimentLanguage, Map<string, { value: number; negated: boolean } | null>> = {
	en: new Map(),
	fr: new Map(),
};
const HASHTAG_CACHE_MAX = 4096;

/** '#notcool' -> not + cool, '#badservice' -> bad, '#communicationfail' -> fail (memoised). */
function segmentHashtag(c: CompiledLexicon, tag: string): { value: number; negated: boolean } | null {
	const cache = hashtagCache[c.lex.language];
	const hit = cache.get(tag);
	if (hit !== undefined) return hit;
	const result = segmentHashtagUncached(c, tag);
	if (cache.size >= HASHTAG_CACHE_MAX) cache.clear();
	cache.set(tag, result);
	return result;
}

function segmentHashtagUncached(c: CompiledLexicon, tag: string): { value: number; negated: boolean } | null {
	const suffix = c.lex.negatorSuffix ? c.lex.negatorSuffix.replace("'", '') : null;
	for (let k = tag.length - 3; k >= 3; k--) {
		const head = tag.slice(0, k);
		const hi = c.info.get(head);
		if (hi?.negator || (suffix !== null && head.endsWith(suffix))) {
			const tv = c.info.get(tag.slice(k))?.valence;
			if (tv !== undefined && tv !== 0) return { value: tv, negated: true };
			continue;
		}
		if ((k >= 4 || tag.length - k >= 5) && hi?.valence !== undefined && Math.abs(hi.valence) >= 1) return { value: hi.valence, negated: false };
	}
	for (let k = 4; k <= tag.length - 3; k++) {
		const tv = c.info.get(tag.slice(k))?.valence;
		if (tv !== undefined && Math.abs(tv) >= 1.5) return { value: tv, negated: false };
	}
	return null;
}

/** Result of the internal pass: the analysis plus the crisis-theme terms seen. */
export interface TextAnalysis {
	sentiment: SentimentAnalysis;
	/** Theme id -> terms found (in vocabulary spelling). */
	themes: Map<string, string[]>;
}

/** Analyses the sentiment of one text in English or French. Pure and deterministic. */
export function analyzeSentiment(text: string, language: SentimentLanguage): SentimentAnalysis {
	return analyzeText(text, language, false).sentiment;
}

const NO_THEMES: Map<string, string[]> = new Map();
let scratchKeys: string[] = new Array<string>(256).fill('');
let scratchInfos: Array<WordInfo | undefined> = new Array<WordInfo | undefined>(256).fill(undefined);

/**
 * @internal One pass over the text for sentiment and, when `withThemes`, the crisis
 * vocabulary (so scoring a mention tokenizes once).
 */
export function analyzeText(text: string, language: SentimentLanguage, withThemes: boolean): TextAnalysis {
	const c = compile(language);
	const lex = c.lex;
	const info = c.info;
	const normalize = lex.normalize;
	const tokens = tokenize(text || '', { splitElisions: lex.splitElisions, emoticons: EMOTICONS });
	const n = tokens.length;
	// Scratch arrays reused across calls (one analysis runs at a time: the code is synchronous).
	if (scratchKeys.length < n) {
		scratchKeys = new Array<string>(n * 2).fill('');
		scratchInfos = new Array<WordInfo | undefined>(n * 2).fill(undefined);
	}
	const keys = scratchKeys;
	const infos = scratchInfos;

	let words = 0;
	let capsWords = 0;
	for (let i = 0; i < n; i++) {
		const t = tokens[i];
		if (t.kind === TokenKind.Word) {
			words++;
			if (t.caps) capsWords++;
			const key = normalize ? normalize(t.text) : t.text;
			keys[i] = key;
			infos[i] = info.get(key);
		} else {
			keys[i] = '';
			infos[i] = undefined;
		}
	}
	const shouting = words > 0 && capsWords / words > 0.6;

	const items: Item[] = [];
	const complaintTerms: string[] = [];
	let themes = NO_THEMES;
	let clause = 0;
	let wordPos = 0;
	let lastNegatorPos = -100;
	let lastNegatorClause = -1;
	let boost = 0;
	let boostPos = -100;
	let contrastAt = -1;
	let exclamations = 0;
	let negators = 0;
	let negatedItems = 0;
	let questions = 0;
	let exasperated = false;

	for (let i = 0; i < n; i++) {
		const tok = tokens[i];
		const kind = tok.kind;
		if (kind !== TokenKind.Word) {
			if (kind === TokenKind.Break) {
				clause++;
				boost = 0;
			} else if (kind === TokenKind.Exclamation) {
				exclamations += tok.count;
				clause++;
			} else if (kind === TokenKind.Question) {
				questions++;
				if (tok.count >= 3) exasperated = true;
				clause++;
			} else {
				const v = kind === TokenKind.Emoji ? EMOJI.get(tok.text) : EMOTICONS.get(tok.text);
				if (v !== undefined) {
					items.push({ term: tok.text, value: v, at: i, courtesy: false, problem: false, phrase: false, negated: false });
				}
			}
			continue;
		}
		const w = tok.text;
		const wk = keys[i];
		const wi = infos[i];

		// Crisis vocabulary (first word known, check the words that follow).
		if (withThemes && wi !== undefined && wi.themes !== undefined) {
			for (const cand of wi.themes) {
				let j = i + 1;
				let ok = true;
				for (let r = 0; r < cand.rest.length; r++) {
					while (j < n && tokens[j].kind === TokenKind.Word && keys[j].endsWith("'")) j++;
					if (j >= n || tokens[j].kind !== TokenKind.Word || stripAccents(keys[j]) !== cand.rest[r]) {
						ok = false;
						break;
					}
					j++;
				}
				if (ok) {
					if (themes === NO_THEMES) themes = new Map();
					const list = themes.get(cand.theme);
					if (!list) themes.set(cand.theme, [cand.term]);
					else if (!list.includes(cand.term)) list.push(cand.term);
				}
			}
		}

		// Multi-word expressions first (longest match).
		if (wi !== undefined && wi.phraseStart) {
			let node = c.phrases.get(wk);
			let best: PhraseNode | null = null;
			let bestEnd = i;
			for (let j = i + 1; node !== undefined && node.next !== undefined && j < n && j < i + MAX_PHRASE; j++) {
				if (tokens[j].kind !== TokenKind.Word) break;
				node = node.next.get(keys[j]);
				if (node !== undefined && node.value !== undefined) {
					best = node;
					bestEnd = j;
				}
			}
			if (best !== null) {
				const v = best.value as number;
				const term = best.term as string;
				const item: Item = { term, value: v, at: i, courtesy: false, problem: v <= -1.5, phrase: true, negated: false };
				if (boost !== 0 && wordPos - boostPos <= BOOSTER_SCOPE) item.value *= 1 + boost;
				items.push(item);
				if (v <= -1.5) complaintTerms.push(term);
				if (withThemes) {
					// Theme terms inside the phrase still count: let the loop see them.
					for (let j = i + 1; j <= bestEnd; j++) {
						const ij = infos[j];
						if (ij !== undefined && ij.themes !== undefined) {
							for (const cand of ij.themes) {
								if (cand.rest.length === 0) {
									if (themes === NO_THEMES) themes = new Map();
									const list = themes.get(cand.theme);
									if (!list) themes.set(cand.theme, [cand.term]);
									else if (!list.includes(cand.term)) list.push(cand.term);
								}
							}
						}
					}
				}
				wordPos += bestEnd - i + 1;
				i = bestEnd;
				boost = 0;
				continue;
			}
		}
		if (wi !== undefined && (wi.negator || (lex.negatorSuffix !== null && w.endsWith(lex.negatorSuffix)))) {
			// 'ne … pas' is one negation: count it once.
			if (!(lastNegatorClause === clause && wordPos - lastNegatorPos <= 2 && negatedItems < negators)) negators++;
			lastNegatorPos = wordPos;
			lastNegatorClause = clause;
			wordPos++;
			continue;
		}
		if (wi === undefined && lex.negatorSuffix !== null && w.endsWith(lex.negatorSuffix)) {
			if (!(lastNegatorClause === clause && wordPos - lastNegatorPos <= 2 && negatedItems < negators)) negators++;
			lastNegatorPos = wordPos;
			lastNegatorClause = clause;
			wordPos++;
			continue;
		}
		const b = wi !== undefined ? wi.booster : undefined;
		if (b !== undefined) {
			boost += b;
			boostPos = wordPos;
			// Some intensifiers also carry sentiment ('seriously'): fall through only for them.
			if (wi === undefined || wi.valence === undefined) {
				wordPos++;
				continue;
			}
		}
		if (wi !== undefined && wi.contrast) {
			contrastAt = items.length;
			clause++;
			wordPos++;
			continue;
		}
		let v = wi !== undefined ? wi.valence : undefined;
		if (v === undefined) v = lookupValence(c, wk);
		if (v === undefined && tok.elongated) {
			// 'soo' -> 'so', 'nooon' -> 'non'.
			let single = '';
			for (let k = 0; k < wk.length; k++) if (k === 0 || wk[k] !== wk[k - 1]) single += wk[k];
			v = info.get(single)?.valence ?? lookupValence(c, single);
		}
		let hashNegated = false;
		if (v === undefined && tok.hashtag && w.length >= 6) {
			const seg = segmentHashtag(c, wk);
			if (seg) {
				v = seg.value;
				hashNegated = seg.negated;
			}
		}
		if (v !== undefined && v !== 0) {
			let value = hashNegated ? v * NEGATE_POSITIVE : v;
			if (boost !== 0 && wordPos - boostPos <= BOOSTER_SCOPE) value *= 1 + boost;
			if (tok.caps && !shouting) value *= CAPS_FACTOR;
			if (tok.elongated) value *= ELONGATION_FACTOR;
			let negated = false;
			if (lastNegatorClause === clause && wordPos - lastNegatorPos <= NEGATION_SCOPE) {
				value *= value > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
				negated = true;
				if (negatedItems < negators) negatedItems++;
				lastNegatorClause = -1;
			}
			const problem = wi !== undefined && wi.problem === true && v < 0;
			items.push({ term: w, value, at: i, courtesy: wi !== undefined && wi.courtesy === true, problem, phrase: false, negated });
			if (problem && !negated) complaintTerms.push(w);
		}
		if (b === undefined) boost = 0;
		wordPos++;
	}

	// Contrast: the clause after 'but' outweighs the one before it.
	if (contrastAt >= 0) {
		for (let k = 0; k < items.length; k++) items[k].value *= k < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
	}

	// Sarcasm: praise next to a cue ('another', 'encore') with a problem after it.
	let sarcasm = false;
	for (let k = 0; k < items.length; k++) {
		const it = items[k];
		if (it.value < 1 || it.negated) continue;
		const pos = it.at;
		let cue = false;
		const lo = pos - 2 < 0 ? 0 : pos - 2;
		const hi = pos + 3 < n ? pos + 3 : n - 1;
		for (let j = lo; j <= hi; j++) {
			if (j !== pos && infos[j] !== undefined && (infos[j] as WordInfo).cue) {
				cue = true;
				break;
			}
		}
		if (!cue) {
			// 'great job losing my bag': a problem right after the praise is sarcasm too.
			for (let j = pos + 1; j <= hi; j++) {
				if (tokens[j].kind !== TokenKind.Word) break;
				const ij = infos[j];
				if (ij !== undefined && ij.problem && (ij.valence ?? 0) < 0) cue = true;
			}
		}
		if (!cue) continue;
		let problem = false;
		for (const other of items) {
			if ((other.problem || (other.value <= -1.2 && !other.courtesy)) && other.at > pos && other.at - pos <= 8) {
				problem = true;
				break;
			}
		}
		if (problem) {
			it.value *= SARCASM_FACTOR;
			sarcasm = true;
		}
	}

	// '… awesome service. NOT!': a lone trailing negator reverses the praise before it.
	if (lex.trailingNot !== null) {
		let last = n - 1;
		while (last >= 0 && tokens[last].kind !== TokenKind.Word) last--;
		if (last > 0 && tokens[last].text === lex.trailingNot && tokens[last - 1].kind !== TokenKind.Word) {
			for (const it of items) if (it.value > 0) it.value *= SARCASM_FACTOR;
			sarcasm = true;
		}
	}

	// Questions: 'thanks' / 'please' around a question are courtesy, not praise.
	if (questions > 0) {
		for (const it of items) if (it.courtesy && it.value > 0) it.value *= COURTESY_IN_QUESTION;
	}

	// Courtesy: 'thanks' / 'merci' weigh little when the text otherwise complains.
	let negativeOther = 0;
	for (const it of items) if (!it.courtesy && it.value < 0) negativeOther += it.value;
	if (negativeOther <= -1.5) {
		for (const it of items) if (it.courtesy && it.value > 0) it.value *= COURTESY_IN_COMPLAINT;
	}

	const bare = Math.min(Math.max(0, negators - negatedItems), 2);
	if (bare > 0 && lex.bareNegation !== 0) {
		items.push({ term: 'negation', value: bare * lex.bareNegation, at: -1, courtesy: false, problem: false, phrase: false, negated: false });
	}
	if (exasperated) {
		items.push({ term: '???', value: EXASPERATION, at: -1, courtesy: false, problem: false, phrase: false, negated: false });
	}

	let positive = 0;
	let negative = 0;
	for (const it of items) {
		if (it.value > 0) positive += it.value;
		else negative += it.value;
	}
	let raw = positive + negative;
	if (exclamations > 0 && raw !== 0) {
		const emphasis = Math.min(exclamations, 3) * EXCLAMATION_STEP;
		raw += raw > 0 ? emphasis : -emphasis;
	}
	const score = raw / Math.sqrt(raw * raw + 15);
	const th = THRESHOLDS[language];
	// A question asks before it complains: it needs clearer sentiment to count.
	const asking = questions > 0 && exclamations === 0 && !exasperated;
	const negativeThreshold = asking ? th.negative + th.question : th.negative;
	const positiveThreshold = asking ? th.positive - th.question : th.positive;
	const label: SentimentLabel = raw <= negativeThreshold ? 'negative' : raw >= positiveThreshold ? 'positive' : 'neutral';

	let hits: SentimentHit[] = [];
	if (items.length > 0) {
		const strong = items.filter((it) => it.value >= 0.05 || it.value <= -0.05);
		if (strong.length > 1) strong.sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
		const top = strong.length > 6 ? strong.slice(0, 6) : strong;
		hits = top.map((it) => ({ term: it.term, weight: Math.round(it.value * 100) / 100 }));
	}

	return {
		sentiment: {
			label,
			score: Math.round(score * 1000) / 1000,
			raw: Math.round(raw * 1000) / 1000,
			positive: Math.round(positive * 1000) / 1000,
			negative: Math.round(negative * 1000) / 1000,
			hits,
			complaintTerms: complaintTerms.length > 1 ? Array.from(new Set(complaintTerms)) : complaintTerms,
			sarcasm,
			language,
		},
		themes,
	};
}
