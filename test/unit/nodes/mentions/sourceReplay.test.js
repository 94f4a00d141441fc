// JavaScript on purpose: it reads recorded fixtures (.json/.xml/.txt) with fs, which strict lint forbids in .ts tests.
/**
 * n8n glue of every source, replayed from the recorded responses in test/fixtures/: the
 * request each adapter builds (URL, parameters, credential), the mapping of the recorded
 * page through the node, and the trouble rules (401/403 name the credential, 429 stops the
 * source and keeps its cursor, healthy sources still emit, manual runs move nothing).
 */
const fs = require('fs');
const path = require('path');
const { NodeApiError, NodeOperationError } = require('n8n-workflow');
const { Mentions } = require('../../../../nodes/Mentions/Mentions.node');
const { MentionsTrigger } = require('../../../../nodes/Mentions/MentionsTrigger.node');
const { BlueskyApi } = require('../../../../credentials/BlueskyApi.credentials');

const FIX = path.join(__dirname, '../../../fixtures');
const read = (p) => fs.readFileSync(path.join(FIX, p), 'utf8');
const SECRET = 'sk-very-secret-token-123';
const CREDS = {
	xApi: { baseUrl: 'https://api.x.com', bearerToken: SECRET },
	youTubeApi: { baseUrl: 'https://www.googleapis.com/youtube/v3', apiKey: SECRET },
	blueskyApi: { baseUrl: 'https://bsky.social', identifier: 'orvia.bsky.social', appPassword: SECRET },
	mastodonApi: { baseUrl: 'https://fosstodon.org', accessToken: SECRET },
	redditOAuth2Api: { baseUrl: 'https://oauth.reddit.com' },
};

function ctxFor({ params, respond, mode = 'trigger', staticData = {}, items = [{ json: {} }] }) {
	const calls = [];
	const transport = async (credentialType, options) => {
		calls.push({ credentialType, url: options.url, qs: options.qs || {}, headers: options.headers });
		const r = await respond({ credentialType, url: options.url, qs: options.qs || {} });
		if (r instanceof Error) throw r;
		return { statusCode: r.status ?? 200, headers: r.headers ?? {}, body: r.body };
	};
	const get = (name, fallback) => {
		if (Object.prototype.hasOwnProperty.call(params, name)) return params[name];
		if (fallback !== undefined) return fallback;
		throw new Error(`Could not get parameter "${name}"`);
	};
	const ctx = {
		getNode: () => ({ id: 'n1', name: 'Mentions', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} }),
		getMode: () => mode,
		getWorkflowStaticData: () => staticData,
		getInputData: () => items,
		continueOnFail: () => false,
		getNodeParameter: (name, a, b) => (typeof a === 'number' && b !== undefined ? get(name, b) : typeof a === 'number' ? get(name) : get(name, a)),
		getCredentials: async (type) => {
			if (!CREDS[type]) throw new Error(`no credential ${type}`);
			return CREDS[type];
		},
		logger: { warn() {}, info() {}, debug() {}, error() {} },
		helpers: {
			httpRequest: (o) => transport(null, o),
			httpRequestWithAuthentication: (type, o) => transport(type, o),
		},
	};
	return { ctx, calls };
}

const SEARCH = (sources, extra = {}) => ({
	operation: 'search',
	sources,
	keywords: 'orvia, python, slack, vespa, learning',
	hashtags: '',
	accounts: '',
	exclusions: '',
	languages: '',
	timeRange: 'custom',
	from: '2000-01-01T00:00:00Z',
	to: '',
	returnAll: false,
	limit: 50,
	options: { retryDelayMs: 1, maxWaitSeconds: 0 },
	...extra,
});

