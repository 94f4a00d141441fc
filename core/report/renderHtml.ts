/**
 * The report as one self-contained HTML document: inline CSS and inline SVG charts, no
 * script, font or image; a Content-Security-Policy that forbids them anyway; readable on a
 * phone (the volume chart has a narrow variant) and printable.
 *
 * One function per section, in page order; each returns its HTML and renderReportHtml joins them.
 */
import type { Level } from '../levels';
import { LEVELS } from '../levels';
import { COLORS, LEVEL_COLORS, NARROW, WIDE, barList, sentimentChart, volumeChart } from './charts';
import { escapeAttr, escapeHtml, safeUrl } from './escape';
import type { DateFormatter } from './format';
import { fmtCompact, fmtNumber, parseTime } from './format';
import type { Labels } from './i18n';
import type { RenderContext } from './renderContext';
import { PHASE_NAMES, languageName, levelsShown, methodEntries, phaseLabel, recoveryText, renderContext, responseRows, sourceName, summaryText } from './renderContext';
import type { MentionSummary, RenderOptions, ReportLanguage, ReportMetrics } from './types';

const CSS = `
:root{--ink:${COLORS.ink};--muted:${COLORS.muted};--line:#e3e7ec;--bg:#f5f7f9;--card:#fff;--accent:#2b4a6f;--neg:${COLORS.negative};--pos:${COLORS.positive}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);overflow-wrap:break-word;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
.report{max-width:960px;margin:0 auto;padding:24px 20px 40px}
header.masthead{background:var(--ink);color:#fff;border-radius:14px;padding:22px 24px 20px;margin-bottom:18px}
.eyebrow{margin:0 0 4px;font-size:13px;letter-spacing:.04em;text-transform:uppercase;color:#c6d0dc}
h1{margin:0 0 8px;font-size:26px;line-height:1.25;overflow-wrap:anywhere}
.meta{margin:0;color:#c6d0dc;font-size:13.5px}
.meta span{white-space:nowrap}
.pill{display:inline-block;margin-top:12px;padding:3px 12px;border-radius:999px;font-size:13px;font-weight:700;color:#fff}
h2{font-size:19px;margin:0 0 12px;line-height:1.3}
h3{font-size:15px;margin:18px 0 8px}
section{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:18px 20px;margin:0 0 16px}
.summary p{margin:0;font-size:16px;line-height:1.6}
.kpis{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:10px;background:none;border:0;padding:0}
@media (max-width:860px){.kpis{grid-template-columns:repeat(2,minmax(0,1fr))}}
.kpi{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:12px 14px;min-width:0}
.kpi .k{font-size:12.5px;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
.kpi .v{font-size:26px;font-weight:750;line-height:1.2;margin:2px 0;font-variant-numeric:tabular-nums}
.kpi .s{font-size:12.5px;color:var(--muted)}
.kpi.bad .v{color:var(--neg)}
.chart{display:block;width:100%;height:auto;font-family:inherit;overflow:visible}
.chart-small{max-width:460px}
.chart-narrow{display:none}
@media (max-width:640px){
 .report{padding:12px 10px 28px}
 header.masthead{padding:16px 16px 14px;border-radius:12px}
 h1{font-size:21px}
 section{padding:14px 14px;border-radius:10px}
 .kpis{gap:8px}
 .kpi{padding:10px 11px}
 .kpi .v{font-size:21px}
 .chart-wide{display:none}
 .chart-narrow{display:block}
 body{font-size:14.5px}
 th{font-size:11px;letter-spacing:0}
 th,td{padding:7px 5px}
 table.authors td:first-child{min-width:8em}
}
.legend{display:flex;flex-wrap:wrap;gap:6px 16px;margin:8px 0 0;padding:0;list-style:none;font-size:13px;color:var(--muted)}
.legend li{display:flex;align-items:center;gap:6px}
.sw{display:inline-block;width:12px;height:12px;border-radius:3px;flex:none}
ol.events{margin:10px 0 0;padding:0;list-style:none;font-size:13.5px;display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:4px 16px}
ol.events li{display:flex;gap:8px;align-items:baseline;min-width:0}
ol.events li>span{min-width:0;overflow-wrap:anywhere}
.legend li,.kpi .s,.summary p,ul.notes li,dd,.eyebrow{overflow-wrap:anywhere}
.num{display:inline-flex;justify-content:center;align-items:center;min-width:20px;height:20px;border-radius:10px;background:var(--ink);color:#fff;font-size:11.5px;font-weight:700;flex:none}
.tw{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:14px;font-variant-numeric:tabular-nums}
th,td{text-align:left;padding:7px 8px;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}
th{font-size:12.5px;color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.03em;overflow-wrap:normal}
th.n{white-space:nowrap}
td.n,th.n{text-align:right}
td.n{white-space:nowrap}
.sub{font-size:12.5px;font-weight:400}
table.authors td:first-child{min-width:10em}
table.tl td:nth-child(3){min-width:11em}
table.phases th.n{white-space:normal}
table.phases th[scope=row]{min-width:7em}
table.phases th.ph{text-transform:none;font-size:14px;color:var(--ink);letter-spacing:0}
table.phases .span{font-weight:400;font-size:12px;text-transform:none;letter-spacing:0}
/* phase table on a phone: one card per phase, the four figures two by two, each under its column name */
@media (max-width:560px){
 table.phases thead{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
 table.phases,table.phases tbody{display:block;width:100%}
 table.phases tr{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:6px 14px;padding:10px 0;border-bottom:1px solid var(--line)}
 table.phases th,table.phases td{display:block;min-width:0;padding:0;border:0;text-align:left}
 table.phases th.ph{grid-column:1/-1;min-width:0}
 table.phases .span{display:inline;margin-left:6px;font-size:12px}
 table.phases td.n{white-space:normal;font-size:15px;font-weight:600}
 table.phases td::before{content:attr(data-label);display:block;font-size:11px;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.03em;line-height:1.3}
}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:8px 24px}
.statement{margin:12px 0 0;padding:10px 12px;border-radius:8px;background:#f4f6f8;font-weight:600}
.statement.good{background:#e7f5ee;color:#1d6b47}
.statement.bad{background:#fbe7e7;color:#9b2222}
.quotes{display:grid;gap:10px}
.quote{border:1px solid var(--line);border-left:4px solid var(--neg);border-radius:8px;padding:10px 12px;min-width:0}
.quote .t{margin:0 0 6px;overflow-wrap:anywhere;white-space:pre-line}
.quote .t strong{display:block}
.quote .by{font-size:13px;color:var(--muted);overflow-wrap:anywhere}
.quote .by b{color:var(--ink)}
a{color:#1f5fa8;text-decoration:underline;text-underline-offset:2px;overflow-wrap:anywhere}
.tag{display:inline-block;white-space:nowrap;padding:1px 8px;border-radius:999px;background:#eef1f4;font-size:12.5px;margin:0 4px 4px 0}
.lv{display:inline-block;padding:0 7px;border-radius:999px;color:#fff;font-size:12px;font-weight:700}
.late{color:var(--neg);font-weight:700}
dl.how{margin:0;font-size:13.5px;columns:2 340px;column-gap:28px}
dl.how div{break-inside:avoid;padding:0 0 10px}
dl.how dt{font-weight:700}
dl.how dd{margin:2px 0 0;color:var(--muted)}
ul.notes{margin:0;padding-left:20px}
.muted{color:var(--muted)}
bdi{unicode-bidi:isolate}
footer{font-size:12.5px;color:var(--muted);text-align:center;margin-top:8px}
@media print{
 @page{margin:14mm}
 body{background:#fff;font-size:11pt}
 .report{max-width:none;padding:0}
 header.masthead{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 section,.kpi,.quote,figure,tr{break-inside:avoid}
 section{border-color:#ccc}
 .chart-wide{display:block!important}.chart-narrow{display:none!important}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 a{color:inherit}
}
`;

