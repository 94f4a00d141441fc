/**
 * Every word the report prints, in English and French, and the "how it was computed"
 * sentences (built with the numbers they explain). The document's language decides.
 */
import { fmtDuration, fmtNumber, fmtShare } from './format';
import type { ReportLanguage } from './types';

type Fmt = { n: (v: number | null, digits?: number) => string; pct: (v: number | null) => string; dur: (ms: number | null) => string };

function fmt(lang: ReportLanguage): Fmt {
	return {
		n: (v, digits = 0) => fmtNumber(v, lang, digits),
		pct: (v) => fmtShare(v, lang),
		dur: (ms) => fmtDuration(ms, lang),
	};
}

export interface HowTexts {
	phasesUser: string;
	phasesSituations: (n: number) => string;
	phasesTimeline: (n: number) => string;
	phasesVolume: string;
	phasesNone: string;
	total: (excluded: number) => string;
	peak: (zone: string) => string;
	perHour: string;
	baseline: (hours: number, scope: 'before' | 'outside' | 'all', median: number, mad: number, threshold: number) => string;
	baselineNone: string;
	highestSituations: (n: number) => string;
	highestTimeline: (n: number) => string;
	levelsNone: string;
	durationSituations: string;
	durationTimeline: string;
	negativeShare: (scored: number, total: number) => string;
	averageRisk: (withRisk: number) => string;
	notScored: string;
	recovery: (baseline: number | null, windowHours: number, minScored: number) => string;
	recoveryNoBaseline: string;
	recoveryNoCrisis: string;
	reach: (unknown: number) => string;
	authors: string;
	topAuthors: string;
	sources: string;
	languages: string;
	themes: string;
	topNegative: string;
	topShared: string;
	firstAbnormal: (gap: number) => string;
	firstAbnormalNone: string;
	firstAlert: string;
	firstAlertNone: string;
	firstApproved: string;
	resolvedEvent: string;
	resolvedEstimated: string;
	resolvedNone: string;
	ttd: (alert: string, abnormal: string, clamped: boolean) => string;
	tta: (approved: string, alert: string) => string;
	ttr: (resolved: string, alert: string, estimated: boolean) => string;
	notComputable: (what: string) => string;
	lateSteps: string;
}

export interface NoteTexts {
	notScored: string;
	excluded: (n: number) => string;
	truncatedRange: (n: number) => string;
	badZone: (zone: string) => string;
	noTimeline: string;
	noSituations: string;
	noMentions: string;
	badPhases: string;
}

/** First letter lower-cased, final period removed (to embed a sentence in another). */
function lower(s: string): string {
	return (s.charAt(0).toLowerCase() + s.slice(1)).replace(/\.$/, '');
}

