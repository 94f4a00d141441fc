/**
 * Shapes met in real API answers (a sweep of other projects' recorded responses, December 2026)
 * that the first fixtures did not have. Bodies written by hand in those shapes.
 */
import { mapRedditPage } from '../../../core/sources/reddit/mapReddit';
import { mapRedditThreadPage } from '../../../core/sources/reddit/mapRedditThread';
import { mapXPage } from '../../../core/sources/x/mapX';
import { storyKey } from '../../../core/sources/dedupe';
import { mapAppStorePage } from '../../../core/sources/appstore/mapAppStore';
import { mapMastodonPage } from '../../../core/sources/mastodon/mapMastodon';
import { assertValidMentions, ctx } from './assertMentions';

const comment = (id: string, extra: Record<string, unknown> = {}) => ({
	kind: 't1',
	data: { id, name: `t1_${id}`, author: 'ana', body: 'Still no refund', created_utc: 1772700000, link_id: 't3_post1', parent_id: 't3_post1', score: 3, ...extra },
});

describe('Reddit comments', () => {
	it('a comment in a listing does not take its post\'s comment count as its own replies', () => {
		const page = mapRedditPage({ kind: 'Listing', data: { after: null, children: [comment('c1', { num_comments: 6707, permalink: '/r/x/comments/post1/_/c1/' })] } }, ctx);
		assertValidMentions(page.mentions);
		expect(page.mentions[0].engagement.replies).toBe(0);
	});

	it('counts a comment\'s direct replies (nested comments and what its "more" stubs count)', () => {
		const nested = comment('c1', {
			replies: {
				kind: 'Listing',
				data: { children: [comment('c2', { parent_id: 't1_c1' }), comment('c3', { parent_id: 't1_c1' }), { kind: 'more', data: { count: 4, children: ['c4'], parent_id: 't1_c1' } }] },
			},
		});
		const thread = [{ kind: 'Listing', data: { children: [{ kind: 't3', data: { name: 't3_post1' } }] } }, { kind: 'Listing', data: { children: [nested] } }];
		const { mentions } = mapRedditThreadPage(thread, ctx);
		assertValidMentions(mentions);
		expect(mentions.map((m) => [m.nativeId, m.engagement.replies])).toEqual([
			['t1_c1', 6],
			['t1_c2', 0],
			['t1_c3', 0],
		]);
	});

	it('builds the link of a comment without permalink (answers from before 2018) from the post and comment ids', () => {
		const page = mapRedditPage({ kind: 'Listing', data: { after: null, children: [comment('c9')] } }, ctx);
		expect(page.mentions[0].url).toBe('https://www.reddit.com/comments/post1/_/c9');
		const post = mapRedditPage({ kind: 'Listing', data: { after: null, children: [{ kind: 't3', data: { id: 'p7', name: 't3_p7', author: 'bo', title: 'Outage', created_utc: 1772700000 } }] } }, ctx);
		expect(post.mentions[0].url).toBe('https://www.reddit.com/comments/p7');
	});
});

describe('Reddit: a listing of another endpoint', () => {
	it('refuses a listing of subreddits with one clear error; a search with one stray subreddit still maps the rest', () => {
		const sub = { kind: 't5', data: { id: 's1', name: 't5_s1', display_name: 'orvia' } };
		expect(() => mapRedditPage({ kind: 'Listing', data: { after: null, children: [sub, sub] } }, ctx)).toThrow(/reddit: data\.children: got a listing of subreddits \(t5\)/);
		const mixed = mapRedditPage({ kind: 'Listing', data: { after: null, children: [sub, comment('c5', { permalink: '/r/x/comments/post1/_/c5/' })] } }, ctx);
		expect(mixed.mentions.map((m) => m.nativeId)).toEqual(['t1_c5']);
		expect(mixed.skipped).toHaveLength(1);
	});
});

