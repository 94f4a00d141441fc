/**
 * The rule pass: one walk over the tokens producing the sentiment items (word valences
 * with negation, boosters, contrast, expressions, emoji…), the complaint terms and the
 * crisis themes. Its running state lives on the analyser (`TextAnalyzer` fields), so the
 * pass is written as named steps; the whole-text rules that follow are in textRules.ts.
 *
 * Why it is shaped this way (speed): the scanner has already resolved every word to its
 * packed record (`REC_*`), so the loop tests one number per token and about half the
 * words (no record, plain ASCII) are skipped in the loop itself, without a call. Rare or
 * long branches (expressions, themes, negators, hashtags) are functions of their own:
 * the engine optimises small functions early and inlines the hot ones.
 */
import type { ThemeCandidate } from '../themes';
import { HashtagCache } from './hashtags';
import type { HashtagSegment } from './hashtags';
import { lookupValence, stemmedValence } from './compileLexicon';
import type { CompiledLexicon } from './compileLexicon';
import { EMOJI, EMOTICONS } from './lexicon/emoji';
import { stripAccents } from './lexicon/fr';
import { hashWord, TokenFlag, TokenKind } from './tokenize';
import type { TokenBuffer } from './tokenize';
import { ITEM_COURTESY, ITEM_NEGATED, ITEM_PROBLEM } from './analyzer';
import type { TextAnalyzer } from './analyzer';
import {
	bigramBit,
	E_BOOSTER,
	E_CONTRAST,
	E_COURTESY,
	E_INFLECTED,
	E_IRREALIS,
	E_NEGATOR,
	E_PHRASE,
	E_PROBLEM,
	E_SHIFTER,
	E_THEME_WORD,
	E_THEMES,
	E_VALENCE,
	REC_BITS,
	REC_ROOT_SHIFT,
	REC_VALUE_MASK,
	REC_VALUE_SHIFT,
} from './wordInfo';
import { sliceIs } from './wordTable';

const NEGATION_SCOPE = 3;
const BOOSTER_SCOPE = 2;
const CAPS_FACTOR = 1.25;
const ELONGATION_FACTOR = 1.15;
const NEGATE_POSITIVE = -0.7;
const NEGATE_NEGATIVE = -0.1;
/** 'réduire la pollution' is good news, 'moins efficace' bad news. */
const SHIFT_SCOPE = 3;
const SHIFT_POSITIVE = -0.7;
const SHIFT_NEGATIVE = -0.5;
const MAX_PHRASE = 5;

/** Emoji valences by code point (the tokenizer keeps emoji as code points). */
const EMOJI_BY_CODE_POINT: ReadonlyMap<number, number> = (() => {
	const m = new Map<number, number>();
	for (const [e, v] of EMOJI) {
		const cp = e.codePointAt(0) as number;
		if (String.fromCodePoint(cp) === e) m.set(cp, v);
	}
	return m;
})();

/** The look-up key of word `i`: `keys[i]`, or the word's text when it was not cut out ('' there). */
function keyOf(buf: TokenBuffer, keys: string[], i: number): string {
	const key = keys[i];
	return key !== '' ? key : buf.wordText(i);
}

/** Whether word `i` ends with the character `code` (read in place when not cut out). */
function endsWithChar(buf: TokenBuffer, i: number, code: number): boolean {
	const w = buf.texts[i];
	return w !== '' ? w.charCodeAt(w.length - 1) === code : buf.chars[buf.ends[i] - 1] === code;
}

/** Whether word `i` is `s` (compared in place when not cut out). */
export function wordIs(buf: TokenBuffer, i: number, s: string): boolean {
	const w = buf.texts[i];
	return w !== '' ? w === s : sliceIs(buf.chars, buf.starts[i], buf.ends[i], s);
}

function hasBigram(bigrams: Int32Array, first: number, next: number): boolean {
	const bit = bigramBit(first, next);
	return (bigrams[bit >>> 5] & (1 << (bit & 31))) !== 0;
}

function endsWithApostrophe(word: string): boolean {
	return word.length > 0 && word.charCodeAt(word.length - 1) === 39;
}

/** `word.endsWith(suffix)` by char codes, last character first. */
function endsWithSuffix(word: string, suffix: string): boolean {
	const n = word.length;
	const m = suffix.length;
	if (n < m) return false;
	for (let k = m - 1; k >= 0; k--) if (word.charCodeAt(n - m + k) !== suffix.charCodeAt(k)) return false;
	return true;
}

