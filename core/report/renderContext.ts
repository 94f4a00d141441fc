/** What both renderers (HTML and Markdown) derive from the metrics before writing a line. */
import type { DateFormatter } from './format';
import { dateFormatter, fmtDuration, fmtNumber, fmtShare, parseTime } from './format';
import type { Labels } from './i18n';
import { labels } from './i18n';
import type { RenderOptions, ReportLanguage, ReportMetrics } from './types';

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
