// JavaScript on purpose: it reads .html/.txt fixtures with fs, which strict lint forbids in .ts files.
const fs = require('fs');
const path = require('path');
const { SourceBodyError } = require('../../../core/sources/errors');
const { mapRedditPage } = require('../../../core/sources/reddit/mapReddit');
const { mapHackerNewsPage } = require('../../../core/sources/hackernews/mapHackerNews');
const { mapMastodonPage } = require('../../../core/sources/mastodon/mapMastodon');
const { mapBlueskyPage } = require('../../../core/sources/bluesky/mapBluesky');
const { mapXPage } = require('../../../core/sources/x/mapX');
const { mapYoutubePage } = require('../../../core/sources/youtube/mapYoutube');
const { mapAppStorePage } = require('../../../core/sources/appstore/mapAppStore');
const { mapRssPage } = require('../../../core/sources/rss/mapRss');
const { validateMention, formatMentionErrors } = require('../../../core/mention/validateMention');

const fixtures = path.join(__dirname, '../../fixtures');
const read = (p) => fs.readFileSync(path.join(fixtures, p), 'utf8');
const ctx = { fetchedAt: '2026-03-05T09:30:00.000Z', instance: 'mastodon.social' };

const MAPPERS = {
	reddit: mapRedditPage,
	hackernews: mapHackerNewsPage,
	mastodon: mapMastodonPage,
	bluesky: mapBlueskyPage,
	x: mapXPage,
	youtube: mapYoutubePage,
	appstore: mapAppStorePage,
	rss: mapRssPage,
};

function thrown(fn) {
	try {
		fn();
	} catch (error) {
		return error;
	}
	throw new Error('expected a throw');
}

describe('garbage bodies name the source and the field', () => {
	it.each([
		[
			'reddit',
			'reddit/search.errorPage.html',
			/^reddit: body: got an HTML\/XML page instead of JSON \(title "Too Many Requests"\)/,
		],
		[
			'hackernews',
			'hackernews/searchByDate.errorPage.html',
			/^hackernews: body: got an HTML\/XML page instead of JSON \(title "502 Bad Gateway"\)/,
		],
		['mastodon', 'mastodon/timelinesTag.errorPage.html', /^mastodon: body: got an HTML\/XML page/],
		[
			'appstore',
			'appstore/customerReviews.errorPage.html',
			/^appstore: body: got an HTML\/XML page instead of JSON \(title "Apple - Page Not Found"\)/,
		],
		['rss', 'rss/feed.errorPage.html', /^rss: body: got an HTML page, not a feed/],
		[
			'reddit',
			'reddit/search.truncated.txt',
			/^reddit: body: invalid or truncated JSON \(3000 characters\)/,
		],
		[
			'hackernews',
			'hackernews/searchByDate.truncated.txt',
			/^hackernews: body: invalid or truncated JSON/,
		],
		['x', 'x/searchRecent.truncated.txt', /^x: body: invalid or truncated JSON \(400 characters\)/],
		['youtube', 'youtube/search.truncated.txt', /^youtube: body: invalid or truncated JSON/],
		['rss', 'rss/feed.truncated.xml', /^rss: xml: /],
	])('%s: %s', (source, file, message) => {
		const error = thrown(() => MAPPERS[source](read(file), ctx));
		expect(error).toBeInstanceOf(SourceBodyError);
		expect(error.source).toBe(source);
		expect(error.message).toMatch(message);
	});

	it('the HTML error page of one source fails every JSON source cleanly', () => {
		const html = read('reddit/search.errorPage.html');
		for (const [source, map] of Object.entries(MAPPERS)) {
			const error = thrown(() => map(html, ctx));
			expect(error).toBeInstanceOf(SourceBodyError);
			expect(error.source).toBe(source);
		}
	});

	it('X ids beyond 2^53 survive a text body', () => {
		const { mentions, cursor } = mapXPage(read('x/searchRecent.bigIds.txt'), ctx);
		expect(mentions.map((m) => m.nativeId)).toEqual(['1897000000000000003', '9007199254740993']);
		expect(mentions[0].author.id).toBe('x:2244994945123456789');
		expect(mentions[0].author.handle).toBe('bigid_user');
		expect(cursor.newestId).toBe('1897000000000000003');
		expect(cursor.oldestId).toBe('9007199254740993');
	});
});

/** Deterministic pseudo-random generator (mulberry32), so failures replay. */
function rng(seed) {
	let a = seed;
	return () => {
		a |= 0;
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ODD_VALUES = [
	null,
	undefined,
	'',
	'garbage',
	-1,
	1e308,
	2 ** 63,
	NaN,
	[],
	{},
	true,
	'<b>x</b>',
	'2026-99-99',
];

function mutate(value, random, depth = 0) {
	if (Array.isArray(value)) return value.map((v) => mutate(v, random, depth + 1));
	if (value && typeof value === 'object') {
		const out = {};
		for (const [k, v] of Object.entries(value)) {
			const r = random();
			if (r < 0.08) continue;
			out[k] =
				r < 0.16
					? ODD_VALUES[Math.floor(random() * ODD_VALUES.length)]
					: mutate(v, random, depth + 1);
		}
		return out;
	}
	return value;
}

describe('mutated recorded bodies never crash a mapper', () => {
	const cases = [
		['reddit', 'reddit/search.page1.json'],
		['hackernews', 'hackernews/searchByDate.page1.json'],
		['mastodon', 'mastodon/timelinesTag.page2.json'],
		['bluesky', 'bluesky/searchPosts.page2.json'],
		['x', 'x/searchRecent.page2.json'],
		['youtube', 'youtube/commentThreads.withReplies.json'],
		['youtube', 'youtube/search.page1.json'],
		['appstore', 'appstore/customerReviews.page1.json'],
	];
	it.each(cases)('%s: %s (300 mutations)', (source, file) => {
		const original = JSON.parse(read(file));
		const random = rng(42);
		let mapped = 0;
		for (let i = 0; i < 300; i++) {
			const body = mutate(original, random);
			try {
				const page = MAPPERS[source](body, ctx);
				for (const s of page.skipped) expect(s.reason.startsWith(`${source}: `)).toBe(true);
				for (const m of page.mentions) {
					const v = validateMention(m);
					if (!v.ok) throw new Error(`${m.id}: ${formatMentionErrors(v.errors)}`);
					expect(m.id).toBe(`${m.platform}:${m.nativeId}`);
				}
				mapped += page.mentions.length;
			} catch (error) {
				expect(error).toBeInstanceOf(SourceBodyError);
				expect(error.source).toBe(source);
			}
		}
		expect(mapped).toBeGreaterThan(0);
	});
});
