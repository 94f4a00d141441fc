import { mapRedditThreadPage, unreadCount } from '../../../core/sources/reddit/mapRedditThread';
import thread from '../../fixtures/reddit/comments.thread.json';
import emptyThread from '../../fixtures/reddit/comments.emptyThread.json';
import notFound from '../../fixtures/reddit/comments.notFound.json';
import more1 from './fixtures/reddit/morechildren.page1.json';
import more2 from './fixtures/reddit/morechildren.page2.json';
import moreError from './fixtures/reddit/morechildren.error.json';
import continued from './fixtures/reddit/comments.continueThread.json';
import { assertValidMentions, ctx } from './assertMentions';

describe('mapRedditThreadPage (Get Replies on Reddit)', () => {
	it('flattens /comments/<article>: nested comments kept, the post dropped, "more" stubs returned to follow', () => {
		const { mentions, skipped, cursor } = mapRedditThreadPage(thread, ctx);
		assertValidMentions(mentions);
		expect(skipped).toEqual([]);
		expect(mentions.map((m) => [m.id, m.inReplyToId])).toEqual([
			['reddit:t1_kq2a', 'reddit:t3_1b9orv1'],
			['reddit:t1_kq2b', 'reddit:t1_kq2a'],
			['reddit:t1_kq2c', 'reddit:t3_1b9orv1'],
		]);
		expect(cursor).toEqual({
			linkId: 't3_1b9orv1',
			more: [{ children: ['kq2d', 'kq2e'], parentId: 't3_1b9orv1', count: 2 }],
			count: 4,
		});
		expect(unreadCount(cursor.more)).toBe(2);
	});

	it('reads /api/morechildren answers (flat things) and their further stubs, "continue this thread" included', () => {
		const page1 = mapRedditThreadPage(more1, ctx);
		assertValidMentions(page1.mentions);
		expect(page1.mentions.map((m) => [m.id, m.inReplyToId, m.author.handle])).toEqual([
			['reddit:t1_kq2d', 'reddit:t3_1b9orv1', 'carol_sec'],
			['reddit:t1_kq2f', 'reddit:t1_kq2d', 'orvia_official'],
			['reddit:t1_kq2e', 'reddit:t3_1b9orv1', 'dan_ops'],
		]);
		expect(page1.cursor).toEqual({
			linkId: 't3_1b9orv1',
			more: [{ children: ['kq2g'], parentId: 't1_kq2e', count: 1 }],
			count: 4,
		});
		const page2 = mapRedditThreadPage(JSON.stringify(more2), ctx);
		expect(page2.mentions.map((m) => m.id)).toEqual(['reddit:t1_kq2g']);
		expect(page2.cursor.more).toEqual([{ children: [], parentId: 't1_kq2g', count: 0 }]);
		const sub = mapRedditThreadPage(continued, ctx);
		expect(sub.mentions.map((m) => [m.id, m.inReplyToId])).toEqual([
			['reddit:t1_kq2g', 'reddit:t1_kq2e'],
			['reddit:t1_kq2h', 'reddit:t1_kq2g'],
		]);
		expect(sub.cursor.more).toEqual([]);
	});

	it('an empty thread has nothing to follow; error bodies are refused with the API words', () => {
		expect(mapRedditThreadPage(emptyThread, ctx)).toEqual({
			mentions: [],
			skipped: [],
			cursor: { linkId: 't3_1b9orv1', more: [], count: 0 },
		});
		expect(() => mapRedditThreadPage(moreError.body, ctx)).toThrow(
			'reddit: json.errors: API error TOO_MUCH_FLOOD: you are doing that too much. try again in 1 minute.: ratelimit',
		);
		expect(() => mapRedditThreadPage(notFound.body, ctx)).toThrow('reddit: body: API error 404: Not Found');
		expect(() => mapRedditThreadPage({ json: { errors: [], data: {} } }, ctx)).toThrow(
			'reddit: json.data.things: expected an array, got nothing',
		);
		expect(() => mapRedditThreadPage([thread[0]], ctx)).toThrow('reddit: [1].data.children');
	});
});
