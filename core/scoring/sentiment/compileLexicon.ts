/**
 * The lexicon compiler: a language's word lists (lexicon/en.ts, lexicon/fr.ts) and the
 * crisis-theme vocabulary turned into what the token pass reads per word: one packed
 * hash table (`WordTable`) whose slot carries the word's record (`REC_*`), a flattened
 * phrase trie, the inflected forms precomputed, a bigram filter. Compiled once per
 * language and theme vocabulary (a memo of immutable data: compiling takes tens of ms).
 */
import type { ThemeCandidate, ThemeIndex } from '../themes';
import { HashtagCache } from './hashtags';
import type { SentimentLanguage } from './labels';
import { EMOTICONS } from './lexicon/emoji';
import { englishLexicon } from './lexicon/en';
import { frenchLexicon } from './lexicon/fr';
import type { LanguageLexicon } from './lexicon/types';
import { PhraseTrie } from './phraseTrie';
import { tokenizeOptions } from './tokenize';
import type { TokenizeOptions } from './tokenize';
import {
	bigramBit,
	E_INFLECTED,
	E_THEME_WORD,
	E_VALENCE,
	entryBits,
	PhraseNode,
	REC_BITS,
	REC_ROOT_MAX,
	REC_ROOT_SHIFT,
	REC_VALUE_MASK,
	REC_VALUE_SHIFT,
	WordInfo,
} from './wordInfo';
import { WordTable } from './wordTable';

