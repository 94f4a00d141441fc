/**
 * Layout rules of the volume chart and the phase table, checked on the rendered strings:
 * - the peak label is the peak clock hour of the metrics (the key-figure card's number) on
 *   every chart variant, even when the phone chart averages hours two by two;
 * - every phase label is drawn, inside its strip segment when it fits, else on a callout row
 *   below, inside the chart and not overlapping another label;
 * - the phase table carries what its stacked phone layout needs (data-label cells, CSS).
 */
import { computeReport, renderReportHtml } from '../../../core/report';
import { NARROW, WIDE, labelWidth, layoutPhaseLabels } from '../../../core/report/charts';
import { longPeakIncident } from './helpers';

const NOW = '2026-03-08T00:00:00.000Z';

/** The two volume charts of the page (wide first, narrow second). */
function volumeCharts(html: string): { wide: string; narrow: string } {
	const wide = html.match(/<div class="chart-wide">(<svg[\s\S]*?<\/svg>)<\/div>/);
	const narrow = html.match(/<div class="chart-narrow">(<svg[\s\S]*?<\/svg>)<\/div>/);
	if (!wide || !narrow) throw new Error('volume charts not found');
	return { wide: wide[1], narrow: narrow[1] };
}

const attr = (tag: string, name: string) => {
	const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
	return m ? m[1] : null;
};

/** Phase labels with the rect drawn right before each (the box it sits in). */
function phaseLabels(svg: string): Array<{ label: string; x: number; y: number; box: { x: number; y: number; width: number; height: number } }> {
	const out = [];
	for (const m of svg.matchAll(/(<rect [^>]*\/>)(<text [^>]*class="phase-label"[^>]*>)([^<]*)<\/text>/g)) {
		const [rect, textTag, label] = [m[1], m[2], m[3]];
		out.push({
			label,
			x: Number(attr(textTag, 'x')),
			y: Number(attr(textTag, 'y')),
			box: {
				x: Number(attr(rect, 'x')),
				y: Number(attr(rect, 'y')),
				width: Number(attr(rect, 'width')),
				height: Number(attr(rect, 'height')),
			},
		});
	}
	return out;
}

describe('volume chart peak label', () => {
	const m = computeReport(longPeakIncident(4), NOW);
	const html = renderReportHtml(m);
	const { wide, narrow } = volumeCharts(html);

	it('the incident really has a two-hour bar averaging below the peak hour on the phone chart', () => {
		expect(m.volume.peak.value).toEqual({ at: '2026-03-05T04:00:00.000Z', count: 60 });
		expect(m.volume.series.length).toBeGreaterThan(NARROW.maxBars);
		expect(m.volume.series.length).toBeLessThanOrEqual(WIDE.maxBars);
	});

	it('reads the reported peak (the busiest clock hour) on both charts, not the 2-hour average', () => {
		for (const svg of [wide, narrow]) {
			const labels = [...svg.matchAll(/>([^<>]*)\/h<\/text>/g)].map((x) => x[1]);
			expect(labels).toEqual(['60']);
		}
		// the same number as the key-figure card and the summary
		expect(html).toMatch(/<div class="k">Peak hour<\/div><div class="v">60<\/div>/);
		expect(html).toContain('peak of 60 mentions in one hour');
	});

	it('keeps the label of the peak on the scale: the y axis reaches above the peak', () => {
		for (const svg of [wide, narrow]) {
			const ticks = [...svg.matchAll(/<text [^>]*text-anchor="end"[^>]*>(\d+)<\/text>/g)].map((x) => Number(x[1]));
			expect(Math.max(...ticks)).toBeGreaterThan(60);
		}
	});

	it('marks on the averaged bar how high its busiest hour went', () => {
		// wide chart: one bar per hour, no mark needed; phone chart: a solid tick at the peak height
		expect(narrow).toMatch(/<line [^>]*stroke-width="2"\/><text [^>]*class="peak-label"/);
		expect(wide).not.toMatch(/<line [^>]*stroke-width="2"\/><text [^>]*class="peak-label"/);
	});
});