/** Runs the rule pass over `a.tokens` (the analyser's state was reset for this text). */
export function tokenPass(a: TextAnalyzer, c: CompiledLexicon): void {
	const buf = a.tokens;
	const n = buf.length;
	const kinds = buf.kinds;
	const flags = buf.flags;
	const recs = buf.recs;
	const keys = a.keys;
	const negatorSuffix = c.lex.negatorSuffix;
	// Whether a plain word (not cut out, no apostrophe) with no record is inert: it is no
	// negator by suffix, and its form valence, if any, is in its record (forms table).
	const plainWordsInert = c.inflected !== null && (negatorSuffix === null || c.negatorNeedsApostrophe);
	for (let i = 0; i < n; i++) {
		if (kinds[i] !== TokenKind.Word) {
			nonWordToken(a, buf, i);
			continue;
		}
		// A plain word with no record (about half the words): none of the rules applies to
		// it (no property, not a form, not a hashtag), so it is skipped here, without a call.
		if (recs[i] === 0 && plainWordsInert && (flags[i] & ~TokenFlag.Caps) === TokenFlag.Hashed && keys[i] === '') {
			a.boost = 0;
			a.wordPos++;
			continue;
		}
		i = wordToken(a, c, i);
	}
}

/** A clause break, '!' / '?' run, emoji or emoticon. */
function nonWordToken(a: TextAnalyzer, buf: TokenBuffer, i: number): void {
	const kind = buf.kinds[i];
	if (kind === TokenKind.Break) {
		a.clause++;
		a.boost = 0;
	} else if (kind === TokenKind.Exclamation) {
		a.exclamations += buf.counts[i];
		a.clause++;
	} else if (kind === TokenKind.Question) {
		a.questions++;
		if (buf.counts[i] >= 3) a.exasperated = true;
		a.clause++;
	} else if (kind === TokenKind.Emoji) {
		const cp = buf.counts[i];
		const v = EMOJI_BY_CODE_POINT.get(cp);
		if (v !== undefined) a.addItem(String.fromCodePoint(cp), v, i, 0);
		a.lastWordItem = -1;
	} else {
		const v = EMOTICONS.get(buf.texts[i]);
		if (v !== undefined) a.addItem(buf.texts[i], v, i, 0);
	}
}

/** One word with a record (or not plain): every rule in turn. Returns the last token index it consumed. */
function wordToken(a: TextAnalyzer, c: CompiledLexicon, i: number): number {
	const buf = a.tokens;
	const rec = buf.recs[i];
	const wb = rec & REC_BITS;
	if ((wb & (E_THEMES | E_PHRASE)) !== 0) {
		if (a.withThemes && (wb & E_THEMES) !== 0) matchThemes(a, c, i, wb);
		// Multi-word expressions first (longest match).
		if ((wb & E_PHRASE) !== 0) {
			const end = matchPhrase(a, c, i, rec);
			if (end >= 0) return end;
		}
	}
	if ((wb & E_NEGATOR) !== 0 || isNegatorBySuffix(a, c, i)) {
		negatorWord(a, c, i);
		return i;
	}
	const b = (wb & E_BOOSTER) !== 0 ? c.boosterById[buf.ids[i]] : undefined;
	if (b !== undefined) {
		a.boost += b;
		a.boostPos = a.wordPos;
		// Some intensifiers also carry sentiment ('seriously'): fall through only for them.
		if ((wb & E_VALENCE) === 0) {
			a.wordPos++;
			return i;
		}
	}
	if ((wb & E_IRREALIS) !== 0) {
		a.irrealisClause = a.clause;
		if ((wb & E_VALENCE) === 0) {
			a.wordPos++;
			return i;
		}
	}
	if ((wb & E_CONTRAST) !== 0) {
		a.contrastAt = a.itemCount;
		a.clause++;
		a.wordPos++;
		return i;
	}
	const v = sentimentWord(a, c, i, wb, rec);
	if (b === undefined) a.boost = 0;
	if ((wb & E_SHIFTER) !== 0) {
		a.lastShifterPos = a.wordPos;
		a.lastShifterClause = a.clause;
		a.shifterItem = v !== undefined && v !== 0 && a.itemCount > 0 && a.itemAts[a.itemCount - 1] === i ? a.itemCount - 1 : -1;
	}
	a.wordPos++;
	return i;
}

/**
 * Crisis vocabulary (first word known, check the words that follow). The word a
 * multi-word term continues with: when it is a plain word whose pair with this one is
 * clear in `bigrams` (or there is none), only one-word terms can match.
 */
