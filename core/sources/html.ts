/**
 * HTML → plain text for mention bodies (Mastodon `content`, HN `comment_text`, RSS
 * descriptions, YouTube `textDisplay`). Not a sanitiser: the output is text, never
 * re-rendered as HTML.
 *
 * Bodies are untrusted, so everything here runs in time linear in the input: one forward
 * scan with no backtracking regex over unbounded text. Searches for a terminator (`>`,
 * `-->`, `</script`) remember where the next one is, so a run of unclosed `<a`, `<script`
 * or `<!--` costs one pass, not one pass per opener (issue 15).
 */
import { HTML_ENTITY_DATA } from './htmlEntities';

let named: Map<string, string> | null = null;

/** The HTML5 named references (built on first use from the compact data table). */
function namedEntities(): Map<string, string> {
	if (named) return named;
	const map = new Map<string, string>();
	for (const entry of HTML_ENTITY_DATA.split(',')) {
		const eq = entry.indexOf('=');
		const cps = entry
			.slice(eq + 1)
			.split('.')
			.map((h) => parseInt(h, 16));
		map.set(entry.slice(0, eq), String.fromCodePoint(...cps));
	}
	// `&zwj;` `&zwnj;` `&lrm;` `&rlm;` give their characters, like `&#8205;`: a joiner holds an
	// emoji sequence together (👩‍💻), a direction mark orders mixed-script text.
	named = map;
	return map;
}

/** Characters the HTML5 parser substitutes for numeric references 0x80–0x9F (windows-1252). */
export const C1_WINDOWS_1252: Record<number, number> = {
	0x80: 0x20ac,
	0x82: 0x201a,
	0x83: 0x0192,
	0x84: 0x201e,
	0x85: 0x2026,
	0x86: 0x2020,
	0x87: 0x2021,
	0x88: 0x02c6,
	0x89: 0x2030,
	0x8a: 0x0160,
	0x8b: 0x2039,
	0x8c: 0x0152,
	0x8e: 0x017d,
	0x91: 0x2018,
	0x92: 0x2019,
	0x93: 0x201c,
	0x94: 0x201d,
	0x95: 0x2022,
	0x96: 0x2013,
	0x97: 0x2014,
	0x98: 0x02dc,
	0x99: 0x2122,
	0x9a: 0x0161,
	0x9b: 0x203a,
	0x9c: 0x0153,
	0x9e: 0x017e,
	0x9f: 0x0178,
};

function codePoint(n: number, windows1252Controls: boolean): string {
	if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff))
		return '\uFFFD';
	return String.fromCodePoint((windows1252Controls ? C1_WINDOWS_1252[n] : undefined) ?? n);
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
	return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function isAlnum(c: number): boolean {
	return isAsciiLetter(c) || isDigit(c);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
let utf16: { decode(input: Uint16Array): string } | null = null;

/**
 * A code-unit buffer back to a string: natively (UTF-16LE TextDecoder; lone surrogates
 * become U+FFFD) on little-endian hosts, else in chunks of fromCharCode.
 */
function fromCodeUnits(units: Uint16Array, length: number): string {
	if (LITTLE_ENDIAN) {
		utf16 ??= new TextDecoder('utf-16le');
		return utf16.decode(units.subarray(0, length));
	}
	const parts: string[] = [];
	for (let i = 0; i < length; i += 8192)
		parts.push(String.fromCharCode(...units.subarray(i, Math.min(length, i + 8192))));
	return parts.join('');
}

/**
 * Decodes `&…;` references in one forward pass into a code-unit buffer (a reference is
 * never shorter than the text it stands for): numeric `&#39;` / `&#x27;` (at most 7
 * decimal or 6 hex digits), and names `named` knows (2–32 letters and digits). Anything
 * else stays as written. One pass: `&amp;lt;` gives `&lt;`. Linear, with no allocation per
 * reference, so a 5 MB run of references costs what 5 MB of text does (issue 15).
 */
export function decodeReferences(
	text: string,
	named: (name: string) => string | undefined,
	windows1252Controls: boolean,
): string {
	const first = text.indexOf('&');
	if (first === -1) return text;
	const n = text.length;
	const out = new Uint16Array(n);
	let o = 0;
	for (let k = 0; k < first; k++) out[o++] = text.charCodeAt(k);
	let i = first;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (c !== 38) {
			out[o++] = c;
			i++;
			continue;
		}
		let j = i + 1;
		let replacement: string | undefined;
		if (text.charCodeAt(j) === 35) {
			j++;
			const hex = text.charCodeAt(j) === 120 || text.charCodeAt(j) === 88;
			if (hex) j++;
			const start = j;
			const max = hex ? 6 : 7;
			while (j < n && j - start < max && (hex ? isHexDigit(text.charCodeAt(j)) : isDigit(text.charCodeAt(j)))) j++;
			if (j > start && text.charCodeAt(j) === 59) {
				replacement = codePoint(parseInt(text.slice(start, j), hex ? 16 : 10), windows1252Controls);
				j++;
			}
		} else if (isAsciiLetter(text.charCodeAt(j))) {
			const start = j;
			j++;
			while (j < n && j - start < 32 && isAlnum(text.charCodeAt(j))) j++;
			if (j - start >= 2 && text.charCodeAt(j) === 59) {
				replacement = named(text.slice(start, j));
				j++;
			}
		}
		if (replacement === undefined) {
			out[o++] = 38;
			i++;
			continue;
		}
		for (let k = 0; k < replacement.length; k++) out[o++] = replacement.charCodeAt(k);
		i = j;
	}
	return fromCodeUnits(out, o);
}

