import { decodeBody } from '../../../core/sources/charset';
import { C1_WINDOWS_1252 } from '../../../core/sources/html';
import { mapRssPage } from '../../../core/sources/rss/mapRss';

/** ISO-8859-1 bytes of a text (every character below U+0100). */
function latin1(text: string): Uint8Array {
	return Uint8Array.from(text, (ch) => {
		const c = ch.charCodeAt(0);
		if (c > 0xff) throw new Error(`${ch} not in ISO-8859-1`);
		return c;
	});
}

function concat(...parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let o = 0;
	for (const p of parts) {
		out.set(p, o);
		o += p.length;
	}
	return out;
}

/** UTF-32 bytes of a text, little- or big-endian. */
function utf32(text: string, littleEndian: boolean): Uint8Array {
	const cps = Array.from(text, (ch) => ch.codePointAt(0) ?? 0);
	const out = new Uint8Array(cps.length * 4);
	const view = new DataView(out.buffer);
	cps.forEach((cp, i) => view.setUint32(i * 4, cp, littleEndian));
	return out;
}

/** windows-1252 bytes of a text (ISO-8859-1 plus 0x80–0x9F as the standard's table). */
function windows1252(text: string): Uint8Array {
	const high = new Map(Object.entries(C1_WINDOWS_1252).map(([b, cp]) => [cp, Number(b)]));
	return Uint8Array.from(text, (ch) => {
		const c = ch.charCodeAt(0);
		const b = c <= 0xff ? c : high.get(c);
		if (b === undefined) throw new Error(`${ch} not in windows-1252`);
		return b;
	});
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const feed = (title: string, declaration = '<?xml version="1.0"?>') =>
	`${declaration}<rss version="2.0"><channel><title>Eleições</title><link>https://press.example/</link>` +
	`<item><guid>1</guid><title>${title}</title><pubDate>Wed, 10 Jul 2019 11:53:37 +0000</pubDate><description>${title}</description></item></channel></rss>`;

const FETCHED = { fetchedAt: '2026-03-05T09:30:00.000Z' };

describe('decodeBody: undeclared bodies that are not UTF-8', () => {
	const title = 'simulações de 2º turno – “já”';

	it('reads an undeclared ISO-8859-1 / windows-1252 body as windows-1252 and says so', () => {
		const d = decodeBody(windows1252(feed(title)), null);
		expect(d.charset).toBe('windows-1252');
		expect(d.from).toBe('default');
		expect(d.note).toBe('not valid UTF-8 and no encoding declared: read as windows-1252');
		expect(d.text).toBe(feed(title));
	});

	it('maps an undeclared Latin-1 feed without replacement characters', () => {
		const d = decodeBody(latin1(feed('simulações de 2º turno')), 'application/rss+xml');
		expect(d).toMatchObject({ charset: 'windows-1252', from: 'default' });
		const [m] = mapRssPage(d.text, FETCHED).mentions;
		expect(m.title).toBe('simulações de 2º turno');
	});

	it('keeps UTF-8 when the body is valid UTF-8, or mostly UTF-8 with a stray byte', () => {
		expect(decodeBody(utf8(feed('simulações')), null)).toMatchObject({ charset: 'utf-8', from: 'default', note: null });
		const mostly = concat(utf8(feed('simulações de 2º turno, ação, eleição')), Uint8Array.of(0xe9), utf8(' fim'));
		const d = decodeBody(mostly, null);
		expect(d).toMatchObject({ charset: 'utf-8', from: 'default', note: null });
		expect(d.text).toContain('simulações de 2º turno, ação, eleição');
		expect(d.text).toContain('\uFFFD fim');
	});

	it('keeps every declared encoding as it is, valid or not', () => {
		const latin = latin1(feed('simulações'));
		expect(decodeBody(latin, 'text/xml; charset=utf-8')).toMatchObject({ charset: 'utf-8', from: 'content-type', note: null });
		expect(decodeBody(latin, 'text/xml; charset=utf-8').text).toContain('simula\uFFFD\uFFFDes');
		const declared = latin1(feed('simulações', '<?xml version="1.0" encoding="UTF-8"?>'));
		expect(decodeBody(declared, null)).toMatchObject({ charset: 'utf-8', from: 'xml-declaration', note: null });
		expect(decodeBody(concat(Uint8Array.of(0xef, 0xbb, 0xbf), latin), null)).toMatchObject({ charset: 'utf-8', from: 'bom' });
		const unknown = decodeBody(latin1(feed('simulações', '<?xml version="1.0" encoding="x-klingon"?>')), null);
		expect(unknown).toMatchObject({ charset: 'utf-8', from: 'default', note: 'unknown encoding "x-klingon" (xml-declaration): read as UTF-8' });
		expect(decodeBody(latin, 'text/xml; charset=iso-8859-1')).toMatchObject({ charset: 'windows-1252', from: 'content-type', note: null });
	});

	it('decides on 5 MB of invalid bytes in linear time', () => {
		const bytes = new Uint8Array(5 * 1024 * 1024).fill(0xe9);
		const t = performance.now();
		const d = decodeBody(bytes, null);
		expect(performance.now() - t).toBeLessThan(2000);
		expect(d.charset).toBe('windows-1252');
		expect(d.text.length).toBe(bytes.length);
	});
});

describe('decodeBody: UTF-32', () => {
	const title = 'Crise à Orléans 漏洩 🚨';

	it.each([
		['UTF-32LE with BOM', concat(Uint8Array.of(0xff, 0xfe, 0, 0), utf32(feed(title), true)), 'utf-32le', 'bom'],
		['UTF-32BE with BOM', concat(Uint8Array.of(0, 0, 0xfe, 0xff), utf32(feed(title), false)), 'utf-32be', 'bom'],
		['UTF-32LE without BOM', utf32(feed(title), true), 'utf-32le', 'xml-declaration'],
		['UTF-32BE without BOM', utf32(feed(title), false), 'utf-32be', 'xml-declaration'],
	])('%s is read, not mistaken for UTF-16 or UTF-8', (_name, bytes, charset, from) => {
		const d = decodeBody(bytes, 'application/rss+xml');
		expect(d).toMatchObject({ charset, from, note: null });
		expect(d.text).toBe(feed(title));
		const [m] = mapRssPage(d.text, FETCHED).mentions;
		expect(m.title).toBe(title);
	});

	it('says what it did with broken UTF-32', () => {
		const d = decodeBody(concat(Uint8Array.of(0xff, 0xfe, 0, 0), utf32('ab', true), Uint8Array.of(0, 0, 0x11, 0, 0, 0xd8, 0, 0, 0x63)), null);
		expect(d.charset).toBe('utf-32le');
		expect(d.text).toBe('ab\uFFFD\uFFFD\uFFFD');
	});
});
