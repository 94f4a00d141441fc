/**
 * Backtest of the whole assessment (scores, volume detector, thresholds, alert hygiene) on past
 * mentions: when each level would have fired, the detection delay after each labelled incident,
 * alerts per week and false alarms — so a team tunes its thresholds on its own history.
 */
import { LEVELS, levelRank } from '../levels';
import type { Level } from '../levels';
import { DEFAULT_LEVEL_THRESHOLDS } from '../document/levelThresholds';
import { PLAN_LEVELS } from '../document/types';
import type { LevelThreshold, PlanLevel } from '../document/types';
import { advanceSituation, createSituationState, ingestCounts, replaySituations } from './situation';
import type { AssessedSituation, ScoredMention, SituationConfig } from './situation';

export interface LabelledIncident {
	start: string;
	end: string;
	label?: string;
}

export interface SituationBacktest {
	from: string | null;
	to: string | null;
	buckets: number;
	weeks: number;
	/** Every level change, in time order, with its reasons. */
	levelChanges: Array<{ at: string; from: Level; to: Level; reasons: string[] }>;
	/** Notifications at or above `alertLevel`. */
	alerts: Array<{ at: string; level: Level }>;
	alertsPerWeek: number;
	/** Alerts outside every labelled incident (only meaningful with incidents). */
	falseAlarms: number;
	minutesAtLevel: Record<Level, number>;
	incidents: Array<{
		label: string | null;
		start: string;
		end: string;
		detectedAt: string | null;
		delayMinutes: number | null;
		maxLevel: Level;
		firstLevelAt: Partial<Record<Level, string>>;
	}>;
	alertLevel: Level;
	reasons: string[];
	/** Thresholds for the document's `levels`, fitted to this history (see `suggestThresholds`). */
	suggestedThresholds: SuggestedThresholds;
}

/** Target firings per month outside labelled incidents, per level (a team reads a watch a week, a crisis a quarter). */
export const SUGGESTION_TARGET_PER_MONTH: Readonly<Record<PlanLevel, number>> = Object.freeze({ watch: 4, alert: 2, crisis: 0.5, critical: 0.25 });

export interface ThresholdOutcome {
	/** Episodes (a run of windows meeting the level, 6 h apart at least) over the history. */
	firings: number;
	firingsPerMonth: number;
	/** Episodes outside every labelled incident. */
	falseFiringsPerMonth: number;
	/** First 10 episode starts, RFC 3339. */
	firstFirings: string[];
	/** Per labelled incident: minutes from its start to the first window meeting the level, or null. */
	incidentDelays: Array<{ label: string | null; delayMinutes: number | null }>;
}

export interface SuggestedLevel {
	/** Paste into `levels.thresholds.<level>` (the other criteria are kept from the current document). */
	thresholds: LevelThreshold;
	suggested: ThresholdOutcome;
	current: ThresholdOutcome;
}

export interface SuggestedThresholds {
	/** Per level: a suggested `minMentions` / `minVolumeRatio`, with what would have fired under it and under the current document. */
	levels: Partial<Record<PlanLevel, SuggestedLevel>>;
	/** Firings per month the suggestion aims at, outside labelled incidents. */
	targetPerMonth: Record<PlanLevel, number>;
	months: number;
	/** Whether the history has scored texts (else negative share, authors and reach are left out of the test). */
	textsKnown: boolean;
	reasons: string[];
}

export function backtestSituations(
	mentions: ScoredMention[],
	now: string,
	incidents: LabelledIncident[] = [],
	config: Partial<SituationConfig> = {},
	alertLevel: Level = 'alert',
): SituationBacktest {
	const situations = replaySituations(mentions, now, config);
	return summarise(situations, incidents, config.bucketMinutes ?? 15, alertLevel, config.thresholds?.thresholds);
}

/**
 * The same backtest over a past counts series (`{ timestamp, value }` per bucket, no texts): what
 * the volume evidence and the document's mention and volume thresholds would have done.
 */
