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
import { frenchLexicon } from './lexicon/fr';
import type { LanguageLexicon } from './lexicon/types';
import { TokenKind, tokenize } from './tokenize';
import type { Token } from './tokenize';

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
	/** Index of the clause (incremented at each break). */
	clause: number;
	/** Word position (counts word tokens only) for scopes. */
	wordPos: number;
	courtesy: boolean;
	problem: boolean;
	phrase: boolean;
	negated: boolean;
}

const phraseStarts = new WeakMap<LanguageLexicon, Set<string>>();

function startsOf(lex: LanguageLexicon): Set<string> {
	let s = phraseStarts.get(lex);
	if (!s) {
		s = new Set<string>();
		for (const key of lex.phrases.keys()) {
			const space = key.indexOf(' ');
			const apos = key.indexOf("'");
			const end = apos !== -1 && (space === -1 || apos < space) ? apos + 1 : space;
			s.add(end === -1 ? key : key.slice(0, end));
		}
		phraseStarts.set(lex, s);
	}
	return s;
}

function lexiconFor(language: SentimentLanguage): LanguageLexicon {
	return language === 'fr' ? frenchLexicon() : englishLexicon();
}

function lookupWord(lex: LanguageLexicon, word: string): number | undefined {
	let v = lex.words.get(word);
	if (v !== undefined) return v;
	const key = lex.normalize ? lex.normalize(word) : word;
	if (key !== word) {
		v = lex.words.get(key);
		if (v !== undefined) return v;
	}
	if (key.length < 4) return undefined;
	for (const cand of lex.stem(key)) {
		v = lex.words.get(cand);
		if (v !== undefined) return v;
	}
	return undefined;
}

/** '#notcool' -> not + cool, '#badservice' -> bad, '#communicationfail' -> fail. */
function segmentHashtag(lex: LanguageLexicon, tag: string): { value: number; negated: boolean } | null {
	for (let k = tag.length - 3; k >= 4; k--) {
		const head = tag.slice(0, k);
		const tail = tag.slice(k);
		const tv = lex.words.get(tail);
		if (lex.negators.has(head) || (lex.negatorSuffix !== null && head.endsWith(lex.negatorSuffix.replace("'", '')))) {
			if (tv !== undefined && tv !== 0) return { value: tv, negated: true };
			continue;
		}
		const hv = lex.words.get(head);
		if (hv !== undefined && Math.abs(hv) >= 1) return { value: hv, negated: false };
	}
	for (let k = 4; k <= tag.length - 3; k++) {
		const tv = lex.words.get(tag.slice(k));
		if (tv !== undefined && Math.abs(tv) >= 1.5) return { value: tv, negated: false };
	}
	return null;
}

function isNegator(lex: LanguageLexicon, tok: Token, key: string): boolean {
	if (tok.kind !== TokenKind.Word) return false;
	if (lex.negators.has(key)) return true;
	return lex.negatorSuffix !== null && tok.text.endsWith(lex.negatorSuffix);
}

function normalKey(lex: LanguageLexicon, w: string): string {
	return lex.normalize ? lex.normalize(w) : w;
}

