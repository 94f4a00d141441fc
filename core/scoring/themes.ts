/**
 * Crisis vocabulary by theme, English and French, hand-built for Crisis Kit (MIT).
 *
 * A theme is found when one of its terms appears as whole words (one to four words,
 * compared lower-case and without accents, so 'fuite de données' matches 'fuite de
 * donnees'). Each theme has a severity in 0..1 that the per-mention risk uses.
 * Matching runs inside the sentiment token pass: the analyser is given `THEME_INDEX`
 * explicitly (see `TextAnalyzer`), and the first word of each term sits in the same
 * look-up table as the sentiment words, so a text is tokenized once for both.
 * `themeMatch.ts` turns what a pass found into matches.
 */
import { stripAccents } from './sentiment/lexicon/fr';

export type ThemeId =
	| 'dataLeak'
	| 'outage'
	| 'recall'
	| 'boycott'
	| 'discrimination'
	| 'fraud'
	| 'injury'
	| 'safety'
	| 'layoffs'
	| 'misconduct'
	| 'legal'
	| 'environment'
	| 'misinformation'
	| 'offensiveContent'
	| 'delays'
	| 'pricing'
	| 'customerService';

export interface ThemeDefinition {
	id: ThemeId;
	/** Plain-words name used in reasons. */
	label: string;
	/** 0..1: how much a mention on this theme weighs in the risk. */
	severity: number;
	/** English and French terms (accents optional in the text). */
	terms: string[];
}