export function backtestCounts(
	counts: Array<{ timestamp: string | number; value: number }>,
	now: string,
	incidents: LabelledIncident[] = [],
	config: Partial<SituationConfig> = {},
	alertLevel: Level = 'alert',
): SituationBacktest {
	const state = createSituationState(config);
	ingestCounts(state, counts, { ...config, maxOpenBuckets: Infinity });
	const situations = advanceSituation(state, now, { ...config, maxOpenBuckets: Infinity });
	return summarise(situations, incidents, config.bucketMinutes ?? 15, alertLevel, config.thresholds?.thresholds);
}

const EPISODE_GAP_MS = 6 * 3600000;
/** Volume ratios tried, from barely above usual to 50×. */
const RATIO_GRID = [1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50];

interface WindowRow {
	t: number;
	mentions: number;
	ratio: number;
	negativeShare: number | null;
	influential: number;
	reach: number;
}

function rowsOf(situations: AssessedSituation[]): WindowRow[] {
	return situations.map((s) => {
		const m = s.metrics;
		const scored = Number(m.scoredMentions) || 0;
		return {
			t: Date.parse(s.windowEnd),
			mentions: Number(m.mentions) || 0,
			ratio: Number(m.volumeRatio) || 0,
			negativeShare: scored > 0 ? Number(m.negativeShare) || 0 : null,
			influential: Number(m.influentialAuthors) || 0,
			reach: Number(m.negativeReach) || 0,
		};
	});
}

function meetsRow(r: WindowRow, t: LevelThreshold): boolean {
	if (r.mentions < t.minMentions) return false;
	if (t.minVolumeRatio > 0 && r.ratio < t.minVolumeRatio) return false;
	// Content criteria count only where texts were scored (counts-only history: unknown, left out).
	if (r.negativeShare !== null) {
		if (r.negativeShare < t.minNegativeShare) return false;
		if (r.influential < t.minInfluentialAuthors) return false;
		if (r.reach < t.minNegativeReach) return false;
	}
	return true;
}

function outcome(rows: WindowRow[], t: LevelThreshold, incidents: Array<{ label: string | null; s: number; e: number }>, months: number): ThresholdOutcome {
	const starts: number[] = [];
	let lastMet = -Infinity;
	for (const r of rows) {
		if (!meetsRow(r, t)) continue;
		if (r.t - lastMet > EPISODE_GAP_MS) starts.push(r.t);
		lastMet = r.t;
	}
	const inside = (x: number) => incidents.some((i) => x >= i.s && x <= i.e);
	const falseFirings = starts.filter((x) => !inside(x)).length;
	return {
		firings: starts.length,
		firingsPerMonth: months > 0 ? Math.round((starts.length / months) * 100) / 100 : starts.length,
		falseFiringsPerMonth: months > 0 ? Math.round((falseFirings / months) * 100) / 100 : falseFirings,
		firstFirings: starts.slice(0, 10).map((x) => new Date(x).toISOString()),
		incidentDelays: incidents.map((i) => {
			const hit = rows.find((r) => r.t >= i.s && r.t <= i.e && meetsRow(r, t));
			return { label: i.label, delayMinutes: hit ? Math.round((hit.t - i.s) / 60000) : null };
		}),
	};
}

/**
 * Suggests the document's `minMentions` and `minVolumeRatio` per level from the brand's own
 * history: for each level, the lowest mentions-per-window (with the ratio that goes with it)
 * whose episodes outside labelled incidents stay at or under the level's target per month,
 * never below the level under it. Reports what would have fired under the suggestion and under
 * the current document, and how late after each labelled incident. Pure: the situations are
 * the ones the backtest replayed.
 */
