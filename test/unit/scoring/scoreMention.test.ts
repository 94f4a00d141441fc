import type { Mention } from '../../../core/mention/mention';
import { parseUpstreamSentiment, scoreMention } from '../../../core/scoring/scoreMention';

const NOW = '2026-03-05T11:00:00.000Z';

function mention(over: Partial<Mention> = {}): Mention {
	return {
		id: 'x:1',
		platform: 'x',
		source: 'x',
		nativeId: '1',
		url: null,
		publishedAt: '2026-03-05T09:00:00.000Z',
		title: null,
		text: 'Nice flight today',
		language: 'en',
		author: { id: null, handle: 'alice', name: null, url: null, followers: null, verified: false },
		engagement: { likes: 0, shares: 0, replies: 0, views: null },
		inReplyToId: null,
		rating: null,
		hashtags: [],
		...over,
	};
}

describe('scoreMention', () => {
	it('sums factor contributions into a 0-100 risk, each with a reason', () => {
		const s = scoreMention(
			mention({
				text: 'Data breach at Orvia: my personal data leaked. Unacceptable, still waiting for an answer!',
				author: { id: null, handle: 'bigvoice', name: null, url: null, followers: 250000, verified: true },
				engagement: { likes: 900, shares: 300, replies: 120, views: null },
			}),
			{},
			NOW,
		);
		expect(s.unscored).toBe(false);
		expect(s.language).toBe('en');
		expect(s.sentiment).toMatchObject({ label: 'negative', source: 'lexicon' });
		expect(s.themes).toContain('dataLeak');
		const sum = s.factors.reduce((a, f) => a + f.contribution, 0);
		expect(s.risk).toBe(Math.round(Math.min(100, sum)));
		expect(s.risk as number).toBeGreaterThan(70);
		for (const f of s.factors) expect(f.reason.length).toBeGreaterThan(5);
		expect(s.factors.map((f) => f.name)).toEqual(
			expect.arrayContaining(['sentiment', 'complaint', 'crisisVocabulary', 'reach', 'engagementVelocity']),
		);
		expect(s.reasons[0]).toMatch(/^risk \d+\/100/);
	});

	it('gives a low risk to a positive mention from a small account', () => {
		const s = scoreMention(mention({ text: 'Thanks for the great service, lovely crew!' }), {}, NOW);
		expect(s.sentiment?.label).toBe('positive');
		expect(s.risk).toBe(0);
	});

	it('computes engagement velocity per hour since publication', () => {
		const s = scoreMention(mention({ engagement: { likes: 100, shares: 50, replies: 50, views: 9999 } }), {}, NOW);
		const v = s.factors.find((f) => f.name === 'engagementVelocity');
		expect(v?.value).toBe(100); // 200 in 2 hours
		expect(v?.contribution).toBeGreaterThan(0);
	});

	it('adds no reach risk when followers are unknown', () => {
		const s = scoreMention(mention(), {}, NOW);
		const r = s.factors.find((f) => f.name === 'reach');
		expect(r?.contribution).toBe(0);
		expect(r?.reason).toMatch(/unknown/);
	});

	it('takes the language from the platform field first, then detection', () => {
		expect(scoreMention(mention({ language: 'fr-CA', text: 'Service honteux' }), {}, NOW).language).toBe('fr');
		const detected = scoreMention(mention({ language: null, text: "Le service client ne répond pas, c'est honteux" }), {}, NOW);
		expect(detected.language).toBe('fr');
		expect(detected.reasons.join(' ')).toMatch(/detected/);
	});

	it('marks unsupported or undetectable languages as unscored', () => {
		const de = scoreMention(mention({ language: 'de', text: 'Das ist eine Katastrophe' }), {}, NOW);
		expect(de).toMatchObject({ risk: null, unscored: true, sentiment: null, language: 'de' });
		expect(de.reasons[0]).toMatch(/unscored/);
		// No language from the platform and no evidence in the text: scored in the first scored language.
		const unknown = scoreMention(mention({ language: null, text: 'ok' }), {}, NOW);
		expect(unknown).toMatchObject({ unscored: false, language: 'en' });
		const spanish = scoreMention(mention({ language: null, text: 'Esto es una catástrofe, no funciona nada' }), {}, NOW);
		expect(spanish.unscored).toBe(true);
		const onlyFr = scoreMention(mention({ language: 'en' }), { supportedLanguages: ['fr'] }, NOW);
		expect(onlyFr.unscored).toBe(true);
	});

	it('uses an upstream sentiment instead of the lexicon and says so', () => {
		const s = scoreMention(
			mention({ text: 'Lovely day', language: 'en' }),
			{ upstreamSentiment: { field: 'sentimentAnalysis', value: { category: 'Negative', strength: 0.9 } } },
			NOW,
		);
		expect(s.sentiment).toEqual({ label: 'negative', score: -0.9, source: 'upstream', field: 'sentimentAnalysis' });
		expect(s.factors[0].reason).toMatch(/sentiment taken from sentimentAnalysis/);
		expect(s.risk as number).toBeGreaterThan(25);
	});

	it('scores an unsupported language when an upstream sentiment is given', () => {
		const s = scoreMention(mention({ language: 'de', text: 'schlecht' }), { upstreamSentiment: { field: 'sentiment', value: 'négatif' } }, NOW);
		expect(s.unscored).toBe(false);
		expect(s.sentiment?.label).toBe('negative');
	});

	it('falls back to the lexicon when the upstream value is not understood', () => {
		const s = scoreMention(mention({ text: 'worst service ever' }), { upstreamSentiment: { field: 'x.y', value: { foo: 1 } } }, NOW);
		expect(s.sentiment?.source).toBe('lexicon');
		expect(s.reasons.join(' ')).toMatch(/not understood/);
	});

	it('honours weights and review ratings', () => {
		const base = mention({ text: 'Terrible, unacceptable', rating: 1, platform: 'appstore' });
		const s = scoreMention(base, { weights: { sentiment: 0, rating: 20 } }, NOW);
		expect(s.factors.find((f) => f.name === 'sentiment')?.contribution).toBe(0);
		expect(s.factors.find((f) => f.name === 'rating')?.contribution).toBe(20);
	});

	it('reads the title with the text', () => {
		const s = scoreMention(mention({ title: 'Product recall announced', text: 'Details inside' }), {}, NOW);
		expect(s.themes).toContain('recall');
	});
});

