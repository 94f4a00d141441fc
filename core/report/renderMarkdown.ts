/**
 * The report as Markdown (CommonMark + GFM tables): the same content as the HTML, charts
 * replaced by tables. Every untrusted string goes through escapeMarkdown / markdownLink.
 *
 * One function per section, in page order; each returns its lines (a trailing '' closes a
 * block) and renderReportMarkdown joins them.
 */
import { escapeMarkdown as e, markdownLink } from './escape';
import { fmtCompact, parseTime } from './format';
import type { RenderContext } from './renderContext';
import { PHASE_NAMES, languageName, levelsShown, methodEntries, phaseLabel, recoveryText, renderContext, responseRows, sourceName, summaryText } from './renderContext';
import type { RenderOptions, ReportMetrics } from './types';

function table(head: string[], rows: string[][], numeric: boolean[] = []): string {
	const sep = head.map((_h, i) => (numeric[i] ? '---:' : '---'));
	return [head, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

export function renderReportMarkdown(m: ReportMetrics, options: RenderOptions = {}): string {
	const c = renderContext(m, options);
	const out: string[] = [
		...headerLines(m, c),
		`## ${e(c.l.summary)}`,
		'',
		e(summaryText(m, c)),
		'',
		...keyFigureLines(m, c),
		...phaseLines(m, c),
		...topHourLines(m, c),
		...responseLines(m, c),
		...timelineLines(m, c),
		...reachLines(m, c),
		...topMentionLines(m, c),
		...noteLines(m, c),
		...methodLines(m, c),
	];
	return out.join('\n');
}

function headerLines(m: ReportMetrics, c: RenderContext): string[] {
	const { d, l, title, colon } = c;
	const rs = parseTime(m.range.start);
	const re = parseTime(m.range.end);
	const genMs = parseTime(m.generatedAt);
	const highest = m.levels.highest.value;
	return [
		`# ${e(title)}`,
		'',
		`${m.brand ? `**${e(m.brand)}** · ` : ''}${e(l.defaultTitle)}  `,
		`${e(l.period)}${colon}${e(rs !== null && re !== null ? `${d.dateTime(rs)} – ${d.dateTime(re)}` : '–')} · ${e(l.times)}${colon}${e(m.timeZone)} · ${e(l.generated)} ${e(genMs !== null ? d.dateTime(genMs) : '–')}`,
		'',
		...(highest ? [`**${e(l.highestLevel)}${colon}${e(l.levelNames[highest])}**`, ''] : []),
	];
}

function keyFigureLines(m: ReportMetrics, c: RenderContext): string[] {
	const { lang, l, dur, pct, n, when } = c;
	const r = m.response;
	const neg = m.sentiment.negativeShare.value;
	const peak = m.volume.peak.value;
	return [
		`## ${e(l.keyFigures)}`,
		'',
		table(
			[e(l.keyFigures), ''],
			[
				[e(l.mentions), e(n(m.volume.total.value))],
				[e(l.peakHour), e(peak ? `${n(peak.count)} (${when(peak.at)})` : '–')],
				[e(l.timeToDetect), e(dur(r.timeToDetect.value))],
				[e(l.timeToAcknowledge), e(dur(r.timeToAcknowledge.value))],
				[e(l.timeToResolve), e(dur(r.timeToResolve.value) + (r.resolved.value?.estimated ? ` (${l.estimated})` : ''))],
				[e(l.negativeDuring), e(`${pct(neg.during)} (${l.vsBefore} ${pct(neg.before)})`)],
				[e(l.potentialReach), e(`${fmtCompact(m.reach.potential.value, lang)} (${n(m.reach.authors.value)} ${l.authors})`)],
			],
			[false, true],
		),
		'',
	];
}

function phaseLines(m: ReportMetrics, c: RenderContext): string[] {
	const { l, pct, n, when, colon } = c;
	const neg = m.sentiment.negativeShare.value;
	const rows = PHASE_NAMES.map((k) => {
		const s = m.phaseStats[k];
		const span = s.start && s.end ? ` (${when(s.start)} – ${when(s.end)})` : '';
		return [
			e(phaseLabel(k, l) + span),
			e(n(s.mentions)),
			e(n(m.volume.perHour.value[k], 1)),
			e(pct(neg[k])),
			e(n(m.sentiment.averageRisk.value[k], 1)),
			e(n(s.sentiment.negative)),
			e(n(s.sentiment.neutral)),
			e(n(s.sentiment.positive)),
		];
	});
	return [
		`## ${e(l.phases)}`,
		'',
		table(
			[e(l.phase), e(l.mentions), e(l.perHour), e(l.negativeShare), e(l.averageRisk), e(l.negative), e(l.neutral), e(l.positive)],
			rows,
			[false, true, true, true, true, true, true, true],
		),
		'',
		`**${e(l.recovery)}**${colon}${e(recoveryText(m, c) ?? l.notJudged)}`,
		'',
	];
}

/** Volume as a compact daily/hourly table is too long: the five busiest hours instead. */
function topHourLines(m: ReportMetrics, c: RenderContext): string[] {
	const { l, n, when } = c;
	const topHours = m.volume.series
		.map((b, i) => ({ b, i }))
		.sort((a, b) => b.b.count - a.b.count || a.i - b.i)
		.slice(0, 5)
		.filter((x) => x.b.count > 0);
	if (!topHours.length) return [];
	return [
		`## ${e(l.volumeTitle)}`,
		'',
		table(
			[e(l.when), e(l.allMentions), e(l.negativeMentions)],
			topHours.map((x) => [e(when(x.b.start)), e(n(x.b.count)), e(n(x.b.negative))]),
			[false, true, true],
		),
		'',
	];
}

function responseLines(m: ReportMetrics, c: RenderContext): string[] {
	const { maxRows, l, dur, when } = c;
	const out = [
		`## ${e(l.responseTitle)}`,
		'',
		table([e(l.event), e(l.when)], responseRows(m, c).map(([k, v]) => [e(k), e(v)]), [false, true]),
		'',
	];
	const durations = m.levels.durationAtOrAbove.value;
	if (durations) {
		out.push(
			`### ${e(l.levelsTitle)}`,
			'',
			table([e(l.timeAtOrAbove), ''], levelsShown(m, durations).map((lv) => [e(l.levelNames[lv]), e(dur(durations[lv]))]), [false, true]),
			'',
		);
	}
	out.push(`### ${e(l.lateSteps)}`, '');
	const late = m.response.lateSteps.value;
	if (late.length) {
		out.push(
			table(
				[e(l.event), e(l.deadline), e(l.doneAt), e(l.lateBy)],
				late.slice(0, maxRows).map((s) => [e(s.label), e(when(s.deadline)), e(s.doneAt ? when(s.doneAt) : l.notDone), e(dur(s.lateByMs))]),
				[false, true, true, true],
			),
			'',
		);
	} else out.push(e(l.noLateSteps), '');
	return out;
}

function timelineLines(m: ReportMetrics, c: RenderContext): string[] {
	const { l, when } = c;
	if (!m.timeline.length) return [];
	const rows = m.timeline.map((t) => [
		String(t.n),
		e(when(t.at)),
		[
			e(l.eventNames[t.type] ?? t.type),
			t.level ? `→ ${e(l.levelNames[t.level])}` : '',
			t.summary ? `— ${e(t.summary)}` : t.stepId ? `— ${e(t.stepId)}` : '',
			t.late ? `**${e(l.lateBy.toLowerCase())}**` : '',
		]
			.filter(Boolean)
			.join(' '),
		t.actor ? e(t.actor) : '',
	]);
	return [`## ${e(l.timelineTitle)}`, '', table(['\\#', e(l.when), e(l.event), e(l.who)], rows, [true, false, false, false]), ''];
}

/** Reach, then its sub-sections: top authors, sources, languages, themes. */
function reachLines(m: ReportMetrics, c: RenderContext): string[] {
	const { lang, maxRows, l, pct, n, colon } = c;
	const out = [`## ${e(l.reachTitle)}`, '', `${e(l.potentialReach)}${colon}**${e(n(m.reach.potential.value))}** · ${e(n(m.reach.authors.value))} ${e(l.authors)}`, ''];
	const authors = m.reach.topAuthors.value.slice(0, maxRows);
	if (authors.length) {
		out.push(
			`### ${e(l.topAuthors)}`,
			'',
			table(
				[e(l.author), e(l.followers), e(l.mentions)],
				authors.map((a) => [
					markdownLink(a.name ? `${a.name} (@${a.handle})` : `@${a.handle}`, a.url) + ` · ${e(a.platform)}`,
					e(a.followers === null ? '–' : fmtCompact(a.followers, lang)),
					e(n(a.mentions)),
				]),
				[false, true, true],
			),
			'',
		);
	}
	out.push(
		`### ${e(l.sourcesTitle)}`,
		'',
		table([e(l.sourcesTitle), e(l.mentions), '%'], m.sources.value.map((s) => [e(sourceName(s.key, c)), e(n(s.count)), e(pct(s.share))]), [false, true, true]),
		'',
		`### ${e(l.languagesTitle)}`,
		'',
		table([e(l.languagesTitle), e(l.mentions), '%'], m.languages.value.map((s) => [e(languageName(s.key, c)), e(n(s.count)), e(pct(s.share))]), [false, true, true]),
		'',
	);
	const themes = m.themes.value;
	if (themes && themes.length) {
		out.push(
			`### ${e(l.themesTitle)}`,
			'',
			table([e(l.theme), e(l.total), e(l.phaseDuring)], themes.slice(0, maxRows).map((t) => [e(t.theme), e(n(t.count)), e(n(t.during))]), [false, true, true]),
			'',
		);
	}
	return out;
}

function topMentionLines(m: ReportMetrics, c: RenderContext): string[] {
	const { lang, maxRows, l, n, when } = c;
	const top = m.topNegative.value.slice(0, maxRows);
	if (!top.length) return [];
	const out = [`## ${e(m.scored ? l.topNegativeTitle : l.topSharedTitle)}`, ''];
	top.forEach((mm, i) => {
		const who = mm.author.name ? `${mm.author.name} (@${mm.author.handle})` : `@${mm.author.handle}`;
		const meta = [
			markdownLink(who, mm.author.url),
			mm.author.followers !== null ? e(`${fmtCompact(mm.author.followers, lang)} ${l.followers.toLowerCase()}`) : '',
			e(mm.platform),
			e(when(mm.publishedAt)),
			e(`${n(mm.shares)} ${l.shares}`),
			mm.risk !== null ? e(`${l.risk} ${n(mm.risk)}`) : '',
			mm.url ? markdownLink(l.open, mm.url) : '',
		].filter(Boolean);
		out.push(`${i + 1}\\. ${mm.title ? `**${e(mm.title)}** ` : ''}${e(mm.text)}  `, `   ${meta.join(' · ')}`, '');
	});
	return out;
}

function noteLines(m: ReportMetrics, c: RenderContext): string[] {
	if (!m.notes.length) return [];
	return [`## ${e(c.l.notesTitle)}`, '', ...m.notes.map((x) => `- ${e(x)}`), ''];
}

/** How each figure is computed, then the footer (closes the page with a newline). */
function methodLines(m: ReportMetrics, c: RenderContext): string[] {
	const { l, colon } = c;
	return [
		`## ${e(l.methodTitle)}`,
		'',
		...methodEntries(m, c).map(([k, v]) => `- **${e(k)}**${colon}${e(v)}`),
		'',
		`---`,
		'',
		e(l.footer),
		'',
	];
}
