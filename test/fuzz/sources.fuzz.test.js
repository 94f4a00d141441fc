// JavaScript on purpose (fuzz tier reads fixtures with fs). Every source mapper, fed mutated real
// responses (test/fixtures, test/unit/sources/fixtures and the shared api-examples): the only
// acceptable outcomes are mentions that pass validateMention, skipped-and-counted items, or a
// SourceBodyError naming the source — each case under its time limit.
const fs = require('fs');
const path = require('path');
const { REPO, SHARED, prng, mutateText, mutateJson, shrinkPage, readSeeds, fuzz, summary } = require('./fuzzlib');
const { SourceBodyError, SourceItemError } = require('../../core/sources/errors');
const { validateMention, formatMentionErrors } = require('../../core/mention/validateMention');
const { mapRedditPage } = require('../../core/sources/reddit/mapReddit');
const { mapRedditThreadPage } = require('../../core/sources/reddit/mapRedditThread');
const { mapHackerNewsPage, mapHackerNewsItemTree } = require('../../core/sources/hackernews/mapHackerNews');
const { mapMastodonPage } = require('../../core/sources/mastodon/mapMastodon');
const { mapBlueskyPage } = require('../../core/sources/bluesky/mapBluesky');
const { mapXPage } = require('../../core/sources/x/mapX');
const { mapYoutubePage } = require('../../core/sources/youtube/mapYoutube');
const { mapAppStorePage } = require('../../core/sources/appstore/mapAppStore');
const { mapRssPage } = require('../../core/sources/rss/mapRss');

const ctx = { fetchedAt: '2026-03-05T09:30:00.000Z', instance: 'mastodon.social' };
const fixtures = (dir, filter = () => true) => {
	const full = path.join(REPO, dir);
	return fs.existsSync(full) ? fs.readdirSync(full).filter(filter).map((f) => path.join(full, f)) : [];
};
const shared = (...names) => (SHARED ? names.map((n) => path.join(SHARED, 'api-examples', n)) : []);
const notHtml = (f) => !f.endsWith('.html');

const TARGETS = [
	['reddit', mapRedditPage, [...fixtures('test/fixtures/reddit', (f) => f.startsWith('search')), ...shared('reddit-search.json')]],
	['reddit thread', mapRedditThreadPage, [...fixtures('test/fixtures/reddit', (f) => f.startsWith('comments')), ...fixtures('test/unit/sources/fixtures/reddit')]],
	['hackernews', mapHackerNewsPage, [...fixtures('test/fixtures/hackernews', notHtml), ...shared('hn-algolia-search_by_date.json')]],
	['hackernews item tree', mapHackerNewsItemTree, fixtures('test/unit/sources/fixtures/hackernews')],
	['mastodon', mapMastodonPage, [...fixtures('test/fixtures/mastodon', notHtml), ...fixtures('test/unit/sources/fixtures/mastodon'), ...shared('mastodon-search-v2.json', 'mastodon-timelines-tag.json')]],
	['bluesky', mapBlueskyPage, [...fixtures('test/fixtures/bluesky', (f) => f.startsWith('searchPosts') || f.startsWith('getPosts')), ...shared('bluesky-searchPosts.json', 'bluesky-getPosts.raw.json')]],
	['x', mapXPage, [...fixtures('test/fixtures/x'), ...shared('x-search-recent.json', 'x-search-recent.tweepy-cassette.json')]],
	['youtube', mapYoutubePage, [...fixtures('test/fixtures/youtube'), ...fixtures('test/unit/sources/fixtures/youtube'), ...shared('youtube-commentThreads.list.json', 'youtube-search.list.json')]],
	['appstore', mapAppStorePage, [...fixtures('test/fixtures/appstore', notHtml), ...shared('appstore-customerreviews-rss.json')]],
	['rss', mapRssPage, [...fixtures('test/fixtures/rss', (f) => f.endsWith('.xml')), ...shared('google-alerts-atom.xml')]],
];

function generatorFor(seeds) {
	const parsed = seeds.map((s) => {
		try {
			return { ...s, json: JSON.parse(s.text) };
		} catch {
			return { ...s, json: undefined };
		}
	});
	return (r) => {
		const seed = r.pick(parsed);
		if (seed.json === undefined || r.chance(0.15)) return mutateText(r, seed.text);
		let value = JSON.parse(seed.text);
		if (r.chance(0.8)) value = shrinkPage(r, value);
		value = mutateJson(r, value);
		if (r.chance(0.5)) return value;
		const text = JSON.stringify(value);
		return r.chance(0.3) ? mutateText(r, text) : text;
	};
}

function checkPage(res) {
	if (!res || !Array.isArray(res.mentions) || !Array.isArray(res.skipped)) return 'no {mentions, skipped} page';
	for (const m of res.mentions) {
		const v = validateMention(m);
		if (!v.ok) return `invalid mention ${String(m && m.id)}: ${formatMentionErrors(v.errors)}`;
	}
	for (const s of res.skipped) if (typeof s.reason !== 'string' || s.reason === '' || !Number.isInteger(s.index)) return `bad skip ${JSON.stringify(s)}`;
	return null;
}

describe('source mappers under fuzzing (issue 15)', () => {
	it.each(TARGETS)('%s: mutated real responses give mentions, counted skips or a clear source error', (name, map, files) => {
		const seeds = readSeeds(files);
		expect(seeds.length).toBeGreaterThan(0);
		const tally = fuzz({
			name,
			generate: generatorFor(seeds),
			run: (input) => map(input, ctx),
			check: checkPage,
			// Whole-body failures; the item-tree mapper refuses an unreadable root item the same way.
			isClearError: (e) => (e instanceof SourceBodyError || e instanceof SourceItemError) && e.message.startsWith(`${e.source}: `),
		});
		console.log(`${summary(tally)} (${seeds.length} seed files)`);
		expect(tally.failures).toEqual([]);
		expect(tally.cases).toBeGreaterThanOrEqual(Math.min(10000, Number(process.env.CK_FUZZ_CASES || 10000)));
		// Mutations must leave most inputs readable, or the fuzzer only tests the JSON parser.
		expect(tally.mentions).toBeGreaterThan(0);
	});

	(SHARED ? it : it.skip)('the shared api-examples are among the seeds', () => {
		for (const [, , files] of TARGETS.filter(([n]) => !['reddit thread', 'hackernews item tree'].includes(n)))
			expect(files.some((f) => f.startsWith(SHARED))).toBe(true);
	});
});
