import { mapRedditPage } from '../../../core/sources/reddit/mapReddit';
import { SourceBodyError } from '../../../core/sources/errors';
import page1 from '../../fixtures/reddit/search.page1.json';
import page2 from '../../fixtures/reddit/search.page2.json';
import empty from '../../fixtures/reddit/search.emptyPage.json';
import missing from '../../fixtures/reddit/search.missingFields.json';
import rateLimited from '../../fixtures/reddit/search.rateLimited.json';
import forbidden from '../../fixtures/reddit/search.forbidden.json';
import { assertValidMentions, ctx } from './assertMentions';

describe('mapRedditPage', () => {
	it('maps the recorded search page', () => {
		const { mentions, skipped, cursor } = mapRedditPage(page1, ctx);
		expect(skipped).toEqual([]);
		expect(mentions).toHaveLength(3);
		assertValidMentions(mentions);
		const first = mentions[0];
		expect(first.id).toBe('reddit:t3_14ynl0l');
		expect(first.source).toBe('reddit');
		expect(first.title).toBe('Poetic Pop Quiz. All correct answers.');
		expect(first.publishedAt).toBe('2023-07-13T15:16:41.000Z');
		expect(first.url).toBe(
			'https://www.reddit.com/r/afkarena/comments/14ynl0l/poetic_pop_quiz_all_correct_answers',
		);
		expect(first.author).toEqual({
			id: 'reddit:t2_b4aqmuzm',
			handle: 'afk_inside',
			name: null,
			url: 'https://www.reddit.com/user/afk_inside',
			followers: null,
			verified: false,
		});
		expect(first.engagement).toEqual({ likes: 863, shares: 1, replies: 24, views: null });
		expect(first.language).toBeNull();
		expect(cursor.after).toBe('t3_155olnd');
		expect(cursor.count).toBe(3);
		expect(cursor.newestPublishedAt).toBe(
			mentions
				.map((m) => m.publishedAt)
				.sort()
				.pop(),
		);
	});

	it('decodes entities, extracts hashtags, maps comments and clamps negative scores', () => {
		const { mentions, cursor } = mapRedditPage(page2, { ...ctx, source: 'reddit:r/privacy' });
		assertValidMentions(mentions);
		expect(mentions[0].title).toBe('Orvia app leaked my data? & nobody answers');
		expect(mentions[0].text).toContain('"security incident"');
		expect(mentions[0].hashtags).toEqual(['orvialeak', 'privacy']);
		expect(mentions[0].source).toBe('reddit:r/privacy');
		expect(mentions[1].engagement.likes).toBe(0);
		const comment = mentions[2];
		expect(comment.id).toBe('reddit:t1_kx1');
		expect(comment.title).toBeNull();
		expect(comment.inReplyToId).toBe('reddit:t3_1abcd01');
		expect(comment.author.url).toBeNull();
		expect(cursor.after).toBeNull();
		expect(cursor.newestCreatedUtc).toBe(1772702000);
	});

	it('returns an empty page', () => {
		expect(mapRedditPage(empty, ctx)).toEqual({
			mentions: [],
			skipped: [],
			cursor: { after: null, newestCreatedUtc: null, newestPublishedAt: null, count: 0 },
		});
	});

	it('skips broken items with a reason naming source and field', () => {
		const { mentions, skipped, cursor } = mapRedditPage(missing, ctx);
		expect(mentions.map((m) => m.nativeId)).toEqual(['t3_1abcd10']);
		expect(skipped.map((s) => s.index)).toEqual([1, 2, 3, 4, 5]);
		expect(skipped[0].reason).toBe(
			'reddit: data.children[1].data.created_utc: expected epoch seconds, got null',
		);
		expect(skipped[1].reason).toMatch(/^reddit: data\.children\[2\]\.data\.author: /);
		expect(skipped[2].reason).toMatch(/^reddit: data\.children\[3\]: expected an object/);
		expect(skipped[3].reason).toMatch(/^reddit: data\.children\[4\]\.kind: /);
		expect(skipped[4].reason).toContain('"yesterday"');
		expect(cursor.after).toBe('t3_1abcd14');
	});

	it('throws SourceBodyError on API error bodies', () => {
		expect(() => mapRedditPage(rateLimited.body, ctx)).toThrow(SourceBodyError);
		expect(() => mapRedditPage(rateLimited.body, ctx)).toThrow(
			'reddit: body: API error 429: Too Many Requests',
		);
		expect(() => mapRedditPage(forbidden.body, ctx)).toThrow(
			'reddit: body: API error 403: Forbidden',
		);
		expect(() => mapRedditPage({ kind: 't3' }, ctx)).toThrow(/^reddit: kind: /);
		expect(() => mapRedditPage(null, ctx)).toThrow(
			'reddit: body: expected a Listing object, got null',
		);
	});

	it('accepts the body as JSON text', () => {
		const { mentions } = mapRedditPage(JSON.stringify(page1), ctx);
		expect(mentions).toHaveLength(3);
	});
});