export interface CompiledLexicon {
	lex: LanguageLexicon;
	info: Map<string, WordInfo>;
	/** The same entries as `info`, for the per-token look-ups. */
	table: WordTable;
	/** By table id: the booster strength (meaningful when the entry's bits say it has one). */
	boosterById: Float64Array;
	/** By table id: the theme terms starting with that word (undefined for most words). */
	themesById: Array<ThemeCandidate[] | undefined>;
	phrases: PhraseTrie;
	/**
	 * When the lexicon can list the inflections of a word (`inflect`): every word that is
	 * not itself a sentiment word but whose stem is (`delays`, `cancelled`), with that
	 * valence (`lookupValence` run once per form here), so a plain ASCII word costs one
	 * probe instead of a stemmer call and a probe per candidate. Any word not in it has no
	 * stemmed valence.
	 */
	inflected: WordTable | null;
	/** The distinct valences of the entries (and of their forms), indexed by their records. */
	values: Float64Array;
	/** Tokenizer options for this lexicon (its table resolves the words as they are scanned). */
	tokenize: TokenizeOptions;
	/**
	 * A bit per (first word id, second word id) of every expression and multi-word theme
	 * term (`bigramBit`; other pairs may share a bit): a word whose pair with the next
	 * word is clear starts none, and the token pass skips the look at the next words.
	 */
	bigrams: Int32Array;
	/** By table id: the one-word theme terms starting with that word (subset of `themesById`). */
	themeWordsById: Array<ThemeCandidate[] | undefined>;
	/** Memo of the hashtags segmented so far (see hashtags.ts). */
	hashtags: HashtagCache;
	/**
	 * Memo of `stemmedValence` for words the precomputed forms cannot answer (French, and words
	 * with accents): the stem valence, or null for none. Emptied at STEM_MEMO_MAX words.
	 */
	stemMemo: Map<string, number | null>;
	/** The last character of `lex.negatorSuffix` (-1: none or empty): most words are ruled out on it. */
	negatorLast: number;
	/** Whether `lex.negatorSuffix` has an apostrophe ("n't"): only words the tokenizer flagged as having one can end with it. */
	negatorNeedsApostrophe: boolean;
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

function entry(info: Map<string, WordInfo>, key: string): WordInfo {
	let e = info.get(key);
	if (!e) {
		e = new WordInfo();
		info.set(key, e);
	}
	return e;
}

/** Compiled lexicons by theme vocabulary and language (memo: each is built once, then only read). */
const compiled = new WeakMap<ThemeIndex, Partial<Record<SentimentLanguage, CompiledLexicon>>>();

/** The compiled lexicon of `language` with the theme vocabulary `themes`. */
export function lexiconFor(language: SentimentLanguage, themes: ThemeIndex): CompiledLexicon {
	let byLanguage = compiled.get(themes);
	if (byLanguage === undefined) {
		byLanguage = {};
		compiled.set(themes, byLanguage);
	}
	return (byLanguage[language] ??= compileLexicon(language, themes));
}

/** Every word's `WordInfo`: sentiment words, boosters, negators…, expressions (as a trie), theme terms. */
function wordEntries(lex: LanguageLexicon, themes: ThemeIndex): Map<string, WordInfo> {
	const info = new Map<string, WordInfo>();
	for (const [w, v] of lex.words) entry(info, w).valence = v;
	for (const [w, b] of lex.boosters) entry(info, w).booster = b;
	for (const w of lex.negators) entry(info, w).negator = true;
	for (const w of lex.contrast) entry(info, w).contrast = true;
	for (const [key, value] of lex.phrases) addPhrase(lex, info, key, value);
	for (const w of lex.courtesy) entry(info, w).courtesy = true;
	for (const w of lex.problemWords) entry(info, w).problem = true;
	for (const w of lex.sarcasmCues) entry(info, w).cue = true;
	if (lex.shifters !== undefined) for (const w of lex.shifters) entry(info, w).shifter = true;
	if (lex.irrealis !== undefined) for (const w of lex.irrealis) entry(info, w).irrealis = true;
	for (const [first, cands] of themes) {
		const e = entry(info, first);
		e.themes = (e.themes ?? []).concat(cands);
	}
	// The other words of theme terms get entries too (an entry with no property behaves
	// like an unknown word everywhere): the token pass compares a following word with a
	// term's next word by table id (see `bigrams`).
	for (const cands of themes.values()) for (const cand of cands) for (const w of cand.rest) entry(info, w);
	for (const e of info.values()) e.bits = entryBits(e);
	return info;
}

/** Adds one expression to the trie hanging from its first word's entry. */
function addPhrase(lex: LanguageLexicon, info: Map<string, WordInfo>, key: string, value: number): void {
	// English keeps "can't" whole; French splits elisions like the tokenizer does.
	const parts = lex.splitElisions ? phraseWords(key) : key.split(' ');
	const first = entry(info, parts[0]);
	first.phraseStart = true;
	if (!first.phrase) {
		first.phrase = new PhraseNode();
		first.phrase.next = new Map();
	}
	let node: PhraseNode = first.phrase;
	for (let k = 1; k < parts.length; k++) {
		// An entry with no property behaves like an unknown word everywhere else.
		const wi = entry(info, parts[k]);
		const level = node.next as Map<WordInfo, PhraseNode>;
		let next = level.get(wi);
		if (!next) {
			next = new PhraseNode();
			next.next = new Map();
			level.set(wi, next);
		}
		node = next;
	}
	node.value = value;
	node.term = key;
	node.hasNegator = parts.some((p) => lex.negators.has(p) || (lex.negatorSuffix !== null && p.endsWith(lex.negatorSuffix)));
}

function compileLexicon(language: SentimentLanguage, themes: ThemeIndex): CompiledLexicon {
	const lex = language === 'fr' ? frenchLexicon() : englishLexicon();
	const info = wordEntries(lex, themes);
	// Table ids follow the insertion order of `info` (see WordTable).
	const idOf = new Map<WordInfo, number>();
	for (const e of info.values()) idOf.set(e, idOf.size + 1);
	const boosterById = new Float64Array(info.size + 1);
	const themesById: Array<ThemeCandidate[] | undefined> = [undefined];
	const roots = new Map<number, PhraseNode>();
	for (const e of info.values()) {
		const id = idOf.get(e) as number;
		boosterById[id] = e.booster ?? 0;
		themesById.push(e.themes);
		if (e.phrase !== undefined) roots.set(id, e.phrase);
	}
	const { bigrams, themeWordsById } = bigramFilter(info, idOf);
	const c: CompiledLexicon = {
		lex,
		info,
		bigrams,
		themeWordsById,
		table: new WordTable(info),
		boosterById,
		themesById,
		phrases: new PhraseTrie(roots, idOf, info.size),
		inflected: null,
		values: new Float64Array(0),
		tokenize: tokenizeOptions(lex.splitElisions, EMOTICONS),
		hashtags: new HashtagCache(),
		stemMemo: new Map(),
		negatorLast: lex.negatorSuffix !== null && lex.negatorSuffix.length > 0 ? lex.negatorSuffix.charCodeAt(lex.negatorSuffix.length - 1) : -1,
		negatorNeedsApostrophe: lex.negatorSuffix !== null && lex.negatorSuffix.includes("'"),
	};
	if (lex.inflect !== undefined) addInflections(c, idOf);
	packRecords(c, language);
	c.table.normalize = lex.normalize;
	c.tokenize = tokenizeOptions(lex.splitElisions, EMOTICONS, c.table);
	return c;
}

/** Pairs (first word, next word) of expressions and of multi-word theme terms; the one-word theme terms by id. */
function bigramFilter(
	info: Map<string, WordInfo>,
	idOf: Map<WordInfo, number>,
): { bigrams: Int32Array; themeWordsById: Array<ThemeCandidate[] | undefined> } {
	const bigrams = new Int32Array(1 << 11);
	const addPair = (first: number, next: number): void => {
		const bit = bigramBit(first, next);
		bigrams[bit >>> 5] |= 1 << (bit & 31);
	};
	const themeWordsById: Array<ThemeCandidate[] | undefined> = [undefined];
	for (const e of info.values()) {
		const id = idOf.get(e) as number;
		let words: ThemeCandidate[] | undefined;
		for (const cand of e.themes ?? []) {
			if (cand.rest.length === 0) (words ??= []).push(cand);
			else addPair(id, idOf.get(info.get(cand.rest[0]) as WordInfo) as number);
		}
		themeWordsById.push(words);
		if (e.phrase?.next !== undefined) for (const wi of e.phrase.next.keys()) addPair(id, idOf.get(wi) as number);
	}
	return { bigrams, themeWordsById };
}

/** The inflected forms table (`CompiledLexicon.inflected`), and the form valence of known words without one. */
function addInflections(c: CompiledLexicon, idOf: Map<WordInfo, number>): void {
	const lex = c.lex;
	const info = c.info;
	const inflect = lex.inflect as (base: string) => Iterable<string>;
	const partLens = new Int32Array(32);
	const partEndings: string[] = new Array<string>(32).fill('');
	const forms = new Map<string, WordInfo>();
	// One shared entry per valence (the forms need nothing else): tens of thousands of
	// forms, a few hundred distinct values.
	const byValence = new Map<number, WordInfo>();
	for (const [base, e] of info) {
		if (e.valence === undefined) continue;
		for (const form of inflect(base)) {
			if (forms.has(form) || info.get(form)?.valence !== undefined) continue;
			const v = lookupValence(c, form, partLens, partEndings);
			if (v === undefined) continue;
			let f = byValence.get(v);
			if (f === undefined) {
				f = new WordInfo();
				f.valence = v;
				byValence.set(v, f);
			}
			forms.set(form, f);
		}
	}
	// Probed far less often than the main table: half full at most keeps it at 0.5 MB.
	const inflected = new WordTable(forms, 2);
	c.inflected = inflected;
	// Known words without a valence of their own: their form valence, once, here.
	const bitsById = c.table.bitsById;
	const valenceById = c.table.valenceById;
	for (const [key, e] of info) {
		if (e.valence !== undefined) continue;
		const f = inflected.get(key);
		if (f === undefined) continue;
		const id = idOf.get(e) as number;
		bitsById[id] |= E_INFLECTED;
		valenceById[id] = f.valence as number;
	}
}

/** The entry records (see REC_*), carried by the packed index, and those of the inflected forms. */
function packRecords(c: CompiledLexicon, language: SentimentLanguage): void {
	const values: number[] = [];
	const valueIndex = new Map<number, number>();
	const indexOf = (v: number): number => {
		let at = valueIndex.get(v);
		if (at === undefined) {
			at = values.length;
			values.push(v);
			valueIndex.set(v, at);
		}
		return at;
	};
	const tooLarge = (): Error => new Error(`sentiment lexicon '${language}' too large for its entry records`);
	const size = c.info.size;
	const recs = new Int32Array(size + 1);
	for (let id = 1; id <= size; id++) {
		const bits = c.table.bitsById[id];
		const value = (bits & (E_VALENCE | E_INFLECTED)) !== 0 ? indexOf(c.table.valenceById[id]) : 0;
		const root = c.phrases.rootById[id];
		const recBits = bits | (c.themeWordsById[id] !== undefined ? E_THEME_WORD : 0);
		if (recBits > REC_BITS || value > REC_VALUE_MASK || root > REC_ROOT_MAX) throw tooLarge();
		recs[id] = recBits | (value << REC_VALUE_SHIFT) | (root << REC_ROOT_SHIFT);
	}
	// The records of the inflected forms (see WordTable.forms).
	const inflected = c.inflected;
	if (inflected !== null) {
		const formRecs = new Int32Array(inflected.size + 1);
		for (let form = 1; form <= inflected.size; form++) {
			const at = indexOf(inflected.info(form).valence as number);
			if (at > REC_VALUE_MASK) throw tooLarge();
			formRecs[form] = E_INFLECTED | (at << REC_VALUE_SHIFT);
		}
		c.table.forms = inflected;
		c.table.formRecs = formRecs;
	}
	c.values = Float64Array.from(values);
	c.table.pack(recs);
}

/** Words the stem memo holds before it is emptied (a few MB at most; real text repeats its words). */
const STEM_MEMO_MAX = 50000;

/**
 * `lookupValence` through the lexicon's memo: a French form is stemmed once (up to twenty
 * candidate probes), then answered by one look-up. A memo of a pure function of immutable data.
 */
export function stemmedValence(c: CompiledLexicon, key: string, partLens: Int32Array, partEndings: string[]): number | undefined {
	const memo = c.stemMemo;
	const known = memo.get(key);
	if (known !== undefined) return known === null ? undefined : known;
	const v = lookupValence(c, key, partLens, partEndings);
	if (memo.size >= STEM_MEMO_MAX) memo.clear();
	memo.set(key, v === undefined ? null : v);
	return v;
}

/**
 * The valence of `key` through its stem candidates (`LanguageLexicon.stemParts`), or
 * undefined; `partLens` / `partEndings` are the caller's scratch.
 */
export function lookupValence(c: CompiledLexicon, key: string, partLens: Int32Array, partEndings: string[]): number | undefined {
	if (key.length < 4) return undefined;
	const parts = c.lex.stemParts(key, partLens, partEndings);
	for (let k = 0; k < parts; k++) {
		const e = c.table.getPart(key, partLens[k], partEndings[k]);
		if (e !== undefined && e.valence !== undefined) return e.valence;
	}
	return undefined;
}
