/**
 * Layout of the rendered report in headless Chromium, at phone (390 px) and desktop (1280 px)
 * widths, measured on the real DOM with the fonts of the machine:
 * - the phase table never scrolls sideways; on a phone it is stacked (one card per phase,
 *   each figure under its column name), on a desktop it stays a plain table;
 * - every phase label of the visible volume chart is drawn, and its text lies inside the box
 *   (strip segment or callout pill) it is drawn on;
 * - the peak label of the visible chart reads the key-figure card's peak hour.
 *
 * JavaScript on purpose (needs a browser). Needs /usr/bin/chromium (or CHROMIUM_PATH):
 * skipped with a message when absent locally, fails when CI=true.
 */
'use strict';
const fs = require('fs');
const { computeReport, renderReportHtml } = require('../../../core/report');
const { longPeakIncident } = require('./helpers');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';
const NOW = '2026-03-08T00:00:00.000Z';

jest.setTimeout(120000);

async function measure(browser, html, width) {
	const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, javaScriptEnabled: true });
	await context.route('**/*', (route) => route.abort());
	const page = await context.newPage();
	await page.setContent(html, { waitUntil: 'load' });
	const r = await page.evaluate(() => {
		const table = document.querySelector('table.phases');
		const box = table.parentElement;
		const chart = [...document.querySelectorAll('.chart-wide svg, .chart-narrow svg')].find((s) => s.getBoundingClientRect().width > 0);
		const phaseLabels = [...chart.querySelectorAll('text.phase-label')].map((t) => {
			const rect = t.previousElementSibling;
			const a = t.getBoundingClientRect();
			const b = rect.getBoundingClientRect();
			return {
				label: t.textContent,
				rectTag: rect.localName,
				inside: a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 2 && a.bottom <= b.bottom + 2,
				text: [a.left, a.right],
				box: [b.left, b.right],
			};
		});
		const cells = [...table.querySelectorAll('tbody td')];
		return {
			chartIsNarrow: chart.parentElement.classList.contains('chart-narrow'),
			tableScroll: box.scrollWidth - box.clientWidth,
			tableRight: table.getBoundingClientRect().right,
			boxRight: box.getBoundingClientRect().right,
			pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
			rowDisplay: getComputedStyle(table.querySelector('tbody tr')).display,
			theadVisible: table.querySelector('thead').getBoundingClientRect().height > 1,
			cellLabels: cells.map((td) => getComputedStyle(td, '::before').content),
			phaseLabels,
			peakLabel: (chart.querySelector('text.peak-label') || { textContent: null }).textContent,
			peakCard: [...document.querySelectorAll('.kpi')].map((k) => [k.querySelector('.k').textContent, k.querySelector('.v').textContent]).find(([k]) => /peak|pic/i.test(k)),
		};
	});
	await context.close();
	return r;
}

if (!HAS_CHROMIUM && !IN_CI) {
	describe('report layout in headless Chromium', () => {
		console.warn(`SKIPPED report layout test: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
		it.skip(`SKIPPED: Chromium not found at ${CHROMIUM}`, () => {});
	});
} else {
	describe('report layout in headless Chromium', () => {
		let browser;
		beforeAll(async () => {
			if (!HAS_CHROMIUM) throw new Error(`CI=true but Chromium is missing at ${CHROMIUM}: install it (apt-get install chromium)`);
			const { chromium } = require('playwright-core');
			browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
		});
		afterAll(async () => {
			if (browser) await browser.close();
		});

		const cases = [];
		for (const lang of ['en', 'fr']) for (const hours of [4, 30]) cases.push([lang, hours]);

		it.each(cases)('%s, during of %i h, phone (390 px): stacked phase table, every phase label inside its box, peak label = peak card', async (lang, hours) => {
			const html = renderReportHtml(computeReport(longPeakIncident(hours, lang), NOW));
			const r = await measure(browser, html, 390);
			expect(r.chartIsNarrow).toBe(true);
			expect(r.pageScroll).toBeLessThanOrEqual(0);
			expect(r.tableScroll).toBeLessThanOrEqual(0);
			expect(r.tableRight).toBeLessThanOrEqual(r.boxRight + 0.5);
			expect(r.rowDisplay).toBe('grid');
			expect(r.theadVisible).toBe(false);
			expect(new Set(r.cellLabels)).toEqual(
				new Set(lang === 'fr' ? ['"Mentions"', '"Par heure"', '"Part négative"', '"Risque moyen"'] : ['"Mentions"', '"Per hour"', '"Negative share"', '"Average risk"']),
			);
			expect(r.phaseLabels.map((p) => p.label).sort()).toEqual((lang === 'fr' ? ['Avant', 'Pendant', 'Après'] : ['Before', 'During', 'After']).sort());
			for (const p of r.phaseLabels) {
				expect(p.rectTag).toBe('rect');
				expect(p).toMatchObject({ inside: true });
			}
			expect(r.peakCard[1]).toBe('60');
			expect(r.peakLabel).toBe(`${r.peakCard[1]}/h`);
		});

		it.each(cases)('%s, during of %i h, desktop (1280 px): the phase table stays a table, labels inside their boxes, peak label = peak card', async (lang, hours) => {
			const html = renderReportHtml(computeReport(longPeakIncident(hours, lang), NOW));
			const r = await measure(browser, html, 1280);
			expect(r.chartIsNarrow).toBe(false);
			expect(r.pageScroll).toBeLessThanOrEqual(0);
			expect(r.tableScroll).toBeLessThanOrEqual(0);
			expect(r.rowDisplay).toBe('table-row');
			expect(r.theadVisible).toBe(true);
			expect(r.cellLabels.every((c) => c === 'none' || c === 'normal')).toBe(true);
			expect(r.phaseLabels).toHaveLength(3);
			for (const p of r.phaseLabels) expect(p).toMatchObject({ inside: true });
			expect(r.peakLabel).toBe(`${r.peakCard[1]}/h`);
		});
	});
}