/** User-provided text: escaped and bidi-isolated so it cannot reorder what follows. */
function u(value: unknown): string {
	return `<bdi>${escapeHtml(value)}</bdi>`;
}

function link(label: string, url: string | null): string {
	const safe = safeUrl(url);
	if (!safe) return label;
	return `<a href="${escapeAttr(safe)}" rel="noopener noreferrer nofollow ugc" target="_blank">${label}</a>`;
}

function levelPill(level: Level, l: Labels): string {
	return `<span class="lv" style="background:${LEVEL_COLORS[level].strong}">${escapeHtml(l.levelNames[level])}</span>`;
}

function kpi(label: string, value: string, sub: string, bad = false): string {
	return `<div class="kpi${bad ? ' bad' : ''}"><div class="k">${escapeHtml(label)}</div><div class="v">${escapeHtml(value)}</div><div class="s">${sub}</div></div>`;
}

function eventName(type: string, l: Labels): string {
	return l.eventNames[type] ?? type;
}

function quoteCard(mm: MentionSummary, l: Labels, d: DateFormatter, lang: ReportLanguage): string {
	const t = parseTime(mm.publishedAt);
	const who = mm.author.name ? `${u(mm.author.name)} <span class="muted">@${u(mm.author.handle)}</span>` : `@${u(mm.author.handle)}`;
	const meta = [
		`<b>${link(who, mm.author.url)}</b>`,
		mm.author.followers !== null ? `${escapeHtml(fmtCompact(mm.author.followers, lang))} ${escapeHtml(l.followers.toLowerCase())}` : '',
		u(mm.platform),
		t !== null ? escapeHtml(d.short(t)) : '',
		`${escapeHtml(fmtNumber(mm.shares, lang))} ${escapeHtml(l.shares)}`,
		mm.risk !== null ? `${escapeHtml(l.risk)} ${escapeHtml(fmtNumber(mm.risk, lang))}` : '',
		mm.url ? link(escapeHtml(l.open) + ' ↗', mm.url) : '',
	].filter(Boolean);
	return `<article class="quote"><p class="t">${mm.title ? `<strong>${u(mm.title)}</strong>` : ''}${u(mm.text)}</p><div class="by">${meta.join(' · ')}</div></article>`;
}

