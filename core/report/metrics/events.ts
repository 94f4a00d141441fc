/** The situations and timeline events given to the report, parsed and sorted once. */
import type { Level } from '../../levels';
import { isLevel } from '../../levels';
import type { Situation } from '../../scoring/types';
import { oneLine } from '../escape';
import { parseTime } from '../format';
import type { ReportTimelineEvent } from '../types';

export interface ParsedEvent {
	event: ReportTimelineEvent;
	at: number;
	level: Level | null;
	deadline: number | null;
	index: number;
}

export interface ParsedSituation {
	level: Level;
	start: number;
	end: number;
	assessedAt: number;
}

/** Valid situations, by window end then start. */
export function parseSituations(situations: Situation[] | null | undefined): ParsedSituation[] {
	const out: ParsedSituation[] = [];
	for (const s of situations ?? []) {
		if (!s || typeof s !== 'object' || !isLevel(s.level)) continue;
		const start = parseTime(s.windowStart);
		const end = parseTime(s.windowEnd);
		if (start === null || end === null || end < start) continue;
		out.push({ level: s.level, start, end, assessedAt: parseTime(s.assessedAt) ?? end });
	}
	return out.sort((a, b) => a.end - b.end || a.start - b.start);
}

/** Valid events, by time then input order. */
export function parseTimeline(timeline: ReportTimelineEvent[] | null | undefined): ParsedEvent[] {
	const out: ParsedEvent[] = [];
	(timeline ?? []).forEach((event, index) => {
		if (!event || typeof event !== 'object' || typeof event.type !== 'string') return;
		const at = parseTime(event.at);
		if (at === null) return;
		out.push({
			event,
			at,
			level: isLevel(event.level) ? event.level : null,
			deadline: parseTime(event.deadline ?? undefined),
			index,
		});
	});
	return out.sort((a, b) => a.at - b.at || a.index - b.index);
}

/** One line saying what an event was, from the first telling field of its details. */
export function eventSummary(e: ReportTimelineEvent): string | null {
	const d = e.details;
	if (d && typeof d === 'object') {
		for (const key of ['title', 'summary', 'label', 'name', 'message', 'step', 'text', 'reason']) {
			const v = (d as Record<string, unknown>)[key];
			if (typeof v === 'string' && v.trim()) return oneLine(v, 140);
		}
	}
	return null;
}
