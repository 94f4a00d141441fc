import { decodeEntities, htmlToText } from '../../../core/sources/html';
import { HTML_ENTITY_COUNT, HTML_ENTITY_DATA } from '../../../core/sources/htmlEntities';
import { parseFeed } from '../../../core/sources/rss/parseFeed';
import { mapRssPage } from '../../../core/sources/rss/mapRss';

/** Best of 3 runs, in ms (a shared machine). */
function bestMs(run: () => unknown): number {
	let best = Infinity;
	for (let k = 0; k < 3; k++) {
		const t = performance.now();
		run();
		best = Math.min(best, performance.now() - t);
	}
	return best;
}

describe('htmlToText (issue 15)', () => {
	it('keeps the former behaviour on ordinary HTML', () => {
		expect(htmlToText('<p>One <b>bold</b> word.</p><p>Two&nbsp;&amp; three</p>')).toBe(
			'One bold word.\n\nTwo & three',
		);
		expect(htmlToText('a<br>b<br/>c<br />d')).toBe('a\nb\nc\nd');
		expect(htmlToText('<ul><li>x</li><li>y</li></ul>')).toBe('x\n\ny');
		expect(htmlToText('x<script type="text/javascript">alert("<p>")</script>y<style>p{}</STYLE >z')).toBe('xyz');
		expect(htmlToText('a<!-- <p>hidden</p> -->b')).toBe('ab');
		expect(htmlToText('5 < 6 and 7 > 2')).toBe('5 < 6 and 7 > 2');
		expect(htmlToText('  a \t b \n\n\n\n c  ')).toBe('a b\n\nc');
		expect(htmlToText('<pre>p</pre><pa>q</pa>')).toBe('pq');
	});

	it('treats unclosed constructs like a browser, in one pass', () => {
		expect(htmlToText('before<!-- never closed <p>x')).toBe('before');
		expect(htmlToText('before<script>never closed')).toBe('before');
		expect(htmlToText('a <b no end')).toBe('a <b no end');
		const hostile = '<a'.repeat(200000);
		expect(htmlToText(hostile)).toBe(hostile);
		expect(htmlToText('<script'.repeat(100000))).toBe('<script'.repeat(100000));
		expect(htmlToText('<!--'.repeat(100000))).toBe('');
		// Same-run ratio to plain text of the same size (robust to machine load): the former
		// regexes were quadratic here (hundreds of times slower), a scanner stays within a small factor.
		const plain = bestMs(() => htmlToText('<b>x</b> '.repeat(45000)));
		const worst = Math.max(
			bestMs(() => htmlToText(hostile)),
			bestMs(() => htmlToText('<script'.repeat(57000))),
			bestMs(() => htmlToText('&lt;a'.repeat(80000))),
		);
		expect(worst).toBeLessThan(Math.max(20 * plain, 50));
	});

	it('decodes the full HTML5 named table and windows-1252 numeric references', () => {
		expect(HTML_ENTITY_COUNT).toBe(2125);
		expect(HTML_ENTITY_DATA.split(',')).toHaveLength(2125);
		expect(decodeEntities('&infin; &radic; &NotEqualTilde; &fjlig; &Afr; &hearts; &euro;')).toBe(
			'∞ √ \u2242\u0338 fj \u{1D504} ♥ €',
		);
		expect(decodeEntities('&#150; &#x92; &#0; &#x110000; &#55296;')).toBe('– ’ \uFFFD \uFFFD \uFFFD');
		expect(decodeEntities('&amp;lt; &unknownname; &zwnj;')).toBe('&lt; &unknownname; ');
	});
});

describe('Atom type="xhtml" keeps its block breaks (issue 15)', () => {
	const feed = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><id>e1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <i>b</i></div></title><updated>2026-03-05T07:30:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First paragraph.</p><p>Second &amp; last<br/>line &lt;3</p></div></content></entry></feed>`;

	it('returns the content as HTML and the mention text with paragraphs', () => {
		expect(parseFeed(feed).items[0].content).toBe(
			'<div><p>First paragraph.</p><p>Second &amp; last<br/>line &lt;3</p></div>',
		);
		const [m] = mapRssPage(feed, { fetchedAt: '2026-03-05T09:30:00.000Z' }).mentions;
		expect(m.text).toBe('First paragraph.\n\nSecond & last\nline <3');
		expect(m.title).toBe('A b');
	});
});

describe('feed attributes are scanned linearly (issue 15)', () => {
	it('reads attributes as before around garbage', () => {
		const feed = parseFeed(
			`<rss version="2.0"><channel><item><enclosure junk x=y bogus url='https://a.example/x.mp3' type = "audio/mpeg"/><guid>g</guid><pubDate>Wed, 10 Jul 2019 11:53:37 +0000</pubDate></item></channel></rss>`,
		);
		expect(feed.items[0].mediaUrl).toBe('https://a.example/x.mp3');
	});

	it('a 1 MB run of attribute-name characters costs what a 1 MB attribute value does', () => {
		const xml = `<rss version="2.0"><channel><item x${'a'.repeat(1 << 20)}/></channel></rss>`;
		expect(parseFeed(xml).totalItems).toBe(1);
		const plain = `<rss version="2.0"><channel><item x="${'a'.repeat(1 << 20)}"/></channel></rss>`;
		expect(bestMs(() => parseFeed(xml))).toBeLessThan(Math.max(20 * bestMs(() => parseFeed(plain)), 50));
	});
});