function howItem(term: string, how: string): string {
	return `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(how)}</dd></div>`;
}

export function renderReportHtml(m: ReportMetrics, options: RenderOptions = {}): string {
	const c = renderContext(m, options);
	const parts: string[] = [
		documentHead(m, c),
		masthead(m, c),
		`<section class="summary"><h2>${escapeHtml(c.l.summary)}</h2><p>${escapeHtml(summaryText(m, c))}</p></section>`,
		keyFigures(m, c),
		volumeSection(m, c),
		phaseSection(m, c),
		responseSection(m, c),
		timelineSection(m, c),
		reachSection(m, c),
		topMentionSection(m, c),
		noteSection(m, c),
		`<section><h2>${escapeHtml(c.l.methodTitle)}</h2><dl class="how">${methodEntries(m, c)
			.map(([term, how]) => howItem(term, how))
			.join('')}</dl></section>`,
		`<footer>${escapeHtml(c.l.footer)}</footer></main></body></html>`,
	];
	return parts.join('');
}

function documentHead(m: ReportMetrics, c: RenderContext): string {
	return [
		`<!DOCTYPE html><html lang="${c.lang}"><head><meta charset="utf-8">`,
		`<meta name="viewport" content="width=device-width, initial-scale=1">`,
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
		`<meta name="referrer" content="no-referrer">`,
		`<title>${escapeHtml(m.brand ? `${m.brand} — ${c.title}` : c.title)}</title>`,
		`<style>${CSS}</style></head><body><main class="report">`,
	].join('');
}

