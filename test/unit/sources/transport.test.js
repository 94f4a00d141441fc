// JavaScript on purpose: it drives Node streams, Buffers and a loopback HTTP server, which strict lint forbids in .ts files.
// Issue 15: the transport caps the body while downloading and decodes it by BOM, Content-Type charset, XML declaration.
const http = require('http');
const path = require('path');
const { Readable } = require('stream');
const { sourceRequest, DEFAULT_POLICY } = require('../../../nodes/Mentions/transport/request');
const { decodeBody, contentTypeCharset, xmlDeclarationCharset } = require('../../../core/sources/charset');
const { mapRssPage } = require('../../../core/sources/rss/mapRss');

/** Encodes text in a single-byte charset by inverting TextDecoder's table (real bytes, no library). */
function encodeSingleByte(text, charset) {
	const dec = new TextDecoder(charset);
	const table = new Map();
	for (let b = 0; b < 256; b++) table.set(dec.decode(Uint8Array.of(b)), b);
	// Node 20's windows-1252 decoder reads 0x80–0x9F as C1 controls: the standard's bytes for these.
	if (charset === 'windows-1252') for (const [ch, b] of [['€', 0x80], ['’', 0x92], ['–', 0x96], ['œ', 0x9c]]) table.set(ch, b);
	return Buffer.from([...text].map((ch) => {
		const b = table.get(ch);
		if (b === undefined) throw new Error(`${ch} not in ${charset}`);
		return b;
	}));
}
const utf16be = (text) => {
	const le = Buffer.from(text, 'utf16le');
	for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
	return le;
};

const feed = (title, encoding) =>
	`<?xml version="1.0"${encoding ? ` encoding="${encoding}"` : ''}?><rss version="2.0"><channel><title>${title}</title><link>https://press.example/</link>` +
	`<item><guid>1</guid><title>${title}</title><pubDate>Wed, 10 Jul 2019 11:53:37 +0000</pubDate><description>${title}</description></item></channel></rss>`;

const CASES = [
	['ISO-8859-1 by XML declaration', 'Crise à Orléans : « données » volées', (t) => encodeSingleByte(feed(t, 'ISO-8859-1'), 'windows-1252'), 'application/rss+xml', 'xml-declaration'],
	['windows-1252 by Content-Type', 'L’incident – coût 5 €', (t) => encodeSingleByte(feed(t, null), 'windows-1252'), 'text/xml; charset=windows-1252', 'content-type'],
	['windows-1251 by Content-Type', 'Утечка данных Орвиа', (t) => encodeSingleByte(feed(t, null), 'windows-1251'), 'application/xml;charset="windows-1251"', 'content-type'],
	['ISO-8859-7 by XML declaration', 'Διαρροή δεδομένων', (t) => encodeSingleByte(feed(t, 'ISO-8859-7'), 'iso-8859-7'), 'text/xml', 'xml-declaration'],
	['windows-1253 by XML declaration', 'Διαρροή δεδομένων', (t) => encodeSingleByte(feed(t, 'windows-1253'), 'windows-1253'), null, 'xml-declaration'],
	['windows-1250 by Content-Type', 'Únik dat společnosti Žďár', (t) => encodeSingleByte(feed(t, null), 'windows-1250'), 'text/xml; charset=windows-1250', 'content-type'],
	['ISO-8859-15 by XML declaration', 'Coût 5 € œuvre', (t) => encodeSingleByte(feed(t, 'iso-8859-15'), 'iso-8859-15'), null, 'xml-declaration'],
	['UTF-16LE with BOM', 'Crise à Orléans 漏洩', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(feed(t, 'UTF-16'), 'utf16le')]), 'text/xml', 'bom'],
	['UTF-16BE with BOM', 'Crise à Orléans 漏洩', (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(feed(t, 'UTF-16'))]), null, 'bom'],
	['UTF-16BE without BOM (zero bytes + declaration)', 'Утечка', (t) => utf16be(feed(t, 'UTF-16BE')), 'text/xml; charset=iso-8859-1', 'xml-declaration'],
	['UTF-8 with BOM beats a wrong Content-Type', 'Crise à Orléans', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(feed(t, 'ISO-8859-1'))]), 'text/xml; charset=iso-8859-1', 'bom'],
	['UTF-8 by default', 'Crise à Orléans', (t) => Buffer.from(feed(t, null)), 'application/rss+xml', 'default'],
];

function fakeCtx(respond) {
	const calls = [];
	const helper = async (options) => {
		calls.push(options);
		return respond(options);
	};
	return { calls, ctx: { helpers: { httpRequest: helper, httpRequestWithAuthentication: async (_t, o) => helper(o) } } };
}

