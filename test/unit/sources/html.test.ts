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
		expect(htmlToText('<pre>p</pre><pa>q</pa>')).toBe('p\nq');
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
		expect(decodeEntities('&amp;lt; &unknownname; &zwnj;')).toBe('&lt; &unknownname; \u200c');
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

describe('block elements separate words (real feeds)', () => {
	it('breaks a line at every block element, opening or closing', () => {
		expect(htmlToText('a<div>b')).toBe('a\nb');
		expect(htmlToText('Kitchen</figcaption></figure><h4>How')).toBe('Kitchen\nHow');
		expect(htmlToText('<section>one</section><article>two</article><aside>three</aside>')).toBe('one\ntwo\nthree');
		expect(htmlToText('x<h2>Title</h2>y')).toBe('x\nTitle\ny');
		expect(htmlToText('<dl><dt>Term</dt><dd>Meaning</dd></dl>')).toBe('Term\nMeaning');
		expect(htmlToText('a<pre>b</pre>c<address>d</address>e<blockquote>f</blockquote>g')).toBe('a\nb\nc\nd\ne\nf\ng');
		expect(htmlToText('a<details><summary>s</summary>d</details>b')).toBe('a\ns\nd\nb');
		expect(htmlToText('a<form>b</form><fieldset>c</fieldset><nav>d</nav><main>e</main><header>f</header><footer>g</footer>'))
			.toBe('a\nb\nc\nd\ne\nf\ng');
		expect(htmlToText('a<ol><li>b</li></ol>c<dialog>d</dialog>e<HR>f')).toBe('a\nb\nc\nd\ne\nf');
	});

	it('separates table cells by a space and rows by a line', () => {
		expect(htmlToText('<td>a</td><td>b</td>')).toBe('a b');
		expect(htmlToText('2015</td><td>June')).toBe('2015 June');
		expect(htmlToText('<th>Year</th><th>Month</th>')).toBe('Year Month');
		expect(
			htmlToText('<table><caption>Dates</caption><thead><tr><th>Y</th><th>M</th></tr></thead><tbody><tr><td>2015</td><td>June</td></tr><tr><td>2016</td><td>May</td></tr></tbody><tfoot><tr><td>end</td></tr></tfoot></table>after'),
		).toBe('Dates\nY M\n2015 June\n2016 May\nend\nafter');
	});

	it('keeps paragraphs, list items and line breaks as before, and inline elements glued', () => {
		expect(htmlToText('<p>One</p><p>Two</p>')).toBe('One\n\nTwo');
		expect(htmlToText('<div><p>One</p></div><div><p>Two</p></div>')).toBe('One\n\nTwo');
		expect(htmlToText('<div>a</div><div>b</div>')).toBe('a\nb');
		expect(htmlToText('<ul><li>x</li><li>y</li></ul>')).toBe('x\n\ny');
		expect(htmlToText('a<br>b<br><br>c')).toBe('a\nb\n\nc');
		expect(htmlToText('<b>Or</b>via <a href="x">li</a><span>nk</span><em>s</em><strong>!</strong><i>i</i><code>c</code>')).toBe(
			'Orvia links!ic',
		);
		expect(htmlToText('<pa>p</pa><divx>q</divx><tdx>r</tdx>')).toBe('pqr');
	});
});

describe('a ">" inside a quoted attribute value does not end the tag', () => {
	it('skips quoted values in start tags', () => {
		expect(htmlToText('<img alt="a > b" src="x.jpg">Hello')).toBe('Hello');
		expect(htmlToText("<a title='x>y'>t</a>")).toBe('t');
		expect(htmlToText('<a title = "x>y" data-x=\'1>2\' href=u>t</a> end')).toBe('t end');
		expect(htmlToText('<p class="a>b">para</p><p>next</p>')).toBe('para\n\nnext');
		expect(htmlToText('x<script src="a>b">var s = "<p>";</script>y')).toBe('xy');
		// A quote that does not follow "=" is not a value: the tag ends at the first ">".
		expect(htmlToText('<a b"c>t</a>"d')).toBe('t"d');
		expect(htmlToText("<img alt=it's>ok'")).toBe("ok'");
	});

	it('falls back to the first ">" when the quote never closes', () => {
		expect(htmlToText('<img alt="never closed>Hello world')).toBe('Hello world');
		expect(htmlToText("<a title='x>y</a> and more")).toBe('y and more');
		expect(htmlToText('<a x="1>2" y="3>tail')).toBe('2" y="3>tail');
		// A tag still open at the end of the text ends at its first ">" too.
		expect(htmlToText('<a x="1>2" tail')).toBe('2" tail');
		const rest = 'text '.repeat(1000);
		expect(htmlToText(`<a href="x>${rest}`)).toBe(rest.trim());
	});

	it('stays linear on unclosed and interleaved quotes', () => {
		const plain = bestMs(() => htmlToText('<b>x</b> '.repeat(120000)));
		const hostile = [
			'<a x="'.repeat(180000),
			'<a x="1>'.repeat(140000),
			`${'<a q="><a" '.repeat(100000)}y="`,
			`<a ${'q=">" '.repeat(150000)}y="`,
			`${"<a q='><a\" '".repeat(80000)}y="z='`,
			`<a x=${'"'.repeat(1000000)}`,
			// Closed values, but no ">" outside them before the end: each tag would read to the end.
			'<a x="1>2" '.repeat(100000),
			`${'<a x="1>2" '.repeat(50000)}${"<b y='3>4' ".repeat(50000)}`,
		];
		for (const h of hostile) expect(bestMs(() => htmlToText(h))).toBeLessThan(Math.max(20 * plain, 100));
	});
});