describe('scoreMention — reasons text', () => {
	it('writes the numbers of the reasons exactly as the factor values', () => {
		const s = scoreMention(
			mention({
				text: 'Flight delayed again, still waiting for my bag. Worst service ever!',
				author: { id: null, handle: 'bob', name: null, url: null, followers: 1234567, verified: false },
				engagement: { likes: 12345, shares: 7, replies: 3, views: null },
			}),
			{},
			NOW,
		);
		const byName = Object.fromEntries(s.factors.map((f) => [f.name, f]));
		expect(byName.sentiment.reason).toContain(`score ${s.sentiment?.score}`);
		expect(byName.reach.reason).toBe('author @bob has 1.2M followers');
		expect(byName.engagementVelocity.reason).toBe('12k likes, shares and replies in 2 h: 6177.5 per hour');
		const top = [...s.factors].sort((a, b) => b.contribution - a.contribution)[0];
		expect(s.reasons[0]).toContain(`, mainly from ${top.name} (+${top.contribution})`);
		for (const h of byName.sentiment.reason.matchAll(/'([^']+)' ([+-][\d.]+)/g)) {
			expect(Number(h[2])).not.toBeNaN();
		}
	});

	it('reads publication times in any form Date.parse accepts', () => {
		const iso = scoreMention(mention({ engagement: { likes: 10, shares: 0, replies: 0, views: null } }), {}, NOW);
		const offset = scoreMention(
			mention({ publishedAt: '2026-03-05T10:00:00+01:00', engagement: { likes: 10, shares: 0, replies: 0, views: null } }),
			{},
			NOW,
		);
		const short = scoreMention(
			mention({ publishedAt: '2026-03-05T09:00:00Z', engagement: { likes: 10, shares: 0, replies: 0, views: null } }),
			{},
			NOW,
		);
		const v = (x: typeof iso) => x.factors.find((f) => f.name === 'engagementVelocity');
		expect(v(iso)?.value).toBe(5);
		expect(v(offset)?.value).toBe(5);
		expect(v(short)?.value).toBe(5);
		const bad = scoreMention(mention({ publishedAt: '2026-02-30T25:00:00Z' }), {}, NOW);
		expect(v(bad)?.reason).toMatch(/unreadable/);
	});
});

