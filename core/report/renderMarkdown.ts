/**
 * The report as Markdown (CommonMark + GFM tables): the same content as the HTML, charts
 * replaced by tables. Every untrusted string goes through escapeMarkdown / markdownLink.
 */
import { LEVELS, levelRank } from '../levels';
import { escapeMarkdown, markdownLink } from './escape';
import { fmtCompact, parseTime } from './format';
import { recoveryText, renderContext, summaryText } from './renderContext';
import type { RenderOptions, ReportMetrics } from './types';

function table(head: string[], rows: string[][], numeric: boolean[] = []): string {
	const sep = head.map((_h, i) => (numeric[i] ? '---:' : '---'));
	return [head, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

export function renderReportMarkdown(m: ReportMetrics, options: RenderOptions = {}): string {
	const ctx = renderContext(m, options);
	const { lang, maxRows, d, l, title, dur, pct, n, when, colon } = ctx;
	const rs = parseTime(m.range.start);
	const re = parseTime(m.range.end);
	const e = escapeMarkdown;
	const r = m.response;
	const ps = m.phaseStats;
	const neg = m.sentiment.negativeShare.value;
	const highest = m.levels.highest.value;
	const out: string[] = [];

	out.push(`# ${e(title)}`, '');
	const genMs = parseTime(m.generatedAt);
	out.push(
		`${m.brand ? `**${e(m.brand)}** · ` : ''}${e(l.defaultTitle)}  `,
		`${e(l.period)}${colon}${e(rs !== null && re !== null ? `${d.dateTime(rs)} – ${d.dateTime(re)}` : '–')} · ${e(l.times)}${colon}${e(m.timeZone)} · ${e(l.generated)} ${e(genMs !== null ? d.dateTime(genMs) : '–')}`,
		'',
	);
	if (highest) out.push(`**${e(l.highestLevel)}${colon}${e(l.levelNames[highest])}**`, '');

	const recovery = recoveryText(m, ctx);
	const peak = m.volume.peak.value;
	out.push(
		`## ${e(l.summary)}`,
		'',
		e(summaryText(m, ctx)),
		'',
	);

	out.push(
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
	);

	// volume as a compact daily/hourly table is too long: give the peak, per-phase rates and the top hours
	out.push(`## ${e(l.phases)}`, '');
	out.push(
		table(
			[e(l.phase), e(l.mentions), e(l.perHour), e(l.negativeShare), e(l.averageRisk), e(l.negative), e(l.neutral), e(l.positive)],
			(['before', 'during', 'after'] as const).map((k) => {
				const s = ps[k];
				const label = k === 'before' ? l.phaseBefore : k === 'during' ? l.phaseDuring : l.phaseAfter;
				const span = s.start && s.end ? ` (${when(s.start)} – ${when(s.end)})` : '';
				return [
					e(label + span),
					e(n(s.mentions)),
					e(n(m.volume.perHour.value[k], 1)),
					e(pct(neg[k])),
					e(n(m.sentiment.averageRisk.value[k], 1)),
					e(n(s.sentiment.negative)),
					e(n(s.sentiment.neutral)),
					e(n(s.sentiment.positive)),
				];
			}),
			[false, true, true, true, true, true, true, true],
		),
		'',
		`**${e(l.recovery)}**${colon}${e(recovery ?? l.notJudged)}`,
		'',
	);

	const topHours = m.volume.series
		.map((b, i) => ({ b, i }))
		.sort((a, b) => b.b.count - a.b.count || a.i - b.i)
		.slice(0, 5)
		.filter((x) => x.b.count > 0);
	if (topHours.length) {
		out.push(
			`## ${e(l.volumeTitle)}`,
			'',
			table(
				[e(l.when), e(l.allMentions), e(l.negativeMentions)],
				topHours.map((x) => [e(when(x.b.start)), e(n(x.b.count)), e(n(x.b.negative))]),
				[false, true, true],
			),
			'',
		);
	}

	out.push(`## ${e(l.responseTitle)}`, '');
	out.push(
		table(
			[e(l.event), e(l.when)],
			[
				[e(l.firstAbnormal), e(when(r.firstAbnormal.value))],
				[e(l.firstAlert), e(r.firstAlert.value ? when(r.firstAlert.value.at) : '–')],
				[e(l.timeToDetect), e(dur(r.timeToDetect.value))],
				[e(l.firstApproved), e(when(r.firstApproved.value))],
				[e(l.timeToAcknowledge), e(dur(r.timeToAcknowledge.value))],
				[e(l.resolved), e(r.resolved.value ? when(r.resolved.value.at) + (r.resolved.value.estimated ? ` (${l.estimated})` : '') : '–')],
				[e(l.timeToResolve), e(dur(r.timeToResolve.value))],
			],
			[false, true],
		),
		'',
	);
	const durations = m.levels.durationAtOrAbove.value;
	if (durations) {
		out.push(
			`### ${e(l.levelsTitle)}`,
			'',
			table(
				[e(l.timeAtOrAbove), ''],
				LEVELS.filter((lv) => lv !== 'calm' && (durations[lv] > 0 || (highest !== null && levelRank(lv) <= levelRank(highest)))).map((lv) => [
					e(l.levelNames[lv]),
					e(dur(durations[lv])),
				]),
				[false, true],
			),
			'',
		);
	}
	out.push(`### ${e(l.lateSteps)}`, '');
	const late = r.lateSteps.value;
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

	if (m.timeline.length) {
		out.push(
			`## ${e(l.timelineTitle)}`,
			'',
			table(
				['\\#', e(l.when), e(l.event), e(l.who)],
				m.timeline.map((t) => [
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
				]),
				[true, false, false, false],
			),
			'',
		);
	}

	out.push(`## ${e(l.reachTitle)}`, '', `${e(l.potentialReach)}${colon}**${e(n(m.reach.potential.value))}** · ${e(n(m.reach.authors.value))} ${e(l.authors)}`, '');
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
	const other = lang === 'fr' ? 'autres' : 'other';
	out.push(
		`### ${e(l.sourcesTitle)}`,
		'',
		table([e(l.sourcesTitle), e(l.mentions), '%'], m.sources.value.map((s) => [e(s.key === 'other' ? other : s.key), e(n(s.count)), e(pct(s.share))]), [false, true, true]),
		'',
		`### ${e(l.languagesTitle)}`,
		'',
		table(
			[e(l.languagesTitle), e(l.mentions), '%'],
			m.languages.value.map((s) => [e(s.key === 'other' ? other : s.key === 'unknown' ? l.langUnknown : s.key), e(n(s.count)), e(pct(s.share))]),
			[false, true, true],
		),
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

	const top = m.topNegative.value.slice(0, maxRows);
	if (top.length) {
		out.push(`## ${e(m.scored ? l.topNegativeTitle : l.topSharedTitle)}`, '');
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
	}

	if (m.notes.length) {
		out.push(`## ${e(l.notesTitle)}`, '', ...m.notes.map((x) => `- ${e(x)}`), '');
	}

	out.push(`## ${e(l.methodTitle)}`, '');
	const hows: Array<[string, string]> = [
		[l.phases, m.phases.how],
		[l.mentions, m.volume.total.how],
		[l.peakHour, m.volume.peak.how],
		[l.perHour, m.volume.perHour.how],
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
	out.push(...hows.map(([k, v]) => `- **${e(k)}**${colon}${e(v)}`), '', `---`, '', e(l.footer), '');
	return out.join('\n');
}