function masthead(m: ReportMetrics, c: RenderContext): string {
	const { d, l, title, colon } = c;
	const rs = parseTime(m.range.start);
	const re = parseTime(m.range.end);
	const period = rs !== null && re !== null ? `${d.dateTime(rs)} – ${d.dateTime(re)}` : '–';
	const genMs = parseTime(m.generatedAt);
	const highest = m.levels.highest.value;
	return [
		`<header class="masthead"><p class="eyebrow">${m.brand ? `${u(m.brand)} · ` : ''}${escapeHtml(l.defaultTitle)}</p>`,
		`<h1>${u(title)}</h1>`,
		`<p class="meta"><span>${escapeHtml(l.period)}${colon}</span>${escapeHtml(period)} · <span>${escapeHtml(l.times)}${colon}${u(m.timeZone)}</span> · <span>${escapeHtml(l.generated)} ${escapeHtml(genMs !== null ? d.dateTime(genMs) : '–')}</span></p>`,
		highest ? `<span class="pill" style="background:${LEVEL_COLORS[highest].strong}">${escapeHtml(l.highestLevel)}${colon}${escapeHtml(l.levelNames[highest])}</span>` : '',
		`</header>`,
	].join('');
}

/** The eight cards under the summary. */
function keyFigures(m: ReportMetrics, c: RenderContext): string {
	const { lang, d, l, dur, pct, n, when } = c;
	const r = m.response;
	const neg = m.sentiment.negativeShare.value;
	const rec = m.sentiment.recovery.value;
	const peak = m.volume.peak.value;
	const negSub =
		neg.during !== null ? `${escapeHtml(l.vsBefore)} ${escapeHtml(pct(neg.before))}` : escapeHtml(m.scored ? l.noData : l.unknown);
	return [
		`<section class="kpis" aria-label="${escapeAttr(l.keyFigures)}">`,
		kpi(l.mentions, fmtCompact(m.volume.total.value, lang), `${escapeHtml(n(m.phaseStats.during.mentions))} ${escapeHtml(l.phaseDuring.toLowerCase())}`),
		kpi(l.peakHour, peak ? n(peak.count) : '–', peak ? escapeHtml(d.short(parseTime(peak.at) ?? 0)) : ''),
		kpi(l.timeToDetect, dur(r.timeToDetect.value), r.firstAlert.value ? `${escapeHtml(l.firstAlert)} ${escapeHtml(when(r.firstAlert.value.at))}` : ''),
		kpi(l.timeToAcknowledge, dur(r.timeToAcknowledge.value), r.firstApproved.value ? escapeHtml(when(r.firstApproved.value)) : ''),
		kpi(
			l.timeToResolve,
			dur(r.timeToResolve.value),
			r.resolved.value ? escapeHtml(when(r.resolved.value.at) + (r.resolved.value.estimated ? ` (${l.estimated})` : '')) : '',
		),
		kpi(l.negativeDuring, pct(neg.during), negSub, neg.during !== null && neg.before !== null && neg.during > neg.before + 0.05),
		kpi(l.potentialReach, fmtCompact(m.reach.potential.value, lang), `${escapeHtml(n(m.reach.authors.value))} ${escapeHtml(l.authors)}`),
		kpi(
			l.recovery,
			rec === null ? '–' : !rec.degraded ? '✓' : rec.recovered ? dur(rec.afterMs) : '✗',
			escapeHtml(rec === null ? l.notJudged : !rec.degraded ? l.recoveryShortNone : rec.recovered ? l.recoveryShortAfter : l.recoveryShortNot),
			rec !== null && rec.degraded && !rec.recovered,
		),
		`</section>`,
	].join('');
}