/** Analyses the sentiment of one text in English or French. Pure and deterministic. */
export function analyzeSentiment(text: string, language: SentimentLanguage): SentimentAnalysis {
	const lex = lexiconFor(language);
	const tokens = tokenize(text || '', { splitElisions: lex.splitElisions, emoticons: EMOTICONS });
	const starts = startsOf(lex);

	let words = 0;
	let capsWords = 0;
	for (const t of tokens) {
		if (t.kind === TokenKind.Word) {
			words++;
			if (t.caps) capsWords++;
		}
	}
	const shouting = words > 0 && capsWords / words > 0.6;

	const items: Item[] = [];
	const complaintTerms: string[] = [];
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

	for (let i = 0; i < tokens.length; i++) {
		const tok = tokens[i];
		switch (tok.kind) {
			case TokenKind.Break:
				clause++;
				boost = 0;
				continue;
			case TokenKind.Exclamation:
				exclamations += tok.count;
				clause++;
				continue;
			case TokenKind.Question:
				questions++;
				if (tok.count >= 3) exasperated = true;
				clause++;
				continue;
			case TokenKind.Emoji:
			case TokenKind.Emoticon: {
				const v = tok.kind === TokenKind.Emoji ? EMOJI.get(tok.text) : EMOTICONS.get(tok.text);
				if (v !== undefined) {
					items.push({ term: tok.text, value: v, at: i, clause, wordPos, courtesy: false, problem: false, phrase: false, negated: false });
				}
				continue;
			}
			default:
				break;
		}
		// Word.
		const w = tok.text;
		const wk = normalKey(lex, w);
		// Multi-word expressions first (longest match).
		if (starts.has(wk)) {
			let key = wk;
			let best = '';
			let bestEnd = i;
			for (let j = i + 1; j < tokens.length && j < i + MAX_PHRASE; j++) {
				const tj = tokens[j];
				if (tj.kind !== TokenKind.Word) break;
				key += (key.endsWith("'") ? '' : ' ') + normalKey(lex, tj.text);
				if (lex.phrases.has(key)) {
					best = key;
					bestEnd = j;
				}
			}
			if (best) {
				const v = lex.phrases.get(best) as number;
				const item: Item = { term: best, value: v, at: i, clause, wordPos, courtesy: false, problem: v <= -1.5, phrase: true, negated: false };
				if (boost !== 0 && wordPos - boostPos <= BOOSTER_SCOPE) item.value *= 1 + boost;
				items.push(item);
				if (v <= -1.5) complaintTerms.push(best);
				wordPos += bestEnd - i + 1;
				i = bestEnd;
				boost = 0;
				continue;
			}
		}
		if (isNegator(lex, tok, wk)) {
			// 'ne … pas' is one negation: count it once.
			if (!(lastNegatorClause === clause && wordPos - lastNegatorPos <= 2 && negatedItems < negators)) negators++;
			lastNegatorPos = wordPos;
			lastNegatorClause = clause;
			wordPos++;
			continue;
		}
		const b = lex.boosters.get(wk);
		if (b !== undefined) {
			boost += b;
			boostPos = wordPos;
			// Some intensifiers also carry sentiment ('seriously'): fall through only for them.
			if (!lex.words.has(wk)) {
				wordPos++;
				continue;
			}
		}
		if (lex.contrast.has(wk)) {
			contrastAt = items.length;
			clause++;
			wordPos++;
			continue;
		}
		let v = lookupWord(lex, w);
		if (v === undefined && tok.elongated) {
			// 'soo' -> 'so', 'nooon' -> 'non'.
			let single = '';
			for (let k = 0; k < w.length; k++) if (k === 0 || w[k] !== w[k - 1]) single += w[k];
			v = lookupWord(lex, single);
		}
		let hashNegated = false;
		if (v === undefined && tok.hashtag && w.length >= 6) {
			const seg = segmentHashtag(lex, w);
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
			const problem = lex.problemWords.has(wk) && v < 0;
			items.push({ term: w, value, at: i, clause, wordPos, courtesy: lex.courtesy.has(wk), problem, phrase: false, negated });
			if (problem && !negated) complaintTerms.push(w);
		}
		if (b === undefined) boost = 0;
		wordPos++;
	}

	// Contrast: the clause after 'but' outweighs the one before it.
	if (contrastAt >= 0) {
		for (let k = 0; k < items.length; k++) items[k].value *= k < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
	}

	// Sarcasm: praise next to a cue ('another', 'encore') with a problem word after it.
	let sarcasm = false;
	for (let k = 0; k < items.length; k++) {
		const it = items[k];
		if (it.value < 1 || it.negated || (it.phrase && !it.courtesy)) continue;
		const pos = it.at;
		let cue = false;
		for (let j = Math.max(0, pos - 2); j <= Math.min(tokens.length - 1, pos + 3); j++) {
			const t = tokens[j];
			if (j !== pos && t.kind === TokenKind.Word && lex.sarcasmCues.has(normalKey(lex, t.text))) {
				cue = true;
				break;
			}
		}
		let problem = false;
		if (!cue) {
			// 'great job losing my bag': a problem right after the praise is sarcasm too.
			for (let j = pos + 1; j <= Math.min(tokens.length - 1, pos + 3); j++) {
				const t = tokens[j];
				if (t.kind !== TokenKind.Word) break;
				if (lex.problemWords.has(normalKey(lex, t.text)) && (lex.words.get(normalKey(lex, t.text)) ?? 0) < 0) cue = true;
			}
		}
		if (!cue) continue;
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
		let last = tokens.length - 1;
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

	let positive = 0;
	let negative = 0;
	for (const it of items) {
		if (it.value > 0) positive += it.value;
		else negative += it.value;
	}
	const bare = Math.min(Math.max(0, negators - negatedItems), 2);
	if (bare > 0 && lex.bareNegation !== 0) {
		const v = bare * lex.bareNegation;
		negative += v;
		items.push({ term: 'negation', value: v, at: -1, clause: 0, wordPos: 0, courtesy: false, problem: false, phrase: false, negated: false });
	}
	if (exasperated) {
		negative += EXASPERATION;
		items.push({ term: '??', value: EXASPERATION, at: -1, clause: 0, wordPos: 0, courtesy: false, problem: false, phrase: false, negated: false });
	}
	let raw = positive + negative;
	if (exclamations > 0 && raw !== 0) {
		const emphasis = Math.min(exclamations, 3) * EXCLAMATION_STEP;
		raw += raw > 0 ? emphasis : -emphasis;
	}
	const score = raw / Math.sqrt(raw * raw + 15);
	const th = THRESHOLDS[language];
	// A question asks before it complains: it needs clearer negativity to count as negative.
	const asking = questions > 0 && exclamations === 0 && !exasperated;
	const negativeThreshold = asking ? th.negative + th.question : th.negative;
	const positiveThreshold = asking ? th.positive - th.question : th.positive;
	const label: SentimentLabel = raw <= negativeThreshold ? 'negative' : raw >= positiveThreshold ? 'positive' : 'neutral';

	const hits = items
		.filter((it) => Math.abs(it.value) >= 0.05)
		.sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
		.slice(0, 6)
		.map((it) => ({ term: it.term, weight: Math.round(it.value * 100) / 100 }));

	return {
		label,
		score: Math.round(score * 1000) / 1000,
		raw: Math.round(raw * 1000) / 1000,
		positive: Math.round(positive * 1000) / 1000,
		negative: Math.round(negative * 1000) / 1000,
		hits,
		complaintTerms: Array.from(new Set(complaintTerms)),
		sarcasm,
		language,
	};
}