/** C0 controls but tab, newline and carriage return; DEL; C1 (U+0080–U+009F). */
function needsCleaning(c: number): boolean {
	return c < 32 ? c !== 9 && c !== 10 && c !== 13 : c >= 0x7f && c <= 0x9f;
}

/**
 * Text as a reader gets it: U+0080–U+009F read as windows-1252 (`’` for U+0092: text that went
 * through a Latin-1 decoder, or an XML `&#146;`), vertical tab and form feed as spaces, the
 * other control characters (all but tab, newline, carriage return) dropped. The five code
 * points windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) stay. One pass; no copy
 * when there is nothing to clean.
 */
function cleanControls(text: string): string {
	const n = text.length;
	let i = 0;
	while (i < n && !needsCleaning(text.charCodeAt(i))) i++;
	if (i === n) return text;
	const out = new Uint16Array(n);
	for (let k = 0; k < i; k++) out[k] = text.charCodeAt(k);
	let o = i;
	for (; i < n; i++) {
		const c = text.charCodeAt(i);
		if (!needsCleaning(c)) out[o++] = c;
		else if (c >= 0x80) out[o++] = C1_WINDOWS_1252[c] ?? c;
		else if (c === 11 || c === 12) out[o++] = 32;
	}
	return fromCodeUnits(out, o);
}

/**
 * Decodes HTML character references: numeric (`&#39;`, `&#x27;`, 0x80–0x9F read as
 * windows-1252 like browsers do) and the full HTML5 named table (`&infin;`, `&radic;`).
 * Unknown names stay as written. One pass: `&amp;lt;` gives `&lt;`, never `<`. Then
 * cleans the text (cleanControls): raw U+0080–U+009F as windows-1252 too, control
 * characters dropped.
 */
export function decodeEntities(text: string): string {
	if (text.indexOf('&') === -1) return cleanControls(text);
	const table = namedEntities();
	return cleanControls(decodeReferences(text, (name) => table.get(name), true));
}

/**
 * Opening tags that always write a line break (so `<p>a</p><p>b</p>` keeps its blank line
 * and `a<br><br>b` its two breaks).
 */
const BREAK_OPEN = new Set(['br', 'p', 'li', 'hr']);
/** Closing tags that always write a line break. */
const BREAK_CLOSE = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr']);
/**
 * Block-level elements: opening or closing one ends the line of text before it, if any
 * (`a<div>b`, `Kitchen</figcaption></figure><h4>How`): one line break however many block
 * tags stand between two words, none when a break is already there.
 */
const BLOCK = new Set([
	'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
	'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
	'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
	'th', 'thead', 'tr', 'ul', 'br',
]);
/** Table cells: a space on either side (`<td>2015</td><td>June</td>`), within the row's line. */
const CELL = new Set(['td', 'th']);

/** What a tag writes into the text. */
const NO_BREAK = 0;
const LINE_BREAK = 1; // always `\n`
const BLOCK_BREAK = 2; // `\n` before the next text, if text came since the last line break
const SPACE = 3;

function breakOf(name: string, closing: boolean): number {
	if (closing ? BREAK_CLOSE.has(name) : BREAK_OPEN.has(name)) return LINE_BREAK;
	if (CELL.has(name)) return SPACE;
	return BLOCK.has(name) ? BLOCK_BREAK : NO_BREAK;
}

function isAsciiLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isNameChar(c: number): boolean {
	return isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 58;
}

/** Whitespace that ends a tag name (`\s` in the former pattern, ASCII part). */
function isTagSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/**
 * Remembers the next occurrence of a needle at or after a position. Positions only move
 * forward, so each search resumes where the last one stopped: total work is linear.
 */
