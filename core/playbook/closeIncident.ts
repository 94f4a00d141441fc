/**
 * Close Incident: reads the incident's timeline, its mentions and (optionally) a backtest of
 * the thresholds, measures it (time to detect, time to acknowledge, peak) and lists what the
 * crisis document should learn: alerts that came late, false alarms, hashtags that spread but
 * were not watched, steps that missed their deadline, statements edited before approval.
 */
import { DateTime } from 'luxon';

import { PLAN_LEVELS } from '../document/types';
import type { CrisisDocument, Language, PlanLevel } from '../document/types';
import { authorReach } from '../mention/mention';
import type { Level } from '../levels';
import { mentionMatchesScenario, normaliseForCues } from './matchScenario';
import type { PlaybookMention } from './matchScenario';
import { PlaybookError } from './playbookError';
import { requireDocument } from './requireDocument';
import { epochMs, isInstant, minutesBetween, parseInstant, toUtc } from './time';
import { logEvent, readTimeline, sortTimeline } from './timeline';
import type { Actor, BacktestSummary, Finding, IncidentReview, TimelineEvent } from './types';

export interface CloseIncidentInput {
	document: CrisisDocument;
	incidentId: string;
	timeline: readonly TimelineEvent[];
	/** The incident's mentions (scored ones tell the negative share and reach). */
	mentions?: readonly PlaybookMention[];
	backtest?: BacktestSummary;
	now: string;
	/** Who closes it (for the `resolved` event); default the system. */
	actor?: Actor;
}

export function closeIncident(input: CloseIncidentInput): IncidentReview {
	const document = requireDocument(input.document);
	const now = parseInstant(input.now, 'now');
	const events = sortTimeline((input.timeline ?? []).filter((e) => e && e.incidentId === input.incidentId));
	if (events.length === 0) {
		throw new PlaybookError('invalidInput', `expected the events of incident ${JSON.stringify(input.incidentId)}, got none`, 'timeline');
	}
	const state = readTimeline(events);
	const scenarioIds = incidentScenarios(events, document);
	const scenarios = document.scenarios.filter((s) => scenarioIds.includes(s.id));
	const mentions = [...(input.mentions ?? [])]
		.filter((m) => m && isInstant(m.publishedAt))
		.sort((a, b) => epochMs(a.publishedAt) - epochMs(b.publishedAt) || (a.id < b.id ? -1 : 1));
	const incidentMentions = scenarios.length > 0 ? mentions.filter((m) => scenarios.some((s) => mentionMatchesScenario(s, m))) : mentions;

	const detected = events.find((e) => e.type === 'detected') ?? events.find((e) => e.type === 'levelChanged' || e.type === 'planIssued');
	const detectedAt = detected ? detected.at : null;
	const declaredFirst = events
		.filter((e) => e.type === 'detected')
		.map((e) => (e as TimelineEvent<'detected'>).data.firstMentionAt)
		.filter((at): at is string => typeof at === 'string')
		.map((at) => toUtc(parseInstant(at, 'timeline.detected.firstMentionAt')));
	const firstCandidates = [...declaredFirst, ...(incidentMentions[0] ? [toUtc(parseInstant(incidentMentions[0].publishedAt, 'mentions.publishedAt'))] : [])];
	const firstMentionAt = firstCandidates.length ? firstCandidates.sort((a, b) => epochMs(a) - epochMs(b))[0] : null;
	const firstPosted = state.holdingStatementPostedAt ?? events.find((e) => e.type === 'statementPosted')?.at ?? null;
	const resolvedAt = state.resolvedAt ?? toUtc(now);
	const minutes = (a: string | null, b: string | null): number | null =>
		a && b ? minutesBetween(DateTime.fromISO(a, { setZone: true }), DateTime.fromISO(b, { setZone: true })) : null;

	const findings: Finding[] = [
		...lateAlertFromMentions(document, mentions, incidentMentions, detectedAt, resolvedAt),
		...fromBacktest(document, input.backtest),
		...unwatchedTerms(document, incidentMentions, scenarioIds),
		...missedDeadlines(events, state.completedAt, resolvedAt),
		...editedStatements(events),
	];

	const peakLevel: Level = state.peakLevel ?? 'calm';
	const timeToDetect = minutes(firstMentionAt, detectedAt);
	const timeToAck = minutes(detectedAt, firstPosted);
	const summary = [
		`Incident ${input.incidentId}: peak level ${peakLevel}, scenario${scenarioIds.length > 1 ? 's' : ''} ${scenarioIds.join(', ') || 'none'}, ${incidentMentions.length} incident mentions.`,
		timeToDetect !== null ? `Detected ${timeToDetect} min after the first incident mention.` : 'Time to detect unknown (no incident mention or no detection event).',
		timeToAck !== null ? `Holding statement posted ${timeToAck} min after detection.` : 'No statement was posted.',
		findings.length
			? `${findings.length} finding${findings.length > 1 ? 's' : ''}: ${countKinds(findings)}.`
			: 'No finding: the document worked as written.',
	];
	const resolvedEvent = state.resolvedAt
		? null
		: logEvent({
				incidentId: input.incidentId,
				type: 'resolved',
				actor: input.actor ?? { kind: 'system', id: 'crisis-kit' },
				data: { summary: summary[0] },
				now: toUtc(now),
			});
	return {
		incidentId: input.incidentId,
		documentVersion: document.version,
		closedAt: toUtc(now),
		scenarioIds,
		peakLevel,
		firstMentionAt,
		detectedAt,
		firstStatementPostedAt: firstPosted,
		resolvedAt,
		timeToDetectMinutes: timeToDetect,
		timeToAcknowledgeMinutes: timeToAck,
		incidentMentions: incidentMentions.length,
		findings,
		summary,
		resolvedEvent,
	};
}

