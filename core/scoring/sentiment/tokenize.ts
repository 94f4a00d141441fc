/**
 * One-pass tokenizer for social-media text (English and French).
 *
 * It walks the string once with charCodeAt and emits words (lower-cased, with all-caps
 * and elongation flags), emoji, emoticons, and the punctuation that matters for
 * sentiment ('!', '?', clause breaks). URLs and @handles are skipped: they carry no
 * sentiment. No regular expression runs per word.
 *
 * The hot path (`scanTokens`) writes into a reusable `TokenBuffer` of parallel arrays
 * (kinds, flags, counts, texts) instead of allocating one object per token. Most words
 * are not even cut out as strings: a plain ASCII word is kept as its position, its
 * lower-cased characters sit in a byte buffer (`TokenBuffer.chars`) where the analyser's
 * look-ups compare them (four at a time), and its text is sliced only if needed
 * (`wordText`). An ASCII text (most social posts) is copied into that buffer by the engine
 * (`TextEncoder`) and scanned there; other texts are scanned as strings, their plain words'
 * characters copied to the buffer. Emoji are kept as code points; their text is built only
 * when the analyser needs it.
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

/** Emoticons recognised when they stand alone or close a word (`great:)`). */
export interface TokenizeOptions {
	/** Split French elisions (`l'avion` -> `l'` + `avion`, `n'est` -> `n'` + `est`). */
	splitElisions: boolean;
	emoticons: ReadonlyMap<string, number>;
	/** Two-character ASCII prefixes of `emoticons` (see `emoticonPrefixes`), to skip hopeless checks. */
	emoticonPrefixes: Uint8Array;
	/** Looks each word up as it is scanned (see `WordResolver`); none: `ids` / `recs` are left as they are. */
	resolver?: WordResolver;
}

/** The options for a lexicon (the emoticon prefix table computed here, once). */
export function tokenizeOptions(
	splitElisions: boolean,
	emoticons: ReadonlyMap<string, number>,
	resolver?: WordResolver,
): TokenizeOptions {
	return { splitElisions, emoticons, emoticonPrefixes: emoticonPrefixes(emoticons), resolver };
}

/**
 * The analyser's word look-up, run by the scanner as soon as a word ends (its characters
 * and hash are at hand then, and the token arrays need no second pass). It sets
 * `buf.ids[at]` and `buf.recs[at]` (0 when the word is not in the table) and, when the
 * analyser normalises keys, `buf.keys[at]` ('' for a word not cut out).
 */
export interface WordResolver {
	/** A plain ASCII word not cut out: lower-cased codes in `buf.chars` from `start` to `end`, `hash` its `hashWord`. */
	resolvePlain(buf: TokenBuffer, at: number, start: number, end: number, hash: number): void;
	/** A word cut out as `text` (`hashed`: `hash` is `hashWord(text)`). */
	resolveText(buf: TokenBuffer, at: number, text: string, hashed: boolean, hash: number): void;
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
	/** Words flagged `Hashed`: `hashWord` of the word's text. */
	hashes: Int32Array;
	/**
	 * Words: lower-cased text, or '' for a plain ASCII word not cut out yet (see `chars`
	 * and `wordText`); emoticons: as written; other kinds: ''.
	 */
	texts: string[];
	/** Words whose `texts` entry is '': where the word is in the scanned text. */
	starts: Int32Array;
	ends: Int32Array;
	/**
	 * Scratch bytes of the last scan: for each word whose `texts` entry is '', its
	 * lower-cased (ASCII) characters at `starts[i]` to `ends[i]`. Other bytes are meaningless.
	 */
	chars: Uint8Array;
	/** `chars` as a DataView (to read 4 bytes at once). */
	view: DataView;
	/**
	 * With `TokenizeOptions.resolver`: per word, its entry id and record in the analyser's
	 * table (0: none; also 0 for other tokens), and its normalised key (see `WordResolver`).
	 */
	ids: Int32Array;
	recs: Int32Array;
	keys: string[];
	/** Words scanned, and of them the ones in capitals. */
	words = 0;
	capsWords = 0;
	/** The scanned text (entities decoded), and its lower-case form once computed. */
	private text = '';
	private lowered: string | null = null;

