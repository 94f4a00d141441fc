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
import type { TokenizeOptions, WordResolver } from './tokenize';

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
 * Symmetric thresholds on the raw sum: a text is negative at -polar or below, positive at
 * +polar or above, neutral in between. `question` widens the neutral band on both sides
 * for texts that ask a question (and do not exclaim): people asking something are neutral
 * unless they clearly complain or praise. See docs/scoring-mentions.md for how the band
 * was calibrated (on the error-analysis splits only, never on the check sets).
 */
const THRESHOLDS: Record<SentimentLanguage, { polar: number; question: number }> = {
	en: { polar: 1.5, question: 0.5 },
	fr: { polar: 0.5, question: 0 },
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
/** VADER's exclamation emphasis: 0.292 per mark, up to 4 (Hutto & Gilbert 2014). */
const EXCLAMATION_STEP = 0.292;
const EXCLAMATION_MAX = 4;
const MAX_PHRASE = 5;
const NEGATIVE_WEIGHT = 1.5;

/** A theme term whose first word was just seen: the words that must follow. */
export interface ThemeCandidate {
	theme: string;
	/** The theme's position in the vocabulary (what `ThemeFinds` records). */
	index: number;
	term: string;
	rest: string[];
}

/**
 * The crisis-theme terms found by the last `analyzeText` pass: one reused scratch (the
 * code is synchronous), valid until the next pass. Themes are listed in the order first
 * found; `terms[index]` holds each theme's terms, each once, in the order found.
 */
export class ThemeFinds {
	/** How many themes were found. */
	count = 0;
	/** Theme indices, in the order first found (the first `count` are meaningful). */
	order = new Int32Array(32);
	/** By theme index: the terms found (empty for themes not found). */
	readonly terms: string[][] = [];

	reset(): void {
		for (let k = 0; k < this.count; k++) this.terms[this.order[k]].length = 0;
		this.count = 0;
	}

	add(index: number, term: string): void {
		let list = this.terms[index];
		if (list === undefined) {
			while (this.terms.length <= index) this.terms.push([]);
			list = this.terms[index];
		}
		if (list.length === 0) {
			if (this.count === this.order.length) {
				const grown = new Int32Array(this.order.length * 2);
				grown.set(this.order);
				this.order = grown;
			}
			this.order[this.count++] = index;
			list.push(term);
		} else if (!list.includes(term)) {
			list.push(term);
		}
	}
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
	/** Opens an irrealis context ('would', 'if', 'any'): sentiment after it in the clause is not asserted. */
	irrealis = false;
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
/**
 * Not a sentiment word itself, but one of the precomputed inflected forms (`delays`):
 * `valenceById` holds that form's valence, so a known word never probes the form table.
 */
const E_INFLECTED = 1024;
/** Starts a one-word crisis-theme term ('cancelled'), which needs no look at the next word. */
const E_THEME_WORD = 2048;
/** Reverses the next sentiment word like a negation ('réduire', 'moins'; French only). */
const E_SHIFTER = 4096;
/** Opens an irrealis context for the rest of the clause (English 'would', 'if', 'any'). */
const E_IRREALIS = 8192;

/**
 * An entry's record: what the token pass needs of it, in one number carried by the
 * table's packed index. Bits 0-13: its `E_*` bits; 14-21: the index of its valence (or
 * form valence) in `CompiledLexicon.values`; 22-31: its phrase trie root (0 = none).
 */
const REC_BITS = 0x3fff;
const REC_VALUE_SHIFT = 14;
const REC_VALUE_MASK = 0xff;
const REC_ROOT_SHIFT = 22;
const REC_ROOT_MAX = 0x3ff;

/** Bit of the pair (first word id, next word id) in `CompiledLexicon.bigrams`. */
function bigramBit(first: number, next: number): number {
	return Math.imul(Math.imul(first, 0x9e3779b1) ^ next, 0x85ebca6b) >>> 16;
}

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
		(e.shifter ? E_SHIFTER : 0) |
		(e.irrealis ? E_IRREALIS : 0)
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
}

/**
 * The expression trie flattened for the token pass: nodes are numbers (0 = none), and the
 * edges (node, next word's table id) -> child sit in one open-addressing Int32Array, so
 * following a word is one probe in a small array instead of a Map look-up.
 */
class PhraseTrie {
	/** By node: the expression ending there (undefined if none) and its valence. */
	readonly terms: Array<string | undefined> = [undefined];
	readonly values: number[] = [0];
	/** By node: whether its expression holds a negator itself ('pas mal'). */
	readonly hasNegator: boolean[] = [false];
	/** By word table id: the node after that word as the first word of an expression (0 = none). */
	readonly rootById: Int32Array;
	/** Triples (node, word id, child); node 0 = empty slot. */
	private readonly slots: Int32Array;
	private readonly mask: number;

	constructor(roots: ReadonlyMap<number, PhraseNode>, idOf: ReadonlyMap<WordInfo, number>, ids: number) {
		this.rootById = new Int32Array(ids + 1);
		const edges: number[] = [];
		const add = (node: PhraseNode): number => {
			const at = this.terms.length;
			this.terms.push(node.term);
			this.values.push(node.value ?? 0);
			this.hasNegator.push(node.hasNegator);
			if (node.next !== undefined) {
				for (const [wi, child] of node.next) edges.push(at, idOf.get(wi) as number, add(child));
			}
			return at;
		};
		for (const [id, root] of roots) this.rootById[id] = add(root);
		let bits = 4;
		while (1 << bits < (edges.length / 3) * 4) bits++;
		this.mask = (1 << bits) - 1;
		this.slots = new Int32Array(3 << bits);
		for (let k = 0; k < edges.length; k += 3) {
			let p = PhraseTrie.slot(edges[k], edges[k + 1]) & this.mask;
			while (this.slots[3 * p] !== 0) p = (p + 1) & this.mask;
			this.slots[3 * p] = edges[k];
			this.slots[3 * p + 1] = edges[k + 1];
			this.slots[3 * p + 2] = edges[k + 2];
		}
	}

	private static slot(node: number, id: number): number {
		return Math.imul(Math.imul(node, 0x9e3779b1) ^ id, 0x85ebca6b) >>> 16;
	}

	/** The node after `node` when the next word has table id `id` (0 = no such expression). */
	child(node: number, id: number): number {
		const slots = this.slots;
		let p = PhraseTrie.slot(node, id) & this.mask;
		for (;;) {
			const at = slots[3 * p];
			if (at === 0) return 0;
			if (at === node && slots[3 * p + 1] === id) return slots[3 * p + 2];
			p = (p + 1) & this.mask;
		}
	}
}

/**
 * Open-addressing hash table from word key to WordInfo, probed with the hash the
 * tokenizer computes while it scans the word (`hashWord`), so a look-up neither re-reads
 * nor re-hashes the key; most words are not in the lexicon and stop at an empty slot.
 * (Slots are indexed `p << 1` / `q << 2`, not `2 * p`: a slot number comes from `>>>`,
 * and the shift keeps the index a small integer for the engine, a product would not.)
 */
class WordTable implements WordResolver {
	/** Pairs (entry id + 1, hash); id 0 = empty slot. */
	private readonly slots: Int32Array;
	private readonly mask: number;
	private readonly shift: number;
	/** A bit per hash value bucket (8+ bits per entry, a few KB): most unknown words stop here (small, stays in cache). */
	private readonly filter: Int32Array;
	private readonly filterShift: number;
	private readonly keys: string[] = [];
	private readonly infos: WordInfo[] = [];
	/** By entry id (0 = no entry): the entry's `bits` (read without touching the entry). */
	readonly bitsById: Uint16Array;
	/** By entry id: the valence (meaningful when the entry's bits say it has one). */
	readonly valenceById: Float64Array;
	/**
	 * Optional second index for `resolvePlain`, the per-word look-up (built by
	 * `pack`): slots of 4 (entry id | length code << 24, characters 0-3, characters 4-7 one
	 * byte each and zero-padded, the entry's record), at most half full. The length code is
	 * the key length up to 8, and 9 for longer keys. A key of up to 8 characters is checked
	 * on the slot alone, and the slot carries what the token pass needs of the entry, so a
	 * word found costs one cache line: no trip to a key string somewhere in the heap, nor
	 * to per-entry arrays. Only keys whose first 8 characters are ASCII are in it (these
	 * look-ups are for ASCII words only).
	 */
	private packed = new Int32Array(0);
	private packedMask = 0;
	private packedShift = 32;
	/** By entry id: its record (`pack`), 0 until packed. */
	recById: Int32Array;
	/**
	 * By ASCII code: 1 if some key ends with that character (index 128: some key ends with
	 * a non-ASCII one). A word ending otherwise is in no key: `couldEndWith` rules it out
	 * without a probe.
	 */
	private readonly lastChars = new Uint8Array(129);

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
		this.recById = new Int32Array(entries.size + 1);
		for (const [key, info] of entries) {
			if (key.length > 0) {
				const last = key.charCodeAt(key.length - 1);
				this.lastChars[last < 128 ? last : 128] = 1;
			}
			this.keys.push(key);
			this.infos.push(info);
			this.bitsById[this.keys.length] = info.bits;
			this.valenceById[this.keys.length] = info.valence ?? 0;
			const hash = hashWord(key);
			const mixed = Math.imul(hash, 0x9e3779b1);
			const bit = mixed >>> this.filterShift;
			this.filter[bit >>> 5] |= 1 << (bit & 31);
			let p = mixed >>> this.shift;
			while (this.slots[p << 1] !== 0) p = (p + 1) & this.mask;
			this.slots[p << 1] = this.keys.length;
			this.slots[(p << 1) + 1] = hash;
		}
	}

	/** Builds the packed index, each slot carrying `recs[id]` (which becomes `recById`). */
	pack(recs: Int32Array): void {
		this.recById = recs;
		let bits = 4;
		while (1 << bits < this.keys.length * 2) bits++;
		this.packed = new Int32Array(4 << bits);
		this.packedMask = (1 << bits) - 1;
		this.packedShift = 32 - bits;
		for (let id = 1; id <= this.keys.length; id++) {
			const key = this.keys[id - 1];
			let ascii = true;
			for (let k = 0; k < key.length && k < 8; k++) if (key.charCodeAt(k) > 127) ascii = false;
			if (!ascii || key.length === 0) continue;
			let p = Math.imul(hashWord(key), 0x9e3779b1) >>> this.packedShift;
			while (this.packed[p << 2] !== 0) p = (p + 1) & this.packedMask;
			this.packed[p << 2] = id | ((key.length > 8 ? 9 : key.length) << 24);
			this.packed[(p << 2) + 1] = packKey(key, 0);
			this.packed[(p << 2) + 2] = packKey(key, 4);
			this.packed[(p << 2) + 3] = recs[id];
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
			const id = slots[p << 1];
			if (id === 0) return undefined;
			if (slots[(p << 1) + 1] === hash) {
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

	/**
	 * `idHashed` for the ASCII word whose codes are `src[start]` to `src[end - 1]`,
	 * compared in place (no string cut out); `hash` is that word's `hashWord`. (The
	 * packed index has its own probe, in `resolvePlain`.)
	 */
	idAt(src: Uint8Array, start: number, end: number, hash: number): number {
		const mixed = Math.imul(hash, 0x9e3779b1);
		const bit = mixed >>> this.filterShift;
		if ((this.filter[bit >>> 5] & (1 << (bit & 31))) === 0) return 0;
		const len = end - start;
		const slots = this.slots;
		let p = mixed >>> this.shift;
		for (;;) {
			const id = slots[p << 1];
			if (id === 0) return 0;
			if (slots[(p << 1) + 1] === hash) {
				const key = this.keys[id - 1];
				if (key.length === len && sameChars(key, src, start)) return id;
			}
			p = (p + 1) & this.mask;
		}
	}

	/** Whether some key ends with the ASCII character `code` (false: no key is a word ending so). */
	couldEndWith(code: number): boolean {
		return this.lastChars[code] === 1;
	}

	/** How many entries. */
	get size(): number {
		return this.keys.length;
	}

	/** The key of entry `id` (> 0). */
	key(id: number): string {
		return this.keys[id - 1];
	}

	/** The entry with id `id` (> 0). */
	info(id: number): WordInfo {
		return this.infos[id - 1];
	}

	/** The lexicon's key normaliser, if any (`resolvePlain` / `resolveText` fill `TokenBuffer.keys` then). */
	normalize: ((word: string) => string) | undefined = undefined;
	/**
	 * The inflected forms' table (see `CompiledLexicon.inflected`), and by form id the
	 * record a word found there gets from `resolvePlain` (E_INFLECTED and the form's valence;
	 * its table id stays 0: a form is not an entry of this table).
	 */
	forms: WordTable | null = null;
	formRecs = new Int32Array(0);

	/**
	 * `WordResolver.resolvePlain`, run by the scanner for every plain word of every text:
	 * the packed probe of `idAt` written out, with the word's first 4 and next 4 bytes read
	 * at once (masked to its length), and the record taken from the slot.
	 */
	resolvePlain(buf: TokenBuffer, at: number, start: number, end: number, hash: number): void {
		// Plain ASCII word: the tokenizer's hash is the key's hash (and accents are moot).
		if (this.normalize !== undefined) buf.keys[at] = '';
		let id = 0;
		let rec = 0;
		const mixed = Math.imul(hash, 0x9e3779b1);
		const bit = mixed >>> this.filterShift;
		if ((this.filter[bit >>> 5] & (1 << (bit & 31))) !== 0) {
			const q = this.packedSlot(buf, start, end, mixed);
			if (q >= 0) {
				id = this.packed[q << 2] & 0xffffff;
				rec = this.packed[(q << 2) + 3];
			}
		}
		// Not an entry: maybe an inflected form.
		if (id === 0 && this.forms !== null) rec = this.formRecord(buf.chars, start, end, hash);
		buf.ids[at] = id;
		buf.recs[at] = rec;
	}

	/**
	 * The packed slot of the plain word at `buf.chars[start]` to `[end - 1]` (`mixed`: its
	 * mixed hash), or -1. (Kept out of `resolvePlain` so that the engine inlines that one
	 * into the scanner: it inlines small functions only.)
	 */
	private packedSlot(buf: TokenBuffer, start: number, end: number, mixed: number): number {
		const packed = this.packed;
		const view = buf.view;
		const len = end - start;
		const code = len > 8 ? 9 : len;
		const c0 = view.getInt32(start, true) & LOW_BYTES[len < 4 ? len : 4];
		const c1 = len > 4 ? view.getInt32(start + 4, true) & LOW_BYTES[len < 8 ? len - 4 : 4] : 0;
		let q = mixed >>> this.packedShift;
		for (;;) {
			const head = packed[q << 2];
			if (head === 0) return -1;
			if (packed[(q << 2) + 1] === c0 && packed[(q << 2) + 2] === c1 && head >>> 24 === code) {
				if (code !== 9) return q;
				const key = this.keys[(head & 0xffffff) - 1];
				if (key.length === len && sameChars(key, buf.chars, start)) return q;
			}
			q = (q + 1) & this.packedMask;
		}
	}

	/**
	 * The record of the plain word `src[start]` to `src[end - 1]` if it is an inflected
	 * form (see `forms`), else 0; most words are ruled out on their last letter. (Apart
	 * from `resolvePlain`, like `packedSlot`.)
	 */
	private formRecord(src: Uint8Array, start: number, end: number, hash: number): number {
		const forms = this.forms as WordTable;
		if (!forms.couldEndWith(src[end - 1])) return 0;
		const form = forms.idAt(src, start, end, hash);
		return form !== 0 ? this.formRecs[form] : 0;
	}

	/** `WordResolver.resolveText`: a word cut out as a string. */
	resolveText(buf: TokenBuffer, at: number, text: string, hashed: boolean, hash: number): void {
		let id: number;
		if (hashed) {
			// Plain ASCII word: the tokenizer's hash is the key's hash (and accents are moot).
			if (this.normalize !== undefined) buf.keys[at] = text;
			id = this.idHashed(text, hash);
		} else {
			let key = text;
			if (this.normalize !== undefined) {
				key = this.normalize(key);
				buf.keys[at] = key;
			}
			id = this.id(key);
		}
		buf.ids[at] = id;
		buf.recs[at] = this.recById[id];
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
			const id = slots[p << 1];
			if (id === 0 || (slots[(p << 1) + 1] === hash && this.keys[id - 1] === key)) return id;
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
			const id = slots[p << 1];
			if (id === 0) return undefined;
			if (slots[(p << 1) + 1] === hash && this.keys[id - 1] === key) return this.infos[id - 1];
			p = (p + 1) & this.mask;
		}
	}
}

/**
 * Characters `from` to `from + 3` of `key` (ASCII), one byte each, the first in the low
 * byte, zero past the end: what `resolvePlain` reads (masked) for the same characters.
 */
function packKey(key: string, from: number): number {
	let packed = 0;
	const to = from + 4 < key.length ? from + 4 : key.length;
	for (let k = from; k < to; k++) packed |= key.charCodeAt(k) << (8 * (k - from));
	return packed;
}

/** By byte count (0-4): the mask keeping that many low bytes. */
const LOW_BYTES = new Int32Array([0, 0xff, 0xffff, 0xffffff, -1]);

/** Whether the bytes from `start` on are the character codes of `key`. */
function sameChars(key: string, src: Uint8Array, start: number): boolean {
	for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== src[start + k]) return false;
	return true;
}

/** Whether the word at `src[start]` to `src[end - 1]` is `s`. */
function sliceIs(src: Uint8Array, start: number, end: number, s: string): boolean {
	return s.length === end - start && sameChars(s, src, start);
}

interface CompiledLexicon {
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
	if (lex.irrealis !== undefined) for (const w of lex.irrealis) entry(info, w).irrealis = true;
	if (themeIndexProvider) {
		const themeIndex = themeIndexProvider();
		for (const [first, cands] of themeIndex) {
			const e = entry(info, first);
			e.themes = (e.themes ?? []).concat(cands);
		}
		// The other words of theme terms get entries too (an entry with no property behaves
		// like an unknown word everywhere): the token pass compares a following word with a
		// term's next word by table id (see `bigrams`).
		for (const cands of themeIndex.values()) for (const cand of cands) for (const w of cand.rest) entry(info, w);
	}
	for (const e of info.values()) e.bits = entryBits(e);
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
	// Pairs (first word, next word) of expressions and of multi-word theme terms.
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
		tokenize: { splitElisions: lex.splitElisions, emoticons: EMOTICONS },
	};
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
	// Entry records (see REC_*), carried by the packed index.
	const values: number[] = [];
	const valueIndex = new Map<number, number>();
	const recs = new Int32Array(info.size + 1);
	for (let id = 1; id <= info.size; id++) {
		const bits = c.table.bitsById[id];
		let value = 0;
		if ((bits & (E_VALENCE | E_INFLECTED)) !== 0) {
			const v = c.table.valenceById[id];
			let at = valueIndex.get(v);
			if (at === undefined) {
				at = values.length;
				values.push(v);
				valueIndex.set(v, at);
			}
			value = at;
		}
		const root = c.phrases.rootById[id];
		const themeWords = c.themeWordsById[id];
		const recBits = bits | (themeWords !== undefined ? E_THEME_WORD : 0);
		if (recBits > REC_BITS || value > REC_VALUE_MASK || root > REC_ROOT_MAX) {
			throw new Error(`sentiment lexicon '${language}' too large for its entry records`);
		}
		recs[id] = recBits | (value << REC_VALUE_SHIFT) | (root << REC_ROOT_SHIFT);
	}
	// The records of the inflected forms (see WordTable.forms).
	const inflected = c.inflected;
	if (inflected !== null) {
		const formRecs = new Int32Array(inflected.size + 1);
		for (let form = 1; form <= inflected.size; form++) {
			const v = inflected.info(form).valence as number;
			let at = valueIndex.get(v);
			if (at === undefined) {
				at = values.length;
				values.push(v);
				valueIndex.set(v, at);
			}
			if (at > REC_VALUE_MASK) throw new Error(`sentiment lexicon '${language}' too large for its entry records`);
			formRecs[form] = E_INFLECTED | (at << REC_VALUE_SHIFT);
		}
		c.table.forms = inflected;
		c.table.formRecs = formRecs;
	}
	c.values = Float64Array.from(values);
	c.table.pack(recs);
	c.table.normalize = lex.normalize;
	c.tokenize = { splitElisions: lex.splitElisions, emoticons: EMOTICONS, resolver: c.table };
	compiled[language] = c;
	return c;
}

