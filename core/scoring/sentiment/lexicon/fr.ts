/**
 * French lexicon, hand-built for Crisis Kit (MIT, like the package): general opinion
 * words, customer-complaint vocabulary ('remboursez', 'honteux', 'toujours en attente'),
 * and the vocabulary of bad news (menace, victime, pollution, scandale) that drives
 * public criticism. Valences use the same -4..+4 scale as the English lexicon.
 *
 * Entries are written with accents for readability; keys are stored without accents and
 * words are looked up without accents, so tweets written without accents still match.
 * Lemmas only (masculine singular, infinitive): `frenchStem` maps inflected forms back.
 */
import type { LanguageLexicon } from './types';

const FR_WORDS: Record<string, number> = {
	// Strong criticism and insults.
	honteux: -3, honte: -2.8, honteusement: -2.8, scandale: -2.8, scandaleux: -3, inadmissible: -3, inacceptable: -3,
	intolérable: -2.8, insupportable: -2.6, lamentable: -2.8, minable: -2.8, pitoyable: -2.8, pathétique: -2.6,
	nul: -2.5, nulle: -2.5, nullité: -2.6, horrible: -3, horreur: -2.8, catastrophe: -2.8, catastrophique: -3,
	désastre: -2.8, désastreux: -2.8, déplorable: -2.6, dégueulasse: -3, dégoûtant: -2.8, dégoût: -2.6, dégoûter: -2.4,
	écœurant: -2.8, écœuré: -2.6, ignoble: -3, immonde: -3, abject: -3, odieux: -2.8, révoltant: -2.8, révolté: -2.2,
	atroce: -3, affreux: -2.8, épouvantable: -3, merde: -2.6, merdique: -2.8, pourri: -2.6, pourrir: -2, arnaque: -3,
	arnaquer: -2.8, arnaqueur: -3, escroquerie: -3, escroc: -3, escroquer: -3, voleur: -2.8, mensonge: -2.4,
	menteur: -2.8, mentir: -2.2, tromper: -2, trahir: -2.6, trahison: -2.8, haine: -3, haïr: -2.8, détester: -2.8,
	connard: -3.2, con: -2.2, conne: -2.2, connerie: -2.6, débile: -2.6, stupide: -2.4, idiot: -2.4, crétin: -2.8,
	abruti: -2.8, imbécile: -2.8, putain: -1.6, ptn: -1.6, bordel: -1.8, foutre: -1.8, foutage: -2.8, fdp: -3,
	pire: -2.6, mauvais: -2, mal: -1.4, malheureux: -2, malheureusement: -1.6, triste: -2, tristesse: -2.2,
	déçu: -2.4, décevant: -2.4, déception: -2.4, décevoir: -2.2, colère: -2.2, furieux: -2.6, énervé: -2.2,
	énervant: -2.2, agacé: -2, agaçant: -2, marre: -2.6, chiant: -2.4, saoulant: -2.2, galère: -2, galérer: -2,
	raté: -2, rater: -1.8, échec: -2.2, échouer: -2, fiasco: -2.6, flop: -2, gâchis: -2.4, gâcher: -2.2,
	ridicule: -2.2, ridiculiser: -2, absurde: -2, grotesque: -2.4, aberrant: -2.6, aberration: -2.6, inutile: -2,
	incompétent: -2.6, incompétence: -2.8, médiocre: -2.2, moche: -2, laid: -2, injuste: -2.4, injustice: -2.6,
	mépris: -2.6, mépriser: -2.4, méprisant: -2.6, arrogant: -2.2, arrogance: -2.2, hypocrite: -2.4, hypocrisie: -2.4,
	démagogie: -2, démago: -2, manipuler: -2, manipulation: -2.2, propagande: -2, bidon: -2.2, foutaise: -2.6,
	bêtise: -2, ânerie: -2.2, sottise: -2, stupidité: -2.4, honni: -2, insulte: -2.6, insulter: -2.4, injure: -2.6,
	raciste: -3, racisme: -3, sexiste: -2.8, sexisme: -2.8, homophobe: -3, antisémite: -3, xénophobe: -3,
	dérape: -1.8, déraper: -1.8, dérapage: -2, dérive: -1.8, délire: -1.2, pff: -1.4, pfff: -1.6, bof: -1.2,
	beurk: -2.4, berk: -2.2, grr: -1.6, argh: -1.4, zut: -1.2, snif: -1.8, ouin: -1.4, hélas: -1.8, dommage: -1.6,
	// Feelings.
	peur: -2, effrayant: -2.4, effrayer: -2, terrible: -2.4, angoisse: -2.4, angoissant: -2.4,
	inquiétant: -2.2, inquiéter: -1.6, inquiétude: -1.8, inquiet: -1.8, alarmer: -1.8, alarmant: -2.4, désolé: -1.2,
	déprimant: -2.6, déprimé: -2.4, déprime: -2.2, désespéré: -2.6, désespoir: -2.8, désespérant: -2.6, malheur: -2.4,
	pénible: -2, fatigué: -1.4, fatigant: -1.6, épuisé: -1.6, ennuyeux: -1.8, ennui: -1.6, dépité: -2, amer: -1.4,
	choqué: -2.2, choquant: -2.4, consterné: -2.4, consternant: -2.6, outré: -2.4, indigné: -2.4, indignation: -2.4,
	scandalisé: -2.8, vexé: -1.8, blasé: -1.2, frustré: -2.2, frustrant: -2.4, frustration: -2.2, stress: -1.6,
	stressant: -1.8, pleurer: -1.8, larme: -1.2, souffrir: -2.2, souffrance: -2.4, douleur: -2,
	// Service failures and complaint vocabulary.
	problème: -1.5, souci: -1.2, panne: -2, bug: -1.8, bugger: -1.8, beuguer: -1.8, buggé: -1.8, erreur: -1.5,
	retard: -1.8, retardé: -1.8, annulé: -1.7, annulation: -1.6, annuler: -1.1, attente: -1, attendre: -0.5,
	perdu: -1.6, perdre: -1.4, perte: -1.8, cassé: -1.8, casser: -1.6, défectueux: -2.2, endommagé: -2, abîmé: -1.8,
	sale: -1.8, saleté: -2, cher: -0.6, coûteux: -1.2, ruineux: -2, surfacturé: -2.4, facturé: -0.8,
	rembourser: -0.8, remboursez: -2.4, remboursement: -0.8, réclamation: -1.8, plainte: -1.8, plaindre: -1.6,
	bloqué: -1.6, bloquer: -1.2, coincé: -1.8, refuser: -1.5, refus: -1.6, ignorer: -1.2, négliger: -1.6,
	injoignable: -2.4, inexistant: -2, lent: -1.4, lenteur: -1.8, interminable: -2.2, incapable: -2.4,
	inefficace: -2.2, défaillance: -2.2, dysfonctionnement: -2, avarie: -1.8, rupture: -1.4, grève: -1.2,
	// Harm, danger, bad news.
	danger: -2, dangereux: -2.4, menace: -2, menacer: -1.9, risque: -1.2, risquer: -1.2, risqué: -1.4, grave: -1.6,
	gravement: -1.8, crise: -2, victime: -2.2, mort: -2.4, mourir: -2.4, décès: -2.2, décéder: -2.2, tuer: -2.8,
	meurtre: -3, assassiner: -3, assassin: -3, assassinat: -3, blessé: -2.2, blesser: -2.2, blessure: -2.2,
	accident: -2, drame: -2.6, dramatique: -2.6, tragique: -2.8, tragédie: -2.8, malade: -1.8, maladie: -1.8,
	toxique: -2.2, pollution: -2, polluer: -2, pollué: -2, polluant: -1.6, contaminé: -2.2, contamination: -2.2,
	destruction: -2.6, détruire: -2.6, détruit: -2.6, ravager: -2.4, ravage: -2.4, saccage: -2.6, saccager: -2.6,
	dégradation: -2, dégrader: -1.8, déclin: -1.8, disparition: -1.6, extinction: -2, recul: -1.5, reculer: -1.2,
	abandon: -1.4, abandonner: -1.4, faillite: -2.6, chômage: -2, chômeur: -1.5, licenciement: -2.2, licencier: -2.2,
	polémique: -1.5, controverse: -1.4, dénoncer: -1.8, accuser: -1.8, accusation: -2, condamner: -2, condamnation: -2,
	critiquer: -1.4, reprocher: -1.6, protester: -1.5, boycott: -2.2, boycotter: -2.2, fraude: -2.8, frauder: -2.8,
	corruption: -2.8, corrompu: -2.8, illégal: -2.2, abus: -2.2, abuser: -2.2, abusif: -2.4, discrimination: -2.6,
	discriminer: -2.6, inégalité: -1.6, sanction: -1.4, punir: -1.8, punitif: -1.8, attaque: -1.8, attaquer: -1.8,
	agression: -2.6, agresser: -2.6, violence: -2.6, violent: -2.2, guerre: -2.4, terroriste: -2.8, terrorisme: -2.8,
	massacre: -3, massacrer: -3, braconnage: -2.2, abattage: -1.6, gaspillage: -2.2, gaspiller: -2,
	inertie: -1.4, immobilisme: -1.8, injustifiable: -2.6, injustifié: -2.2, inondation: -2, sécheresse: -1.8,
	incendie: -2, famine: -2.6, pénurie: -2, dette: -1.2, dégât: -2, nuire: -2, nuisible: -2,
	nocif: -2.2, néfaste: -2.4, fuite: -1.4, piratage: -2.2, pirater: -2.2, piraté: -2.4, vulnérabilité: -1.8,
	hausse: -0.3, baisse: -0.3, chute: -1.2, effondrer: -2.2, effondrement: -2.4, effondré: -2.2, déficit: -1.4,
	tabou: -0.8, fake: -1.8, faux: -1.2, mensonger: -2.4, trompeur: -2.2, sinistre: -2, noir: -0.4, enterrer: -1.4,
	étrangement: -0.6, douter: -1, doute: -0.8, malédiction: -2.2, fléau: -2.4, calamité: -2.6, cauchemar: -2.6,
	taxer: -0.8, racket: -2.6, racketter: -2.6, raquer: -1.8, lutter: -0.4, peine: -1, difficile: -1.2,
	difficulté: -1.4, compliqué: -1, inquiétante: -2.2,
	// Praise, satisfaction, good news.
	bon: 1.5, bonne: 1.5, bien: 1, mieux: 1.5, meilleur: 2.2, excellent: 3, super: 2.4, génial: 3, géniale: 3,
	formidable: 3, magnifique: 3, merveilleux: 3, merveille: 2.8, superbe: 3, parfait: 2.8, parfaitement: 2, top: 2,
	extra: 2, chouette: 2.2, cool: 1.8, sympa: 2, sympathique: 2, agréable: 2.2, beau: 2, belle: 2, joli: 2,
	adorer: 3, aimer: 2.2, amour: 2.6, adorable: 2.6, heureux: 2.6, heureusement: 1.4, content: 2.2, ravi: 2.6,
	satisfait: 2, satisfaction: 2, satisfaisant: 1.8, fier: 2.2, fierté: 2.2, joie: 2.8, bonheur: 3, plaisir: 2.5,
	drôle: 1.5, marrant: 1.6, mdr: 1.4, lol: 1.2, haha: 1.2, hihi: 1.2, xd: 1.6, merci: 2, remercier: 2, bravo: 2.8,
	félicitations: 3, féliciter: 2.6, réussite: 2.5, réussir: 2.2, réussi: 2.2, succès: 2.5, gagner: 1.8, victoire: 2.2,
	gagnant: 1.8, champion: 2, efficace: 2, efficacité: 1.8, performant: 2, performance: 1.2, innovant: 2.2,
	innovation: 1.8, innover: 1.8, novateur: 2.2, révolutionner: 1.6, solution: 1.4, résoudre: 1.4, résolu: 1.4,
	progrès: 2, progresser: 1.5, amélioration: 1.8, améliorer: 1.6, avancée: 1.8, développer: 0.5, développement: 0.5,
	soutenir: 1.5, soutien: 1.8, aider: 1, aide: 0.6, protéger: 1.5, protection: 1.2, sauver: 1.8, sauvetage: 1.6,
	préserver: 1.5, espoir: 2, espérer: 1.2, optimiste: 2, confiance: 1.8, fiable: 2, sûr: 0.8, sécurité: 0.6,
	gratuit: 1.2, économiser: 1.2, gain: 1.2, bénéfice: 1.2, avantage: 1.5, opportunité: 1.8, chance: 1.6,
	favorable: 1.8, positif: 2, intéressant: 1.8, passionnant: 2.5, enthousiaste: 2.5, enthousiasme: 2.4,
	impressionnant: 2.2, incroyable: 1.8, exceptionnel: 2.8, remarquable: 2.5, brillant: 2.5, génie: 2, talent: 2,
	talentueux: 2.4, compétent: 2, professionnel: 1.4, rapide: 1.2, rapidement: 0.8, facile: 1.5, facilement: 1.2,
	pratique: 1.2, utile: 1.8, accueillir: 1.2, accueil: 0.8, accueillant: 2, gentil: 2.2, aimable: 2, poli: 1.2,
	souriant: 2, bienvenue: 2, bienvenu: 2, célébrer: 2, fête: 1.8, fêter: 2, honneur: 2, honorer: 2, primé: 2,
	récompense: 2, récompenser: 2, trophée: 1.8, valoriser: 1.5, promouvoir: 1.2, vive: 1.8, hâte: 1.8, youpi: 2.6,
	yes: 1.6, nickel: 2.2, impeccable: 2.6, kiffer: 2.6, kif: 2.4, classe: 1.6, idéal: 2, idéale: 2, propre: 1.2,
	juste: 0.4, respect: 1.6, respecter: 1.2, respectueux: 2, engagé: 1, engagement: 0.8,
	partenaire: 1, partenariat: 1.2, partage: 1, partager: 0.8, solidaire: 1.8, solidarité: 1.8, dignité: 1.6,
	prospérité: 2, inspirant: 2.4, attractif: 1.8, abordable: 1.6, rentable: 1.4, satisfaite: 2, magique: 2.4,
	ensemble: 0.4, premier: 0.3, record: 0.8, nouveau: 0.4, nouvelle: 0.4, créer: 0.6, création: 0.8, lancer: 0.4,
	ouvert: 0.6, découvrir: 0.8, découverte: 1, cadeau: 2, gagné: 1.8, sexy: 2, chic: 1.8, volupté: 2.2, luxe: 1,
	calme: 1, beauté: 2.4, paix: 2, libre: 1.4, liberté: 1.8, vrai: 0.5, vérité: 1, sincère: 2, courage: 1.8,
	courageux: 2.2, sain: 1.6, santé: 0.6, vivant: 1, vie: 0.4, rire: 1.6, sourire: 2, accord: 0.8, adopter: 0.8,
	valider: 1, approuver: 1.4, saluer: 1.6, applaudir: 2.2, chaleureux: 2.2, précieux: 2, primordial: 1.2,
	essentiel: 0.8, important: 0.6, bisou: 2.2, bise: 1.8, câlin: 2.2,
};

