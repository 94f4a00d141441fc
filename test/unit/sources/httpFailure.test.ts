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
