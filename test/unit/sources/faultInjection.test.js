// JavaScript on purpose: it prints the counts (console) and drives a virtual clock; strict lint forbids both in .ts tests.
/**
 * Fault injection: the Mentions Trigger polls six sources 210 times (200 with faults, then
 * 10 calm polls to drain backlogs and rate-limit pauses) over a replayed stream of more
 * than 5,000 mentions built from the recorded shapes. Faults per request: 429 (short,
 * waited out; long, source stopped for the poll), 5xx, timeouts, garbage bodies (truncated
 * JSON, HTML error pages, wrong shapes, junk), duplicated/stale pages; plus whole-poll
 * outages of one source. Asserts 0 mentions lost and 0 emitted twice.
 */
const { MentionsTrigger } = require('../../../nodes/Mentions/MentionsTrigger.node');
const { ReplayApis, SOURCES, rng } = require('../../helpers/replayApis');
const { parseQuery, matchesQuery } = require('../../../core/sources/query');
const { mapRedditPage } = require('../../../core/sources/reddit/mapReddit');
const { mapHackerNewsPage } = require('../../../core/sources/hackernews/mapHackerNews');
const { mapMastodonPage } = require('../../../core/sources/mastodon/mapMastodon');
const { mapBlueskyPage } = require('../../../core/sources/bluesky/mapBluesky');
const { mapXPage } = require('../../../core/sources/x/mapX');
const { mapRssPage } = require('../../../core/sources/rss/mapRss');

const MAPPERS = {
	reddit: mapRedditPage,
	hackernews: mapHackerNewsPage,
	mastodon: mapMastodonPage,
	bluesky: mapBlueskyPage,
	x: mapXPage,
	rss: mapRssPage,
};

const FAULT_POLLS = 200;
const DRAIN_POLLS = 10;

const PARAMS = {
	sources: ['reddit', 'hackernews', 'mastodon', 'bluesky', 'x', 'rss'],
	keywords: 'orvia',
	hashtags: 'orvialeak',
	accounts: '',
	exclusions: 'job offer',
	languages: '',
	redditAuthentication: 'public',
	subreddit: '',
	mastodonInstance: 'https://mastodon.social',
	mastodonAuthentication: 'none',
	feedUrls: 'https://www.google.com/alerts/feeds/04175468913983673025/4428013283581841004',
	youtubeMode: 'search',
	youtubeVideoIds: '',
	appStoreAppId: '',
	appStoreCountry: 'us',
	options: { maxPages: 3, maxRetries: 2, retryDelayMs: 1, maxWaitSeconds: 0.05, timeoutSeconds: 1, dedupeMemory: 5000 },
};

const CREDENTIALS = {
	xApi: { baseUrl: 'https://api.x.com', bearerToken: 'secret-x-token' },
	blueskyApi: { baseUrl: 'https://bsky.social', identifier: 'orvia.bsky.social', appPassword: 'secret-app-password' },
};

function sourceOf(pathname) {
	if (pathname.includes('/api/v1/search_by_date')) return 'hackernews';
	if (pathname.includes('/timelines/tag/')) return 'mastodon';
	if (pathname.includes('searchPosts')) return 'bluesky';
	if (pathname.includes('/2/tweets/')) return 'x';
	if (pathname.includes('/alerts/feeds/')) return 'rss';
	return 'reddit';
}

const HTML_502 = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

function longRateLimitHeaders(source, now) {
	const epoch = String(Math.floor(now / 1000) + 120);
	switch (source) {
		case 'reddit':
			return { 'x-ratelimit-used': '100', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '120' };
		case 'x':
			return { 'x-rate-limit-limit': '450', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': epoch };
		case 'mastodon':
			return { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(now + 120000).toISOString() };
		case 'bluesky':
			return { 'ratelimit-limit': '3000', 'ratelimit-remaining': '0', 'ratelimit-reset': epoch };
		default:
			return { 'retry-after': '120' };
	}
}

function garbage(kind, clean) {
	switch (kind % 4) {
		case 0:
			return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: String(clean.body).slice(0, Math.max(1, Math.floor(String(clean.body).length / 2))) };
		case 1:
			return { statusCode: 200, headers: { 'content-type': 'text/html' }, body: '<!DOCTYPE html><html><head><title>Access denied</title></head><body>Please enable cookies.</body></html>' };
		case 2:
			return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"unexpected":{"shape":[1,2,3]}}' };
		default:
			return { statusCode: 200, headers: { 'content-type': 'application/octet-stream' }, body: '\u0000\u00ff\u0013garbage\u0007' };
	}
}

