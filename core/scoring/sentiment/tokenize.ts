/**
 * One-pass tokenizer for social-media text (English and French).
 *
 * It walks the string once with charCodeAt and emits words (lower-cased, with all-caps
 * and elongation flags), emoji, emoticons, and the punctuation that matters for
 * sentiment ('!', '?', clause breaks). URLs and @handles are skipped: they carry no
 * sentiment. No regular expression runs per word.
 *
 * The hot path (`scanTokens`) writes into a reusable `TokenBuffer` of parallel arrays
 * (kinds, flags, counts, texts) instead of allocating one object per token: the only
 * string made per word is its lower-cased slice (the look-up key). Emoji are kept as
 * code points; their text is built only when the analyser needs it.
 */

export const enum TokenKind {
	Word = 0,
	Emoji = 1,
	Emoticon = 2,
	Exclamation = 3,
	Question = 4,
	/** Clause break ('.', ',', ';', ':', dash, newline…): ends negation and booster scope. */
	Break = 5,
}

/** Bits of `TokenBuffer.flags`. */
export const enum TokenFlag {
	/** Written in capitals (at least two letters, no lower-case letter). */
	Caps = 1,
	/** Had a letter repeated three times or more (`sooo`, `nooon`). */
	Elongated = 2,
	/** Came from a #hashtag. */
	Hashtag = 4,
	/** `hashes[i]` holds `hashWord(texts[i])` (plain ASCII words, computed during the scan). */
	Hashed = 8,
	/** The word contains an apostrophe (only such words can end in "n't"). */
	Apostrophe = 16,
}

/** The hash the analyser's word table uses; the tokenizer computes it inline for ASCII words. */
export function hashWord(s: string): number {
	let h = 0;
	for (let k = 0; k < s.length; k++) h = (Math.imul(h, 31) + s.charCodeAt(k)) | 0;
	return h;
}

export interface Token {
	kind: TokenKind;
	/** Lower-cased text; elongations collapsed to two letters (`sooooo` -> `soo`). */
	text: string;
	/** Written in capitals (at least two letters, no lower-case letter). */
	caps: boolean;
	/** Had a letter repeated three times or more (`sooo`, `nooon`). */
	elongated: boolean;
	/** Came from a #hashtag. */
	hashtag: boolean;
	/** For '!' and '?': how many were in the run. */
	count: number;
}

/** Emoticons recognised when they stand alone or close a word (`great:)`). */
export interface TokenizeOptions {
	/** Split French elisions (`l'avion` -> `l'` + `avion`, `n'est` -> `n'` + `est`). */
	splitElisions: boolean;
	emoticons: ReadonlyMap<string, number>;
}

/**
 * Tokens as parallel arrays, reused from one text to the next (scanning is synchronous,
 * so one buffer per caller is enough). Entries at index >= `length` are stale.
 */
export class TokenBuffer {
	length = 0;
	kinds: Uint8Array;
	flags: Uint8Array;
	/** '!' / '?': run length; emoji: the code point; otherwise 1. */
	counts: Int32Array;
	/** Words flagged `Hashed`: `hashWord(texts[i])`. */
	hashes: Int32Array;
	/** Words: lower-cased text; emoticons: as written; other kinds: ''. */
	texts: string[];

	constructor(capacity = 256) {
		this.kinds = new Uint8Array(capacity);
		this.flags = new Uint8Array(capacity);
		this.counts = new Int32Array(capacity);
		this.hashes = new Int32Array(capacity);
		this.texts = new Array<string>(capacity).fill('');
	}

	/** Makes room for at least `needed` tokens (keeps the first `length`). */
	grow(needed: number): void {
		const cap = this.kinds.length;
		if (needed <= cap) return;
		const size = Math.max(needed, cap * 2);
		const kinds = new Uint8Array(size);
		kinds.set(this.kinds);
		const flags = new Uint8Array(size);
		flags.set(this.flags);
		const counts = new Int32Array(size);
		counts.set(this.counts);
		const hashes = new Int32Array(size);
		hashes.set(this.hashes);
		const texts = new Array<string>(size).fill('');
		for (let k = 0; k < this.length; k++) texts[k] = this.texts[k];
		this.kinds = kinds;
		this.flags = flags;
		this.counts = counts;
		this.hashes = hashes;
		this.texts = texts;
	}
}

const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);

