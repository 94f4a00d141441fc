import { describeHttpFailure } from '../../../core/sources/httpFailure';
import xRate from '../../fixtures/x/searchRecent.rateLimited.json';
import xCap from '../../fixtures/x/searchRecent.usageCapExceeded.json';
import xDown from '../../fixtures/x/searchRecent.serverError.json';
import xAuth from '../../fixtures/x/searchRecent.unauthorized.json';
import redditRate from '../../fixtures/reddit/search.rateLimited.json';
import redditForbidden from '../../fixtures/reddit/search.forbidden.json';
import mastodonRate from '../../fixtures/mastodon/timelinesTag.rateLimited.json';
import blueskyRate from '../../fixtures/bluesky/searchPosts.rateLimited.json';
import youtubeQuota from '../../fixtures/youtube/search.quotaExceeded.json';
import hnRate from '../../fixtures/hackernews/searchByDate.rateLimited.json';
// Hand-built Google error bodies of this folder (fixtures/PROVENANCE.md).
import rateLimit from './fixtures/youtube/commentThreads.rateLimitExceeded.json';
import quotaRate from './fixtures/youtube/search.quotaRateLimitExceeded.json';
import daily from './fixtures/youtube/search.dailyLimitExceeded.json';

const now = '2026-03-05T09:14:00.000Z';

describe('describeHttpFailure', () => {
	it('reads each source’s rate-limit reset header', () => {
		expect(describeHttpFailure('x', xRate, now)).toMatchObject({
			kind: 'rateLimited',
			retryAt: '2026-03-05T09:15:00.000Z',
		});
		// Reddit: seconds until reset
		expect(describeHttpFailure('reddit', redditRate, now)).toMatchObject({
			kind: 'rateLimited',
			retryAt: '2026-03-05T09:20:52.000Z',
		});
		// Mastodon: ISO timestamp
		expect(describeHttpFailure('mastodon', mastodonRate, now)).toMatchObject({
			kind: 'rateLimited',
			retryAt: '2026-03-05T09:20:00.000Z',
		});
		// Bluesky: epoch seconds
		expect(describeHttpFailure('bluesky', blueskyRate, now)).toMatchObject({
			kind: 'rateLimited',
			retryAt: '2026-03-05T09:20:00.000Z',
		});
		// Algolia sends no header
		expect(describeHttpFailure('hackernews', hnRate, now)).toMatchObject({
			kind: 'rateLimited',
			retryAt: null,
		});
		expect(describeHttpFailure('x', xDown, now)).toMatchObject({
			kind: 'serverError',
			retryAt: '2026-03-05T09:14:30.000Z',
		});
	});

	it('tells quotas from rate limits and words the message', () => {
		const yt = describeHttpFailure('youtube', youtubeQuota, now);
		expect(yt.kind).toBe('quotaExceeded');
		expect(yt.message).toMatch(
			/^youtube: HTTP 403: API error 403: The request cannot be completed because you have exceeded your/,
		);
		expect(yt.hint).toContain('midnight Pacific');
		expect(describeHttpFailure('x', xCap, now).kind).toBe('quotaExceeded');
		expect(describeHttpFailure('x', xAuth, now)).toMatchObject({
			kind: 'unauthorized',
			message: 'x: HTTP 401: API error 401 Unauthorized',
		});
		expect(describeHttpFailure('reddit', redditForbidden, now).kind).toBe('forbidden');
		expect(
			describeHttpFailure(
				'rss',
				{ status: 404, body: '<html><title>Not Found</title></html>' },
				now,
			),
		).toMatchObject({
			kind: 'notFound',
			message: 'rss: HTTP 404: Not Found',
		});
	});
});

describe('describeHttpFailure › YouTube quota resets at midnight Pacific time', () => {
	it('quotaExceeded → retryAt = the next midnight America/Los_Angeles (PST −08:00 in March before the switch)', () => {
		expect(describeHttpFailure('youtube', youtubeQuota, now)).toMatchObject({
			kind: 'quotaExceeded',
			retryAt: '2026-03-06T08:00:00.000Z',
		});
		// 23:59 in Los Angeles on 2026-03-04 → midnight a minute later.
		expect(describeHttpFailure('youtube', youtubeQuota, '2026-03-05T07:59:00.000Z').retryAt).toBe(
			'2026-03-05T08:00:00.000Z',
		);
		// Exactly midnight: the next one, not now.
		expect(describeHttpFailure('youtube', youtubeQuota, '2026-03-05T08:00:00.000Z').retryAt).toBe(
			'2026-03-06T08:00:00.000Z',
		);
	});

	it('follows daylight saving time: PDT midnight is 07:00Z; the DST switch days are handled', () => {
		expect(describeHttpFailure('youtube', youtubeQuota, '2026-07-14T18:00:00.000Z').retryAt).toBe(
			'2026-07-15T07:00:00.000Z',
		);
		// 2026-03-08 00:30 PST (spring forward at 02:00) → next midnight is PDT.
		expect(describeHttpFailure('youtube', youtubeQuota, '2026-03-08T08:30:00.000Z').retryAt).toBe(
			'2026-03-09T07:00:00.000Z',
		);
		// 2026-11-01 00:30 PDT (fall back at 02:00) → next midnight is PST.
		expect(describeHttpFailure('youtube', youtubeQuota, '2026-11-01T07:30:00.000Z').retryAt).toBe(
			'2026-11-02T08:00:00.000Z',
		);
	});

	it('Google dailyLimitExceeded and a rateLimitExceeded filed under youtube.quota are the daily quota too', () => {
		expect(describeHttpFailure('youtube', daily, now)).toMatchObject({ kind: 'quotaExceeded', retryAt: '2026-03-06T08:00:00.000Z' });
		expect(describeHttpFailure('youtube', quotaRate, now)).toMatchObject({ kind: 'quotaExceeded', retryAt: '2026-03-06T08:00:00.000Z' });
	});

	it('a short-term rateLimitExceeded (usageLimits) is a rate limit, not "forbidden", and not pushed to midnight', () => {
		expect(describeHttpFailure('youtube', rateLimit, now)).toMatchObject({ kind: 'rateLimited', retryAt: null, status: 403 });
		const withHeader = { ...rateLimit, headers: { 'retry-after': '30' } };
		expect(describeHttpFailure('youtube', withHeader, now).retryAt).toBe('2026-03-05T09:14:30.000Z');
	});

	it('X monthly usage cap keeps retryAt null (no reset moment known); a YouTube 403 without a quota reason is still forbidden', () => {
		expect(describeHttpFailure('x', xCap, now)).toMatchObject({ kind: 'quotaExceeded', retryAt: null });
		expect(
			describeHttpFailure('youtube', { status: 403, body: { error: { code: 403, message: 'comments disabled', errors: [{ reason: 'commentsDisabled', domain: 'youtube.commentThread' }] } } }, now),
		).toMatchObject({ kind: 'forbidden', retryAt: null });
	});

	it('an invalid `now` gives no retryAt instead of throwing', () => {
		expect(describeHttpFailure('youtube', youtubeQuota, 'not a date').retryAt).toBeNull();
	});
});
