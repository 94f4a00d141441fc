/**
 * Bytes → text for source bodies, in the order XML and HTTP give (issue 15): a byte order
 * mark first, then the `charset` of Content-Type, then the XML declaration's `encoding`,
 * else UTF-8 — or windows-1252 when the undeclared bytes are mostly not UTF-8 (an old
 * ISO-8859-1 feed that declares nothing). Decoding uses the standard TextDecoder (WHATWG
 * labels: UTF-8, UTF-16 LE/BE, ISO-8859-1…16 — ISO-8859-1 is read as its superset
 * windows-1252 —, windows-1250…1258, KOI8…), and a small decoder for UTF-32, which
 * TextDecoder does not know but XML allows (found by its byte order mark or the zero
 * bytes around `<?`). Invalid byte sequences become U+FFFD, never an exception. Pure: no I/O.
 */
import { C1_WINDOWS_1252 } from './html';

export type CharsetSource = 'bom' | 'content-type' | 'xml-declaration' | 'default';

export interface DecodedBody {
	text: string;
	/** Encoding actually used (TextDecoder's canonical name: `utf-8`, `windows-1252`, `utf-16le`…; or `utf-32le`, `utf-32be`). */
	charset: string;
	/** Where the encoding came from. */
	from: CharsetSource;
	/**
	 * Set when a declared encoding was unknown and UTF-8 was used instead, or when nothing
	 * declared the encoding and the bytes were read as windows-1252 since they are not UTF-8.
	 */
	note: string | null;
}

/** The `charset` parameter of a Content-Type header, or null. Bounded pattern (header text). */
export function contentTypeCharset(contentType: unknown): string | null {
	if (typeof contentType !== 'string') return null;
	const m = /;\s{0,20}charset\s{0,5}=\s{0,5}["']?([A-Za-z0-9._:-]{1,40})/i.exec(contentType.slice(0, 1000));
	return m ? m[1] : null;
}

function bomOf(bytes: Uint8Array): string | null {
	if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
	// UTF-32 first: its little-endian mark starts like the UTF-16LE one.
	if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0x00 && bytes[3] === 0x00)
		return 'utf-32le';
	if (bytes.length >= 4 && bytes[0] === 0x00 && bytes[1] === 0x00 && bytes[2] === 0xfe && bytes[3] === 0xff)
		return 'utf-32be';
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return null;
}

