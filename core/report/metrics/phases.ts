/**
 * When was the crisis ("during")? In order of trust: set by hand, the assessed situations at
 * alert or above, the timeline's level changes, else the abnormal run of volume around the peak
 * (baseline.ts). Before and after are what lies on either side.
 */
import type { Level } from '../../levels';
import { levelRank } from '../../levels';
import type { HowTexts, NoteTexts } from '../i18n';
import { HOUR_MS, parseTime } from '../format';
import type { ReportInput, ReportMetrics } from '../types';
import type { ParsedEvent, ParsedSituation } from './events';

export interface Phases {
	source: ReportMetrics['phases']['source'];
	/** Start and end of the during phase, null when there is none. */
	ds: number | null;
	de: number | null;
	how: string;
}

export function declaredPhases(
	input: ReportInput,
	situations: ParsedSituation[],
	events: ParsedEvent[],
	levelChanges: ParsedEvent[],
	rangeEnd: number | null,
	how: HowTexts,
	notes: string[],
	note: NoteTexts,
): Phases {
	if (input.phases) {
		const a = parseTime(input.phases.duringStart);
		const b = parseTime(input.phases.duringEnd);
		if (a !== null && b !== null && a < b) return { source: 'user', ds: a, de: b, how: how.phasesUser };
		notes.push(note.badPhases);
	}
	const high = situations.filter((s) => levelRank(s.level) >= levelRank('alert'));
	if (high.length) {
		return {
			source: 'situations',
			ds: Math.min(...high.map((s) => s.start)),
			de: Math.max(...high.map((s) => s.end)),
			how: how.phasesSituations(situations.length),
		};
	}
	if (levelChanges.length) {
		let start: number | null = null;
		let end: number | null = null;
		for (const e of levelChanges) {
			const isHigh = levelRank(e.level as Level) >= levelRank('alert');
			if (isHigh && start === null) start = e.at;
			if (isHigh) end = null;
			else if (start !== null && end === null) end = e.at;
		}
		if (start !== null) {
			if (end === null) {
				const resolved = events.find((e) => e.event.type === 'resolved' && e.at > (start as number));
				end = resolved ? resolved.at : Math.max(rangeEnd ?? start, start + HOUR_MS);
			}
			return { source: 'timeline', ds: start, de: end, how: how.phasesTimeline(levelChanges.length) };
		}
	}
	return { source: 'none', ds: null, de: null, how: how.phasesNone };
}
