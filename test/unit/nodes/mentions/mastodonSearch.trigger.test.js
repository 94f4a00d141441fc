// JavaScript on purpose: it reads fixtures with fs, which strict lint forbids in .ts tests.
/**
 * Mastodon full-text search streams (`GET /api/v2/search?type=statuses`, access token)
 * in the Mentions Trigger: request shape and credential, first poll, paging back with
 * `max_id` down to the stored watermark, the page cap leaving a pending cursor that the
 * next poll resumes, and nothing lost or emitted twice.
 *
 * The instance is replayed from the recorded v2 search answer (test/fixtures/mastodon/
 * search.page1.json): each status is the recorded one with a new local id, uri, date and
 * text; the server applies v2 search's documented paging (newest first, `max_id`
 * exclusive, `limit` ≤ 40).
 */
const fs = require('fs');
const path = require('path');
const { NodeApiError } = require('n8n-workflow');
const { MentionsTrigger } = require('../../../../nodes/Mentions/MentionsTrigger.node');
const { mentionsContext, asAnswer } = require('../../../helpers/mentionsContext');

const FIX = path.join(__dirname, '../../../fixtures');
const load = (p) => JSON.parse(fs.readFileSync(path.join(FIX, p), 'utf8'));
const SECRET = 'mastodon-token-very-secret';
const CREDS = { mastodonApi: { baseUrl: 'https://fosstodon.org', accessToken: SECRET } };
const RECORDED = load('mastodon/search.page1.json');
const START = Date.parse('2026-03-05T09:00:00Z');
const BASE_ID = 116000000000000000n;

