import { mapHackerNewsPage } from '../../../core/sources/hackernews/mapHackerNews';
import page1 from '../../fixtures/hackernews/searchByDate.page1.json';
import empty from '../../fixtures/hackernews/searchByDate.emptyPage.json';
import lastPage from '../../fixtures/hackernews/searchByDate.lastPage.json';
import missing from '../../fixtures/hackernews/searchByDate.missingFields.json';
import rateLimited from '../../fixtures/hackernews/searchByDate.rateLimited.json';
import badRequest from '../../fixtures/hackernews/searchByDate.badRequest.json';
import { assertValidMentions, ctx } from './assertMentions';

describe('mapHackerNewsPage', () => {
	it('maps stories and comments of the recorded page', () => {
		const { mentions, skipped, cursor } = mapHackerNewsPage(page1, ctx);
		expect(skipped).toEqual([]);
		assertValidMentions(mentions);
		expect(mentions.map((m) => m.id)).toEqual([
			'hackernews:15353312',
			'hackernews:15353234',
			'hackernews:15353081',
			'hackernews:15352955',
		]);
		const comment = mentions[0];
		expect(comment.title).toBeNull();
		expect(comment.text.startsWith("You don't need to plug in any Java code")).toBe(true);
		expect(comment.text).toContain('\nNo plans to break it up');
		expect(comment.inReplyToId).toBe('hackernews:15352681');
		expect(comment.url).toBe('https://news.ycombinator.com/item?id=15353312');
		expect(comment.publishedAt).toBe('2017-09-27T23:33:24.000Z');
		const story = mentions[1];
		expect(story.title).toBe('Node8’s util.promisify is so freakin’ awesome');
		expect(story.engagement).toEqual({ likes: 2, shares: 0, replies: 0, views: null });
		expect(story.author.handle).toBe('JamesTheHacker');
		expect(cursor).toEqual({
			page: 0,
			nbPages: 50,
			nextPage: 1,
			nbHits: 36255,
			newestCreatedAtI: 1506555204,
			oldestCreatedAtI: 1506551717,
			newestPublishedAt: '2017-09-27T23:33:24.000Z',
			capped: true,
		});
	});

	it('ends paging on the last page and on an empty page', () => {
		expect(mapHackerNewsPage(lastPage, ctx).cursor.nextPage).toBeNull();
		const e = mapHackerNewsPage(empty, ctx);
		expect(e.mentions).toEqual([]);
		expect(e.cursor.nextPage).toBeNull();
		expect(e.cursor.newestCreatedAtI).toBeNull();
	});

	it('skips broken hits and still maps the good ones', () => {
		const { mentions, skipped } = mapHackerNewsPage(missing, ctx);
		expect(skipped.map((s) => s.index)).toEqual([0, 1, 2, 4]);
		expect(skipped[0].reason).toBe(
			'hackernews: hits[0].created_at_i: expected epoch seconds, got nothing',
		);
		expect(skipped[1].reason).toBe('hackernews: hits[1].objectID: expected a string id, got null');
		expect(skipped[2].reason).toBe('hackernews: hits[2].author: expected a user name, got nothing');
		expect(mentions.map((m) => m.nativeId)).toEqual(['15352955', '47100001']);
		const ask = mentions[1];
		expect(ask.text).toBe('We got the "incident" email & nothing since.\nAnyone?');
		expect(ask.inReplyToId).toBeNull();
		assertValidMentions(mentions);
	});

	it('throws on Algolia error bodies', () => {
		expect(() => mapHackerNewsPage(rateLimited.body, ctx)).toThrow(
			'hackernews: body: API error 429: Too many requests',
		);
		expect(() => mapHackerNewsPage(badRequest.body, ctx)).toThrow(
			'hackernews: body: API error 400: invalid numeric filter',
		);
		expect(() => mapHackerNewsPage({ nbHits: 3 }, ctx)).toThrow(
			'hackernews: hits: expected an array, got nothing',
		);
	});
});
