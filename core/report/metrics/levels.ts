/** Levels: the bands of time at each level, the highest level, the time at or above each level. */
import type { Level } from '../../levels';
import { LEVELS, levelRank } from '../../levels';
import type { HowTexts, NoteTexts } from '../i18n';
import { iso } from '../format';
import type { ReportMetrics } from '../types';
import type { ParsedEvent, ParsedSituation } from './events';
import { metric } from './shared';

type Band = { start: number; end: number; level: Level };

function mergeBands(bands: Band[]): Band[] {
	const out: Band[] = [];
	for (const b of bands) {
		if (b.end <= b.start) continue;
		const last = out[out.length - 1];
		if (last && last.level === b.level && last.end >= b.start) last.end = Math.max(last.end, b.end);
		else out.push({ ...b });
	}
	return out;
}

export function levelMetrics(
	situations: ParsedSituation[],
	levelChanges: ParsedEvent[],
	events: ParsedEvent[],
	rangeEnd: number | null,
	how: HowTexts,
	notes: string[],
	note: NoteTexts,
): ReportMetrics['levels'] {
	let bands: Band[] = [];
	let highest: Level | null = null;
	let levelsHow = how.levelsNone;
	let highestHow = how.levelsNone;
	if (situations.length) {
		let prevEnd = -Infinity;
		for (const s of situations) {
			bands.push({ start: Math.max(s.start, prevEnd), end: s.end, level: s.level });
			prevEnd = Math.max(prevEnd, s.end);
			if (highest === null || levelRank(s.level) > levelRank(highest)) highest = s.level;
		}
		levelsHow = how.durationSituations;
		highestHow = how.highestSituations(situations.length);
	} else if (levelChanges.length) {
		const resolved = events.find((e) => e.event.type === 'resolved' && e.at >= levelChanges[0].at);
		const lastKnown = Math.max(rangeEnd ?? 0, levelChanges[levelChanges.length - 1].at);
		levelChanges.forEach((e, i) => {
			const next = i + 1 < levelChanges.length ? levelChanges[i + 1].at : resolved && resolved.at >= e.at ? resolved.at : lastKnown;
			bands.push({ start: e.at, end: next, level: e.level as Level });
			if (highest === null || levelRank(e.level as Level) > levelRank(highest)) highest = e.level;
		});
		levelsHow = how.durationTimeline;
		highestHow = how.highestTimeline(levelChanges.length);
	} else notes.push(note.noSituations);
	bands = mergeBands(bands);
	let durations: Record<Level, number> | null = null;
	if (situations.length || levelChanges.length) {
		const d = {} as Record<Level, number>;
		for (const l of LEVELS) d[l] = 0;
		for (const b of bands) for (const l of LEVELS) if (levelRank(b.level) >= levelRank(l)) d[l] += b.end - b.start;
		durations = d;
	}
	return {
		bands: bands.map((b) => ({ start: iso(b.start), end: iso(b.end), level: b.level })),
		highest: metric(highest, highestHow),
		durationAtOrAbove: metric(durations, levelsHow, 'ms'),
	};
}
