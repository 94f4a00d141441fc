/**
 * Rule-and-lexicon sentiment for English and French social-media text.
 *
 * One tokenizer pass, then one pass over the tokens with Map/Set look-ups:
 * multi-word expressions, word valences (with light suffix stripping), intensifiers and
 * softeners, negation within the clause, contrast ('but', 'mais'), capitals, elongation,
 * emoji and emoticons, exclamation marks. Lexicon options add, for French, negation of
 * whole expressions ("pas une bonne nouvelle"), a negator after the word ("j'aime pas")
 * and shifters ('réduire la pollution', 'moins efficace'). Two customer-traffic rules
 * follow: courtesy words ('thanks', 'merci') count little in a text that otherwise
 * complains, and praise next to a sarcasm cue and a problem ('great, another delay') is
 * read as negative.
 */
import type { SentimentLabel } from '../types';
import { EMOJI, EMOTICONS } from './lexicon/emoji';
import { englishLexicon } from './lexicon/en';
import { frenchLexicon, stripAccents } from './lexicon/fr';
import type { LanguageLexicon } from './lexicon/types';
import { hashWord, scanTokens, TokenBuffer, TokenFlag, TokenKind } from './tokenize';
import type { TokenizeOptions } from './tokenize';

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
	fr: { negative: -0.5, positive: 0.6, question: -0.3 },
};

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
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.4;
const COURTESY_IN_COMPLAINT = 0.2;
const COURTESY_IN_QUESTION = 0.4;
const EXASPERATION = -0.5;
const SARCASM_FACTOR = -0.8;
const EXCLAMATION_STEP = 0.25;
const MAX_PHRASE = 5;

const EN_TOKENIZE: TokenizeOptions = { splitElisions: false, emoticons: EMOTICONS };
const FR_TOKENIZE: TokenizeOptions = { splitElisions: true, emoticons: EMOTICONS };

/** A theme term whose first word was just seen: the words that must follow. */
export interface ThemeCandidate {
	theme: string;
	term: string;
	rest: string[];
}

/**
 * Everything known about one word, so each token costs one look-up. A class with every
 * field set, so all entries share one shape (property reads stay monomorphic).
 */
class WordInfo {
	valence: number | undefined = undefined;
	booster: number | undefined = undefined;
	negator = false;
	contrast = false;
	phraseStart = false;
	/** For the first word of expressions: the trie node after it. */
	phrase: PhraseNode | undefined = undefined;
	courtesy = false;
	problem = false;
	cue = false;
	/** Reverses the next sentiment word like a negation, as 'reduce' or 'fight against' do. */
	shifter = false;
	themes: ThemeCandidate[] | undefined = undefined;
	/** Which of the fields above are set (`E_*` bits), so the token pass tests one number. */
	bits = 0;
}

const E_THEMES = 1;
const E_PHRASE = 2;
const E_NEGATOR = 4;
const E_BOOSTER = 8;
const E_CONTRAST = 16;
const E_VALENCE = 32;
const E_COURTESY = 64;
const E_PROBLEM = 128;
const E_CUE = 256;
/** A problem word with a negative valence (the sarcasm rule's 'losing my bag'). */
const E_NEGATIVE_PROBLEM = 512;
const E_SHIFTER = 1024;

function entryBits(e: WordInfo): number {
	return (
		(e.themes !== undefined ? E_THEMES : 0) |
		(e.phraseStart ? E_PHRASE : 0) |
		(e.negator ? E_NEGATOR : 0) |
		(e.booster !== undefined ? E_BOOSTER : 0) |
		(e.contrast ? E_CONTRAST : 0) |
		(e.valence !== undefined ? E_VALENCE : 0) |
		(e.courtesy ? E_COURTESY : 0) |
		(e.problem ? E_PROBLEM : 0) |
		(e.cue ? E_CUE : 0) |
		(e.problem && (e.valence ?? 0) < 0 ? E_NEGATIVE_PROBLEM : 0) |
		(e.shifter ? E_SHIFTER : 0)
	);
}

