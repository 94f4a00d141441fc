// JavaScript on purpose: it reads .xml/.html fixtures with fs, which strict lint forbids in .ts files.
const fs = require('fs');
const path = require('path');
const { parseFeed } = require('../../../core/sources/rss/parseFeed');
const { mapRssPage } = require('../../../core/sources/rss/mapRss');
const { SourceBodyError } = require('../../../core/sources/errors');
const { validateMention, formatMentionErrors } = require('../../../core/mention/validateMention');

const fixture = (name) => fs.readFileSync(path.join(__dirname, '../../fixtures/rss', name), 'utf8');
const ctx = { fetchedAt: '2026-03-05T09:30:00.000Z' };

function assertValid(mentions) {
	for (const m of mentions) {
		const r = validateMention(m);
		if (!r.ok) throw new Error(`${m.id}: ${formatMentionErrors(r.errors)}`);
		expect(m.text).not.toMatch(/<\/?[a-z]+[ >]/i);
	}
}

describe('parseFeed', () => {
	it('reads the recorded Google Alerts Atom feed', () => {
		const feed = parseFeed(fixture('googleAlerts.page1.xml'));
		expect(feed.format).toBe('atom');
		expect(feed.title).toBe('Google Alert - Slack');
		expect(feed.selfLink).toBe(
			'https://www.google.com/alerts/feeds/04175468913983673025/4428013283581841004',
		);
		expect(feed.items).toHaveLength(20);
		expect(feed.items[0]).toMatchObject({
			id: 'tag:google.com,2013:googlealerts/feed:8974135267215335962',
			title:
				'Report offers Prediction of Automotive <b>Slack</b> Market by Top key players like Haldex, Meritor, Bendix ...',
			published: '2019-07-10T11:53:37Z',
			author: null,
		});
		expect(feed.items[0].link).toMatch(
			/^https:\/\/www\.google\.com\/url\?rct=j&sa=t&url=https:\/\/www\.aglobalmarketresearch\.com\//,
		);
		expect(feed.truncated).toBe(false);
	});

	it('reads RSS 2.0 with CDATA and the content, dc and media namespaces', () => {
		const feed = parseFeed(fixture('press.rss2.xml'));
		expect(feed.format).toBe('rss');
		expect(feed.title).toBe('Le Journal du Numérique – Tech');
		expect(feed.language).toBe('fr-FR');
		expect(feed.selfLink).toBe('https://www.journal-numerique.example/tech/feed/');
		const [first, second] = feed.items;
		expect(first.author).toBe('Julie Martin');
		expect(first.categories).toEqual(['Cybersécurité', 'Orvia']);
		expect(first.content).toContain('<strong>Orvia</strong>');
		expect(first.mediaUrl).toBe('https://www.journal-numerique.example/img/orvia.jpg');
		expect(first.title).toBe('Orvia : une fuite de données touche 40\u00a0000 clients');
		expect(second.summary).toBe('Plain text & an ampersand, 5 < 6.');
		expect(second.mediaUrl).toBe('https://www.journal-numerique.example/podcast.mp3');
	});

	it('resolves namespace prefixes (Atom under a: prefix, RSS 1.0 default namespace)', () => {
		const atom = parseFeed(fixture('blog.atomNamespaced.xml'));
		expect(atom.format).toBe('atom');
		expect(atom.language).toBe('en-GB');
		expect(atom.link).toBe('https://blog.status.example/');
		expect(atom.items[0]).toMatchObject({
			author: 'Sam Ops',
			categories: ['incident'],
			link: 'https://blog.status.example/2026/03/orvia-outage',
		});
		// Atom type="xhtml" content comes back as HTML so its block breaks survive (issue 15).
		expect(atom.items[0].content).toBe('<div><p>We lost <b>two hours</b> of writes.</p></div>');
		const rdf = parseFeed(fixture('feed.rdf.xml'));
		expect(rdf.format).toBe('rdf');
		expect(rdf.language).toBe('de');
		expect(rdf.items[0]).toMatchObject({
			id: 'https://old.example/a',
			author: 'Anna',
			published: '2026-03-01T10:00:00+01:00',
		});
	});

	it('refuses DOCTYPE and entity declarations (billion laughs, external entities)', () => {
		expect(() => parseFeed(fixture('feed.billionLaughs.xml'))).toThrow(
			'rss: xml: <!DOCTYPE> declarations are refused (no DTD, external entities or entity expansion) at line 2, column 1',
		);
		expect(() => parseFeed(fixture('feed.externalEntity.xml'))).toThrow(SourceBodyError);
		expect(() => parseFeed('<rss><!ENTITY x "y"><channel/></rss>')).toThrow(
			/<!ENTITY> declarations are refused/,
		);
	});

	it('leaves undeclared entities as written instead of expanding them', () => {
		const feed = parseFeed(fixture('feed.undeclaredEntity.xml'));
		expect(feed.items[0].title).toBe('Caf&eacute; & &xxe; é');
		const { mentions } = mapRssPage(fixture('feed.undeclaredEntity.xml'), ctx);
		// HTML entities are decoded as text afterwards; unknown ones stay literal
		expect(mentions[0].title).toBe('Café & &xxe; é');
	});

	it('bounds size, element count, depth and items', () => {
		const xml = fixture('googleAlerts.page1.xml');
		expect(() => parseFeed(xml, { maxBytes: 10000 })).toThrow(
			'rss: body: feed larger than 10000 bytes (maxBytes)',
		);
		expect(() =>
			parseFeed('<rss><channel><title>é</title></channel></rss>', { maxBytes: 45 }),
		).toThrow(/larger than 45 bytes/);
		expect(() => parseFeed(xml, { maxElements: 50 })).toThrow(/more than 50 elements/);
		const deep = `<rss><channel>${'<x>'.repeat(100)}${'</x>'.repeat(100)}</channel></rss>`;
		expect(() => parseFeed(deep)).toThrow(/nesting deeper than 64 levels/);
		const few = parseFeed(xml, { maxItems: 5 });
		expect(few.items).toHaveLength(5);
		expect(few.totalItems).toBe(20);
		expect(few.truncated).toBe(true);
	});

	it('names what failed on broken documents', () => {
		expect(() => parseFeed(fixture('feed.truncated.xml'))).toThrow(
			/^rss: xml: (unterminated tag \(truncated document\?\)|document ends inside <[a-z]+> \(truncated\?\)) at line/,
		);
		expect(() => parseFeed(fixture('feed.errorPage.html'))).toThrow(
			'rss: body: got an HTML page, not a feed (title "Error 404 (Not Found)!!1")',
		);
		expect(() => parseFeed('<rss><channel><title>x</titl></channel></rss>')).toThrow(
			'rss: xml: closing tag </titl> does not match <title> at line 1, column 23',
		);
		expect(() => parseFeed('<opml version="2.0"><body/></opml>')).toThrow(
			'rss: xml: root element <opml> is not rss, rdf:RDF or an Atom feed',
		);
		expect(() => parseFeed('{"items":[]}')).toThrow('rss: body: got JSON, not an RSS or Atom feed');
		expect(() => parseFeed('   ')).toThrow('rss: body: empty body, expected an RSS or Atom feed');
		expect(() => parseFeed('<rss version="2.0"></rss>')).toThrow(
			'rss: rss.channel: missing <channel>',
		);
		expect(parseFeed(fixture('feed.emptyChannel.xml')).items).toEqual([]);
	});
});