/** Character classes below U+0530 (everything above is neither letter nor digit here). */
const C_LETTER = 1;
const C_DIGIT = 2;
const C_UNDERSCORE = 4;
const C_UPPER = 8;
const C_WORD = C_LETTER | C_DIGIT | C_UNDERSCORE;
const CLASS_LIMIT = 0x530;
const CHAR_CLASS = new Uint8Array(CLASS_LIMIT);
for (let c = 0; c < CLASS_LIMIT; c++) {
	let k = 0;
	if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || c >= 0x370) {
		k |= C_LETTER;
		if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde)) k |= C_UPPER;
	}
	if (c >= 48 && c <= 57) k |= C_DIGIT;
	if (c === 95) k |= C_UNDERSCORE;
	CHAR_CLASS[c] = k;
}

function charClass(c: number): number {
	return c < CLASS_LIMIT ? CHAR_CLASS[c] : 0;
}

function isLetter(c: number): boolean {
	return c < CLASS_LIMIT && (CHAR_CLASS[c] & C_LETTER) !== 0;
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

function isEmojiStart(c: number): boolean {
	// Surrogate pairs (U+1F000+), misc symbols & dingbats, stars, hearts.
	return (c >= 0xd83c && c <= 0xd83e) || (c >= 0x2600 && c <= 0x27bf) || c === 0x2b50 || c === 0x2b55 || c === 0x2639 || c === 0x263a;
}

/** Clause-break punctuation: . , ; : … — – ( ) " « » “ ” | */
function isBreakChar(c: number): boolean {
	return (
		c === 46 || c === 44 || c === 59 || c === 58 || c === 0x2026 || c === 0x2014 || c === 0x2013 || c === 40 || c === 41 ||
		c === 34 || c === 0xab || c === 0xbb || c === 0x201c || c === 0x201d || c === 124
	);
}

const MAX_EMOTICON = 5;

/** ASCII characters an emoticon can start with (others never trigger the emoticon check). */
const EMOTICON_START = new Uint8Array(128);
for (const ch of ':;=<>()^-_8BDTXx') EMOTICON_START[ch.charCodeAt(0)] = 1;

/** Two-character ASCII prefixes of the known emoticons (per emoticon table), to skip hopeless checks. */
const PREFIX_ANY = 128 * 128;
const emoticonPrefixCache = new WeakMap<ReadonlyMap<string, number>, Uint8Array>();

function emoticonPrefixes(emoticons: ReadonlyMap<string, number>): Uint8Array {
	let table = emoticonPrefixCache.get(emoticons);
	if (table) return table;
	table = new Uint8Array(PREFIX_ANY + 1);
	for (const key of emoticons.keys()) {
		const a = key.charCodeAt(0);
		const b = key.charCodeAt(1);
		// Non-ASCII or one-character emoticons: always check (the table cannot rule them out).
		if (key.length < 2 || a >= 128 || b >= 128) table[PREFIX_ANY] = 1;
		else table[a * 128 + b] = 1;
	}
	emoticonPrefixCache.set(emoticons, table);
	return table;
}

function decodeEntities(text: string): string {
	if (text.indexOf('&') === -1) return text;
	return text.replace(ENTITY, (m) => ENTITIES[m] ?? m);
}

const ENTITY = /&(?:lt|gt|amp|quot|apos|#39);/g;
const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'", '&#39;': "'" };

/** Collapses runs of 3+ identical letters to two (`loooove` -> `loove`). */
function collapseRuns(word: string): string {
	let out = '';
	let run = 0;
	for (let k = 0; k < word.length; k++) {
		if (k > 0 && word.charCodeAt(k) === word.charCodeAt(k - 1)) run++;
		else run = 1;
		if (run <= 2) out += word[k];
	}
	return out;
}

function push(buf: TokenBuffer, kind: TokenKind, text: string, flags: number, count: number): void {
	const at = buf.length;
	if (at >= buf.kinds.length) buf.grow(at + 1);
	buf.kinds[at] = kind;
	buf.texts[at] = text;
	buf.flags[at] = flags;
	buf.counts[at] = count;
	buf.length = at + 1;
}

/** Adds a clause break unless the previous token already is one (or there is none). */
function pushBreak(buf: TokenBuffer): void {
	const at = buf.length;
	if (at > 0 && buf.kinds[at - 1] !== TokenKind.Break) push(buf, TokenKind.Break, '', 0, 1);
}

/** Tokenizes `input` into `buf` (which is cleared first). */
export function scanTokens(input: string, options: TokenizeOptions, buf: TokenBuffer): void {
	const text = decodeEntities(input);
	// Lower-case once; per-word slices of it (unless lower-casing changed the length).
	const lowered = text.toLowerCase();
	const sameLength = lowered.length === text.length;
	const n = text.length;
	const emoticons = options.emoticons;
	const splitElisions = options.splitElisions;
	buf.length = 0;
	// At most one token per character, plus one for a split elision per word.
	if (buf.kinds.length < n + 1) buf.grow(n + 1);
	let i = 0;
	let prevSpace = true;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (isSpace(c)) {
			if (c === 10) pushBreak(buf);
			i++;
			prevSpace = true;
			continue;
		}
		const cls = charClass(c);
		// URLs: skip to the next space.
		if (
			(c === 104 && text.charCodeAt(i + 1) === 116 && text.charCodeAt(i + 2) === 116 && text.charCodeAt(i + 3) === 112) ||
			(c === 119 && text.charCodeAt(i + 1) === 119 && text.charCodeAt(i + 2) === 119 && text.charCodeAt(i + 3) === 46)
		) {
			// 'http' or 'www.' (char by char: this runs before every word starting with h or w).
			const next = text.charCodeAt(i + 4);
			if (c === 119 || next === 58 || next === 115) {
				while (i < n && !isSpace(text.charCodeAt(i))) i++;
				prevSpace = true;
				continue;
			}
		}
		// @handles: skipped.
		if (c === 64 && i + 1 < n && (charClass(text.charCodeAt(i + 1)) & C_WORD) !== 0) {
			i++;
			while (i < n) {
				const d = text.charCodeAt(i);
				if ((charClass(d) & C_WORD) !== 0 || d === 46) i++;
				else break;
			}
			prevSpace = false;
			continue;
		}
		const hashtag = c === 35 && i + 1 < n && isLetter(text.charCodeAt(i + 1));
		if (hashtag || (cls & (C_LETTER | C_DIGIT)) !== 0) {
			const start = hashtag ? i + 1 : i;
			let j = start;
			let upper = 0;
			let lower = 0;
			let run = 0;
			let maxRun = 0;
			let prev = -1;
			let apos = -1;
			// Hash of the lower-cased word, valid while every character is ASCII.
			let hash = 0;
			let ascii = true;
			while (j < n) {
				const d = text.charCodeAt(j);
				if (d >= 97 && d <= 122) {
					// Lower-case ASCII letter (most characters): no class look-up. `maxRun` only
					// matters from 3 on, so it is updated on repeats only.
					lower++;
					hash = (Math.imul(hash, 31) + d) | 0;
					if (d === prev) {
						run++;
						if (run > maxRun) maxRun = run;
					} else {
						run = 1;
					}
					prev = d;
					j++;
					continue;
				}
				// A space ends most words: no class look-up for it either.
				if (d === 32) break;
				if (d >= 65 && d <= 90) {
					// Upper-case ASCII letter: what the class path below does for it.
					upper++;
					hash = (Math.imul(hash, 31) + d + 32) | 0;
					run = d === prev ? run + 1 : 1;
					if (run > maxRun) maxRun = run;
					prev = d;
					j++;
					continue;
				}
				const dc = charClass(d);
				if ((dc & C_WORD) !== 0) {
					if ((dc & C_LETTER) !== 0) {
						if ((dc & C_UPPER) !== 0) upper++;
						else lower++;
					}
					if (d < 128) hash = (Math.imul(hash, 31) + (d >= 65 && d <= 90 ? d + 32 : d)) | 0;
					else ascii = false;
					run = d === prev ? run + 1 : 1;
					if (run > maxRun) maxRun = run;
					prev = d;
					j++;
				} else if ((d === 39 || d === 0x2019) && j + 1 < n && isLetter(text.charCodeAt(j + 1)) && apos === -1) {
					apos = j - start;
					prev = -1;
					hash = (Math.imul(hash, 31) + 39) | 0;
					j++;
				} else {
					break;
				}
			}
			let word = sameLength ? lowered.slice(start, j) : text.slice(start, j).toLowerCase();
			if (apos !== -1 && text.charCodeAt(start + apos) === 0x2019) {
				word = word.slice(0, apos) + "'" + word.slice(apos + 1);
			}
			// Letters = upper + lower.
			const elongated = maxRun >= 3 && upper + lower > 0;
			let hashed = ascii && !elongated;
			let hasApos = apos !== -1;
			if (elongated) word = collapseRuns(word);
			if (splitElisions && apos > 0 && ELISIONS.has(word.slice(0, apos))) {
				push(buf, TokenKind.Word, word.slice(0, apos + 1), TokenFlag.Apostrophe, 1);
				word = word.slice(apos + 1);
				hashed = false;
				hasApos = false;
			}
			const flags =
				(lower === 0 && upper >= 2 ? TokenFlag.Caps : 0) |
				(elongated ? TokenFlag.Elongated : 0) |
				(hashtag ? TokenFlag.Hashtag : 0) |
				(hashed ? TokenFlag.Hashed : 0) |
				(hasApos ? TokenFlag.Apostrophe : 0);
			push(buf, TokenKind.Word, word, flags, 1);
			if (hashed) buf.hashes[buf.length - 1] = hash;
			i = j;
			prevSpace = false;
			continue;
		}
		if (isEmojiStart(c)) {
			const cp = text.codePointAt(i) as number;
			// Skin tones and regional indicators carry no sentiment.
			if (!(cp >= 0x1f3fb && cp <= 0x1f3ff) && !(cp >= 0x1f1e6 && cp <= 0x1f1ff)) {
				push(buf, TokenKind.Emoji, '', 0, cp);
			}
			i += cp > 0xffff ? 2 : 1;
			prevSpace = false;
			continue;
		}
		if (c === 0xfe0f || c === 0x200d || c === 0xfe0e) {
			i++;
			continue;
		}
		// Emoticons: longest match first, only at a token boundary.
		if (c < 128 && EMOTICON_START[c] === 1 && (prevSpace || c === 58 || c === 59 || c === 61 || c === 60)) {
			const c2 = i + 1 < n ? text.charCodeAt(i + 1) : 128;
			const prefixes = emoticonPrefixes(emoticons);
			if (prefixes[PREFIX_ANY] === 1 || (c2 < 128 && prefixes[c * 128 + c2] === 1)) {
				let matched = '';
				const maxLen = Math.min(MAX_EMOTICON, n - i);
				for (let len = maxLen; len >= 2; len--) {
					const cand = text.slice(i, i + len);
					if (emoticons.has(cand)) {
						const after = i + len < n ? text.charCodeAt(i + len) : 32;
						if ((charClass(after) & (C_LETTER | C_DIGIT)) === 0) {
							matched = cand;
							break;
						}
					}
				}
				if (matched) {
					push(buf, TokenKind.Emoticon, matched, 0, 1);
					i += matched.length;
					prevSpace = false;
					continue;
				}
			}
		}
		if (c === 33 || c === 0xa1) {
			let k = i;
			while (k < n) {
				const d = text.charCodeAt(k);
				if (d === 33 || d === 49 || d === 0xa1) k++;
				else break;
			}
			push(buf, TokenKind.Exclamation, '', 0, k - i);
			i = k;
			prevSpace = false;
			continue;
		}
		if (c === 63 || c === 0xbf) {
			let k = i;
			while (k < n) {
				const d = text.charCodeAt(k);
				if (d === 63 || d === 0xbf || d === 33) k++;
				else break;
			}
			push(buf, TokenKind.Question, '', 0, k - i);
			i = k;
			prevSpace = false;
			continue;
		}
		if (isBreakChar(c)) {
			pushBreak(buf);
			i++;
			prevSpace = false;
			continue;
		}
		if (c === 45 && prevSpace) pushBreak(buf);
		i++;
		prevSpace = false;
	}
}

const BREAK_TEXT = '.';

/**
 * Tokenizes `input` into token objects (convenient for inspection; the analyser reads a
 * `TokenBuffer` filled by `scanTokens` instead).
 */
export function tokenize(input: string, options: TokenizeOptions): Token[] {
	const buf = new TokenBuffer(Math.max(16, input.length + 1));
	scanTokens(input, options, buf);
	const out: Token[] = [];
	for (let k = 0; k < buf.length; k++) {
		const kind = buf.kinds[k] as TokenKind;
		const f = buf.flags[k];
		const text =
			kind === TokenKind.Emoji
				? String.fromCodePoint(buf.counts[k])
				: kind === TokenKind.Exclamation
					? '!'
					: kind === TokenKind.Question
						? '?'
						: kind === TokenKind.Break
							? BREAK_TEXT
							: buf.texts[k];
		out.push({
			kind,
			text,
			caps: (f & TokenFlag.Caps) !== 0,
			elongated: (f & TokenFlag.Elongated) !== 0,
			hashtag: (f & TokenFlag.Hashtag) !== 0,
			count: kind === TokenKind.Exclamation || kind === TokenKind.Question ? buf.counts[k] : 1,
		});
	}
	return out;
}