function matchThemes(a: TextAnalyzer, c: CompiledLexicon, i: number, wb: number): void {
	const buf = a.tokens;
	const n = buf.length;
	const kinds = buf.kinds;
	const keys = a.keys;
	const ids = buf.ids;
	const themes = a.finds;
	let next = i + 1;
	while (next < n && kinds[next] === TokenKind.Word && endsWithApostrophe(keys[next])) next++;
	const onlyThemeWords =
		next >= n || kinds[next] !== TokenKind.Word || (keys[next] === '' && !hasBigram(c.bigrams, ids[i], ids[next]));
	if (onlyThemeWords) {
		if ((wb & E_THEME_WORD) !== 0) {
			const words = c.themeWordsById[ids[i]] as ThemeCandidate[];
			for (let ci = 0; ci < words.length; ci++) themes.add(words[ci].index, words[ci].term);
		}
		return;
	}
	const cands = c.themesById[ids[i]] as ThemeCandidate[];
	for (let ci = 0; ci < cands.length; ci++) {
		if (termFollows(a, i, cands[ci].rest)) themes.add(cands[ci].index, cands[ci].term);
	}
}

/** Whether the words after `i` (elided words such as "l'" skipped) are `rest`. */
function termFollows(a: TextAnalyzer, i: number, rest: string[]): boolean {
	const buf = a.tokens;
	const n = buf.length;
	const kinds = buf.kinds;
	const keys = a.keys;
	let j = i + 1;
	for (let r = 0; r < rest.length; r++) {
		while (j < n && kinds[j] === TokenKind.Word && endsWithApostrophe(keys[j])) j++;
		if (j >= n || kinds[j] !== TokenKind.Word) return false;
		// Vocabulary words are accent-free: a plain ASCII word needs no stripping.
		const kj = keys[j];
		if (
			kj === ''
				? !sliceIs(buf.chars, buf.starts[j], buf.ends[j], rest[r])
				: kj !== rest[r] && ((buf.flags[j] & TokenFlag.Hashed) !== 0 || stripAccents(kj) !== rest[r])
		) {
			return false;
		}
		j++;
	}
	return true;
}

/**
 * The longest expression starting at word `i` (none when the next word's pair with this
 * one is clear), added as one item. Returns its last token index, or -1 when none.
 */
function matchPhrase(a: TextAnalyzer, c: CompiledLexicon, i: number, rec: number): number {
	const buf = a.tokens;
	const n = buf.length;
	const kinds = buf.kinds;
	const ids = buf.ids;
	const phrases = c.phrases;
	if (!(i + 1 < n && ids[i + 1] !== 0 && hasBigram(c.bigrams, ids[i], ids[i + 1]))) return -1;
	let node = rec >>> REC_ROOT_SHIFT;
	let best = 0;
	let bestEnd = i;
	for (let j = i + 1; node !== 0 && j < n && j < i + MAX_PHRASE; j++) {
		if (kinds[j] !== TokenKind.Word) break;
		const idj = ids[j];
		node = idj !== 0 ? phrases.child(node, idj) : 0;
		if (node !== 0 && phrases.terms[node] !== undefined) {
			best = node;
			bestEnd = j;
		}
	}
	if (best === 0) return -1;
	addPhraseItem(a, c, i, best);
	if (a.withThemes) {
		// Theme terms inside the phrase still count.
		for (let j = i + 1; j <= bestEnd; j++) {
			const cands = c.themesById[ids[j]];
			if (cands !== undefined) {
				for (const cand of cands) if (cand.rest.length === 0) a.finds.add(cand.index, cand.term);
			}
		}
	}
	a.wordPos += bestEnd - i + 1;
	a.boost = 0;
	return bestEnd;
}

/** The item of the expression ending at trie node `best` (boosted, negated or shifted). */
function addPhraseItem(a: TextAnalyzer, c: CompiledLexicon, i: number, best: number): void {
	const phrases = c.phrases;
	const v = phrases.values[best];
	const term = phrases.terms[best] as string;
	let value = v;
	if (a.boost !== 0 && a.wordPos - a.boostPos <= BOOSTER_SCOPE) value *= 1 + a.boost;
	let negated = false;
	if (
		c.lex.negatePhrases === true &&
		!phrases.hasNegator[best] &&
		a.lastNegatorClause === a.clause &&
		a.wordPos - a.lastNegatorPos <= NEGATION_SCOPE
	) {
		value *= value > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
		negated = true;
		if (a.negatedItems < a.negators) a.negatedItems++;
		a.lastNegatorClause = -1;
	}
	if (!negated && a.lastShifterClause === a.clause && a.wordPos - a.lastShifterPos <= SHIFT_SCOPE) {
		value *= value > 0 ? SHIFT_POSITIVE : SHIFT_NEGATIVE;
		negated = true;
		if (a.shifterItem >= 0 && a.itemValues[a.shifterItem] * value < 0) a.itemValues[a.shifterItem] = 0;
		a.lastShifterClause = -1;
	}
	const problem = v <= -1.5 && !negated;
	if (a.irrealisClause !== a.clause) {
		a.addItem(term, value, i, (problem ? ITEM_PROBLEM : 0) | (negated ? ITEM_NEGATED : 0));
		if (problem) a.result.complaintTerms[a.complaintCount++] = term;
	}
	a.lastWordItem = -1;
}