/** Intensifiers (> 0) and softeners (< 0). */
const FR_BOOSTERS: Record<string, number> = {
	très: 0.3, trop: 0.3, vraiment: 0.3, tellement: 0.3, hyper: 0.35, ultra: 0.35, extrêmement: 0.35,
	complètement: 0.3, totalement: 0.3, absolument: 0.3, vachement: 0.3, carrément: 0.3, particulièrement: 0.2,
	profondément: 0.3, énormément: 0.35, fortement: 0.3, franchement: 0.2, sérieusement: 0.2, tout: 0.1,
	super: 0.3, si: 0.15, aussi: 0.05, plus: 0.1,
	peu: -0.5, légèrement: -0.3, plutôt: -0.1, presque: -0.2, moyennement: -0.4, assez: 0.05,
};

/** Words that invert what follows in the clause ('ne … pas' is seen through 'ne' and 'pas'). */
const FR_NEGATORS = ['ne', "n'", 'pas', 'jamais', 'rien', 'aucun', 'aucune', 'sans', 'ni', 'guère', 'nullement', 'non', 'nan', 'nop'];

/** Multi-word expressions. Elided words are written glued to the next word (`n'importe`). */
const FR_PHRASES: Record<string, number> = {
	"n'importe quoi": -2.4, 'pas mal': 1.6, 'pas de souci': 1.2, 'pas de soucis': 1.2, 'pas de problème': 1.2,
	'sans souci': 1, 'sans problème': 1.2, 'pas terrible': -1.8, 'pas top': -1.8, 'pas génial': -1.8,
	'toujours pas': -1.8, 'toujours rien': -2.2, 'toujours en attente': -2.6, 'en attente': -1.4,
	'attends toujours': -2.4, 'attend toujours': -2.4, 'attendons toujours': -2.4, 'personne ne répond': -2.8,
	'personne ne': -1.2, 'aucune réponse': -2.4, 'pas de réponse': -2.2, 'sans réponse': -2.2, 'aucun retour': -2.2,
	'pas de retour': -2, 'aucune nouvelle': -2, 'service client': -0.3, 'merci pour rien': -3, 'merci de rien': -0.5,
	'en avoir marre': -2.6, 'ras le bol': -2.8, 'ça suffit': -2.2, 'foutage de gueule': -3, 'ta gueule': -2.8,
	'ferme ta gueule': -3, 'se moque': -2, 'se moquent': -2, 'vous moquez': -2.4, 'fout de': -2.4, 'foutent de': -2.4,
	'foutez de': -2.6, 'à chier': -3, 'de la merde': -3, 'encore une fois': -1, 'plus jamais': -2.8, 'jamais plus': -2.6,
	'trop bien': 2.8, 'trop cool': 2.6, 'au top': 2.6, 'bonne nouvelle': 2.6, 'bonne idée': 2.2, 'bon courage': 1.4,
	'coup de coeur': 2.6, 'coup de cœur': 2.6, 'chapeau bas': 2.6, 'grâce à': 0.8, 'merci beaucoup': 2.6,
	'un grand merci': 2.8, "s'il vous plaît": 0.3, "s'il vous plait": 0.3, "s'il te plait": 0.3, 'pas cher': 1.4,
	'ne marche pas': -2, 'ne fonctionne pas': -2, 'marche pas': -2, 'fonctionne pas': -2, 'ne marche plus': -2.2,
	'ne fonctionne plus': -2.2, 'hors service': -1.8, 'service après-vente': 0, 'prendre soin': 1.4, 'bonne journée': 1,
	'bonne année': 1.8, 'tant pis': -1.6, 'tant mieux': 1.6, 'pas acceptable': -2.6, 'pas normal': -2,
	'même pas': -1, 'à vomir': -3, 'fait pitié': -2.6, 'en danger': -2.2, 'mettre en danger': -2.4, 'met en danger': -2.4,
	'changement climatique': 0, 'réchauffement climatique': -0.6, 'effet de serre': -0.4, 'gaz à effet de serre': -0.4,
	'prise de conscience': 1.2, 'feu vert': 1.8, 'mise en valeur': 1.4, 'à la pointe': 2, 'en hausse': 0.3,
	'fait plaisir': 2.4, 'ça fait plaisir': 2.6, 'bien joué': 2.6, 'bien fait': 1.4, 'bien sûr': 0.3, 'bien que': 0,
	'ou bien': 0, 'eh bien': 0, 'bon appétit': 1.2, 'bon sens': 1.2, 'de bonnes résolutions': 1.6,
};

