/**
 * French lexicon, hand-built for Crisis Kit (MIT, like the package): general opinion
 * words, customer-complaint vocabulary ('remboursez', 'honteux', 'toujours en attente'),
 * and the vocabulary of bad news (menace, victime, pollution, scandale) that drives
 * public criticism. Valences use the same -4..+4 scale as the English lexicon.
 *
 * Entries are written with accents for readability; keys are stored without accents and
 * words are looked up without accents, so tweets written without accents still match.
 * Lemmas only (masculine singular, infinitive): `frenchStemParts` maps inflected forms back;
 * irregular forms are listed as they are (meurt, soutient). A few neutral words have a
 * valence of 0 so that neither the accent-free look-up nor the stemmer misreads them
 * (déplacement is not déplacé); 'sûr' is left out because without accents it is 'sur'.
 * Words are general French, chosen by classes of errors, never for one text.
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
	choqué: -2.2, choquant: -2.4, consterné: -2.4, consternant: -2.6, indigné: -2.4, indignation: -2.4,
	outrée: -2.4, outrés: -2.4, outrées: -2.4,
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
	taxer: -0.8, racket: -2.6, racketter: -2.6, raquer: -1.8, peine: -1, difficile: -1.2,
	difficulté: -1.4, compliqué: -1, inquiétante: -2.2,
	// Praise, satisfaction, good news.
	bon: 1.5, bonne: 1.5, bien: 0.6, mieux: 1.5, meilleur: 2.2, excellent: 3, super: 2.4, génial: 3, géniale: 3,
	formidable: 3, magnifique: 3, merveilleux: 3, merveille: 2.8, superbe: 3, parfait: 2.8, parfaitement: 2, top: 2,
	extra: 2, chouette: 2.2, cool: 1.8, sympa: 2, sympathique: 2, agréable: 2.2, beau: 2, belle: 2, joli: 2,
	adorer: 3, aimer: 2.2, amour: 2.6, adorable: 2.6, heureux: 2.6, heureusement: 1.4, content: 2.2, ravi: 2.6,
	satisfait: 2, satisfaction: 2, satisfaisant: 1.8, fier: 2.2, fierté: 2.2, joie: 2.8, bonheur: 3, plaisir: 2.5,
	drôle: 1.5, marrant: 1.6, mdr: 1.4, lol: 1.2, haha: 1.2, hihi: 1.2, xd: 1.6, merci: 2, remercier: 2, bravo: 2.8,
	félicitations: 3, féliciter: 2.6, réussite: 2.5, réussir: 2.2, réussi: 2.2, succès: 2.5, gagner: 1.8, victoire: 2.2,
	gagnant: 1.8, champion: 2, efficace: 2, efficacité: 1.8, performant: 2, performance: 0.6, innovant: 2.2,
	innovation: 1.8, innover: 1.8, novateur: 2.2, révolutionner: 1.6, solution: 1.4, résoudre: 1.4, résolu: 1.4,
	progrès: 2, progresser: 1.5, amélioration: 1.8, améliorer: 1.6, avancée: 1.8, développer: 0.5,
	soutenir: 1.5, soutien: 1.8, aider: 1, aide: 0.6, protéger: 1.5, protection: 1.2, sauver: 1.8, sauvetage: 1.6,
	préserver: 1.5, espoir: 2, espérer: 1.2, optimiste: 2, confiance: 1.8, fiable: 2, sécurité: 0.6,
	gratuit: 1.2, économiser: 1.2, gain: 1.2, bénéfice: 1.2, avantage: 1.5, opportunité: 1.8, chance: 1.6,
	favorable: 1.8, positif: 2, intéressant: 1.8, passionnant: 2.5, enthousiaste: 2.5, enthousiasme: 2.4,
	impressionnant: 2.2, incroyable: 1.8, exceptionnel: 2.8, remarquable: 2.5, brillant: 2.5, génie: 2, talent: 2,
	talentueux: 2.4, compétent: 2, professionnel: 0.4, rapide: 1.2, rapidement: 0.8, facile: 1.5, facilement: 1.2,
	pratique: 0.6, utile: 1.8, accueillir: 1.2, accueil: 0.8, accueillant: 2, gentil: 2.2, aimable: 2, poli: 1.2,
	souriant: 2, bienvenue: 2, bienvenu: 2, célébrer: 2, fête: 1.8, fêter: 2, honneur: 2, honorer: 2, primé: 2,
	récompense: 2, récompenser: 2, trophée: 1.8, valoriser: 1.5, promouvoir: 1.2, vive: 1.8, hâte: 1.8, youpi: 2.6,
	yes: 1.6, nickel: 2.2, impeccable: 2.6, kiffer: 2.6, kif: 2.4, classe: 0.8, idéal: 2, idéale: 2, propre: 1.2,
	respect: 1.6, respecter: 1.2, respectueux: 2, engagé: 1, engagement: 0.8,
	partenaire: 1, partenariat: 1.2, partage: 1, partager: 0.8, solidaire: 1.8, solidarité: 1.8, dignité: 1.6,
	prospérité: 2, inspirant: 2.4, attractif: 1.8, abordable: 1.6, rentable: 1.4, satisfaite: 2, magique: 2.4,
	ensemble: 0.4, premier: 0.3, record: 0.8, nouveau: 0.4, nouvelle: 0.4, créer: 0.6, création: 0.8, lancer: 0.4,
	ouvert: 0.6, découvrir: 0.8, découverte: 1, cadeau: 2, gagné: 1.8, sexy: 2, chic: 1.8, volupté: 2.2, luxe: 1,
	calme: 1, beauté: 2.4, paix: 2, libre: 1.4, liberté: 1.8, vrai: 0.5, vérité: 1, sincère: 2, courage: 1.8,
	courageux: 2.2, sain: 1.6, vivant: 1, vie: 0.4, rire: 1.6, sourire: 2, accord: 0.8, adopter: 0.8,
	valider: 1, approuver: 1.4, saluer: 1.6, applaudir: 2.2, chaleureux: 2.2, précieux: 2, primordial: 1.2,
	essentiel: 0.8, important: 0.6, bisou: 2.2, bise: 1.8, câlin: 2.2,
	// Judgement and criticism (general vocabulary).
	absurdité: -2, affligeant: -2.6, navrant: -2.4, navré: -1.4, désolant: -2.4, piètre: -2, ringard: -1.8, naze: -2.2,
	nase: -2.2, foireux: -2.2, bancal: -1.6, bâclé: -2, bâcler: -2, laxiste: -2, laxisme: -2, irresponsable: -2.4,
	irresponsabilité: -2.4, inconscient: -1.6, inconscience: -2, incohérent: -2, incohérence: -2, contradictoire: -1.2,
	insensé: -2.2, délirant: -1.8, effarant: -2.2, ahurissant: -1.8, sidérant: -1.4, hallucinant: -1.2, indécent: -2.4,
	indécence: -2.4, obscène: -2.4, déshonneur: -2.4, indignité: -2.4, méprisable: -2.6, lâche: -2.2, lâcheté: -2.4,
	malhonnête: -2.4, malhonnêteté: -2.4, tricher: -2.2, tricheur: -2.4, triche: -2, magouille: -2.4, magouiller: -2.4,
	copinage: -2, clientélisme: -2, népotisme: -2.4, démagogique: -2, démagogue: -2.2, populiste: -1.4, populisme: -1.6,
	extrémiste: -2.2, extrémisme: -2.4, fasciste: -2.8, facho: -2.8, nazi: -3, dictature: -2.6, dictateur: -2.6,
	tyrannie: -2.6, autoritaire: -1.6, totalitaire: -2.4, censure: -2, censurer: -2, répression: -2.2, réprimer: -2,
	persécution: -2.6, oppression: -2.6, opprimer: -2.4, illégitime: -2, amateurisme: -2.2, cafouillage: -2,
	cafouiller: -1.8, couac: -1.6, bévue: -1.8, gaffe: -1.6, faute: -1.2, fautif: -1.6, naufrage: -2.4, débâcle: -2.6,
	déroute: -2.2, gabegie: -2.4, idiotie: -2.4, débilité: -2.4, bouffon: -2.2, guignol: -2.2, clown: -1.4,
	mascarade: -2.4, farce: -1.8, imposture: -2.6, imposteur: -2.6, supercherie: -2.4, baratin: -2, blabla: -1.6,
	charabia: -1.6, enfumage: -2.4, enfumer: -2.4, pipeau: -2, intox: -2, désinformation: -2.2, falsifier: -2.4,
	truquer: -2.4, trucage: -2.4, mytho: -2, mythomane: -2.4, cynique: -1.8, cynisme: -2, sournois: -2.2, perfide: -2.4,
	vicieux: -2.2, malsain: -2.2, pervers: -2.4, répugnant: -2.8, écœurement: -2.6, nauséabond: -2.8, puant: -2.4,
	puer: -2.2, vomir: -2.4, gerbe: -1.8, gerber: -2.4, dégueu: -2.6, crade: -2, glauque: -2, sordide: -2.6,
	lugubre: -1.8, morose: -1.6, maussade: -1.2, pauvre: -1.2, pauvreté: -2, misère: -2.4, misérable: -2.4,
	précarité: -2, précaire: -1.6, délocalisation: -1.6, ruine: -2.4, ruiner: -2.4, endettement: -1.6, endetté: -1.6,
	austérité: -1.8, matraquage: -2.4, impôt: -0.6, taxe: -0.8, rétrograde: -2, archaïque: -1.6, obsolète: -1.4,
	réac: -1.8, réactionnaire: -1.6, sectaire: -2, fanatique: -2.4, intégriste: -2.4, intolérant: -2.2,
	intolérance: -2.2, obtus: -2, naïf: -1, naïveté: -1.2, absurdement: -2, inadapté: -1.6, inapproprié: -1.8,
	excessif: -1.4, exagéré: -1.4, exagérer: -1.2, abusé: -1.8, grossier: -2, grossièreté: -2.2, vulgaire: -2,
	vulgarité: -2.2, impoli: -1.8, insolent: -2, arrogante: -2.2, prétentieux: -2, condescendant: -2.2, hautain: -2,
	méchant: -2.2, méchanceté: -2.4, cruel: -2.6, cruauté: -2.8, barbare: -2.8, barbarie: -3, brutal: -2,
	brutalité: -2.4, sauvagerie: -2.6, inhumain: -2.8, honteuse: -3, pitié: -1.2, déchéance: -2.4, décadence: -2.2,
	dégringolade: -2, déshonorer: -2.4, salir: -1.8,
	// Insults and rude words.
	salaud: -3, salopard: -3, salope: -3, pute: -3, enfoiré: -3, ordure: -2.6, pourriture: -3, raclure: -3,
	nullard: -2.6, taré: -2.6, connasse: -3, couillon: -2.2, gogol: -2.6, emmerder: -2.4, emmerdant: -2.4,
	emmerdeur: -2.4, emmerde: -2.2, chier: -2.4, wtf: -1.8, fml: -2, rip: -1.4, bouh: -1.4, mouais: -1.2, hum: -0.4,
	relou: -2, chelou: -1,
	// Negative feelings.
	anxieux: -1.8, anxiété: -2, crainte: -1.6, craindre: -1.4, craint: -1.6, craignent: -1.4, redouter: -1.6,
	effroi: -2.4, terreur: -2.6, terrifiant: -2.6, terrifier: -2.4, panique: -2, paniquer: -1.8, trouille: -1.8,
	flippant: -2, flipper: -1.4, chagrin: -2.2, désarroi: -2.2, détresse: -2.4, cafard: -1.6, mélancolie: -1.4,
	solitude: -1, regret: -1.4, regretter: -1.4, regrettable: -2, remords: -1.4, humiliation: -2.4, humilier: -2.4,
	humiliant: -2.4, vexant: -1.8, vexer: -1.6, rancune: -1.8, rage: -2.2, enrager: -2.2, rager: -1.8, énerver: -2,
	énervement: -2, exaspérer: -2.4, exaspérant: -2.4, exaspération: -2.4, excédé: -2.2, irriter: -1.8, irritant: -2,
	agacer: -1.8, agacement: -1.8, saouler: -2, soûler: -2, fâché: -2, fâcher: -1.8, furax: -2.4, furibond: -2.4,
	dégoûté: -2.6, lassé: -1.8, lassitude: -1.8, épuisant: -1.8, ennuyer: -1.6, ennuyant: -1.8, barbant: -1.8,
	soporifique: -1.6, déçoit: -2.2, déçoivent: -2.2, désillusion: -2.2, désenchantement: -2, amertume: -2, jaloux: -1.4,
	jalousie: -1.6, haineux: -2.8, détestable: -2.6, invivable: -2.4, désagréable: -2.2, déplaire: -1.8, déplaisant: -2,
	inconfortable: -1.4, gênant: -1.8, gêne: -1.2, gêner: -1.4, embarrassant: -1.6, malaise: -1.8, choquer: -2,
	heurter: -1.4, offenser: -2, scandaliser: -2.4, indigner: -2, révolter: -2, râler: -1.6, râleur: -1.6, gueuler: -1.6,
	pleurnicher: -1.8, chialer: -1.8, bouder: -1.2, mécontent: -2.2, mécontentement: -2.2, insatisfait: -2,
	insatisfaction: -2, désapprouver: -1.8, désaccord: -1.2, hostile: -2, hostilité: -2.2, méfiance: -1.6, méfier: -1.2,
	soupçon: -1.2, suspect: -1.4, douteux: -1.6, préoccupant: -2, préoccupation: -1.2, tourment: -2, tourmenter: -2,
	// Harm, loss, danger, failure.
	dévaster: -2.6, dévastateur: -2.6, dévastation: -2.6, anéantir: -2.6, exterminer: -3, extermination: -3,
	génocide: -3.2, carnage: -3, tuerie: -3, meurtrier: -2.8, tueur: -2.4, mortel: -2, mortalité: -1.6, cadavre: -2,
	tué: -2.6, tués: -2.6, tuée: -2.6, tuées: -2.6, noyade: -2.2, explosion: -1.6, tempête: -1.4, ouragan: -1.8,
	séisme: -2, épidémie: -2.2, pandémie: -2.2, cancer: -2.2, cancérigène: -2.4, cancérogène: -2.4, poison: -2.4,
	empoisonner: -2.6, empoisonnement: -2.6, intoxiquer: -2.2, pollueur: -2.2, crasse: -2, déforestation: -2, péril: -2,
	alerte: -1.2, alarme: -1.4, urgence: -0.8, chaos: -2.4, chaotique: -2.2, pagaille: -2, désordre: -1.6, émeute: -2.2,
	conflit: -1.6, affrontement: -1.8, attentat: -3, otage: -2.2, viol: -3, violer: -3, harcèlement: -2.6,
	harceler: -2.6, maltraitance: -2.8, maltraiter: -2.6, torture: -3, torturer: -3, agonie: -2.6, défaite: -2,
	perdant: -1.6, faillir: -1.4, manque: -1.2, manquer: -0.6, insuffisant: -1.8, insuffisance: -1.8, défaut: -1.2,
	défaillant: -2, lacune: -1.6, faiblesse: -1.4, faible: -0.8, vulnérable: -1.2, renoncer: -1.4, renoncement: -1.8,
	reniement: -2.4, renier: -2.2, reculade: -2, lâchage: -1.8, sacrifier: -1.6, bafouer: -2.4, piétiner: -2,
	saboter: -2.4, sabotage: -2.4, torpiller: -2.2, freiner: -1.2, frein: -1, entraver: -1.8, obstacle: -1.2,
	nuisance: -2, pénaliser: -1.6, intimider: -2, intimidation: -2.2, chantage: -2.4, négligence: -2, délaisser: -1.6,
	exclure: -1.4, exclusion: -1.6, rejeter: -1.4, rejet: -1.4, nier: -1.2, déni: -1.8, fustiger: -2, critique: -1.2,
	blâmer: -1.8, reproche: -1.6, calvaire: -2.6, enfer: -2.6, infernal: -2.4, cauchemardesque: -2.6, apocalypse: -2.4,
	apocalyptique: -2.4, piège: -1.8, piéger: -1.8, traquenard: -2, menaçant: -2.2, inquiétantes: -2.2, périlleux: -1.8,
	nocivité: -2.2, toxicité: -2.2, détérioration: -2, détériorer: -1.8, aggraver: -2, aggravation: -2, empirer: -2.2,
	perturber: -1.4, perturbation: -1.4, déstabiliser: -1.6, bouleverser: -1, fracasser: -2, écraser: -1.4,
	souffrant: -1.8, douloureux: -2.2, blessant: -2.2, handicap: -1.2, handicaper: -1.6, disette: -2.2, sinistrose: -2,
	impasse: -1.8, enlisement: -2, enliser: -1.8, stagnation: -1.4, stagner: -1.2, régression: -1.8, régresser: -1.8,
	décliner: -1.2, dégradant: -2.4,
	// Praise, pleasure, approval.
	fantastique: 3, extraordinaire: 2.8, sublime: 3, splendide: 3, somptueux: 2.6, grandiose: 2.8, épatant: 2.6,
	éblouissant: 2.6, époustouflant: 2.8, admirable: 2.8, admirer: 2.4, admiration: 2.4, excellence: 2.4,
	exemplaire: 2.2, irréprochable: 2.4, topissime: 2.8, mignon: 2, craquant: 2, charmant: 2.2, charme: 1.8, élégant: 2,
	élégance: 2, raffiné: 1.8, délicieux: 2.8, savoureux: 2.4, succulent: 2.6, plaisant: 2, réjouissant: 2.4,
	réjouir: 2.2, enchanté: 2.4, ravissant: 2.4, émerveiller: 2.4, émerveillé: 2.6, émouvant: 1.8, touchant: 1.8,
	ému: 1.4, captivant: 2.4, fascinant: 2.4, passionné: 2, passion: 1.6, instructif: 2, enrichissant: 2.4,
	constructif: 1.8, pertinent: 1.8, judicieux: 2, intelligent: 1.8, intelligence: 1.4, malin: 1.2, astucieux: 2,
	ingénieux: 2.2, doué: 2, solide: 1, robuste: 1.2, prometteur: 2.2, encourageant: 2.2, encourager: 1.6,
	encouragement: 1.8, motivant: 2, motivé: 1.6, stimulant: 1.8, dynamique: 0.8, ambitieux: 1.4, audacieux: 1.6,
	visionnaire: 2, héros: 2.2, héroïque: 2.4, exploit: 2.4, prouesse: 2.4, triomphe: 2.6, triompher: 2.4,
	victorieux: 2.4, vainqueur: 2, remporter: 1.8, lauréat: 2, médaille: 1.2, distinction: 1.4, consécration: 2.2,
	aboutir: 1.2, aboutissement: 1.6, accomplir: 1.4, accomplissement: 2, concrétiser: 1.4, essor: 1.8, croissance: 1,
	prospère: 2, prospérer: 2, florissant: 2.2, dynamiser: 1.6, booster: 1.6, relancer: 1, relance: 1, renforcer: 1.2,
	renforcement: 1.2, consolider: 1.2, favoriser: 1.2, faciliter: 1.4, simplifier: 1.2, bénéficier: 1.4, bénéfique: 2.2,
	bienfait: 2.2, bienfaisant: 2, salutaire: 2, vertueux: 2, éthique: 1.2, équitable: 1.8, honnête: 2, honnêteté: 2,
	loyal: 2, loyauté: 2, fidèle: 1.4, généreux: 2.4, générosité: 2.4, bienveillant: 2.4, bienveillance: 2.4,
	attentionné: 2.2, serviable: 2.2, convivial: 2, convivialité: 2, humaniste: 1.4, tolérant: 1.6, tolérance: 1.4,
	fraternité: 2, égalité: 1.2, optimiser: 1.2, moderniser: 1.2, nouveauté: 1.2, inédit: 1.2, original: 1.4,
	originalité: 1.6, créatif: 2, créativité: 2, inventif: 2, ingéniosité: 2.2, pionnier: 1.8, inspirer: 1.6,
	inspiration: 1.6, espérance: 1.8, optimisme: 2, confiant: 1.8, rassurant: 2, rassurer: 1.6, soulagement: 2,
	soulager: 1.6, soulagé: 2, apaiser: 1.4, apaisement: 1.4, serein: 2, sérénité: 2, tranquille: 1.4, paisible: 2,
	harmonie: 2, épanouir: 2, épanouissement: 2.2, joyeux: 2.6, gaieté: 2, enjoué: 2, rigoler: 1.4, marrer: 1.6,
	amusant: 2, amuser: 1.6, hilarant: 2.4, humour: 1.6, fun: 2, apprécier: 2, appréciable: 2, savourer: 2.2,
	profiter: 1.2, déguster: 1.6, plaire: 2, séduire: 1.8, séduisant: 2, attirant: 1.8, attrayant: 1.8, bel: 2,
	chapeau: 1.2, congrats: 2.4, gratitude: 2.4, reconnaissant: 2.2, remerciement: 2, hommage: 1.8, éloge: 2.2,
	vanter: 1.4, acclamer: 2.2, ovation: 2.4, applaudissement: 2.2, adhérer: 1.2, yeah: 1.6, yay: 2, wow: 1.8, waouh: 2,
	ouah: 1.6, chanceux: 2, paradis: 2.4, paradisiaque: 2.6, pittoresque: 1.6, féerique: 2.4, trésor: 2, joyau: 2.2,
	richesse: 1.4, sauvegarder: 1.4, sauvegarde: 1.4, préservation: 1.4, réparer: 1, guérir: 1.8, guérison: 2,
	soigner: 1.2, remède: 1.4, sauveur: 2, secourir: 1.4, entraide: 2, bénévole: 1.4, avantageux: 1.8, utilité: 1.4,
	commode: 1.4, clarté: 1.2, limpide: 1.6, transparence: 1.2, cohérent: 1.6, cohérence: 1.4, raisonnable: 1.4,
	sensé: 1.4, lucide: 1.6, lucidité: 1.8, sage: 1.4, sagesse: 2, authentique: 1.6, franchise: 1.2, digne: 1.6,
	respectable: 1.8, honorable: 1.8, noble: 1.8, initiative: 0.8, pertinence: 1.6, réjouissance: 2, formidablement: 3,
	merveilleusement: 3, agréablement: 2, bravissimo: 3, ptdr: 1.4, mdrr: 1.4, réussie: 2.2, positivement: 1.6,
	atout: 1.8, qualité: 1.2, fiabilité: 1.8, efficacement: 1.8, gagnante: 1.8, réconfort: 2, réconfortant: 2.2,
	tendresse: 2.2, tendu: -1.2, affection: 2, amitié: 2, ami: 0.5, complicité: 1.8, cœur: 0.8, câliner: 2,
	embrasser: 1.6, kiff: 2.4, ouf: 0.6, magnifiquement: 3, glorieux: 2.2, gloire: 1.8,
	// Opposition and protest ('contre' is also a shifter: 'contre la pollution' is not negative).
	contre: -0.6, opposition: -0.8, opposant: -0.8, opposer: -1, contester: -1, contestation: -1, manifester: -0.4,
	défaveur: -1.6, aversion: -2, divorce: -1, diviser: -1.2, division: -1,
	// More general negative words.
	décapiter: -2.2, louper: -1.4, inélégant: -1.8, sceptique: -1, dérisoire: -1.8, compromission: -2.2,
	radioactif: -1.6, invasif: -1.4, invasion: -1.8, volé: -1.8, volée: -1.8, volés: -1.8, volées: -1.8, maudire: -2.4,
	meurent: -2.4, meurt: -2.4, abattre: -2, sévère: -1.4, réquisitoire: -1.6, déconseiller: -1.2, impossible: -1.2,
	désorienté: -1.4, démesuré: -1.6, indifférence: -1.6, disparaître: -1.6, putin: -1.6, perturbateur: -1.6,
	ralentissement: -1.2, ralentir: -0.8, impuissant: -1.8, impuissance: -2, faiblir: -1.2, lourd: -0.6,
	// More general positive words.
	tolérer: 0.6, accroître: 1, doper: 1.2, favori: 1.6, soutenu: 1.4, soutient: 1.5, soutiennent: 1.5, éclaircie: 1.2,
	inaugurer: 0.6, inauguration: 0.6, lancement: 0.4, mobiliser: 0.6, mobilisation: 0.6, sensibiliser: 0.8,
	sensibilisation: 0.8, résilient: 1.2, résilience: 1.2, autonomie: 0.8, propice: 1.4, unanimité: 1, occasion: 0.8,
	intéresser: 1, investir: 0.5, investissement: 0.5, opérationnel: 0.6, vivement: 0.8, rigoureux: 1.2, enthousiasmant: 2.4,
	rigolo: 1.6, comique: 1.2, festif: 1.8, indispensable: 1, briller: 1.8, exceller: 2.4, cartonner: 2.2, charmer: 2,
	ravir: 2.2, enchanter: 2.2, épater: 2.2, impressionner: 1.8, bluffer: 1.8, régaler: 2.2, régal: 2.4, délice: 2.4,
	pépite: 2, bijou: 1.8, perle: 1.2, bravoure: 2.2, défendre: 0.6, youhou: 2.4, hourra: 2.4, bingo: 1.6, alléluia: 1.8,
	miam: 2,
	// More critical and bad-news verbs and nouns.
	traître: -2.8, gravissime: -2.8, fichu: -1.8, insurger: -1.8, offusquer: -1.6, déplorer: -1.8, démanteler: -1.6,
	brader: -1.8, dilapider: -2.2, piller: -2.4, pillage: -2.4, matraquer: -2, étrangler: -2, asphyxier: -2,
	étouffer: -1.6, plomber: -1.6, sombrer: -1.8, écrouler: -2, foirer: -2, merder: -2.4, subir: -1.2, endurer: -1.2,
	pâtir: -1.4, alerter: -0.6, foutoir: -2, chienlit: -2.4, bavure: -2.4, excès: -1.2, krach: -2.4, récession: -2,
	oups: -0.6, aïe: -1.4, ouille: -1.2, pouah: -2.2,
	// Neutral words that the accent-free look-up or the stemmer would otherwise read as
	// sentiment words ('déplacement' is not 'déplacé', 'généré' is not 'gêner').
	déplacement: 0, généré: 0, générer: 0, empire: 0, panneau: 0, outre: 0,
};

/** Intensifiers (> 0) and softeners (< 0). */
const FR_BOOSTERS: Record<string, number> = {
	très: 0.3, trop: 0.3, vraiment: 0.3, tellement: 0.3, hyper: 0.35, ultra: 0.35, extrêmement: 0.35,
	complètement: 0.3, totalement: 0.3, absolument: 0.3, vachement: 0.3, carrément: 0.3, particulièrement: 0.2,
	profondément: 0.3, énormément: 0.35, fortement: 0.3, franchement: 0.2, sérieusement: 0.2, tout: 0.1,
	super: 0.3, énorme: 0.3, vivement: 0.3, si: 0.15, aussi: 0.05, plus: 0.1,
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
	'prise de conscience': 1.2, 'feu vert': 1.8, 'mise en valeur': 1.4, 'à la pointe': 2, 'en hausse': 0.3,
	'fait plaisir': 2.4, 'ça fait plaisir': 2.6, 'bien joué': 2.6, 'bien fait': 1.4, 'bien sûr': 0.3, 'bien que': 0,
	'ou bien': 0, 'eh bien': 0, 'bon appétit': 1.2, 'bon sens': 1.2,
	'très bien': 2, "c'est bien": 1.4, 'bien vu': 1.8, 'bien dit': 1.6, 'bien entendu': 0, 'bien des': 0, 'bien être': 2,
	// Common idioms.
	'rien de tel': 1.6, 'sert à rien': -2.2, 'servent à rien': -2.2, 'sert à quoi': -1.2, 'à quoi bon': -1.6,
	'pas fameux': -1.8, 'pas folichon': -1.6, 'ça craint': -2.2, 'coup de gueule': -1.8, 'coup dur': -2.2,
	'coup de massue': -2.2, 'coup de pouce': 1.6, 'coup de maître': 2.4, 'à côté de la plaque': -2,
	'prend pour des': -2, 'prennent pour des': -2, 'trop fort': 2.2, 'le top': 1.8, 'que du bonheur': 3,
	'mauvaise nouvelle': -2.4, 'mauvaises nouvelles': -2.4, 'bonnes nouvelles': 2.6, 'bonne chose': 2,
	'bon boulot': 2.2, 'beau travail': 2.4, 'bon travail': 2, 'bonne initiative': 2.2, 'belle initiative': 2.2,
	"chef d'oeuvre": 3, "chef d'œuvre": 3, 'faire un carton': 2.2, 'fait un carton': 2.2, 'font un carton': 2.2,
	'vent en poupe': 2, 'vaut le coup': 1.8, 'vaut le détour': 2, 'valoir le coup': 1.8, 'lâche rien': 1.4,
	'lâchez rien': 1.4, 'lâchons rien': 1.4, 'lâche pas': 1.2, 'lâchez pas': 1.2,
	"m'en fous": -1.4, "s'en fout": -1.8, "s'en foutent": -2, "s'en fiche": -1.6, "s'en fichent": -1.8,
	'nous ment': -2.2, 'vous ment': -2.2, 'il ment': -2.2, 'elle ment': -2.2, 'on ment': -2, 'tu mens': -2,
	'hors de moi': -2.4, 'trop tard': -1.6, 'tu parles': -1.2, 'mon oeil': -1.6, 'mon œil': -1.6,
	'tant bien que mal': -0.6, 'de mal en pis': -2.4, 'pas de bol': -1.8, 'pas de chance': -1.8, 'aux abois': -2,
	'la peau des fesses': -2, 'franchi la limite': -1.8, "c'est le comble": -2, 'un comble': -1.8, 'à éviter': -2.2,
	'en péril': -2.4, 'marée noire': -2.6, 'tremblement de terre': -2, 'vague de chaleur': -1.2, 'fin du monde': -2,
	'supporte pas': -2, 'supportent pas': -2, 'supporte plus': -2, 'supportent plus': -2, 'ne supporte plus': -2,
	'ne supportent plus': -2, 'moins cher': 1.2,
	'moins chère': 1.2, 'moins chers': 1.2, 'moins chères': 1.2,
	'aucune honte': -2.4, 'sans honte': -1.6, 'sans vergogne': -2.4, 'ne suffit pas': -1.2, 'suffit pas': -1.2,
	// Reproach: 'vous feriez mieux de…', 'il aurait dû…', 'peut mieux faire'.
	'ferait mieux': -1.2, 'feraient mieux': -1.2, 'feriez mieux': -1.2, 'ferais mieux': -1, 'peut mieux faire': -1.2,
	'aurait dû': -1, 'auraient dû': -1, 'aurais dû': -1,
	// Protest and support formulas.
	'non à': -1.6, 'non au': -1.6, 'non aux': -1.6, 'oui à': 1.4, 'oui au': 1.4, 'oui aux': 1.4, 'à bas': -2,
	// Neutral uses of sentiment words: 'au moins', 'par contre', 'chers amis', 'poids lourds'…
	'au moins': 0, 'du moins': 0, 'plus ou moins': 0, 'à moins': 0, 'à la fin': 0, 'en fin de compte': 0,
	'par contre': 0, 'le pour et le contre': 0, 'prendre du recul': 0, 'avec le recul': 0, "d'occasion": 0,
	'chers amis': 0, 'cher ami': 0, 'chère amie': 0, 'chères amies': 0, 'mon cher': 0, 'ma chère': 0, 'mes chers': 0,
	'au coeur': 0, 'au cœur': 0, 'classe moyenne': 0, 'classe politique': 0, 'classes populaires': 0,
	'poids lourd': 0, 'poids lourds': 0, 'sage femme': 0, 'trésor public': 0, 'envers de la médaille': -1,
	// 'propre' after a possessive means 'own' (sa propre voiture), not 'clean'.
	'sa propre': 0, 'son propre': 0, 'ses propres': 0, 'leur propre': 0, 'leurs propres': 0, 'ma propre': 0,
	'mon propre': 0, 'mes propres': 0, 'notre propre': 0, 'votre propre': 0, 'nos propres': 0, 'vos propres': 0,
};