const EMPTY = {
	reddit: 'reddit/search.emptyPage.json',
	hackernews: 'hackernews/searchByDate.emptyPage.json',
	mastodon: 'mastodon/timelinesTag.emptyPage.json',
	bluesky: 'bluesky/searchPosts.emptyPage.json',
	x: 'x/searchRecent.emptyPage.json',
	youtube: 'youtube/search.emptyPage.json',
	appstore: 'appstore/customerReviews.emptyPage.json',
};
const PAGING = ['after', 'page', 'max_id', 'cursor', 'next_token', 'pageToken'];

const CASES = [
	{ source: 'reddit', fixture: 'reddit/search.page1.json', url: 'https://www.reddit.com/search.json', cred: null, qs: { sort: 'new', raw_json: 1 }, params: { keywords: 'afk, poetic, pop quiz, arena' } },
	{ source: 'hackernews', fixture: 'hackernews/searchByDate.page1.json', url: 'https://hn.algolia.com/api/v1/search_by_date', cred: null, qs: { tags: '(story,comment)' }, params: { keywords: 'vespa, java, plug' } },
	{ source: 'mastodon', fixture: 'mastodon/timelinesTag.page1.json', url: 'https://mastodon.social/api/v1/timelines/tag/introductions', cred: null, qs: { limit: 40 }, params: { keywords: 'inheritance', hashtags: 'introductions' } },
	{ source: 'bluesky', fixture: 'bluesky/searchPosts.page1.json', url: 'https://bsky.social/xrpc/app.bsky.feed.searchPosts', cred: 'blueskyApi', qs: { sort: 'latest' }, all: true },
	{ source: 'x', fixture: 'x/searchRecent.page1.json', url: 'https://api.x.com/2/tweets/search/recent', cred: 'xApi', qs: { expansions: 'author_id,referenced_tweets.id,referenced_tweets.id.author_id' }, params: { keywords: 'python' } },
	{ source: 'youtube', fixture: 'youtube/search.page1.json', url: 'https://www.googleapis.com/youtube/v3/search', cred: 'youTubeApi', qs: { part: 'snippet', type: 'video', order: 'date' }, all: true },
	{ source: 'appstore', fixture: 'appstore/customerReviews.page1.json', url: 'https://itunes.apple.com/us/rss/customerreviews/page=1/id=284882215/sortBy=mostRecent/json', cred: null, qs: {}, params: { appStoreAppId: '284882215' } },
	{ source: 'rss', fixture: 'rss/googleAlerts.page1.xml', url: 'https://www.google.com/alerts/feeds/1/2', cred: null, qs: {}, params: { keywords: 'slack', feedUrls: 'https://www.google.com/alerts/feeds/1/2' } },
];

describe('Mentions › Search replays each source from recorded responses', () => {
	for (const c of CASES) {
		test(`${c.source}: request shape, credential, mapped mentions`, async () => {
			const { ctx, calls } = ctxFor({
				params: SEARCH([c.source], { keywords: c.all ? 'a, the, i, introductions, python' : SEARCH([]).keywords, ...c.params }),
				// The recorded page first, then the recorded empty page for any further page.
				respond: ({ qs, url }) => ({ body: read(PAGING.some((k) => qs[k] && qs[k] !== 0) || /page=[2-9]/.test(url) ? EMPTY[c.source] : c.fixture) }),
			});
			const [out] = await new Mentions().execute.call(ctx);
			expect(calls[0].url).toBe(c.url);
			expect(calls[0].credentialType).toBe(c.cred);
			expect(calls[0].qs).toMatchObject(c.qs);
			const mentions = out.filter((o) => !o.json.sourceFailure);
			expect(mentions.length).toBeGreaterThan(0);
			for (const m of mentions) {
				expect(m.json.id.startsWith(`${c.source}:`)).toBe(true);
				expect(m.json.publishedAt).toMatch(/Z$/);
				expect(m.pairedItem).toEqual({ item: 0 });
				expect(JSON.stringify(m.json)).not.toContain(SECRET);
			}
		});
	}

	test('a time range built with luxon reaches the APIs (HN numericFilters, X start_time), Return All off respects Limit', async () => {
		const { ctx, calls } = ctxFor({
			params: SEARCH(['hackernews', 'x'], { keywords: 'python, vespa', timeRange: 'lastWeek', limit: 1 }),
			respond: ({ url }) => ({ body: url.includes('algolia') ? read('hackernews/searchByDate.emptyPage.json') : read('x/searchRecent.emptyPage.json') }),
		});
		const [out] = await new Mentions().execute.call(ctx);
		expect(out).toEqual([]);
		expect(calls.find((c) => c.url.includes('algolia')).qs.numericFilters).toMatch(/^created_at_i>=\d{10}$/);
		expect(calls.find((c) => c.url.includes('api.x.com')).qs.start_time).toMatch(/Z$/);
	});
});

