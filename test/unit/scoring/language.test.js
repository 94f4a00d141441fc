// JavaScript on purpose: it reads the test set in test/fixtures/language with fs.
const fs = require('fs');
const path = require('path');
const { detectLanguage } = require('../../../core/scoring/language');
const { scoreMention } = require('../../../core/scoring/scoreMention');
const { mapRssPage } = require('../../../core/sources/rss/mapRss');

const NOW = '2026-03-05T11:00:00.000Z';
const FIXTURES = path.join(__dirname, '../../fixtures/language');
const lines = (name) =>
	fs
		.readFileSync(path.join(FIXTURES, name), 'utf8')
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);

function untagged(text, over = {}) {
	return {
		id: 'rss:1',
		platform: 'rss',
		source: 'rss:news.example',
		nativeId: '1',
		url: null,
		publishedAt: '2026-03-05T09:00:00.000Z',
		title: null,
		text,
		language: null,
		author: { id: null, handle: 'news.example', name: null, url: null, followers: null, verified: false },
		engagement: { likes: 0, shares: 0, replies: 0, views: null },
		inReplyToId: null,
		rating: null,
		hashtags: [],
		...over,
	};
}

const scoredShare = (texts) => texts.filter((t) => scoreMention(untagged(t), {}, NOW).risk !== null).length / texts.length;

describe('language of short untagged texts (test set in test/fixtures/language)', () => {
	const en = lines('en.txt');
	const fr = lines('fr.txt');
	const other = lines('other.txt');

	it('holds at least 40 texts of 3-12 words per group', () => {
		for (const group of [en, fr, other]) {
			expect(group.length).toBeGreaterThanOrEqual(40);
			for (const t of group) {
				const words = t.split(/\s+/).length;
				expect(words).toBeGreaterThanOrEqual(3);
				expect(words).toBeLessThanOrEqual(12);
			}
		}
	});

	it('scores >= 95% of the English headlines', () => {
		expect(scoredShare(en)).toBeGreaterThanOrEqual(0.95);
	});

	it('scores >= 95% of the French headlines', () => {
		expect(scoredShare(fr)).toBeGreaterThanOrEqual(0.95);
	});

	it('leaves >= 95% of the clearly other-language texts unscored', () => {
		expect(1 - scoredShare(other)).toBeGreaterThanOrEqual(0.95);
	});

	it('never takes an English or French headline for another language', () => {
		for (const t of [...en, ...fr]) expect([t, detectLanguage(t)]).not.toEqual([t, 'other']);
	});

	it('detects French when French words or accents lean that way', () => {
		const detected = fr.map((t) => detectLanguage(t));
		expect(detected.filter((d) => d === 'fr').length / fr.length).toBeGreaterThanOrEqual(0.9);
		expect(detected).not.toContain('en');
	});
});

describe('detectLanguage', () => {
	it('says en / fr / other / null', () => {
		expect(detectLanguage('Why is my account locked again?')).toBe('en');
		expect(detectLanguage("Pourquoi mon compte est-il bloqué depuis hier ?")).toBe('fr');
		expect(detectLanguage('¿Por qué mi cuenta está bloqueada?')).toBe('other');
		expect(detectLanguage('Warum ist mein Konto gesperrt?')).toBe('other');
		expect(detectLanguage('Orvia leak: regulator asks questions')).toBe('en');
		expect(detectLanguage('Zentra outage hits northern towns overnight')).toBeNull();
		expect(detectLanguage('#OrviaLeak #DataBreach')).toBeNull();
		expect(detectLanguage('')).toBeNull();
		expect(detectLanguage('オルヴィアの情報漏えい')).toBe('other');
	});

	it('is linear on long hostile input', () => {
		const t0 = Date.now();
		expect(['en', 'fr', 'other', null]).toContain(detectLanguage("l'".repeat(200000) + 'é'.repeat(200000)));
		expect(Date.now() - t0).toBeLessThan(2000);
	});
});

describe('untagged mentions', () => {
	it('scores the issue example from an RSS feed without a language tag', () => {
		const xml =
			'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>https://news.example/</link>' +
			'<item><title>Orvia leak: regulator asks questions</title><link>https://news.example/a</link>' +
			'<guid>a</guid><pubDate>Thu, 05 Mar 2026 09:00:00 GMT</pubDate></item></channel></rss>';
		const page = mapRssPage(xml, { fetchedAt: NOW });
		expect(page.mentions).toHaveLength(1);
		const m = page.mentions[0];
		expect(m.language).toBeNull();
		const s = scoreMention(m, {}, NOW);
		expect(s.unscored).toBe(false);
		expect(s.risk).not.toBeNull();
		expect(s.language).toBe('en');
		expect(s.reasons.join(' ')).toMatch(/language 'en' detected from the text/);
	});

	it('falls back to the first scored language when the text does not tell', () => {
		const text = 'Zentra outage hits northern towns overnight';
		const en = scoreMention(untagged(text), {}, NOW);
		expect(en).toMatchObject({ unscored: false, language: 'en' });
		expect(en.reasons.join(' ')).toMatch(/first scored language/);
		const fr = scoreMention(untagged(text), { supportedLanguages: ['fr', 'en'] }, NOW);
		expect(fr).toMatchObject({ unscored: false, language: 'fr' });
	});

	it('leaves a text clearly in another language unscored, and says why', () => {
		const s = scoreMention(untagged('Filtración de datos en Orvia: el regulador pide explicaciones'), {}, NOW);
		expect(s.risk).toBeNull();
		expect(s.unscored).toBe(true);
		expect(s.reasons[0]).toMatch(/language other than English or French/);
	});

	it('adds no sentiment risk to a neutral post built from complaint-frequent words', () => {
		const s = scoreMention(untagged('I should call Orvia today, been meaning to open an account', { platform: 'x', language: 'en' }), {}, NOW);
		expect(s.sentiment.label).toBe('neutral');
		expect(s.factors.find((f) => f.name === 'sentiment').contribution).toBe(0);
	});
});
