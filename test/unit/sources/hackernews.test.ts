import { mapHackerNewsItemTree, mapHackerNewsPage } from '../../../core/sources/hackernews/mapHackerNews';
import itemComment from './fixtures/hackernews/items.comment.json';
import itemStory from './fixtures/hackernews/items.storyNoComments.json';
import itemNotFound from './fixtures/hackernews/items.notFound.json';
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

describe('mapHackerNewsItemTree (/api/v1/items/:id)', () => {
	it('maps the replies under a comment: nested ones too, each pointing at its parent; the item itself is not a reply', () => {
		const { mentions, skipped, cursor } = mapHackerNewsItemTree(itemComment, ctx);
		assertValidMentions(mentions);
		expect(mentions.map((m) => [m.id, m.inReplyToId, m.author.handle])).toEqual([
			['hackernews:47200015', 'hackernews:47200010', 'pg_reader'],
			['hackernews:47200021', 'hackernews:47200015', 'orvia_cto'],
			['hackernews:47200019', 'hackernews:47200018', 'late_reader'],
		]);
		// The deleted reply (no author) is skipped; the reply under it is kept.
		expect(skipped).toEqual([
			{ index: 2, reason: 'hackernews: descendants[2].author: expected a user name, got null' },
		]);
		expect(cursor).toEqual({ rootId: '47200010', rootType: 'comment', count: 4 });
		const nested = mentions[0];
		expect(nested.title).toBeNull();
		expect(nested.text).toBe('Nested: their FAQ says "no passwords"');
		expect(nested.url).toBe('https://news.ycombinator.com/item?id=47200015');
		expect(nested.publishedAt).toBe('2026-03-05T09:15:00.000Z');
		expect(nested.engagement).toEqual({ likes: 0, shares: 0, replies: 1, views: null });
		expect(mentions[1].text).toBe('We are publishing the full timeline today.\n\nSorry for the delay.');
		// raw is the item without its subtree.
		expect((nested.raw as Record<string, unknown>).children).toBeUndefined();
		expect((nested.raw as Record<string, unknown>).id).toBe(47200015);
	});

	it('a story without comments gives no replies; error and search bodies are refused', () => {
		expect(mapHackerNewsItemTree(itemStory, ctx)).toEqual({
			mentions: [],
			skipped: [],
			cursor: { rootId: '47200001', rootType: 'story', count: 0 },
		});
		expect(() => mapHackerNewsItemTree(itemNotFound.body, ctx)).toThrow('hackernews: body: API error Not Found');
		expect(() => mapHackerNewsItemTree(empty, ctx)).toThrow('hackernews: children: expected an item {id, children:[]}, got a search answer');
		expect(() => mapHackerNewsItemTree('[1', ctx)).toThrow('hackernews: body: invalid or truncated JSON');
	});

	it('walks deep threads without recursion', () => {
		let node: Record<string, unknown> = { id: 1, type: 'comment', author: 'a', created_at_i: 1772701900, text: 'leaf', parent_id: 2, children: [] };
		for (let id = 2; id <= 5000; id++) {
			node = { id, type: 'comment', author: 'a', created_at_i: 1772701900, text: 'x', parent_id: id + 1, children: [node] };
		}
		const root = { id: 5001, type: 'story', title: 't', author: 'a', created_at_i: 1772701900, children: [node] };
		const { mentions } = mapHackerNewsItemTree(root, ctx);
		expect(mentions).toHaveLength(5000);
		expect(mentions[4999].inReplyToId).toBe('hackernews:2');
	});
});
