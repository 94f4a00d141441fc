import {
	mapYoutubePage,
	mapYoutubeSearchPage,
	mapYoutubeCommentThreadsPage,
} from '../../../core/sources/youtube/mapYoutube';
import search from '../../fixtures/youtube/search.page1.json';
import searchEmpty from '../../fixtures/youtube/search.emptyPage.json';
import mixed from '../../fixtures/youtube/search.mixedKinds.json';
import threads from '../../fixtures/youtube/commentThreads.page1.json';
import withReplies from '../../fixtures/youtube/commentThreads.withReplies.json';
import threadsMissing from '../../fixtures/youtube/commentThreads.missingFields.json';
import quota from '../../fixtures/youtube/search.quotaExceeded.json';
import disabled from '../../fixtures/youtube/commentThreads.commentsDisabled.json';
import badKey from '../../fixtures/youtube/search.badKey.json';
import { assertValidMentions, ctx } from './assertMentions';

describe('mapYoutubeSearchPage', () => {
	it('maps videos with decoded titles', () => {
		const { mentions, skipped, cursor } = mapYoutubePage(search, ctx);
		expect(skipped).toEqual([]);
		assertValidMentions(mentions);
		const m = mentions[0];
		expect(m.id).toBe('youtube:-D0qKh3xwzU');
		expect(m.url).toBe('https://www.youtube.com/watch?v=-D0qKh3xwzU');
		expect(m.title).toBe("Minecraft Mais j'ai ajouté des armes à feu ! ( c'est ultra cheaté )");
		expect(m.author).toEqual({
			id: 'youtube:UCdntfVwTKE9c3zs0P9VwwxA',
			handle: 'John 2.0',
			name: 'John 2.0',
			url: 'https://www.youtube.com/channel/UCdntfVwTKE9c3zs0P9VwwxA',
			followers: null,
			verified: false,
		});
		expect(m.publishedAt).toBe('2021-08-03T17:39:20.000Z');
		expect(cursor).toEqual({
			nextPageToken: 'CDIQAA',
			totalResults: 1000000,
			newestPublishedAt: '2021-08-03T17:39:20.000Z',
			kind: 'search',
		});
	});

	it('skips non-video results and undated items, keeps defaultLanguage', () => {
		const { mentions, skipped, cursor } = mapYoutubeSearchPage(mixed, ctx);
		expect(skipped.map((s) => s.reason)).toEqual([
			'youtube: items[1].id.kind: not a video (youtube#channel); search with type=video',
			'youtube: items[2].snippet.publishedAt: expected an ISO date, got nothing',
		]);
		const orvia = mentions[1];
		expect(orvia.language).toBe('fr');
		expect(orvia.hashtags).toEqual(['orvia']);
		expect(orvia.title).toBe("Orvia : on vous explique l'incident");
		expect(cursor.nextPageToken).toBeNull();
		expect(mapYoutubePage(searchEmpty, ctx).mentions).toEqual([]);
	});
});

describe('mapYoutubeCommentThreadsPage', () => {
	it('maps top-level comments as replies to their video', () => {
		const { mentions, skipped, cursor } = mapYoutubePage(threads, ctx);
		expect(skipped).toEqual([]);
		assertValidMentions(mentions);
		const c = mentions[0];
		expect(c.id).toBe('youtube:UgxISZhP_62DIrtv2r94AaABAg');
		expect(c.text).toBe("Nobody's love ... Song title made me die from laughter");
		expect(c.inReplyToId).toBe('youtube:7ghhRHRP6t4');
		expect(c.url).toBe('https://www.youtube.com/watch?v=7ghhRHRP6t4&lc=UgxISZhP_62DIrtv2r94AaABAg');
		expect(c.author.id).toBe('youtube:UCP22MyBntbNASpmy3aC4sdw');
		expect(c.author.url).toBe('http://www.youtube.com/channel/UCP22MyBntbNASpmy3aC4sdw');
		expect(cursor.kind).toBe('commentThreads');
		expect(cursor.newestPublishedAt).toBe('2022-12-17T04:19:11.000Z');
		expect(cursor.nextPageToken).toMatch(/^QURTSl9p/);
	});

	it('maps inline replies and skips a broken one', () => {
		const { mentions, skipped } = mapYoutubeCommentThreadsPage(withReplies, ctx);
		assertValidMentions(mentions);
		expect(mentions.map((m) => m.nativeId)).toEqual([
			'UgxISZhP_62DIrtv2r94AaABAg',
			'UgxISZhP_62DIrtv2r94AaABAg.9jK1',
		]);
		expect(mentions[0].engagement.replies).toBe(2);
		expect(mentions[1].inReplyToId).toBe('youtube:UgxISZhP_62DIrtv2r94AaABAg');
		expect(mentions[1].author.handle).toBe('replier');
		expect(mentions[1].text).toBe('Same & agreed');
		expect(skipped).toEqual([
			{
				index: 0,
				reason:
					'youtube: items[0].replies.comments[1].snippet.publishedAt: expected an ISO date, got "soon"',
			},
		]);
	});

	it('skips threads with missing fields', () => {
		const { mentions, skipped } = mapYoutubeCommentThreadsPage(threadsMissing, ctx);
		expect(mentions).toHaveLength(1);
		expect(skipped.map((s) => s.reason)).toEqual([
			'youtube: items[0].snippet.topLevelComment: expected an object, got nothing',
			'youtube: items[1].snippet.topLevelComment.snippet.publishedAt: expected an ISO date, got null',
		]);
	});

	it('throws on Google error bodies', () => {
		expect(() => mapYoutubePage(quota.body, ctx)).toThrow(
			/^youtube: body: API error 403: The request cannot be completed because you have exceeded your/,
		);
		expect(() => mapYoutubePage(disabled.body, ctx)).toThrow(
			/^youtube: body: API error 403: The video identified/,
		);
		expect(() => mapYoutubePage(badKey.body, ctx)).toThrow(
			'youtube: body: API error 400: API key not valid. Please pass a valid API key.',
		);
		expect(() => mapYoutubePage({ kind: 'youtube#videoListResponse', items: [] }, ctx)).toThrow(
			'youtube: kind: expected a search or commentThreads list answer',
		);
	});
});
