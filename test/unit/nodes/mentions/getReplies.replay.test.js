// JavaScript on purpose: it reads fixtures with fs, which strict lint forbids in .ts tests.
/**
 * Mentions › Get Replies replayed per platform (Reddit thread JSON + morechildren, Hacker
 * News story comments + item tree, Mastodon status context + root status, Bluesky
 * getPostThread, YouTube commentThreads; X is in sourceReplay.test.js): the request each
 * one sends (URL, query, credential), the Mention records of a thread with a nested reply
 * and a deleted/missing item, an empty thread, and the error an API error body becomes
 * (which credential, what to check, no secret).
 */
const fs = require('fs');
const path = require('path');
const { NodeApiError } = require('n8n-workflow');
const { Mentions } = require('../../../../nodes/Mentions/Mentions.node');
const { mentionsContext, asAnswer } = require('../../../helpers/mentionsContext');

const FIX = path.join(__dirname, '../../../fixtures');
const load = (p) => JSON.parse(fs.readFileSync(path.join(FIX, p), 'utf8'));
// Hand-built fixtures of the reply gaps (Reddit "more", HN items tree, Mastodon root): test/unit/sources/fixtures.
const GAP = path.join(__dirname, '../../sources/fixtures');
const loadGap = (p) => JSON.parse(fs.readFileSync(path.join(GAP, p), 'utf8'));
const SECRET = 'sk-replies-secret-0042';
const CREDS = {
	youTubeApi: { baseUrl: 'https://www.googleapis.com/youtube/v3', apiKey: SECRET },
	blueskyApi: { baseUrl: 'https://bsky.social', identifier: 'orvia.bsky.social', appPassword: SECRET, accessJwt: `${SECRET}-jwt`, refreshJwt: `${SECRET}-refresh` },
	mastodonApi: { baseUrl: 'https://fosstodon.org/', accessToken: SECRET },
	redditOAuth2Api: { baseUrl: 'https://oauth.reddit.com', clientId: 'cid', clientSecret: SECRET },
};

const replies = (source, postId, extra = {}) => ({
	operation: 'getReplies',
	sources: source,
	postId,
	returnAll: true,
	options: { retryDelayMs: 1, maxWaitSeconds: 0, maxRetries: 1 },
	...extra,
});

/** Runs Get Replies for each input item (one parameter set per item), answering from `respond`. */
async function run(params, respond, items) {
	const perItem = Array.isArray(params) ? params : [params];
	const list = items ?? perItem.map(() => ({ json: {} }));
	const { ctx, calls, credentialReads } = mentionsContext({ params: perItem[0], respond, credentials: CREDS, items: list });
	let index = 0;
	const get = ctx.getNodeParameter;
	ctx.getNodeParameter = (name, i, fallback) => {
		index = typeof i === 'number' ? i : index;
		const p = perItem[Math.min(index, perItem.length - 1)];
		if (Object.prototype.hasOwnProperty.call(p, name)) return p[name];
		return get(name, i, fallback);
	};
	const out = await new Mentions().execute.call(ctx).catch((e) => e);
	return { out, calls, credentialReads };
}

const pick = (o) => ({ id: o.json.id, inReplyToId: o.json.inReplyToId, publishedAt: o.json.publishedAt, handle: o.json.author.handle, text: o.json.text });

function expectNoSecret(value) {
	const text = JSON.stringify(value, Object.getOwnPropertyNames(value instanceof Error ? value : {}).length ? Object.getOwnPropertyNames(value) : undefined);
	expect(text).not.toContain(SECRET);
}

function expectApiError(error, { message, credential, hint }) {
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toContain(message);
	expect(error.description).toContain(`Credential: ${credential}`);
	if (hint) expect(error.description).toContain(hint);
	expect(`${error.message} ${error.description}`).not.toContain(SECRET);
}

