import { analyzeSentiment, detectLanguage } from '../../../core/scoring/sentiment';

const label = (text: string, lang: 'en' | 'fr' = 'en') => analyzeSentiment(text, lang).label;

describe('analyzeSentiment — English', () => {
	it('reads plain praise and plain criticism', () => {
		expect(label('Thank you so much, the crew was amazing!')).toBe('positive');
		expect(label('Worst airline ever, totally unacceptable.')).toBe('negative');
	});

	it('keeps questions and information requests neutral', () => {
		expect(label('What time does the lounge open at SFO?')).toBe('neutral');
		expect(label('Do you fly to Denver from Austin?')).toBe('neutral');
	});

	it('handles negation', () => {
		expect(label('The service was not good')).toBe('negative');
		expect(analyzeSentiment('not bad at all', 'en').raw).toBeGreaterThan(0);
	});

	it('treats complaint phrasing as negative', () => {
		expect(label('Still waiting for my bag, no one answers the phone')).toBe('negative');
		expect(label('been on hold for 2 hours')).toBe('negative');
		expect(analyzeSentiment('still waiting, no one answers', 'en').complaintTerms).toEqual(
			expect.arrayContaining(['still waiting', 'no one answers']),
		);
	});

	it('reads bare negations in customer traffic as a problem report', () => {
		expect(label("I can't check in and your website isn't working")).toBe('negative');
	});

	it('detects sarcasm', () => {
		const a = analyzeSentiment('Great, another delay. Thanks for nothing', 'en');
		expect(a.label).toBe('negative');
		const b = analyzeSentiment('great job losing my bag', 'en');
		expect(b.label).toBe('negative');
		expect(b.sarcasm).toBe(true);
		expect(label('awesome service... NOT!')).toBe('negative');
	});

	it('discounts courtesy in a complaint', () => {
		expect(label('Thanks, but my flight was cancelled and I am stranded')).toBe('negative');
	});

	it('uses intensifiers, capitals, elongation, emoji and emoticons', () => {
		const plain = analyzeSentiment('this is bad', 'en').raw;
		expect(analyzeSentiment('this is really bad', 'en').raw).toBeLessThan(plain);
		expect(analyzeSentiment('this is BAD', 'en').raw).toBeLessThan(plain);
		expect(analyzeSentiment('this is baaaad', 'en').raw).toBeLessThan(plain);
		expect(label('flight landed 😍')).toBe('positive');
		expect(label('flight landed :(')).toBe('negative');
		expect(label('I &lt;3 this crew')).toBe('positive');
	});

	it('reads hashtags made of several words', () => {
		expect(analyzeSentiment('#notcool', 'en').raw).toBeLessThan(0);
		expect(analyzeSentiment('#badservice', 'en').raw).toBeLessThan(0);
	});

	it('reads a hashtag that is a two-word expression as the expression', () => {
		// 'never again' is an expression (-3): before, 'never' negated 'again' and the tag read positive.
		expect(label('#neveragain')).toBe('negative');
		expect(analyzeSentiment('#neveragain', 'en').hits.map((h) => h.term)).toEqual(['neveragain']);
		expect(label('Flew with them last week #neveragain')).toBe('negative');
	});

	it('does not cut a three-letter sentiment word off the front of an unknown tag', () => {
		// '#warmweather' was read as 'war' (-2.9) + 'mweather'; a three-letter head now needs a known word after it.
		expect(analyzeSentiment('#warmweather', 'en').hits).toEqual([]);
		expect(label('landing in the sun #warmweather')).toBe('neutral');
		expect(analyzeSentiment('#badservice', 'en').hits.map((h) => h.term)).toEqual(['badservice']);
	});

	it('ignores URLs and @handles', () => {
		expect(analyzeSentiment('@united http://t.co/happy', 'en').hits).toEqual([]);
	});

	it('returns a bounded score and explains itself', () => {
		const a = analyzeSentiment('horrible horrible horrible terrible awful', 'en');
		expect(a.score).toBeGreaterThanOrEqual(-1);
		expect(a.score).toBeLessThan(-0.8);
		expect(a.hits.length).toBeGreaterThan(0);
		expect(a.hits.length).toBeLessThanOrEqual(6);
	});

	it('copes with empty text', () => {
		expect(analyzeSentiment('', 'en')).toMatchObject({ label: 'neutral', score: 0 });
	});
});

