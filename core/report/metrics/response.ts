/**
 * Response times: first abnormal hour, first alert (timeline or situations), first approved
 * statement, resolution (given or estimated), the three delays between them, and the late steps.
 */
import type { Level } from '../../levels';
import { levelRank } from '../../levels';
import type { HowTexts } from '../i18n';
import { oneLine } from '../escape';
import type { DateFormatter } from '../format';
import { iso } from '../format';
import type { LateStep, Metric, ReportMetrics } from '../types';
import { EPISODE_GAP_HOURS } from './baseline';
import type { ParsedEvent, ParsedSituation } from './events';
import { eventSummary } from './events';
import { metric } from './shared';
import type { PlannedSteps } from './timeline';

const MAX_LATE = 50;

export interface ResponseInput {
	events: ParsedEvent[];
	levelChanges: ParsedEvent[];
	situations: ParsedSituation[];
	planned: PlannedSteps;
	/** Start of the abnormal run around the peak, null when none. */
	firstAbnormal: number | null;
	/** End of the during phase and where it came from (an estimated resolution). */
	de: number | null;
	phaseSource: ReportMetrics['phases']['source'];
	rangeEnd: number | null;
	nowMs: number;
}

/** Events done after their deadline, and planned steps never done whose deadline has passed. */
function lateSteps(events: ParsedEvent[], planned: PlannedSteps, nowMs: number): LateStep[] {
	const late: LateStep[] = [];
	const doneSteps = new Set<string>();
	for (const e of events) {
		const stepId = typeof e.event.stepId === 'string' ? e.event.stepId : null;
		const completes = stepId !== null && e.event.type !== 'planIssued';
		if (completes) doneSteps.add(stepId);
		const deadline = e.deadline ?? (completes ? planned.get(stepId)?.deadline ?? null : null);
		if (deadline !== null && e.at > deadline) {
			late.push({
				stepId: stepId ? oneLine(stepId, 80) : null,
				label: eventSummary(e.event) ?? (stepId ? planned.get(stepId)?.label : undefined) ?? oneLine(stepId ?? e.event.type, 140),
				deadline: iso(deadline),
				doneAt: iso(e.at),
				lateByMs: e.at - deadline,
			});
		}
	}
	for (const [id, p] of planned) {
		if (!doneSteps.has(id) && p.deadline < nowMs) {
			late.push({ stepId: oneLine(id, 80), label: p.label, deadline: iso(p.deadline), doneAt: null, lateByMs: nowMs - p.deadline });
		}
	}
	return late.sort((a, b) => b.lateByMs - a.lateByMs);
}

/** The earliest alert: the timeline's `detected`, its first level change to alert+, or the first alert+ situation. */
function firstAlertOf(events: ParsedEvent[], levelChanges: ParsedEvent[], situations: ParsedSituation[]): { at: number; source: string } | null {
	const candidates: Array<{ at: number; source: string }> = [];
	const detected = events.find((e) => e.event.type === 'detected');
	if (detected) candidates.push({ at: detected.at, source: 'timeline:detected' });
	const changeUp = levelChanges.find((e) => levelRank(e.level as Level) >= levelRank('alert'));
	if (changeUp) candidates.push({ at: changeUp.at, source: 'timeline:levelChanged' });
	const sitUp = situations
		.filter((s) => levelRank(s.level) >= levelRank('alert'))
		.reduce<ParsedSituation | null>((best, s) => (best === null || s.assessedAt < best.assessedAt ? s : best), null);
	if (sitUp) candidates.push({ at: sitUp.assessedAt, source: 'situation' });
	candidates.sort((a, b) => a.at - b.at);
	return candidates[0] ?? null;
}

export function responseMetrics(r: ResponseInput, dates: DateFormatter, how: HowTexts): ReportMetrics['response'] {
	const { events, firstAbnormal } = r;
	const firstAlert = firstAlertOf(events, r.levelChanges, r.situations);
	const approved = events.find((e) => e.event.type === 'statementApproved' && (firstAlert === null || e.at >= firstAlert.at)) ?? null;
	const resolvedEvent = events.find((e) => e.event.type === 'resolved' && (firstAlert === null || e.at >= firstAlert.at)) ?? null;
	let resolved: { at: number; estimated: boolean } | null = null;
	let resolvedHow = how.resolvedNone;
	if (resolvedEvent) {
		resolved = { at: resolvedEvent.at, estimated: false };
		resolvedHow = how.resolvedEvent;
	} else if (r.de !== null && r.rangeEnd !== null && r.de < r.rangeEnd && r.phaseSource !== 'user') {
		resolved = { at: r.de, estimated: true };
		resolvedHow = how.resolvedEstimated;
	}
	let ttd: Metric<number | null>;
	if (firstAbnormal === null) ttd = metric(null, how.notComputable(how.firstAbnormalNone), 'ms');
	else if (firstAlert === null) ttd = metric(null, how.notComputable(how.firstAlertNone), 'ms');
	else ttd = metric(
			Math.max(0, firstAlert.at - firstAbnormal),
			how.ttd(dates.short(firstAlert.at), dates.short(firstAbnormal), firstAlert.at < firstAbnormal),
			'ms',
		);
	const tta =
		firstAlert === null
			? metric(null, how.notComputable(how.firstAlertNone), 'ms')
			: approved === null
				? metric(null, how.notComputable(how.firstApproved), 'ms')
				: metric(approved.at - firstAlert.at, how.tta(dates.short(approved.at), dates.short(firstAlert.at)), 'ms');
	const ttr =
		firstAlert === null
			? metric(null, how.notComputable(how.firstAlertNone), 'ms')
			: resolved === null || resolved.at < firstAlert.at
				? metric(null, how.notComputable(resolvedHow), 'ms')
				: metric(resolved.at - firstAlert.at, how.ttr(dates.short(resolved.at), dates.short(firstAlert.at), resolved.estimated), 'ms');
	return {
		firstAbnormal: metric(firstAbnormal === null ? null : iso(firstAbnormal), firstAbnormal === null ? how.firstAbnormalNone : how.firstAbnormal(EPISODE_GAP_HOURS)),
		firstAlert: metric(firstAlert ? { at: iso(firstAlert.at), source: firstAlert.source } : null, firstAlert ? how.firstAlert : how.firstAlertNone),
		firstApproved: metric(approved ? iso(approved.at) : null, how.firstApproved),
		resolved: metric(resolved ? { at: iso(resolved.at), estimated: resolved.estimated } : null, resolvedHow),
		timeToDetect: ttd,
		timeToAcknowledge: tta,
		timeToResolve: ttr,
		lateSteps: metric(lateSteps(events, r.planned, r.nowMs).slice(0, MAX_LATE), how.lateSteps),
	};
}