export function howTexts(lang: ReportLanguage): HowTexts {
	const f = fmt(lang);
	if (lang === 'fr') {
		return {
			phasesUser: 'Phase « pendant » fixée par l’utilisateur ; « avant » et « après » sont ce qui la précède et la suit.',
			phasesSituations: (n) =>
				`Dérivée des niveaux : « pendant » va du début de la première fenêtre évaluée au niveau alerte ou plus au fin de la dernière (${f.n(n)} situations lues).`,
			phasesTimeline: (n) =>
				`Dérivée des changements de niveau de la chronologie : du premier passage au niveau alerte ou plus au retour sous ce niveau ou à l’événement « résolu » (${f.n(n)} changements lus).`,
			phasesVolume:
				'Sans niveaux ni dates fixées : « pendant » est la suite d’heures au volume anormal qui contient le pic (voir la référence de volume).',
			phasesNone: 'Aucune phase de crise trouvée (pas de niveau alerte, pas d’heure anormale) : toutes les mentions comptent comme « avant ».',
			total: (excluded) =>
				`Mentions avec un horodatage valide${excluded ? ` ; ${f.n(excluded)} ignorées (horodatage absent ou invalide)` : ''}.`,
			peak: (zone) => `Plus grand nombre de mentions en une heure d’horloge (heures UTC, affichées dans le fuseau ${zone}).`,
			perHour: 'Mentions de chaque phase divisées par sa durée en heures (avant : depuis l’heure de la première mention ; après : jusqu’à celle de la dernière).',
			baseline: (hours, scope, median, mad, threshold) =>
				`Médiane du volume horaire sur ${f.n(hours)} heures ${scope === 'before' ? 'avant la crise' : scope === 'outside' ? 'hors de la crise' : 'de données'} (heures sans mention comprises) = ${f.n(median, 1)} ; écart absolu médian = ${f.n(mad, 1)} ; une heure est anormale au-dessus de max(médiane + 3 × 1,4826 × écart, 2 × médiane, médiane + 3) = ${f.n(threshold, 1)}.`,
			baselineNone: 'Pas assez de données pour une référence de volume.',
			highestSituations: (n) => `Plus haut niveau parmi ${f.n(n)} situations évaluées.`,
			highestTimeline: (n) => `Plus haut niveau parmi ${f.n(n)} changements de niveau de la chronologie.`,
			levelsNone: 'Ni situations ni changements de niveau fournis : non calculé.',
			durationSituations:
				'Le niveau de chaque situation compte sur sa propre fenêtre (depuis la fin de la fenêtre précédente quand elles se chevauchent) ; durées additionnées pour chaque niveau atteint ou dépassé.',
			durationTimeline:
				'Chaque niveau de la chronologie dure jusqu’au changement suivant (le dernier jusqu’à l’événement « résolu » ou la dernière mention) ; durées additionnées pour chaque niveau atteint ou dépassé.',
			negativeShare: (scored, total) =>
				`Mentions négatives ÷ mentions ayant un sentiment, par phase (${f.n(scored)} sur ${f.n(total)} mentions ont un sentiment).`,
			averageRisk: (withRisk) => `Moyenne du risque 0–100 des mentions notées de chaque phase (${f.n(withRisk)} mentions notées).`,
			notScored: 'Les mentions n’ont pas de score de crise (sentiment, risque, thèmes) : non calculé.',
			recovery: (baseline, windowHours, minScored) =>
				`Rétabli quand la part négative de chaque fenêtre de ${windowHours} h (au moins ${minScored} mentions avec sentiment) ne dépasse plus ensuite la part d’avant (${f.pct(baseline)}) + 5 points, au-delà du hasard (plus de 2 écarts-types binomiaux) ; délai compté depuis le début de la phase « pendant ».`,
			recoveryNoBaseline: 'Pas assez de mentions avec sentiment avant la crise pour une référence : non jugé.',
			recoveryNoCrisis: 'Pas de phase « pendant » : rien à rétablir.',
			reach: (unknown) =>
				`Somme des abonnés des auteurs distincts (chacun une fois, avec le plus grand nombre vu)${unknown ? ` ; ${f.n(unknown)} auteurs à l’audience inconnue comptent pour 0` : ''}. Audience potentielle, pas des vues.`,
			authors: 'Auteurs distincts (plateforme + identifiant, ou pseudo).',
			topAuthors: 'Auteurs classés par nombre d’abonnés, puis par nombre de mentions.',
			sources: 'Mentions par plateforme, et part du total.',
			languages: 'Langue de la mention (champ de la plateforme, sinon langue du score) ; « inconnue » sinon.',
			themes: 'Thèmes de crise trouvés par le score, comptés sur toutes les mentions et pendant la crise.',
			topNegative: 'Mentions négatives classées par partages, puis par engagement total (j’aime + partages + réponses).',
			topShared: 'Sentiment indisponible : mentions les plus partagées de la phase « pendant » (ou de toutes, sans phase).',
			firstAbnormal: (gap) =>
				`Début de la première heure anormale de la suite d’heures anormales qui contient le pic (trous de ${gap} h au plus tolérés).`,
			firstAbnormalNone: 'Aucune heure au-dessus du seuil de volume : non trouvée.',
			firstAlert:
				'Le plus tôt de : un événement « détecté », un passage au niveau alerte ou plus dans la chronologie, une situation au niveau alerte ou plus (heure d’évaluation).',
			firstAlertNone: 'Aucune alerte dans la chronologie ni les situations.',
			firstApproved: 'Premier événement « déclaration approuvée » après la première alerte.',
			resolvedEvent: 'Premier événement « résolu » après la première alerte.',
			resolvedEstimated: 'Pas d’événement « résolu » : fin de la phase « pendant » retenue (estimation).',
			resolvedNone: 'Pas d’événement « résolu » et crise non terminée dans les données.',
			ttd: (alert, abnormal, clamped) =>
				`Première alerte (${alert}) − début de la première heure anormale (${abnormal})${clamped ? ' ; l’alerte est venue avant l’anomalie de volume : 0' : ''}.`,
			tta: (approved, alert) => `Première déclaration approuvée (${approved}) − première alerte (${alert}).`,
			ttr: (resolved, alert, estimated) => `Résolution (${resolved}${estimated ? ', estimée' : ''}) − première alerte (${alert}).`,
			notComputable: (what) => `Non calculable : ${lower(what)}.`,
			lateSteps:
				'Étapes de la chronologie faites après leur échéance, et étapes planifiées avec échéance non faites à l’heure du rapport.',
		};
	}
	return {
		phasesUser: '“During” set by the user; “before” and “after” are what precedes and follows it.',
		phasesSituations: (n) =>
			`Derived from the levels: “during” runs from the start of the first window assessed at alert or higher to the end of the last one (${f.n(n)} situations read).`,
		phasesTimeline: (n) =>
			`Derived from the timeline’s level changes: from the first change to alert or higher to the return below it or the “resolved” event (${f.n(n)} changes read).`,
		phasesVolume:
			'No levels or dates given: “during” is the run of abnormal-volume hours that contains the peak (see the volume baseline).',
		phasesNone: 'No crisis phase found (no alert level, no abnormal hour): every mention counts as “before”.',
		total: (excluded) =>
			`Mentions with a valid timestamp${excluded ? `; ${f.n(excluded)} ignored (missing or invalid timestamp)` : ''}.`,
		peak: (zone) => `Largest number of mentions in one clock hour (UTC hours, shown in the ${zone} time zone).`,
		perHour: 'Mentions of each phase divided by its length in hours (before: from the hour of the first mention; after: to the hour of the last).',
		baseline: (hours, scope, median, mad, threshold) =>
			`Median hourly volume over ${f.n(hours)} hours ${scope === 'before' ? 'before the crisis' : scope === 'outside' ? 'outside the crisis' : 'of data'} (hours without mentions included) = ${f.n(median, 1)}; median absolute deviation = ${f.n(mad, 1)}; an hour is abnormal above max(median + 3 × 1.4826 × deviation, 2 × median, median + 3) = ${f.n(threshold, 1)}.`,
		baselineNone: 'Not enough data for a volume baseline.',
		highestSituations: (n) => `Highest level among ${f.n(n)} assessed situations.`,
		highestTimeline: (n) => `Highest level among ${f.n(n)} level changes on the timeline.`,
		levelsNone: 'No situations or level changes given: not computed.',
		durationSituations:
			'Each situation’s level counts over its own window (from the end of the previous window when windows overlap); durations summed for every level reached or exceeded.',
		durationTimeline:
			'Each level on the timeline lasts until the next change (the last until the “resolved” event or the last mention); durations summed for every level reached or exceeded.',
		negativeShare: (scored, total) =>
			`Negative mentions ÷ mentions with a sentiment, per phase (${f.n(scored)} of ${f.n(total)} mentions have a sentiment).`,
		averageRisk: (withRisk) => `Mean 0–100 risk of the scored mentions of each phase (${f.n(withRisk)} scored mentions).`,
		notScored: 'Mentions carry no crisis score (sentiment, risk, themes): not computed.',
		recovery: (baseline, windowHours, minScored) =>
			`Recovered when the negative share of every ${windowHours}-hour window (at least ${minScored} mentions with a sentiment) no longer exceeds the before share (${f.pct(baseline)}) + 5 points by more than chance (2 binomial standard deviations); time counted from the start of the “during” phase.`,
		recoveryNoBaseline: 'Too few mentions with a sentiment before the crisis for a baseline: not judged.',
		recoveryNoCrisis: 'No “during” phase: nothing to recover from.',
		reach: (unknown) =>
			`Sum of the followers of distinct authors (each once, with the largest count seen)${unknown ? `; ${f.n(unknown)} authors with unknown audience count as 0` : ''}. Potential audience, not views.`,
		authors: 'Distinct authors (platform + id, or handle).',
		topAuthors: 'Authors ranked by followers, then by number of mentions.',
		sources: 'Mentions per platform, and share of the total.',
		languages: 'Language of the mention (platform field, else the scoring language); “unknown” otherwise.',
		themes: 'Crisis themes found by the scoring, counted over all mentions and during the crisis.',
		topNegative: 'Negative mentions ranked by shares, then by total engagement (likes + shares + replies).',
		topShared: 'Sentiment unavailable: most shared mentions of the “during” phase (or of all, without a phase).',
		firstAbnormal: (gap) =>
			`Start of the first abnormal hour in the run of abnormal hours that contains the peak (gaps of up to ${gap} h allowed).`,
		firstAbnormalNone: 'No hour above the volume threshold: not found.',
		firstAlert:
			'Earliest of: a “detected” event, a change to alert or higher on the timeline, a situation at alert or higher (its assessment time).',
		firstAlertNone: 'No alert on the timeline or in the situations.',
		firstApproved: 'First “statement approved” event after the first alert.',
		resolvedEvent: 'First “resolved” event after the first alert.',
		resolvedEstimated: 'No “resolved” event: end of the “during” phase used (estimate).',
		resolvedNone: 'No “resolved” event and the crisis had not ended in the data.',
		ttd: (alert, abnormal, clamped) =>
			`First alert (${alert}) − start of the first abnormal hour (${abnormal})${clamped ? '; the alert came before the volume anomaly: 0' : ''}.`,
		tta: (approved, alert) => `First approved statement (${approved}) − first alert (${alert}).`,
		ttr: (resolved, alert, estimated) => `Resolution (${resolved}${estimated ? ', estimated' : ''}) − first alert (${alert}).`,
		notComputable: (what) => `Not computable: ${lower(what)}.`,
		lateSteps: 'Timeline steps done after their deadline, and planned steps with a deadline not done by the report time.',
	};
}

