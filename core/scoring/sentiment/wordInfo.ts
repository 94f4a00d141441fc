/**
 * What the compiled lexicon knows about one word, and the packed form the token pass
 * reads: `E_*` bits (one number tested per token instead of a dozen fields) and a record
 * (`REC_*`) carrying the bits, the valence index and the phrase trie root in one int32.
 */
import type { ThemeCandidate } from '../themes';

/**
 * Everything known about one word, so each token costs one look-up. A class with every
 * field set, so all entries share one shape (property reads stay monomorphic).
 */
export class WordInfo {
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

export const E_THEMES = 1;
export const E_PHRASE = 2;
export const E_NEGATOR = 4;
export const E_BOOSTER = 8;
export const E_CONTRAST = 16;
export const E_VALENCE = 32;
export const E_COURTESY = 64;
export const E_PROBLEM = 128;
export const E_CUE = 256;
/** A problem word with a negative valence (the sarcasm rule's 'losing my bag'). */
export const E_NEGATIVE_PROBLEM = 512;
/**
 * Not a sentiment word itself, but one of the precomputed inflected forms (`delays`):
 * `valenceById` holds that form's valence, so a known word never probes the form table.
 */
export const E_INFLECTED = 1024;
/** Starts a one-word crisis-theme term ('cancelled'), which needs no look at the next word. */
export const E_THEME_WORD = 2048;
/** Reverses the next sentiment word like a negation ('réduire', 'moins'; French only). */
export const E_SHIFTER = 4096;
/** Opens an irrealis context for the rest of the clause (English 'would', 'if', 'any'). */
export const E_IRREALIS = 8192;

/**
 * An entry's record: what the token pass needs of it, in one number carried by the
 * table's packed index. Bits 0-13: its `E_*` bits; 14-21: the index of its valence (or
 * form valence) in `CompiledLexicon.values`; 22-31: its phrase trie root (0 = none).
 */
export const REC_BITS = 0x3fff;
export const REC_VALUE_SHIFT = 14;
export const REC_VALUE_MASK = 0xff;
export const REC_ROOT_SHIFT = 22;
export const REC_ROOT_MAX = 0x3ff;

/** Bit of the pair (first word id, next word id) in `CompiledLexicon.bigrams`. */
export function bigramBit(first: number, next: number): number {
	return Math.imul(Math.imul(first, 0x9e3779b1) ^ next, 0x85ebca6b) >>> 16;
}

export function entryBits(e: WordInfo): number {
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
export class PhraseNode {
	/** Set when the path to this node is a whole expression. */
	value: number | undefined = undefined;
	term: string | undefined = undefined;
	/** Whether the expression holds a negator itself ('pas mal'): then negation leaves it alone. */
	hasNegator = false;
	/** Keyed by the next word's entry (every word of an expression has one). */
	next: Map<WordInfo, PhraseNode> | undefined = undefined;
}
