import { mapAppStorePage } from '../../../core/sources/appstore/mapAppStore';
import page1 from '../../fixtures/appstore/customerReviews.page1.json';
import empty from '../../fixtures/appstore/customerReviews.emptyPage.json';
import withUpdated from '../../fixtures/appstore/customerReviews.withUpdated.json';
import single from '../../fixtures/appstore/customerReviews.singleEntry.json';
import missing from '../../fixtures/appstore/customerReviews.missingFields.json';
import { assertValidMentions, ctx } from './assertMentions';

describe('mapAppStorePage', () => {
	it('maps the recorded JP page with ratings kept', () => {
		const { mentions, skipped, cursor } = mapAppStorePage(page1, ctx);
		expect(skipped).toEqual([]);
		assertValidMentions(mentions);
		expect(mentions.map((m) => m.rating)).toEqual([4, 2, 1]);
		const m = mentions[0];
		expect(m.id).toBe('appstore:6290024630');
		expect(m.source).toBe('appstore:jp');
		expect(m.title).toBe('神アプリ');
		expect(m.text.startsWith('とにかく周りの人皆んなが暖かく')).toBe(true);
		expect(m.author).toEqual({
			id: 'appstore:638572168',
			handle: 'ヤミ。',
			name: 'ヤミ。',
			url: 'https://itunes.apple.com/jp/reviews/id638572168',
			followers: null,
			verified: false,
		});
		// this capture has no per-review date: the fetch time stands in, and the cursor says so
		expect(m.publishedAt).toBe(ctx.fetchedAt);
		expect(m.publishedAtEstimated).toBe('no date in the review (updated): the fetch time is used');
		expect(cursor).toEqual({
			page: 1,
			nextPage: 2,
			lastPage: 8,
			nextPageUrl:
				'https://itunes.apple.com/jp/rss/customerreviews/page=2/id=1404176564/sortby=mostrecent/xml?urlDesc=/customerreviews/id=1404176564/sortBy=mostRecent/page=1/json',
			newestId: '6290024630',
			newestPublishedAt: null,
			appId: '1404176564',
			country: 'jp',
			usedFetchedAtForDates: true,
		});
	});

	it('uses per-review dates, ignores the legacy app entry, ends on the last page', () => {
		const { mentions, skipped, cursor } = mapAppStorePage(withUpdated, ctx);
		expect(skipped).toEqual([]);
		expect(mentions).toHaveLength(1);
		expect(mentions[0].publishedAt).toBe('2026-03-05T08:14:00.000Z');
		expect(mentions[0].engagement.likes).toBe(3);
		expect(mentions[0].hashtags).toEqual(['orvialeak']);
		expect(mentions[0].source).toBe('appstore:fr');
		expect(cursor.nextPage).toBeNull();
		expect(cursor.usedFetchedAtForDates).toBe(false);
		expect(cursor.newestPublishedAt).toBe('2026-03-05T08:14:00.000Z');
		expect(mapAppStorePage(single, ctx).mentions.map((m) => m.nativeId)).toEqual(['11234567890']);
	});

	it('handles an empty page past the end', () => {
		const { mentions, cursor } = mapAppStorePage(empty, ctx);
		expect(mentions).toEqual([]);
		expect(cursor.page).toBe(9);
		expect(cursor.nextPage).toBeNull();
	});

	it('skips reviews with a bad rating or id; reads a d/m/y date (issue 15)', () => {
		const { mentions, skipped } = mapAppStorePage(missing, ctx);
		expect(mentions.map((m) => m.publishedAt)).toEqual(['2020-12-31T00:00:00.000Z']);
		expect(mentions[0].publishedAtEstimated).toBeUndefined();
		expect(skipped.map((s) => s.reason)).toEqual([
			'appstore: feed.entry[0].im:rating.label: expected "1"–"5", got "7"',
			'appstore: feed.entry[1].id.label: expected a review id, got nothing',
		]);
	});

	it('throws on bodies that are not a feed', () => {
		expect(() => mapAppStorePage({ errorMessage: 'x' }, ctx)).toThrow(
			'appstore: feed: expected an object, got nothing',
		);
		expect(() => mapAppStorePage('', ctx)).toThrow('appstore: body: empty body, expected JSON');
	});
});