	constructor(capacity = 256) {
		this.kinds = new Uint8Array(capacity);
		this.flags = new Uint8Array(capacity);
		this.counts = new Int32Array(capacity);
		this.hashes = new Int32Array(capacity);
		this.texts = new Array<string>(capacity).fill('');
		this.starts = new Int32Array(capacity);
		this.ends = new Int32Array(capacity);
		this.ids = new Int32Array(capacity);
		this.recs = new Int32Array(capacity);
		this.keys = new Array<string>(capacity).fill('');
		this.chars = new Uint8Array(capacity + 8);
		this.view = new DataView(this.chars.buffer);
	}

	/** Makes `chars` hold at least `size` bytes (its content is scratch). */
	ensureChars(size: number): void {
		if (this.chars.length >= size) return;
		this.chars = new Uint8Array(2 * size);
		this.view = new DataView(this.chars.buffer);
	}

	/** The text of word `i` (cut out of the lower-cased text on first use, then kept). */
	wordText(i: number): string {
		let w = this.texts[i];
		if (w === '') {
			if (this.lowered === null) this.lowered = this.text.toLowerCase();
			w = this.lowered.slice(this.starts[i], this.ends[i]);
			this.texts[i] = w;
		}
		return w;
	}

	/** Starts a scan of `text` (its lower-case form when already computed). */
	reset(text: string, lowered: string | null): void {
		this.length = 0;
		this.words = 0;
		this.capsWords = 0;
		this.text = text;
		this.lowered = lowered;
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
		const starts = new Int32Array(size);
		starts.set(this.starts);
		const ends = new Int32Array(size);
		ends.set(this.ends);
		const ids = new Int32Array(size);
		ids.set(this.ids);
		const recs = new Int32Array(size);
		recs.set(this.recs);
		const keys = new Array<string>(size).fill('');
		for (let k = 0; k < this.length; k++) keys[k] = this.keys[k];
		const texts = new Array<string>(size).fill('');
		for (let k = 0; k < this.length; k++) texts[k] = this.texts[k];
		this.kinds = kinds;
		this.flags = flags;
		this.counts = counts;
		this.hashes = hashes;
		this.starts = starts;
		this.ends = ends;
		this.ids = ids;
		this.recs = recs;
		this.keys = keys;
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

function emoticonPrefixes(emoticons: ReadonlyMap<string, number>): Uint8Array {
	const table = new Uint8Array(PREFIX_ANY + 1);
	for (const key of emoticons.keys()) {
		const a = key.charCodeAt(0);
		const b = key.charCodeAt(1);
		// Non-ASCII or one-character emoticons: always check (the table cannot rule them out).
		if (key.length < 2 || a >= 128 || b >= 128) table[PREFIX_ANY] = 1;
		else table[a * 128 + b] = 1;
	}
	return table;
}

/**
 * Decodes &lt; &gt; &amp; &quot; &apos; &#39;. One plain replacement per entity (no
 * regular expression, no callback), '&amp;' last: what one left-to-right pass gives,
 * since no other replacement makes a '&', and '&amp;lt;' must stay '&lt;'.
 */
function decodeEntities(text: string): string {
	if (text.indexOf('&') === -1) return text;
	return text
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&quot;', '"')
		.replaceAll('&apos;', "'")
		.replaceAll('&#39;', "'")
		.replaceAll('&amp;', '&');
}

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
	// Other tokens are in no table (the resolver sets these for words).
	buf.ids[at] = 0;
	buf.recs[at] = 0;
	buf.length = at + 1;
}

/** Adds a clause break unless the previous token already is one (or there is none). */
function pushBreak(buf: TokenBuffer): void {
	const at = buf.length;
	if (at > 0 && buf.kinds[at - 1] !== TokenKind.Break) push(buf, TokenKind.Break, '', 0, 1);
}

/** Tokenizes `input` into `buf` (which is cleared first). */
export function scanTokens(input: string, options: TokenizeOptions, buf: TokenBuffer): void {
	// (Not a string, despite the type: the string path fails on it as it always did.)
	if (typeof input === 'string' && isAsciiCopy(input, buf)) {
		// ASCII text (most): scanned from its bytes before its HTML entities are decoded;
		// the scan stops at the first '&' (rare), and only then is the text decoded (it
		// stays ASCII) and copied and scanned again.
		const n = input.length;
		endBytes(buf.chars, n);
		buf.reset(input, null);
		if (scanAscii(input, n, options, buf, false)) return;
		const decoded = decodeEntities(input);
		isAsciiCopy(decoded, buf); // (true: decoding leaves an ASCII text ASCII)
		endBytes(buf.chars, decoded.length);
		buf.reset(decoded, null);
		scanAscii(decoded, decoded.length, options, buf, true);
		return;
	}
	const text = decodeEntities(input);
	const lowered = text.toLowerCase();
	buf.reset(text, lowered);
	scanString(text, lowered, options, buf);
}

/** Copies `text` into `buf.chars`; false when it is not all ASCII (then the bytes are meaningless). */
function isAsciiCopy(text: string, buf: TokenBuffer): boolean {
	const n = text.length;
	// At most one token per character, plus one for a split elision per word.
	if (buf.kinds.length < n + 1) buf.grow(n + 1);
	buf.ensureChars(n + 8);
	// The engine copies an ASCII text into the bytes (UTF-8 of ASCII = the character
	// codes); any other character takes more than one byte, and the text is scanned as a
	// string instead.
	const copied = encoder.encodeInto(text, buf.chars);
	return copied.read === n && copied.written === n;
}

/** Zeros after the `n` bytes of a text: look-aheads past its end see no character of interest. */
function endBytes(chars: Uint8Array, n: number): void {
	chars[n] = 0;
	chars[n + 1] = 0;
	chars[n + 2] = 0;
	chars[n + 3] = 0;
	chars[n + 4] = 0;
}

const encoder = new TextEncoder();

/** The emoticon starting at `i` (longest first, not followed by a letter or digit), or ''. */
function matchEmoticon(text: string, i: number, n: number, emoticons: ReadonlyMap<string, number>): string {
	const maxLen = Math.min(MAX_EMOTICON, n - i);
	for (let len = maxLen; len >= 2; len--) {
		const cand = text.slice(i, i + len);
		if (emoticons.has(cand)) {
			const after = i + len < n ? text.charCodeAt(i + len) : 32;
			if ((charClass(after) & (C_LETTER | C_DIGIT)) === 0) return cand;
		}
	}
	return '';
}

/**
 * `scanTokens` for an ASCII text whose codes are in `buf.chars` (followed by zeros):
 * the same tokens the string scanner gives, read from bytes. Upper-case letters of words
 * are lower-cased in place (what `TokenBuffer.chars` promises for words not cut out).
 * Unless `decoded` (entities already decoded), stops and returns false at a '&'.
 *
 * Why it is shaped this way (speed): this loop reads every byte of every text. Spaces and
 * words (most bytes) are handled in the loop or in `scanAsciiWord`, which the engine
 * inlines; the rarer tokens (links, handles, punctuation, emoticons) are functions of
 * their own that return where the scan goes on.
 */
function scanAscii(text: string, n: number, options: TokenizeOptions, buf: TokenBuffer, decoded: boolean): boolean {
	const chars = buf.chars;
	let i = 0;
	let prevSpace = true;
	while (i < n) {
		const c = chars[i];
		if (c === 32 || c === 9 || c === 10 || c === 13) {
			if (c === 10) pushBreak(buf);
			i++;
			prevSpace = true;
			continue;
		}
		// URLs ('http' + ':' or 's', or 'www.'): skip to the next space.
		if (
			(c === 104 && chars[i + 1] === 116 && chars[i + 2] === 116 && chars[i + 3] === 112 && (chars[i + 4] === 58 || chars[i + 4] === 115)) ||
			(c === 119 && chars[i + 1] === 119 && chars[i + 2] === 119 && chars[i + 3] === 46)
		) {
			while (i < n) {
				const d = chars[i];
				if (d === 32 || d === 9 || d === 10 || d === 13) break;
				i++;
			}
			prevSpace = true;
			continue;
		}
		// @handles: skipped.
		if (c === 64 && (CHAR_CLASS[chars[i + 1]] & C_WORD) !== 0 && i + 1 < n) {
			i++;
			while (i < n && ((CHAR_CLASS[chars[i]] & C_WORD) !== 0 || chars[i] === 46)) i++;
			prevSpace = false;
			continue;
		}
		const hashtag = c === 35 && (CHAR_CLASS[chars[i + 1]] & C_LETTER) !== 0 && i + 1 < n;
		if (hashtag || (CHAR_CLASS[c] & (C_LETTER | C_DIGIT)) !== 0) {
			i = scanAsciiWord(text, n, options, buf, hashtag ? i + 1 : i, hashtag);
		} else {
			i = scanAsciiSymbol(text, n, options, buf, i, prevSpace, decoded);
			if (i < 0) return false;
		}
		prevSpace = false;
	}
	return true;
}

/**
 * The word starting at `start` (after the '#' of a hashtag): lower-cased in place, hashed,
 * pushed (plain, or cut out when elongated or with an apostrophe). Returns its end.
 */
function scanAsciiWord(text: string, n: number, options: TokenizeOptions, buf: TokenBuffer, start: number, hashtag: boolean): number {
	const chars = buf.chars;
	let j = start;
	let upper = 0;
	// Digits, underscores and the apostrophe: characters that are neither case.
	let caseless = 0;
	let run = 0;
	let maxRun = 0;
	let prev = -1;
	let apos = -1;
	let hash = 0;
	// The bytes end with a zero (no word character), so only the apostrophe test needs `n`.
	for (;;) {
		// Runs (elongation) compare the codes as written; the hash and the bytes take the
		// lower-case code.
		const d = chars[j];
		if (d >= 97 && d <= 122) {
			// Lower-case letter (most characters): counted at the end, from the word length.
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
		let low = d;
		if (d >= 65 && d <= 90) {
			upper++;
			low = d + 32;
			chars[j] = low;
		} else if ((d >= 48 && d <= 57) || d === 95) {
			// Digit or underscore: part of the word, no case.
			caseless++;
		} else if (d === 39 && apos === -1 && j + 1 < n && (CHAR_CLASS[chars[j + 1]] & C_LETTER) !== 0) {
			apos = j - start;
			prev = -1;
			hash = (Math.imul(hash, 31) + 39) | 0;
			caseless++;
			j++;
			continue;
		} else {
			break;
		}
		hash = (Math.imul(hash, 31) + low) | 0;
		if (d === prev) {
			run++;
			if (run > maxRun) maxRun = run;
		} else {
			run = 1;
		}
		prev = d;
		j++;
	}
	const lower = j - start - upper - caseless;
	// Letters = upper + lower.
	const elongated = maxRun >= 3 && upper + lower > 0;
	const capsFlag = lower === 0 && upper >= 2 ? TokenFlag.Caps : 0;
	if (!elongated && apos === -1) {
		pushPlain(buf, start, j, hash, capsFlag | (hashtag ? TokenFlag.Hashtag : 0), options.resolver);
		buf.words++;
		if (capsFlag !== 0) buf.capsWords++;
	} else {
		pushWord(buf, text.slice(start, j).toLowerCase(), apos, elongated, !elongated, hash, capsFlag, hashtag, options.splitElisions, options.resolver);
	}
	return j;
}

/**
 * The token at `i` that is no space, link, handle or word: an emoticon, a '!' or '?' run,
 * a clause break, or nothing. Returns where the scan goes on, or -1 at a '&' when the
 * text's entities are not decoded yet.
 */
function scanAsciiSymbol(text: string, n: number, options: TokenizeOptions, buf: TokenBuffer, i: number, prevSpace: boolean, decoded: boolean): number {
	const chars = buf.chars;
	const c = chars[i];
	// Emoticons: longest match first, only at a token boundary.
	if (EMOTICON_START[c] === 1 && (prevSpace || c === 58 || c === 59 || c === 61 || c === 60)) {
		const matched = emoticonAt(text, n, options, i, c, i + 1 < n ? chars[i + 1] : 128);
		if (matched !== '') {
			push(buf, TokenKind.Emoticon, matched, 0, 1);
			return i + matched.length;
		}
	}
	if (c === 33 || c === 63) {
		// '!!!1' / '?!': one token with its run length.
		let k = i;
		while (k < n && (chars[k] === c || chars[k] === (c === 33 ? 49 : 33))) k++;
		push(buf, c === 33 ? TokenKind.Exclamation : TokenKind.Question, '', 0, k - i);
		return k;
	}
	// Clause breaks: . , ; : ( ) " |
	if (c === 46 || c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 34 || c === 124) pushBreak(buf);
	else if (c === 45 && prevSpace) pushBreak(buf);
	else if (c === 38 && !decoded) return -1;
	return i + 1;
}

/** The emoticon at `i` (`c`, then `c2`), or '' (most candidates are ruled out on their first two characters). */
function emoticonAt(text: string, n: number, options: TokenizeOptions, i: number, c: number, c2: number): string {
	const prefixes = options.emoticonPrefixes;
	if (prefixes[PREFIX_ANY] === 1 || (c2 < 128 && prefixes[c * 128 + c2] === 1)) return matchEmoticon(text, i, n, options.emoticons);
	return '';
}

/**
 * Pushes a plain ASCII word not cut out (`chars` from start to end, lower-cased; flags
 * other than Hashed in `flags`) and looks it up.
 */
function pushPlain(buf: TokenBuffer, start: number, end: number, hash: number, flags: number, resolver: WordResolver | undefined): void {
	// (No `counts` for a word: only '!', '?' and emoji have one. The caller counts the word.)
	const at = buf.length;
	buf.kinds[at] = TokenKind.Word;
	buf.texts[at] = '';
	buf.flags[at] = flags | TokenFlag.Hashed;
	buf.hashes[at] = hash;
	buf.starts[at] = start;
	buf.ends[at] = end;
	buf.length = at + 1;
	if (resolver !== undefined) resolver.resolvePlain(buf, at, start, end, hash);
}

/** Pushes a word cut out as `text` and looks it up. */
function pushText(buf: TokenBuffer, text: string, flags: number, hash: number, resolver: WordResolver | undefined): void {
	push(buf, TokenKind.Word, text, flags, 1);
	const at = buf.length - 1;
	const hashed = (flags & TokenFlag.Hashed) !== 0;
	if (hashed) buf.hashes[at] = hash;
	buf.words++;
	if ((flags & TokenFlag.Caps) !== 0) buf.capsWords++;
	if (resolver !== undefined) resolver.resolveText(buf, at, text, hashed, hash);
}

/**
 * Pushes a word that is cut out as a string (`word`: lower-cased, as written): collapses
 * elongations, splits French elisions, sets the flags.
 */
function pushWord(
	buf: TokenBuffer,
	lowered: string,
	apos: number,
	elongated: boolean,
	hashable: boolean,
	hash: number,
	capsFlag: number,
	hashtag: boolean,
	splitElisions: boolean,
	resolver: WordResolver | undefined,
): void {
	let word = lowered;
	let hashed = hashable;
	let hasApos = apos !== -1;
	if (elongated) word = collapseRuns(word);
	if (splitElisions && apos > 0 && ELISIONS.has(word.slice(0, apos))) {
		pushText(buf, word.slice(0, apos + 1), TokenFlag.Apostrophe, 0, resolver);
		word = word.slice(apos + 1);
		hashed = false;
		hasApos = false;
	}
	const flags =
		capsFlag |
		(elongated ? TokenFlag.Elongated : 0) |
		(hashtag ? TokenFlag.Hashtag : 0) |
		(hashed ? TokenFlag.Hashed : 0) |
		(hasApos ? TokenFlag.Apostrophe : 0);
	pushText(buf, word, flags, hash, resolver);
}

/**
 * `scanTokens` for any text, read as a string (`lowered`: its lower-case form): the path
 * of texts with a non-ASCII character, split like `scanAscii` (words in `scanStringWord`,
 * the rarer tokens in `scanStringSymbol`).
 */
function scanString(text: string, lowered: string, options: TokenizeOptions, buf: TokenBuffer): void {
	const n = text.length;
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
		// URLs: 'http' + ':' or 's', or 'www.' (char by char: this runs before every word starting with h or w).
		if (
			((c === 104 && text.charCodeAt(i + 1) === 116 && text.charCodeAt(i + 2) === 116 && text.charCodeAt(i + 3) === 112) ||
				(c === 119 && text.charCodeAt(i + 1) === 119 && text.charCodeAt(i + 2) === 119 && text.charCodeAt(i + 3) === 46)) &&
			(c === 119 || text.charCodeAt(i + 4) === 58 || text.charCodeAt(i + 4) === 115)
		) {
			while (i < n && !isSpace(text.charCodeAt(i))) i++;
			prevSpace = true;
			continue;
		}
		// @handles: skipped.
		if (c === 64 && i + 1 < n && (charClass(text.charCodeAt(i + 1)) & C_WORD) !== 0) {
			i++;
			while (i < n && ((charClass(text.charCodeAt(i)) & C_WORD) !== 0 || text.charCodeAt(i) === 46)) i++;
			prevSpace = false;
			continue;
		}
		const hashtag = c === 35 && i + 1 < n && isLetter(text.charCodeAt(i + 1));
		if (hashtag || (charClass(c) & (C_LETTER | C_DIGIT)) !== 0) {
			i = scanStringWord(text, lowered, options, buf, hashtag ? i + 1 : i, hashtag);
		} else if (c === 0xfe0f || c === 0x200d || c === 0xfe0e) {
			// Variation selectors and joiners: nothing, not even a token boundary.
			i++;
			continue;
		} else {
			i = scanStringSymbol(text, options, buf, i, prevSpace);
		}
		prevSpace = false;
	}
}

/** A word of `scanString` starting at `start` (after the '#' of a hashtag), pushed. Returns its end. */
function scanStringWord(text: string, lowered: string, options: TokenizeOptions, buf: TokenBuffer, start: number, hashtag: boolean): number {
	const n = text.length;
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
		let low = d;
		if (d >= 97 && d <= 122) {
			// Lower-case ASCII letter (most characters): no class look-up.
			lower++;
		} else if (d === 32) {
			// A space ends most words: no class look-up for it either.
			break;
		} else if (d >= 65 && d <= 90) {
			upper++;
			low = d + 32;
		} else if ((charClass(d) & C_WORD) !== 0) {
			const dc = charClass(d);
			if ((dc & C_LETTER) !== 0) {
				if ((dc & C_UPPER) !== 0) upper++;
				else lower++;
			}
			if (d >= 128) ascii = false;
		} else if ((d === 39 || d === 0x2019) && j + 1 < n && isLetter(text.charCodeAt(j + 1)) && apos === -1) {
			apos = j - start;
			prev = -1;
			hash = (Math.imul(hash, 31) + 39) | 0;
			j++;
			continue;
		} else {
			break;
		}
		if (d < 128) hash = (Math.imul(hash, 31) + low) | 0;
		run = d === prev ? run + 1 : 1;
		if (run > maxRun) maxRun = run;
		prev = d;
		j++;
	}
	pushStringWord(text, lowered, options, buf, start, j, upper, lower, maxRun, apos, hash, ascii, hashtag);
	return j;
}