export const THEMES: readonly ThemeDefinition[] = [
	{
		id: 'dataLeak',
		label: 'data leak',
		severity: 1,
		terms: [
			'data leak', 'data leaks', 'data breach', 'breach', 'breached', 'leaked', 'leaked data', 'hacked', 'hacker',
			'hackers', 'ransomware', 'cyberattack', 'cyber attack', 'personal data', 'passwords', 'password leak',
			'credit card numbers', 'exposed data', 'data exposed', 'phishing', 'fuite de données', 'fuite de donnees',
			'fuite des données', 'données personnelles', 'données piratées', 'piratage', 'piraté', 'piratée', 'pirates',
			'cyberattaque', 'rançongiciel', 'hameçonnage', 'mots de passe', 'violation de données',
		],
	},
	{
		id: 'outage',
		label: 'outage',
		severity: 0.6,
		terms: [
			'outage', 'outages', 'is down', 'still down', 'down again', 'went down', 'site down', 'app down', 'offline',
			'not working', "isn't working", 'doesnt work', "doesn't work", 'stopped working', 'crash', 'crashed',
			'crashes', 'crashing', 'cant log in', "can't log in", 'cannot log in', "can't login", 'service interruption',
			'downtime', 'error 500', 'panne', 'en panne', 'pannes', 'ne marche pas', 'ne marche plus', 'ne fonctionne pas',
			'ne fonctionne plus', 'hors service', 'indisponible', 'inaccessible', 'coupure', 'plantage',
			'bug', 'bugs', 'bugge', 'impossible de se connecter',
		],
	},
	{
		id: 'recall',
		label: 'product recall',
		severity: 0.9,
		terms: [
			'recalled', 'recalls', 'product recall', 'recall notice', 'voluntary recall', 'issued a recall', 'recalling', 'safety recall', 'withdrawn from sale', 'contaminated',
			'listeria', 'salmonella', 'e coli', 'defective', 'rappel de produit', 'procède au rappel', 'rappel massif', 'rappel produit',
			'rappel conso', 'rappelé', 'rappelés', 'retiré de la vente', 'retirés de la vente', 'retrait du marché',
			'contaminé', 'contaminés', 'salmonelle', 'défectueux', 'défectueuse',
		],
	},
	{
		id: 'boycott',
		label: 'boycott',
		severity: 0.8,
		terms: [
			'boycott', 'boycotting', 'boycotted', 'stop buying', 'never buying', 'never buy', 'never again', 'delete your app',
			'cancel my subscription', 'cancelled my subscription', 'switching to', 'boycotter', 'boycottez', 'boycottons',
			'plus jamais', 'je résilie', 'résilier', 'désabonnement', 'désinstaller',
		],
	},
	{
		id: 'discrimination',
		label: 'discrimination',
		severity: 0.9,
		terms: [
			'racist', 'racism', 'sexist', 'sexism', 'discrimination', 'discriminated', 'discriminatory', 'homophobic',
			'transphobic', 'misogyny', 'misogynist', 'antisemitic', 'islamophobic', 'hate speech', 'raciste', 'racisme',
			'sexiste', 'sexisme', 'homophobe', 'homophobie', 'transphobe', 'discriminé', 'discriminée', 'discriminatoire',
			'misogyne', 'antisémite', 'islamophobe', 'propos haineux',
		],
	},
	{
		id: 'fraud',
		label: 'fraud',
		severity: 0.9,
		terms: [
			'fraud', 'fraudulent', 'scam', 'scammed', 'scammers', 'ripoff', 'rip off', 'charged twice', 'double charged',
			'unauthorized charge', 'unauthorised charge', 'stole my money', 'stolen money', 'fraude', 'frauduleux',
			'arnaque', 'arnaqué', 'arnaqués', 'escroquerie', 'escroc', 'escrocs', 'débité deux fois', 'prélevé deux fois',
			'prélèvement non autorisé', 'vol de données bancaires',
		],
	},
	{
		id: 'injury',
		label: 'injury or death',
		severity: 1,
		terms: [
			'injured', 'injury', 'injuries', 'hospital', 'hospitalized', 'hospitalised', 'died', 'death', 'deaths', 'killed',
			'burned', 'burns', 'allergic reaction', 'food poisoning', 'poisoned', 'blessé', 'blessée', 'blessés', 'blessure',
			'hôpital', 'hospitalisé', 'hospitalisée', 'urgences', 'décès', 'décédé', 'morts', 'est mort', 'est morte', 'tué', 'brûlé',
			'brûlure', 'intoxication', 'intoxication alimentaire', 'intoxiqué', 'réaction allergique',
		],
	},
	{
		id: 'safety',
		label: 'safety hazard',
		severity: 0.9,
		terms: [
			'unsafe', 'dangerous', 'hazard', 'explosion', 'exploded', 'smoke', 'emergency landing', 'toxic',
			'caught fire', 'overheating', 'danger', 'dangereux', 'dangereuse', 'incendie', 'explosé', 'fumée', 'toxique',
			"atterrissage d'urgence", 'prend feu', 'a pris feu', 'surchauffe', 'mise en danger',
		],
	},
	{
		id: 'layoffs',
		label: 'layoffs or strike',
		severity: 0.6,
		terms: [
			'layoffs', 'layoff', 'laid off', 'job cuts', 'redundancies', 'strike', 'walkout', 'mass firing',
			'licenciement', 'licenciements', 'plan social', 'grève', 'grévistes', 'suppression de postes',
			'suppressions de postes', "suppressions d'emplois", 'fermeture du site', "fermeture d'usine",
		],
	},
	{
		id: 'misconduct',
		label: 'misconduct',
		severity: 0.8,
		terms: [
			'harassment', 'harassed', 'sexual harassment', 'misconduct', 'abuse', 'abused', 'bribery', 'corruption',
			'cover up', 'cover-up', 'metoo', 'harcèlement', 'harcelé', 'harcelée', 'abus', 'corruption', 'pot-de-vin',
			'pots-de-vin', 'balancetonporc', 'agression', 'agressé', 'agressée', 'maltraitance',
		],
	},
	{
		id: 'legal',
		label: 'legal action',
		severity: 0.7,
		terms: [
			'lawsuit', 'sue', 'suing', 'sued', 'class action', 'lawyer', 'attorney', 'regulator', 'investigation',
			'fined', 'porter plainte', 'plainte', 'procès', 'tribunal', 'avocat', 'action collective', 'amende',
			'ouvre une enquête', 'enquête judiciaire', 'enquête ouverte', 'mise en examen', 'dgccrf', 'cnil',
		],
	},
	{
		id: 'environment',
		label: 'environmental damage',
		severity: 0.6,
		terms: [
			'oil spill', 'pollution', 'polluting', 'toxic waste', 'greenwashing', 'deforestation', 'marée noire',
			'polluer', 'pollue', 'pollué', 'déchets toxiques', 'déforestation', 'écoblanchiment',
		],
	},
	{
		id: 'misinformation',
		label: 'misinformation',
		severity: 0.6,
		terms: [
			'fake news', 'misinformation', 'disinformation', 'hoax', 'misleading', 'false advertising', 'lies', 'lying',
			'désinformation', 'fausse information', 'fausses informations', 'infox', 'mensonge', 'mensonges',
			'publicité mensongère', 'trompeur', 'trompeuse',
		],
	},
	{
		id: 'offensiveContent',
		label: 'offensive content',
		severity: 0.7,
		terms: [
			'offensive', 'offensive ad', 'tasteless', 'bad taste', 'insulting', 'outrageous ad', 'tone deaf', 'tone-deaf',
			'offensant', 'offensante', 'choquant', 'choquante', 'de mauvais goût', 'insultant', 'insultante',
			'pub choquante', 'publicité choquante',
		],
	},
	{
		id: 'delays',
		label: 'delays and cancellations',
		severity: 0.4,
		terms: [
			'delayed', 'delay', 'delays', 'cancelled', 'canceled', 'cancellation', 'late flight', 'stranded', 'missed connection',
			'retard', 'retards', 'en retard', 'retardé', 'annulé', 'annulée', 'annulation', 'annulations', 'bloqués',
			'correspondance ratée',
		],
	},
	{
		id: 'pricing',
		label: 'pricing',
		severity: 0.3,
		terms: [
			'overpriced', 'price hike', 'price increase', 'hidden fees', 'overcharged', 'too expensive', 'rip-off',
			'trop cher', 'hausse des prix', 'augmentation des prix', 'hausse de prix', 'frais cachés', 'surfacturé',
			'surfacturation', 'hors de prix',
		],
	},
	{
		id: 'customerService',
		label: 'customer service',
		severity: 0.3,
		terms: [
			'customer service', 'on hold', 'no answer', 'no one answers', 'nobody answers', 'no response', 'still waiting',
			'refund', 'refunds', 'hung up', 'support ticket', 'service client', 'service clients', 'remboursement',
			'remboursez', 'rembourser', 'personne ne répond', 'aucune réponse', 'pas de réponse', 'toujours en attente',
			'sav', 'service après-vente', 'hotline', 'réclamation',
		],
	},
];