const FR_CONTRAST = ['mais', 'cependant', 'pourtant', 'toutefois', 'néanmoins', 'sauf'];

const FR_COURTESY = ['merci', 'remercier', "s'il vous plait", "s'il te plait", 'svp', 'stp', 'aide', 'aider', 'espérer'];

const FR_SARCASM_CUES = ['encore', 'rien', 'toujours', 'oh', 'ah', 'vraiment', 'nouveau', 'nouvelle'];

const FR_PROBLEM_WORDS = [
	'retard', 'retards', 'retarde', 'annule', 'annulee', 'annulation', 'panne', 'pannes', 'bug', 'bugs', 'attente',
	'perdu', 'perdue', 'perdus', 'casse', 'cassee', 'remboursez', 'remboursement', 'rembourser', 'reclamation',
	'plainte', 'bloque', 'bloquee', 'coince', 'injoignable', 'erreur', 'probleme', 'problemes', 'souci', 'soucis',
	'defectueux', 'lenteur', 'greve',
];

/** Lower-case text without French accents (é -> e, ç -> c, œ -> oe). */
export function stripAccents(word: string): string {
	let plain = true;
	for (let k = 0; k < word.length; k++) {
		if (word.charCodeAt(k) > 127) {
			plain = false;
			break;
		}
	}
	if (plain) return word;
	let out = '';
	for (let k = 0; k < word.length; k++) {
		const ch = word[k];
		out += ACCENTS[ch] ?? ch;
	}
	return out;
}