/** Pushes the word `text[start..end)` of `scanString` (plain when it can be read from the bytes). */
function pushStringWord(
	text: string,
	lowered: string,
	options: TokenizeOptions,
	buf: TokenBuffer,
	start: number,
	end: number,
	upper: number,
	lower: number,
	maxRun: number,
	apos: number,
	hash: number,
	ascii: boolean,
	hashtag: boolean,
): void {
	// Per-word slices of the lower-cased text (unless lower-casing changed the length).
	const sameLength = lowered.length === text.length;
	// Letters = upper + lower.
	const elongated = maxRun >= 3 && upper + lower > 0;
	const capsFlag = lower === 0 && upper >= 2 ? TokenFlag.Caps : 0;
	if (ascii && !elongated && apos === -1 && sameLength) {
		// A plain ASCII word: not cut out; its lower-cased characters go to the bytes.
		for (let k = start; k < end; k++) buf.chars[k] = lowered.charCodeAt(k);
		pushPlain(buf, start, end, hash, capsFlag | (hashtag ? TokenFlag.Hashtag : 0), options.resolver);
		buf.words++;
		if (capsFlag !== 0) buf.capsWords++;
		return;
	}
	let word = sameLength ? lowered.slice(start, end) : text.slice(start, end).toLowerCase();
	if (apos !== -1 && text.charCodeAt(start + apos) === 0x2019) word = word.slice(0, apos) + "'" + word.slice(apos + 1);
	pushWord(buf, word, apos, elongated, ascii && !elongated, hash, capsFlag, hashtag, options.splitElisions, options.resolver);
}