describe('Get Replies › Reddit (thread comments JSON)', () => {
	const THREAD = 'https://www.reddit.com/r/fintech/comments/1b9orv1/orvia_statement_on_the_data_leak/';

	/** Answers the thread, the two morechildren requests and the "continue this thread" read. */
	const threadWithMore = ({ url, qs }) => {
		if (url.includes('/api/morechildren')) {
			if (qs.children === 'kq2d,kq2e') return asAnswer(loadGap('reddit/morechildren.page1.json'));
			if (qs.children === 'kq2g') return asAnswer(loadGap('reddit/morechildren.page2.json'));
			return { status: 500, body: { message: `unexpected children ${qs.children}` } };
		}
		if (qs.comment === 'kq2g') return asAnswer(loadGap('reddit/comments.continueThread.json'));
		return asAnswer(load('reddit/comments.thread.json'));
	};

	test('public JSON: www.reddit.com/comments/<id>.json, no credential; nested replies flattened, deleted comment kept', async () => {
		const respond = ({ url, qs }) => (url.includes('/api/morechildren') ? asAnswer({ json: { errors: [], data: { things: [] } } }) : asAnswer(load('reddit/comments.thread.json')));
		const { out, calls, credentialReads } = await run(replies('reddit', THREAD), respond);
		expect(calls[0]).toMatchObject({ credentialType: null, url: 'https://www.reddit.com/comments/1b9orv1.json', qs: { limit: 500, raw_json: 1, sort: 'new' } });
		expect(calls[0].headers['User-Agent']).toMatch(/^n8n:n8n-nodes-crisis-kit:/);
		expect(credentialReads).toEqual([]);
		const [items] = out;
		expect(items.map(pick)).toEqual([
			{ id: 'reddit:t1_kq2a', inReplyToId: 'reddit:t3_1b9orv1', publishedAt: '2026-03-05T09:05:00.000Z', handle: 'alice_dev', text: 'Why did it take 3 days to tell us?' },
			{ id: 'reddit:t1_kq2c', inReplyToId: 'reddit:t3_1b9orv1', publishedAt: '2026-03-05T09:07:30.000Z', handle: '[deleted]', text: '[deleted]' },
			{ id: 'reddit:t1_kq2b', inReplyToId: 'reddit:t1_kq2a', publishedAt: '2026-03-05T09:10:00.000Z', handle: 'Bob_fin', text: 'Agreed & the FAQ is vague' },
		]);
		// The deleted author has no profile link; the post itself (t3) is not a reply.
		expect(items[1].json.author).toMatchObject({ id: null, url: null });
		expect(items.every((o) => o.json.raw === undefined && o.json.platform === 'reddit')).toBe(true);
		expect(items.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	test('"more" stubs are followed: /api/morechildren.json (link_id, ids), then nested stubs and "continue this thread"; each reply once', async () => {
		const { out, calls } = await run(replies('reddit', THREAD), threadWithMore);
		expect(calls.map((c) => [c.credentialType, c.url, c.qs.children ?? c.qs.comment ?? null])).toEqual([
			[null, 'https://www.reddit.com/comments/1b9orv1.json', null],
			[null, 'https://www.reddit.com/api/morechildren.json', 'kq2d,kq2e'],
			[null, 'https://www.reddit.com/api/morechildren.json', 'kq2g'],
			[null, 'https://www.reddit.com/comments/1b9orv1.json', 'kq2g'],
		]);
		expect(calls[1].qs).toEqual({ api_type: 'json', link_id: 't3_1b9orv1', children: 'kq2d,kq2e', sort: 'new', limit_children: false, raw_json: 1 });
		expect(calls[3].qs).toEqual({ comment: 'kq2g', limit: 500, raw_json: 1, sort: 'new' });
		expect(calls.every((c) => /^n8n:n8n-nodes-crisis-kit:/.test(c.headers['User-Agent']))).toBe(true);
		const items = out[0].map(pick);
		expect(items.map((o) => [o.id, o.inReplyToId])).toEqual([
			['reddit:t1_kq2a', 'reddit:t3_1b9orv1'],
			['reddit:t1_kq2c', 'reddit:t3_1b9orv1'],
			['reddit:t1_kq2b', 'reddit:t1_kq2a'],
			['reddit:t1_kq2d', 'reddit:t3_1b9orv1'],
			['reddit:t1_kq2e', 'reddit:t3_1b9orv1'],
			['reddit:t1_kq2f', 'reddit:t1_kq2d'],
			['reddit:t1_kq2g', 'reddit:t1_kq2e'],
			['reddit:t1_kq2h', 'reddit:t1_kq2g'],
		]);
		expect(new Set(items.map((o) => o.id)).size).toBe(items.length); // kq2g came twice, emitted once
	});

	test('Limit bounds the follow-ups: no morechildren once Limit replies are read', async () => {
		const three = await run(replies('reddit', THREAD, { returnAll: false, limit: 3 }), threadWithMore);
		expect(three.calls).toHaveLength(1);
		expect(three.out[0]).toHaveLength(3);
		const five = await run(replies('reddit', THREAD, { returnAll: false, limit: 5 }), threadWithMore);
		expect(five.calls.map((c) => c.qs.children ?? null)).toEqual([null, 'kq2d,kq2e']);
		expect(five.out[0]).toHaveLength(5);
	});

	test('at most 100 ids per morechildren request; Return All stops after 50 requests on an endless chain of stubs', async () => {
		const thread = load('reddit/comments.thread.json');
		const ids = Array.from({ length: 150 }, (_, k) => `m${k}`);
		thread[1].data.children[2].data.children = ids;
		thread[1].data.children[2].data.count = 150;
		const batched = await run(replies('reddit', THREAD), ({ url }) => asAnswer(url.includes('morechildren') ? { json: { errors: [], data: { things: [] } } } : thread));
		expect(batched.calls.slice(1).map((c) => c.qs.children.split(',').length)).toEqual([100, 50]);
		expect(batched.calls[2].qs.children.split(',')[0]).toBe('m100');
		// Each answer brings one reply and a stub for one more: the read is bounded, not endless.
		const template = loadGap('reddit/morechildren.page2.json').json.data.things[0];
		let n = 0;
		const endless = await run(replies('reddit', THREAD), ({ url, qs }) => {
			if (!url.includes('morechildren')) return asAnswer(load('reddit/comments.thread.json'));
			n++;
			const id = qs.children.split(',')[0];
			const thing = { kind: 't1', data: { ...template.data, id, name: `t1_${id}`, parent_id: 't3_1b9orv1', created_utc: 1772702300 + n } };
			return asAnswer({ json: { errors: [], data: { things: [thing, { kind: 'more', data: { count: 1, id: `z${n}`, name: `t1_z${n}`, parent_id: 't3_1b9orv1', children: [`z${n}`] } }] } } });
		});
		expect(endless.calls).toHaveLength(50);
		expect(endless.out[0].length).toBe(3 + 49);
	});

	test('OAuth2: morechildren and the sub-thread go to oauth.reddit.com (no .json) with the same redditOAuth2Api credential', async () => {
		const { calls, out } = await run(replies('reddit', 't3_1b9orv1', { redditAuthentication: 'oAuth2' }), threadWithMore);
		expect(calls.map((c) => [c.credentialType, c.url])).toEqual([
			['redditOAuth2Api', 'https://oauth.reddit.com/comments/1b9orv1'],
			['redditOAuth2Api', 'https://oauth.reddit.com/api/morechildren'],
			['redditOAuth2Api', 'https://oauth.reddit.com/api/morechildren'],
			['redditOAuth2Api', 'https://oauth.reddit.com/comments/1b9orv1'],
		]);
		expect(calls.every((c) => c.headers.Authorization === undefined)).toBe(true); // n8n adds the bearer
		expect(out[0]).toHaveLength(8);
		expectNoSecret(out);
	});

	test('a morechildren failure (429, or an api_type=json error list) is a NodeApiError, not a silent partial answer', async () => {
		const limited = await run(replies('reddit', THREAD), ({ url }) => (url.includes('morechildren') ? load('reddit/search.rateLimited.json') : asAnswer(load('reddit/comments.thread.json'))));
		expectApiError(limited.out, { message: 'reddit: HTTP 429', credential: 'no credential (public endpoint)' });
		const flood = await run(replies('reddit', THREAD), ({ url }) => (url.includes('morechildren') ? loadGap('reddit/morechildren.error.json') : asAnswer(load('reddit/comments.thread.json'))));
		expect(flood.out).toBeInstanceOf(NodeApiError);
		expect(flood.out.message).toContain('TOO_MUCH_FLOOD');
	});

	test('OAuth2 app: oauth.reddit.com/comments/<id> (no .json) with the redditOAuth2Api credential; t3_ ids accepted', async () => {
		const { out, calls } = await run(replies('reddit', 't3_1b9orv1', { redditAuthentication: 'oAuth2' }), ({ url }) => asAnswer(url.includes('morechildren') ? { json: { errors: [], data: { things: [] } } } : load('reddit/comments.thread.json')));
		expect(calls[0]).toMatchObject({ credentialType: 'redditOAuth2Api', url: 'https://oauth.reddit.com/comments/1b9orv1' });
		expect(out[0]).toHaveLength(3);
		expectNoSecret(out);
	});

	test('empty thread → no items; 404 → NodeApiError naming the (public) access and what to check', async () => {
		const empty = await run(replies('reddit', THREAD), () => asAnswer(load('reddit/comments.emptyThread.json')));
		expect(empty.out).toEqual([[], []]);
		const notFound = await run(replies('reddit', THREAD), () => load('reddit/comments.notFound.json'));
		expectApiError(notFound.out, { message: 'reddit: HTTP 404: API error 404: Not Found', credential: 'no credential (public endpoint)', hint: 'does not exist or is not visible' });
		expect(notFound.out.httpCode).toBe('404');
		expect(notFound.calls).toHaveLength(1); // a 404 is not retried
	});

	test('401 with OAuth names the Reddit OAuth2 credential (client id/secret, approval)', async () => {
		const { out } = await run(replies('reddit', THREAD, { redditAuthentication: 'oAuth2' }), () => load('reddit/search.unauthorized.json'));
		expectApiError(out, { message: 'reddit: HTTP 401', credential: 'Reddit OAuth2 API (client id/secret' });
	});
});

describe('Get Replies › Hacker News (comments of the story)', () => {
	test('search_by_date tags=comment,story_<id> from the item URL; nested parent kept; a comment without author is skipped', async () => {
		const { out, calls } = await run(replies('hackernews', 'https://news.ycombinator.com/item?id=47200001'), () => asAnswer(load('hackernews/searchByDate.storyComments.json')));
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({ credentialType: null, url: 'https://hn.algolia.com/api/v1/search_by_date', qs: { tags: 'comment,story_47200001', hitsPerPage: 100, page: 0 } });
		expect(out[0].map(pick)).toEqual([
			{ id: 'hackernews:47200010', inReplyToId: 'hackernews:47200001', publishedAt: '2026-03-05T09:11:40.000Z', handle: 'tptacek_fan', text: 'Top-level reply: breach notice came late.' },
			{ id: 'hackernews:47200015', inReplyToId: 'hackernews:47200010', publishedAt: '2026-03-05T09:15:00.000Z', handle: 'pg_reader', text: 'Nested: their FAQ says "no passwords"' },
		]);
		expect(out[0][0].json.url).toBe('https://news.ycombinator.com/item?id=47200010');
	});

	test('pages follow nbPages (page=1 asked), Limit caps the output, each item pairs with its input', async () => {
		const page0 = { ...load('hackernews/searchByDate.storyComments.json'), nbPages: 2 };
		const page1 = { ...load('hackernews/searchByDate.lastPage.json'), page: 1, nbPages: 2 };
		const { out, calls } = await run(
			[replies('hackernews', '47200001'), replies('hackernews', '47200002', { returnAll: false, limit: 1 })],
			({ qs }) => asAnswer(qs.page === 1 ? page1 : page0),
		);
		expect(calls.map((c) => [c.qs.tags, c.qs.page])).toEqual([
			['comment,story_47200001', 0],
			['comment,story_47200001', 1],
			['comment,story_47200002', 0],
		]);
		const first = out[0].filter((o) => o.pairedItem.item === 0);
		const second = out[0].filter((o) => o.pairedItem.item === 1);
		expect(first.length).toBe(4);
		expect(second).toHaveLength(1);
	});

	test('a comment id: the story search finds nothing, so /api/v1/items/<id> gives the replies under that comment (nested, deleted one skipped)', async () => {
		const { out, calls } = await run(replies('hackernews', 'https://news.ycombinator.com/item?id=47200010'), ({ url }) =>
			asAnswer(url.includes('/items/') ? loadGap('hackernews/items.comment.json') : load('hackernews/searchByDate.emptyPage.json')),
		);
		expect(calls.map((c) => [c.credentialType, c.url])).toEqual([
			[null, 'https://hn.algolia.com/api/v1/search_by_date'],
			[null, 'https://hn.algolia.com/api/v1/items/47200010'],
		]);
		expect(calls[0].qs).toMatchObject({ tags: 'comment,story_47200010' });
		expect(out[0].map(pick)).toEqual([
			{ id: 'hackernews:47200015', inReplyToId: 'hackernews:47200010', publishedAt: '2026-03-05T09:15:00.000Z', handle: 'pg_reader', text: 'Nested: their FAQ says "no passwords"' },
			{ id: 'hackernews:47200019', inReplyToId: 'hackernews:47200018', publishedAt: '2026-03-05T09:20:00.000Z', handle: 'late_reader', text: 'Replying to a deleted comment & still relevant' },
			{ id: 'hackernews:47200021', inReplyToId: 'hackernews:47200015', publishedAt: '2026-03-05T09:21:40.000Z', handle: 'orvia_cto', text: 'We are publishing the full timeline today.\n\nSorry for the delay.' },
		]);
		const limited = await run(replies('hackernews', '47200010', { returnAll: false, limit: 1 }), ({ url }) =>
			asAnswer(url.includes('/items/') ? loadGap('hackernews/items.comment.json') : load('hackernews/searchByDate.emptyPage.json')),
		);
		expect(limited.out[0].map((o) => o.json.id)).toEqual(['hackernews:47200015']);
	});

	test('a story with comments never reads the item tree; an unknown id → NodeApiError 404 from the items endpoint', async () => {
		const story = await run(replies('hackernews', '47200001'), () => asAnswer(load('hackernews/searchByDate.storyComments.json')));
		expect(story.calls.every((c) => c.url.endsWith('/search_by_date'))).toBe(true);
		const unknown = await run(replies('hackernews', '1'), ({ url }) => (url.includes('/items/') ? loadGap('hackernews/items.notFound.json') : asAnswer(load('hackernews/searchByDate.emptyPage.json'))));
		expectApiError(unknown.out, { message: 'hackernews: HTTP 404', credential: 'no credential (public endpoint)', hint: 'does not exist' });
	});

	test('empty thread → no items; 429 (no reset header) → NodeApiError "rate limit", public endpoint', async () => {
		const empty = await run(replies('hackernews', '47200001'), ({ url }) => asAnswer(url.includes('/items/') ? loadGap('hackernews/items.storyNoComments.json') : load('hackernews/searchByDate.emptyPage.json')));
		expect(empty.out).toEqual([[], []]);
		expect(empty.calls.map((c) => c.url)).toEqual(['https://hn.algolia.com/api/v1/search_by_date', 'https://hn.algolia.com/api/v1/items/47200001']);
		const { out } = await run(replies('hackernews', '47200001'), () => load('hackernews/searchByDate.rateLimited.json'));
		expectApiError(out, { message: 'hackernews: HTTP 429', credential: 'no credential (public endpoint)', hint: 'rate limit' });
	});
});

describe('Get Replies › Mastodon (status context)', () => {
	const ROOT_ID = 'mastodon:https://fosstodon.org/users/orvia/statuses/113000000000000100';
	const ALICE_ID = 'mastodon:https://mastodon.social/users/alice/statuses/113000000000000200';
	const contextAndRoot = (rootAnswer) => ({ url }) => (url.endsWith('/context') ? asAnswer(load('mastodon/statusContext.thread.json')) : rootAnswer());

	test('public: <instance>/api/v1/statuses/<id>/context without credential; descendants only, UTC dates, uri ids, a status without account skipped; replies point at their parent', async () => {
		const { out, calls, credentialReads } = await run(
			replies('mastodon', 'https://fosstodon.org/@orvia/113000000000000100', { mastodonInstance: 'https://fosstodon.org' }),
			contextAndRoot(() => asAnswer(loadGap('mastodon/status.root.json'))),
		);
		// The root status is read once for its uri: in_reply_to_id is instance-local.
		expect(calls.map((c) => [c.credentialType, c.url])).toEqual([
			[null, 'https://fosstodon.org/api/v1/statuses/113000000000000100/context'],
			[null, 'https://fosstodon.org/api/v1/statuses/113000000000000100'],
		]);
		expect(credentialReads).toEqual([]);
		expect(out[0].map(pick)).toEqual([
			{
				id: ALICE_ID,
				inReplyToId: ROOT_ID, // a direct reply: the root's Mention id (its uri)
				publishedAt: '2026-03-05T09:05:00.000Z',
				handle: 'alice@mastodon.social',
				text: '@orvia why three days?',
			},
			{
				id: 'mastodon:https://fosstodon.org/users/bob/statuses/113000000000000300',
				inReplyToId: ALICE_ID, // a reply to a reply: alice's Mention id
				publishedAt: '2026-03-05T09:05:00.000Z', // 10:05+01:00
				handle: 'bob@fosstodon.org',
				text: 'Same question & no answer',
			},
		]);
		expect(out[0].every((o) => o.json.source === 'mastodon:fosstodon.org')).toBe(true);
	});

	test('the root status cannot be read (deleted, 5xx): replies still come back, direct ones with inReplyToId null, nested ones resolved', async () => {
		const { out, calls } = await run(replies('mastodon', '113000000000000100', { mastodonInstance: 'https://fosstodon.org' }), contextAndRoot(() => load('mastodon/statusContext.notFound.json')));
		expect(calls).toHaveLength(2);
		expect(out[0].map((o) => o.json.inReplyToId)).toEqual([null, ALICE_ID]);
	});

	test('access token: the credential instance (trailing slash trimmed) and mastodonApi; 401 names the Mastodon credential', async () => {
		const ok = await run(replies('mastodon', '113000000000000100', { mastodonAuthentication: 'accessToken' }), ({ url }) =>
			asAnswer(url.endsWith('/context') ? load('mastodon/statusContext.thread.json') : loadGap('mastodon/status.root.json')),
		);
		expect(ok.calls[0]).toMatchObject({ credentialType: 'mastodonApi', url: 'https://fosstodon.org/api/v1/statuses/113000000000000100/context' });
		expect(ok.calls[1]).toMatchObject({ credentialType: 'mastodonApi', url: 'https://fosstodon.org/api/v1/statuses/113000000000000100' });
		expect(ok.out[0][0].json.inReplyToId).toBe('mastodon:https://fosstodon.org/users/orvia/statuses/113000000000000100');
		expect(ok.credentialReads).toEqual(['mastodonApi']);
		expectNoSecret(ok.out);
		const bad = await run(replies('mastodon', '113000000000000100', { mastodonAuthentication: 'accessToken' }), () => load('mastodon/statusContext.unauthorized.json'));
		expectApiError(bad.out, { message: 'mastodon: HTTP 401: API error The access token is invalid', credential: 'Mastodon API (instance URL + access token' });
	});

	test('empty thread → no items; unknown status 404 → NodeApiError telling to check the instance', async () => {
		const empty = await run(replies('mastodon', '113000000000000100'), () => asAnswer(load('mastodon/statusContext.emptyThread.json')));
		expect(empty.out).toEqual([[], []]);
		expect(empty.calls).toHaveLength(1); // no reply, no root read
		const { out } = await run(replies('mastodon', '113000000000000100'), () => load('mastodon/statusContext.notFound.json'));
		expectApiError(out, { message: 'mastodon: HTTP 404: API error Record not found', credential: 'no credential (public endpoint)', hint: 'instance' });
	});
});

describe('Get Replies › Bluesky (getPostThread)', () => {
	const ROOT = 'at://did:plc:orviaorviaorvia/app.bsky.feed.post/3morvia0root';

	test('bsky.app URL → at:// URI; getPostThread on the credential service with blueskyApi; nested reply, notFound/blocked replies dropped', async () => {
		const { out, calls } = await run(replies('bluesky', 'https://bsky.app/profile/orvia.bsky.social/post/3morvia0root'), () => asAnswer(load('bluesky/getPostThread.thread.json')));
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({
			credentialType: 'blueskyApi',
			url: 'https://bsky.social/xrpc/app.bsky.feed.getPostThread',
			qs: { uri: 'at://orvia.bsky.social/app.bsky.feed.post/3morvia0root', depth: 10, parentHeight: 0 },
		});
		// n8n adds the bearer token: the adapter never sets Authorization itself.
		expect(calls[0].headers.Authorization).toBeUndefined();
		expect(out[0].map(pick)).toEqual([
			{ id: 'bluesky:at://did:plc:aliceaaaaaaaaaa/app.bsky.feed.post/3mreply0aaaa', inReplyToId: `bluesky:${ROOT}`, publishedAt: '2026-03-05T09:05:00.000Z', handle: 'alice.bsky.social', text: 'Why three days?' },
			{ id: 'bluesky:at://did:plc:bobbbbbbbbbbbbb/app.bsky.feed.post/3mreply0bbbb', inReplyToId: 'bluesky:at://did:plc:aliceaaaaaaaaaa/app.bsky.feed.post/3mreply0aaaa', publishedAt: '2026-03-05T09:05:00.000Z', handle: 'bob.bsky.social', text: 'Same question, no answer' },
		]);
		expect(out[0][1].json.url).toBe('https://bsky.app/profile/bob.bsky.social/post/3mreply0bbbb');
		expectNoSecret(out);
	});

	test('an at:// URI is used as given; a thread without replies → no items', async () => {
		const { out, calls } = await run(replies('bluesky', ROOT), () => asAnswer(load('bluesky/getPostThread.emptyThread.json')));
		expect(calls[0].qs.uri).toBe(ROOT);
		expect(out).toEqual([[], []]);
	});

	test('NotFound (400) → NodeApiError with the XRPC message and the Bluesky credential; no session refresh attempted, no JWT shown', async () => {
		const { out, calls } = await run(replies('bluesky', ROOT), () => load('bluesky/getPostThread.notFound.json'));
		expectApiError(out, { message: 'bluesky: HTTP 400: API error NotFound: Post not found', credential: 'Bluesky API (handle + app password' });
		expect(out.message).toContain('Post not found');
		expect(calls).toHaveLength(1);
	});
});

describe('Get Replies › YouTube (commentThreads)', () => {
	test('video URL → videoId; commentThreads with youTubeApi (key added by n8n, not by the adapter); replies under their top comment; broken reply skipped', async () => {
		const { out, calls } = await run(replies('youtube', 'https://youtu.be/7ghhRHRP6t4'), () => asAnswer(load('youtube/commentThreads.withReplies.json')));
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({
			credentialType: 'youTubeApi',
			url: 'https://www.googleapis.com/youtube/v3/commentThreads',
			qs: { part: 'snippet,replies', videoId: '7ghhRHRP6t4', order: 'time', maxResults: 100, textFormat: 'plainText' },
		});
		expect(calls[0].qs.key).toBeUndefined();
		expect(out[0].map(pick)).toEqual([
			{ id: 'youtube:UgxISZhP_62DIrtv2r94AaABAg', inReplyToId: 'youtube:7ghhRHRP6t4', publishedAt: '2022-12-17T04:19:11.000Z', handle: 'Amit Sharma', text: "Nobody's love ... Song title made me die from laughter" },
			{ id: 'youtube:UgxISZhP_62DIrtv2r94AaABAg.9jK1', inReplyToId: 'youtube:UgxISZhP_62DIrtv2r94AaABAg', publishedAt: '2022-12-17T05:00:00.000Z', handle: 'replier', text: 'Same & agreed' },
		]);
		expectNoSecret(out);
	});

	test('nextPageToken is followed with pageToken; the two pages are merged and sorted by date', async () => {
		const last = load('youtube/commentThreads.page1.json');
		delete last.nextPageToken;
		const { out, calls } = await run(replies('youtube', 'https://www.youtube.com/watch?v=7ghhRHRP6t4&t=5s'), ({ qs }) =>
			asAnswer(qs.pageToken ? last : load('youtube/commentThreads.withRepliesPage1.json')),
		);
		expect(calls.map((c) => c.qs.pageToken)).toEqual([undefined, 'QURTSl9pMlQ']);
		const dates = out[0].map((o) => o.json.publishedAt);
		expect([...dates].sort()).toEqual(dates);
		expect(new Set(out[0].map((o) => o.json.id)).size).toBe(out[0].length);
		expect(out[0].length).toBeGreaterThan(2);
	});

	test('an API that keeps handing back the same nextPageToken is read once more, not 50 times', async () => {
		const { out, calls } = await run(replies('youtube', '7ghhRHRP6t4'), () => asAnswer(load('youtube/commentThreads.page1.json')));
		expect(calls).toHaveLength(2);
		expect(out[0]).toHaveLength(3);
	});

	test('empty → no items; comments disabled (403) and unknown video (404) → NodeApiError naming the YouTube credential; the key never shown', async () => {
		expect((await run(replies('youtube', '7ghhRHRP6t4'), () => asAnswer(load('youtube/commentThreads.emptyPage.json')))).out).toEqual([[], []]);
		const disabled = await run(replies('youtube', '7ghhRHRP6t4'), () => load('youtube/commentThreads.commentsDisabled.json'));
		// The JSON error body is read (not its first 160 characters of raw text): the API's own message is quoted.
		expectApiError(disabled.out, { message: 'youtube: HTTP 403: API error 403: The video identified by', credential: 'YouTube API (API key' });
		expect(disabled.out.message).toContain('has disabled comments');
		const missing = await run(replies('youtube', '7ghhRHRP6t4'), () => load('youtube/commentThreads.videoNotFound.json'));
		expectApiError(missing.out, { message: 'could not be found', credential: 'YouTube API (API key', hint: 'video' });
	});
});

describe('Get Replies › input handling', () => {
	test('an empty Post is a NodeOperationError on that item, before any request', async () => {
		const { out, calls } = await run(replies('reddit', '   '), () => asAnswer(load('reddit/comments.thread.json')));
		expect(out.message).toContain('Post is empty');
		expect(calls).toHaveLength(0);
	});
});
