import { THEMES, THEME_IDS } from '../../../core/scoring/themes';
import { detectThemes } from '../../../core/scoring/themeMatch';

const ids = (text: string) => detectThemes(text).map((m) => m.theme);

describe('detectThemes', () => {
	it('uses camelCase theme ids with a severity in 0..1', () => {
		for (const t of THEMES) {
			expect(t.id).toMatch(/^[a-z][a-zA-Z]+$/);
			expect(t.severity).toBeGreaterThan(0);
			expect(t.severity).toBeLessThanOrEqual(1);
		}
		expect(THEME_IDS).toEqual(expect.arrayContaining(['dataLeak', 'outage', 'recall', 'boycott', 'discrimination', 'fraud', 'injury']));
	});

	it('finds English themes', () => {
		expect(ids('Massive data breach: my passwords were leaked')).toContain('dataLeak');
		expect(ids('The app is down again, total outage')).toContain('outage');
		expect(ids('They issued a recall after listeria was found')).toContain('recall');
		expect(ids('Time to #boycott this brand')).toContain('boycott');
		expect(ids('The manager made racist remarks')).toContain('discrimination');
		expect(ids('This is a scam, I was charged twice')).toContain('fraud');
		expect(ids('My son was injured and taken to hospital')).toContain('injury');
	});

	it('finds French themes, with or without accents', () => {
		expect(ids('Fuite de données chez Orvia !')).toContain('dataLeak');
		expect(ids('fuite de donnees personnelles')).toContain('dataLeak');
		expect(ids('Le site est en panne depuis ce matin')).toContain('outage');
		expect(ids('Rappel conso : produit contaminé à la salmonelle')).toContain('recall');
		expect(ids('Appel à boycotter la marque')).toContain('boycott');
		expect(ids("C'est une arnaque, débité deux fois")).toContain('fraud');
		expect(ids('Mon fils a été hospitalisé après une intoxication alimentaire')).toContain('injury');
		expect(ids("Atterrissage d'urgence à Nice")).toContain('safety');
		expect(ids('Remboursez-moi, personne ne répond au service client')).toContain('customerService');
	});

	it('orders themes by severity and lists the terms found', () => {
		const found = detectThemes('data breach and the site is down, refund please');
		expect(found[0].theme).toBe('dataLeak');
		expect(found[0].terms).toContain('data breach');
		for (let k = 1; k < found.length; k++) expect(found[k - 1].severity).toBeGreaterThanOrEqual(found[k].severity);
	});

	it('finds nothing in ordinary text', () => {
		expect(ids('Lovely weather for a flight to Nice today')).toEqual([]);
		expect(ids('')).toEqual([]);
		// Ambiguous everyday words are not themes on their own.
		expect(ids('mort de rire, je recall ce film')).toEqual([]);
	});
});