describe('X retweets and answers that hold no posts', () => {
	const user = { id: '42', username: 'angry_customer', name: 'Angry', public_metrics: { followers_count: 1200 } };
	const original = { id: '1900000000000000001', text: 'Orvia leaked my data and nobody answers #OrviaLeak #DataBreach', author_id: '42', created_at: '2026-03-05T08:00:00.000Z', public_metrics: { like_count: 10, retweet_count: 49, reply_count: 3, quote_count: 1 } };
	const retweet = (id: string, of: string) => ({
		id,
		text: 'RT @angry_customer: Orvia leaked my data and nobody answers #OrviaLeak #DataBre…',
		author_id: '77',
		created_at: '2026-03-05T09:00:00.000Z',
		referenced_tweets: [{ type: 'retweeted', id: of }],
		public_metrics: { like_count: 0, retweet_count: 49, reply_count: 0, quote_count: 0 },
	});

	it('maps the original post once when the answer includes it', () => {
		const page = mapXPage({ data: [retweet('1900000000000000010', original.id), retweet('1900000000000000011', original.id)], includes: { users: [user], tweets: [original] }, meta: { result_count: 2 } }, ctx);
		assertValidMentions(page.mentions);
		expect(page.skipped).toEqual([]);
		expect(page.mentions.map((m) => [m.nativeId, m.author.handle, m.engagement.shares])).toEqual([[original.id, 'angry_customer', 50]]);
		expect(page.mentions[0].hashtags).toEqual(['orvialeak', 'databreach']);
		// The cursor still moves past the retweets themselves.
		expect(page.cursor.newestId).toBe('1900000000000000011');
	});

	it('keeps a retweet whose original is missing, without the original\'s counts or a tag cut by "…"', () => {
		const page = mapXPage({ data: [retweet('1900000000000000010', '1899999999999999999')], includes: {}, meta: { result_count: 1 } }, ctx);
		assertValidMentions(page.mentions);
		expect(page.mentions[0].engagement).toEqual({ likes: 0, shares: 0, replies: 0, views: null });
		expect(page.mentions[0].hashtags).toEqual(['orvialeak']);
	});

	it('adds nothing for a retweet of a post already on the page', () => {
		const page = mapXPage({ data: [original, retweet('1900000000000000010', original.id)], includes: { users: [user], tweets: [original] }, meta: { result_count: 2 } }, ctx);
		expect(page.mentions.map((m) => m.nativeId)).toEqual([original.id]);
	});

	it('refuses an answer of another endpoint with one clear error (users, counts), and skips a stray non-post', () => {
		expect(() => mapXPage({ data: [{ id: '1266414623110189057', name: 'Ashley', username: 'AshleyJones43' }], meta: { result_count: 1 } }, ctx)).toThrow(
			/x: data: got a list of users/,
		);
		expect(() => mapXPage({ data: [{ end: '2026-03-05T01:00:00.000Z', start: '2026-03-05T00:00:00.000Z', tweet_count: 12 }], meta: { total_tweet_count: 12 } }, ctx)).toThrow(
			/x: data: got post counts/,
		);
		const page = mapXPage({ data: [original, { id: '1900000000000000020', author_id: '42' }], includes: { users: [user] }, meta: { result_count: 2 } }, ctx);
		expect(page.mentions.map((m) => m.nativeId)).toEqual([original.id]);
		expect(page.skipped).toEqual([{ index: 1, reason: expect.stringMatching(/^x: data\[1\]\.text: expected the post's text, got nothing: not a post/) }]);
	});
});

describe('Mastodon: an answer of another endpoint', () => {
	it('refuses a list of accounts with one clear error instead of one skip per account', () => {
		const accounts = [
			{ id: '1', username: 'ana', acct: 'ana@example.social', display_name: 'Ana' },
			{ id: '2', username: 'bo', acct: 'bo', display_name: 'Bo' },
		];
		expect(() => mapMastodonPage(accounts, { ...ctx, instance: 'mastodon.social' })).toThrow(/mastodon: statuses: got a list of accounts/);
	});
});

describe('App Store reviews are each their own story', () => {
	it('gives two reviews that share the app\'s review link and a title two story keys', () => {
		const entry = (id: string) => ({
			id: { label: id },
			title: { label: 'Worst update ever, please fix' },
			content: { label: 'Crashes on launch' },
			'im:rating': { label: '1' },
			updated: { label: '2026-03-05T08:00:00-07:00' },
			author: { name: { label: 'Sam' }, uri: { label: 'https://itunes.apple.com/us/reviews/id1' } },
			link: { attributes: { rel: 'related', href: 'https://itunes.apple.com/us/review?id=811377230&type=Purple%20Software' } },
		});
		const page = mapAppStorePage({ feed: { entry: [entry('9001'), entry('9002')] } }, ctx);
		assertValidMentions(page.mentions);
		expect(page.mentions[0].url).toBe(page.mentions[1].url);
		expect(new Set(page.mentions.map(storyKey)).size).toBe(2);
	});
});
