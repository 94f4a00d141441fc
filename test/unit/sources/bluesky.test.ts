import { mapBlueskyPage } from '../../../core/sources/bluesky/mapBluesky';
import page1 from '../../fixtures/bluesky/searchPosts.page1.json';
import page2 from '../../fixtures/bluesky/searchPosts.page2.json';
import getPosts from '../../fixtures/bluesky/getPosts.page1.json';
import empty from '../../fixtures/bluesky/searchPosts.emptyPage.json';
import missing from '../../fixtures/bluesky/searchPosts.missingFields.json';
import forbidden from '../../fixtures/bluesky/searchPosts.forbidden.json';
import unauthorized from '../../fixtures/bluesky/searchPosts.unauthorized.json';
import rateLimited from '../../fixtures/bluesky/searchPosts.rateLimited.json';
import { assertValidMentions, ctx } from './assertMentions';

describe('mapBlueskyPage', () => {
	it('maps the recorded postView', () => {
		const { mentions, skipped, cursor } = mapBlueskyPage(page1, ctx);
		expect(skipped).toEqual([]);
		assertValidMentions(mentions);
		const m = mentions[0];
		expect(m.id).toBe(
			'bluesky:at://did:plc:7bfmklk2nqmul75fwhocsb2a/app.bsky.feed.post/3lap3ipjc7c2h',
		);
		expect(m.url).toBe('https://bsky.app/profile/clemfox.bsky.social/post/3lap3ipjc7c2h');
		expect(m.publishedAt).toBe('2024-11-11T19:47:02.648Z');
		expect(m.language).toBe('en');
		expect(m.author.id).toBe('bluesky:did:plc:7bfmklk2nqmul75fwhocsb2a');
		expect(m.author.handle).toBe('clemfox.bsky.social');
		expect(m.author.followers).toBeNull();
		expect(m.engagement).toEqual({ likes: 4, shares: 2, replies: 0, views: null });
		// tags of the embedded list's description are not the post's hashtags
		expect(m.hashtags).toEqual([]);
		expect(cursor).toEqual({
			cursor: '25',
			newestIndexedAt: '2024-11-11T19:47:02.648Z',
			newestPublishedAt: '2024-11-11T19:47:02.648Z',
			hitsTotal: null,
		});
	});

	it('maps getPosts replies, facets, region languages and distrusts future client dates', () => {
		const reply = mapBlueskyPage(getPosts, ctx).mentions[0];
		expect(reply.inReplyToId).toBe(
			'bluesky:at://did:plc:gkhlgiv6hsui5gqyye2zrbd3/app.bsky.feed.post/3kkdawupa4a2o',
		);
		const { mentions, cursor } = mapBlueskyPage(page2, ctx);
		assertValidMentions(mentions);
		expect(mentions[0].hashtags).toEqual(['orvialeak', 'vie_privée']);
		expect(mentions[0].language).toBe('fr');
		expect(mentions[0].engagement.shares).toBe(5);
		expect(mentions[1].language).toBe('en');
		expect(mentions[1].publishedAt).toBe('2026-03-05T09:13:00.000Z');
		expect(mentions[1].url).toBe(
			'https://bsky.app/profile/did:plc:abcdefghijklmnop/post/3mabc2xyz2k2b',
		);
		expect(cursor.cursor).toBeNull();
		expect(cursor.newestIndexedAt).toBe('2026-03-05T09:13:00.000Z');
	});

	it('skips broken posts', () => {
		const { mentions, skipped, cursor } = mapBlueskyPage(missing, ctx);
		expect(mentions).toHaveLength(1);
		expect(skipped.map((s) => s.reason)).toEqual([
			'bluesky: posts[0].uri: expected an at://…/app.bsky.feed.post/… URI, got "https://not-an-at-uri"',
			'bluesky: posts[1].record.createdAt: expected an ISO date, got nothing',
			'bluesky: posts[3]: expected an object, got "garbage"',
		]);
		expect(cursor.cursor).toBe('50');
		expect(mapBlueskyPage(empty, ctx).mentions).toEqual([]);
	});

	it('throws on XRPC error bodies', () => {
		expect(() => mapBlueskyPage(forbidden.body, ctx)).toThrow(
			'bluesky: body: API error Forbidden: Forbidden',
		);
		expect(() => mapBlueskyPage(unauthorized.body, ctx)).toThrow(
			'bluesky: body: API error AuthMissing: Authentication Required',
		);
		expect(() => mapBlueskyPage(rateLimited.body, ctx)).toThrow(
			'bluesky: body: API error RateLimitExceeded: Rate Limit Exceeded',
		);
	});
});