describe('Mentions Trigger: trouble rules', () => {
	const TRIGGER = (sources, extra = {}) => ({
		sources,
		keywords: 'vespa, python',
		hashtags: '',
		accounts: '',
		exclusions: '',
		languages: '',
		options: { retryDelayMs: 1, maxWaitSeconds: 0, maxRetries: 1 },
		...extra,
	});

	test('401 on X alone: a NodeApiError naming the X credential and what to check; the token never appears', async () => {
		const { ctx } = ctxFor({ params: TRIGGER(['x']), respond: () => JSON.parse(read('x/searchRecent.unauthorized.json')) });
		const error = await new MentionsTrigger().poll.call(ctx).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toContain('X API (bearer token');
		expect(JSON.stringify({ m: error.message, d: error.description })).not.toContain(SECRET);
	});

	test('one source failing never blocks the others: HN emits, X 403 becomes a failure item on the Source Failures output, X cursor untouched', async () => {
		const staticData = {};
		const { ctx } = ctxFor({
			params: TRIGGER(['hackernews', 'x']),
			staticData,
			respond: ({ url }) => (url.includes('algolia') ? { body: read('hackernews/searchByDate.page1.json') } : { status: 403, body: '{"title":"Forbidden","detail":"client-not-enrolled"}' }),
		});
		const [out, failed] = await new MentionsTrigger().poll.call(ctx);
		expect(out.find((o) => o.json.sourceFailure)).toBeUndefined();
		expect(failed).toHaveLength(1);
		const failure = failed[0];
		expect(failure.json.sourceFailure).toMatchObject({ source: 'x', kind: 'forbidden', credential: 'xApi', cursorMoved: false });
		expect(failure.json.errorDescription).toContain('X API');
		expect(out.filter((o) => o.json.platform === 'hackernews').length).toBeGreaterThan(0);
		expect(Object.keys(staticData.sources.hackernews.streams).length).toBeGreaterThan(0);
		expect(staticData.sources.x.streams).toEqual({});
		expect(JSON.stringify([out, failed])).not.toContain(SECRET);
	});

	test('429 with a long reset stops the source for this poll, stores when to retry, skips it until then', async () => {
		const staticData = {};
		const rate = JSON.parse(read('x/searchRecent.rateLimited.json'));
		rate.headers['x-rate-limit-reset'] = String(Math.floor(Date.now() / 1000) + 900);
		let xCalls = 0;
		const respond = ({ url }) => {
			if (url.includes('algolia')) return { body: read('hackernews/searchByDate.emptyPage.json') };
			xCalls++;
			return rate;
		};
		const first = await new MentionsTrigger().poll.call(ctxFor({ params: TRIGGER(['hackernews', 'x']), staticData, respond }).ctx);
		expect(first[0]).toEqual([]);
		expect(first[1][0].json.sourceFailure).toMatchObject({ source: 'x', kind: 'rateLimited' });
		expect(Date.parse(staticData.sources.x.retryAt)).toBeGreaterThan(Date.now());
		const callsAfterFirst = xCalls;
		const second = await new MentionsTrigger().poll.call(ctxFor({ params: TRIGGER(['hackernews', 'x']), staticData, respond }).ctx);
		expect(xCalls).toBe(callsAfterFirst);
		expect(second[1][0].json.error).toContain('skipped this poll');
	});

	test('a 5xx is retried with backoff, then the page maps', async () => {
		let n = 0;
		const { ctx } = ctxFor({
			params: TRIGGER(['hackernews']),
			respond: () => (++n === 1 ? { status: 502, body: read('hackernews/searchByDate.errorPage.html') } : { body: read('hackernews/searchByDate.page1.json') }),
		});
		const [out] = await new MentionsTrigger().poll.call(ctx);
		expect(out.length).toBeGreaterThan(0);
		expect(n).toBeGreaterThanOrEqual(2);
	});

	test('garbage bodies never crash: truncated JSON is a named failure, the cursor does not move', async () => {
		const staticData = {};
		const { ctx } = ctxFor({ params: TRIGGER(['hackernews', 'x']), staticData, respond: ({ url }) => ({ body: url.includes('algolia') ? read('hackernews/searchByDate.truncated.txt') : read('x/searchRecent.page1.json') }) });
		const [out, failed] = await new MentionsTrigger().poll.call(ctx);
		expect(out.every((o) => o.json.platform === 'x')).toBe(true);
		const f = failed.find((o) => o.json.sourceFailure);
		expect(f.json.error).toContain('hackernews: body: invalid or truncated JSON');
		expect(staticData.sources.hackernews.streams).toEqual({});
	});

	test('manual runs return recent mentions and move no cursor', async () => {
		const staticData = { untouched: true };
		const { ctx } = ctxFor({ params: TRIGGER(['hackernews']), mode: 'manual', staticData, respond: () => ({ body: read('hackernews/searchByDate.page1.json') }) });
		const [out] = await new MentionsTrigger().poll.call(ctx);
		expect(out.length).toBeGreaterThan(0);
		expect(staticData).toEqual({ untouched: true });
	});

	test('the same story shared on two networks is emitted once per mention and marked as one story', async () => {
		const hn = JSON.parse(read('hackernews/searchByDate.page1.json'));
		const reddit = JSON.parse(read('reddit/search.page1.json'));
		hn.hits[0].url = 'https://news.example.com/orvia-leak?utm_source=x';
		hn.hits[0].title = 'Orvia leak';
		hn.hits[0].comment_text = 'Orvia leak, see the article';
		reddit.data.children[0].data.url = 'https://www.news.example.com/orvia-leak';
		reddit.data.children[0].data.url_overridden_by_dest = 'https://www.news.example.com/orvia-leak';
		reddit.data.children[0].data.title = 'Orvia leak on the news';
		const { ctx } = ctxFor({ params: TRIGGER(['hackernews', 'reddit'], { keywords: 'orvia' }), respond: ({ url }) => ({ body: JSON.stringify(url.includes('algolia') ? hn : reddit) }) });
		const [out] = await new MentionsTrigger().poll.call(ctx);
		expect(out).toHaveLength(2);
		expect(out[0].json.story.key).toBe(out[1].json.story.key);
		expect(out.map((o) => o.json.story.duplicate).sort()).toEqual([false, true]);
	});
});