/** A fosstodon.org with `statuses` (local ids growing with time) behind v2 search. */
function instance() {
	const statuses = [];
	const calls = [];
	const add = (count) => {
		for (let k = 0; k < count; k++) {
			const n = statuses.length;
			const id = String(BASE_ID + BigInt(n) * 1000n);
			statuses.push({
				...RECORDED.statuses[0],
				id,
				uri: `https://fosstodon.org/users/u${n}/statuses/${id}`,
				url: `https://fosstodon.org/@u${n}/${id}`,
				created_at: new Date(START + n * 7000).toISOString(),
				content: `<p>Orvia leak, post ${n}</p>`,
				card: null,
				account: { ...RECORDED.statuses[0].account, id: String(n), username: `u${n}`, acct: `u${n}` },
			});
		}
	};
	const respond = ({ url, qs }) => {
		calls.push({ url, qs });
		if (!url.endsWith('/api/v2/search')) return { status: 404, body: { error: 'Record not found' } };
		let list = statuses.filter((s) => String(s.content).toLowerCase().includes(String(qs.q).toLowerCase()));
		if (qs.max_id) list = list.filter((s) => BigInt(s.id) < BigInt(qs.max_id));
		if (qs.min_id) list = list.filter((s) => BigInt(s.id) > BigInt(qs.min_id));
		list.sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
		const limit = Math.min(Number(qs.limit ?? 20), 40);
		return { status: 200, headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299' }, body: { accounts: [], statuses: list.slice(0, limit), hashtags: [] } };
	};
	return { statuses, calls, add, respond };
}

const TRIGGER = (options = {}, extra = {}) => ({
	sources: ['mastodon'],
	keywords: 'orvia',
	hashtags: '',
	accounts: '',
	exclusions: '',
	languages: '',
	mastodonAuthentication: 'accessToken',
	options: { retryDelayMs: 1, maxWaitSeconds: 0, maxRetries: 1, ...options },
	...extra,
});

async function poll(server, staticData, options, extra) {
	const { ctx, calls } = mentionsContext({ params: TRIGGER(options, extra), respond: server.respond, credentials: CREDS, staticData });
	const out = await new MentionsTrigger().poll.call(ctx);
	return { items: out ? out[0] : [], calls };
}

const localIds = (items) => items.map((i) => i.json.url.replace(/^.*\//, ''));

describe('Mentions Trigger › Mastodon v2 full-text search', () => {
	test('the request: credential instance /api/v2/search, q, type=statuses, resolve=false, limit 40, mastodonApi; the token is left to n8n', async () => {
		const server = instance();
		server.add(5);
		const { items, calls } = await poll(server, {});
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({
			credentialType: 'mastodonApi',
			url: 'https://fosstodon.org/api/v2/search',
			qs: { q: 'orvia', type: 'statuses', resolve: false, limit: 40 },
		});
		expect(calls[0].qs.max_id).toBeUndefined();
		expect(calls[0].headers.Authorization).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(items[0].json).toMatchObject({ platform: 'mastodon', source: 'mastodon:fosstodon.org', author: { handle: 'u0@fosstodon.org' } });
		expect(JSON.stringify(items)).not.toContain(SECRET);
	});

	test('without an access token there is no search stream: the keyword-only query is refused with what to select', async () => {
		const server = instance();
		const { ctx, calls } = mentionsContext({ params: TRIGGER({}, { mastodonAuthentication: 'none' }), respond: server.respond, credentials: CREDS });
		const error = await new MentionsTrigger().poll.call(ctx).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('mastodon: nothing to read with these settings');
		expect(error.description).toContain('select an access token for full-text search');
		expect(calls).toHaveLength(0);
	});

	test('first poll reads one page; later polls page back with max_id down to the watermark; every status once', async () => {
		const server = instance();
		const staticData = {};
		server.add(60);
		const first = await poll(server, staticData);
		// First poll: one page (the 40 newest), the watermark is the newest local id.
		expect(first.calls).toHaveLength(1);
		expect(first.items).toHaveLength(40);
		const stream = staticData.sources.mastodon.streams['search:orvia'];
		expect(stream.watermark.sinceId).toBe(server.statuses[59].id);
		expect(stream.pending).toBeNull();

		server.add(50);
		const second = await poll(server, staticData);
		// 40 newest, then max_id = the oldest id of that page: the next 40 reach the watermark.
		expect(second.calls.map((c) => c.qs.max_id)).toEqual([undefined, server.statuses[70].id]);
		expect(second.items).toHaveLength(50);
		expect(new Set(localIds(second.items))).toEqual(new Set(server.statuses.slice(60).map((s) => s.id)));
		expect(staticData.sources.mastodon.streams['search:orvia'].watermark.sinceId).toBe(server.statuses[109].id);

		const quiet = await poll(server, staticData);
		expect(quiet.items).toEqual([]);
		expect(quiet.calls).toHaveLength(1);
	});

	test('the page cap leaves a pending max_id cursor; the next poll resumes there before reading new statuses; nothing lost or doubled', async () => {
		const server = instance();
		const staticData = {};
		server.add(10);
		await poll(server, staticData, { maxPages: 1 });
		server.add(100); // statuses 10..109 arrive between two polls
		const emitted = [];

		const capped = await poll(server, staticData, { maxPages: 1 });
		emitted.push(...localIds(capped.items));
		expect(capped.items).toHaveLength(40);
		let stream = staticData.sources.mastodon.streams['search:orvia'];
		expect(stream.pending).toMatchObject({ token: server.statuses[70].id });
		// The watermark stays on the old top until the backlog is read.
		expect(stream.watermark.sinceId).toBe(server.statuses[9].id);

		server.add(5); // 110..114 arrive meanwhile
		const resumed = await poll(server, staticData, { maxPages: 1 });
		expect(resumed.calls[0].qs.max_id).toBe(server.statuses[70].id);
		emitted.push(...localIds(resumed.items));
		stream = staticData.sources.mastodon.streams['search:orvia'];
		expect(stream.pending).toMatchObject({ token: server.statuses[30].id });

		for (let k = 0; k < 4 && staticData.sources.mastodon.streams['search:orvia'].pending; k++) {
			emitted.push(...localIds((await poll(server, staticData, { maxPages: 1 })).items));
		}
		emitted.push(...localIds((await poll(server, staticData, { maxPages: 1 })).items));
		expect(emitted).toHaveLength(105);
		expect(new Set(emitted)).toEqual(new Set(server.statuses.slice(10).map((s) => s.id)));
		expect(staticData.sources.mastodon.streams['search:orvia'].watermark.sinceId).toBe(server.statuses[114].id);
	});

	test('a 401 from search names the Mastodon credential and keeps the cursor; a 429 stores retryAt from the ISO reset header', async () => {
		const server = instance();
		const staticData = {};
		server.add(3);
		await poll(server, staticData);
		const before = JSON.stringify(staticData.sources.mastodon.streams);
		const unauthorized = mentionsContext({ params: TRIGGER(), respond: () => load('mastodon/timelinesTag.unauthorized.json'), credentials: CREDS, staticData });
		const error = await new MentionsTrigger().poll.call(unauthorized.ctx).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toContain('Mastodon API (instance URL + access token');
		expect(`${error.message} ${error.description}`).not.toContain(SECRET);
		expect(JSON.stringify(staticData.sources.mastodon.streams)).toBe(before);

		const limited = load('mastodon/timelinesTag.rateLimited.json');
		limited.headers[Object.keys(limited.headers).find((h) => /reset/i.test(h))] = new Date(Date.now() + 3600e3).toISOString();
		// With a healthy second source the poll returns (n8n commits static data only then), so retryAt is kept.
		const hnEmpty = load('hackernews/searchByDate.emptyPage.json');
		const rate = mentionsContext({
			params: TRIGGER({}, { sources: ['mastodon', 'hackernews'] }),
			respond: ({ url }) => asAnswer(url.includes('algolia') ? hnEmpty : limited),
			credentials: CREDS,
			staticData,
		});
		const [items, failed] = await new MentionsTrigger().poll.call(rate.ctx);
		expect(items).toEqual([]);
		expect(failed[0].json.sourceFailure).toMatchObject({ source: 'mastodon:fosstodon.org', kind: 'rateLimited', credential: 'mastodonApi', stream: 'search:orvia', cursorMoved: false });
		expect(Date.parse(staticData.sources.mastodon.retryAt)).toBeGreaterThan(Date.now() + 3000e3);
		expect(JSON.stringify(staticData.sources.mastodon.streams)).toBe(before);
	});

	test('when every source is rate-limited the poll emits nothing, keeps the cursors, stores retryAt and does not call again before it', async () => {
		const server = instance();
		const staticData = {};
		server.add(3);
		await poll(server, staticData);
		const before = JSON.stringify(staticData.sources.mastodon.streams);
		const limited = load('mastodon/timelinesTag.rateLimited.json');
		limited.headers[Object.keys(limited.headers).find((h) => /reset/i.test(h))] = new Date(Date.now() + 3600e3).toISOString();
		const rate = mentionsContext({ params: TRIGGER(), respond: () => asAnswer(limited), credentials: CREDS, staticData });
		const result = await new MentionsTrigger().poll.call(rate.ctx);
		expect(result).toBeNull();
		expect(Date.parse(staticData.sources.mastodon.retryAt)).toBeGreaterThan(Date.now() + 3000e3);
		expect(JSON.stringify(staticData.sources.mastodon.streams)).toBe(before);
		let calls = 0;
		const again = mentionsContext({ params: TRIGGER(), respond: () => { calls++; return asAnswer(limited); }, credentials: CREDS, staticData });
		await new MentionsTrigger().poll.call(again.ctx).catch(() => null);
		expect(calls).toBe(0);
	});
});
