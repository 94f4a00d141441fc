import { computeReport, renderReportHtml, renderReportMarkdown } from '../../../core/report';
import type { ReportInput, ReportTimelineEvent } from '../../../core/report';
import { hourOf } from './helpers';

const NOW = '2026-03-11T09:00:00.000Z';

function incident(language: 'en' | 'fr'): ReportInput {
	const mentions = [
		...hourOf('2026-03-10T06:00:00Z', 2),
		...hourOf('2026-03-10T07:00:00Z', 2),
		...hourOf('2026-03-10T08:00:00Z', 2),
		...hourOf('2026-03-10T09:00:00Z', 2),
		...hourOf('2026-03-10T10:00:00Z', 2),
		...hourOf('2026-03-10T11:00:00Z', 2),
		...hourOf('2026-03-10T12:00:00Z', 40, (i) => ({
			sentiment: i % 4 ? 'negative' : 'neutral',
			themes: ['dataLeak'],
			shares: 40 - i,
			text: `Orvia leak ${i} #OrviaLeak`,
			authorUrl: 'https://x.com/someone',
			name: `Person ${i}`,
		})),
		...hourOf('2026-03-10T13:00:00Z', 3),
		...hourOf('2026-03-10T14:00:00Z', 2),
	];
	const timeline: ReportTimelineEvent[] = [
		{ type: 'detected', at: '2026-03-10T12:25:00Z', actor: 'Crisis Score' },
		{ type: 'levelChanged', at: '2026-03-10T12:25:00Z', level: 'crisis' },
		{ type: 'statementApproved', at: '2026-03-10T13:10:00Z', actor: 'Camille Durand' },
		{ type: 'resolved', at: '2026-03-10T15:00:00Z' },
	];
	return { mentions, timeline, language, timeZone: 'Europe/Paris', brand: 'Orvia', title: '#OrviaLeak' };
}

describe('renderReportHtml', () => {
	const en = renderReportHtml(computeReport(incident('en'), NOW));
	const fr = renderReportHtml(computeReport(incident('fr'), NOW));

	it('is a self-contained document: no script, external resource, font or image', () => {
		for (const html of [en, fr]) {
			expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
			expect(html).not.toMatch(/<script|<img|<iframe|<link|<object|<embed|@import|url\(|@font-face|\ssrc=/i);
			expect(html).toContain(`Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`);
			expect(html).toContain('<meta name="viewport"');
			expect(html).toContain('@media print');
			// the only links are the mentions' own http(s) URLs, opened safely
			for (const m of html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>/g)) {
				expect(m[1]).toMatch(/^https?:\/\//);
				expect(m[0]).toContain('rel="noopener noreferrer nofollow ugc"');
			}
		}
	});

	it('draws the three charts as inline SVG', () => {
		expect((en.match(/<svg /g) ?? []).length).toBe(5); // volume (wide + narrow), sentiment, sources, languages
		expect(en).toContain('aria-label="Chart of mention volume per hour with levels and events"');
		expect(en).toContain('aria-label="Chart of the sentiment split before, during and after"');
		expect(en).toContain('aria-label="Chart of mentions per source"');
	});

	it('speaks the document language', () => {
		expect(en).toContain('<html lang="en">');
		expect(en).toContain('Time to acknowledge');
		expect(en).toContain('How each figure is computed');
		expect(fr).toContain('<html lang="fr">');
		expect(fr).toContain('Délai de prise de parole');
		expect(fr).toContain('Comment chaque chiffre est calculé');
		expect(fr).toContain('10 mars');
		expect(fr).not.toContain('Time to acknowledge');
	});

	it('shows times in the chosen zone', () => {
		// 12:25Z is 13:25 in Paris (CET)
		expect(en).toContain('10 Mar, 13:25');
	});
});

describe('renderReportMarkdown', () => {
	const m = computeReport(incident('en'), NOW);
	const md = renderReportMarkdown(m);

	it('carries the same content as the HTML', () => {
		expect(md.startsWith('# \\#OrviaLeak\n')).toBe(true);
		for (const heading of ['## In short', '## Key figures', '## Before, during, after', '## Response', '## Timeline', '## Reach and authors', '## Most shared negative mentions', '## How each figure is computed']) {
			expect(md).toContain(heading);
		}
		expect(md).toContain('| Time to acknowledge | 45 min |');
		expect(md).toMatch(/\[Person \d+ \(@author\d+\)\]\(https:\/\/x\.com\/someone\)/);
	});

	it('writes valid GFM tables (same number of cells on each row)', () => {
		const tables = md.split('\n\n').filter((block) => block.startsWith('| '));
		expect(tables.length).toBeGreaterThan(5);
		for (const t of tables) {
			const counts = t.split('\n').map((row) => row.replace(/\\\|/g, '').split('|').length);
			expect(new Set(counts).size).toBe(1);
		}
	});

	it('is French when the document is', () => {
		const fr = renderReportMarkdown(computeReport(incident('fr'), NOW));
		expect(fr).toContain('## En bref');
		expect(fr).toContain('Délai de détection');
	});

	it('respects maxRows', () => {
		const short = renderReportMarkdown(m, { maxRows: 2 });
		expect((short.match(/^\d+\\\. /gm) ?? []).length).toBe(2);
	});
});