describe('Mentions › Normalize and › Get Replies', () => {
	test('a Brandwatch CSV export in a field becomes Mention records', async () => {
		const csv = 'Date,Title,Url,Author,Full Text,Language,Twitter Followers,Page Type,Resource Id\r\n2026-03-05 09:14:00,,https://twitter.com/claire/status/1897,claire_fintech,"Orvia leak, ""confirmed""",fr,48200,twitter,1897\r\n';
		const { ctx } = ctxFor({ params: { operation: 'normalize', inputFormat: 'csvField', sourceField: 'data', preset: 'brandwatch', toolName: '', includeRaw: false }, items: [{ json: { data: csv } }], respond: () => ({}) });
		const [out] = await new Mentions().execute.call(ctx);
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ id: 'x:1897', platform: 'x', source: 'import:brandwatch', publishedAt: '2026-03-05T09:14:00.000Z', text: 'Orvia leak, "confirmed"', language: 'fr' });
		expect(out[0].json.author.followers).toBe(48200);
	});

	test('Talkwalker JSON items map; a record without a date is dated by the import and says so (issue 15); one without an id is a NodeOperationError naming the field', async () => {
		const tw = { data: { url: 'https://www.reddit.com/r/fintech/comments/abc/', published: 1772702040000, title: 'Orvia', content: 'Leak', lang: 'en', source_type: 'FORUM', engagement: 3, likes: 2 } };
		const ok = ctxFor({ params: { operation: 'normalize', inputFormat: 'items', preset: 'talkwalker', toolName: '', includeRaw: false }, items: [{ json: tw }], respond: () => ({}) });
		const [out] = await new Mentions().execute.call(ok.ctx);
		expect(out[0].json).toMatchObject({ platform: 'reddit', source: 'import:talkwalker', engagement: { likes: 2 } });
		const undated = ctxFor({ params: { operation: 'normalize', inputFormat: 'items', preset: 'talkwalker', toolName: '', includeRaw: false }, items: [{ json: { data: { id: 'tw1', content: 'x' } } }], respond: () => ({}) });
		const [dated] = await new Mentions().execute.call(undated.ctx);
		expect(dated[0].json.publishedAtEstimated).toMatch(/^no date in the record \(data\.published, .*\): the import time is used$/);
		const bad = ctxFor({ params: { operation: 'normalize', inputFormat: 'items', preset: 'talkwalker', toolName: '', includeRaw: false }, items: [{ json: { data: { content: 'x' } } }], respond: () => ({}) });
		const error = await new Mentions().execute.call(bad.ctx).catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain('data.id');
	});

	test('Get Replies on X searches the conversation of the post, from its URL', async () => {
		const { ctx, calls } = ctxFor({
			params: { operation: 'getReplies', sources: 'x', postId: 'https://x.com/orvia/status/1234567890123456789', returnAll: false, limit: 50, options: { retryDelayMs: 1 } },
			respond: () => ({ body: read('x/searchRecent.page1.json') }),
		});
		const [out] = await new Mentions().execute.call(ctx);
		expect(calls[0].qs.query).toBe('conversation_id:1234567890123456789');
		expect(calls[0].credentialType).toBe('xApi');
		expect(out).toHaveLength(1);
	});
});

