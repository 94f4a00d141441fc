// JavaScript on purpose: drives a virtual clock over a year of polls (strict lint forbids that in .ts tests).
/**
 * State hygiene of the Mentions Trigger (static data `node:Mentions Trigger`):
 * - a year of simulated polls (one every 12 hours, 730 polls) with hostile traffic: Hacker News
 *   every 10 minutes, a feed whose entry ids and links are 3,000 characters long, the feed URL
 *   and the keyword changed every week (a new stream each time): the stored state stays under
 *   the bound documented in docs/operations.md and stops growing;
 * - a corrupted state is reset part by part with a warning in n8n's log, never a crash, and the
 *   poll still emits.
 */
const { MentionsTrigger } = require('../../../nodes/Mentions/MentionsTrigger.node');
const { readStateChecked, MAX_STREAMS_PER_SOURCE, MAX_SEEN_KEY, MAX_STATE_STRING, dedupeMemoryOf } = require('../../../nodes/Mentions/sources/pollState');
const { ReplayApis, queryObject } = require('../../helpers/replayApis');

const HOUR = 3600000;
const START = Date.parse('2026-01-01T00:00:00Z');
const weekOf = (ms) => Math.floor((ms - START) / (7 * 24 * HOUR));

function pollContext({ params, staticData, transport, warnings, mode = 'trigger' }) {
	return {
		getNode: () => ({ id: 't1', name: 'Mentions Trigger', type: 'n8n-nodes-crisis-kit.mentionsTrigger', typeVersion: 1, position: [0, 0], parameters: params }),
		getMode: () => mode,
		getWorkflowStaticData: () => staticData,
		getNodeParameter: (name, fallback) => {
			if (Object.prototype.hasOwnProperty.call(params, name)) return params[name];
			if (fallback !== undefined) return fallback;
			throw new Error(`Could not get parameter "${name}"`);
		},
		getCredentials: async (type) => {
			throw new Error(`Node does not have credentials "${type}"`);
		},
		logger: { warn: (m) => warnings.push(m), info() {}, debug() {}, error() {} },
		helpers: {
			httpRequest: async (o) => transport(null, o),
			httpRequestWithAuthentication: async (type, o) => transport(type, o),
		},
	};
}