export function suggestThresholds(
	situations: AssessedSituation[],
	incidents: LabelledIncident[] = [],
	current: Record<PlanLevel, LevelThreshold> = DEFAULT_LEVEL_THRESHOLDS.thresholds as Record<PlanLevel, LevelThreshold>,
	targetPerMonth: Record<PlanLevel, number> = SUGGESTION_TARGET_PER_MONTH,
): SuggestedThresholds {
	const rows = rowsOf(situations);
	const textsKnown = rows.some((r) => r.negativeShare !== null);
	const span = rows.length > 1 ? rows[rows.length - 1].t - rows[0].t : 0;
	const months = span / (30.44 * 86400000);
	const spans = incidents
		.map((i) => ({ label: i.label ?? null, s: Date.parse(i.start), e: Date.parse(i.end) }))
		.filter((i) => Number.isFinite(i.s) && Number.isFinite(i.e));
	const reasons: string[] = [];
	const levels: SuggestedThresholds['levels'] = {};
	if (rows.length === 0 || months < 3 / 30.44) {
		reasons.push(`Too little history to suggest thresholds (${(span / 86400000).toFixed(1)} days; at least 3 days are needed, 4 weeks or more is better).`);
		return { levels, targetPerMonth: { ...targetPerMonth }, months: Math.round(months * 100) / 100, textsKnown, reasons };
	}
	if (!textsKnown) reasons.push('Counts only (no scored texts): negative share, authors and reach were left out of the test; keep the document\'s values for them.');
	// Volume ratio first (it means the same at any volume), then, if the ratio alone cannot bring
	// the level under its target, the mentions floor. Each level stays at or above the one under it.
	const ratios = RATIO_GRID;
	const distinct = Array.from(new Set(rows.map((r) => r.mentions))).sort((x, y) => x - y);
	const stride = Math.max(1, Math.floor(distinct.length / 200));
	const mentionGrid = distinct.filter((_, k) => k % stride === 0 || k === distinct.length - 1);
	let ratioFloor = 0;
	let mentionFloor = 0;
	for (const level of PLAN_LEVELS) {
		const cur = current[level];
		const minMentions = Math.max(cur.minMentions, mentionFloor);
		let chosen: LevelThreshold | null = null;
		let chosenOutcome: ThresholdOutcome | null = null;
		for (const ratio of ratios) {
			if (ratio < ratioFloor) continue;
			const t: LevelThreshold = { ...cur, minMentions, minVolumeRatio: ratio };
			const o = outcome(rows, t, spans, months);
			if (o.falseFiringsPerMonth <= targetPerMonth[level]) {
				chosen = t;
				chosenOutcome = o;
				break;
			}
		}
		if (!chosen) {
			const ratio = Math.max(ratioFloor, ratios[ratios.length - 1]);
			for (const m of mentionGrid) {
				if (m < minMentions) continue;
				const t: LevelThreshold = { ...cur, minMentions: m, minVolumeRatio: ratio };
				const o = outcome(rows, t, spans, months);
				if (o.falseFiringsPerMonth <= targetPerMonth[level]) {
					chosen = t;
					chosenOutcome = o;
					break;
				}
			}
		}
		if (!chosen || !chosenOutcome) {
			chosen = { ...cur, minMentions, minVolumeRatio: Math.max(cur.minVolumeRatio, ratioFloor) };
			reasons.push(`${level}: no volume ratio or mentions floor keeps it under ${targetPerMonth[level]} false firing(s) a month in this history; the document's value is kept (raised to stay above the level under it).`);
			chosenOutcome = outcome(rows, chosen, spans, months);
		}
		// The next level needs a strictly larger surge (levels stay distinct).
		ratioFloor = ratios.find((r) => r > chosen!.minVolumeRatio) ?? chosen.minVolumeRatio * 1.25;
		mentionFloor = chosen.minMentions;
		const currentOutcome = outcome(rows, cur, spans, months);
		levels[level] = { thresholds: chosen, suggested: chosenOutcome, current: currentOutcome };
		const caught = chosenOutcome.incidentDelays.filter((d) => d.delayMinutes !== null);
		reasons.push(
			`${level}: volume ${chosen.minVolumeRatio}× and at least ${chosen.minMentions} mentions per window (now ${cur.minVolumeRatio}× and ${cur.minMentions})` +
				` would have fired ${chosenOutcome.firingsPerMonth} times a month` +
				(spans.length
					? `, ${chosenOutcome.falseFiringsPerMonth} outside the labelled incidents, and caught ${caught.length} of ${spans.length}` +
						(caught.length ? ` (${caught.map((d) => `${d.delayMinutes} min`).join(', ')} after their start)` : '')
					: '') +
				`; the current document fires ${currentOutcome.firingsPerMonth} times a month.`,
		);
	}
	return { levels, targetPerMonth: { ...targetPerMonth }, months: Math.round(months * 100) / 100, textsKnown, reasons };
}

