/**
 * computeReport: from an incident's mentions (and, when given, its timeline and the
 * situations the scoring produced) the figures of the post-crisis impact report, each
 * with the way it was computed. Pure: no clock (`now` is an argument), no I/O.
 *
 * Time is bucketed in UTC clock hours and every duration is a difference of instants, so a
 * DST change in the display zone never adds or removes an hour.
 *
 * One file per section in ./metrics, called in the order below: the mentions are parsed once
 * into hourly arrays (series.ts) that the sections read; the phases (phases.ts, else the
 * volume's abnormal run from baseline.ts) bound before/during/after for the others. Notes are
 * added in that order, so the order of the calls is part of the output.
 */
import { oneLine } from './escape';
import { dateFormatter, iso, isValidZone, parseTime } from './format';
import { howTexts, noteTexts } from './i18n';
import { audienceMetrics } from './metrics/audience';
import { volumeBaseline } from './metrics/baseline';
import { parseSituations, parseTimeline } from './metrics/events';
import { levelMetrics } from './metrics/levels';
import { declaredPhases } from './metrics/phases';
import { phaseCounts } from './metrics/phaseStats';
import { responseMetrics } from './metrics/response';
import { mentionSeries } from './metrics/series';
import { sentimentMetrics } from './metrics/sentiment';
import { plannedSteps, timelineEntries } from './metrics/timeline';
import { volumeMetrics } from './metrics/volume';
import type { ReportInput, ReportLanguage, ReportMetrics } from './types';

export function computeReport(input: ReportInput, now: string): ReportMetrics {
	const nowMs = parseTime(now);
	if (nowMs === null) throw new TypeError('computeReport: `now` must be an RFC3339 timestamp with an offset');
	const lang: ReportLanguage = input.language === 'fr' ? 'fr' : 'en';
	const how = howTexts(lang);
	const note = noteTexts(lang);
	const notes: string[] = [];

	let timeZone = typeof input.timeZone === 'string' && input.timeZone.trim() ? input.timeZone.trim() : 'UTC';
	if (!isValidZone(timeZone)) {
		notes.push(note.badZone(oneLine(timeZone, 60)));
		timeZone = 'UTC';
	}

	const series = mentionSeries(input, notes, note);
	const { rangeStart, rangeEnd } = series;
	const situations = parseSituations(input.situations);
	const events = parseTimeline(input.timeline);
	const levelChanges = events.filter((e) => e.event.type === 'levelChanged' && e.level !== null);
	if (!events.length) notes.push(note.noTimeline);

	const phases = declaredPhases(input, situations, events, levelChanges, rangeEnd, how, notes, note);
	const baseline = volumeBaseline(series, phases.ds, phases.de, how);
	if (phases.source === 'none' && baseline.episode) {
		phases.source = 'volume';
		phases.ds = baseline.episode.start;
		phases.de = baseline.episode.end;
		phases.how = how.phasesVolume;
	}
	const { ds, de } = phases;
	const counts = phaseCounts(series, ds, de);
	const volume = volumeMetrics(series, counts, baseline, timeZone, how);
	const levels = levelMetrics(situations, levelChanges, events, rangeEnd, how, notes, note);
	const sentiment = sentimentMetrics(series, counts, baseline.peakIdx, ds, de, how);
	const audience = audienceMetrics(series, counts, ds, how);
	const planned = plannedSteps(events);
	const response = responseMetrics(
		{ events, levelChanges, situations, planned, firstAbnormal: baseline.episode ? baseline.episode.start : null, de, phaseSource: phases.source, rangeEnd, nowMs },
		dateFormatter(lang, timeZone, rangeStart, rangeEnd),
		how,
	);
	return {
		schema: 'crisis-kit/report@1',
		generatedAt: iso(nowMs),
		language: lang,
		timeZone,
		title: oneLine(input.title, 160),
		brand: input.brand ? oneLine(input.brand, 80) : null,
		scored: series.scored,
		notes,
		range: { start: rangeStart === null ? null : iso(rangeStart), end: rangeEnd === null ? null : iso(rangeEnd), mentions: series.valid, excluded: series.excluded },
		phases: { source: phases.source, duringStart: ds === null ? null : iso(ds), duringEnd: de === null ? null : iso(de), how: phases.how },
		phaseStats: counts.stats,
		volume,
		levels,
		sentiment,
		reach: audience.reach,
		sources: audience.sources,
		languages: audience.languages,
		themes: audience.themes,
		topNegative: audience.topNegative,
		response,
		timeline: timelineEntries(events, planned),
	};
}