describe('Bluesky credential: session cached and refreshed, not a login per execution', () => {
	test('with a stored refresh token it calls refreshSession, not createSession', async () => {
		const urls = [];
		const helper = { helpers: { httpRequest: async (o) => { urls.push(o.url); return { statusCode: 200, body: { accessJwt: 'a2', refreshJwt: 'r2' } }; } } };
		const out = await new BlueskyApi().preAuthentication.call(helper, { baseUrl: 'https://bsky.social', identifier: 'me', appPassword: 'p', refreshJwt: 'r1' });
		expect(out).toEqual({ accessJwt: 'a2', refreshJwt: 'r2' });
		expect(urls).toEqual(['https://bsky.social/xrpc/com.atproto.server.refreshSession']);
	});
	test('without one (or when refresh fails) it creates a session with the app password', async () => {
		const urls = [];
		const helper = { helpers: { httpRequest: async (o) => { urls.push(o.url); return o.url.includes('refresh') ? { statusCode: 400, body: { error: 'ExpiredToken' } } : { accessJwt: 'a1', refreshJwt: 'r1' }; } } };
		const out = await new BlueskyApi().preAuthentication.call(helper, { baseUrl: 'https://bsky.social', identifier: 'me', appPassword: 'p', refreshJwt: 'old' });
		expect(out).toEqual({ accessJwt: 'a1', refreshJwt: 'r1' });
		expect(urls[1]).toBe('https://bsky.social/xrpc/com.atproto.server.createSession');
	});
});