/**
 * Shifters: words that reverse the sentiment word that follows them in the clause, as a
 * negation does: reducing, fighting or preventing something bad is good news ('réduire la
 * pollution', 'lutte contre la pauvreté', 'la baisse du chômage'), reducing something good
 * is bad news ('moins efficace', 'supprimer les aides'). A shifter's own valence gives way
 * when it disagrees with the result ('la baisse du chômage' is good news, not 'baisse' + good
 * news). Listed with their common forms (matched as written, not through the stemmer).
 * Imperatives such as 'arrêtez de…' or 'stop' are left out: 'arrêtez de mentir' complains.
 */
const FR_SHIFTERS = [
	'moins', 'anti', 'contre',
	'réduire', 'réduit', 'réduite', 'réduits', 'réduites', 'réduisent', 'réduisant', 'réduisons', 'réduction',
	'réductions', 'diminuer', 'diminue', 'diminuent', 'diminué', 'diminuée', 'diminuant', 'diminution',
	'baisser', 'baisse', 'baissent', 'baissé', 'limiter', 'limite', 'limitent', 'limité', 'limitée', 'limitation',
	'lutter', 'lutte', 'luttent', 'luttons', 'luttant', 'combattre', 'combat', 'combattent', 'combattons', 'combattu',
	'éviter', 'évite', 'évitent', 'évitez', 'évitons', 'évité', 'prévenir', 'prévient', 'prévention', 'empêcher',
	'empêche', 'empêchent', 'empêché',
	'éliminer', 'élimine', 'élimination', 'supprimer', 'supprime', 'suppriment', 'supprimé', 'supprimée', 'suppression',
	'éradiquer', 'éradication', 'vaincre', 'recul', 'reculer', 'recule', 'chute', 'déclin', 'fin',
	'résoudre', 'résout', 'résolvent', 'régler', 'règle', 'réglé', 'solutionner', 'remédier', 'pallier', 'corriger',
	'surmonter', 'guérir', 'soigner',
];

