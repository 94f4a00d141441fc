/**
 * One-pass tokenizer for social-media text (English and French).
 *
 * It walks the string once with charCodeAt and emits words (lower-cased, with all-caps
 * and elongation flags), emoji, emoticons, and the punctuation that matters for
 * sentiment ('!', '?', clause breaks). URLs and @handles are skipped: they carry no
 * sentiment. No regular expression runs per word.
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

const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);

function isLetter(c: number): boolean {
	return (
		(c >= 97 && c <= 122) ||
		(c >= 65 && c <= 90) ||
		(c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
		(c >= 0x370 && c <= 0x52f)
	);
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

function isEmojiStart(c: number): boolean {
	// Surrogate pairs (U+1F000+), misc symbols & dingbats, stars, hearts.
	return (c >= 0xd83c && c <= 0xd83e) || (c >= 0x2600 && c <= 0x27bf) || c === 0x2b50 || c === 0x2b55 || c === 0x2639 || c === 0x263a;
}

const MAX_EMOTICON = 5;

/** ASCII characters an emoticon can start with (others never trigger the emoticon check). */
const EMOTICON_START = new Uint8Array(128);
for (const ch of ':;=<>()^-_8BDTXx') EMOTICON_START[ch.charCodeAt(0)] = 1;

function decodeEntities(text: string): string {
	if (text.indexOf('&') === -1) return text;
	return text.replace(ENTITY, (m) => ENTITIES[m] ?? m);
}