export function noteTexts(lang: ReportLanguage): NoteTexts {
	const f = fmt(lang);
	if (lang === 'fr') {
		return {
			notScored:
				'Les mentions n’ont pas de score de crise : sentiment, risque et thèmes ne sont pas calculés. Passez-les d’abord par « Crisis Score ».',
			excluded: (n) => `${f.n(n)} mentions ignorées : horodatage absent ou invalide.`,
			truncatedRange: (n) => `${f.n(n)} mentions hors des 2 ans les plus récents ignorées.`,
			badZone: (zone) => `Fuseau horaire « ${zone} » inconnu : heures affichées en UTC.`,
			noTimeline: 'Pas de chronologie : délais de détection, de prise de parole et de résolution non calculés ou estimés.',
			noSituations: 'Pas de situations évaluées : durées par niveau tirées de la chronologie, ou non calculées.',
			noMentions: 'Aucune mention : le rapport est vide.',
			badPhases: 'Phases fixées invalides (début après fin ou dates illisibles) : phases dérivées à la place.',
		};
	}
	return {
		notScored: 'Mentions carry no crisis score: sentiment, risk and themes are not computed. Run them through “Crisis Score” first.',
		excluded: (n) => `${f.n(n)} mentions ignored: missing or invalid timestamp.`,
		truncatedRange: (n) => `${f.n(n)} mentions older than the latest 2 years ignored.`,
		badZone: (zone) => `Unknown time zone “${zone}”: times shown in UTC.`,
		noTimeline: 'No timeline: detection, acknowledgement and resolution times are not computed or are estimated.',
		noSituations: 'No assessed situations: time per level taken from the timeline, or not computed.',
		noMentions: 'No mentions: the report is empty.',
		badPhases: 'Invalid phases given (start after end or unreadable dates): phases derived instead.',
	};
}