describe('charset decoding with real encoded bytes', () => {
	it.each(CASES)('%s', async (_name, title, bytesOf, contentType, from) => {
		const bytes = bytesOf(title);
		const decoded = decodeBody(new Uint8Array(bytes), contentType);
		expect(decoded.from).toBe(from);
		expect(decoded.text).toContain(title);
		// Through the transport, from a stream in small chunks (as n8n hands it with encoding: 'stream').
		const { ctx, calls } = fakeCtx(async () => ({
			statusCode: 200,
			headers: contentType ? { 'content-type': contentType } : {},
			body: Readable.from(chunks(bytes, 7)),
		}));
		const r = await sourceRequest(ctx, { source: 'rss', credentialType: null, url: 'https://press.example/feed' });
		expect(r.ok).toBe(true);
		expect(calls[0].encoding).toBe('stream');
		const { mentions } = mapRssPage(r.body, { fetchedAt: '2026-03-05T09:30:00.000Z' });
		expect(mentions[0].title).toBe(title);
		expect(mentions[0].text).toBe(title);
		expect(mentions[0].text).not.toContain('\uFFFD');
	});

	it('reads the charset parameter and the declaration, and falls back to UTF-8 on unknown labels', () => {
		expect(contentTypeCharset('text/xml; Charset = "ISO-8859-1"')).toBe('ISO-8859-1');
		expect(contentTypeCharset('application/json')).toBeNull();
		expect(xmlDeclarationCharset(Buffer.from("<?xml version='1.0' encoding='windows-1251' ?><rss/>"))).toBe('windows-1251');
		const d = decodeBody(Buffer.from('<?xml version="1.0" encoding="x-klingon"?><rss/>'), null);
		expect(d).toMatchObject({ charset: 'utf-8', from: 'default', note: 'unknown encoding "x-klingon" (xml-declaration): read as UTF-8' });
		// Invalid bytes in a body declared UTF-8 become U+FFFD, never an exception.
		expect(decodeBody(Uint8Array.of(0x61, 0xc3, 0x28, 0xff, 0x62), 'text/xml; charset=utf-8').text).toBe('a\uFFFD(\uFFFDb');
		// Undeclared and not UTF-8: read as windows-1252, and the note says so.
		expect(decodeBody(Uint8Array.of(0x61, 0xc3, 0x28, 0xff, 0x62), 'text/xml')).toMatchObject({ text: 'aÃ(ÿb', charset: 'windows-1252', from: 'default' });
	});
});

function* chunks(buf, size) {
	for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

describe('the body is capped while it downloads', () => {
	it('stops reading a stream past maxBodyBytes and fails the source with a clear message', async () => {
		let pulled = 0;
		let destroyed = false;
		const big = new Readable({
			read() {
				pulled++;
				this.push(pulled > 200 ? null : Buffer.alloc(64 * 1024, 0x61));
			},
			destroy(err, cb) {
				destroyed = true;
				cb(err);
			},
		});
		const { ctx } = fakeCtx(async () => ({ statusCode: 200, headers: {}, body: big }));
		const r = await sourceRequest(ctx, { source: 'rss', credentialType: null, url: 'https://x.example/huge' }, { ...DEFAULT_POLICY, maxBodyBytes: 1024 * 1024 });
		expect(r.ok).toBe(false);
		expect(r.calls).toBe(1);
		expect(r.failure.message).toMatch(/^rss: body larger than 1048576 bytes: the download was stopped at \d+ bytes$/);
		expect(pulled).toBeLessThan(40); // 200 chunks were on offer
		expect(destroyed).toBe(true);
	});

	it('against a real n8n 2.41 request helper and a loopback server: the connection is dropped at the cap', async () => {
		let helper;
		try {
			helper = require(path.join(path.dirname(require.resolve('n8n-core')), '../node_modules/@n8n/backend-network/dist/http/axios/request.js'));
		} catch {
			helper = require('@n8n/backend-network/dist/http/axios/request.js');
		}
		let sent = 0;
		let closedEarly = false;
		const server = http.createServer((req, res) => {
			res.writeHead(200, { 'content-type': 'application/rss+xml; charset=windows-1251' });
			const chunk = Buffer.alloc(64 * 1024, 0x61);
			const pump = () => {
				while (sent < 64 * 1024 * 1024) {
					sent += chunk.length;
					if (!res.write(chunk)) return res.once('drain', pump);
				}
				res.end();
			};
			res.on('close', () => {
				if (sent < 64 * 1024 * 1024) closedEarly = true;
			});
			pump();
		});
		await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const ctx = { helpers: { httpRequest: (o) => helper.httpRequest(o), httpRequestWithAuthentication: async () => { throw new Error('unused'); } } };
			const url = `http://127.0.0.1:${server.address().port}/feed`;
			const r = await sourceRequest(ctx, { source: 'rss', credentialType: null, url }, { ...DEFAULT_POLICY, maxBodyBytes: 2 * 1024 * 1024 });
			expect(r.ok).toBe(false);
			expect(r.failure.message).toMatch(/body larger than 2097152 bytes/);
			await new Promise((resolve) => setTimeout(resolve, 200));
			expect(closedEarly).toBe(true);
			expect(sent).toBeLessThan(32 * 1024 * 1024);

			// And a normal windows-1251 body through the same real helper is decoded.
			const ok = http.createServer((req, res) => {
				res.writeHead(200, { 'content-type': 'application/rss+xml; charset=windows-1251' });
				res.end(encodeSingleByte(feed('Утечка данных', null), 'windows-1251'));
			});
			await new Promise((resolve) => ok.listen(0, '127.0.0.1', resolve));
			try {
				const r2 = await sourceRequest(ctx, { source: 'rss', credentialType: null, url: `http://127.0.0.1:${ok.address().port}/feed` });
				expect(r2.ok).toBe(true);
				expect(mapRssPage(r2.body, { fetchedAt: '2026-03-05T09:30:00.000Z' }).mentions[0].title).toBe('Утечка данных');
			} finally {
				ok.close();
			}
		} finally {
			server.closeAllConnections?.();
			server.close();
		}
	}, 60000); // loading n8n-core's helper takes seconds on a loaded machine
});