function fakePollContext({ params, staticData, mode, transport }) {
	const node = { id: 'trigger-1', name: 'Mentions Trigger', type: 'n8n-nodes-crisis-kit.mentionsTrigger', typeVersion: 1, position: [0, 0], parameters: params };
	const ctx = {
		getNode: () => node,
		getMode: () => mode,
		getWorkflowStaticData: () => staticData,
		getNodeParameter: (name, fallback) => {
			if (Object.prototype.hasOwnProperty.call(params, name)) return params[name];
			if (fallback !== undefined) return fallback;
			throw new Error(`Could not get parameter "${name}"`);
		},
		getCredentials: async (type) => {
			if (!CREDENTIALS[type]) throw new Error(`Node does not have credentials of type "${type}"`);
			return CREDENTIALS[type];
		},
		logger: { warn() {}, info() {}, debug() {}, error() {} },
		helpers: {
			httpRequest: async (options) => transport(null, options),
			async httpRequestWithAuthentication(credentialType, options) {
				return transport(credentialType, options);
			},
		},
	};
	return ctx;
}

describe('Mentions Trigger under fault injection', () => {
	beforeAll(() => {
		// Only Date is virtual (one poll per minute); sleep() and jest keep real timers.
		jest.useFakeTimers({
			doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
		});
	});
	afterAll(() => jest.useRealTimers());

	test('>= 200 polls, >= 5,000 mentions, 6 sources: 0 lost, 0 emitted twice', async () => {
		const replay = new ReplayApis({
			seed: 20260305,
			polls: FAULT_POLLS,
			bursts: [
				{ source: 'reddit', poll: 30, count: 160 },
				{ source: 'hackernews', poll: 45, count: 140 },
				{ source: 'mastodon', poll: 60, count: 200 },
				{ source: 'bluesky', poll: 75, count: 150 },
				{ source: 'x', poll: 90, count: 260 },
				{ source: 'reddit', poll: 120, count: 120 },
				{ source: 'x', poll: 150, count: 180 },
				{ source: 'mastodon', poll: 170, count: 130 },
			],
		});
		const query = parseQuery({ keywords: PARAMS.keywords, hashtags: PARAMS.hashtags, exclusions: PARAMS.exclusions });
		const expected = new Map();
		let excluded = 0;
		for (const s of SOURCES) {
			for (const it of replay.items[s]) {
				const page = MAPPERS[s](replay.singlePage(s, it), { fetchedAt: new Date(it.time).toISOString(), instance: 'mastodon.social' });
				expect(page.mentions).toHaveLength(1);
				const m = page.mentions[0];
				if (matchesQuery(m, query)) expected.set(m.id, s);
				else excluded++;
			}
		}

		const rand = rng(42);
		const stats = { requests: 0, faults: { rateLimitShort: 0, rateLimitLong: 0, serverError: 0, timeout: 0, garbage: 0, duplicatedPage: 0, outage: 0 } };
		const lastResponse = new Map();
		let faultsOn = false;
		let outages = new Set();
		const transport = async (credentialType, options) => {
			stats.requests++;
			const url = new URL(options.url);
			const source = sourceOf(url.pathname);
			if ((source === 'x' || source === 'bluesky') && !credentialType) throw new Error(`${source} called without its credential`);
			const now = Date.now();
			const query = options.qs || {};
			const key = `${url.pathname}|${query.query ?? query.q ?? ''}`;
			const clean = () => {
				const r = replay.handle({ path: url.pathname, query }, now);
				return { statusCode: r.status, headers: r.headers, body: r.body };
			};
			if (faultsOn) {
				if (outages.has(source)) {
					stats.faults.outage++;
					return { statusCode: 503, headers: { 'content-type': 'text/html' }, body: HTML_502.replace(/502 Bad Gateway/g, '503 Service Unavailable') };
				}
				const r = rand();
				if (r < 0.03) {
					stats.faults.rateLimitShort++;
					return { statusCode: 429, headers: { 'retry-after': '0' }, body: '{"error":"Too Many Requests"}' };
				}
				if (r < 0.045) {
					stats.faults.rateLimitLong++;
					return { statusCode: 429, headers: longRateLimitHeaders(source, now), body: '{"message":"Too Many Requests","error":429}' };
				}
				if (r < 0.075) {
					stats.faults.serverError++;
					return { statusCode: 502, headers: { 'content-type': 'text/html' }, body: HTML_502 };
				}
				if (r < 0.095) {
					stats.faults.timeout++;
					throw Object.assign(new Error('timeout of 1000ms exceeded'), { code: 'ECONNABORTED' });
				}
				if (r < 0.115) {
					stats.faults.garbage++;
					return garbage(stats.faults.garbage, clean());
				}
				if (r < 0.135 && lastResponse.has(key)) {
					stats.faults.duplicatedPage++;
					return lastResponse.get(key);
				}
			}
			const response = clean();
			lastResponse.set(key, response);
			return response;
		};

		const trigger = new MentionsTrigger();
		let staticData = {};
		const emittedCount = new Map();
		const failuresByKind = {};
		let pollsWithFailure = 0;
		let pollsWithFailureAndEmission = 0;
		let thrownPolls = 0;
		let emptyPolls = 0;
		const totalPolls = FAULT_POLLS + DRAIN_POLLS;
		for (let k = 1; k <= totalPolls; k++) {
			jest.setSystemTime(replay.pollTime(k));
			faultsOn = k > 1 && k <= FAULT_POLLS;
			outages = new Set(faultsOn ? SOURCES.filter(() => rand() < 0.05) : []);
			const working = JSON.parse(JSON.stringify(staticData));
			const ctx = fakePollContext({ params: PARAMS, staticData: working, mode: 'trigger', transport });
			let out;
			try {
				out = await trigger.poll.call(ctx);
			} catch (error) {
				thrownPolls++;
				expect(error.constructor.name).toBe('NodeApiError');
				continue; // n8n keeps the previous static data
			}
			staticData = JSON.parse(JSON.stringify(working)); // what n8n persists
			if (!out) {
				emptyPolls++;
				continue;
			}
			let failed = 0;
			let emitted = 0;
			for (const item of [...out[0], ...(out[1] || [])]) { // mentions, then the Source Failures output
				if (item.json.sourceFailure) {
					failed++;
					expect(item.json.sourceFailure.cursorMoved).toBe(false);
					failuresByKind[item.json.sourceFailure.kind] = (failuresByKind[item.json.sourceFailure.kind] || 0) + 1;
					continue;
				}
				emitted++;
				emittedCount.set(item.json.id, (emittedCount.get(item.json.id) || 0) + 1);
				expect(item.json.raw).toBeUndefined();
				expect(typeof item.json.story.key).toBe('string');
			}
			if (failed) pollsWithFailure++;
			if (failed && emitted) pollsWithFailureAndEmission++;
		}

		const lost = [...expected.keys()].filter((id) => !emittedCount.has(id));
		const twice = [...emittedCount.entries()].filter(([, n]) => n > 1).map(([id]) => id);
		const unexpected = [...emittedCount.keys()].filter((id) => !expected.has(id));
		const perSource = {};
		for (const [id] of emittedCount) {
			const s = expected.get(id) || 'unexpected';
			perSource[s] = (perSource[s] || 0) + 1;
		}
		const summary = {
			polls: totalPolls,
			pollsWithFaults: FAULT_POLLS - 1,
			generated: replay.total(),
			expected: expected.size,
			excludedByQuery: excluded,
			emitted: emittedCount.size,
			lost: lost.length,
			emittedTwice: twice.length,
			unexpected: unexpected.length,
			perSource,
			requests: stats.requests,
			injected: stats.faults,
			failureItemsByKind: failuresByKind,
			pollsWithFailure,
			pollsWithFailureAndEmission,
			thrownPolls,
			emptyPolls,
		};
		console.log(`fault injection: ${summary.emitted} mentions emitted of ${summary.expected} expected over ${summary.polls} polls; lost=${summary.lost} emittedTwice=${summary.emittedTwice}\n${JSON.stringify(summary, null, 2)}`);

		expect(totalPolls).toBeGreaterThanOrEqual(200);
		expect(expected.size).toBeGreaterThanOrEqual(5000);
		expect({ lost: lost.length, sample: lost.slice(0, 5) }).toEqual({ lost: 0, sample: [] });
		expect({ emittedTwice: twice.length, sample: twice.slice(0, 5) }).toEqual({ emittedTwice: 0, sample: [] });
		expect(unexpected).toEqual([]);
		for (const kind of Object.keys(stats.faults)) expect(stats.faults[kind]).toBeGreaterThan(0);
		expect(pollsWithFailureAndEmission).toBeGreaterThan(0);
		// The static data shows one cursor per source, each with its streams' watermarks.
		for (const s of PARAMS.sources) {
			const streams = staticData.sources[s].streams;
			expect(Object.keys(streams).length).toBeGreaterThan(0);
			for (const st of Object.values(streams)) {
				expect(st.watermark).not.toBeNull();
				expect(st.pending).toBeNull();
			}
		}
		expect(staticData.seenIds.keys.length).toBeLessThanOrEqual(5000);
	}, 120000);
});
