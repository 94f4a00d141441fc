import {
	parseQuery,
	matchesQuery,
	toXQuery,
	toRedditQuery,
	toHnQuery,
	toMastodonQuery,
	toBlueskyQuery,
	toYoutubeQuery,
} from '../../../core/sources/query';
import { SourceQueryError } from '../../../core/sources/errors';
import type { Mention } from '../../../core/mention/mention';

function mention(over: Partial<Mention> = {}): Mention {
	return {
		id: 'x:1',
		platform: 'x',
		source: 'x',
		nativeId: '1',
		url: null,
		publishedAt: '2026-03-05T09:14:00.000Z',
		title: null,
		text: '',
		language: null,
		author: {
			id: null,
			handle: 'someone',
			name: null,
			url: null,
			followers: null,
			verified: false,
		},
		engagement: { likes: 0, shares: 0, replies: 0, views: null },
		inReplyToId: null,
		rating: null,
		hashtags: [],
		...over,
	};
}

describe('parseQuery', () => {
	it('normalises comma-separated fields and lists', () => {
		expect(
			parseQuery({
				keywords: 'Orvia, "service client", orvia , Orvia App',
				hashtags: ['#OrviaLeak', 'rgpd'],
				accounts: '@orvia_support, Orvia@mastodon.social',
				exclusions: 'job offer, -recrutement, @orvia_jobs',
				languages: 'fr-FR, en, und',
			}),
		).toEqual({
			keywords: ['Orvia'],
			phrases: ['service client', 'Orvia App'],
			hashtags: ['orvialeak', 'rgpd'],
			accounts: ['orvia_support', 'orvia@mastodon.social'],
			exclusions: ['job offer', 'recrutement'],
			excludedAccounts: ['orvia_jobs'],
			languages: ['fr', 'en'],
		});
	});
});

describe('matchesQuery', () => {
	const q = parseQuery({
		keywords: ['orvia', 'fuite'],
		phrases: ['service client'],
		hashtags: ['OrviaLeak'],
		accounts: ['orvia_support'],
		exclusions: ['offre d’emploi', 'recrutement'],
		languages: ['fr', 'en'],
	});

	it('is case- and accent-insensitive and respects word boundaries', () => {
		expect(matchesQuery(mention({ text: 'Grosse FUITE chez ORVÏA !' }), q)).toBe(true);
		expect(matchesQuery(mention({ text: 'Le Service   Client ne répond pas' }), q)).toBe(true);
		expect(matchesQuery(mention({ text: 'orvianews is unrelated, fuites too' }), q)).toBe(false);
		expect(matchesQuery(mention({ title: 'Orvia', text: '' }), q)).toBe(true);
	});

	it('matches hashtags and accounts', () => {
		expect(matchesQuery(mention({ hashtags: ['orvialeak'] }), q)).toBe(true);
		expect(matchesQuery(mention({ text: 'lol #OrviaLeak' }), q)).toBe(true);
		expect(
			matchesQuery(mention({ author: { ...mention().author, handle: 'Orvia_Support' } }), q),
		).toBe(true);
		expect(matchesQuery(mention({ text: 'hey @orvia_support?' }), q)).toBe(true);
		expect(matchesQuery(mention({ text: 'nothing here' }), q)).toBe(false);
	});

	it('applies exclusions (typographic apostrophes too) and languages; unknown language passes', () => {
		expect(matchesQuery(mention({ text: "Orvia: offre d'emploi à Lyon" }), q)).toBe(false);
		expect(matchesQuery(mention({ text: 'Orvia Recrutement' }), q)).toBe(false);
		expect(matchesQuery(mention({ text: 'Orvia fuite', language: 'de' }), q)).toBe(false);
		expect(matchesQuery(mention({ text: 'Orvia fuite', language: null }), q)).toBe(true);
		const excl = parseQuery({ keywords: 'orvia', exclusions: '@orvia_jobs' });
		expect(
			matchesQuery(
				mention({ text: 'orvia', author: { ...mention().author, handle: 'orvia_jobs' } }),
				excl,
			),
		).toBe(false);
	});

	it('matches a Mastodon handle with or without its domain', () => {
		const m = parseQuery({ accounts: 'orvia' });
		expect(
			matchesQuery(
				mention({ author: { ...mention().author, handle: 'orvia@mastodon.social' } }),
				m,
			),
		).toBe(true);
		const d = parseQuery({ accounts: 'orvia@piaille.fr' });
		expect(
			matchesQuery(
				mention({ author: { ...mention().author, handle: 'orvia@mastodon.social' } }),
				d,
			),
		).toBe(false);
	});

	it('with no positive term, keeps everything not excluded', () => {
		expect(matchesQuery(mention({ text: 'anything' }), parseQuery({ exclusions: 'spam' }))).toBe(
			true,
		);
		expect(matchesQuery(mention({ text: 'spam!' }), parseQuery({ exclusions: 'spam' }))).toBe(
			false,
		);
	});
});

