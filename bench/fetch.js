'use strict';
/**
 * Mapping throughput of the source mappers, in mentions per second, per source.
 * Each recorded (real-shape) fixture page is replicated to >= --items items (default
 * 10,000) in one page body, then mapped --runs times (default 7, after one warm-up);
 * the median run is reported. Run by `npm run bench:fetch` (builds dist/ first).
 *
 *   node bench/fetch.js [--items 10000] [--runs 7] [--json] [--dist <compiled dist dir>]
 *
 * `--json` prints one JSON object on the last line.
 */
const fs = require('fs');
const path = require('path');
const { parseBenchArgs } = require('./lib/benchArgs');

const args = parseBenchArgs(process.argv.slice(2), { items: 10000, runs: 7, json: false, dist: path.join(__dirname, '../dist') });
const ITEMS = Math.max(1, Number(args.items) || 10000);
const RUNS = Math.max(1, Number(args.runs) || 7);
const dist = path.join(path.resolve(String(args.dist)), 'core/sources');
const fixtures = path.join(__dirname, '../test/fixtures');
const load = (p) => JSON.parse(fs.readFileSync(path.join(fixtures, p), 'utf8'));
const read = (p) => fs.readFileSync(path.join(fixtures, p), 'utf8');

function need(modulePath) {
	try {
		return require(path.join(dist, modulePath));
	} catch (error) {
		console.error(`Cannot load dist/core/sources/${modulePath}: run \`npm run build\` first (${error.message}).`);
		process.exit(1);
	}
}

const { mapRedditPage } = need('reddit/mapReddit');
const { mapHackerNewsPage } = need('hackernews/mapHackerNews');
const { mapMastodonPage } = need('mastodon/mapMastodon');
const { mapBlueskyPage } = need('bluesky/mapBluesky');
const { mapXPage } = need('x/mapX');
const { mapYoutubePage } = need('youtube/mapYoutube');
const { mapAppStorePage } = need('appstore/mapAppStore');
const { mapRssPage } = need('rss/mapRss');

/** Repeats `items` until there are at least `n`, giving each copy a distinct id via `tag(item, i)`. */
function replicate(items, n, tag) {
	const out = [];
	for (let i = 0; out.length < n; i++) {
		const item = JSON.parse(JSON.stringify(items[i % items.length]));
		out.push(tag ? tag(item, i) : item);
	}
	return out;
}

const ctx = { fetchedAt: '2026-03-05T09:30:00.000Z', instance: 'mastodon.social' };

