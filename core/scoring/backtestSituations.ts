/**
 * Backtest of the whole assessment (scores, volume detector, thresholds, alert hygiene) on past
 * mentions: when each level would have fired, the detection delay after each labelled incident,
 * alerts per week and false alarms — so a team tunes its thresholds on its own history.
 */
import { LEVELS, levelRank } from '../levels';
import type { Level } from '../levels';
import { replaySituations } from './situation';
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
}

export function backtestSituations(
	mentions: ScoredMention[],
	now: string,
	incidents: LabelledIncident[] = [],
	config: Partial<SituationConfig> = {},
	alertLevel: Level = 'alert',
): SituationBacktest {
	const situations = replaySituations(mentions, now, config);
	return summarise(situations, incidents, config.bucketMinutes ?? 15, alertLevel);
}

export function summarise(situations: AssessedSituation[], incidents: LabelledIncident[], bucketMinutes: number, alertLevel: Level): SituationBacktest {
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
	};
}
