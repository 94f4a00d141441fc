/**
 * The pure reply walking moved out of Get Replies into core/sources/<platform>/replies.ts:
 * post ids from what users paste, Bluesky thread flattening, Mastodon's root check and the
 * Reddit "more comments" walk. The adapters (MentionSource.replies) send the requests.
 */
import { blueskyPostUri, blueskyThreadReplies } from '../../../../core/sources/bluesky/replies';
import { hackerNewsItemId, hasItemTree } from '../../../../core/sources/hackernews/replies';
import { contextDescendants, mastodonStatusId, repliesToRoot } from '../../../../core/sources/mastodon/replies';
import { followRedditStubs, nextRedditReplyRequest, redditPostId, startRedditReplyWalk } from '../../../../core/sources/reddit/replies';
import { xPostId, xRepliesQuery } from '../../../../core/sources/x/replies';
import { youtubeVideoId } from '../../../../core/sources/youtube/replies';
import { SOURCES } from '../../../../nodes/Mentions/sources/registry';

describe('post ids from URLs or ids', () => {
	test.each([
		[xPostId, 'https://x.com/orvia/status/1897000000000007919?s=20', '1897000000000007919'],
		[xPostId, 'https://twitter.com/i/web/statuses/42', '42'],
		[xPostId, ' 1897 ', '1897'],
		[redditPostId, 'https://www.reddit.com/r/france/comments/1b2c3d/orvia_leak/', '1b2c3d'],
		[redditPostId, 't3_1B2C3D', '1B2C3D'],
		[hackerNewsItemId, 'https://news.ycombinator.com/item?id=47200001', '47200001'],
		[mastodonStatusId, 'https://mastodon.social/@orvia/113000000000000100', '113000000000000100'],
		[mastodonStatusId, 'https://fosstodon.org/api/v1/statuses/77/', '77'],
		[youtubeVideoId, 'https://www.youtube.com/watch?v=7ghhRHRP6t4&t=3', '7ghhRHRP6t4'],
		[youtubeVideoId, 'https://youtu.be/7ghhRHRP6t4', '7ghhRHRP6t4'],
		[youtubeVideoId, 'https://www.youtube.com/shorts/abcdef1', 'abcdef1'],
		[blueskyPostUri, 'https://bsky.app/profile/orvia.app/post/3kabc', 'at://orvia.app/app.bsky.feed.post/3kabc'],
		[blueskyPostUri, 'at://did:plc:x/app.bsky.feed.post/3k', 'at://did:plc:x/app.bsky.feed.post/3k'],
	])('%p(%s) = %s', (fn, input, id) => {
		expect((fn as (s: string) => string)(input)).toBe(id);
	});

	test('X conversation query; HN item trees only for numeric ids', () => {
		expect(xRepliesQuery('42')).toBe('conversation_id:42');
		expect(hasItemTree('47200001')).toBe(true);
		expect(hasItemTree('abc')).toBe(false);
	});

	test('every source with replies is reachable from Get Replies; RSS and the App Store have none', () => {
		const withReplies = Object.values(SOURCES).filter((s) => s.replies).map((s) => s.name).sort();
		expect(withReplies).toEqual(['bluesky', 'hackernews', 'mastodon', 'reddit', 'x', 'youtube']);
	});
});

describe('Bluesky thread flattening', () => {
	test('depth first, in thread order; non-threads are handed back for the mapper to name', () => {
		const post = (uri: string) => ({ uri });
		const thread = { thread: { post: post('root'), replies: [{ post: post('a'), replies: [{ post: post('a1'), replies: [] }] }, { post: post('b') }, { notFound: true }] } };
		expect(blueskyThreadReplies(JSON.stringify(thread))).toEqual({ posts: [post('a'), post('a1'), post('b')] });
		expect(blueskyThreadReplies({ error: 'NotFound' })).toEqual({ error: 'NotFound' });
	});

	test('a hostile thread 50,000 levels deep is flattened without exhausting the stack', () => {
		let node: Record<string, unknown> = { post: { uri: 'leaf' }, replies: [] };
		for (let k = 0; k < 50000; k++) node = { post: { uri: `p${k}` }, replies: [node] };
		const out = blueskyThreadReplies({ thread: { post: { uri: 'root' }, replies: [node] } }) as { posts: unknown[] };
		expect(out.posts).toHaveLength(50001);
	});
});

describe('Mastodon context', () => {
	test('descendants of a context answer, and whether one answers the root', () => {
		const descendants = [{ id: '2', in_reply_to_id: '1' }, { id: '3', in_reply_to_id: '2' }];
		expect(contextDescendants({ ancestors: [], descendants })).toEqual(descendants);
		expect(repliesToRoot(descendants, '1')).toBe(true);
		expect(repliesToRoot(descendants, '9')).toBe(false);
		expect(repliesToRoot('nope', '1')).toBe(false);
	});
});

describe('Reddit "more comments" walk', () => {
	test('morechildren batches of ≤ 100 ids first, then "continue this thread"; nothing asked twice', () => {
		const walk = startRedditReplyWalk('abc');
		const children = Array.from({ length: 150 }, (_, k) => `c${k}`);
		const cursor = { linkId: 't3_abc', count: 3, more: [{ children, parentId: 't3_abc', count: 150 }, { children: [], parentId: 't1_deep', count: 0 }, { children: ['c1', 'known'], parentId: 't1_x', count: 2 }] };
		const known = (id: string) => id === 'reddit:t1_known';
		followRedditStubs(walk, cursor, known);
		followRedditStubs(walk, cursor, known); // the same stubs again: already queued
		const first = nextRedditReplyRequest(walk);
		expect(first).toEqual({ kind: 'morechildren', linkId: 't3_abc', children: children.slice(0, 100) });
		expect(nextRedditReplyRequest(walk)).toEqual({ kind: 'morechildren', linkId: 't3_abc', children: children.slice(100) });
		expect(nextRedditReplyRequest(walk)).toEqual({ kind: 'thread', comment: 'deep' });
		expect(nextRedditReplyRequest(walk)).toBeNull();
	});
});