/** A year-long synthetic API: HN hits every 10 minutes, a feed entry every 20 minutes (hostile sizes). */
function yearApis() {
	const HN_EVERY = 600;
	const FEED_EVERY = 1200;
	const hit = (j, keyword) => ({
		objectID: String(80000000 + j),
		created_at: new Date(j * HN_EVERY * 1000).toISOString(),
		created_at_i: j * HN_EVERY,
		title: `Orvia ${keyword} outage report ${j}`, // the keyword of the current week
		url: `https://news.example.com/hn/${j}`,
		author: `hn_${j % 97}`,
		points: j % 50,
		num_comments: j % 7,
		story_text: null,
		comment_text: null,
		_tags: ['story', `author_hn_${j % 97}`, `story_${80000000 + j}`],
	});
	const entry = (j, feed) => {
		const iso = new Date(j * FEED_EVERY * 1000).toISOString().replace('.000Z', 'Z');
		const long = 'x'.repeat(3000);
		return `<entry><id>tag:google.com,2013:googlealerts/feed:${feed}:${long}:${j}</id><title type="html">Orvia orvia${weekOf(Date.now())} alert ${j}</title><link href="https://press.example.com/${long}/${j}"/><published>${iso}</published><updated>${iso}</updated><content type="html">Orvia customers angry ${j}</content><author><name></name></author></entry>`;
	};
	return async (credentialType, options) => {
		const url = new URL(options.url);
		const q = { ...queryObject(url.searchParams), ...(options.qs || {}) };
		const now = Math.floor(Date.now() / 1000);
		if (url.pathname.endsWith('/api/v1/search_by_date')) {
			let from = 0;
			for (const f of String(q.numericFilters || '').split(',')) {
				const m = /^created_at_i(>=|>)(\d+)$/.exec(f);
				if (m) from = Number(m[2]) + (m[1] === '>' ? 1 : 0);
			}
			const size = Number(q.hitsPerPage) || 20;
			const page = Number(q.page) || 0;
			const newest = Math.floor(now / HN_EVERY);
			const oldest = Math.max(Math.ceil(from / HN_EVERY), newest - 2000);
			const all = newest >= oldest ? newest - oldest + 1 : 0;
			const hits = [];
			for (let j = newest - page * size; j > newest - (page + 1) * size && j >= oldest; j--) hits.push(hit(j, q.query || 'orvia'));
			return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hits, nbHits: all, page, nbPages: Math.ceil(all / size), hitsPerPage: size }) };
		}
		if (url.pathname.includes('/alerts/feeds/')) {
			const feed = url.pathname.split('/').pop();
			const newest = Math.floor(now / FEED_EVERY);
			const entries = [];
			for (let j = newest; j > newest - 20; j--) entries.push(entry(j, feed));
			const xml = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>tag:google.com,2005:reader/user/1/state/com.google/alerts/${feed}</id><title>Google Alert - orvia</title><updated>${new Date(now * 1000).toISOString()}</updated>${entries.join('')}</feed>`;
			return { statusCode: 200, headers: { 'content-type': 'application/atom+xml; charset=utf-8' }, body: xml };
		}
		return { statusCode: 404, headers: {}, body: '{}' };
	};
}

describe('Mentions Trigger state stays bounded', () => {
	beforeAll(() => {
		jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
	});
	afterAll(() => jest.useRealTimers());

	test('a year of polls (every 12 h) with a new keyword and feed each week: under the documented bound, and no longer growing', async () => {
		const transport = yearApis();
		const trigger = new MentionsTrigger();
		let staticData = {};
		const sizes = [];
		const warnings = [];
		let emitted = 0;
		let feedEmitted = 0;
		const seen = new Set();
		let repeats = 0;
		const polls = (365 * 24) / 12;
		for (let k = 0; k < polls; k++) {
			const now = START + k * 12 * HOUR;
			jest.setSystemTime(now);
			const week = weekOf(now);
			const params = {
				sources: ['hackernews', 'rss'],
				keywords: `orvia${week}`,
				hashtags: '',
				feedUrls: `https://www.google.com/alerts/feeds/1/${week} https://www.google.com/alerts/feeds/1/fixed`,
				options: { apiBaseUrl: 'https://hn.test', maxPages: 5, maxRetries: 0, retryDelayMs: 1 },
			};
			const working = JSON.parse(JSON.stringify(staticData));
			const out = await trigger.poll.call(pollContext({ params, staticData: working, transport, warnings }));
			const stored = JSON.stringify(working);
			staticData = JSON.parse(stored); // what n8n persists between polls
			sizes.push(stored.length);
			for (const item of out ? out[0] : []) {
				if (item.json.sourceFailure) throw new Error(`poll ${k}: ${item.json.error}`);
				emitted++;
				if (item.json.platform === 'rss') feedEmitted++;
				if (seen.has(item.json.id)) repeats++;
				seen.add(item.json.id);
			}
		}
		const state = readStateChecked(staticData);
		expect(state.warnings).toEqual([]);
		expect(warnings).toEqual([]);
		// Documented bound (docs/operations.md): seen sets 2 × Dedupe Memory keys of ≤ MAX_SEEN_KEY
		// characters, ≤ MAX_STREAMS_PER_SOURCE cursors per source of ≤ 3 strings of ≤ MAX_STATE_STRING.
		const memory = dedupeMemoryOf(undefined);
		const bound = 2 * memory * (MAX_SEEN_KEY + 3) + 8 * MAX_STREAMS_PER_SOURCE * (5 * MAX_STATE_STRING + 300) + 8 * (MAX_STATE_STRING + 300);
		const max = Math.max(...sizes);
		expect(max).toBeLessThan(bound);
		// Concretely: 2 sources, ≤ 50 streams each, seen sets full at 5,000 keys each.
		for (const s of Object.values(state.state.sources)) expect(Object.keys(s.streams).length).toBeLessThanOrEqual(MAX_STREAMS_PER_SOURCE);
		expect(Object.keys(state.state.sources.rss.streams).length).toBe(MAX_STREAMS_PER_SOURCE);
		expect(state.state.seenIds.keys.length).toBe(memory);
		expect(state.state.seenIds.keys.every((k) => k.length <= MAX_SEEN_KEY)).toBe(true);
		// Plateau: the last quarter is no larger than 5 % over the second quarter's peak.
		const q = Math.floor(sizes.length / 4);
		const q2 = Math.max(...sizes.slice(q, 2 * q));
		const q4 = Math.max(...sizes.slice(3 * q));
		expect(q4).toBeLessThanOrEqual(q2 * 1.05);
		expect(repeats).toBe(0);
		expect(emitted).toBeGreaterThan(60000);
		expect(feedEmitted).toBeGreaterThan(7000);
		process.stdout.write(
			`trigger state after a year (${polls} polls, ${emitted} mentions, ${Object.keys(state.state.sources.rss.streams).length} feed cursors kept of 53 used): ` +
				`peak ${max} bytes (Q2 peak ${q2}, Q4 peak ${q4}); documented bound ${bound}\n`,
		);
	}, 300000);
});