const ACCENTS: Record<string, string> = {
	à: 'a', â: 'a', ä: 'a', á: 'a', ç: 'c', é: 'e', è: 'e', ê: 'e', ë: 'e', î: 'i', ï: 'i', í: 'i', ô: 'o', ö: 'o',
	ó: 'o', ù: 'u', û: 'u', ü: 'u', ú: 'u', ÿ: 'y', œ: 'oe', æ: 'ae', '\u2019': "'",
};

const VERB_ENDINGS_ER = [
	'erions', 'eraient', 'assent', 'erait', 'erais', 'erons', 'eront', 'aient', 'erez', 'iez', 'ions', 'ait', 'ais',
	'ant', 'ent', 'era', 'ons', 'ees', 'ez', 'es', 'ee', 'er', 'e', 'a',
];
const VERB_ENDINGS_IR = ['issaient', 'issait', 'issant', 'issent', 'irait', 'iront', 'ira', 'is', 'it', 'ie', 'ies', 'i'];

/** Candidate lemmas for an inflected French form (already accent-free). */
export function frenchStem(word: string): string[] {
	const out: string[] = [];
	const n = word.length;
	let w = word;
	if (n > 3 && (w.endsWith('s') || w.endsWith('x'))) {
		w = w.slice(0, -1);
		out.push(w);
	}
	if (w.endsWith('aux')) out.push(w.slice(0, -3) + 'al');
	if (w.endsWith('au')) out.push(w.slice(0, -1) + 'l');
	if (w.length > 3 && w.endsWith('e')) out.push(w.slice(0, -1));
	if (w.endsWith('euse')) out.push(w.slice(0, -4) + 'eux');
	if (w.endsWith('ive')) out.push(w.slice(0, -3) + 'if');
	if (w.endsWith('elle') || w.endsWith('enne') || w.endsWith('ette')) out.push(w.slice(0, -2));
	if (w.endsWith('ere')) out.push(w.slice(0, -3) + 'er');
	if (w.endsWith('ment') && w.length > 6) {
		const adj = w.slice(0, -4);
		out.push(adj, adj.endsWith('euse') ? adj.slice(0, -4) + 'eux' : adj.slice(0, -1));
	}
	for (const end of VERB_ENDINGS_ER) {
		if (word.length > end.length + 2 && word.endsWith(end)) {
			const stem = word.slice(0, -end.length);
			out.push(stem + 'er');
			if (stem.endsWith('g')) out.push(stem.slice(0, -1) + 'ger');
			break;
		}
	}
	for (const end of VERB_ENDINGS_IR) {
		if (word.length > end.length + 2 && word.endsWith(end)) {
			out.push(word.slice(0, -end.length) + 'ir', word.slice(0, -end.length) + 're');
			break;
		}
	}
	return out;
}