describe('scoreMention — remembered texts', () => {
	it('writes the same reason texts whether or not a number was seen before (remembered texts)', () => {
		const cases: Array<[number | null, boolean, number, string]> = [
			[0, false, 0, 'author @alice has 0 followers'],
			[999, true, 3, 'author @alice has 999 followers and is verified'],
			[9999, true, 4, 'author @alice has 9999 followers and is verified'],
			[10_000, false, 7, 'author @alice has 10k followers'],
			[999_499, true, 1, 'author @alice has 999k followers and is verified'],
			[999_999, false, 12, 'author @alice has 1000k followers'],
			[1_234_567, false, 2, 'author @alice has 1.2M followers'],
			[12.5, false, 5, 'author @alice has 12.5 followers'],
		];
		for (let round = 0; round < 2; round++) {
			for (const [followers, verified, likes, reach] of cases) {
				const s = scoreMention(
					mention({
						text: 'The flight was delayed again, terrible service',
						author: { id: null, handle: 'alice', name: null, url: null, followers, verified },
						engagement: { likes, shares: 0, replies: 0, views: null },
					}),
					{},
					NOW,
				);
				const byName = Object.fromEntries(s.factors.map((f) => [f.name, f]));
				expect(byName.reach.reason).toBe(reach);
				expect(byName.engagementVelocity.reason).toBe(likes > 0 ? `${likes} likes, shares and replies in 2 h: ${String(Math.round((likes / 2) * 10) / 10)} per hour` : 'no engagement yet');
				expect(byName.sentiment.reason).toMatch(/^sentiment from the built-in lexicon: negative, score -0\.\d+ \('/);
				expect(s.reasons[0]).toMatch(/^risk \d+\/100, mainly from sentiment \(\+\d+(\.\d)?\)/);
			}
		}
	});
});

describe("scoreMention › detail 'summary'", () => {
	it('leaves factors empty and keeps everything else, for every kind of mention', () => {
		const cases: Mention[] = [
			mention({ text: 'Orvia leaked my data, still waiting for a refund, disgusting', author: { id: null, handle: 'bob', name: null, url: null, followers: 250000, verified: true }, engagement: { likes: 900, shares: 300, replies: 40, views: null } }),
			mention({ text: 'Nice flight today' }),
			mention({ text: 'Produit reçu cassé, remboursez-moi', language: 'fr', rating: 1 }),
			mention({ text: 'Das ist ein ganz normaler Text auf Deutsch über das Wetter heute', language: null }),
		];
		for (const m of cases) {
			const full = scoreMention(m, {}, NOW);
			const lean = scoreMention(m, { detail: 'summary' }, NOW);
			expect(lean.factors).toEqual([]);
			expect({ ...lean, factors: [] }).toEqual({ ...full, factors: [] });
		}
		expect(scoreMention(cases[0], {}, NOW).factors.length).toBeGreaterThan(3);
	});
});

describe('parseUpstreamSentiment', () => {
	const p = (value: unknown, range?: '-1..1' | '0..1') => parseUpstreamSentiment({ field: 'f', value, range });

	it('reads labels in English and French, any case', () => {
		expect(p('Positive')?.label).toBe('positive');
		expect(p('NEGATIVE')?.label).toBe('negative');
		expect(p('neutral')?.label).toBe('neutral');
		expect(p('négatif')?.label).toBe('negative');
		expect(p('neutre')?.label).toBe('neutral');
		expect(p('Very negative')?.label).toBe('negative');
	});

	it('reads numbers in -1..1 or 0..1', () => {
		expect(p(-0.7)).toMatchObject({ label: 'negative', score: -0.7 });
		expect(p(0.2)?.label).toBe('positive');
		expect(p(0.1, '0..1')).toMatchObject({ label: 'negative', score: -0.8 });
		expect(p(0.5, '0..1')?.label).toBe('neutral');
		expect(p(3)).toBeNull();
		expect(p('0.8')?.label).toBe('positive');
	});

	it("reads n8n's Sentiment Analysis node output and classifier outputs", () => {
		expect(p({ sentimentAnalysis: { category: 'Negative', strength: 0.9 } })).toMatchObject({ label: 'negative', score: -0.9 });
		expect(p({ category: 'Positive', strength: 0.4 })).toMatchObject({ label: 'positive', score: 0.4 });
		expect(p({ label: 'NEGATIVE', score: 0.98 })).toMatchObject({ label: 'negative', score: -0.98 });
		expect(p({ compound: -0.5 })?.label).toBe('negative');
		expect(p({ nothing: true })).toBeNull();
		expect(p(null)).toBeNull();
	});
});