/** Whether word `i` is a negator by its suffix (English "n't"). */
function isNegatorBySuffix(a: TextAnalyzer, c: CompiledLexicon, i: number): boolean {
	const suffix = c.lex.negatorSuffix;
	if (suffix === null) return false;
	const buf = a.tokens;
	if (c.negatorNeedsApostrophe && (buf.flags[i] & TokenFlag.Apostrophe) === 0) return false;
	if (c.negatorLast !== -1 && !endsWithChar(buf, i, c.negatorLast)) return false;
	return endsWithSuffix(buf.wordText(i), suffix);
}

/** A negator: opens a negation scope, or (spoken French, "j'aime pas") negates the word just before. */
function negatorWord(a: TextAnalyzer, c: CompiledLexicon, i: number): void {
	const postNegators = c.lex.postNegators;
	if (
		postNegators !== undefined &&
		a.lastWordItem === a.itemCount - 1 &&
		a.lastWordItemClause === a.clause &&
		a.lastWordItemPos === a.wordPos - 1 &&
		postNegators.has(keyOf(a.tokens, a.keys, i))
	) {
		// Right after a sentiment word: either the end of 'ne … pas' around it (already
		// applied) or spoken French without 'ne' ("j'aime pas"): negate that word.
		const k = a.lastWordItem;
		const itemFlags = a.itemFlags;
		if ((itemFlags[k] & ITEM_NEGATED) === 0) {
			a.itemValues[k] *= a.itemValues[k] > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
			const complaintTerms = a.result.complaintTerms;
			if ((itemFlags[k] & ITEM_PROBLEM) !== 0 && a.complaintCount > 0 && complaintTerms[a.complaintCount - 1] === a.itemTerms[k]) {
				a.complaintCount--;
			}
			itemFlags[k] = (itemFlags[k] & ~ITEM_PROBLEM) | ITEM_NEGATED;
			a.negators++;
			a.negatedItems++;
		}
		a.lastWordItem = -1;
		a.wordPos++;
		return;
	}
	// 'ne … pas' is one negation: count it once.
	if (!(a.lastNegatorClause === a.clause && a.wordPos - a.lastNegatorPos <= 2 && a.negatedItems < a.negators)) a.negators++;
	a.lastNegatorPos = a.wordPos;
	a.lastNegatorClause = a.clause;
	a.wordPos++;
}

/** The valence of word `i` (its own, an inflected form's, an elongation's, a hashtag's), added as an item. Returns it. */
function sentimentWord(a: TextAnalyzer, c: CompiledLexicon, i: number, wb: number, rec: number): number | undefined {
	const buf = a.tokens;
	const tokFlags = buf.flags[i];
	const elongated = (tokFlags & TokenFlag.Elongated) !== 0;
	let v = (wb & E_VALENCE) !== 0 ? c.values[(rec >>> REC_VALUE_SHIFT) & REC_VALUE_MASK] : undefined;
	if (v === undefined) v = formValence(a, c, i, wb, rec);
	if (v === undefined && elongated) {
		// 'soo' -> 'so', 'nooon' -> 'non'.
		const wk = keyOf(buf, a.keys, i);
		let single = '';
		for (let k = 0; k < wk.length; k++) if (k === 0 || wk[k] !== wk[k - 1]) single += wk[k];
		v = c.info.get(single)?.valence ?? lookupValence(c, single, a.partLens, a.partEndings);
	}
	let hashNegated = false;
	if (v === undefined && (tokFlags & TokenFlag.Hashtag) !== 0 && (buf.texts[i] !== '' ? buf.texts[i].length : buf.ends[i] - buf.starts[i]) >= 6) {
		const seg = hashtagSegment(a, c, i);
		if (seg) {
			v = seg.value;
			hashNegated = seg.negated;
		}
	}
	if (v !== undefined && v !== 0 && a.irrealisClause !== a.clause && (a.handleCount === 0 || !a.echoesHandle(keyOf(buf, a.keys, i)))) {
		addWordItem(a, c, i, wb, v, hashNegated);
	}
	return v;
}

