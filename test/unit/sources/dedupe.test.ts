import {
	canonicalUrl,
	unwrapGoogleRedirect,
	urlKey,
	storyKey,
	createSeenSet,
	linkedUrl,
} from '../../../core/sources/dedupe';
import { mapRedditPage } from '../../../core/sources/reddit/mapReddit';
import { mapXPage } from '../../../core/sources/x/mapX';
import { mapMastodonPage } from '../../../core/sources/mastodon/mapMastodon';
import { mapHackerNewsPage } from '../../../core/sources/hackernews/mapHackerNews';
import redditPage2 from '../../fixtures/reddit/search.page2.json';
import xPage2 from '../../fixtures/x/searchRecent.page2.json';
import mastodonPage from '../../fixtures/mastodon/timelinesTag.page1.json';
import hnPage from '../../fixtures/hackernews/searchByDate.page1.json';

const ctx = { fetchedAt: '2026-03-05T09:30:00.000Z' };

describe('canonicalUrl', () => {
	it('unwraps Google redirects', () => {
		const wrapped =
			'https://www.google.com/url?rct=j&sa=t&url=https://investorplace.com/2019/07/slack-stock-truly-compelling/&ct=ga&cd=CAIy&usg=AFQjCN';
		expect(unwrapGoogleRedirect(wrapped)).toBe(
			'https://investorplace.com/2019/07/slack-stock-truly-compelling/',
		);
		expect(canonicalUrl(wrapped)).toBe(
			'https://investorplace.com/2019/07/slack-stock-truly-compelling',
		);
		expect(unwrapGoogleRedirect('https://www.google.fr/url?q=https://a.example/x&sa=U')).toBe(
			'https://a.example/x',
		);
		expect(unwrapGoogleRedirect('https://www.google.com/search?q=x')).toBe(
			'https://www.google.com/search?q=x',
		);
		expect(unwrapGoogleRedirect('https://www.google.com/url?url=javascript:alert(1)')).toBe(
			'https://www.google.com/url?url=javascript:alert(1)',
		);
	});

	it('strips tracking, fragment, trailing slash, default port; lower-cases the host; http(s) only', () => {
		expect(
			canonicalUrl('HTTPS://News.Example.COM:443/a/b/?utm_source=x&id=3&fbclid=abc&gclid=z#top'),
		).toBe('https://news.example.com/a/b?id=3');
		expect(canonicalUrl('https://example.com/')).toBe('https://example.com');
		expect(canonicalUrl('http://example.com:8080/x')).toBe('http://example.com:8080/x');
		for (const bad of [
			'javascript:alert(1)',
			'ftp://x.example/a',
			'mailto:a@b.c',
			'/relative',
			'',
			null,
			42,
			'https://',
		]) {
			expect(canonicalUrl(bad)).toBeNull();
		}
	});

	it('keys URLs without scheme and www, with sorted query', () => {
		expect(urlKey('https://www.Example.com/a/?b=2&a=1&utm_medium=x')).toBe('example.com/a?a=1&b=2');
		expect(urlKey('http://example.com/a?a=1&b=2#c')).toBe('example.com/a?a=1&b=2');
	});
});

describe('storyKey', () => {
	it('gives the same key to one article shared on Reddit and X', () => {
		const reddit = mapRedditPage(redditPage2, ctx).mentions[1];
		const tweet = mapXPage(xPage2, ctx).mentions[2];
		expect(linkedUrl(reddit)).toBe('https://www.example-news.com/2026/03/orvia-breach');
		expect(storyKey(reddit)).toBe('url:example-news.com/2026/03/orvia-breach');
		expect(storyKey(tweet)).toBe(storyKey(reddit));
	});

	it('uses the Mastodon card, the HN story URL, else the mention URL or id', () => {
		const toot = mapMastodonPage(mastodonPage, { ...ctx, instance: 'mastodon.social' }).mentions[0];
		expect(storyKey(toot)).toBe(
			'url:theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code',
		);
		const [comment, story] = mapHackerNewsPage(hnPage, ctx).mentions;
		expect(storyKey(comment)).toBe(
			'url:oath.com/press/open-sourcing-vespa-yahoo-s-big-data-processing-and-serving-eng',
		);
		expect(storyKey(story)).toBe(
			'url:medium.com/@jamesjefferyuk/node8s-util-promisify-is-so-freakin-awesome-1d90c184bf44',
		);
		const selfPost = mapRedditPage(redditPage2, ctx).mentions[0];
		expect(storyKey(selfPost)).toBe('url:reddit.com/r/afkarena/comments/1abcd01/x');
		expect(storyKey({ ...selfPost, url: null, raw: {} })).toBe(
			'title:orvia app leaked my data nobody answers',
		);
		expect(storyKey({ ...selfPost, url: null, title: null, raw: {} })).toBe('id:reddit:t3_1abcd01');
	});
});

describe('createSeenSet', () => {
	it('forgets the least recently seen keys beyond its bound', () => {
		const seen = createSeenSet(3);
		expect(seen.add('a')).toBe(true);
		expect(seen.add('b')).toBe(true);
		expect(seen.add('a')).toBe(false);
		seen.add('c');
		seen.add('d');
		expect(seen.has('b')).toBe(false);
		expect(seen.has('a')).toBe(true);
		expect(seen.size).toBe(3);
		expect(seen.toJSON()).toEqual({ version: 1, maxEntries: 3, keys: ['a', 'c', 'd'] });
	});

	it('round-trips through JSON static data and shrinks to a smaller bound', () => {
		const saved = JSON.parse(JSON.stringify(createSeenSet(5, ['x', 'y', 'z'])));
		const restored = createSeenSet(2, saved);
		expect(restored.toJSON().keys).toEqual(['y', 'z']);
		expect(createSeenSet(10, 'garbage').size).toBe(0);
		expect(createSeenSet(0).maxEntries).toBe(1);
	});
});