/** Multi-word expressions as a trie over word entries (no string building while matching). */
class PhraseNode {
	/** Set when the path to this node is a whole expression. */
	value: number | undefined = undefined;
	term: string | undefined = undefined;
	/** Whether the expression holds a negator itself ('pas mal'): then negation leaves it alone. */
	hasNegator = false;
	/** Keyed by the next word's entry (every word of an expression has one). */
	next: Map<WordInfo, PhraseNode> | undefined = undefined;
	/** `next` keyed by the entries' ids in the word table (what the token pass has). */
	nextById: Map<number, PhraseNode> | undefined = undefined;
}

/** Fills `nextById` below `node` from `next` and the entries' table ids. */
function indexPhrases(node: PhraseNode, idOf: ReadonlyMap<WordInfo, number>): void {
	if (node.next === undefined) return;
	node.nextById = new Map();
	for (const [wi, child] of node.next) {
		node.nextById.set(idOf.get(wi) as number, child);
		indexPhrases(child, idOf);
	}
}

/**
 * Open-addressing hash table from word key to WordInfo, probed with the hash the
 * tokenizer computes while it scans the word (`hashWord`), so a look-up neither re-reads
 * nor re-hashes the key; most words are not in the lexicon and stop at an empty slot.
 */
class WordTable {
	/** Pairs (entry id + 1, hash); id 0 = empty slot. */
	private readonly slots: Int32Array;
	private readonly mask: number;
	private readonly shift: number;
	/** A bit per hash value bucket (8+ bits per entry, a few KB): most unknown words stop here (small, stays in cache). */
	private readonly filter: Int32Array;
	private readonly filterShift: number;
	private readonly keys: string[] = [];
	private readonly infos: WordInfo[] = [];
	/** By entry id (0 = no entry): the entry, and its `bits` (read without touching the entry). */
	readonly byId: Array<WordInfo | undefined> = [undefined];
	readonly bitsById: Uint16Array;
	/** By entry id: the valence (meaningful when the entry's bits say it has one). */
	readonly valenceById: Float64Array;

	/** `slotsPerEntry`: at least that many slots per entry (4: a quarter full at most). */
	constructor(entries: ReadonlyMap<string, WordInfo>, slotsPerEntry = 4) {
		let bits = 4;
		while (1 << bits < entries.size * slotsPerEntry) bits++;
		this.slots = new Int32Array(2 << bits);
		this.mask = (1 << bits) - 1;
		this.shift = 32 - bits;
		this.filter = new Int32Array(1 << (bits - 4));
		this.filterShift = 32 - (bits + 1);
		this.bitsById = new Uint16Array(entries.size + 1);
		this.valenceById = new Float64Array(entries.size + 1);
		for (const [key, info] of entries) {
			this.keys.push(key);
			this.infos.push(info);
			this.byId.push(info);
			this.bitsById[this.keys.length] = info.bits;
			this.valenceById[this.keys.length] = info.valence ?? 0;
			const hash = hashWord(key);
			const mixed = Math.imul(hash, 0x9e3779b1);
			const bit = mixed >>> this.filterShift;
			this.filter[bit >>> 5] |= 1 << (bit & 31);
			let p = mixed >>> this.shift;
			while (this.slots[2 * p] !== 0) p = (p + 1) & this.mask;
			this.slots[2 * p] = this.keys.length;
			this.slots[2 * p + 1] = hash;
		}
	}

	get(key: string): WordInfo | undefined {
		return this.getHashed(key, hashWord(key));
	}

	/** Look-up of `word.slice(0, len) + ending` without building that string. */
	getPart(word: string, len: number, ending: string): WordInfo | undefined {
		let hash = 0;
		for (let k = 0; k < len; k++) hash = (Math.imul(hash, 31) + word.charCodeAt(k)) | 0;
		for (let k = 0; k < ending.length; k++) hash = (Math.imul(hash, 31) + ending.charCodeAt(k)) | 0;
		const mixed = Math.imul(hash, 0x9e3779b1);
		const bit = mixed >>> this.filterShift;
		if ((this.filter[bit >>> 5] & (1 << (bit & 31))) === 0) return undefined;
		const slots = this.slots;
		const total = len + ending.length;
		let p = mixed >>> this.shift;
		for (;;) {
			const id = slots[2 * p];
			if (id === 0) return undefined;
			if (slots[2 * p + 1] === hash) {
				const key = this.keys[id - 1];
				if (key.length === total) {
					let k = 0;
					while (k < len && key.charCodeAt(k) === word.charCodeAt(k)) k++;
					while (k < total && key.charCodeAt(k) === ending.charCodeAt(k - len)) k++;
					if (k === total) return this.infos[id - 1];
				}
			}
			p = (p + 1) & this.mask;
		}
	}

