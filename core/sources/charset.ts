/**
 * Bytes → text for source bodies, in the order XML and HTTP give (issue 15): a byte order
 * mark first, then the `charset` of Content-Type, then the XML declaration's `encoding`,
 * else UTF-8. Decoding uses the standard TextDecoder (WHATWG labels: UTF-8, UTF-16 LE/BE,
 * ISO-8859-1…16 — ISO-8859-1 is read as its superset windows-1252 —, windows-1250…1258,
 * KOI8…). Invalid byte sequences become U+FFFD, never an exception. Pure: no I/O.
 */
import { C1_WINDOWS_1252 } from './html';

export type CharsetSource = 'bom' | 'content-type' | 'xml-declaration' | 'default';

export interface DecodedBody {
	text: string;
	/** Encoding actually used (TextDecoder's canonical name: `utf-8`, `windows-1252`, `utf-16le`…). */
	charset: string;
	/** Where the encoding came from. */
	from: CharsetSource;
	/** Set when a declared encoding was unknown and UTF-8 was used instead. */
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
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return null;
}

/** `encoding="…"` of an XML declaration at the start (ASCII-compatible or BOM-less UTF-16). */
export function xmlDeclarationCharset(bytes: Uint8Array): string | null {
	// BOM-less UTF-16 announces itself by the zero bytes around `<?` (XML 1.0 appendix F).
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
 * that contradicts a BOM-less UTF-16 body is overruled by the zero bytes.
 */
export function decodeBody(bytes: Uint8Array, contentType: unknown = null): DecodedBody {
	let label: string | null = bomOf(bytes);
	let from: CharsetSource = 'bom';
	if (!label) {
		label = contentTypeCharset(contentType);
		from = 'content-type';
		// An ASCII-compatible label cannot describe a body that starts `\0<\0?`: the bytes win.
		const declared = xmlDeclarationCharset(bytes);
		if (declared && /^utf-16/.test(declared) && !(label && /^utf-?16/i.test(label))) {
			label = declared;
			from = 'xml-declaration';
		} else if (!label && declared) {
			label = declared;
			from = 'xml-declaration';
		}
	}
	let note: string | null = null;
	let dec = label ? decoder(/^utf-?16$/i.test(label) ? 'utf-16le' : label) : null;
	if (label && !dec) note = `unknown encoding "${label}" (${from}): read as UTF-8`;
	if (!dec) {
		dec = new TextDecoder('utf-8');
		from = 'default';
	}
	const text = dec.encoding === 'windows-1252' ? decodeWindows1252(bytes) : dec.decode(bytes);
	return { text, charset: dec.encoding, from, note };
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