const ENTITY = /&(?:lt|gt|amp|quot|apos|#39);/g;
const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'", '&#39;': "'" };

function makeToken(kind: TokenKind, text: string): Token {
	return { kind, text, caps: false, elongated: false, hashtag: false, count: 1 };
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

export function tokenize(input: string, options: TokenizeOptions): Token[] {
	const text = decodeEntities(input);
	// Lower-case once; per-word slices of it (unless lower-casing changed the length).
	const lowered = text.toLowerCase();
	const sameLength = lowered.length === text.length;
	const tokens: Token[] = [];
	const n = text.length;
	const emoticons = options.emoticons;
	let i = 0;
	let prevSpace = true;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (isSpace(c)) {
			if (c === 10 && tokens.length > 0 && tokens[tokens.length - 1].kind !== TokenKind.Break) {
				tokens.push(makeToken(TokenKind.Break, '\n'));
			}
			i++;
			prevSpace = true;
			continue;
		}
		// URLs: skip to the next space.
		if ((c === 104 || c === 119) && (text.startsWith('http', i) || text.startsWith('www.', i))) {
			const next = text.charCodeAt(i + 4);
			if (c === 119 || next === 58 || next === 115) {
				while (i < n && !isSpace(text.charCodeAt(i))) i++;
				prevSpace = true;
				continue;
			}
		}
		// @handles: skipped.
		if (c === 64 && i + 1 < n && (isLetter(text.charCodeAt(i + 1)) || isDigit(text.charCodeAt(i + 1)) || text.charCodeAt(i + 1) === 95)) {
			i++;
			while (i < n) {
				const d = text.charCodeAt(i);
				if (isLetter(d) || isDigit(d) || d === 95 || d === 46) i++;
				else break;
			}
			prevSpace = false;
			continue;
		}
		const hashtag = c === 35 && i + 1 < n && isLetter(text.charCodeAt(i + 1));
		if (hashtag || isLetter(c) || isDigit(c)) {
			const start = hashtag ? i + 1 : i;
			let j = start;
			let letters = 0;
			let upper = 0;
			let lower = 0;
			let run = 0;
			let maxRun = 0;
			let prev = -1;
			let apos = -1;
			while (j < n) {
				const d = text.charCodeAt(j);
				if (isLetter(d) || isDigit(d) || d === 95) {
					if (isLetter(d)) {
						letters++;
						if ((d >= 65 && d <= 90) || (d >= 0xc0 && d <= 0xde)) upper++;
						else lower++;
					}
					run = d === prev ? run + 1 : 1;
					if (run > maxRun) maxRun = run;
					prev = d;
					j++;
				} else if ((d === 39 || d === 0x2019) && j + 1 < n && isLetter(text.charCodeAt(j + 1)) && apos === -1) {
					apos = j - start;
					prev = -1;
					j++;
				} else {
					break;
				}
			}
			let lower_ = sameLength ? lowered.slice(start, j) : text.slice(start, j).toLowerCase();
			if (apos !== -1 && text.charCodeAt(start + apos) === 0x2019) {
				lower_ = lower_.slice(0, apos) + "'" + lower_.slice(apos + 1);
			}
			const caps = letters >= 2 && lower === 0 && upper >= 2;
			const elongated = maxRun >= 3 && letters > 0;
			if (elongated) lower_ = collapseRuns(lower_);
			if (options.splitElisions && apos > 0 && ELISIONS.has(lower_.slice(0, apos))) {
				const el = makeToken(TokenKind.Word, lower_.slice(0, apos + 1));
				tokens.push(el);
				lower_ = lower_.slice(apos + 1);
			}
			const tok = makeToken(TokenKind.Word, lower_);
			tok.caps = caps;
			tok.elongated = elongated;
			tok.hashtag = hashtag;
			tokens.push(tok);
			// An emoticon glued to the word end: `great:)`.
			i = j;
			prevSpace = false;
			continue;
		}
		if (isEmojiStart(c)) {
			const cp = text.codePointAt(i) as number;
			const len = cp > 0xffff ? 2 : 1;
			// Skin tones and regional indicators carry no sentiment.
			if (!(cp >= 0x1f3fb && cp <= 0x1f3ff) && !(cp >= 0x1f1e6 && cp <= 0x1f1ff)) {
				tokens.push(makeToken(TokenKind.Emoji, String.fromCodePoint(cp)));
			}
			i += len;
			prevSpace = false;
			continue;
		}
		if (c === 0xfe0f || c === 0x200d || c === 0xfe0e) {
			i++;
			continue;
		}
		// Emoticons: longest match first, only at a token boundary.
		if (c < 128 && EMOTICON_START[c] === 1 && (prevSpace || c === 58 || c === 59 || c === 61 || c === 60)) {
			let matched = '';
			const maxLen = Math.min(MAX_EMOTICON, n - i);
			for (let len = maxLen; len >= 2; len--) {
				const cand = text.slice(i, i + len);
				if (emoticons.has(cand)) {
					const after = i + len < n ? text.charCodeAt(i + len) : 32;
					if (!isLetter(after) && !isDigit(after)) {
						matched = cand;
						break;
					}
				}
			}
			if (matched) {
				tokens.push(makeToken(TokenKind.Emoticon, matched));
				i += matched.length;
				prevSpace = false;
				continue;
			}
		}
		if (c === 33 || c === 0xa1) {
			let k = i;
			while (k < n && (text.charCodeAt(k) === 33 || text.charCodeAt(k) === 49 || text.charCodeAt(k) === 0xa1)) k++;
			const t = makeToken(TokenKind.Exclamation, '!');
			t.count = k - i;
			tokens.push(t);
			i = k;
			prevSpace = false;
			continue;
		}
		if (c === 63 || c === 0xbf) {
			let k = i;
			while (k < n && (text.charCodeAt(k) === 63 || text.charCodeAt(k) === 0xbf || text.charCodeAt(k) === 33)) k++;
			const t = makeToken(TokenKind.Question, '?');
			t.count = k - i;
			tokens.push(t);
			i = k;
			prevSpace = false;
			continue;
		}
		if (c === 46 || c === 44 || c === 59 || c === 58 || c === 0x2026 || c === 0x2014 || c === 0x2013 || c === 40 || c === 41 || c === 34 || c === 0xab || c === 0xbb || c === 0x201c || c === 0x201d || c === 124) {
			if (tokens.length > 0 && tokens[tokens.length - 1].kind !== TokenKind.Break) {
				tokens.push(makeToken(TokenKind.Break, text[i]));
			}
			i++;
			prevSpace = false;
			continue;
		}
		if (c === 45 && prevSpace) {
			if (tokens.length > 0 && tokens[tokens.length - 1].kind !== TokenKind.Break) {
				tokens.push(makeToken(TokenKind.Break, '-'));
			}
		}
		i++;
		prevSpace = false;
	}
	return tokens;
}
