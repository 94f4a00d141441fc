import { mapXPage } from '../../../core/sources/x/mapX';
import { parseJsonPreservingBigInts } from '../../../core/sources/json';
import page1 from '../../fixtures/x/searchRecent.page1.json';
import page2 from '../../fixtures/x/searchRecent.page2.json';
import tweepy from '../../fixtures/x/searchRecent.tweepyPage.json';
import empty from '../../fixtures/x/searchRecent.emptyPage.json';
import missing from '../../fixtures/x/searchRecent.missingFields.json';
import unauthorized from '../../fixtures/x/searchRecent.unauthorized.json';
import rateLimited from '../../fixtures/x/searchRecent.rateLimited.json';
import usageCap from '../../fixtures/x/searchRecent.usageCapExceeded.json';
import serverError from '../../fixtures/x/searchRecent.serverError.json';
import invalidQuery from '../../fixtures/x/searchRecent.invalidQuery.json';
import { assertValidMentions, ctx } from './assertMentions';

describe('mapXPage', () => {
	it('maps the documented example with the users expansion', () => {
		const { mentions, skipped, cursor } = mapXPage(page1, ctx);
		expect(skipped).toEqual([]);
		assertValidMentions(mentions);
		const m = mentions[0];
		expect(m.id).toBe('x:1234567890123456789');
		expect(m.url).toBe('https://x.com/pythondev/status/1234567890123456789');
		expect(m.author.handle).toBe('pythondev');
		expect(m.author.id).toBe('x:9876543210');
		expect(m.engagement).toEqual({ likes: 42, shares: 6, replies: 2, views: null });
		expect(cursor.newestId).toBe('1234567890123456789');
		expect(cursor.nextToken).toBeNull();
	});

	it('maps reach, language, replies, hashtags, long posts and keeps partial errors', () => {
		const { mentions, skipped, cursor } = mapXPage(page2, ctx);
		expect(skipped).toEqual([]);
		assertValidMentions(mentions);
		const [fr, und, long] = mentions;
		expect(fr.author.followers).toBe(48200);
		expect(fr.author.name).toBe('Camille');
		expect(fr.language).toBe('fr');
		expect(fr.text).toContain('#RGPD & toujours');
		expect(fr.hashtags).toEqual(['orvia', 'rgpd']);
		expect(fr.inReplyToId).toBe('x:1897000000000000001');
		expect(fr.engagement).toEqual({ likes: 800, shares: 150, replies: 45, views: 54000 });
		expect(und.language).toBeNull();
		expect(und.author.verified).toBe(true);
		expect(long.text).toBe(
			'Orvia breach: long post with the full text beyond 280 characters, kept in note_tweet.',
		);
		expect(long.author.handle).toBe('999');
		expect(long.author.followers).toBeNull();
		expect(long.url).toBe('https://x.com/i/web/status/1897000000000000004');
		expect(cursor.newestId).toBe('1897000000000000004');
		expect(cursor.oldestId).toBe('1897000000000000002');
		expect(cursor.nextToken).toBe('b26v89c19zqg8o3fpe17t0lx6d3h5vfkkyr');
		expect(cursor.partialErrors).toEqual(['Could not find user with id: [999].']);
	});

	it('skips tweets without date or with ids rounded by JSON.parse', () => {
		const { mentions, skipped } = mapXPage(missing, ctx);
		expect(skipped.map((s) => s.reason)).toEqual([
			'x: data[0].created_at: expected an ISO date (request tweet.fields=created_at), got "not a date"',
			expect.stringMatching(/^x: data\[1\]\.id: numeric id 1897000000000000000 is beyond 2\^53/),
			'x: data[4]: expected an object, got null',
		]);
		expect(mentions.map((m) => m.nativeId)).toEqual(['1897000000000000012', '1897000000000000013']);
		expect(mentions[0].author).toEqual({
			id: null,
			handle: 'unknown',
			name: null,
			url: null,
			followers: null,
			verified: false,
		});
	});

	it('keeps every digit of ids beyond 2^53 when the body arrives as text', () => {
		const text =
			'{"data":[{"id":1897000000000000003,"text":"t","created_at":"2026-03-05T09:14:00.000Z","author_id":2244994945123456789}],' +
			'"includes":{"users":[{"id":2244994945123456789,"username":"big"}]},"meta":{"result_count":1}}';
		const { mentions, cursor } = mapXPage(text, ctx);
		expect(mentions[0].id).toBe('x:1897000000000000003');
		expect(mentions[0].author.handle).toBe('big');
		expect(cursor.newestId).toBe('1897000000000000003');
		expect(
			parseJsonPreservingBigInts(
				'{"a":"12345678901234567890","b":12345678901234567890,"c":-12345678901234567,"d":1.5e20,"e":123}',
			),
		).toEqual({
			a: '12345678901234567890',
			b: '12345678901234567890',
			c: '-12345678901234567',
			d: 1.5e20,
			e: 123,
		});
	});

	it('dates the tweepy cassette (default fields: no created_at) from the Snowflake ids, and maps an empty page', () => {
		const { mentions, skipped, cursor } = mapXPage(tweepy, ctx);
		expect(skipped).toEqual([]);
		expect(mentions).toHaveLength(10);
		// tweepy's test bot writes its clock in the text; the id says X stored it 115 ms later
		expect(mentions[0].publishedAt).toBe('2022-10-07T22:42:12.752Z');
		expect(mentions[0].text).toBe('2022-10-07 22:42:12.637103 tweepy');
		expect(mentions[0].author.handle).toBe('unknown');
		expect(cursor.newestId).toBe('1578516068309794817');
		expect(cursor.nextToken).toBe('b26v89c19zqg8o3fpzbn1e0ffhxjiofzw6po136rvbnul');
		expect(mapXPage(empty, ctx)).toEqual({
			mentions: [],
			skipped: [],
			cursor: {
				newestId: null,
				oldestId: null,
				nextToken: null,
				resultCount: 0,
				newestPublishedAt: null,
				partialErrors: [],
			},
		});
	});

	it('throws on problem bodies', () => {
		expect(() => mapXPage(unauthorized.body, ctx)).toThrow('x: body: API error 401 Unauthorized');
		expect(() => mapXPage(rateLimited.body, ctx)).toThrow(
			'x: body: API error 429 Too Many Requests',
		);
		expect(() => mapXPage(usageCap.body, ctx)).toThrow(
			'x: body: API error UsageCapExceeded: Usage cap exceeded: Monthly product cap',
		);
		expect(() => mapXPage(serverError.body, ctx)).toThrow(
			'x: body: API error 503 Service Unavailable',
		);
		expect(() => mapXPage(invalidQuery.body, ctx)).toThrow(
			'x: body: API error Invalid Request: One or more parameters',
		);
	});
});