export const THEME_IDS: readonly ThemeId[] = THEMES.map((t) => t.id);

export interface ThemeMatch {
	theme: ThemeId;
	label: string;
	severity: number;
	/** The terms found, as written in the vocabulary. */
	terms: string[];
}

const ELISION = /^(?:l|d|j|n|s|t|c|m|qu|jusqu|lorsqu|puisqu)'/;

/** Splits a vocabulary term the way the tokenizer splits text (accents stripped, elisions dropped). */
function termWords(term: string): string[] {
	return stripAccents(term.toLowerCase().replace(/\u2019/g, "'"))
		.split(/[^a-z0-9']+/)
		.map((w) => w.replace(ELISION, '').replace(/^'+|'+$/g, ''))
		.filter((w) => w.length > 0);
}

/** A theme term whose first word was just seen: the words that must follow. */
export interface ThemeCandidate {
	theme: string;
	/** The theme's position in `THEMES` (what the pass's `ThemeFinds` records). */
	index: number;
	term: string;
	rest: string[];
}

/** First word of each theme term -> the terms starting with it and the words that must follow. */
export type ThemeIndex = ReadonlyMap<string, ThemeCandidate[]>;

function buildThemeIndex(): ThemeIndex {
	const idx = new Map<string, ThemeCandidate[]>();
	for (let index = 0; index < THEMES.length; index++) {
		const theme = THEMES[index];
		for (const term of theme.terms) {
			const words = termWords(term);
			if (words.length === 0) continue;
			const cand: ThemeCandidate = { theme: theme.id, index, term, rest: words.slice(1) };
			const firsts = new Set([words[0], term.toLowerCase().split(/[^a-zà-ÿœæ0-9']+/)[0].replace(ELISION, '')]);
			for (const first of firsts) {
				if (!first) continue;
				const list = idx.get(first) ?? [];
				list.push(cand);
				idx.set(first, list);
			}
		}
	}
	return idx;
}

/** The crisis vocabulary as the analyser reads it (built once, at import; never changed). */
export const THEME_INDEX: ThemeIndex = buildThemeIndex();
