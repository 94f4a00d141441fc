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