function countKinds(findings: Finding[]): string {
	const counts = new Map<string, number>();
	for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
	return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

function incidentScenarios(events: TimelineEvent[], document: CrisisDocument): string[] {
	const ids: string[] = [];
	for (const e of events) {
		const id =
			e.type === 'planIssued' ? (e as TimelineEvent<'planIssued'>).data.scenarioId
			: e.type === 'detected' ? (e as TimelineEvent<'detected'>).data.scenarioId
			: e.type === 'statementDrafted' ? (e as TimelineEvent<'statementDrafted'>).data.scenarioId
			: undefined;
		if (id && !ids.includes(id) && document.scenarios.some((s) => s.id === id)) ids.push(id);
	}
	return ids;
}

function isNegative(m: PlaybookMention): boolean | null {
	const label = m.crisis?.sentiment?.label;
	return label === undefined ? null : label === 'negative';
}

/**
 * The alert was due when the window's mentions first reached the alert volume (and at least one
 * of them was about the incident). Late when detection came more than `lateAlertMinutes` after.
 * The criteria still below their alert threshold at that moment are what held the alert back.
 */
function lateAlertFromMentions(
	document: CrisisDocument,
	mentions: PlaybookMention[],
	incidentMentions: PlaybookMention[],
	detectedAt: string | null,
	resolvedAt: string,
): Finding[] {
	const { windowMinutes, influentialFollowers, thresholds } = document.levels;
	const alert = thresholds.alert;
	const windowMs = windowMinutes * 60_000;
	const incidentIds = new Set(incidentMentions.map((m) => m.id));
	let start = 0;
	for (let end = 0; end < mentions.length; end++) {
		const t = epochMs(mentions[end].publishedAt);
		while (epochMs(mentions[start].publishedAt) <= t - windowMs) start++;
		const window = mentions.slice(start, end + 1);
		if (window.length < Math.max(alert.minMentions, 1)) continue;
		if (!window.some((m) => incidentIds.has(m.id))) continue;
		const dueAt = toUtc(DateTime.fromMillis(t, { zone: 'utc' }));
		const reference = detectedAt ?? resolvedAt;
		const late = Math.round((epochMs(reference) - t) / 60_000);
		if (detectedAt !== null && late <= document.review.lateAlertMinutes) return [];
		const scored = window.filter((m) => isNegative(m) !== null);
		const negatives = window.filter((m) => isNegative(m) === true);
		const negativeAuthors = new Map<string, number>();
		for (const m of negatives) negativeAuthors.set(`${m.platform}:${m.author?.handle ?? m.id}`, m.author ? authorReach(m.author) : 0);
		const observed = {
			minNegativeShare: scored.length ? Math.floor((negatives.length / scored.length) * 100) / 100 : null,
			minInfluentialAuthors: [...negativeAuthors.values()].filter((f) => f >= influentialFollowers).length,
			minNegativeReach: [...negativeAuthors.values()].reduce((a, b) => a + b, 0),
		};
		const blocking: Array<{ field: string; observed: number; threshold: number }> = [];
		for (const field of ['minNegativeShare', 'minInfluentialAuthors', 'minNegativeReach'] as const) {
			const value = observed[field];
			if (value !== null && value < alert[field]) blocking.push({ field, observed: value, threshold: alert[field] });
		}
		const held = blocking.length
			? `below the alert threshold then: ${blocking.map((b) => `${b.field} ${b.observed} < ${b.threshold}`).join(', ')}`
			: 'every criterion measurable from the mentions was met, so the volume ratio against the baseline held it back';
		return [
			{
				kind: 'lateAlert',
				level: 'alert',
				minutesLate: late,
				dueAt,
				detectedAt,
				blockingCriteria: blocking,
				source: 'timeline',
				reason: `${window.length} mentions in ${windowMinutes} min by ${dueAt}, but the incident was ${detectedAt ? `detected ${late} min later (${detectedAt})` : 'never detected'}; ${held}.`,
			},
		];
	}
	return [];
}

function planLevel(level: unknown): PlanLevel | null {
	return (PLAN_LEVELS as readonly unknown[]).includes(level) ? (level as PlanLevel) : null;
}

function fromBacktest(document: CrisisDocument, backtest: BacktestSummary | undefined): Finding[] {
	if (!backtest) return [];
	const findings: Finding[] = [];
	const late = new Map<PlanLevel, { count: number; worst: number; example: string }>();
	for (const [i, l] of (backtest.lateAlerts ?? []).entries()) {
		const level = planLevel(l.level);
		if (!level) continue;
		const first = parseInstant(l.firstMentionAt, `backtest.lateAlerts[${i}].firstMentionAt`);
		const alerted = l.alertedAt === null ? null : parseInstant(l.alertedAt, `backtest.lateAlerts[${i}].alertedAt`);
		const minutesLate = alerted ? minutesBetween(first, alerted) : Number.POSITIVE_INFINITY;
		if (alerted && minutesLate <= document.review.lateAlertMinutes) continue;
		const entry = late.get(level) ?? { count: 0, worst: 0, example: toUtc(first) };
		entry.count++;
		entry.worst = Math.max(entry.worst, minutesLate);
		late.set(level, entry);
	}
	for (const [level, e] of late) {
		const worst = Number.isFinite(e.worst) ? e.worst : -1;
		findings.push({
			kind: 'lateAlert',
			level,
			minutesLate: worst,
			dueAt: e.example,
			detectedAt: null,
			blockingCriteria: [],
			source: 'backtest',
			reason: `the backtest found ${e.count} incident${e.count > 1 ? 's' : ''} flagged at ${level} late or never (worst: ${worst >= 0 ? `${worst} min` : 'missed'}).`,
		});
	}
	const falseAlarms = new Map<PlanLevel, number>();
	for (const f of backtest.falseAlarms ?? []) {
		const level = planLevel(f.level);
		if (level) falseAlarms.set(level, (falseAlarms.get(level) ?? 0) + 1);
	}
	for (const level of PLAN_LEVELS) {
		const count = falseAlarms.get(level) ?? 0;
		if (count >= document.review.falseAlarmsBeforeRaise) {
			findings.push({ kind: 'falseAlarm', level, count, reason: `the backtest found ${count} false alarms at ${level} (the document tolerates ${document.review.falseAlarmsBeforeRaise - 1}).` });
		}
	}
	return findings;
}

function unwatchedTerms(document: CrisisDocument, incidentMentions: PlaybookMention[], scenarioIds: string[]): Finding[] {
	if (incidentMentions.length === 0) return [];
	const watched = new Set([...document.brand.hashtags, ...document.brand.watchTerms].map((t) => normaliseForCues(t).trim().replace(/ /g, '')));
	const byTag = new Map<string, { display: string; mentions: PlaybookMention[] }>();
	for (const m of incidentMentions) {
		const tags = new Set((Array.isArray(m.hashtags) ? m.hashtags : []).map((t) => String(t).replace(/^#/, '')));
		for (const tag of tags) {
			const key = normaliseForCues(tag).trim().replace(/ /g, '');
			if (!key) continue;
			const entry = byTag.get(key) ?? { display: tag.toLowerCase(), mentions: [] };
			entry.mentions.push(m);
			byTag.set(key, entry);
		}
	}
	const { unwatchedTermMinMentions, unwatchedTermMinShare } = document.review;
	const findings: Finding[] = [];
	const sorted = [...byTag.entries()].sort((a, b) => b[1].mentions.length - a[1].mentions.length || (a[0] < b[0] ? -1 : 1));
	for (const [key, entry] of sorted) {
		const count = entry.mentions.length;
		const share = Math.round((count / incidentMentions.length) * 100) / 100;
		if (watched.has(key) || count < unwatchedTermMinMentions || count / incidentMentions.length < unwatchedTermMinShare) continue;
		const languages = new Map<string, number>();
		for (const m of entry.mentions) if (m.language) languages.set(m.language, (languages.get(m.language) ?? 0) + 1);
		const top = [...languages].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
		const language: Language = top && (document.languages as string[]).includes(top) ? (top as Language) : document.defaultLanguage;
		findings.push({
			kind: 'unwatchedTerm',
			term: entry.display,
			mentions: count,
			share,
			scenarioId: scenarioIds[0] ?? null,
			language,
			reason: `#${entry.display} was in ${count} of ${incidentMentions.length} incident mentions (${Math.round(share * 100)}%) but is not watched.`,
		});
	}
	return findings;
}

function missedDeadlines(events: TimelineEvent[], completedAt: Record<string, string>, resolvedAt: string): Finding[] {
	const due = new Map<string, { dueAt: string; ownerId: string }>();
	for (const e of events) {
		if (e.type !== 'planIssued') continue;
		for (const s of (e as TimelineEvent<'planIssued'>).data.steps) {
			due.set(s.id, { dueAt: toUtc(parseInstant(s.dueAt, `timeline.planIssued.steps.${s.id}.dueAt`)), ownerId: s.ownerId });
		}
	}
	const findings: Finding[] = [];
	for (const [stepId, { dueAt, ownerId }] of due) {
		const doneAt = completedAt[stepId] ?? null;
		const end = doneAt ?? resolvedAt;
		const late = Math.floor((epochMs(end) - epochMs(dueAt)) / 60_000);
		if (late < 1) continue;
		findings.push({
			kind: 'missedDeadline',
			stepId,
			ownerId,
			dueAt,
			doneAt,
			minutesLate: late,
			reason: doneAt
				? `step ${stepId} (owner ${ownerId}) was done ${late} min after its deadline (${dueAt}).`
				: `step ${stepId} (owner ${ownerId}) was never marked done; its deadline was ${dueAt}.`,
		});
	}
	return findings;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

function editedStatements(events: TimelineEvent[]): Finding[] {
	const drafts = new Map<string, TimelineEvent<'statementDrafted'>>();
	const findings: Finding[] = [];
	for (const e of events) {
		if (e.type === 'statementDrafted') drafts.set((e as TimelineEvent<'statementDrafted'>).data.statementId, e as TimelineEvent<'statementDrafted'>);
		if (e.type !== 'statementApproved') continue;
		const approved = (e as TimelineEvent<'statementApproved'>).data;
		const draft = drafts.get(approved.statementId);
		if (!draft || squash(draft.data.text) === squash(approved.text)) continue;
		findings.push({
			kind: 'editedStatement',
			statementId: approved.statementId,
			scenarioId: draft.data.scenarioId,
			statementKind: draft.data.kind,
			language: draft.data.language,
			variant: draft.data.variant,
			truncated: draft.data.truncated,
			drafted: draft.data.text,
			approved: approved.text,
			values: { ...(draft.data.values ?? {}) },
			reason: `${approved.approverId} edited the ${draft.data.kind} statement (${draft.data.language}, ${draft.data.channel}) before approving it.`,
		});
	}
	return findings;
}