describe('analyzeSentiment — French', () => {
	it('reads praise and criticism', () => {
		expect(label('Super service, merci beaucoup !', 'fr')).toBe('positive');
		expect(label("C'est honteux, vraiment lamentable", 'fr')).toBe('negative');
	});

	it('handles ne … pas negation and elisions', () => {
		expect(label("Ce n'est pas acceptable", 'fr')).toBe('negative');
		expect(label("Je n'aime pas du tout", 'fr')).toBe('negative');
		expect(label('pas mal du tout', 'fr')).toBe('positive');
	});

	it('matches words written without accents and inflected forms', () => {
		expect(label('tres decu, service minable', 'fr')).toBe('negative');
		expect(label('les espèces menacées disparaissent', 'fr')).toBe('negative');
	});

	it('treats complaint phrasing as negative', () => {
		const a = analyzeSentiment('Remboursez-moi ! Personne ne répond et je suis toujours en attente', 'fr');
		expect(a.label).toBe('negative');
		expect(a.complaintTerms.length).toBeGreaterThan(0);
	});

	it('detects sarcasm and courtesy in complaints', () => {
		expect(label('Merci pour rien', 'fr')).toBe('negative');
		expect(label('Bravo, encore une panne', 'fr')).toBe('negative');
	});

	it('keeps neutral news neutral', () => {
		expect(label('Le conseil municipal se réunit jeudi à 18h', 'fr')).toBe('neutral');
	});
});

describe('analyzeSentiment — French rules that generalise', () => {
	const raw = (text: string) => analyzeSentiment(text, 'fr').raw;
	const terms = (text: string) => analyzeSentiment(text, 'fr').hits.map((h) => h.term);

	it('negates the word before a negator when spoken French drops the ne', () => {
		expect(label("Franchement, j'aime pas ce nouveau logo", 'fr')).toBe('negative');
		expect(label('Je supporte pas cette pub', 'fr')).toBe('negative');
	});

	it('negates whole expressions, not only single words', () => {
		expect(label("Ce n'est pas une bonne nouvelle pour le quartier", 'fr')).toBe('negative');
		expect(label("Ce n'était vraiment pas une bonne idée", 'fr')).toBe('negative');
	});

	it('reverses what a shifter reduces, fights or prevents', () => {
		expect(label('La mairie promet de réduire la pollution', 'fr')).toBe('positive');
		expect(label('La baisse du chômage se confirme', 'fr')).toBe('positive');
		expect(raw('Une association qui lutte contre la pauvreté')).toBeGreaterThan(0);
		expect(label('La nouvelle version est moins fiable', 'fr')).toBe('negative');
		expect(label("Le forfait est moins cher qu'avant", 'fr')).toBe('positive');
	});

	it('reads opposition and protest formulas', () => {
		expect(label('Non à la fermeture de la maternité', 'fr')).toBe('negative');
		expect(label('Une pétition contre le projet', 'fr')).toBe('negative');
	});

	it('finds third-group verb forms through the stemmer', () => {
		expect(label('Ils détruisent le quartier', 'fr')).toBe('negative');
		expect(label('Les élus mentent', 'fr')).toBe('negative');
		expect(label('Ils mentaient', 'fr')).toBe('negative');
	});

	it('does not read unrelated words as sentiment words', () => {
		// 'mariés' is not 'marre', 'sur' is not 'sûr', 'sa propre' is 'own', '#consommation' is not 'con'.
		expect(label('Trois élus ont été mariés', 'fr')).toBe('neutral');
		expect(terms('On passe sur le pont')).toEqual([]);
		expect(terms('Chacun défend sa propre opinion')).toEqual([]);
		expect(label('Une semaine de #consommation', 'fr')).toBe('neutral');
		expect(terms('Débat #politique ce soir')).toEqual([]);
	});

	it('reads praise next to a disaster after quel / quelle as sarcasm', () => {
		const a = analyzeSentiment('Quel beau gâchis', 'fr');
		expect(a.label).toBe('negative');
		expect(a.sarcasm).toBe(true);
	});

	it('knows common opinion words and idioms', () => {
		expect(label('Un discours affligeant', 'fr')).toBe('negative');
		expect(label('Une gestion irresponsable', 'fr')).toBe('negative');
		expect(label('Un spectacle fantastique', 'fr')).toBe('positive');
		expect(label('Un film sublime', 'fr')).toBe('positive');
		expect(label('Vous feriez mieux de vous taire', 'fr')).toBe('negative');
		expect(label('Le gouvernement nous ment', 'fr')).toBe('negative');
	});
});