/** Labels of the rendered documents. */
export interface Labels {
	defaultTitle: string;
	lang: string;
	generated: string;
	period: string;
	times: string;
	keyFigures: string;
	mentions: string;
	peakHour: string;
	at: string;
	timeToDetect: string;
	timeToAcknowledge: string;
	timeToResolve: string;
	negativeDuring: string;
	vsBefore: string;
	potentialReach: string;
	authors: string;
	highestLevel: string;
	summary: string;
	volumeTitle: string;
	volumeSubtitle: (bucketHours: number) => string;
	negativeMentions: string;
	allMentions: string;
	phaseBefore: string;
	phaseDuring: string;
	phaseAfter: string;
	phases: string;
	phase: string;
	perHour: string;
	negativeShare: string;
	averageRisk: string;
	sentimentTitle: string;
	negative: string;
	neutral: string;
	positive: string;
	unknown: string;
	recovery: string;
	recovered: (d: string) => string;
	recoveredNoDegradation: string;
	notRecovered: string;
	notJudged: string;
	recoveryShortAfter: string;
	recoveryShortNot: string;
	recoveryShortNone: string;
	levelsTitle: string;
	timeAtOrAbove: string;
	levelNames: Record<string, string>;
	responseTitle: string;
	firstAbnormal: string;
	firstAlert: string;
	firstApproved: string;
	resolved: string;
	estimated: string;
	lateSteps: string;
	noLateSteps: string;
	deadline: string;
	doneAt: string;
	notDone: string;
	lateBy: string;
	timelineTitle: string;
	event: string;
	when: string;
	who: string;
	eventNames: Record<string, string>;
	reachTitle: string;
	topAuthors: string;
	author: string;
	followers: string;
	sourcesTitle: string;
	languagesTitle: string;
	themesTitle: string;
	theme: string;
	total: string;
	topNegativeTitle: string;
	topSharedTitle: string;
	shares: string;
	engagement: string;
	risk: string;
	open: string;
	methodTitle: string;
	notesTitle: string;
	none: string;
	noData: string;
	langUnknown: string;
	footer: string;
	chartAria: string;
	sentimentAria: string;
	sourcesAria: string;
	verified: string;
	more: (n: number) => string;
	summaryText: (s: SummaryParts) => string;
}

