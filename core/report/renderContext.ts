/** What both renderers (HTML and Markdown) derive from the metrics before writing a line. */
import type { DateFormatter } from './format';
import { dateFormatter, fmtDuration, fmtNumber, fmtShare, parseTime } from './format';
import type { Labels } from './i18n';
import { labels } from './i18n';
import type { Level } from '../levels';
import { LEVELS, levelRank } from '../levels';
import type { PhaseName, RenderOptions, ReportLanguage, ReportMetrics } from './types';

export interface RenderContext {
	lang: ReportLanguage;
	/** Rows per table: options.maxRows clamped to 1–50 (default 10). */
	maxRows: number;
	d: DateFormatter;
	l: Labels;
	title: string;
	/** ': ' in English, a non-breaking space then ': ' in French. */
	colon: string;
	dur: (ms: number | null) => string;
	pct: (v: number | null) => string;
	n: (v: number | null, digits?: number) => string;
	/** A timestamp as a short local date-time, or '–'. */
	when: (iso: string | null) => string;
}

export function renderContext(m: ReportMetrics, options: RenderOptions): RenderContext {
	const lang: ReportLanguage = m.language === 'fr' ? 'fr' : 'en';
	const d = dateFormatter(lang, m.timeZone, parseTime(m.range.start), parseTime(m.range.end));
	const l = labels(lang);
	return {
		lang,
		maxRows: Math.max(1, Math.min(50, Math.floor(options.maxRows ?? 10))),
		d,
		l,
		title: m.title || l.defaultTitle,
		colon: lang === 'fr' ? '\u00A0: ' : ': ',
		dur: (ms) => fmtDuration(ms, lang),
		pct: (v) => fmtShare(v, lang),
		n: (v, digits = 0) => fmtNumber(v, lang, digits),
		when: (iso) => {
			const t = parseTime(iso);
			return t === null ? '–' : d.short(t);
		},
	};
}

/** Did sentiment recover, in words (null when it cannot be judged). */
export function recoveryText(m: ReportMetrics, c: RenderContext): string | null {
	const rec = m.sentiment.recovery.value;
	if (rec === null) return null;
	if (!rec.degraded) return c.l.recoveredNoDegradation;
	return rec.recovered ? c.l.recovered(c.dur(rec.afterMs)) : c.l.notRecovered;
}

/** The "In short" paragraph, unescaped (each renderer escapes it for its format). */
export function summaryText(m: ReportMetrics, c: RenderContext): string {
	const { l, n, dur, pct, d } = c;
	const peak = m.volume.peak.value;
	const highest = m.levels.highest.value;
	const neg = m.sentiment.negativeShare.value;
	const r = m.response;
	return l.summaryText({
		brand: m.brand,
		mentions: n(m.volume.total.value),
		duringMentions: n(m.phaseStats.during.mentions),
		peak: peak ? n(peak.count) : null,
		peakAt: peak ? d.short(parseTime(peak.at) ?? 0) : null,
		highestLevel: highest ? l.levelNames[highest].toLowerCase() : null,
		ttd: r.timeToDetect.value !== null ? dur(r.timeToDetect.value) : null,
		tta: r.timeToAcknowledge.value !== null ? dur(r.timeToAcknowledge.value) : null,
		negBefore: neg.before !== null ? pct(neg.before) : null,
		negDuring: neg.during !== null ? pct(neg.during) : null,
		recovery: recoveryText(m, c),
	});
}

/** The three phases, in the order every table lists them. */
export const PHASE_NAMES: readonly PhaseName[] = ['before', 'during', 'after'];

export function phaseLabel(phase: PhaseName, l: Labels): string {
	return phase === 'before' ? l.phaseBefore : phase === 'during' ? l.phaseDuring : l.phaseAfter;
}

/** The response table, unescaped: [label, value], the durations at rows 2, 4 and 6. */
export function responseRows(m: ReportMetrics, c: RenderContext): Array<[string, string]> {
	const { l, when, dur } = c;
	const r = m.response;
	return [
		[l.firstAbnormal, when(r.firstAbnormal.value)],
		[l.firstAlert, r.firstAlert.value ? when(r.firstAlert.value.at) : '–'],
		[l.timeToDetect, dur(r.timeToDetect.value)],
		[l.firstApproved, when(r.firstApproved.value)],
		[l.timeToAcknowledge, dur(r.timeToAcknowledge.value)],
		[l.resolved, r.resolved.value ? when(r.resolved.value.at) + (r.resolved.value.estimated ? ` (${l.estimated})` : '') : '–'],
		[l.timeToResolve, dur(r.timeToResolve.value)],
	];
}

/** Levels worth a "time at or above" row: reached at some point, or at or below the highest level. */
export function levelsShown(m: ReportMetrics, durations: Record<Level, number>): Level[] {
	const highest = m.levels.highest.value;
	return LEVELS.filter((lv) => lv !== 'calm' && (durations[lv] > 0 || (highest !== null && levelRank(lv) <= levelRank(highest))));
}

/** Display name of a source key ("other" is translated). */
export function sourceName(key: string, c: RenderContext): string {
	return key === 'other' ? (c.lang === 'fr' ? 'autres' : 'other') : key;
}

/** Display name of a language key ("other" and "unknown" are translated). */
export function languageName(key: string, c: RenderContext): string {
	return key === 'other' ? (c.lang === 'fr' ? 'autres' : 'other') : key === 'unknown' ? c.l.langUnknown : key;
}

/** The "How each figure is computed" list, unescaped: [term, how] in the order both renderers print it. */
export function methodEntries(m: ReportMetrics, c: RenderContext): Array<[string, string]> {
	const { l, lang } = c;
	const r = m.response;
	return [
		[l.phases, m.phases.how],
		[l.mentions, m.volume.total.how],
		[l.peakHour, m.volume.peak.how],
		[l.perHour, m.volume.perHour.how],
		// the baseline and the first abnormal hour share a term: make the first one explicit
		[`${l.firstAbnormal} (${lang === 'fr' ? 'référence de volume' : 'volume baseline'})`, m.volume.baseline.how],
		[l.firstAbnormal, r.firstAbnormal.how],
		[l.firstAlert, r.firstAlert.how],
		[l.timeToDetect, r.timeToDetect.how],
		[l.timeToAcknowledge, r.timeToAcknowledge.how],
		[l.timeToResolve, r.timeToResolve.how],
		[l.resolved, r.resolved.how],
		[l.lateSteps, r.lateSteps.how],
		[l.highestLevel, m.levels.highest.how],
		[l.levelsTitle, m.levels.durationAtOrAbove.how],
		[l.negativeShare, m.sentiment.negativeShare.how],
		[l.averageRisk, m.sentiment.averageRisk.how],
		[l.recovery, m.sentiment.recovery.how],
		[l.potentialReach, m.reach.potential.how],
		[l.topAuthors, m.reach.topAuthors.how],
		[l.sourcesTitle, m.sources.how],
		[l.languagesTitle, m.languages.how],
		[l.themesTitle, m.themes.how],
		[m.scored ? l.topNegativeTitle : l.topSharedTitle, m.topNegative.how],
	];
}