describe('a corrupted trigger state is reset with a warning, never a crash', () => {
	const replay = new ReplayApis({ seed: 3, polls: 3, rates: { reddit: 2, hackernews: 2, rss: 1, mastodon: 0, bluesky: 0, x: 0 }, exclusionRate: 0 });
	const params = {
		sources: ['reddit', 'hackernews', 'rss'],
		keywords: 'orvia',
		hashtags: '',
		feedUrls: 'https://www.google.com/alerts/feeds/1/2',
		options: { apiBaseUrl: 'https://api.test', maxRetries: 0, retryDelayMs: 1 },
	};
	let clock = replay.pollTime(1);
	const transport = async (type, o) => {
		const u = new URL(o.url);
		const r = replay.handle({ path: u.pathname, query: o.qs || {} }, clock);
		return { statusCode: r.status, headers: r.headers, body: r.body };
	};
	let good;
	beforeAll(async () => {
		good = {};
		clock = replay.pollTime(1);
		await new MentionsTrigger().poll.call(pollContext({ params, staticData: good, transport, warnings: [] }));
		good = JSON.parse(JSON.stringify(good));
	});
	const eachStream = (s, fn) => {
		for (const src of Object.values(s.sources)) for (const id of Object.keys(src.streams)) src.streams[id] = fn(src.streams[id]);
		return s;
	};
	const cases = {
		'state is a string': () => 'garbage',
		'state is an array': () => [1, 2, 3],
		'unknown version': () => ({ ...good, version: 99 }),
		'sources is an array': () => ({ ...good, sources: [1, 2] }),
		'sources is a number': () => ({ ...good, sources: 7 }),
		'a source is null': () => ({ ...good, sources: { ...good.sources, reddit: null } }),
		'a source has streams: null': () => ({ ...good, sources: { ...good.sources, reddit: { ...good.sources.reddit, streams: null } } }),
		'a source has streams: "x"': () => ({ ...good, sources: { ...good.sources, hackernews: { streams: 'x' } } }),
		'an unknown source name': () => ({ ...good, sources: { ...good.sources, __proto_: { streams: {} }, myspace: { streams: {} } } }),
		'a stream cursor is a number': () => eachStream(JSON.parse(JSON.stringify(good)), () => 5),
		'a watermark with a number date and an object position': () => eachStream(JSON.parse(JSON.stringify(good)), (st) => ({ ...st, watermark: { publishedAt: 7, position: { a: 1 }, sinceId: null } })),
		'a watermark date that is not a date': () => eachStream(JSON.parse(JSON.stringify(good)), (st) => ({ ...st, watermark: { ...st.watermark, publishedAt: 'yesterday-ish' } })),
		'a pending page token that is an object': () => eachStream(JSON.parse(JSON.stringify(good)), (st) => ({ ...st, pending: { token: { a: 1 }, top: 5 } })),
		'a 100 kB page token': () => eachStream(JSON.parse(JSON.stringify(good)), (st) => ({ ...st, pending: { token: 'y'.repeat(100000), top: null } })),
		'retryAt is not a date': () => ({ ...good, sources: { ...good.sources, reddit: { ...good.sources.reddit, retryAt: 'soon' } } }),
		'seenIds is a string': () => ({ ...good, seenIds: 'abc' }),
		'seenIds keys are numbers and nulls': () => ({ ...good, seenIds: { version: 1, maxEntries: 3, keys: [1, null, {}, 'ok'] } }),
		'seenStories is a number': () => ({ ...good, seenStories: 42 }),
	};
	test.each(Object.keys(cases))('%s', async (name) => {
		const corrupted = cases[name]();
		// n8n hands the node an object; a non-object state arrives as an object holding it.
		const staticData = typeof corrupted === 'object' && !Array.isArray(corrupted) ? JSON.parse(JSON.stringify(corrupted)) : { version: 1, sources: corrupted };
		const warnings = [];
		clock = replay.pollTime(2);
		const out = await new MentionsTrigger().poll.call(pollContext({ params, staticData, transport, warnings }));
		expect(warnings.length).toBeGreaterThan(0);
		expect(warnings.every((w) => /^Mentions Trigger: state reset: /.test(w))).toBe(true);
		// The poll still emits (a reset part starts from the first page again).
		expect(out && out[0].filter((i) => !i.json.sourceFailure).length).toBeGreaterThan(0);
		// What is stored afterwards is sound.
		expect(readStateChecked(JSON.parse(JSON.stringify(staticData))).warnings).toEqual([]);
	});

	test('a sound state gives no warning', async () => {
		const warnings = [];
		clock = replay.pollTime(2);
		await new MentionsTrigger().poll.call(pollContext({ params, staticData: JSON.parse(JSON.stringify(good)), transport, warnings }));
		expect(warnings).toEqual([]);
	});

	test('Dedupe Memory is clamped to 100 … 50,000 and long seen keys are stored as digests', () => {
		expect(dedupeMemoryOf(10)).toBe(100);
		expect(dedupeMemoryOf(1e9)).toBe(50000);
		expect(dedupeMemoryOf('abc')).toBe(5000);
		const { seenKey } = require('../../../nodes/Mentions/sources/pollState');
		expect(seenKey('reddit:abc')).toBe('reddit:abc');
		const long = seenKey('rss:' + 'z'.repeat(5000));
		expect(long.length).toBeLessThanOrEqual(MAX_SEEN_KEY);
		expect(long).toBe(seenKey('rss:' + 'z'.repeat(5000)));
		expect(long).not.toBe(seenKey('rss:' + 'z'.repeat(4999)));
		expect(MAX_STATE_STRING).toBeGreaterThanOrEqual(MAX_SEEN_KEY);
	});
});