/** `encoding="…"` of an XML declaration at the start (ASCII-compatible or BOM-less UTF-16). */
export function xmlDeclarationCharset(bytes: Uint8Array): string | null {
	// BOM-less UTF-32 and UTF-16 announce themselves by the zero bytes around `<?` (XML 1.0 appendix F).
	if (bytes.length >= 8) {
		const zeros = (i: number) => bytes[i] === 0 && bytes[i + 1] === 0 && bytes[i + 2] === 0;
		if (bytes[0] === 0x3c && zeros(1) && bytes[4] === 0x3f && zeros(5)) return 'utf-32le';
		if (zeros(0) && bytes[3] === 0x3c && zeros(4) && bytes[7] === 0x3f) return 'utf-32be';
	}
	if (bytes.length >= 4 && bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f)
		return 'utf-16be';
	if (bytes.length >= 4 && bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00)
		return 'utf-16le';
	let head = '';
	const n = Math.min(bytes.length, 256);
	for (let i = 0; i < n; i++) {
		const b = bytes[i];
		if (b === 0x3e) break; // end of the declaration
		head += String.fromCharCode(b < 0x80 ? b : 0x3f);
	}
	const m = /^\s{0,64}<\?xml\s[^?]{0,200}?encoding\s{0,5}=\s{0,5}["']([A-Za-z0-9._:-]{1,40})["']/i.exec(head);
	return m ? m[1] : null;
}

interface Decoder {
	readonly encoding: string;
	decode(input: Uint8Array): string;
}

function decoder(label: string): Decoder | null {
	try {
		return new TextDecoder(label.trim().toLowerCase());
	} catch {
		return null;
	}
}

/**
 * Decodes a body: BOM, then Content-Type charset, then XML declaration, else UTF-8. A
 * declared but unknown encoding falls back to UTF-8 and says so in `note`. A declaration
 * that contradicts a BOM-less UTF-16 or UTF-32 body is overruled by the zero bytes. When
 * nothing declares the encoding and the bytes are mostly not UTF-8 (undeclaredIsUtf8),
 * they are read as windows-1252 (the web's default for undeclared single-byte text) and
 * `note` says so.
 */
export function decodeBody(bytes: Uint8Array, contentType: unknown = null): DecodedBody {
	let label: string | null = bomOf(bytes);
	let from: CharsetSource = 'bom';
	if (!label) {
		label = contentTypeCharset(contentType);
		from = 'content-type';
		// An ASCII-compatible label cannot describe a body that starts `\0<\0?`: the bytes win.
		const declared = xmlDeclarationCharset(bytes);
		if (
			declared &&
			(/^utf-32/.test(declared) || (/^utf-16/.test(declared) && !(label && /^utf-?16/i.test(label))))
		) {
			label = declared;
			from = 'xml-declaration';
		} else if (!label && declared) {
			label = declared;
			from = 'xml-declaration';
		}
	}
	if (label === 'utf-32le' || label === 'utf-32be') {
		const start = from === 'bom' ? 4 : 0;
		return { text: decodeUtf32(bytes, start, label === 'utf-32le'), charset: label, from, note: null };
	}
	let note: string | null = null;
	let dec = label ? decoder(/^utf-?16$/i.test(label) ? 'utf-16le' : label) : null;
	if (label && !dec) note = `unknown encoding "${label}" (${from}): read as UTF-8`;
	if (!dec) {
		from = 'default';
		if (!label) {
			const utf8 = undeclaredIsUtf8(bytes);
			if (utf8 !== null) return { text: utf8, charset: 'utf-8', from, note: null };
			const why = 'not valid UTF-8 and no encoding declared: read as windows-1252';
			return { text: decodeWindows1252(bytes), charset: 'windows-1252', from, note: why };
		}
		dec = new TextDecoder('utf-8');
	}
	const text = dec.encoding === 'windows-1252' ? decodeWindows1252(bytes) : dec.decode(bytes);
	return { text, charset: dec.encoding, from, note };
}

/**
 * The text of an undeclared body when it is UTF-8, else null. Valid UTF-8 is UTF-8; invalid
 * bytes are still read as UTF-8 when its valid non-ASCII characters outnumber its invalid
 * sequences (a UTF-8 feed with a stray Latin-1 byte keeps its accents, the byte becomes
 * U+FFFD), and not otherwise (an ISO-8859-1 feed, where nearly every accented letter is an
 * invalid sequence). Linear: one strict decode, then one lenient decode and count if it failed.
 */
function undeclaredIsUtf8(bytes: Uint8Array): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// counted below
	}
	const text = new TextDecoder('utf-8').decode(bytes);
	let invalid = 0;
	let valid = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) continue;
		if (c === 0xfffd) invalid++;
		else if (c < 0xdc00 || c > 0xdfff) valid++; // a pair counts once
	}
	return valid > invalid ? text : null;
}

/** UTF-32 from `start` (after a byte order mark): invalid code points and a cut last unit become U+FFFD. */
function decodeUtf32(bytes: Uint8Array, start: number, littleEndian: boolean): string {
	const parts: string[] = [];
	const CHUNK = 8192;
	const units = new Uint16Array(CHUNK + 2);
	let u = 0;
	for (let i = start; i < bytes.length; i += 4) {
		let cp = 0xfffd;
		if (i + 4 <= bytes.length) {
			cp = littleEndian
				? (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0
				: ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
			if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
		}
		if (cp >= 0x10000) {
			units[u++] = 0xd800 + ((cp - 0x10000) >> 10);
			units[u++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
		} else units[u++] = cp;
		if (u >= CHUNK) {
			parts.push(String.fromCharCode(...units.subarray(0, u)));
			u = 0;
		}
	}
	if (u > 0) parts.push(String.fromCharCode(...units.subarray(0, u)));
	return parts.join('');
}

/**
 * windows-1252 (and ISO-8859-1, which WHATWG reads as it) by table: some Node releases
 * (20.x) decode 0x80–0x9F as C1 controls instead of `€ ‚ … ’ “ ”`.
 */
function decodeWindows1252(bytes: Uint8Array): string {
	const parts: string[] = [];
	const CHUNK = 8192;
	for (let i = 0; i < bytes.length; i += CHUNK) {
		const end = Math.min(bytes.length, i + CHUNK);
		const codes = new Uint16Array(end - i);
		for (let j = i; j < end; j++) {
			const b = bytes[j];
			codes[j - i] = b >= 0x80 && b < 0xa0 ? (C1_WINDOWS_1252[b] ?? b) : b;
		}
		parts.push(String.fromCharCode(...codes));
	}
	return parts.join('');
}