describe('character references and control characters in text', () => {
	it('reads 0x80–0x9F as windows-1252, from references and raw characters', () => {
		expect(decodeEntities('It&#146;s &#x93;quoted&#X94; &#128;5 &#150; &#151;')).toBe('It’s “quoted” €5 – —');
		expect(htmlToText('It&#146;s &#x93;quoted&#x94; &#128;5')).toBe('It’s “quoted” €5');
		expect(htmlToText('It\u0092s \u0093quoted\u0094 \u00805 \u0096 \u0097')).toBe('It’s “quoted” €5 – —');
		expect(decodeEntities('It\u0092s \u0085')).toBe('It’s …');
		// Code points windows-1252 leaves undefined stay what they are.
		expect(decodeEntities('\u0081\u008d\u008f\u0090\u009d')).toBe('\u0081\u008d\u008f\u0090\u009d');
	});

	it('reads a numeric reference in an RSS title or description as windows-1252', () => {
		const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed&#146;s</title><link>https://press.example/</link>
<item><guid>1</guid><title>It&#146;s &#x93;news&#x94;</title><pubDate>Wed, 10 Jul 2019 11:53:37 +0000</pubDate><description>Costs &#128;5 &#150; more</description></item></channel></rss>`;
		const page = mapRssPage(feed, { fetchedAt: '2026-03-05T09:30:00.000Z' });
		expect(page.mentions[0].title).toBe('It’s “news”');
		expect(page.mentions[0].text).toBe('Costs €5 – more');
		// The XML parser itself keeps exact XML semantics.
		expect(parseFeed(feed).items[0].title).toBe('It\u0092s \u0093news\u0094');
	});

	it('decodes &zwj; &zwnj; &lrm; &rlm; like their numeric references', () => {
		expect(decodeEntities('a&zwj;b&zwnj;c&lrm;d&rlm;e')).toBe('a\u200db\u200cc\u200ed\u200fe');
		expect(decodeEntities('&zwj;')).toBe(decodeEntities('&#8205;'));
		expect(htmlToText('👩&zwj;💻 &lrm;x')).toBe('👩\u200d💻 \u200ex');
	});

	it('drops control characters other than tab and newline (form feed and vertical tab are spaces)', () => {
		expect(htmlToText('ab\bcd')).toBe('abcd');
		expect(decodeEntities('ab\bcd')).toBe('abcd');
		const controls = Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join('') + '\u007f';
		expect(decodeEntities(`x${controls}y`)).toBe('x\t\n  \ry');
		expect(htmlToText(`x${controls}y`)).toBe('x\ny');
		expect(decodeEntities('a&#8;b&#x1F;c&#127;d&#9;e')).toBe('ab' + 'cd\te');
		expect(htmlToText('<p>a\u0000b</p>\u000c<p>c</p>')).toBe('ab\n\nc');
	});

	it('cleans a 5 MB run of controls in linear time', () => {
		const plain = bestMs(() => decodeEntities('abcdefgh'.repeat(600000)));
		const dirty = '\u0092\b\u0093a\u0000'.repeat(1000000);
		expect(decodeEntities(dirty)).toBe('’“a'.repeat(1000000));
		expect(bestMs(() => htmlToText(dirty))).toBeLessThan(Math.max(30 * plain, 100));
	});
});
