// JavaScript on purpose (fuzz tier). The pathological shapes of issue 15 at full size: attribute-name
// runs, unclosed tags (raw, in CDATA, escaped), comments, deep nesting, entity bombs, invalid UTF-8,
// JSON nesting bombs and 5 MB inputs. Each must end in time with a result or a clear error; a 1 MB
// hostile feed maps in under a second.
const { SHAPES, runShape } = require('./hostile');
const { limitMs, loadFactor } = require('./fuzzlib');
const { SourceBodyError } = require('../../core/sources/errors');
const { decodeBody } = require('../../core/sources/charset');
const { mapRssPage } = require('../../core/sources/rss/mapRss');
const { mapRedditPage } = require('../../core/sources/reddit/mapReddit');
const { mapMastodonPage } = require('../../core/sources/mastodon/mapMastodon');
const { mapXPage } = require('../../core/sources/x/mapX');
const { mapHackerNewsPage } = require('../../core/sources/hackernews/mapHackerNews');
const { mapYoutubePage } = require('../../core/sources/youtube/mapYoutube');
const { mapBlueskyPage } = require('../../core/sources/bluesky/mapBluesky');
const { mapAppStorePage } = require('../../core/sources/appstore/mapAppStore');
const { validateCrisisDocument } = require('../../core/document/validateCrisisDocument');
const html = require('../../core/sources/html');
const mapImport = require('../../core/sources/import/mapImport');

const MODS = {
	mapRssPage,
	htmlToText: html.htmlToText,
	mapImportedRecord: mapImport.mapImportedRecord,
	mapMastodonPage,
};
const ctx = { fetchedAt: '2026-03-05T09:30:00.000Z', instance: 'mastodon.social' };
const MB = 1024 * 1024;

/** One run, retried (up to 3 in all, best time kept) only while over `goodMs` (a shared machine). */
function best(run, goodMs = 150) {
	let ms = Infinity;
	let outcome;
	for (let k = 0; k < 3 && ms > goodMs; k++) {
		const t = process.hrtime.bigint();
		try {
			outcome = { result: run() };
		} catch (error) {
			outcome = { error };
		}
		ms = Math.min(ms, Number(process.hrtime.bigint() - t) / 1e6);
	}
	return { ms, ...outcome };
}

function expectAcceptable(outcome) {
	if (outcome.error) {
		expect(outcome.error).toBeInstanceOf(Error);
		expect(outcome.error.message).toMatch(/^\w[\w ]*: \S/); // `<source>: <field>: …`
	} else expect(outcome.result).toBeDefined();
}

describe('pathological shapes (issue 15)', () => {
	// Benign inputs of the same size, timed in the same run: a linear parser stays within a small
	// factor of them whatever the machine load; the former quadratic code was 100–10,000× slower.
	const benign = {
		feed: `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${'<item><guid>g</guid><title>Title</title><pubDate>Wed, 10 Jul 2019 11:53:37 +0000</pubDate><description><![CDATA[<p>Some <b>text</b> &amp; more text.</p>]]></description></item>'.repeat(Math.floor(MB / 190))}</channel></rss>`,
		html: '<p>Some <b>text</b> &amp; more text, with a <a href="https://x.example/">link</a>.</p>\n'.repeat(Math.floor(MB / 80)),
	};
	const baseline = {};
	beforeAll(() => {
		baseline.feed = best(() => mapRssPage(benign.feed, ctx)).ms;
		baseline.html = best(() => html.htmlToText(benign.html)).ms;
	});

	it.each(SHAPES.map((s) => [s.name, s]))('%s: 1 MB in under a second', (_name, shape) => {
		const input = shape.build(MB);
		const base = shape.target === 'feed' ? baseline.feed : baseline.html;
		const outcome = best(() => runShape(MODS, shape, input), Math.min(1000, 15 * base));
		// Under a second on an idle machine (scaled by the load: see loadFactor in fuzzlib.js).
		expect(outcome.ms).toBeLessThan(1000 * loadFactor());
		expect(outcome.ms).toBeLessThan(Math.max(15 * base, 50));
		expectAcceptable(outcome);
	});

	it.each(SHAPES.filter((s) => s.target !== 'import').map((s) => [s.name, s]))('%s: 5 MB within 200 ms per MB', (_name, shape) => {
		const input = shape.build(5 * MB - 1024);
		const outcome = best(() => runShape(MODS, shape, input), 1250);
		expect(outcome.ms).toBeLessThan(limitMs(5 * MB));
		expectAcceptable(outcome);
	});

	it('a feed over the 5 MB cap is refused by size, at once', () => {
		const outcome = best(() => mapRssPage(`<rss><channel>${'<item x="1"/>'.repeat(500000)}</channel></rss>`, ctx));
		expect(outcome.error).toBeInstanceOf(SourceBodyError);
		expect(outcome.error.message).toBe('rss: body: feed larger than 5242880 bytes (maxBytes)');
		expect(outcome.ms).toBeLessThan(limitMs(6.5 * MB));
	});

	it('invalid UTF-8 (5 MB of random bytes and broken sequences) decodes and maps to a clear error', () => {
		let a = 12345;
		const bytes = new Uint8Array(5 * MB - 4096);
		for (let i = 0; i < bytes.length; i++) {
			a = (a * 1103515245 + 12345) >>> 0;
			bytes[i] = i % 97 === 0 ? 0xc3 : (a >>> 24) & 0xff;
		}
		const head = Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><item><title>');
		bytes.set(head, 0);
		const outcome = best(() => mapRssPage(decodeBody(bytes, 'application/rss+xml').text, ctx));
		expect(outcome.ms).toBeLessThan(limitMs(5 * MB));
		expectAcceptable(outcome);
	});

	it('XML nesting deeper than 64 levels is refused with its position', () => {
		const outcome = best(() => mapRssPage(`<rss><channel>${'<x>'.repeat(200000)}`, ctx));
		expect(outcome.error.message).toMatch(/^rss: xml: nesting deeper than 64 levels at line 1, column \d+$/);
	});

	it.each([
		['reddit', mapRedditPage],
		['mastodon', mapMastodonPage],
		['x', mapXPage],
		['hackernews', mapHackerNewsPage],
		['youtube', mapYoutubePage],
		['bluesky', mapBlueskyPage],
		['appstore', mapAppStorePage],
	])('%s: a 1 MB JSON nesting bomb and a 5 MB string field end in time, cleanly', (source, map) => {
		for (const body of ['['.repeat(MB), `${'{"a":'.repeat(200000)}1${'}'.repeat(200000)}`, JSON.stringify({ data: [{ id: '1', text: '<a'.repeat(2.5 * MB) }], statuses: [], hits: [] })]) {
			const outcome = best(() => map(body, ctx));
			expect(outcome.ms).toBeLessThan(limitMs(body.length));
			expectAcceptable(outcome);
			if (outcome.error) expect(outcome.error.message.startsWith(`${source}: `)).toBe(true);
		}
	});

	it('a crisis document with a 1 MB nesting bomb or a 5 MB text is refused in time', () => {
		for (const input of ['['.repeat(MB), JSON.stringify({ version: 1, name: 'x'.repeat(5 * MB) })]) {
			const outcome = best(() => validateCrisisDocument(input));
			expect(outcome.ms).toBeLessThan(limitMs(input.length));
			expect(outcome.result.ok).toBe(false);
		}
	});
});