/** `frenchStem` copied into `out`; returns how many candidates. */
function frenchStemInto(word: string, out: string[]): number {
	const cands = frenchStem(word);
	for (let k = 0; k < cands.length; k++) out[k] = cands[k];
	return cands.length;
}

function normalizedMap(src: Record<string, number>): Map<string, number> {
	const map = new Map<string, number>();
	for (const [k, v] of Object.entries(src)) {
		map.set(stripAccents(k), v);
	}
	return map;
}

let cached: LanguageLexicon | null = null;

/** The French lexicon, built once on first use. */
export function frenchLexicon(): LanguageLexicon {
	if (cached) return cached;
	cached = {
		language: 'fr',
		words: normalizedMap(FR_WORDS),
		boosters: normalizedMap(FR_BOOSTERS),
		negators: new Set(FR_NEGATORS.map(stripAccents)),
		phrases: normalizedMap(FR_PHRASES),
		contrast: new Set(FR_CONTRAST.map(stripAccents)),
		courtesy: new Set(FR_COURTESY.map(stripAccents)),
		sarcasmCues: new Set(FR_SARCASM_CUES.map(stripAccents)),
		problemWords: new Set(FR_PROBLEM_WORDS),
		bareNegation: -0.3,
		trailingNot: null,
		splitElisions: true,
		negatorSuffix: null,
		stem: frenchStem,
		stemInto: frenchStemInto,
		normalize: stripAccents,
	};
	return cached;
}