describe('query builders', () => {
	const q = parseQuery({
		keywords: 'Orvia',
		phrases: 'service client',
		hashtags: 'OrviaLeak',
		accounts: 'orvia_support',
		exclusions: 'recrutement, "offre emploi"',
		languages: 'fr',
	});

	it('builds X queries', () => {
		expect(toXQuery(q)).toBe(
			'(Orvia OR "service client" OR #orvialeak OR from:orvia_support OR @orvia_support) -recrutement -"offre emploi" lang:fr -is:retweet',
		);
		expect(
			toXQuery(parseQuery({ keywords: 'a', languages: 'fr,en' }), { excludeRetweets: false }),
		).toBe('a (lang:fr OR lang:en)');
		expect(() => toXQuery(parseQuery({ exclusions: 'x' }))).toThrow(
			new SourceQueryError('x', 'needs at least one keyword, phrase, hashtag or account'),
		);
		const long = parseQuery({ keywords: Array.from({ length: 80 }, (_, i) => `keyword${i}`) });
		expect(() => toXQuery(long)).toThrow(
			/^x: query: is \d+ characters, the API accepts at most 512/,
		);
	});

	it('builds Reddit, HN, Mastodon, Bluesky and YouTube queries', () => {
		expect(toRedditQuery(q)).toBe(
			'(Orvia OR "service client" OR orvialeak OR author:orvia_support) NOT recrutement NOT "offre emploi"',
		);
		expect(toHnQuery(q)).toEqual([
			{ query: 'Orvia -recrutement -"offre emploi"', tags: null },
			{ query: '"service client" -recrutement -"offre emploi"', tags: null },
			{ query: 'orvialeak -recrutement -"offre emploi"', tags: null },
			{ query: '-recrutement -"offre emploi"', tags: 'author_orvia_support' },
		]);
		expect(
			toMastodonQuery(parseQuery({ hashtags: 'a,b,c,d,e', keywords: 'orvia', languages: 'fr' })),
		).toEqual({
			tagTimelines: [
				{ tag: 'a', any: ['b', 'c', 'd'] },
				{ tag: 'e', any: [] },
			],
			searches: ['orvia language:fr'],
		});
		expect(toBlueskyQuery(q)).toEqual([
			{ q: 'Orvia', lang: 'fr', tag: [] },
			{ q: '"service client"', lang: 'fr', tag: [] },
			{ q: '#orvialeak', lang: 'fr', tag: ['orvialeak'] },
			{ q: 'from:orvia_support', lang: 'fr', tag: [] },
		]);
		expect(toYoutubeQuery(q)).toBe(
			'Orvia|"service client"|#orvialeak -recrutement -"offre emploi"',
		);
		expect(() => toYoutubeQuery(parseQuery({ accounts: 'x' }))).toThrow(
			/^youtube: query: needs at least one keyword/,
		);
	});
});
