import { mapMastodonPage } from '../../../core/sources/mastodon/mapMastodon';
import tagPage from '../../fixtures/mastodon/timelinesTag.page1.json';
import tagPage2 from '../../fixtures/mastodon/timelinesTag.page2.json';
import tagEmpty from '../../fixtures/mastodon/timelinesTag.emptyPage.json';
import tagMissing from '../../fixtures/mastodon/timelinesTag.missingFields.json';
import rateLimited from '../../fixtures/mastodon/timelinesTag.rateLimited.json';
import unauthorized from '../../fixtures/mastodon/timelinesTag.unauthorized.json';
import search from '../../fixtures/mastodon/search.page1.json';
import searchEmpty from '../../fixtures/mastodon/search.emptyPage.json';
import thread from '../../fixtures/mastodon/statusContext.thread.json';
import repliesPage from './fixtures/mastodon/timelinesTag.replies.json';
import rootStatus from './fixtures/mastodon/status.root.json';
import { assertValidMentions, ctx } from './assertMentions';

const social = { ...ctx, instance: 'mastodon.social' };

describe('mapMastodonPage', () => {
	it('maps the documented status: HTML stripped, reach from the account', () => {
		const { mentions, skipped, cursor } = mapMastodonPage(tagPage, social);
		expect(skipped).toEqual([]);
		assertValidMentions(mentions);
		const m = mentions[0];
		expect(m.id).toBe('mastodon:https://mastodon.social/users/Gargron/statuses/103270115826048975');
		expect(m.source).toBe('mastodon:mastodon.social');
		expect(m.url).toBe('https://mastodon.social/@Gargron/103270115826048975');
		expect(m.text).toBe(
			'"I lost my inheritance with one wrong digit on my sort code"\n\nhttps://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code',
		);
		expect(m.language).toBe('en');
		expect(m.author).toEqual({
			id: 'mastodon:Gargron@mastodon.social',
			handle: 'Gargron@mastodon.social',
			name: 'Eugen',
			url: 'https://mastodon.social/@Gargron',
			followers: 322930,
			verified: false,
		});
		expect(m.engagement).toEqual({ likes: 11, shares: 8, replies: 5, views: null });
		expect(cursor.newestId).toBe('103270115826048975');
		expect(cursor.oldestId).toBe('103270115826048975');
	});

	it('compares big-int ids by length then lexically, maps boosts to the boosted status', () => {
		const { mentions, cursor } = mapMastodonPage(tagPage2, {
			...ctx,
			instance: 'https://piaille.fr/',
		});
		assertValidMentions(mentions);
		expect(cursor.newestId).toBe('113270115826048999');
		expect(cursor.oldestId).toBe('99999999999999999');
		const fr = mentions[0];
		expect(fr.text).toBe(
			"Fuite de données chez #Orvia : l'appli m'a envoyé un mail « incident ».\n\nQui d'autre ?",
		);
		expect(fr.language).toBe('fr');
		expect(fr.hashtags).toEqual(['orvia']);
		expect(fr.author.handle).toBe('camille@piaille.fr');
		expect(fr.source).toBe('mastodon:piaille.fr');
		const cw = mentions[1];
		expect(cw.text).toBe('CW: data leak\n\nolder id, shorter string');
		expect(cw.language).toBeNull();
		expect(cw.author.followers).toBeNull();
		expect(cw.author.handle).toBe('bob@piaille.fr');
		const boost = mentions[2];
		expect(boost.nativeId).toBe(
			'https://piaille.fr/users/origin@mastodon.social/statuses/113270115826048970',
		);
		expect(boost.author.handle).toBe('origin@mastodon.social');
		expect(boost.hashtags).toEqual(['orvialeak']);
	});

	it('maps v2 search answers and keeps the hashtag history', () => {
		const { mentions, cursor } = mapMastodonPage(search, social);
		expect(mentions).toHaveLength(1);
		expect(cursor.hashtagHistory[0].name).toBe('nowplaying');
		expect(cursor.hashtagHistory[0].history[0]).toEqual({
			day: '1574553600',
			uses: 200,
			accounts: 31,
		});
		expect(mapMastodonPage(searchEmpty, social).mentions).toEqual([]);
		expect(mapMastodonPage(tagEmpty, social).cursor.newestId).toBeNull();
	});

	it('skips invalid dates, missing accounts and ids that lost precision', () => {
		const { mentions, skipped, cursor } = mapMastodonPage(tagMissing, social);
		expect(skipped.map((s) => s.reason)).toEqual([
			'mastodon: statuses[0].created_at: expected an RFC3339 date, got "2026-13-45T99:00:00Z"',
			'mastodon: statuses[1].account: expected an object, got nothing',
			expect.stringMatching(
				/^mastodon: statuses\[2\]\.id: numeric id 103270115826048980 is beyond 2\^53/,
			),
		]);
		expect(mentions.map((m) => m.nativeId)).toEqual([
			'https://mastodon.social/users/Gargron/statuses/103270115826048976',
		]);
		expect(cursor.newestId).toBe('103270115826048976');
	});

	it('throws on error bodies', () => {
		expect(() => mapMastodonPage(rateLimited.body, social)).toThrow(
			'mastodon: body: API error Too many requests',
		);
		expect(() => mapMastodonPage(unauthorized.body, social)).toThrow(
			'mastodon: body: API error This API requires an authenticated user',
		);
		expect(() => mapMastodonPage(42, social)).toThrow(
			'mastodon: body: expected an array of statuses, got number 42',
		);
	});

	describe('inReplyToId (in_reply_to_id is instance-local)', () => {
		const fosstodon = { ...ctx, instance: 'fosstodon.org' };
		const ALICE = 'mastodon:https://mastodon.social/users/alice/statuses/113000000000000200';
		const ROOT = 'https://fosstodon.org/users/orvia/statuses/113000000000000100';

		it('a reply whose parent is on the page points at the parent Mention id (its uri), not a local id', () => {
			const { mentions } = mapMastodonPage(repliesPage, fosstodon);
			assertValidMentions(mentions);
			const bob = mentions.find((m) => m.author.handle === 'bob@fosstodon.org');
			const alice = mentions.find((m) => m.author.handle === 'alice@mastodon.social');
			expect(alice?.id).toBe(ALICE);
			expect(bob?.inReplyToId).toBe(ALICE);
			expect(bob?.inReplyToId).toBe(alice?.id);
			// alice replies to 113000000000000100, which is not on the page: unknown, never a guess.
			expect(alice?.inReplyToId).toBeNull();
		});

		it('ctx.knownStatuses resolves parents beyond the page (the root of a thread)', () => {
			const root = mapMastodonPage([rootStatus], fosstodon).mentions[0];
			expect(root.nativeId).toBe(ROOT);
			const { mentions } = mapMastodonPage(thread.descendants, {
				...fosstodon,
				knownStatuses: { '113000000000000100': root.nativeId },
			});
			expect(mentions.map((m) => [m.author.handle, m.inReplyToId])).toEqual([
				['alice@mastodon.social', root.id],
				['bob@fosstodon.org', ALICE],
			]);
		});

		it('a status without uri is known by <host>:<local id>, the id its Mention gets; top-level statuses stay null', () => {
			const parent = { ...rootStatus, uri: undefined };
			const reply = {
				...thread.descendants[0],
				id: '113000000000000201',
				uri: 'https://fosstodon.org/users/alice/statuses/113000000000000201',
				in_reply_to_id: 113000000000000,
			};
			const parentAsNumber = { ...parent, id: 113000000000000 };
			const { mentions } = mapMastodonPage([parentAsNumber, reply], fosstodon);
			expect(mentions[0].id).toBe('mastodon:fosstodon.org:113000000000000');
			expect(mentions[0].inReplyToId).toBeNull();
			expect(mentions[1].inReplyToId).toBe(mentions[0].id);
			expect(mapMastodonPage(tagPage, social).mentions.every((m) => m.inReplyToId === null)).toBe(true);
		});
	});
});