const partLens = new Int32Array(32);
const partEndings: string[] = new Array<string>(32).fill('');

function lookupValence(c: CompiledLexicon, key: string): number | undefined {
	if (key.length < 4) return undefined;
	const parts = c.lex.stemParts(key, partLens, partEndings);
	for (let k = 0; k < parts; k++) {
		const e = c.table.getPart(key, partLens[k], partEndings[k]);
		if (e !== undefined && e.valence !== undefined) return e.valence;
	}
	return undefined;
}

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
function wordIs(buf: TokenBuffer, i: number, s: string): boolean {
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

type HashtagSegment = { value: number; negated: boolean } | null;

/**
 * Memo of `segmentHashtagUncached` per language, an open-addressing table keyed by the
 * tag's `hashWord`, so a tag not cut out of the text is found by comparing its bytes in
 * place (no string made, no string hashing). Emptied when 4,096 tags are in it. The
 * look-up is written out in the token pass (see there); `add` stores a new result.
 */
class HashtagCache {
	readonly hashes = new Int32Array(8192);
	/** '' = empty slot. */
	readonly tags: string[] = new Array<string>(8192).fill('');
	readonly results: HashtagSegment[] = new Array<HashtagSegment>(8192).fill(null);
	private size = 0;

	/** The first slot to probe for `hash`. */
	static slot(hash: number): number {
		return Math.imul(hash, 0x9e3779b1) >>> 19;
	}

	/** Segments `tag` (hash `hash`, not in the table: `p` is the empty slot its probe ended at) and stores the result. */
	add(c: CompiledLexicon, tag: string, hash: number, p: number): HashtagSegment {
		const result = segmentHashtagUncached(c, tag);
		if (this.size >= 4096) {
			this.tags.fill('');
			this.size = 0;
			p = HashtagCache.slot(hash);
		}
		this.hashes[p] = hash;
		this.tags[p] = tag;
		this.results[p] = result;
		this.size++;
		return result;
	}
}

const hashtagCacheEn = new HashtagCache();
const hashtagCacheFr = new HashtagCache();

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

/**
 * Result of the internal pass: what `SentimentAnalysis` holds, plus the crisis-theme terms
 * seen. One reused object (the code is synchronous): valid until the next pass, so the
 * per-mention scoring reads what it needs without a result object, hit objects or term
 * arrays being made for it; `analyzeSentiment` copies it into a `SentimentAnalysis`.
 */
export class TextAnalysis {
	label: SentimentLabel = 'neutral';
	/** Rounded to 3 decimals, like `SentimentAnalysis`. */
	score = 0;
	raw = 0;
	positive = 0;
	negative = 0;
	sarcasm = false;
	/** Whether the text asks a question without exclaiming (the neutral band is wider then). */
	asking = false;
	language: SentimentLanguage = 'en';
	/** The hits (see `SentimentAnalysis.hits`): the first `hitCount` entries. */
	hitCount = 0;
	readonly hitTerms: string[] = ['', '', '', '', '', ''];
	readonly hitWeights = new Float64Array(6);
	/** The complaint terms, each once (see `SentimentAnalysis.complaintTerms`): the first `complaintCount`. */
	complaintCount = 0;
	complaintTerms: string[] = [];
	/** The themes found, with their terms (in vocabulary spelling). */
	readonly themes: ThemeFinds;

	constructor(themes: ThemeFinds) {
		this.themes = themes;
	}
}

/** The label for a raw sum: symmetric band ±polar, widened by `question` for a text that asks. */
function labelFor(raw: number, asking: boolean, polar: number, question: number): SentimentLabel {
	const band = asking ? polar + question : polar;
	return raw <= -band ? 'negative' : raw >= band ? 'positive' : 'neutral';
}

/** The built-in neutral band of a language (see THRESHOLDS). */
export function sentimentThresholds(language: SentimentLanguage): { polar: number; question: number } {
	return { ...THRESHOLDS[language] };
}

export interface SentimentOptions {
	/**
	 * Replaces the language's neutral band (symmetric: negative at -polar or below,
	 * positive at +polar or above; `question` widens it for texts that ask). For
	 * calibration (bench/sentiment.js --calibrate) or a team's own trade-off.
	 */
	thresholds?: { polar: number; question?: number };
}

/** Analyses the sentiment of one text in English or French. Pure and deterministic. */
export function analyzeSentiment(text: string, language: SentimentLanguage, options?: SentimentOptions): SentimentAnalysis {
	const pass = analyzeText(text, language, false);
	const th = options?.thresholds;
	if (th !== undefined) pass.label = labelFor(pass.raw, pass.asking, th.polar, th.question ?? THRESHOLDS[language].question);
	const hits: SentimentHit[] = [];
	for (let k = 0; k < pass.hitCount; k++) hits.push({ term: pass.hitTerms[k], weight: pass.hitWeights[k] });
	return {
		label: pass.label,
		score: pass.score,
		raw: pass.raw,
		positive: pass.positive,
		negative: pass.negative,
		hits,
		complaintTerms: pass.complaintTerms.slice(0, pass.complaintCount),
		sarcasm: pass.sarcasm,
		language: pass.language,
	};
}

/** The one `ThemeFinds` every pass fills (see TextAnalysis.themes). */
const themeFinds = new ThemeFinds();
/** The one `TextAnalysis` every pass fills. */
const passResult = new TextAnalysis(themeFinds);

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
let itemTerms: string[] = new Array<string>(256).fill('');
let itemValues = new Float64Array(256);
let itemAts = new Int32Array(256);
let itemFlags = new Uint8Array(256);
let itemOrder = new Int32Array(256);
let itemCount = 0;

function ensureScratch(tokens: number): void {
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

function round3(x: number): number {
	return Math.round(x * 1000) / 1000;
}

/**
 * @internal One pass over the text for sentiment and, when `withThemes`, the crisis
 * vocabulary (so scoring a mention tokenizes once).
 */
export function analyzeText(text: string, language: SentimentLanguage, withThemes: boolean): TextAnalysis {
	const c = compile(language);
	const normalize = c.lex.normalize;
	const buf = tokenBuffer;
	scanTokens(text || '', c.tokenize, buf);
	collectHandles(text || '');
	// (Items: at most one per token, plus 'negation' and '???'; checked here, not in a
	// function of its own, which the engine would optimise late.)
	if (itemValues.length < buf.length + 2) ensureScratch(buf.length);
	// Words' look-up keys (see TokenBuffer.keys): their texts unless the lexicon normalises keys.
	const keys = normalize ? buf.keys : buf.texts;
	themeFinds.reset();
	itemCount = 0;
	const shouting = buf.words > 0 && buf.capsWords / buf.words > 0.6;
	tokenPass(c, buf, keys, withThemes, shouting);
	return finishPass(c, buf, language);
}

/**
 * The @handles of the text being analysed (lower-case, without '@'): a word that repeats
 * one ('@united … United', '#UnitedAirlines') names the account, it is not an opinion.
 * Holds for any brand: no brand name is listed anywhere.
 */
const handleNames: string[] = [];
let handleCount = 0;

function collectHandles(text: string): void {
	handleCount = 0;
	let at = text.indexOf('@');
	while (at !== -1 && handleCount < 8) {
		let end = at + 1;
		while (end < text.length) {
			const ch = text.charCodeAt(end);
			if ((ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 57) || ch === 95) end++;
			else break;
		}
		if (end - at - 1 >= 4) handleNames[handleCount++] = text.slice(at + 1, end).toLowerCase();
		at = text.indexOf('@', end);
	}
}

/** Whether `word` (lower-case) is the start of an @handle of the text, or starts with one (4+ letters). */
function echoesHandle(word: string): boolean {
	if (word.length < 4) return false;
	for (let k = 0; k < handleCount; k++) {
		const h = handleNames[k];
		if (h.startsWith(word) || word.startsWith(h)) return true;
	}
	return false;
}

/** What `tokenPass` leaves for `finishPass` (besides the items). */
const passState = {
	complaintCount: 0,
	contrastAt: -1,
	exclamations: 0,
	negators: 0,
	negatedItems: 0,
	questions: 0,
	exasperated: false,
};

/**
 * The token pass: sentiment items (negation, boosters, contrast, expressions, emoji…),
 * complaint terms and crisis themes, token by token. (A function of its own, like the
 * look-ups and the final rules: the engine optimises smaller functions better.)
 */
function tokenPass(c: CompiledLexicon, buf: TokenBuffer, keys: string[], withThemes: boolean, shouting: boolean): void {
	const lex = c.lex;
	const info = c.info;
	const negatorSuffix = lex.negatorSuffix;
	// Last character of the suffix: most words are ruled out on it alone.
	const negatorLast = negatorSuffix !== null && negatorSuffix.length > 0 ? negatorSuffix.charCodeAt(negatorSuffix.length - 1) : -1;
	// A suffix with an apostrophe ("n't") can only end a word the tokenizer flagged as having one.
	const suffixNeedsApostrophe = negatorSuffix !== null && negatorSuffix.includes("'");
	// Whether a plain word (not cut out, no apostrophe) with no record is inert: it is no
	// negator by suffix, and its form valence, if any, is in its record (forms table).
	const plainWordsInert = c.inflected !== null && (negatorSuffix === null || suffixNeedsApostrophe);
	const n = buf.length;
	const kinds = buf.kinds;
	const flags = buf.flags;
	const hashes = buf.hashes;
	const table = c.table;
	const inflected = c.inflected;
	const texts = buf.texts;
	// Words not cut out of the text have '' in `texts` (and `keys`), their codes in `chars`: see TokenBuffer.
	const chars = buf.chars;
	const starts = buf.starts;
	const ends = buf.ends;
	const ids = buf.ids;
	const recs = buf.recs;
	const lexValues = c.values;
	const boosterById = c.boosterById;
	const themesById = c.themesById;
	const themeWordsById = c.themeWordsById;
	const bigrams = c.bigrams;
	const phrases = c.phrases;
	const themes = themeFinds;

	// Complaint terms as found (the pass result's array, reused; deduplicated at the end).
	const complaintTerms = passResult.complaintTerms;
	let complaintCount = 0;
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
	// The clause an irrealis marker opened ('if it were good', 'would be great'), -1 if none.
	let irrealisClause = -1;

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
		const id = ids[i];
		const tokFlags = flags[i];
		const rec = recs[i];
		// A plain word with no record (about half the words): none of the rules below
		// applies to it (no property, not a form, not a hashtag), so skip them.
		if (rec === 0 && plainWordsInert && (tokFlags & ~TokenFlag.Caps) === TokenFlag.Hashed && keys[i] === '') {
			boost = 0;
			wordPos++;
			continue;
		}
		const wb = rec & REC_BITS;

		if ((wb & (E_THEMES | E_PHRASE)) !== 0) {
			// Crisis vocabulary (first word known, check the words that follow). The word a
			// multi-word term continues with: when it is a plain word whose pair with this
			// one is clear in `bigrams` (or there is none), only one-word terms can match.
			let onlyThemeWords = false;
			if (withThemes && (wb & E_THEMES) !== 0) {
				let next = i + 1;
				while (next < n && kinds[next] === TokenKind.Word && endsWithApostrophe(keys[next])) next++;
				onlyThemeWords = next >= n || kinds[next] !== TokenKind.Word || (keys[next] === '' && !hasBigram(bigrams, id, ids[next]));
				if (onlyThemeWords && (wb & E_THEME_WORD) !== 0) {
					const words = themeWordsById[id] as ThemeCandidate[];
					for (let ci = 0; ci < words.length; ci++) themes.add(words[ci].index, words[ci].term);
				}
			}
			if (withThemes && (wb & E_THEMES) !== 0 && !onlyThemeWords) {
				const cands = themesById[id] as ThemeCandidate[];
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
						if (
							kj === ''
								? !sliceIs(chars, starts[j], ends[j], rest[r])
								: kj !== rest[r] && ((flags[j] & TokenFlag.Hashed) !== 0 || stripAccents(kj) !== rest[r])
						) {
							ok = false;
							break;
						}
						j++;
					}
					if (ok) themes.add(cand.index, cand.term);
				}
			}

			// Multi-word expressions first (longest match); none when the next word's pair
			// with this one is clear.
			if ((wb & E_PHRASE) !== 0 && i + 1 < n && ids[i + 1] !== 0 && hasBigram(bigrams, id, ids[i + 1])) {
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
				if (best !== 0) {
					const v = phrases.values[best];
					const term = phrases.terms[best] as string;
					let value = v;
					if (boost !== 0 && wordPos - boostPos <= BOOSTER_SCOPE) value *= 1 + boost;
					let negated = false;
					if (negatePhrases && !phrases.hasNegator[best] && lastNegatorClause === clause && wordPos - lastNegatorPos <= NEGATION_SCOPE) {
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
					if (irrealisClause !== clause) {
						addItem(term, value, i, (problem ? ITEM_PROBLEM : 0) | (negated ? ITEM_NEGATED : 0));
						if (problem) complaintTerms[complaintCount++] = term;
					}
					lastWordItem = -1;
					if (withThemes) {
						// Theme terms inside the phrase still count: let the loop see them.
						for (let j = i + 1; j <= bestEnd; j++) {
							const cands = themesById[ids[j]];
							if (cands !== undefined) {
								for (const cand of cands) {
									if (cand.rest.length === 0) themes.add(cand.index, cand.term);
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
				(negatorLast === -1 || endsWithChar(buf, i, negatorLast)) &&
				endsWithSuffix(buf.wordText(i), negatorSuffix))
		) {
			if (
				postNegators !== undefined &&
				lastWordItem === itemCount - 1 &&
				lastWordItemClause === clause &&
				lastWordItemPos === wordPos - 1 &&
				postNegators.has(keyOf(buf, keys, i))
			) {
				// Right after a sentiment word: either the end of 'ne … pas' around it (already
				// applied) or spoken French without 'ne' ("j'aime pas"): negate that word.
				const k = lastWordItem;
				if ((itemFlags[k] & ITEM_NEGATED) === 0) {
					itemValues[k] *= itemValues[k] > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
					if ((itemFlags[k] & ITEM_PROBLEM) !== 0 && complaintCount > 0 && complaintTerms[complaintCount - 1] === itemTerms[k]) {
						complaintCount--;
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
		const b = (wb & E_BOOSTER) !== 0 ? boosterById[id] : undefined;
		if (b !== undefined) {
			boost += b;
			boostPos = wordPos;
			// Some intensifiers also carry sentiment ('seriously'): fall through only for them.
			if ((wb & E_VALENCE) === 0) {
				wordPos++;
				continue;
			}
		}
		if ((wb & E_IRREALIS) !== 0) {
			irrealisClause = clause;
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
		let v = (wb & E_VALENCE) !== 0 ? lexValues[(rec >>> REC_VALUE_SHIFT) & REC_VALUE_MASK] : undefined;
		if (v === undefined) {
			if (inflected !== null && (tokFlags & TokenFlag.Hashed) !== 0) {
				// Plain ASCII word (its own key): the precomputed forms (all 4+ letters) answer
				// in one probe, most often at the bit filter without reading the word. A known
				// word has its form valence in the main table already, and so has a word not cut
				// out that is a form (the scanner looked it up): E_INFLECTED in both cases.
				if (id !== 0 || keys[i] === '') {
					if ((wb & E_INFLECTED) !== 0) v = lexValues[(rec >>> REC_VALUE_SHIFT) & REC_VALUE_MASK];
				} else {
					const f = inflected.getHashed(keys[i], hashes[i]);
					if (f !== undefined) v = f.valence;
				}
			} else {
				const wk = keyOf(buf, keys, i);
				if (wk.length >= 4) v = lookupValence(c, wk);
			}
		}
		if (v === undefined && elongated) {
			// 'soo' -> 'so', 'nooon' -> 'non'.
			const wk = keyOf(buf, keys, i);
			let single = '';
			for (let k = 0; k < wk.length; k++) if (k === 0 || wk[k] !== wk[k - 1]) single += wk[k];
			v = info.get(single)?.valence ?? lookupValence(c, single);
		}
		let hashNegated = false;
		if (v === undefined && (tokFlags & TokenFlag.Hashtag) !== 0 && (texts[i] !== '' ? texts[i].length : ends[i] - starts[i]) >= 6) {
			// '#notcool' -> not + cool, '#badservice' -> bad, '#communicationfail' -> fail,
			// memoised. The memo's look-up is written out here, not in a function of its own:
			// called for a fraction of the words, such a function is optimised by the engine
			// only after many texts, and is slow until then.
			const memo = c.lex.language === 'fr' ? hashtagCacheFr : hashtagCacheEn;
			// A word not cut out is its own key, with the tokenizer's hash.
			const key = keys[i];
			const inPlace = key === '';
			const hash = inPlace ? hashes[i] : hashWord(key);
			let seg: HashtagSegment = null;
			let p = HashtagCache.slot(hash);
			for (;;) {
				const t = memo.tags[p];
				if (t === '') {
					seg = memo.add(c, inPlace ? buf.wordText(i) : key, hash, p);
					break;
				}
				if (memo.hashes[p] === hash && (inPlace ? sliceIs(chars, starts[i], ends[i], t) : t === key)) {
					seg = memo.results[p];
					break;
				}
				p = (p + 1) & 8191;
			}
			if (seg) {
				v = seg.value;
				hashNegated = seg.negated;
			}
		}
		if (v !== undefined && v !== 0 && irrealisClause !== clause && (handleCount === 0 || !echoesHandle(keyOf(buf, keys, i)))) {
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
			// The word as written (lower-cased): a word not cut out found in a table is that
			// entry's key, so no string is made for it.
			const w = texts[i] !== '' ? texts[i] : id !== 0 ? table.key(id) : buf.wordText(i);
			addItem(
				w,
				value,
				i,
				((wb & E_COURTESY) !== 0 ? ITEM_COURTESY : 0) | (problem ? ITEM_PROBLEM : 0) | (negated ? ITEM_NEGATED : 0),
			);
			if (problem && !negated) complaintTerms[complaintCount++] = w;
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

	const st = passState;
	st.complaintCount = complaintCount;
	st.contrastAt = contrastAt;
	st.exclamations = exclamations;
	st.negators = negators;
	st.negatedItems = negatedItems;
	st.questions = questions;
	st.exasperated = exasperated;
}

/** The rules over the whole text (contrast, sarcasm, courtesy…), the score and label, the hits. */
function finishPass(c: CompiledLexicon, buf: TokenBuffer, language: SentimentLanguage): TextAnalysis {
	const lex = c.lex;
	const n = buf.length;
	const kinds = buf.kinds;
	const recs = buf.recs;
	const complaintTerms = passResult.complaintTerms;
	const st = passState;
	const complaintCount = st.complaintCount;
	const contrastAt = st.contrastAt;
	const exclamations = st.exclamations;
	const negators = st.negators;
	const negatedItems = st.negatedItems;
	const questions = st.questions;
	const exasperated = st.exasperated;

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
			if (j !== pos && (recs[j] & E_CUE) !== 0) {
				cue = true;
				break;
			}
		}
		if (!cue) {
			// 'great job losing my bag': a problem right after the praise is sarcasm too.
			for (let j = pos + 1; j <= hi; j++) {
				if (kinds[j] !== TokenKind.Word) break;
				if ((recs[j] & E_NEGATIVE_PROBLEM) !== 0) cue = true;
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
		if (last > 0 && wordIs(buf, last, lex.trailingNot) && kinds[last - 1] !== TokenKind.Word) {
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

	// Negativity bias: a negative expression weighs NEGATIVE_WEIGHT times its valence (the
	// published SO-CAL rule, Taboada et al. 2011, set on reviews, not on our data): people
	// use positive words more often and more loosely than negative ones.
	let positive = 0;
	let negative = 0;
	for (let k = 0; k < count; k++) {
		const v = values[k];
		if (v > 0) positive += v;
		else {
			values[k] = v * NEGATIVE_WEIGHT;
			negative += values[k];
		}
	}
	let raw = positive + negative;
	if (exclamations > 0 && raw !== 0) {
		const emphasis = Math.min(exclamations, EXCLAMATION_MAX) * EXCLAMATION_STEP;
		raw += raw > 0 ? emphasis : -emphasis;
	}
	const score = raw / Math.sqrt(raw * raw + 15);
	const th = THRESHOLDS[language];
	// A question asks before it complains: it needs clearer sentiment to count.
	const asking = questions > 0 && exclamations === 0 && !exasperated;
	const label = labelFor(raw, asking, th.polar, th.question);

	// Hits: the strongest contributions (|value| >= 0.05), strongest first, ties in text
	// order (a stable insertion sort over item indices), at most 6.
	const result = passResult;
	result.hitCount = 0;
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
			result.hitTerms[p] = itemTerms[k];
			result.hitWeights[p] = Math.round(values[k] * 100) / 100;
		}
		result.hitCount = top;
	}

	// Complaint terms, each once, in order of appearance (deduplicated in place).
	let unique = 0;
	for (let k = 0; k < complaintCount; k++) {
		const t = complaintTerms[k];
		let seen = false;
		for (let q = 0; q < unique; q++) {
			if (complaintTerms[q] === t) {
				seen = true;
				break;
			}
		}
		if (!seen) complaintTerms[unique++] = t;
	}

	result.label = label;
	result.asking = asking;
	result.score = round3(score);
	result.raw = round3(raw);
	result.positive = round3(positive);
	result.negative = round3(negative);
	result.complaintCount = unique;
	result.sarcasm = sarcasm;
	result.language = language;
	return result;
}