/** The valence of word `i` as an inflected form of a sentiment word (`delays`), or undefined. */
function formValence(a: TextAnalyzer, c: CompiledLexicon, i: number, wb: number, rec: number): number | undefined {
	const buf = a.tokens;
	const keys = a.keys;
	if (c.inflected !== null && (buf.flags[i] & TokenFlag.Hashed) !== 0) {
		// Plain ASCII word (its own key): the precomputed forms (all 4+ letters) answer in
		// one probe, most often at the bit filter without reading the word. A known word has
		// its form valence in the main table already, and so has a word not cut out that is
		// a form (the scanner looked it up): E_INFLECTED in both cases.
		if (buf.ids[i] !== 0 || keys[i] === '') {
			return (wb & E_INFLECTED) !== 0 ? c.values[(rec >>> REC_VALUE_SHIFT) & REC_VALUE_MASK] : undefined;
		}
		const f = c.inflected.getHashed(keys[i], buf.hashes[i]);
		return f !== undefined ? f.valence : undefined;
	}
	const wk = keyOf(buf, keys, i);
	return wk.length >= 4 ? stemmedValence(c, wk, a.partLens, a.partEndings) : undefined;
}

/**
 * '#notcool' -> not + cool, '#badservice' -> bad, '#communicationfail' -> fail, memoised
 * per lexicon. The memo's look-up is written out here: a tag not cut out of the text is
 * compared in place, with the tokenizer's hash (no string made).
 */
function hashtagSegment(a: TextAnalyzer, c: CompiledLexicon, i: number): HashtagSegment {
	const buf = a.tokens;
	const memo = c.hashtags;
	const key = a.keys[i];
	const inPlace = key === '';
	const hash = inPlace ? buf.hashes[i] : hashWord(key);
	let p = HashtagCache.slot(hash);
	for (;;) {
		const t = memo.tags[p];
		if (t === '') return memo.add(c, inPlace ? buf.wordText(i) : key, hash, p);
		if (memo.hashes[p] === hash && (inPlace ? sliceIs(buf.chars, buf.starts[i], buf.ends[i], t) : t === key)) return memo.results[p];
		p = (p + 1) & 8191;
	}
}

/** The item of a sentiment word: boosted, capitals, elongation, negated or shifted. */
function addWordItem(a: TextAnalyzer, c: CompiledLexicon, i: number, wb: number, v: number, hashNegated: boolean): void {
	const buf = a.tokens;
	const tokFlags = buf.flags[i];
	let value = hashNegated ? v * NEGATE_POSITIVE : v;
	if (a.boost !== 0 && a.wordPos - a.boostPos <= BOOSTER_SCOPE) value *= 1 + a.boost;
	if ((tokFlags & TokenFlag.Caps) !== 0 && !a.shouting) value *= CAPS_FACTOR;
	if ((tokFlags & TokenFlag.Elongated) !== 0) value *= ELONGATION_FACTOR;
	let negated = false;
	if (a.lastNegatorClause === a.clause && a.wordPos - a.lastNegatorPos <= NEGATION_SCOPE) {
		value *= value > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
		negated = true;
		if (a.negatedItems < a.negators) a.negatedItems++;
		a.lastNegatorClause = -1;
	} else if (a.lastShifterClause === a.clause && a.wordPos - a.lastShifterPos <= SHIFT_SCOPE) {
		value *= value > 0 ? SHIFT_POSITIVE : SHIFT_NEGATIVE;
		negated = true;
		// 'la baisse du chômage': the shifter's own valence gives way to what it shifts when
		// they disagree ('résoudre les problèmes' keeps both).
		if (a.shifterItem >= 0 && a.itemValues[a.shifterItem] * value < 0) a.itemValues[a.shifterItem] = 0;
		a.lastShifterClause = -1;
	}
	const problem = (wb & E_PROBLEM) !== 0 && v < 0;
	// The word as written (lower-cased): a word not cut out found in a table is that
	// entry's key, so no string is made for it.
	const id = buf.ids[i];
	const w = buf.texts[i] !== '' ? buf.texts[i] : id !== 0 ? c.table.key(id) : buf.wordText(i);
	a.addItem(w, value, i, ((wb & E_COURTESY) !== 0 ? ITEM_COURTESY : 0) | (problem ? ITEM_PROBLEM : 0) | (negated ? ITEM_NEGATED : 0));
	if (problem && !negated) a.result.complaintTerms[a.complaintCount++] = w;
	a.lastWordItem = a.itemCount - 1;
	a.lastWordItemPos = a.wordPos;
	a.lastWordItemClause = a.clause;
}