	/** The entry id of `key` (0 if none). */
	id(key: string): number {
		return this.idHashed(key, hashWord(key));
	}

	/** `id` when `hash === hashWord(key)` is already known. */
	idHashed(key: string, hash: number): number {
		const mixed = Math.imul(hash, 0x9e3779b1);
		const bit = mixed >>> this.filterShift;
		if ((this.filter[bit >>> 5] & (1 << (bit & 31))) === 0) return 0;
		const slots = this.slots;
		let p = mixed >>> this.shift;
		for (;;) {
			const id = slots[2 * p];
			if (id === 0 || (slots[2 * p + 1] === hash && this.keys[id - 1] === key)) return id;
			p = (p + 1) & this.mask;
		}
	}

	/** Look-up when `hash === hashWord(key)` is already known. */
	getHashed(key: string, hash: number): WordInfo | undefined {
		const mixed = Math.imul(hash, 0x9e3779b1);
		const bit = mixed >>> this.filterShift;
		if ((this.filter[bit >>> 5] & (1 << (bit & 31))) === 0) return undefined;
		const slots = this.slots;
		let p = mixed >>> this.shift;
		for (;;) {
			const id = slots[2 * p];
			if (id === 0) return undefined;
			if (slots[2 * p + 1] === hash && this.keys[id - 1] === key) return this.infos[id - 1];
			p = (p + 1) & this.mask;
		}
	}
}