/** The volume chart (wide and phone variants), its legend and the numbered events it marks. */
function volumeSection(m: ReportMetrics, c: RenderContext): string {
	const { lang, d, l } = c;
	const bandLevels = LEVELS.filter((lv) => lv !== 'calm' && m.levels.bands.some((b) => b.level === lv));
	const legend = [
		`<li><span class="sw" style="background:${COLORS.bar}"></span>${escapeHtml(l.allMentions)}</li>`,
		m.scored ? `<li><span class="sw" style="background:${COLORS.negative}"></span>${escapeHtml(l.negativeMentions)}</li>` : '',
		...bandLevels.map(
			(lv) => `<li><span class="sw" style="background:${LEVEL_COLORS[lv].band};box-shadow:inset 0 3px 0 ${LEVEL_COLORS[lv].strong}"></span>${escapeHtml(l.levelNames[lv])}</li>`,
		),
	].join('');
	const marked = m.timeline.filter((e) => e.marked);
	const eventsList = marked.length
		? `<ol class="events">${marked
				.map((e) => {
					const t = parseTime(e.at);
					const what = e.type === 'levelChanged' && e.level ? `${escapeHtml(eventName(e.type, l))} → ${levelPill(e.level, l)}` : escapeHtml(eventName(e.type, l));
					return `<li><span class="num">${e.n}</span><span><b>${escapeHtml(t !== null ? d.short(t) : '')}</b> ${what}${e.actor ? ` <span class="muted">· ${u(e.actor)}</span>` : ''}</span></li>`;
				})
				.join('')}</ol>`
		: '';
	return [
		`<section><h2>${escapeHtml(l.volumeTitle)} <span class="muted" style="font-weight:400;font-size:14px">· ${escapeHtml(l.volumeSubtitle(m.volume.bucketHours))}</span></h2>`,
		`<figure style="margin:0"><div class="chart-wide">${volumeChart(m, WIDE, l, d, lang)}</div><div class="chart-narrow">${volumeChart(m, NARROW, l, d, lang)}</div>`,
		`<figcaption><ul class="legend">${legend}</ul>${eventsList}</figcaption></figure></section>`,
	].join('');
}

/**
 * Phases + sentiment. The phase table is a plain table on wide screens; on a phone each phase
 * becomes a card whose cells carry their column name (data-label, shown by the CSS), so nothing
 * scrolls sideways. Explicit ARIA roles keep the table semantics when the CSS changes the
 * display of its parts.
 */
function phaseSection(m: ReportMetrics, c: RenderContext): string {
	const { lang, l, pct, n, when, colon } = c;
	const ps = m.phaseStats;
	const neg = m.sentiment.negativeShare.value;
	const phaseCols = [l.mentions, l.perHour, l.negativeShare, l.averageRisk];
	const phaseCell = (col: number, value: string) => `<td class="n" role="cell" data-label="${escapeAttr(phaseCols[col])}">${escapeHtml(value)}</td>`;
	const phaseRows = PHASE_NAMES.map((k) => {
		const s = ps[k];
		const span = s.start && s.end ? `${when(s.start)} – ${when(s.end)}` : '–';
		return `<tr role="row"><th scope="row" role="rowheader" class="ph">${escapeHtml(phaseLabel(k, l))}<div class="muted span">${escapeHtml(span)}</div></th>${phaseCell(0, n(s.mentions))}${phaseCell(1, n(m.volume.perHour.value[k], 1))}${phaseCell(2, pct(neg[k]))}${phaseCell(3, n(m.sentiment.averageRisk.value[k], 1))}</tr>`;
	}).join('');
	const rec = m.sentiment.recovery.value;
	const recClass = rec === null ? '' : rec.recovered ? ' good' : ' bad';
	const parts = [
		`<section><h2>${escapeHtml(l.phases)}</h2>`,
		`<div class="tw"><table class="phases" role="table"><thead role="rowgroup"><tr role="row"><th role="columnheader">${escapeHtml(l.phase)}</th>${phaseCols.map((col) => `<th class="n" role="columnheader">${escapeHtml(col)}</th>`).join('')}</tr></thead><tbody role="rowgroup">${phaseRows}</tbody></table></div>`,
	];
	if (m.scored) {
		parts.push(
			`<h3>${escapeHtml(l.sentimentTitle)}</h3>${sentimentChart(m, l, lang)}`,
			`<ul class="legend"><li><span class="sw" style="background:${COLORS.negative}"></span>${escapeHtml(l.negative)}</li><li><span class="sw" style="background:${COLORS.neutral}"></span>${escapeHtml(l.neutral)}</li><li><span class="sw" style="background:${COLORS.positive}"></span>${escapeHtml(l.positive)}</li>${ps.before.sentiment.unknown + ps.during.sentiment.unknown + ps.after.sentiment.unknown > 0 ? `<li><span class="sw" style="background:${COLORS.unknown}"></span>${escapeHtml(l.unknown)}</li>` : ''}</ul>`,
		);
	}
	parts.push(`<p class="statement${recClass}">${escapeHtml(l.recovery)}${colon}${escapeHtml(recoveryText(m, c) ?? l.notJudged)}</p></section>`);
	return parts.join('');
}

