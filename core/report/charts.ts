/**
 * Small inline-SVG charts of the report, drawn as strings: volume over time (with level
 * bands, phases and timeline markers), sentiment split per phase, and horizontal bars.
 * Every text written into the SVG goes through escapeHtml / escapeAttr.
 */
import type { Level } from '../levels';
import { escapeAttr, escapeHtml } from './escape';
import type { DateFormatter } from './format';
import { HOUR_MS, fmtCompact, fmtNumber, fmtShare, parseTime } from './format';
import type { Labels } from './i18n';
import type { ReportLanguage, ReportMetrics } from './types';

export const LEVEL_COLORS: Record<Level, { band: string; strong: string }> = {
	calm: { band: '#eaf4ec', strong: '#3d8b57' },
	watch: { band: '#fcf4d6', strong: '#b8860b' },
	alert: { band: '#fde6cc', strong: '#e07000' },
	crisis: { band: '#fbdada', strong: '#cc2b2b' },
	critical: { band: '#efdcf5', strong: '#7a1fa2' },
};

export const COLORS = {
	ink: '#1b2533',
	muted: '#5b6777',
	grid: '#e3e7ec',
	bar: '#2b4a6f',
	negative: '#d64545',
	neutral: '#a4afbb',
	positive: '#2e9d6b',
	unknown: '#e3e7ec',
	phase: '#1b2533',
};

const f1 = (v: number) => (Math.round(v * 10) / 10).toString();