function cases() {
	const reddit = load('reddit/search.page1.json');
	const redditPage = {
		kind: 'Listing',
		data: {
			...reddit.data,
			children: replicate([...reddit.data.children, ...load('reddit/search.page2.json').data.children], ITEMS, (c, i) => {
				c.data.name = `${c.kind}_b${i}`;
				return c;
			}),
		},
	};
	const hn = load('hackernews/searchByDate.page1.json');
	const hnPage = { ...hn, hits: replicate(hn.hits, ITEMS, (h, i) => ({ ...h, objectID: String(40000000 + i) })) };
	const mastodonStatuses = [...load('mastodon/timelinesTag.page1.json'), ...load('mastodon/timelinesTag.page2.json')];
	const mastodonPage = replicate(mastodonStatuses, ITEMS, (s, i) => ({ ...s, id: String(113270115826048975n + BigInt(i)), uri: `${s.uri}/${i}` }));
	const bsky = [...load('bluesky/searchPosts.page1.json').posts, ...load('bluesky/searchPosts.page2.json').posts];
	const blueskyPage = { cursor: '25', posts: replicate(bsky, ITEMS, (p, i) => ({ ...p, uri: `${p.uri}${i}` })) };
	const x = load('x/searchRecent.page2.json');
	const xPage = {
		...x,
		data: replicate([...x.data, ...load('x/searchRecent.page1.json').data], ITEMS, (t, i) => ({ ...t, id: String(1897000000000000000n + BigInt(i)) })),
		includes: { users: [...x.includes.users, ...load('x/searchRecent.page1.json').includes.users] },
	};
	const ytSearch = load('youtube/search.page1.json');
	const ytSearchPage = { ...ytSearch, items: replicate(ytSearch.items, ITEMS) };
	const ytComments = load('youtube/commentThreads.page1.json');
	const ytCommentsPage = { ...ytComments, items: replicate(ytComments.items, ITEMS) };
	const app = load('appstore/customerReviews.page1.json');
	const appPage = { feed: { ...app.feed, entry: replicate(app.feed.entry, ITEMS, (e, i) => ({ ...e, id: { label: String(6290024630 + i) } })) } };
	// RSS: the recorded Google Alerts feed with its 20 entries repeated, parsed from text.
	const xml = read('rss/googleAlerts.page1.xml');
	const entries = xml.match(/<entry>[\s\S]*?<\/entry>/g);
	const head = xml.slice(0, xml.indexOf('<entry>'));
	const body = [];
	for (let i = 0; body.length < ITEMS; i++) body.push(entries[i % entries.length].replace(/feed:(\d+)</, `feed:$1-${i}<`));
	const rssText = `${head}${body.join('')}</feed>`;
	const rssOptions = { feed: { maxItems: ITEMS * 2, maxBytes: rssText.length * 4, maxElements: ITEMS * 40 } };
	return [
		{ source: 'reddit', run: () => mapRedditPage(redditPage, ctx) },
		{ source: 'hackernews', run: () => mapHackerNewsPage(hnPage, ctx) },
		{ source: 'mastodon', run: () => mapMastodonPage(mastodonPage, ctx) },
		{ source: 'bluesky', run: () => mapBlueskyPage(blueskyPage, ctx) },
		{ source: 'x', run: () => mapXPage(xPage, ctx) },
		{ source: 'x (text body, big-int safe parse)', key: 'xText', text: JSON.stringify(xPage), run() { return mapXPage(this.text, ctx); } },
		{ source: 'youtube (search)', key: 'youtubeSearch', run: () => mapYoutubePage(ytSearchPage, ctx) },
		{ source: 'youtube (comments)', key: 'youtubeComments', run: () => mapYoutubePage(ytCommentsPage, ctx) },
		{ source: 'appstore', run: () => mapAppStorePage(appPage, ctx) },
		{ source: 'rss (parse + map, Atom text)', key: 'rss', run: () => mapRssPage(rssText, { ...ctx, ...rssOptions }) },
	];
}