/** Response times (durations in bold), time at or above each level, late steps. */
function responseSection(m: ReportMetrics, c: RenderContext): string {
	const { l, dur } = c;
	const durations = m.levels.durationAtOrAbove.value;
	const levelRows = durations
		? levelsShown(m, durations)
				.map((lv) => `<tr><td>${escapeHtml(l.timeAtOrAbove)} ${levelPill(lv, l)}</td><td class="n">${escapeHtml(dur(durations[lv]))}</td></tr>`)
				.join('')
		: '';
	const respRows = responseRows(m, c)
		.map(([k, v], i) => i === 2 || i === 4 || i === 6 ? `<tr><td><b>${escapeHtml(k)}</b></td><td class="n"><b>${escapeHtml(v)}</b></td></tr>` : `<tr><td>${escapeHtml(k)}</td><td class="n">${escapeHtml(v)}</td></tr>`)
		.join('');
	return [
		`<section><h2>${escapeHtml(l.responseTitle)}</h2><div class="grid2"><div><div class="tw"><table><tbody>${respRows}</tbody></table></div></div>`,
		`<div>${levelRows ? `<div class="tw"><table><thead><tr><th>${escapeHtml(l.levelsTitle)}</th><th></th></tr></thead><tbody>${levelRows}</tbody></table></div>` : `<p class="muted">${escapeHtml(m.levels.durationAtOrAbove.how)}</p>`}</div></div>`,
		`<h3>${escapeHtml(l.lateSteps)}</h3>${lateStepsHtml(m, c)}</section>`,
	].join('');
}

function lateStepsHtml(m: ReportMetrics, c: RenderContext): string {
	const { maxRows, l, dur, when } = c;
	const late = m.response.lateSteps.value;
	if (!late.length) return `<p class="muted">${escapeHtml(l.noLateSteps)}</p>`;
	const rows = late
		.slice(0, maxRows)
		.map(
			(s) =>
				`<tr><td>${u(s.label)}</td><td class="n">${escapeHtml(when(s.deadline))}</td><td class="n">${escapeHtml(s.doneAt ? when(s.doneAt) : l.notDone)}</td><td class="n late">${escapeHtml(dur(s.lateByMs))}</td></tr>`,
		)
		.join('');
	return `<div class="tw"><table><thead><tr><th>${escapeHtml(l.event)}</th><th class="n">${escapeHtml(l.deadline)}</th><th class="n">${escapeHtml(l.doneAt)}</th><th class="n">${escapeHtml(l.lateBy)}</th></tr></thead><tbody>${rows}</tbody></table></div>${late.length > maxRows ? `<p class="muted">${escapeHtml(l.more(late.length - maxRows))}</p>` : ''}`;
}