const FR_CONTRAST = ['mais', 'cependant', 'pourtant', 'toutefois', 'néanmoins', 'sauf'];

const FR_COURTESY = ['merci', 'remercier', "s'il vous plait", "s'il te plait", 'svp', 'stp', 'aide', 'aider', 'espérer'];

const FR_SARCASM_CUES = ['encore', 'rien', 'toujours', 'oh', 'ah', 'vraiment', 'nouveau', 'nouvelle', 'quel', 'quelle'];

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
/** Matched on the form without its plural and feminine endings ('finies' -> 'fini'). */
const VERB_ENDINGS_IR = ['issaient', 'issait', 'issant', 'issent', 'irait', 'iront', 'ira', 'is', 'it', 'i'];
/** Present and imperfect of -uire / -ire verbs (détruisent -> détruire, interdisait -> interdire). */
const VERB_ENDINGS_IRE = ['isaient', 'isait', 'isant', 'isent', 'isons', 'isez', 'ise'];
/** Endings shared by -ir and -re verbs of the third group (mentent -> mentir, perdent -> perdre). */
const VERB_ENDINGS_3RD = ['aient', 'ait', 'ant', 'ent', 'ons', 'ez'];

/** Whether `word.slice(0, len)` ends with `suffix` (no string built). */
function endsAt(word: string, len: number, suffix: string): boolean {
	const m = suffix.length;
	if (len < m) return false;
	for (let k = 0; k < m; k++) if (word.charCodeAt(len - m + k) !== suffix.charCodeAt(k)) return false;
	return true;
}