describe('mapRssPage', () => {
	it('maps Google Alerts with the real article URL unwrapped and <b> removed', () => {
		const { mentions, skipped, cursor } = mapRssPage(fixture('googleAlerts.page1.xml'), ctx);
		expect(skipped).toEqual([]);
		expect(mentions).toHaveLength(20);
		assertValid(mentions);
		const m = mentions[0];
		expect(m.id).toBe('rss:tag:google.com,2013:googlealerts/feed:8974135267215335962');
		expect(m.source).toBe('rss:www.google.com');
		expect(m.url).toBe(
			'https://www.aglobalmarketresearch.com/report-offers-prediction-of-automotive-slack-market-by-top-key-players-like-haldex-meritor-bendix-mei-wabco-accuride-stemco-tbk-febi-aydinsan',
		);
		expect(m.title).toBe(
			'Report offers Prediction of Automotive Slack Market by Top key players like Haldex, Meritor, Bendix ...',
		);
		expect(m.text).toBe(
			'Automotive Slack Market reports provides a comprehensive overview of the global market size and share. It provides strategists, marketers and senior ...',
		);
		expect(m.publishedAt).toBe('2019-07-10T11:53:37.000Z');
		expect(m.author.handle).toBe('aglobalmarketresearch.com');
		expect(m.author.url).toBe('https://www.aglobalmarketresearch.com');
		expect(mentions[1].text).toContain("Company's decision");
		expect(cursor.newestPublishedAt).toBe('2019-07-10T11:53:37.000Z');
		expect(cursor.feedTitle).toBe('Google Alert - Slack');
		expect(cursor.itemCount).toBe(20);
	});

	it('agrees with rss-parser (what n8n RSS Feed Read uses) on the same feed', () => {
		const reference = JSON.parse(fixture('googleAlerts.rssParser.json'));
		const { mentions } = mapRssPage(fixture('googleAlerts.page1.xml'), ctx);
		reference.items.forEach((item, i) => {
			expect(mentions[i].nativeId).toBe(item.id);
			expect(mentions[i].publishedAt).toBe(item.isoDate);
			expect(mentions[i].text).toBe(item.contentSnippet.replace(/\u00a0/g, ' '));
		});
	});

	it('maps press RSS: RFC 2822 dates with zones, creators, tracking stripped; dates undated items by the fetch and says so; skips unidentified items', () => {
		const { mentions, skipped } = mapRssPage(fixture('press.rss2.xml'), {
			...ctx,
			source: 'rss:press',
		});
		assertValid(mentions);
		const [first, second, unreadable, undated, noLink] = mentions;
		expect(first.source).toBe('rss:press');
		expect(first.publishedAt).toBe('2026-03-05T09:05:00.000Z');
		expect(first.url).toBe('https://www.journal-numerique.example/tech/orvia-fuite-donnees');
		expect(first.author).toMatchObject({ handle: 'Julie Martin', name: 'Julie Martin' });
		expect(first.text).toBe(
			'L’éditeur Orvia confirme un incident de sécurité.\n\nLes clients ont reçu un courriel « incident » mardi. #OrviaLeak',
		);
		expect(first.hashtags).toEqual(['orvialeak']);
		expect(first.language).toBe('fr');
		expect(second.publishedAt).toBe('2026-03-04T23:00:00.000Z');
		expect(noLink.url).toBeNull();
		expect(noLink.nativeId).toBe('urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427');
		expect(first.publishedAtEstimated).toBeUndefined();
		// Issue 15: undated or unreadable dates are kept, dated by the fetch, and say so.
		expect(unreadable.publishedAt).toBe(ctx.fetchedAt);
		expect(unreadable.publishedAtEstimated).toBe(
			'date "sometime last week" not understood (RFC 2822, RFC3339 or a common form): the fetch time is used',
		);
		expect(undated.publishedAt).toBe(ctx.fetchedAt);
		expect(undated.publishedAtEstimated).toBe(
			'no date in the item (pubDate, dc:date, published, updated): the fetch time is used',
		);
		expect(mentions).toHaveLength(5);
		expect(skipped).toEqual([
			{ index: 4, reason: 'rss: items[4].id: no guid/id and no link to identify the item' },
		]);
	});

	it('maps Atom entries that only have updated, and already parsed feeds', () => {
		const feed = parseFeed(fixture('blog.atomNamespaced.xml'));
		const { mentions } = mapRssPage(feed, ctx);
		expect(mentions.map((m) => m.publishedAt)).toEqual([
			'2026-03-05T07:30:00.000Z',
			'2026-03-04T12:00:00.000Z',
		]);
		expect(mentions[0].title).toBe('Post-mortem: the Orvia outage');
		expect(mentions[0].source).toBe('rss:blog.status.example');
		expect(mentions[0].language).toBe('en');
		expect(() => mapRssPage(42, ctx)).toThrow(
			'rss: body: expected the feed XML text, got number 42',
		);
	});
});