function forwardFinder(haystack: string, find: (from: number) => number): (from: number) => number {
	let found = -2; // -2: not searched yet; -1: none left
	return (from: number): number => {
		if (found === -1) return -1;
		if (found === -2 || found < from) found = find(from);
		return found;
	};
}

/** Index of the next `</name` (case-insensitive, followed by a non-name character), or -1. */
function findCloseTag(s: string, name: string, from: number): number {
	for (let i = s.indexOf('</', from); i !== -1; i = s.indexOf('</', i + 2)) {
		if (s.slice(i + 2, i + 2 + name.length).toLowerCase() === name) {
			const after = s.charCodeAt(i + 2 + name.length);
			if (!isNameChar(after)) return i;
		}
	}
	return -1;
}

/**
 * Strips tags (linear scan); block tags become `\n` (breakOf), table cells a space;
 * comments, scripts and styles are dropped. Text is copied in runs: a piece is cut only
 * where something is dropped, so a run of `<` that are not tags costs no allocation per
 * character.
 */
function stripTags(html: string): string {
	let out = ''; // built by `+=` (a rope, flattened once): cheaper than a join of many small pieces
	const n = html.length;
	const nextGt = forwardFinder(html, (from) => html.indexOf('>', from));
	const nextDoubleQuote = forwardFinder(html, (from) => html.indexOf('"', from));
	const nextSingleQuote = forwardFinder(html, (from) => html.indexOf("'", from));
	const nextCommentEnd = forwardFinder(html, (from) => html.indexOf('-->', from));
	const nextScriptEnd = forwardFinder(html, (from) => findCloseTag(html, 'script', from));
	const nextStyleEnd = forwardFinder(html, (from) => findCloseTag(html, 'style', from));
	let keep = 0; // start of the text not yet copied
	let lineOpen = false; // text written since the last line break
	// What a block or cell boundary after text asks for before the next text: none, a space, `\n`.
	let pending = NO_BREAK;
	// Quoted attribute values are skipped until a quote of that kind is left unclosed (see tagEnd).
	let skipDouble = true;
	let skipSingle = true;

	/**
	 * Copies the text from `keep` to `to`, the pending separator first when it holds more than
	 * whitespace. Looks at its leading and trailing whitespace only: linear.
	 */
	const copyText = (to: number) => {
		if (to <= keep) return;
		let i = keep;
		let newline = false;
		for (; i < to; i++) {
			const c = html.charCodeAt(i);
			if (c === 10) newline = true;
			else if (!isBlank(c)) break;
		}
		if (newline) {
			pending = NO_BREAK; // the text's own line break serves
			lineOpen = false;
		}
		let separator = '';
		if (i < to) {
			if (pending === BLOCK_BREAK) separator = '\n';
			else if (pending === SPACE && i === keep) separator = ' ';
			pending = NO_BREAK;
			let j = to - 1;
			while (isBlank(html.charCodeAt(j))) j--; // stops at i at the latest
			lineOpen = html.charCodeAt(j) !== 10;
		}
		out += separator;
		out += html.slice(keep, to);
	};
	const drop = (from: number, to: number, what: number) => {
		copyText(from);
		if (what === LINE_BREAK) {
			out += '\n';
			lineOpen = false;
			pending = NO_BREAK;
		} else if (what === BLOCK_BREAK) {
			if (lineOpen) pending = BLOCK_BREAK;
			lineOpen = false;
		} else if (what === SPACE && lineOpen && pending === NO_BREAK) pending = SPACE;
		keep = to;
	};

	/**
	 * The `>` that ends a start tag whose name ends at `from`, or -1: quoted attribute values
	 * are skipped (`<img alt="a > b">`). A quote opens a value only after `=`. A value whose
	 * quote is never closed (no quote of its kind in the rest of the text) falls back to the
	 * first `>`, as before, and values in that kind of quote are no longer skipped; so does a
	 * tag with no `>` outside its values before the end, and then no values are skipped. So
	 * at most three scans fail, every other one ends the tag past all it read, and each
	 * character is read a bounded number of times whatever the quotes (issue 15).
	 */
	const tagEnd = (from: number): number => {
		const first = nextGt(from);
		if (first === -1) return -1;
		const dq = skipDouble ? nextDoubleQuote(from) : -1;
		const sq = skipSingle ? nextSingleQuote(from) : -1;
		if ((dq === -1 || dq > first) && (sq === -1 || sq > first)) return first; // no quote in the tag
		let afterEq = false;
		for (let i = from; i < n; i++) {
			const c = html.charCodeAt(i);
			if (c === 62) return i; // '>'
			if (c === 61) {
				afterEq = true; // '='
				continue;
			}
			if (afterEq && ((c === 34 && skipDouble) || (c === 39 && skipSingle))) {
				const close = html.indexOf(c === 34 ? '"' : "'", i + 1);
				if (close === -1) {
					if (c === 34) skipDouble = false;
					else skipSingle = false;
					return first;
				}
				i = close;
				afterEq = false;
				continue;
			}
			if (!isTagSpace(c)) afterEq = false;
		}
		// Still inside the tag at the end of the text: every later tag that reads this far would
		// read to the end again, so values are no longer skipped.
		skipDouble = false;
		skipSingle = false;
		return first;
	};
	let pos = 0;
	while (pos < n) {
		const lt = html.indexOf('<', pos);
		if (lt === -1) break;
		if (html.startsWith('<!--', lt)) {
			// An unclosed comment runs to the end of the text, as in a browser.
			const end = nextCommentEnd(lt + 4);
			pos = end === -1 ? n : end + 3;
			drop(lt, pos, NO_BREAK);
			continue;
		}
		const closing = html.charCodeAt(lt + 1) === 47; // '/'
		const nameStart = closing ? lt + 2 : lt + 1;
		if (!isAsciiLetter(html.charCodeAt(nameStart))) {
			pos = lt + 1; // not a tag: kept as text
			continue;
		}
		let nameEnd = nameStart + 1;
		while (nameEnd < n && nameEnd - nameStart <= 32 && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
		const gt = closing ? nextGt(nameEnd) : tagEnd(nameEnd);
		if (gt === -1) {
			pos = lt + 1; // no `>` anywhere after: not a tag, kept as text
			continue;
		}
		const name = html.slice(nameStart, nameEnd).toLowerCase();
		const after = html.charCodeAt(nameEnd);
		const wholeName = nameEnd === gt || isTagSpace(after) || after === 47;
		if (!closing && wholeName && (name === 'script' || name === 'style')) {
			// Dropped with its content; unclosed, it runs to the end of the text (browser behaviour).
			const end = (name === 'script' ? nextScriptEnd : nextStyleEnd)(gt + 1);
			const endGt = end === -1 ? -1 : nextGt(end + 2 + name.length);
			pos = endGt === -1 ? n : endGt + 1;
			drop(lt, pos, NO_BREAK);
			continue;
		}
		pos = gt + 1;
		drop(lt, pos, wholeName ? breakOf(name, closing) : NO_BREAK);
	}
	if (keep === 0) return html;
	copyText(n);
	return out;
}

/** Spaces, tabs, vertical tab, form feed, carriage return, no-break space (`\n` apart). */
function isBlank(c: number): boolean {
	return c === 32 || c === 9 || c === 11 || c === 12 || c === 13 || c === 0xa0;
}

/**
 * Whitespace as a reader sees it, in one pass: runs of spaces/tabs/nbsp become one space,
 * spaces around line breaks go, at most one blank line in a row, trimmed. A single plain
 * space or line break is left in place (no copy).
 */
function tidyWhitespace(s: string): string {
	const out: string[] = [];
	const n = s.length;
	let keep = 0;
	for (let i = 0; i < n; i++) {
		const c = s.charCodeAt(i);
		if (c !== 10 && !isBlank(c)) continue;
		let j = i;
		let newlines = 0;
		for (; j < n; j++) {
			const d = s.charCodeAt(j);
			if (d === 10) newlines++;
			else if (!isBlank(d)) break;
		}
		if (j === i + 1 && (c === 32 || c === 10)) continue; // a lone space or line break stays as it is
		if (i > keep) out.push(s.slice(keep, i));
		out.push(newlines === 0 ? ' ' : newlines === 1 ? '\n' : '\n\n');
		keep = j;
		i = j - 1;
	}
	if (keep === 0) return s.trim();
	if (keep < n) out.push(s.slice(keep));
	return out.join('').trim();
}

/**
 * Strips tags and decodes entities. Block elements (`<p>`, `<div>`, `<br>`, list items,
 * headings, table rows) become line breaks, table cells spaces; inline elements (`<b>`,
 * `<a>`, `<span>`) add nothing; runs of spaces collapse; `<script>`/`<style>` content and
 * comments are dropped; control characters go, U+0080–U+009F read as windows-1252
 * (decodeEntities). Linear in the input, whatever it holds.
 */
export function htmlToText(html: string): string {
	if (html === '') return '';
	const s = html.indexOf('<') !== -1 ? stripTags(html) : html;
	return tidyWhitespace(decodeEntities(s));
}