function median(values) {
	const s = [...values].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Poll overhead per source: median time of one Mentions Trigger poll (first poll, trigger
 * mode) over one recorded page served by an in-process fake transport, minus the median time
 * of mapping that same page body directly. What remains is the trigger's own work: request
 * building, transport policy, cursor and watermark bookkeeping, seen-set and story dedupe,
 * query matching, item building and static-data writes. Milliseconds per poll.
 */
const POLL_CASES = {
	reddit: { fixture: 'reddit/search.page1.json', params: { sources: ['reddit'], keywords: 'afk, poetic' }, map: (b) => mapRedditPage(b, ctx) },
	hackernews: { fixture: 'hackernews/searchByDate.page1.json', params: { sources: ['hackernews'], keywords: 'vespa' }, map: (b) => mapHackerNewsPage(b, ctx) },
	mastodon: { fixture: 'mastodon/timelinesTag.page2.json', params: { sources: ['mastodon'], hashtags: 'orvia' }, map: (b) => mapMastodonPage(b, ctx) },
	bluesky: { fixture: 'bluesky/searchPosts.page1.json', params: { sources: ['bluesky'], keywords: 'orvia' }, map: (b) => mapBlueskyPage(b, ctx) },
	x: { fixture: 'x/searchRecent.page2.json', params: { sources: ['x'], keywords: 'orvia' }, map: (b) => mapXPage(b, ctx) },
	youtubeSearch: { fixture: 'youtube/search.page1.json', params: { sources: ['youtube'], keywords: 'orvia' }, map: (b) => mapYoutubePage(b, ctx) },
	youtubeComments: { fixture: 'youtube/commentThreads.page1.json', params: { sources: ['youtube'], youtubeMode: 'comments', youtubeVideoIds: 'abc' }, map: (b) => mapYoutubePage(b, ctx) },
	appstore: { fixture: 'appstore/customerReviews.page1.json', params: { sources: ['appstore'], appStoreAppId: '284882215' }, map: (b) => mapAppStorePage(b, ctx) },
	rss: { fixture: 'rss/googleAlerts.page1.xml', params: { sources: ['rss'], feedUrls: 'https://www.google.com/alerts/feeds/1/2' }, map: (b) => mapRssPage(b, ctx) },
};
let MentionsTrigger = null;
try {
	({ MentionsTrigger } = require(path.join(path.resolve(String(args.dist)), 'nodes/Mentions/MentionsTrigger.node')));
} catch {
	MentionsTrigger = null;
}

function pollContext(params, body) {
	const get = (name, fallback) => (Object.prototype.hasOwnProperty.call(params, name) ? params[name] : fallback);
	const respond = async () => ({ statusCode: 200, headers: {}, body });
	return {
		getNode: () => ({ name: 'Mentions Trigger' }),
		getMode: () => 'trigger',
		getWorkflowStaticData: () => ({}),
		getNodeParameter: get,
		getCredentials: async () => ({ baseUrl: 'https://api.example.test' }),
		logger: { warn() {} },
		helpers: { httpRequest: respond, httpRequestWithAuthentication: respond },
	};
}

async function measurePollOverhead(source) {
	const c = POLL_CASES[source];
	if (!c || !MentionsTrigger) return null;
	const body = read(c.fixture);
	const params = { keywords: '', hashtags: '', accounts: '', exclusions: '', languages: '', options: {}, ...c.params };
	const trigger = new MentionsTrigger();
	const pollTimes = [];
	const mapTimes = [];
	await trigger.poll.call(pollContext(params, body));
	for (let r = 0; r < Math.max(RUNS, 25); r++) {
		let t0 = process.hrtime.bigint();
		await trigger.poll.call(pollContext(params, body));
		pollTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
		t0 = process.hrtime.bigint();
		c.map(body);
		mapTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
	}
	return Math.round(Math.max(0, median(pollTimes) - median(mapTimes)) * 1000) / 1000;
}

(async () => {
const results = [];
for (const c of cases()) {
	const warm = c.run();
	const times = [];
	for (let r = 0; r < RUNS; r++) {
		const t0 = process.hrtime.bigint();
		c.run();
		times.push(Number(process.hrtime.bigint() - t0) / 1e6);
	}
	const ms = median(times);
	const mentions = warm.mentions.length;
	results.push({
		key: c.key || c.source,
		source: c.source,
		items: mentions + warm.skipped.length,
		mentions,
		skipped: warm.skipped.length,
		medianMs: Math.round(ms * 100) / 100,
		mentionsPerSecond: Math.round((mentions / ms) * 1000),
		pollOverheadMs: await measurePollOverhead(c.key || c.source),
	});
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(`Source mapping throughput (median of ${RUNS} runs, >= ${ITEMS} items per page, node ${process.version})`);
console.log(`${pad('source', 36)}${lpad('items', 8)}${lpad('skipped', 9)}${lpad('median ms', 11)}${lpad('mentions/s', 13)}  poll overhead`);
for (const r of results) {
	console.log(
		`${pad(r.source, 36)}${lpad(r.items, 8)}${lpad(r.skipped, 9)}${lpad(r.medianMs.toFixed(2), 11)}${lpad(r.mentionsPerSecond.toLocaleString('en-US'), 13)}  ${r.pollOverheadMs === null ? 'n/a' : `${r.pollOverheadMs} ms`}`,
	);
}
if (args.json) {
	const out = { bench: 'fetch', unit: 'mentions/s', runs: RUNS, itemsPerPage: ITEMS, node: process.version, sources: {} };
	for (const r of results) {
		out.sources[r.key] = { mentionsPerSecond: r.mentionsPerSecond, medianMs: r.medianMs, items: r.items, skipped: r.skipped, pollOverheadMs: r.pollOverheadMs };
	}
	console.log(JSON.stringify(out));
}
})();