function timelineSection(m: ReportMetrics, c: RenderContext): string {
	const { d, l, dur } = c;
	if (!m.timeline.length) return '';
	const rows = m.timeline
		.map((e) => {
			const t = parseTime(e.at);
			const what = [
				escapeHtml(eventName(e.type, l)),
				e.level ? levelPill(e.level, l) : '',
				e.summary ? `<span class="muted">${u(e.summary)}</span>` : e.stepId ? `<span class="muted">${u(e.stepId)}</span>` : '',
				e.late && e.deadline ? `<span class="late">${escapeHtml(l.lateBy.toLowerCase())} ${escapeHtml(dur((parseTime(e.at) ?? 0) - (parseTime(e.deadline) ?? 0)))}</span>` : '',
			]
				.filter(Boolean)
				.join(' ');
			return `<tr><td class="n">${e.marked ? `<span class="num">${e.n}</span>` : `<span class="muted">${e.n}</span>`}</td><td style="white-space:nowrap">${escapeHtml(t !== null ? d.short(t) : '')}</td><td>${what}</td><td>${e.actor ? u(e.actor) : ''}</td></tr>`;
		})
		.join('');
	return `<section><h2>${escapeHtml(l.timelineTitle)}</h2><div class="tw"><table class="tl"><thead><tr><th class="n">#</th><th>${escapeHtml(l.when)}</th><th>${escapeHtml(l.event)}</th><th>${escapeHtml(l.who)}</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

/** Reach, top authors, sources and languages side by side, themes. */
function reachSection(m: ReportMetrics, c: RenderContext): string {
	const { lang, maxRows, l, n, colon } = c;
	const authors = m.reach.topAuthors.value.slice(0, maxRows);
	const authorRows = authors
		.map((a) => {
			const who = a.name ? `${u(a.name)} <span class="muted">@${u(a.handle)}</span>` : `@${u(a.handle)}`;
			return `<tr><td>${link(who, a.url)}${a.verified ? ` <span class="tag">✓ ${escapeHtml(l.verified)}</span>` : ''}<div class="muted sub">${u(a.platform)}</div></td><td class="n">${escapeHtml(a.followers === null ? '–' : fmtCompact(a.followers, lang))}</td><td class="n">${escapeHtml(n(a.mentions))}${m.scored && a.negative ? `<div class="muted sub">${escapeHtml(n(a.negative))} ${escapeHtml(l.negative.toLowerCase())}</div>` : ''}</td></tr>`;
		})
		.join('');
	const sourceItems = m.sources.value.map((s) => ({ label: sourceName(s.key, c), count: s.count, share: s.share }));
	const langItems = m.languages.value.map((s) => ({ label: languageName(s.key, c), count: s.count, share: s.share }));
	const themes = m.themes.value;
	return [
		`<section><h2>${escapeHtml(l.reachTitle)}</h2>`,
		`<p>${escapeHtml(l.potentialReach)}${colon}<b>${escapeHtml(n(m.reach.potential.value))}</b> · ${escapeHtml(n(m.reach.authors.value))} ${escapeHtml(l.authors)}</p>`,
		authors.length
			? `<h3>${escapeHtml(l.topAuthors)}</h3><div class="tw"><table class="authors"><thead><tr><th>${escapeHtml(l.author)}</th><th class="n">${escapeHtml(l.followers)}</th><th class="n">${escapeHtml(l.mentions)}</th></tr></thead><tbody>${authorRows}</tbody></table></div>`
			: '',
		`<div class="grid2"><div><h3>${escapeHtml(l.sourcesTitle)}</h3>${sourceItems.length ? barList(sourceItems, l.sourcesAria, lang) : `<p class="muted">${escapeHtml(l.noData)}</p>`}</div>`,
		`<div><h3>${escapeHtml(l.languagesTitle)}</h3>${langItems.length ? barList(langItems, l.languagesTitle, lang, '#5b7fa8') : `<p class="muted">${escapeHtml(l.noData)}</p>`}</div></div>`,
		themes && themes.length
			? `<h3>${escapeHtml(l.themesTitle)}</h3><div class="tw"><table><thead><tr><th>${escapeHtml(l.theme)}</th><th class="n">${escapeHtml(l.total)}</th><th class="n">${escapeHtml(l.phaseDuring)}</th></tr></thead><tbody>${themes
					.slice(0, maxRows)
					.map((t) => `<tr><td>${u(t.theme)}</td><td class="n">${escapeHtml(n(t.count))}</td><td class="n">${escapeHtml(n(t.during))}</td></tr>`)
					.join('')}</tbody></table></div>`
			: '',
		`</section>`,
	].join('');
}

function topMentionSection(m: ReportMetrics, c: RenderContext): string {
	const { lang, maxRows, d, l } = c;
	const top = m.topNegative.value.slice(0, maxRows);
	if (!top.length) return '';
	return `<section><h2>${escapeHtml(m.scored ? l.topNegativeTitle : l.topSharedTitle)}</h2><div class="quotes">${top.map((mm) => quoteCard(mm, l, d, lang)).join('')}</div></section>`;
}

function noteSection(m: ReportMetrics, c: RenderContext): string {
	if (!m.notes.length) return '';
	return `<section><h2>${escapeHtml(c.l.notesTitle)}</h2><ul class="notes">${m.notes.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul></section>`;
}