/**
 * Candidate lemmas for an inflected French form (already accent-free), without building
 * them: candidate k is `word.slice(0, lens[k]) + endings[k]` (the analyser probes its word
 * table with the parts). Returns how many (at most about 20; the arrays hold 32).
 */
export function frenchStemParts(word: string, lens: Int32Array, endings: string[]): number {
	let c = 0;
	const n = word.length;
	// The form without a plural -s / -x.
	let wl = n;
	if (n > 3 && (endsAt(word, n, 's') || endsAt(word, n, 'x'))) {
		wl = n - 1;
		lens[c] = wl;
		endings[c++] = '';
	}
	c = nounParts(word, wl, lens, endings, c);
	if (wl > 6 && endsAt(word, wl, 'ment')) c = adverbParts(word, wl - 4, lens, endings, c);
	return verbParts(word, n, wl, lens, endings, c);
}

/** Plural and feminine forms of nouns and adjectives, past participles of -re verbs (`wl`: the form without -s/-x). */
function nounParts(word: string, wl: number, lens: Int32Array, endings: string[], c: number): number {
	if (endsAt(word, wl, 'aux')) {
		lens[c] = wl - 3;
		endings[c++] = 'al';
	}
	if (endsAt(word, wl, 'au')) {
		lens[c] = wl - 1;
		endings[c++] = 'l';
	}
	if (wl > 3 && endsAt(word, wl, 'e')) {
		lens[c] = wl - 1;
		endings[c++] = '';
	}
	if (endsAt(word, wl, 'euse')) {
		lens[c] = wl - 4;
		endings[c++] = 'eux';
		lens[c] = wl - 4;
		endings[c++] = 'eur';
	}
	if (endsAt(word, wl, 'trice')) {
		lens[c] = wl - 5;
		endings[c++] = 'teur';
	}
	if (endsAt(word, wl, 'ive')) {
		lens[c] = wl - 3;
		endings[c++] = 'if';
	}
	if (endsAt(word, wl, 'elle') || endsAt(word, wl, 'enne') || endsAt(word, wl, 'ette') || endsAt(word, wl, 'onne')) {
		lens[c] = wl - 2;
		endings[c++] = '';
	}
	if (endsAt(word, wl, 'ere')) {
		lens[c] = wl - 3;
		endings[c++] = 'er';
	}
	// Past participles of -re verbs: perdu(e)(s) -> perdre, corrompu -> corrompre.
	const ml = endsAt(word, wl, 'ue') ? wl - 1 : wl;
	if (ml > 4 && endsAt(word, ml, 'u')) {
		lens[c] = ml - 1;
		endings[c++] = 're';
	}
	return c;
}

