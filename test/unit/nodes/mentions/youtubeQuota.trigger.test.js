// JavaScript on purpose: it reads fixtures with fs, which strict lint forbids in .ts tests.
/**
 * YouTube quota failures carry a retry time: 403 quotaExceeded has no reset header, and the
 * Data API quota resets at midnight Pacific time (SOURCES.md B6), so describeHttpFailure sets
 * retryAt to the next midnight America/Los_Angeles. The trigger stores it like any other
 * source's rate-limit reset (sources.youtube.retryAt) and does not call YouTube before then,
 * while the other sources keep polling; after it, YouTube is asked again. Only the clock
 * (Date) is faked: n8n's sleep still runs on real timers.
 */
const fs = require('fs');
const path = require('path');
const { MentionsTrigger } = require('../../../../nodes/Mentions/MentionsTrigger.node');
const { Mentions } = require('../../../../nodes/Mentions/Mentions.node');
const { mentionsContext, asAnswer } = require('../../../helpers/mentionsContext');

const FIX = path.join(__dirname, '../../../fixtures');
const load = (p) => JSON.parse(fs.readFileSync(path.join(FIX, p), 'utf8'));
const loadGap = (p) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../sources/fixtures', p), 'utf8'));
const CREDS = { youTubeApi: { baseUrl: 'https://www.googleapis.com/youtube/v3', apiKey: 'yt-key-secret-1' } };
const NOT_FAKED = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'];

function at(iso) {
	jest.useFakeTimers({ now: new Date(iso), doNotFake: NOT_FAKED });
}

afterEach(() => jest.useRealTimers());

const params = (sources) => ({
	sources,
	keywords: 'orvia',
	hashtags: '',
	accounts: '',
	exclusions: '',
	languages: '',
	options: { retryDelayMs: 1, maxWaitSeconds: 0, maxRetries: 0 },
});

describe('YouTube quota → retryAt = next midnight Pacific, honoured by the trigger', () => {
	test('quota used up at 01:14 PST: retryAt 2026-03-06T08:00Z stored; YouTube skipped until then, Hacker News still polled; asked again after', async () => {
		const staticData = {};
		let quotaLeft = false;
		const respond = ({ url }) =>
			url.includes('algolia')
				? asAnswer(load('hackernews/searchByDate.emptyPage.json'))
				: quotaLeft
					? asAnswer(load('youtube/search.emptyPage.json'))
					: load('youtube/search.quotaExceeded.json');
		const poll = async (iso) => {
			at(iso);
			const { ctx, calls } = mentionsContext({ params: params(['youtube', 'hackernews']), staticData, credentials: CREDS, respond });
			const out = await new MentionsTrigger().poll.call(ctx);
			jest.useRealTimers();
			// Mentions (output 1) and Source Failures (output 2) together: this test follows both.
			return { items: out ? [...out[0], ...out[1]] : [], calls };
		};

		const first = await poll('2026-03-05T09:14:00.000Z');
		const failure = first.items.find((i) => i.json.sourceFailure);
		expect(failure.json.sourceFailure).toMatchObject({ source: 'youtube', kind: 'quotaExceeded', status: 403, retryAt: '2026-03-06T08:00:00.000Z', cursorMoved: false });
		expect(staticData.sources.youtube.retryAt).toBe('2026-03-06T08:00:00.000Z');
		expect(first.calls.filter((c) => c.url.includes('googleapis'))).toHaveLength(1); // a quota failure is not retried

		const later = await poll('2026-03-05T23:59:00.000Z');
		expect(later.calls.some((c) => c.url.includes('googleapis'))).toBe(false);
		expect(later.calls.some((c) => c.url.includes('algolia'))).toBe(true);
		const skipped = later.items.find((i) => i.json.sourceFailure);
		expect(skipped.json.error).toContain('skipped this poll: rate limit or quota until 2026-03-06T08:00:00.000Z');
		expect(skipped.json.sourceFailure.retryAt).toBe('2026-03-06T08:00:00.000Z');

		quotaLeft = true;
		const after = await poll('2026-03-06T08:00:30.000Z');
		expect(after.calls.filter((c) => c.url.includes('googleapis'))).toHaveLength(1);
		expect(after.items.find((i) => i.json.sourceFailure)).toBeUndefined();
		expect(staticData.sources.youtube.retryAt).toBeNull();
	});

	test('YouTube alone, summer time: the poll emits nothing and does not throw, retryAt 07:00Z (PDT) kept, next poll calls nothing', async () => {
		const staticData = {};
		at('2026-07-14T18:00:00.000Z');
		const one = mentionsContext({ params: params(['youtube']), staticData, credentials: CREDS, respond: () => load('youtube/search.quotaExceeded.json') });
		expect(await new MentionsTrigger().poll.call(one.ctx)).toBeNull();
		expect(staticData.sources.youtube.retryAt).toBe('2026-07-15T07:00:00.000Z');
		at('2026-07-15T06:59:00.000Z');
		const two = mentionsContext({ params: params(['youtube']), staticData, credentials: CREDS, respond: () => load('youtube/search.quotaExceeded.json') });
		expect(await new MentionsTrigger().poll.call(two.ctx)).toBeNull();
		expect(two.calls).toHaveLength(0);
	});

	test('a short-term rateLimitExceeded (403 usageLimits) is a rate limit with no midnight retryAt: the next poll asks again', async () => {
		const staticData = {};
		at('2026-03-05T09:14:00.000Z');
		const respond = ({ url }) => (url.includes('algolia') ? asAnswer(load('hackernews/searchByDate.emptyPage.json')) : loadGap('youtube/commentThreads.rateLimitExceeded.json'));
		const { ctx } = mentionsContext({ params: params(['youtube', 'hackernews']), staticData, credentials: CREDS, respond });
		const [, items] = await new MentionsTrigger().poll.call(ctx);
		const failure = items.find((i) => i.json.sourceFailure);
		expect(failure.json.sourceFailure).toMatchObject({ source: 'youtube', kind: 'rateLimited', status: 403, retryAt: null });
		expect(failure.json.errorDescription).toContain('rate limit');
		expect(staticData.sources.youtube.retryAt).toBeNull();
	});

	test('Get Replies on a video with the quota used up: the NodeApiError says when to retry', async () => {
		at('2026-03-05T09:14:00.000Z');
		const { ctx } = mentionsContext({
			params: { operation: 'getReplies', sources: 'youtube', postId: '7ghhRHRP6t4', returnAll: true, options: { retryDelayMs: 1, maxRetries: 0, maxWaitSeconds: 0 } },
			credentials: CREDS,
			respond: () => load('youtube/search.quotaExceeded.json'),
			items: [{ json: {} }],
		});
		const error = await new Mentions().execute.call(ctx).catch((e) => e);
		expect(error.message).toContain('youtube: HTTP 403');
		expect(error.description).toContain('Retry after 2026-03-06T08:00:00.000Z');
		expect(error.description).toContain('midnight Pacific');
	});
});
