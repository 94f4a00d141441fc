// Shapes met in real feeds from other projects' test suites (rss-parser, feedparser, gofeed,
// feedjira, node-feedparser; swept December 2026). The feeds below are written by hand in those shapes.
const { parseFeed } = require('../../../core/sources/rss/parseFeed');
const { mapRssPage } = require('../../../core/sources/rss/mapRss');

const ctx = { fetchedAt: '2026-03-05T09:30:00.000Z' };
const rss = (items, channelExtra = '') => `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><channel><title>T</title><link>https://news.example.org/</link>${channelExtra}${items}</channel></rss>`;

describe('feeds as they come', () => {
	it('resolves relative item links against xml:base, then the feed link, then the feed URL', () => {
		const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://github.com/gulpjs/gulp/"><title>Releases</title><link rel="alternate" href="https://github.com/gulpjs/gulp/releases"/>
			<entry><id>1</id><title>v3.9.0</title><updated>2015-06-01T00:00:00Z</updated><link href="/gulpjs/gulp/releases/tag/v3.9.0"/></entry>
			<entry xml:base="posts/"><id>2</id><title>p</title><updated>2015-06-01T00:00:00Z</updated><link href="1"/></entry></feed>`;
		const { mentions } = mapRssPage(atom, ctx);
		expect(mentions.map((m) => m.url)).toEqual(['https://github.com/gulpjs/gulp/releases/tag/v3.9.0', 'https://github.com/gulpjs/gulp/posts/1']);
		const plain = rss('<item><guid isPermaLink="false">a</guid><title>x</title><link>/blog/2013/plex</link><pubDate>Wed, 30 Jan 2013 10:00:00 GMT</pubDate></item>');
		expect(mapRssPage(plain, ctx).mentions[0].url).toBe('https://news.example.org/blog/2013/plex');
		const noLink = plain.replace('<link>https://news.example.org/</link>', '');
		expect(mapRssPage(noLink, { ...ctx, feed: { url: 'https://feeds.example.net/rss.xml' } }).mentions[0].url).toBe('https://feeds.example.net/blog/2013/plex');
	});

	it('takes a permalink guid as the link when there is no <link>, never an isPermaLink="false" one', () => {
		const feed = rss(
			'<item><guid>https://news.example.org/2005/06/15/aae.m4a</guid><title>Episode</title><pubDate>Wed, 15 Jun 2005 19:00:00 GMT</pubDate></item>' +
				'<item><guid isPermaLink="false">https://news.example.org/internal/7</guid><title>Other</title><pubDate>Wed, 15 Jun 2005 19:00:00 GMT</pubDate></item>',
		);
		expect(mapRssPage(feed, ctx).mentions.map((m) => m.url)).toEqual(['https://news.example.org/2005/06/15/aae.m4a', null]);
	});

	it('reads a YouTube entry\'s media:description alone, not the whole media:group', () => {
		const yt = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>Channel</title>
			<entry><id>yt:video:1</id><title>Project Fi: Innovating in connectivity</title><link rel="alternate" href="https://www.youtube.com/watch?v=1"/><published>2015-04-22T16:00:00+00:00</published>
			<media:group><media:title>Project Fi: Innovating in connectivity</media:title><media:content url="https://www.youtube.com/v/1"/><media:description>A behind-the-scenes look</media:description><media:community><media:statistics views="10"/></media:community></media:group></entry></feed>`;
		expect(mapRssPage(yt, ctx).mentions[0].text).toBe('A behind-the-scenes look');
	});

	it('keeps scripts out and paragraphs apart when a description holds unescaped markup', () => {
		const feed = rss('<item><guid>g1</guid><title>x</title><pubDate>Wed, 30 Jan 2013 10:00:00 GMT</pubDate><description><p>para one</p><p>para two</p><script>alert(1)</script></description></item>');
		const text = mapRssPage(feed, ctx).mentions[0].text;
		expect(text).not.toMatch(/alert/);
		expect(text).toMatch(/^para one\s+para two$/);
	});

	it('reads Atom type="text" as text: its < and & are characters', () => {
		const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>1</id><title type="text">a &lt;b&gt; tag &amp;amp; x</title><updated>2015-06-01T00:00:00Z</updated><link href="https://e.example/1"/></entry></feed>`;
		expect(mapRssPage(atom, ctx).mentions[0].title).toBe('a <b> tag &amp; x');
	});

	it('reads itunes:summary, dc:description and dcterms:issued, and items with no <channel>', () => {
		const pod = rss('<item><guid>p1</guid><title>Ep</title><dcterms:issued>2003-12-31T10:14:55Z</dcterms:issued><itunes:summary>Only here</itunes:summary></item><item><guid>p2</guid><title>Ep2</title><pubDate>Wed, 30 Jan 2013 10:00:00 GMT</pubDate><dc:description>DC body</dc:description></item>');
		const { mentions } = mapRssPage(pod, ctx);
		expect(mentions.map((m) => [m.text, m.publishedAt])).toEqual([
			['Only here', '2003-12-31T10:14:55.000Z'],
			['DC body', '2013-01-30T10:00:00.000Z'],
		]);
		const bare = '<rss version="2.0"><item><guid>b1</guid><title>Bare</title><pubDate>Wed, 30 Jan 2013 10:00:00 GMT</pubDate></item></rss>';
		expect(parseFeed(bare).items.map((i) => i.title)).toEqual(['Bare']);
	});

	it('shows the name of an RSS author written "email (Name)", not the address', () => {
		const feed = rss('<item><guid>a1</guid><title>x</title><pubDate>Wed, 30 Jan 2013 10:00:00 GMT</pubDate><author>mattt@nshipster.com (Mattt Thompson)</author></item><item><guid>a2</guid><title>y</title><pubDate>Wed, 30 Jan 2013 10:00:00 GMT</pubDate><author>press@example.org</author></item>');
		expect(mapRssPage(feed, ctx).mentions.map((m) => m.author.handle)).toEqual(['Mattt Thompson', 'press@example.org']);
	});
});

describe('a feed whose own link is relative', () => {
	it('resolves its items against the site link made absolute by the self link', () => {
		const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="http://intertwingly.net/blog/index.atom"/><id>x</id><title>Sam Ruby</title><link href="/blog/"/>
			<entry><id>tag:1</id><link href="/blog/2013/01/30/Plex"/><title>Plex</title><updated>2013-01-30T10:00:00Z</updated></entry></feed>`;
		const { mentions, cursor } = mapRssPage(atom, ctx);
		expect(mentions[0].url).toBe('http://intertwingly.net/blog/2013/01/30/Plex');
		expect(mentions[0].source).toBe('rss:intertwingly.net');
		expect(cursor.feedTitle).toBe('Sam Ruby');
	});
});