describe('volume chart phase labels', () => {
	it.each([
		['en', 4],
		['fr', 4],
		['en', 30],
		['fr', 30],
	] as const)('%s, during of %i h: before, during and after are all labelled, each inside its own box', (lang, hours) => {
		const m = computeReport(longPeakIncident(hours, lang), NOW);
		const { wide, narrow } = volumeCharts(renderReportHtml(m));
		const names = lang === 'fr' ? ['Avant', 'Pendant', 'Après'] : ['Before', 'During', 'After'];
		for (const [svg, size] of [
			[wide, WIDE],
			[narrow, NARROW],
		] as const) {
			const labels = phaseLabels(svg);
			expect(labels.map((p) => p.label).sort()).toEqual([...names].sort());
			const viewBox = (attr(svg, 'viewBox') ?? '').split(' ').map(Number);
			expect(viewBox[2]).toBe(size.width);
			for (const p of labels) {
				const w = labelWidth(p.label, size.font);
				// the label's estimated width fits in the box it is drawn on, the box in the chart
				expect(p.box.width).toBeGreaterThanOrEqual(w - 0.2);
				expect(p.x - w / 2).toBeGreaterThanOrEqual(p.box.x - 0.2);
				expect(p.x + w / 2).toBeLessThanOrEqual(p.box.x + p.box.width + 0.2);
				expect(p.y).toBeGreaterThan(p.box.y);
				expect(p.y).toBeLessThan(p.box.y + p.box.height);
				expect(p.box.x).toBeGreaterThanOrEqual(0);
				expect(p.box.x + p.box.width).toBeLessThanOrEqual(size.width);
				expect(p.box.y + p.box.height).toBeLessThanOrEqual(viewBox[3]);
			}
			// no two label boxes on the same row overlap
			for (const a of labels) {
				for (const b of labels) {
					if (a === b || a.box.y !== b.box.y) continue;
					const apart = a.box.x + a.box.width <= b.box.x + 0.01 || b.box.x + b.box.width <= a.box.x + 0.01;
					expect(apart).toBe(true);
				}
			}
		}
	});

	it('a 4-hour crisis over 150 hours is too short for its label on the phone: it goes to the row below the strip', () => {
		const { narrow } = volumeCharts(renderReportHtml(computeReport(longPeakIncident(4), NOW)));
		const labels = phaseLabels(narrow);
		const during = labels.find((p) => p.label === 'During');
		const before = labels.find((p) => p.label === 'Before');
		expect(during && before).toBeTruthy();
		expect(during!.box.y).toBeGreaterThan(before!.box.y);
		// and the chart grew by that row instead of squeezing the plot
		expect(attr(narrow, 'viewBox')).not.toBe(`0 0 ${NARROW.width} ${NARROW.height}`);
	});

	it('a 30-hour crisis keeps its label inside the strip, on the row of the 100-hour "before"', () => {
		const { narrow } = volumeCharts(renderReportHtml(computeReport(longPeakIncident(30), NOW)));
		const labels = phaseLabels(narrow);
		const during = labels.find((p) => p.label === 'During');
		const before = labels.find((p) => p.label === 'Before');
		expect(during && before).toBeTruthy();
		expect(during!.box.y).toBe(before!.box.y);
	});

	it('layoutPhaseLabels spreads callouts apart and keeps them inside the bounds', () => {
		// three slivers packed against the right edge: none fits, all go to the callout row
		const boxes = layoutPhaseLabels(
			[
				{ x0: 300, x1: 340, label: 'Before', strong: false },
				{ x0: 340, x1: 345, label: 'During', strong: true },
				{ x0: 345, x1: 350, label: 'After', strong: false },
			],
			11,
			1,
			359,
		);
		expect(boxes.every((b) => !b.inside)).toBe(true);
		for (let i = 0; i < boxes.length; i++) {
			expect(boxes[i].cx - boxes[i].width / 2).toBeGreaterThanOrEqual(1);
			expect(boxes[i].cx + boxes[i].width / 2).toBeLessThanOrEqual(359 + 1e-9);
			if (i) expect(boxes[i].cx - boxes[i].width / 2).toBeGreaterThanOrEqual(boxes[i - 1].cx + boxes[i - 1].width / 2);
		}
	});
});

describe('phase table on a phone', () => {
	const html = renderReportHtml(computeReport(longPeakIncident(30), NOW));
	const fr = renderReportHtml(computeReport(longPeakIncident(30, 'fr'), NOW));

	it('labels every figure cell with its column name, for the stacked layout', () => {
		for (const [page, cols] of [
			[html, ['Mentions', 'Per hour', 'Negative share', 'Average risk']],
			[fr, ['Mentions', 'Par heure', 'Part négative', 'Risque moyen']],
		] as const) {
			const table = page.match(/<table class="phases"[\s\S]*?<\/table>/)?.[0] ?? '';
			const rows = [...table.matchAll(/<tr role="row"><th scope="row"[\s\S]*?<\/tr>/g)].map((r) => r[0]);
			expect(rows).toHaveLength(3);
			for (const row of rows) {
				expect([...row.matchAll(/<td [^>]*data-label="([^"]*)"/g)].map((x) => x[1])).toEqual(cols);
			}
			// the desktop header row is still there (and still says the same)
			expect([...table.matchAll(/<th class="n" role="columnheader">([^<]*)<\/th>/g)].map((x) => x[1])).toEqual(cols);
		}
	});

	it('has CSS that stacks the rows below phone width and shows the column names, with table roles kept', () => {
		const css = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
		const block = css.match(/@media \(max-width:(\d+)px\)\{\n table\.phases thead\{[\s\S]*?\n\}/);
		expect(block).not.toBeNull();
		// applies at 390 px, not on a desktop
		expect(Number(block![1])).toBeGreaterThanOrEqual(390);
		expect(Number(block![1])).toBeLessThan(640 + 1);
		expect(block![0]).toMatch(/table\.phases tr\{display:grid/);
		expect(block![0]).toMatch(/table\.phases td::before\{content:attr\(data-label\)/);
		expect(html).toContain('<table class="phases" role="table"><thead role="rowgroup">');
	});
});