/** Adverbs (`al`: the form without -ment): tristement -> triste, honteusement -> honteux. */
function adverbParts(word: string, al: number, lens: Int32Array, endings: string[], c: number): number {
	lens[c] = al;
	endings[c++] = '';
	if (endsAt(word, al, 'euse')) {
		lens[c] = al - 4;
		endings[c++] = 'eux';
	} else {
		lens[c] = al - 1;
		endings[c++] = '';
	}
	// violemment -> violent, méchamment -> méchant.
	if (endsAt(word, al, 'em') || endsAt(word, al, 'am')) {
		lens[c] = al - 1;
		endings[c++] = 'nt';
	}
	return c;
}

/** Verb forms: -er, -ire, third-group and -ir endings (`n`: the word's length, `wl`: without -s/-x). */
function verbParts(word: string, n: number, wl: number, lens: Int32Array, endings: string[], c: number): number {
	for (const end of VERB_ENDINGS_ER) {
		if (n > end.length + 2 && endsAt(word, n, end)) {
			const sl = n - end.length;
			lens[c] = sl;
			endings[c++] = 'er';
			if (endsAt(word, sl, 'g')) {
				lens[c] = sl - 1;
				endings[c++] = 'ger';
			}
			break;
		}
	}
	for (const end of VERB_ENDINGS_IRE) {
		if (n > end.length + 2 && endsAt(word, n, end)) {
			lens[c] = n - end.length;
			endings[c++] = 'ire';
			break;
		}
	}
	for (const end of VERB_ENDINGS_3RD) {
		if (n > end.length + 3 && endsAt(word, n, end)) {
			const sl = n - end.length;
			// Not the future or conditional of pouvoir, courir… ('pourrait' is not 'pourrir').
			if (!endsAt(word, sl, 'rr')) {
				lens[c] = sl;
				endings[c++] = 'ir';
				lens[c] = sl;
				endings[c++] = 're';
			}
			break;
		}
	}
	// -ir verbs, on the form without its plural and feminine endings ('finies' -> 'fini').
	const bl = wl > 3 && endsAt(word, wl, 'e') ? wl - 1 : wl;
	for (const end of VERB_ENDINGS_IR) {
		if (bl > end.length + 2 && endsAt(word, bl, end)) {
			const sl = bl - end.length;
			lens[c] = sl;
			endings[c++] = 'ir';
			// détruit -> détruire, interdite -> interdire (a stem + 're' would read 'marie' as 'marre').
			if (end === 'it' || end === 'is') {
				lens[c] = sl;
				endings[c++] = 'ire';
			}
			break;
		}
	}
	return c;
}

function normalizedMap(src: Record<string, number>): Map<string, number> {
	const map = new Map<string, number>();
	for (const [k, v] of Object.entries(src)) {
		map.set(stripAccents(k), v);
	}
	return map;
}

/** The French lexicon, built on each call (compileLexicon.ts calls it once per language). */
export function frenchLexicon(): LanguageLexicon {
	const lexicon: LanguageLexicon = {
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
		hashtagMinHead: 6,
		negatePhrases: true,
		postNegators: new Set(['pas']),
		shifters: new Set(FR_SHIFTERS.map(stripAccents)),
		stemParts: frenchStemParts,
		normalize: stripAccents,
	};
	return lexicon;
}