describe('overlapping polls (seen in queue mode on a loaded main)', () => {
	test('a poll that starts while the previous one of the same trigger runs is skipped: no mention emitted twice', async () => {
		const replay = new ReplayApis({ seed: 9, polls: 2, rates: { reddit: 3, hackernews: 3, rss: 1, mastodon: 0, bluesky: 0, x: 0 }, exclusionRate: 0 });
		const params = { sources: ['reddit', 'hackernews', 'rss'], keywords: 'orvia', hashtags: '', feedUrls: 'https://www.google.com/alerts/feeds/1/2', options: { apiBaseUrl: 'https://api.test', maxRetries: 0, retryDelayMs: 1 } };
		let release;
		const gate = new Promise((r) => (release = r));
		const transport = async (type, o) => {
			await gate; // both polls are in flight before any answer
			const u = new URL(o.url);
			const r = replay.handle({ path: u.pathname, query: o.qs || {} }, replay.pollTime(2));
			return { statusCode: r.status, headers: r.headers, body: r.body };
		};
		const staticData = {}; // n8n hands both polls the workflow's same static-data object
		const warnings = [];
		const a = new MentionsTrigger().poll.call(pollContext({ params, staticData, transport, warnings }));
		const b = new MentionsTrigger().poll.call(pollContext({ params, staticData, transport, warnings }));
		release();
		const [outA, outB] = await Promise.all([a, b]);
		const ids = [...(outA ? outA[0] : []), ...(outB ? outB[0] : [])].map((i) => i.json.id);
		expect(ids.length).toBeGreaterThan(0);
		expect(new Set(ids).size).toBe(ids.length);
		expect(warnings.some((w) => /previous poll is still running/.test(w))).toBe(true);
		// The next poll runs normally.
		const next = await new MentionsTrigger().poll.call(pollContext({ params, staticData, transport, warnings: [] }));
		expect(next).toBeNull();
	});

	test('with durable poll cursors each poll gets its own state snapshot: the workflow id and node name still identify the trigger', async () => {
		const replay = new ReplayApis({ seed: 11, polls: 2, rates: { reddit: 3, hackernews: 3, rss: 1, mastodon: 0, bluesky: 0, x: 0 }, exclusionRate: 0 });
		const params = { sources: ['reddit', 'hackernews'], keywords: 'orvia', hashtags: '', options: { apiBaseUrl: 'https://api.test', maxRetries: 0, retryDelayMs: 1 } };
		let release;
		const gate = new Promise((r) => (release = r));
		const transport = async (type, o) => {
			await gate;
			const u = new URL(o.url);
			const r = replay.handle({ path: u.pathname, query: o.qs || {} }, replay.pollTime(2));
			return { statusCode: r.status, headers: r.headers, body: r.body };
		};
		const warnings = [];
		const ctx = (staticData) => ({ ...pollContext({ params, staticData, transport, warnings }), getWorkflow: () => ({ id: 'wf-durable', name: 'w', active: true }) });
		const a = new MentionsTrigger().poll.call(ctx({}));
		const b = new MentionsTrigger().poll.call(ctx({}));
		release();
		const [outA, outB] = await Promise.all([a, b]);
		expect([outA, outB].filter((o) => o !== null)).toHaveLength(1);
		expect(warnings.some((w) => /previous poll is still running/.test(w))).toBe(true);
	});
});