function niceStep(raw: number): number {
	if (raw <= 1) return 1;
	const p = 10 ** Math.floor(Math.log10(raw));
	const m = raw / p;
	return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

function text(x: number, y: number, value: string, attrs = ''): string {
	return `<text x="${f1(x)}" y="${f1(y)}"${attrs ? ' ' + attrs : ''}>${escapeHtml(value)}</text>`;
}

export interface VolumeChartSize {
	width: number;
	height: number;
	font: number;
	maxBars: number;
	minTickPx: number;
}

export const WIDE: VolumeChartSize = { width: 880, height: 320, font: 12, maxBars: 336, minTickPx: 88 };
export const NARROW: VolumeChartSize = { width: 360, height: 260, font: 11, maxBars: 120, minTickPx: 70 };

/**
 * Width reserved for a bold label of the chart, in viewBox units: a generous per-character
 * estimate (bold system sans-serif runs at 0.62–0.68 em per Latin letter) plus 4 units of
 * padding on each side. The SVG has no script to measure text, so layout decisions use this.
 */
export function labelWidth(label: string, font: number): number {
	return label.length * font * 0.7 + 8;
}

/** Where a phase label goes: inside its strip segment when it fits, else on a callout row below. */
export interface PhaseLabelBox {
	label: string;
	strong: boolean;
	/** The segment on the strip. */
	x0: number;
	x1: number;
	/** Label box (centre and width). */
	cx: number;
	width: number;
	inside: boolean;
}

/**
 * Lays out the before/during/after labels of the phase strip: a label that fits inside its
 * segment is centred there; the others go to a row below the strip, centred under their
 * segment as far as possible, kept inside [minX, maxX] and never overlapping each other.
 */
export function layoutPhaseLabels(
	segments: Array<{ x0: number; x1: number; label: string; strong: boolean }>,
	font: number,
	minX: number,
	maxX: number,
): PhaseLabelBox[] {
	const gap = 4;
	const boxes: PhaseLabelBox[] = segments.map((s) => {
		const width = labelWidth(s.label, font);
		return { ...s, cx: (s.x0 + s.x1) / 2, width, inside: s.x1 - s.x0 - 2 >= width };
	});
	const row = boxes.filter((b) => !b.inside);
	// left to right: no overlap, not before minX; then right to left: not after maxX
	let right = minX - gap;
	for (const b of row) {
		const left = Math.max(b.cx - b.width / 2, right + gap);
		b.cx = left + b.width / 2;
		right = left + b.width;
	}
	let left = maxX + gap;
	for (let i = row.length - 1; i >= 0; i--) {
		const b = row[i];
		const r = Math.min(b.cx + b.width / 2, left - gap);
		b.cx = r - b.width / 2;
		left = r - b.width;
	}
	return boxes;
}

/** The volume chart's geometry: plot area, time-to-x mapping, marker row and phase strip. */
interface VolumeFrame {
	W: number;
	H: number;
	font: number;
	start: number;
	end: number;
	padL: number;
	padR: number;
	padT: number;
	plotW: number;
	plotH: number;
	baseY: number;
	xOf: (t: number) => number;
	/** Height of the phase strip, and of the callout row below it (0 when every label fits). */
	phaseStrip: number;
	calloutRow: number;
	phaseLabels: PhaseLabelBox[];
	/** Start and end of the "during" phase, when known. */
	ds: number | null;
	de: number | null;
	markerR: number;
	/** x of each marked timeline event's bubble, in timeline order. */
	markerX: number[];
}

/** One bar: a bucket (or several, downsampled) as mentions per hour. */
interface VolumeBar {
	t0: number;
	t1: number;
	count: number;
	negative: number;
}

/** The y scale: it always reaches the peak hour, with room above for its label. */
interface VolumeScale {
	peak: ReportMetrics['volume']['peak']['value'];
	peakBar: VolumeBar | null;
	step: number;
	yMax: number;
	yOf: (v: number) => number;
}

/** Volume per hour as bars (negative part in red), level bands behind, phases below, event markers on top. */
export function volumeChart(
	m: ReportMetrics,
	size: VolumeChartSize,
	l: Labels,
	dates: DateFormatter,
	lang: ReportLanguage,
): string {
	const start = parseTime(m.range.start);
	const end = parseTime(m.range.end);
	const { width: W, font } = size;
	const aria = escapeAttr(l.chartAria);
	if (start === null || end === null || end <= start) {
		return `<svg class="chart" viewBox="0 0 ${W} 80" role="img" aria-label="${aria}">${text(W / 2, 44, l.noData, `text-anchor="middle" font-size="${font + 2}" fill="${COLORS.muted}"`)}</svg>`;
	}
	const markers = m.timeline.filter((e) => e.marked);
	const g = volumeFrame(m, size, l, start, end, markers);
	const bars = volumeBars(m, size, start, end);
	const scale = volumeScale(m, bars, g);
	const barGap = bars.length > 120 ? 0.15 : bars.length > 40 ? 0.2 : 0.25;
	const barWidth = (b: { t0: number; t1: number }) => Math.max(0.6, (g.xOf(b.t1) - g.xOf(b.t0)) * (1 - barGap));
	const out: string[] = [
		`<svg class="chart" viewBox="0 0 ${W} ${g.H}" role="img" aria-label="${aria}" font-size="${font}" preserveAspectRatio="xMidYMid meet">`,
		`<title>${escapeHtml(l.chartAria)}</title>`,
		...levelBands(m, g),
		...gridLines(g, scale, lang),
		...barRects(bars, g, scale, barWidth),
		`<line x1="${f1(g.padL)}" x2="${f1(W - g.padR)}" y1="${f1(g.baseY)}" y2="${f1(g.baseY)}" stroke="${COLORS.muted}" stroke-width="1"/>`,
		...timeAxis(g, size, dates),
		...phaseStrip(g),
		...peakLabel(g, scale, barWidth, lang),
		...markerBubbles(markers, g),
		'</svg>',
	];
	return out.join('');
}

function volumeFrame(
	m: ReportMetrics,
	size: VolumeChartSize,
	l: Labels,
	start: number,
	end: number,
	markers: ReportMetrics['timeline'],
): VolumeFrame {
	const { width: W, font } = size;
	const markerR = font * 0.85;
	// marker rows computed first: they decide the top margin
	const xOf = (t: number) => padL + ((t - start) / (end - start)) * plotW;
	const yAxisWidth = font * 3.2;
	const padL = yAxisWidth + 6;
	const padR = 10;
	const plotW = W - padL - padR;
	const markerX = spreadMarkers(
		markers.map((e) => xOf(parseTime(e.at) ?? start)),
		markerR * 2.25,
		padL + markerR,
		W - padR - markerR,
	);
	const markerBand = markers.length ? markerR * 2 + 14 : 0;
	const padT = 8 + markerBand + font * 0.6;
	// phase strip under the axis: labels that do not fit their segment get a row of their own
	// below it (the chart grows by that row rather than shrinking the plot)
	const ds = parseTime(m.phases.duringStart);
	const de = parseTime(m.phases.duringEnd);
	const phaseStrip = font + 10;
	const phaseLabels =
		ds !== null && de !== null
			? layoutPhaseLabels(
					(
						[
							[start, Math.min(ds, end), l.phaseBefore, false],
							[Math.max(ds, start), Math.min(de, end), l.phaseDuring, true],
							[Math.max(de, start), end, l.phaseAfter, false],
						] as Array<[number, number, string, boolean]>
					)
						.filter(([a, b]) => b > a)
						.map(([a, b, label, strong]) => ({ x0: xOf(a), x1: xOf(b), label, strong })),
					font,
					1,
					W - 1,
				)
			: [];
	const calloutRow = phaseLabels.some((p) => !p.inside) ? phaseStrip + 6 : 0;
	const H = size.height + calloutRow;
	const padB = font * 2 + 12 + phaseStrip + calloutRow;
	const plotH = H - padT - padB;
	const baseY = padT + plotH;
	return { W, H, font, start, end, padL, padR, padT, plotW, plotH, baseY, xOf, phaseStrip, calloutRow, phaseLabels, ds, de, markerR, markerX };
}

/**
 * Markers on one row: overlapping ones are spread evenly around their mean x (leader lines
 * show the real time), kept within [minX, maxX]. Returns the x of each marker, in order.
 */
function spreadMarkers(xs: number[], spacing: number, minX: number, maxX: number): number[] {
	const clusters: Array<{ xs: number[]; start: number }> = [];
	for (const raw of xs) {
		const x = Math.min(maxX, Math.max(minX, raw));
		clusters.push({ xs: [x], start: x });
		while (clusters.length > 1) {
			const cur = clusters[clusters.length - 1];
			const prev = clusters[clusters.length - 2];
			if (prev.start + prev.xs.length * spacing <= cur.start) break;
			const merged = prev.xs.concat(cur.xs);
			const mean = merged.reduce((a, b) => a + b, 0) / merged.length;
			const startX = Math.min(Math.max(minX, mean - ((merged.length - 1) * spacing) / 2), maxX - (merged.length - 1) * spacing);
			clusters.splice(clusters.length - 2, 2, { xs: merged, start: startX });
		}
	}
	const markerX: number[] = [];
	for (const c of clusters) c.xs.forEach((_x, k) => markerX.push(c.start + k * spacing));
	return markerX;
}

/** Downsampled buckets: a bar of several hours shows their mean per hour. */
function volumeBars(m: ReportMetrics, size: VolumeChartSize, start: number, end: number): VolumeBar[] {
	const series = m.volume.series;
	const group = Math.max(1, Math.ceil(series.length / size.maxBars));
	const bucketMs = m.volume.bucketHours * HOUR_MS;
	const bars: VolumeBar[] = [];
	for (let i = 0; i < series.length; i += group) {
		let c = 0;
		let neg = 0;
		for (let k = i; k < Math.min(series.length, i + group); k++) {
			c += series[k].count;
			neg += series[k].negative;
		}
		const t0 = parseTime(series[i].start) ?? start;
		const t1 = Math.min(end, t0 + group * bucketMs);
		// the last bar may cover fewer hours than the others
		const hours = Math.max(1, (t1 - t0) / HOUR_MS);
		bars.push({ t0, t1, count: c / hours, negative: neg / hours });
	}
	return bars;
}

/**
 * The peak is the busiest clock hour (m.volume.peak, the figure of the key-figure card and the
 * summary); the scale always reaches it, with room above for its label.
 */
function volumeScale(m: ReportMetrics, bars: VolumeBar[], g: VolumeFrame): VolumeScale {
	const { font, plotH, baseY } = g;
	const peak = m.volume.peak.value;
	const peakAt = peak ? parseTime(peak.at) : null;
	const peakBar = peakAt === null ? null : bars.find((b) => peakAt >= b.t0 && peakAt < b.t1) ?? null;
	const maxCount = Math.max(1, peak && peakBar ? peak.count : 0, ...bars.map((b) => b.count));
	const step = niceStep(maxCount / 4);
	let yMax = Math.ceil(maxCount / step) * step;
	if (peak && peakBar && (maxCount / yMax) * plotH > plotH - font - 8) yMax += step;
	const yOf = (v: number) => baseY - (v / yMax) * plotH;
	return { peak, peakBar, step, yMax, yOf };
}

/** Level bands behind the bars, with a strong edge on top. */
function levelBands(m: ReportMetrics, g: VolumeFrame): string[] {
	const { start, end, xOf, padT, plotH } = g;
	const out: string[] = [];
	for (const b of m.levels.bands) {
		const b0 = Math.max(start, parseTime(b.start) ?? start);
		const b1 = Math.min(end, parseTime(b.end) ?? end);
		if (b1 <= b0 || b.level === 'calm') continue;
		const c = LEVEL_COLORS[b.level];
		out.push(
			`<rect x="${f1(xOf(b0))}" y="${f1(padT)}" width="${f1(Math.max(0.5, xOf(b1) - xOf(b0)))}" height="${f1(plotH)}" fill="${c.band}"/>`,
			`<rect x="${f1(xOf(b0))}" y="${f1(padT - 4)}" width="${f1(Math.max(0.5, xOf(b1) - xOf(b0)))}" height="4" fill="${c.strong}"/>`,
		);
	}
	return out;
}

/** Horizontal grid lines and their y labels. */
function gridLines(g: VolumeFrame, scale: VolumeScale, lang: ReportLanguage): string[] {
	const { W, font, padL, padR } = g;
	const out: string[] = [];
	for (let v = 0; v <= scale.yMax; v += scale.step) {
		const y = scale.yOf(v);
		out.push(`<line x1="${f1(padL)}" x2="${f1(W - padR)}" y1="${f1(y)}" y2="${f1(y)}" stroke="${COLORS.grid}" stroke-width="1"/>`);
		out.push(text(padL - 6, y + font * 0.35, fmtCompact(v, lang), `text-anchor="end" fill="${COLORS.muted}"`));
	}
	return out;
}

/** Each bar, its negative part drawn over it in red. */
function barRects(bars: VolumeBar[], g: VolumeFrame, scale: VolumeScale, barWidth: (b: VolumeBar) => number): string[] {
	const { xOf, baseY } = g;
	const { yOf } = scale;
	const out: string[] = [];
	for (const b of bars) {
		if (b.count <= 0) continue;
		const x0 = xOf(b.t0);
		const w = barWidth(b);
		out.push(`<rect x="${f1(x0)}" y="${f1(yOf(b.count))}" width="${f1(w)}" height="${f1(baseY - yOf(b.count))}" fill="${COLORS.bar}"/>`);
		if (b.negative > 0) {
			out.push(
				`<rect x="${f1(x0)}" y="${f1(yOf(b.negative))}" width="${f1(w)}" height="${f1(baseY - yOf(b.negative))}" fill="${COLORS.negative}"/>`,
			);
		}
	}
	return out;
}

/** x ticks, aligned on local hours of the display zone; the day under the first tick of each day. */
function timeAxis(g: VolumeFrame, size: VolumeChartSize, dates: DateFormatter): string[] {
	const { W, font, start, end, padL, padR, plotW, baseY, xOf } = g;
	const out: string[] = [];
	const spanH = (end - start) / HOUR_MS;
	const maxTicks = Math.max(2, Math.floor(plotW / size.minTickPx));
	const intervals = [1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720, 1440, 2880, 4320, 8760];
	const interval = intervals.find((iv) => spanH / iv <= maxTicks) ?? 8760;
	let lastDayLabel = '';
	let dayCount = 0;
	for (let t = start; t <= end; t += HOUR_MS) {
		const hour = dates.localHour(t);
		const isMidnight = hour === 0;
		if (isMidnight) dayCount++;
		const take = interval < 24 ? hour % interval === 0 : isMidnight && (dayCount - 1) % (interval / 24) === 0;
		if (!take) continue;
		const x = xOf(t);
		if (x < padL + 8 || x > W - padR - 8) continue;
		out.push(`<line x1="${f1(x)}" x2="${f1(x)}" y1="${f1(baseY)}" y2="${f1(baseY + 4)}" stroke="${COLORS.muted}"/>`);
		const day = dates.day(t);
		if (interval < 24) {
			out.push(text(x, baseY + font + 4, dates.time(t), `text-anchor="middle" fill="${COLORS.muted}"`));
			if (day !== lastDayLabel && (isMidnight || lastDayLabel === '')) {
				out.push(text(x, baseY + font * 2 + 6, day, `text-anchor="middle" fill="${COLORS.ink}" font-weight="600"`));
				lastDayLabel = day;
			}
		} else out.push(text(x, baseY + font + 4, day, `text-anchor="middle" fill="${COLORS.muted}"`));
	}
	return out;
}

/**
 * The phase strip under the axis, then the callouts of labels that did not fit their segment,
 * then dashed lines where the "during" phase starts and ends. Each label is drawn right after
 * the box it sits in (its segment, or its callout pill).
 */
function phaseStrip(g: VolumeFrame): string[] {
	const { H, font, start, end, padT, baseY, xOf, phaseStrip: strip, calloutRow, phaseLabels, ds, de } = g;
	const out: string[] = [];
	const stripY = H - strip - calloutRow;
	const calloutY = stripY + strip + 6;
	const labelText = (p: PhaseLabelBox, y: number) =>
		text(p.cx, y + strip / 2 + font * 0.35 - 1, p.label, `class="phase-label" text-anchor="middle" fill="${p.strong ? '#ffffff' : COLORS.ink}" font-weight="600"`);
	for (const p of phaseLabels) {
		out.push(
			`<rect x="${f1(p.x0 + 1)}" y="${f1(stripY)}" width="${f1(Math.max(0.5, p.x1 - p.x0 - 2))}" height="${strip - 2}" rx="3" fill="${p.strong ? COLORS.phase : COLORS.grid}"/>`,
		);
		if (p.inside) out.push(labelText(p, stripY));
	}
	for (const p of phaseLabels) {
		if (p.inside) continue;
		const from = Math.min(p.x1 - 1, Math.max(p.x0 + 1, (p.x0 + p.x1) / 2));
		const to = Math.min(p.cx + p.width / 2 - 4, Math.max(p.cx - p.width / 2 + 4, from));
		out.push(
			`<line x1="${f1(from)}" x2="${f1(to)}" y1="${f1(stripY + strip - 2)}" y2="${f1(calloutY)}" stroke="${p.strong ? COLORS.phase : COLORS.muted}" stroke-width="1"/>`,
			`<rect x="${f1(p.cx - p.width / 2)}" y="${f1(calloutY)}" width="${f1(p.width)}" height="${strip - 2}" rx="3" fill="${p.strong ? COLORS.phase : COLORS.grid}"/>`,
			labelText(p, calloutY),
		);
	}
	if (ds !== null && de !== null) {
		for (const t of [ds, de]) {
			if (t <= start || t >= end) continue;
			const x = xOf(t);
			out.push(`<line x1="${f1(x)}" x2="${f1(x)}" y1="${f1(padT)}" y2="${f1(baseY)}" stroke="${COLORS.phase}" stroke-width="1" stroke-dasharray="4 3" opacity="0.55"/>`);
		}
	}
	return out;
}

/**
 * Peak label: the busiest clock hour, the same figure as the key-figure card. When its bar
 * averages several hours (phone width, long ranges) a tick shows how high that hour went.
 */
function peakLabel(g: VolumeFrame, scale: VolumeScale, barWidth: (b: VolumeBar) => number, lang: ReportLanguage): string[] {
	const { peak, peakBar, yOf } = scale;
	if (!peak || !peakBar) return [];
	const { W, font, padL, padR, padT, xOf } = g;
	const out: string[] = [];
	const x0 = xOf(peakBar.t0);
	const w = barWidth(peakBar);
	const cx = x0 + w / 2;
	const yPeak = yOf(peak.count);
	if (peak.count - peakBar.count > 1e-9) {
		out.push(
			`<line x1="${f1(cx)}" x2="${f1(cx)}" y1="${f1(yOf(peakBar.count))}" y2="${f1(yPeak)}" stroke="${COLORS.ink}" stroke-width="1" stroke-dasharray="2 2"/>`,
			`<line x1="${f1(cx - Math.max(3, w / 2))}" x2="${f1(cx + Math.max(3, w / 2))}" y1="${f1(yPeak)}" y2="${f1(yPeak)}" stroke="${COLORS.ink}" stroke-width="2"/>`,
		);
	}
	const label = `${fmtNumber(peak.count, lang, 0)}/h`;
	const anchor = cx > W - padR - 40 ? 'end' : cx < padL + 40 ? 'start' : 'middle';
	out.push(text(cx, Math.max(padT + font, yPeak - 5), label, `class="peak-label" text-anchor="${anchor}" fill="${COLORS.ink}" font-weight="700"`));
	return out;
}

/** Numbered bubbles of the marked timeline events, each with a leader line down to its real time. */
function markerBubbles(markers: ReportMetrics['timeline'], g: VolumeFrame): string[] {
	const { font, start, end, baseY, xOf, markerR, markerX } = g;
	const out: string[] = [];
	markers.forEach((e, i) => {
		const t = parseTime(e.at);
		if (t === null || t < start || t > end) return;
		const x = xOf(t);
		const mx = markerX[i];
		const cy = 6 + markerR;
		const color = e.type === 'resolved' ? LEVEL_COLORS.calm.strong : e.type === 'levelChanged' && e.level ? LEVEL_COLORS[e.level].strong : COLORS.ink;
		const elbow = cy + markerR + 8;
		out.push(
			`<polyline points="${f1(mx)},${f1(cy + markerR)} ${f1(mx)},${f1(cy + markerR + 3)} ${f1(x)},${f1(elbow)} ${f1(x)},${f1(baseY)}" fill="none" stroke="${color}" stroke-width="1" opacity="0.55"/>`,
			`<circle cx="${f1(mx)}" cy="${f1(cy)}" r="${f1(markerR)}" fill="${color}"/>`,
			text(mx, cy + font * 0.35, String(e.n), `text-anchor="middle" fill="#ffffff" font-weight="700" font-size="${font - 1}"`),
		);
	});
	return out;
}

/** Three 100 % bars (before, during, after) split into negative / neutral / positive / no sentiment. */
export function sentimentChart(m: ReportMetrics, l: Labels, lang: ReportLanguage): string {
	const W = 420;
	const rowH = 34;
	const labelW = lang === 'fr' ? 78 : 70;
	const countW = 64;
	const top = 6;
	const phases: Array<[keyof ReportMetrics['phaseStats'], string]> = [
		['before', l.phaseBefore],
		['during', l.phaseDuring],
		['after', l.phaseAfter],
	];
	const H = top + phases.length * rowH + 4;
	const out: string[] = [
		`<svg class="chart chart-small" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeAttr(l.sentimentAria)}" font-size="13">`,
		`<title>${escapeHtml(l.sentimentAria)}</title>`,
	];
	const barW = W - labelW - countW;
	phases.forEach(([key, label], i) => {
		const s = m.phaseStats[key];
		const y = top + i * rowH;
		out.push(text(0, y + rowH / 2 + 1, label, `fill="${COLORS.ink}" font-weight="600"`));
		const total = s.mentions;
		if (total === 0) {
			out.push(`<rect x="${labelW}" y="${y + 4}" width="${barW}" height="${rowH - 10}" rx="3" fill="#f4f6f8"/>`);
			out.push(text(labelW + barW / 2, y + rowH / 2 + 1, l.noData, `text-anchor="middle" fill="${COLORS.muted}"`));
			return;
		}
		const parts: Array<[number, string, string]> = [
			[s.sentiment.negative, COLORS.negative, '#ffffff'],
			[s.sentiment.neutral, COLORS.neutral, '#ffffff'],
			[s.sentiment.positive, COLORS.positive, '#ffffff'],
			[s.sentiment.unknown, COLORS.unknown, COLORS.muted],
		];
		let x = labelW;
		for (const [v, color, ink] of parts) {
			if (v <= 0) continue;
			const w = (v / total) * barW;
			out.push(`<rect x="${f1(x)}" y="${y + 4}" width="${f1(w)}" height="${rowH - 10}" fill="${color}"/>`);
			if (w > 40) out.push(text(x + w / 2, y + rowH / 2 + 1, fmtShare(v / total, lang), `text-anchor="middle" fill="${ink}" font-weight="600" font-size="12"`));
			x += w;
		}
		out.push(text(W, y + rowH / 2 + 1, `n = ${fmtNumber(total, lang)}`, `text-anchor="end" fill="${COLORS.muted}" font-size="12"`));
	});
	out.push('</svg>');
	return out.join('');
}

/** Horizontal bars of counts with their labels (sources, languages). */
export function barList(items: Array<{ label: string; count: number; share: number }>, aria: string, lang: ReportLanguage, color = COLORS.bar): string {
	const W = 400;
	const rowH = 28;
	const labelW = 104;
	const valueW = 92;
	const H = Math.max(1, items.length) * rowH + 4;
	const max = Math.max(1, ...items.map((i) => i.count));
	const out: string[] = [
		`<svg class="chart chart-small" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeAttr(aria)}" font-size="14">`,
		`<title>${escapeHtml(aria)}</title>`,
	];
	items.forEach((it, i) => {
		const y = i * rowH + 2;
		const label = it.label.length > 14 ? it.label.slice(0, 13) + '…' : it.label;
		out.push(text(labelW - 8, y + rowH / 2 + 4, label, `text-anchor="end" fill="${COLORS.ink}"`));
		const w = Math.max(1, (it.count / max) * (W - labelW - valueW));
		out.push(`<rect x="${labelW}" y="${y + 4}" width="${f1(w)}" height="${rowH - 8}" rx="2" fill="${color}"/>`);
		out.push(
			text(labelW + w + 6, y + rowH / 2 + 4, `${fmtNumber(it.count, lang)} · ${fmtShare(it.share, lang)}`, `fill="${COLORS.muted}" font-size="13"`),
		);
	});
	out.push('</svg>');
	return out.join('');
}
