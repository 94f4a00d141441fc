import { hashWord } from './tokenize';
import type { TokenBuffer, WordResolver } from './tokenize';
import type { WordInfo } from './wordInfo';

/**
 * Open-addressing hash table from word key to WordInfo, probed with the hash the
 * tokenizer computes while it scans the word (`hashWord`), so a look-up neither re-reads
 * nor re-hashes the key; most words are not in the lexicon and stop at an empty slot.
 * (Slots are indexed `p << 1` / `q << 2`, not `2 * p`: a slot number comes from `>>>`,
 * and the shift keeps the index a small integer for the engine, a product would not.)
 */
export class WordTable implements WordResolver {
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
export function sameChars(key: string, src: Uint8Array, start: number): boolean {
	for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== src[start + k]) return false;
	return true;
}

/** Whether the word at `src[start]` to `src[end - 1]` is `s`. */
export function sliceIs(src: Uint8Array, start: number, end: number, s: string): boolean {
	return s.length === end - start && sameChars(s, src, start);
}