export interface SummaryParts {
	brand: string | null;
	mentions: string;
	duringMentions: string;
	peak: string | null;
	peakAt: string | null;
	highestLevel: string | null;
	ttd: string | null;
	tta: string | null;
	negBefore: string | null;
	negDuring: string | null;
	recovery: string | null;
}

const levelNamesEn = { calm: 'Calm', watch: 'Watch', alert: 'Alert', crisis: 'Crisis', critical: 'Critical' };
const levelNamesFr = { calm: 'Calme', watch: 'Vigilance', alert: 'Alerte', crisis: 'Crise', critical: 'Critique' };

export function labels(lang: ReportLanguage): Labels {
	if (lang === 'fr') {
		return {
			defaultTitle: 'Rapport d’impact post-crise',
			lang: 'fr',
			generated: 'Généré le',
			period: 'Période',
			times: 'Heures',
			keyFigures: 'Chiffres clés',
			mentions: 'Mentions',
			peakHour: 'Pic horaire',
			at: 'à',
			timeToDetect: 'Délai de détection',
			timeToAcknowledge: 'Délai de prise de parole',
			timeToResolve: 'Délai de résolution',
			negativeDuring: 'Part négative pendant',
			vsBefore: 'avant',
			potentialReach: 'Audience potentielle',
			authors: 'auteurs',
			highestLevel: 'Niveau maximal',
			summary: 'En bref',
			volumeTitle: 'Volume de mentions',
			volumeSubtitle: (h) => (h === 1 ? 'mentions par heure' : `mentions par tranche de ${h} h`),
			negativeMentions: 'dont négatives',
			allMentions: 'mentions',
			phaseBefore: 'Avant',
			phaseDuring: 'Pendant',
			phaseAfter: 'Après',
			phases: 'Avant, pendant, après',
			phase: 'Phase',
			perHour: 'Par heure',
			negativeShare: 'Part négative',
			averageRisk: 'Risque moyen',
			sentimentTitle: 'Sentiment avant, pendant, après',
			negative: 'Négatif',
			neutral: 'Neutre',
			positive: 'Positif',
			unknown: 'Sans sentiment',
			recovery: 'Rétablissement',
			recovered: (d) => `Sentiment rétabli ${d} après le début de la crise.`,
			recoveredNoDegradation: 'Le sentiment ne s’est pas dégradé pendant la crise.',
			notRecovered: 'Sentiment pas encore rétabli à la fin des données.',
			notJudged: 'Rétablissement non jugé.',
			recoveryShortAfter: 'du sentiment, après le début',
			recoveryShortNot: 'sentiment pas encore rétabli',
			recoveryShortNone: 'sentiment pas dégradé',
			levelsTitle: 'Temps passé par niveau',
			timeAtOrAbove: 'Au niveau ou au-dessus',
			levelNames: levelNamesFr,
			responseTitle: 'Réponse',
			firstAbnormal: 'Première heure anormale',
			firstAlert: 'Première alerte',
			firstApproved: 'Première déclaration approuvée',
			resolved: 'Résolution',
			estimated: 'estimée',
			lateSteps: 'Étapes en retard',
			noLateSteps: 'Aucune étape en retard.',
			deadline: 'Échéance',
			doneAt: 'Faite le',
			notDone: 'pas faite',
			lateBy: 'Retard',
			timelineTitle: 'Chronologie',
			event: 'Événement',
			when: 'Quand',
			who: 'Qui',
			eventNames: {
				detected: 'Crise détectée',
				levelChanged: 'Changement de niveau',
				planIssued: 'Plan émis',
				statementDrafted: 'Déclaration rédigée',
				statementApproved: 'Déclaration approuvée',
				statementPosted: 'Déclaration publiée',
				publishingPaused: 'Publications suspendues',
				publishingResumed: 'Publications reprises',
				stepDone: 'Étape faite',
				resolved: 'Résolu',
			},
			reachTitle: 'Portée et auteurs',
			topAuthors: 'Principaux auteurs',
			author: 'Auteur',
			followers: 'Abonnés',
			sourcesTitle: 'Sources',
			languagesTitle: 'Langues',
			themesTitle: 'Thèmes',
			theme: 'Thème',
			total: 'Total',
			topNegativeTitle: 'Mentions négatives les plus partagées',
			topSharedTitle: 'Mentions les plus partagées',
			shares: 'partages',
			engagement: 'engagement',
			risk: 'risque',
			open: 'ouvrir',
			methodTitle: 'Comment chaque chiffre est calculé',
			notesTitle: 'Limites de ce rapport',
			none: 'aucun',
			noData: 'Pas de données.',
			langUnknown: 'inconnue',
			footer: 'Rapport généré par Crisis Kit pour n8n. Chiffres calculés sur les mentions fournies ; chaque méthode est décrite ci-dessus.',
			chartAria: 'Graphique du volume de mentions par heure avec les niveaux et les événements',
			sentimentAria: 'Graphique de la répartition du sentiment avant, pendant et après',
			sourcesAria: 'Graphique des mentions par source',
			verified: 'certifié',
			more: (n) => `et ${n} de plus`,
			summaryText: (s) => {
				const parts: string[] = [];
				parts.push(
					`${s.mentions} mentions${s.brand ? ` de ${s.brand}` : ''}, dont ${s.duringMentions} pendant la crise${s.peak ? ` ; pic de ${s.peak} mentions en une heure le ${s.peakAt}` : ''}.`,
				);
				if (s.highestLevel) parts.push(`Niveau maximal : ${s.highestLevel}.`);
				if (s.ttd) parts.push(`Détectée en ${s.ttd}${s.tta ? `, première déclaration approuvée ${s.tta} après l’alerte` : ''}.`);
				if (s.negDuring) parts.push(`Part négative : ${s.negBefore ?? '–'} avant, ${s.negDuring} pendant.`);
				if (s.recovery) parts.push(s.recovery);
				return parts.join(' ');
			},
		};
	}
	return {
		defaultTitle: 'Post-crisis impact report',
		lang: 'en',
		generated: 'Generated',
		period: 'Period',
		times: 'Times',
		keyFigures: 'Key figures',
		mentions: 'Mentions',
		peakHour: 'Peak hour',
		at: 'at',
		timeToDetect: 'Time to detect',
		timeToAcknowledge: 'Time to acknowledge',
		timeToResolve: 'Time to resolve',
		negativeDuring: 'Negative share during',
		vsBefore: 'before',
		potentialReach: 'Potential reach',
		authors: 'authors',
		highestLevel: 'Highest level',
		summary: 'In short',
		volumeTitle: 'Mention volume',
		volumeSubtitle: (h) => (h === 1 ? 'mentions per hour' : `mentions per ${h}-hour slot`),
		negativeMentions: 'of which negative',
		allMentions: 'mentions',
		phaseBefore: 'Before',
		phaseDuring: 'During',
		phaseAfter: 'After',
		phases: 'Before, during, after',
		phase: 'Phase',
		perHour: 'Per hour',
		negativeShare: 'Negative share',
		averageRisk: 'Average risk',
		sentimentTitle: 'Sentiment before, during, after',
		negative: 'Negative',
		neutral: 'Neutral',
		positive: 'Positive',
		unknown: 'No sentiment',
		recovery: 'Recovery',
		recovered: (d) => `Sentiment recovered ${d} after the crisis began.`,
		recoveredNoDegradation: 'Sentiment did not degrade during the crisis.',
		notRecovered: 'Sentiment had not recovered by the end of the data.',
		notJudged: 'Recovery not judged.',
		recoveryShortAfter: 'of sentiment, after the start',
		recoveryShortNot: 'sentiment not recovered yet',
		recoveryShortNone: 'sentiment did not degrade',
		levelsTitle: 'Time spent per level',
		timeAtOrAbove: 'At or above',
		levelNames: levelNamesEn,
		responseTitle: 'Response',
		firstAbnormal: 'First abnormal hour',
		firstAlert: 'First alert',
		firstApproved: 'First approved statement',
		resolved: 'Resolved',
		estimated: 'estimated',
		lateSteps: 'Steps done late',
		noLateSteps: 'No step was late.',
		deadline: 'Deadline',
		doneAt: 'Done',
		notDone: 'not done',
		lateBy: 'Late by',
		timelineTitle: 'Timeline',
		event: 'Event',
		when: 'When',
		who: 'Who',
		eventNames: {
			detected: 'Crisis detected',
			levelChanged: 'Level changed',
			planIssued: 'Plan issued',
			statementDrafted: 'Statement drafted',
			statementApproved: 'Statement approved',
			statementPosted: 'Statement posted',
			publishingPaused: 'Publishing paused',
			publishingResumed: 'Publishing resumed',
			stepDone: 'Step done',
			resolved: 'Resolved',
		},
		reachTitle: 'Reach and authors',
		topAuthors: 'Top authors',
		author: 'Author',
		followers: 'Followers',
		sourcesTitle: 'Sources',
		languagesTitle: 'Languages',
		themesTitle: 'Themes',
		theme: 'Theme',
		total: 'Total',
		topNegativeTitle: 'Most shared negative mentions',
		topSharedTitle: 'Most shared mentions',
		shares: 'shares',
		engagement: 'engagement',
		risk: 'risk',
		open: 'open',
		methodTitle: 'How each figure is computed',
		notesTitle: 'Limits of this report',
		none: 'none',
		noData: 'No data.',
		langUnknown: 'unknown',
		footer: 'Report generated by Crisis Kit for n8n. Figures computed from the mentions supplied; each method is described above.',
		chartAria: 'Chart of mention volume per hour with levels and events',
		sentimentAria: 'Chart of the sentiment split before, during and after',
		sourcesAria: 'Chart of mentions per source',
		verified: 'verified',
		more: (n) => `and ${n} more`,
		summaryText: (s) => {
			const parts: string[] = [];
			parts.push(
				`${s.mentions} mentions${s.brand ? ` of ${s.brand}` : ''}, ${s.duringMentions} of them during the crisis${s.peak ? `; peak of ${s.peak} mentions in one hour on ${s.peakAt}` : ''}.`,
			);
			if (s.highestLevel) parts.push(`Highest level: ${s.highestLevel}.`);
			if (s.ttd) parts.push(`Detected in ${s.ttd}${s.tta ? `, first statement approved ${s.tta} after the alert` : ''}.`);
			if (s.negDuring) parts.push(`Negative share: ${s.negBefore ?? '–'} before, ${s.negDuring} during.`);
			if (s.recovery) parts.push(s.recovery);
			return parts.join(' ');
		},
	};
}