/** The token at `i` of `scanString` that is no space, link, handle or word. Returns where the scan goes on. */
function scanStringSymbol(text: string, options: TokenizeOptions, buf: TokenBuffer, i: number, prevSpace: boolean): number {
	const n = text.length;
	const c = text.charCodeAt(i);
	if (isEmojiStart(c)) {
		const cp = text.codePointAt(i) as number;
		// Skin tones and regional indicators carry no sentiment.
		if (!(cp >= 0x1f3fb && cp <= 0x1f3ff) && !(cp >= 0x1f1e6 && cp <= 0x1f1ff)) push(buf, TokenKind.Emoji, '', 0, cp);
		return i + (cp > 0xffff ? 2 : 1);
	}
	// Emoticons: longest match first, only at a token boundary.
	if (c < 128 && EMOTICON_START[c] === 1 && (prevSpace || c === 58 || c === 59 || c === 61 || c === 60)) {
		const matched = emoticonAt(text, n, options, i, c, i + 1 < n ? text.charCodeAt(i + 1) : 128);
		if (matched !== '') {
			push(buf, TokenKind.Emoticon, matched, 0, 1);
			return i + matched.length;
		}
	}
	if (c === 33 || c === 0xa1 || c === 63 || c === 0xbf) {
		const exclamation = c === 33 || c === 0xa1;
		let k = i;
		for (; k < n; k++) {
			const d = text.charCodeAt(k);
			if (!(exclamation ? d === 33 || d === 49 || d === 0xa1 : d === 63 || d === 0xbf || d === 33)) break;
		}
		push(buf, exclamation ? TokenKind.Exclamation : TokenKind.Question, '', 0, k - i);
		return k;
	}
	if (isBreakChar(c) || (c === 45 && prevSpace)) pushBreak(buf);
	return i + 1;
}
