import type { Mention } from '../../../core/mention/mention';
import { createTextAnalyzer, scoreMention } from '../../../core/scoring/scoreMention';
import { lexiconFor } from '../../../core/scoring/sentiment/compileLexicon';
import { THEME_INDEX } from '../../../core/scoring/themes';

/**
 * The text analyser owns its scratch (issue 13): passes on two analysers do not touch each
 * other's results, and the theme vocabulary is given explicitly, so the order in which the
 * modules are first loaded cannot switch theme matching off.
 */
describe('TextAnalyzer', () => {
	it('matches themes when the analyser module is loaded before anything else of scoring', () => {
		jest.isolateModules(() => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const { TextAnalyzer } = require('../../../core/scoring/sentiment/analyzer');
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const { THEME_INDEX, THEMES } = require('../../../core/scoring/themes');
			const pass = new TextAnalyzer(THEME_INDEX).analyze('Huge data breach, my account was hacked', 'en', true);
			const found: string[] = [];
			for (let k = 0; k < pass.themes.count; k++) found.push(THEMES[pass.themes.order[k]].id);
			expect(found).toEqual(['dataLeak']);
		});
	});

	it('keeps one analyser’s result while another analyser runs a pass', () => {
		const a = createTextAnalyzer();
		const b = createTextAnalyzer();
		const first = a.analyze('This is awful, still waiting for my refund', 'en', true);
		const label = first.label;
		const score = first.score;
		const complaints = first.complaintTerms.slice(0, first.complaintCount);
		b.analyze('What a wonderful day, thank you so much!', 'en', true);
		expect(label).toBe('negative');
		expect(first.label).toBe(label);
		expect(first.score).toBe(score);
		expect(first.complaintTerms.slice(0, first.complaintCount)).toEqual(complaints);
		expect(first.themes.count).toBeGreaterThan(0);
	});

	it('scores the same with a batch analyser as without one', () => {
		const mention = (i: number, text: string): Mention => ({
			id: `x:${i}`,
			platform: 'x',
			source: 'test',
			nativeId: String(i),
			url: null,
			publishedAt: '2026-03-05T10:00:00.000Z',
			title: null,
			text,
			language: null,
			author: { id: null, handle: 'someone', name: null, url: null, followers: 1200 * i, verified: false },
			engagement: { likes: 3 * i, shares: i, replies: 0, views: null },
			inReplyToId: null,
			rating: null,
			hashtags: [],
		}) as unknown as Mention;
		const texts = ['Data leak again?! #boycott', 'Merci pour la réponse rapide', 'Le site est en panne depuis ce matin', 'great, another delay'];
		const analyzer = createTextAnalyzer();
		const now = '2026-03-05T12:00:00.000Z';
		for (let i = 0; i < texts.length; i++) {
			expect(scoreMention(mention(i, texts[i]), {}, now, analyzer)).toEqual(scoreMention(mention(i, texts[i]), {}, now));
		}
	});
});

describe('stem memo (French forms stemmed once)', () => {
	it('answers a form the same way before and after it is remembered', () => {
		const a = createTextAnalyzer();
		const first = a.analyze('Les clients sont furieux, service honteusement lent', 'fr', false);
		const raw = first.raw;
		const again = a.analyze('Les clients sont furieux, service honteusement lent', 'fr', false);
		expect(again.raw).toBe(raw);
		expect(raw).toBeLessThan(0);
	});

	it('stays bounded whatever the traffic (emptied at 50,000 words)', () => {
		const a = createTextAnalyzer();
		const words: string[] = [];
		for (let k = 0; k < 60000; k++) words.push(`zorbé${k.toString(36)}ments`);
		for (let k = 0; k < words.length; k += 500) a.analyze(words.slice(k, k + 500).join(' '), 'fr', false);
		const size = lexiconFor('fr', THEME_INDEX).stemMemo.size;
		expect(size).toBeGreaterThan(0);
		expect(size).toBeLessThanOrEqual(50000);
	});
});