export function summarise(
	situations: AssessedSituation[],
	incidents: LabelledIncident[],
	bucketMinutes: number,
	alertLevel: Level,
	currentThresholds?: Record<PlanLevel, LevelThreshold>,
): SituationBacktest {
	const minutesAtLevel = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
	const levelChanges: SituationBacktest['levelChanges'] = [];
	const alerts: SituationBacktest['alerts'] = [];
	for (const s of situations) {
		minutesAtLevel[s.level] += bucketMinutes;
		if (s.changed) levelChanges.push({ at: s.windowEnd, from: s.previousLevel, to: s.level, reasons: s.reasons });
		if (s.notify && levelRank(s.level) >= levelRank(alertLevel)) alerts.push({ at: s.windowEnd, level: s.level });
	}
	const span = situations.length ? Date.parse(situations[situations.length - 1].windowEnd) - Date.parse(situations[0].windowEnd) + bucketMinutes * 60000 : 0;
	const weeks = span / (7 * 24 * 3600000);
	const inside = (t: number) => incidents.some((i) => t >= Date.parse(i.start) && t <= Date.parse(i.end));
	const falseAlarms = alerts.filter((a) => !inside(Date.parse(a.at))).length;
	const perIncident = incidents.map((inc) => {
		const start = Date.parse(inc.start);
		const end = Date.parse(inc.end);
		let maxLevel: Level = 'calm';
		const firstLevelAt: Partial<Record<Level, string>> = {};
		for (const s of situations) {
			const t = Date.parse(s.windowEnd);
			if (t < start || t > end) continue;
			if (levelRank(s.level) > levelRank(maxLevel)) maxLevel = s.level;
			if (s.level !== 'calm' && !firstLevelAt[s.level]) firstLevelAt[s.level] = s.windowEnd;
		}
		const detected = situations.find((s) => {
			const t = Date.parse(s.windowEnd);
			return t >= start && t <= end && levelRank(s.level) >= levelRank(alertLevel);
		});
		return {
			label: inc.label ?? null,
			start: new Date(start).toISOString(),
			end: new Date(end).toISOString(),
			detectedAt: detected ? detected.windowEnd : null,
			delayMinutes: detected ? Math.round((Date.parse(detected.windowEnd) - start) / 60000) : null,
			maxLevel,
			firstLevelAt,
		};
	});
	const reasons = [
		`${situations.length} buckets of ${bucketMinutes} min assessed (${weeks.toFixed(1)} weeks).`,
		`${alerts.length} alert notification(s) at ${alertLevel} or above: ${weeks > 0 ? (alerts.length / weeks).toFixed(1) : alerts.length} per week.`,
	];
	for (const inc of perIncident) {
		reasons.push(
			inc.detectedAt
				? `Incident ${inc.label ?? inc.start}: ${alertLevel} reached ${inc.delayMinutes} min after it started; highest level ${inc.maxLevel}.`
				: `Incident ${inc.label ?? inc.start}: never reached ${alertLevel} (highest level ${inc.maxLevel}).`,
		);
	}
	if (incidents.length) reasons.push(`${falseAlarms} alert(s) outside the labelled incidents.`);
	return {
		from: situations.length ? situations[0].windowStart : null,
		to: situations.length ? situations[situations.length - 1].windowEnd : null,
		buckets: situations.length,
		weeks: Math.round(weeks * 100) / 100,
		levelChanges,
		alerts,
		alertsPerWeek: weeks > 0 ? Math.round((alerts.length / weeks) * 100) / 100 : alerts.length,
		falseAlarms,
		minutesAtLevel,
		incidents: perIncident,
		alertLevel,
		reasons,
		suggestedThresholds: suggestThresholds(situations, incidents, currentThresholds),
	};
}