describe('detectLanguage', () => {
	it('tells English from French', () => {
		expect(detectLanguage('My flight was cancelled and nobody is answering the phone')).toBe('en');
		expect(detectLanguage("Mon vol a été annulé et personne ne répond au téléphone")).toBe('fr');
	});

	it('answers null when unsure and other for other languages', () => {
		expect(detectLanguage('ok')).toBeNull();
		expect(detectLanguage('')).toBeNull();
		expect(detectLanguage('Mein Flug wurde gestrichen und niemand antwortet seit Stunden')).toBe('other');
		expect(detectLanguage('飛行機が遅れています')).toBe('other');
	});
});

describe('analyzeSentiment — spellings that take the slow look-up paths', () => {
	it('reads the same word whatever its spelling in the text', () => {
		// Plain ASCII words use the hash computed while scanning; capitals, curly apostrophes,
		// elongation, accents and hashtags are looked up from the built key instead.
		const plain = analyzeSentiment('the crew was rude', 'en');
		expect(plain.hits.map((h) => h.term)).toContain('rude');
		expect(analyzeSentiment('the crew was RUDE', 'en').raw).toBeLessThan(plain.raw);
		expect(analyzeSentiment('the crew was ruuuude', 'en').raw).toBeLessThan(0);
		expect(analyzeSentiment('the crew was #rude', 'en').raw).toBe(plain.raw);
		expect(analyzeSentiment('I can’t check in', 'en').raw).toBe(analyzeSentiment("I can't check in", 'en').raw);
		expect(analyzeSentiment('Service honteux', 'fr').raw).toBe(analyzeSentiment('Service HONTEUX', 'fr').raw / 1.25);
		expect(analyzeSentiment('Vol annulé', 'fr').raw).toBe(analyzeSentiment('Vol annule', 'fr').raw);
	});

	it('finds inflected forms through stems and expressions through the word trie', () => {
		expect(analyzeSentiment('so many delays', 'en').raw).toBeLessThan(0);
		expect(analyzeSentiment('my bag was damaged', 'en').raw).toBeLessThan(0);
		expect(analyzeSentiment('still waiting', 'en').complaintTerms).toEqual(['still waiting']);
		expect(analyzeSentiment("c'est n'importe quoi", 'fr').raw).toBeLessThan(0);
	});

	it('gives an inflected form its stem valence, whether precomputed or stemmed on the spot', () => {
		// 'annoyingly' is not in the lexicon: -ly then 'annoying'. Plain ASCII words use the
		// inflections precomputed with the lexicon; an elongated word is stemmed on the spot.
		const weight = (text: string, term: string) => analyzeSentiment(text, 'en').hits.find((h) => h.term === term)?.weight;
		const stem = weight('annoying', 'annoying') as number;
		expect(stem).toBeLessThan(0);
		expect(weight('the crew was annoyingly slow', 'annoyingly')).toBe(stem);
		expect(weight('Annoyingly', 'annoyingly')).toBe(stem);
		// 'delaysss' -> 'delayss' (elongated, so not precomputed): -s gives 'delays'.
		expect(weight('delaysss', 'delayss')).toBeCloseTo((weight('delays', 'delays') as number) * 1.15, 2);
		// Negators ending in n't are still found (only words with an apostrophe are checked).
		expect(analyzeSentiment("the food wasn't good", 'en').raw).toBeLessThan(0);
		expect(analyzeSentiment('the food wasn’t good', 'en').raw).toBe(analyzeSentiment("the food wasn't good", 'en').raw);
	});

	it('gives the same result when the same text is analysed again (scratch buffers are reset)', () => {
		const long = 'terrible '.repeat(400) + 'flight';
		const first = analyzeSentiment('Thanks, great crew :)', 'en');
		analyzeSentiment(long, 'en');
		expect(analyzeSentiment('Thanks, great crew :)', 'en')).toEqual(first);
	});
});