interface CompiledLexicon {
	lex: LanguageLexicon;
	info: Map<string, WordInfo>;
	/** The same entries as `info`, for the per-token look-ups. */
	table: WordTable;
	/**
	 * When the lexicon can list the inflections of a word (`inflect`): every word that is
	 * not itself a sentiment word but whose stem is (`delays`, `cancelled`), with that
	 * valence (`lookupValence` run once per form here), so a plain ASCII word costs one
	 * probe instead of a stemmer call and a probe per candidate. Any word not in it has no
	 * stemmed valence.
	 */
	inflected: WordTable | null;
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
		e = new WordInfo();
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
	for (const [key, value] of lex.phrases) {
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
	for (const w of lex.courtesy) entry(info, w).courtesy = true;
	for (const w of lex.problemWords) entry(info, w).problem = true;
	for (const w of lex.sarcasmCues) entry(info, w).cue = true;
	if (lex.shifters !== undefined) for (const w of lex.shifters) entry(info, w).shifter = true;
	if (themeIndexProvider) {
		for (const [first, cands] of themeIndexProvider()) {
			const e = entry(info, first);
			e.themes = (e.themes ?? []).concat(cands);
		}
	}
	for (const e of info.values()) e.bits = entryBits(e);
	const c: CompiledLexicon = { lex, info, table: new WordTable(info), inflected: null };
	const idOf = new Map<WordInfo, number>();
	for (const e of info.values()) idOf.set(e, idOf.size + 1);
	for (const e of info.values()) if (e.phrase !== undefined) indexPhrases(e.phrase, idOf);
	if (lex.inflect !== undefined) {
		const forms = new Map<string, WordInfo>();
		// One shared entry per valence (the forms need nothing else): tens of thousands of
		// forms, a few hundred distinct values.
		const byValence = new Map<number, WordInfo>();
		for (const [base, e] of info) {
			if (e.valence === undefined) continue;
			for (const form of lex.inflect(base)) {
				if (forms.has(form) || info.get(form)?.valence !== undefined) continue;
				const v = lookupValence(c, form);
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
		c.inflected = new WordTable(forms, 2);
	}
	compiled[language] = c;
	return c;
}

const stemScratch: string[] = new Array<string>(32).fill('');

const partLens = new Int32Array(32);
const partEndings: string[] = new Array<string>(32).fill('');

function lookupValence(c: CompiledLexicon, key: string): number | undefined {
	if (key.length < 4) return undefined;
	const stemParts = c.lex.stemParts;
	if (stemParts !== undefined) {
		const parts = stemParts(key, partLens, partEndings);
		for (let k = 0; k < parts; k++) {
			const e = c.table.getPart(key, partLens[k], partEndings[k]);
			if (e !== undefined && e.valence !== undefined) return e.valence;
		}
		return undefined;
	}
	const count = c.lex.stemInto(key, stemScratch);
	for (let k = 0; k < count; k++) {
		const e = c.table.get(stemScratch[k]);
		if (e !== undefined && e.valence !== undefined) return e.valence;
	}
	return undefined;
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
	const minHead = c.lex.hashtagMinHead;
	for (let k = tag.length - 3; k >= 3; k--) {
		const head = tag.slice(0, k);
		const hi = c.info.get(head);
		if (hi?.negator || (suffix !== null && head.endsWith(suffix))) {
			const tv = c.info.get(tag.slice(k))?.valence;
			if (tv !== undefined && tv !== 0) return { value: tv, negated: true };
			continue;
		}
		const longEnough = minHead !== undefined ? k >= minHead : k >= 4 || tag.length - k >= 5;
		if (longEnough && hi?.valence !== undefined && Math.abs(hi.valence) >= 1) return { value: hi.valence, negated: false };
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

/** Emoji valences by code point (the tokenizer keeps emoji as code points). */
const EMOJI_BY_CODE_POINT: ReadonlyMap<number, number> = (() => {
	const m = new Map<number, number>();
	for (const [e, v] of EMOJI) {
		const cp = e.codePointAt(0) as number;
		if (String.fromCodePoint(cp) === e) m.set(cp, v);
	}
	return m;
})();

const ITEM_COURTESY = 1;
const ITEM_PROBLEM = 2;
const ITEM_NEGATED = 4;

/**
 * Scratch state reused across calls (one analysis runs at a time: the code is synchronous
 * and never re-entered). Sentiment contributions ("items") are kept as parallel arrays.
 */
const tokenBuffer = new TokenBuffer(256);
let scratchKeys: string[] = new Array<string>(256).fill('');
/** Per token: the word's entry id in the compiled table (0 = none, and for other tokens). */
let scratchIds = new Int32Array(256);
let itemTerms: string[] = new Array<string>(256).fill('');
let itemValues = new Float64Array(256);
let itemAts = new Int32Array(256);
let itemFlags = new Uint8Array(256);
let itemOrder = new Int32Array(256);
let itemCount = 0;

function ensureScratch(tokens: number): void {
	if (scratchKeys.length < tokens) {
		scratchKeys = new Array<string>(tokens * 2).fill('');
		scratchIds = new Int32Array(tokens * 2);
	}
	// Items: at most one per token, plus 'negation' and '???'.
	const items = tokens + 2;
	if (itemValues.length < items) {
		itemTerms = new Array<string>(items * 2).fill('');
		itemValues = new Float64Array(items * 2);
		itemAts = new Int32Array(items * 2);
		itemFlags = new Uint8Array(items * 2);
		itemOrder = new Int32Array(items * 2);
	}
}

function addItem(term: string, value: number, at: number, flags: number): void {
	const k = itemCount;
	itemTerms[k] = term;
	itemValues[k] = value;
	itemAts[k] = at;
	itemFlags[k] = flags;
	itemCount = k + 1;
}

function addThemeTerm(themes: Map<string, string[]>, theme: string, term: string): Map<string, string[]> {
	const out = themes === NO_THEMES ? new Map<string, string[]>() : themes;
	const list = out.get(theme);
	if (!list) out.set(theme, [term]);
	else if (!list.includes(term)) list.push(term);
	return out;
}

function round3(x: number): number {
	return Math.round(x * 1000) / 1000;
}

/**
 * @internal One pass over the text for sentiment and, when `withThemes`, the crisis
 * vocabulary (so scoring a mention tokenizes once).
 */
export function analyzeText(text: string, language: SentimentLanguage, withThemes: boolean): TextAnalysis {
	const c = compile(language);
	const lex = c.lex;
	const info = c.info;
	const normalize = lex.normalize;
	const negatorSuffix = lex.negatorSuffix;
	// Last character of the suffix: most words are ruled out on it alone.
	const negatorLast = negatorSuffix !== null && negatorSuffix.length > 0 ? negatorSuffix.charCodeAt(negatorSuffix.length - 1) : -1;
	// A suffix with an apostrophe ("n't") can only end a word the tokenizer flagged as having one.
	const suffixNeedsApostrophe = negatorSuffix !== null && negatorSuffix.includes("'");
	const buf = tokenBuffer;
	scanTokens(text || '', lex.splitElisions ? FR_TOKENIZE : EN_TOKENIZE, buf);
	const n = buf.length;
	ensureScratch(n);
	const kinds = buf.kinds;
	const flags = buf.flags;
	const hashes = buf.hashes;
	const table = c.table;
	const inflected = c.inflected;
	const texts = buf.texts;
	const keys = normalize ? scratchKeys : texts;
	const ids = scratchIds;
	const byId = table.byId;
	const bitsById = table.bitsById;
	const valenceById = table.valenceById;
	itemCount = 0;

	let words = 0;
	let capsWords = 0;
	for (let i = 0; i < n; i++) {
		if (kinds[i] === TokenKind.Word) {
			words++;
			if ((flags[i] & TokenFlag.Caps) !== 0) capsWords++;
			if ((flags[i] & TokenFlag.Hashed) !== 0) {
				// Plain ASCII word: the tokenizer's hash is the key's hash (and accents are moot).
				const key = texts[i];
				if (normalize) keys[i] = key;
				ids[i] = table.idHashed(key, hashes[i]);
			} else {
				let key = texts[i];
				if (normalize) {
					key = normalize(key);
					keys[i] = key;
				}
				ids[i] = table.id(key);
			}
		} else {
			if (normalize) keys[i] = '';
			ids[i] = 0;
		}
	}
	const shouting = words > 0 && capsWords / words > 0.6;

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
	// The last word item (for negators placed after the word: "j'aime pas").
	let lastWordItem = -1;
	let lastWordItemPos = -100;
	let lastWordItemClause = -1;
	const negatePhrases = lex.negatePhrases === true;
	const postNegators = lex.postNegators;
	// The last shifter word ('réduire', 'moins') and its own contribution, if any.
	let lastShifterPos = -100;
	let lastShifterClause = -1;
	let shifterItem = -1;
	let questions = 0;
	let exasperated = false;

	for (let i = 0; i < n; i++) {
		const kind = kinds[i];
		if (kind !== TokenKind.Word) {
			if (kind === TokenKind.Break) {
				clause++;
				boost = 0;
			} else if (kind === TokenKind.Exclamation) {
				exclamations += buf.counts[i];
				clause++;
			} else if (kind === TokenKind.Question) {
				questions++;
				if (buf.counts[i] >= 3) exasperated = true;
				clause++;
			} else if (kind === TokenKind.Emoji) {
				const cp = buf.counts[i];
				const v = EMOJI_BY_CODE_POINT.get(cp);
				if (v !== undefined) addItem(String.fromCodePoint(cp), v, i, 0);
				lastWordItem = -1;
			} else {
				const v = EMOTICONS.get(texts[i]);
				if (v !== undefined) addItem(texts[i], v, i, 0);
			}
			continue;
		}
		const w = texts[i];
		const wk = keys[i];
		const id = ids[i];
		const tokFlags = flags[i];
		const wb = bitsById[id];

		if (wb !== 0) {
			const we = byId[id] as WordInfo;
			// Crisis vocabulary (first word known, check the words that follow).
			if (withThemes && (wb & E_THEMES) !== 0) {
				const cands = we.themes as ThemeCandidate[];
				for (let ci = 0; ci < cands.length; ci++) {
					const cand = cands[ci];
					const rest = cand.rest;
					let j = i + 1;
					let ok = true;
					for (let r = 0; r < rest.length; r++) {
						while (j < n && kinds[j] === TokenKind.Word && endsWithApostrophe(keys[j])) j++;
						if (j >= n || kinds[j] !== TokenKind.Word) {
							ok = false;
							break;
						}
						// Vocabulary words are accent-free: a plain ASCII word needs no stripping.
						const kj = keys[j];
						if (kj !== rest[r] && ((flags[j] & TokenFlag.Hashed) !== 0 || stripAccents(kj) !== rest[r])) {
							ok = false;
							break;
						}
						j++;
					}
					if (ok) themes = addThemeTerm(themes, cand.theme, cand.term);
				}
			}

			// Multi-word expressions first (longest match).
			if ((wb & E_PHRASE) !== 0) {
				let node = we.phrase;
				let best: PhraseNode | null = null;
				let bestEnd = i;
				for (let j = i + 1; node !== undefined && node.nextById !== undefined && j < n && j < i + MAX_PHRASE; j++) {
					if (kinds[j] !== TokenKind.Word) break;
					const idj = ids[j];
					node = idj !== 0 ? node.nextById.get(idj) : undefined;
					if (node !== undefined && node.value !== undefined) {
						best = node;
						bestEnd = j;
					}
				}
				if (best !== null) {
					const v = best.value as number;
					const term = best.term as string;
					let value = v;
					if (boost !== 0 && wordPos - boostPos <= BOOSTER_SCOPE) value *= 1 + boost;
					let negated = false;
					if (negatePhrases && !best.hasNegator && lastNegatorClause === clause && wordPos - lastNegatorPos <= NEGATION_SCOPE) {
						value *= value > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
						negated = true;
						if (negatedItems < negators) negatedItems++;
						lastNegatorClause = -1;
					}
					if (!negated && lastShifterClause === clause && wordPos - lastShifterPos <= SHIFT_SCOPE) {
						value *= value > 0 ? SHIFT_POSITIVE : SHIFT_NEGATIVE;
						negated = true;
						if (shifterItem >= 0 && itemValues[shifterItem] * value < 0) itemValues[shifterItem] = 0;
						lastShifterClause = -1;
					}
					const problem = v <= -1.5 && !negated;
					addItem(term, value, i, (problem ? ITEM_PROBLEM : 0) | (negated ? ITEM_NEGATED : 0));
					if (problem) complaintTerms.push(term);
					lastWordItem = -1;
					if (withThemes) {
						// Theme terms inside the phrase still count: let the loop see them.
						for (let j = i + 1; j <= bestEnd; j++) {
							const ij = byId[ids[j]];
							if (ij !== undefined && ij.themes !== undefined) {
								for (const cand of ij.themes) {
									if (cand.rest.length === 0) themes = addThemeTerm(themes, cand.theme, cand.term);
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
		}
		if (
			(wb & E_NEGATOR) !== 0 ||
			(negatorSuffix !== null &&
				(!suffixNeedsApostrophe || (tokFlags & TokenFlag.Apostrophe) !== 0) &&
				(negatorLast === -1 || w.charCodeAt(w.length - 1) === negatorLast) &&
				endsWithSuffix(w, negatorSuffix))
		) {
			if (
				postNegators !== undefined &&
				lastWordItem === itemCount - 1 &&
				lastWordItemClause === clause &&
				lastWordItemPos === wordPos - 1 &&
				postNegators.has(wk)
			) {
				// Right after a sentiment word: either the end of 'ne … pas' around it (already
				// applied) or spoken French without 'ne' ("j'aime pas"): negate that word.
				const k = lastWordItem;
				if ((itemFlags[k] & ITEM_NEGATED) === 0) {
					itemValues[k] *= itemValues[k] > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
					if ((itemFlags[k] & ITEM_PROBLEM) !== 0 && complaintTerms.length > 0 && complaintTerms[complaintTerms.length - 1] === itemTerms[k]) {
						complaintTerms.pop();
					}
					itemFlags[k] = (itemFlags[k] & ~ITEM_PROBLEM) | ITEM_NEGATED;
					negators++;
					negatedItems++;
				}
				lastWordItem = -1;
				wordPos++;
				continue;
			}
			// 'ne … pas' is one negation: count it once.
			if (!(lastNegatorClause === clause && wordPos - lastNegatorPos <= 2 && negatedItems < negators)) negators++;
			lastNegatorPos = wordPos;
			lastNegatorClause = clause;
			wordPos++;
			continue;
		}
		const b = (wb & E_BOOSTER) !== 0 ? (byId[id] as WordInfo).booster : undefined;
		if (b !== undefined) {
			boost += b;
			boostPos = wordPos;
			// Some intensifiers also carry sentiment ('seriously'): fall through only for them.
			if ((wb & E_VALENCE) === 0) {
				wordPos++;
				continue;
			}
		}
		if ((wb & E_CONTRAST) !== 0) {
			contrastAt = itemCount;
			clause++;
			wordPos++;
			continue;
		}
		const elongated = (tokFlags & TokenFlag.Elongated) !== 0;
		let v = (wb & E_VALENCE) !== 0 ? valenceById[id] : undefined;
		if (v === undefined) {
			if (inflected !== null && (tokFlags & TokenFlag.Hashed) !== 0) {
				// Plain ASCII word (its own key): the precomputed forms (all 4+ letters) answer
				// in one probe, most often at the bit filter without reading the word.
				const f = inflected.getHashed(wk, hashes[i]);
				if (f !== undefined) v = f.valence;
			} else if (wk.length >= 4) {
				v = lookupValence(c, wk);
			}
		}
		if (v === undefined && elongated) {
			// 'soo' -> 'so', 'nooon' -> 'non'.
			let single = '';
			for (let k = 0; k < wk.length; k++) if (k === 0 || wk[k] !== wk[k - 1]) single += wk[k];
			v = info.get(single)?.valence ?? lookupValence(c, single);
		}
		let hashNegated = false;
		if (v === undefined && (tokFlags & TokenFlag.Hashtag) !== 0 && w.length >= 6) {
			const seg = segmentHashtag(c, wk);
			if (seg) {
				v = seg.value;
				hashNegated = seg.negated;
			}
		}
		if (v !== undefined && v !== 0) {
			let value = hashNegated ? v * NEGATE_POSITIVE : v;
			if (boost !== 0 && wordPos - boostPos <= BOOSTER_SCOPE) value *= 1 + boost;
			if ((tokFlags & TokenFlag.Caps) !== 0 && !shouting) value *= CAPS_FACTOR;
			if (elongated) value *= ELONGATION_FACTOR;
			let negated = false;
			if (lastNegatorClause === clause && wordPos - lastNegatorPos <= NEGATION_SCOPE) {
				value *= value > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
				negated = true;
				if (negatedItems < negators) negatedItems++;
				lastNegatorClause = -1;
			} else if (lastShifterClause === clause && wordPos - lastShifterPos <= SHIFT_SCOPE) {
				value *= value > 0 ? SHIFT_POSITIVE : SHIFT_NEGATIVE;
				negated = true;
				// 'la baisse du chômage': the shifter's own valence gives way to what it shifts
				// when they disagree ('résoudre les problèmes' keeps both).
				if (shifterItem >= 0 && itemValues[shifterItem] * value < 0) itemValues[shifterItem] = 0;
				lastShifterClause = -1;
			}
			const problem = (wb & E_PROBLEM) !== 0 && v < 0;
			addItem(
				w,
				value,
				i,
				((wb & E_COURTESY) !== 0 ? ITEM_COURTESY : 0) | (problem ? ITEM_PROBLEM : 0) | (negated ? ITEM_NEGATED : 0),
			);
			if (problem && !negated) complaintTerms.push(w);
			lastWordItem = itemCount - 1;
			lastWordItemPos = wordPos;
			lastWordItemClause = clause;
		}
		if (b === undefined) boost = 0;
		if ((wb & E_SHIFTER) !== 0) {
			lastShifterPos = wordPos;
			lastShifterClause = clause;
			shifterItem = v !== undefined && v !== 0 && itemCount > 0 && itemAts[itemCount - 1] === i ? itemCount - 1 : -1;
		}
		wordPos++;
	}

	const values = itemValues;
	const ats = itemAts;
	const iflags = itemFlags;
	let count = itemCount;

	// Contrast: the clause after 'but' outweighs the one before it.
	if (contrastAt >= 0) {
		for (let k = 0; k < count; k++) values[k] *= k < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
	}

	// Sarcasm: praise next to a cue ('another', 'encore') with a problem after it.
	let sarcasm = false;
	for (let k = 0; k < count; k++) {
		if (values[k] < 1 || (iflags[k] & ITEM_NEGATED) !== 0) continue;
		const pos = ats[k];
		let cue = false;
		const lo = pos - 2 < 0 ? 0 : pos - 2;
		const hi = pos + 3 < n ? pos + 3 : n - 1;
		for (let j = lo; j <= hi; j++) {
			if (j !== pos && (bitsById[ids[j]] & E_CUE) !== 0) {
				cue = true;
				break;
			}
		}
		if (!cue) {
			// 'great job losing my bag': a problem right after the praise is sarcasm too.
			for (let j = pos + 1; j <= hi; j++) {
				if (kinds[j] !== TokenKind.Word) break;
				if ((bitsById[ids[j]] & E_NEGATIVE_PROBLEM) !== 0) cue = true;
			}
		}
		if (!cue) continue;
		let problem = false;
		for (let o = 0; o < count; o++) {
			const f = iflags[o];
			if (((f & ITEM_PROBLEM) !== 0 || (values[o] <= -1.2 && (f & ITEM_COURTESY) === 0)) && ats[o] > pos && ats[o] - pos <= 8) {
				problem = true;
				break;
			}
		}
		if (problem) {
			values[k] *= SARCASM_FACTOR;
			sarcasm = true;
		}
	}

	// '… awesome service. NOT!': a lone trailing negator reverses the praise before it.
	if (lex.trailingNot !== null) {
		let last = n - 1;
		while (last >= 0 && kinds[last] !== TokenKind.Word) last--;
		if (last > 0 && texts[last] === lex.trailingNot && kinds[last - 1] !== TokenKind.Word) {
			for (let k = 0; k < count; k++) if (values[k] > 0) values[k] *= SARCASM_FACTOR;
			sarcasm = true;
		}
	}

	// Questions: 'thanks' / 'please' around a question are courtesy, not praise.
	if (questions > 0) {
		for (let k = 0; k < count; k++) if ((iflags[k] & ITEM_COURTESY) !== 0 && values[k] > 0) values[k] *= COURTESY_IN_QUESTION;
	}

	// Courtesy: 'thanks' / 'merci' weigh little when the text otherwise complains.
	let negativeOther = 0;
	for (let k = 0; k < count; k++) if ((iflags[k] & ITEM_COURTESY) === 0 && values[k] < 0) negativeOther += values[k];
	if (negativeOther <= -1.5) {
		for (let k = 0; k < count; k++) if ((iflags[k] & ITEM_COURTESY) !== 0 && values[k] > 0) values[k] *= COURTESY_IN_COMPLAINT;
	}

	const bare = Math.min(Math.max(0, negators - negatedItems), 2);
	if (bare > 0 && lex.bareNegation !== 0) addItem('negation', bare * lex.bareNegation, -1, 0);
	if (exasperated) addItem('???', EXASPERATION, -1, 0);
	count = itemCount;

	let positive = 0;
	let negative = 0;
	for (let k = 0; k < count; k++) {
		const v = values[k];
		if (v > 0) positive += v;
		else negative += v;
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

	// Hits: the strongest contributions (|value| >= 0.05), strongest first, ties in text
	// order (a stable insertion sort over item indices), at most 6.
	const hits: SentimentHit[] = [];
	if (count > 0) {
		const order = itemOrder;
		let strong = 0;
		for (let k = 0; k < count; k++) {
			const v = values[k];
			if (!(v >= 0.05 || v <= -0.05)) continue;
			const a = Math.abs(v);
			let p = strong;
			while (p > 0 && Math.abs(values[order[p - 1]]) < a) {
				order[p] = order[p - 1];
				p--;
			}
			order[p] = k;
			strong++;
		}
		const top = strong > 6 ? 6 : strong;
		for (let p = 0; p < top; p++) {
			const k = order[p];
			hits.push({ term: itemTerms[k], weight: Math.round(values[k] * 100) / 100 });
		}
	}

	// Complaint terms, each once, in order of appearance.
	let complaints = complaintTerms;
	if (complaintTerms.length > 1) {
		complaints = [];
		for (const t of complaintTerms) if (!complaints.includes(t)) complaints.push(t);
	}

	return {
		sentiment: {
			label,
			score: round3(score),
			raw: round3(raw),
			positive: round3(positive),
			negative: round3(negative),
			hits,
			complaintTerms: complaints,
			sarcasm,
			language,
		},
		themes,
	};
}
