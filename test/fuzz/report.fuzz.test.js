// JavaScript on purpose (fuzz tier). The report (computeReport → HTML and Markdown) with hostile
// texts in every text field a mention or the report options carry: it renders, in time, and no
// injected markup reaches the HTML unescaped.
const { hostileString, fuzz, summary } = require('./fuzzlib');
const { computeReport, renderReportHtml, renderReportMarkdown } = require('../../core/report');
const sample = require('../../samples/orvia-data-leak.sample.json');

const NOW = '2026-03-08T00:00:00.000Z';
const MARKER = '<script>alert("ck-fuzz")</script>';
const ZONES = ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata'];

function hostile(r) {
	return r.chance(0.3) ? `${hostileString(r, 512)}${MARKER}${hostileString(r, 64)}` : hostileString(r, 2048);
}

describe('report renderer under fuzzing (issue 15)', () => {
	it('hostile texts render to HTML and Markdown, escaped', () => {
		let cases = 0;
		const tally = fuzz({
			name: 'report',
			generate: (r) => {
				const start = r.int(sample.mentions.length - 8);
				const mentions = sample.mentions.slice(start, start + 1 + r.int(6)).map((m) => {
					const c = JSON.parse(JSON.stringify(m));
					for (let k = 1 + r.int(3); k > 0; k--) {
						switch (r.int(6)) {
							case 0:
								c.text = hostile(r);
								break;
							case 1:
								c.title = hostile(r);
								break;
							case 2:
								c.author.handle = hostile(r) || 'x';
								break;
							case 3:
								c.author.name = hostile(r);
								break;
							case 4:
								c.url = r.pick(['javascript:alert(1)', `https://x.example/${encodeURI(hostile(r).replace(/[\ud800-\udfff]/g, ''))}`, `https://x.example/"><svg onload=alert(1)>`]);
								break;
							default:
								c.hashtags = [hostile(r)];
						}
					}
					return c;
				});
				return {
					mentions,
					language: r.pick(['en', 'fr']),
					timeZone: r.pick(ZONES),
					title: r.chance(0.3) ? hostile(r) : undefined,
					brand: r.chance(0.3) ? hostile(r) : 'Orvia',
				};
			},
			// Each case renders one format (alternating), to keep 10,000 cases inside the tier's budget.
			run: (input) => {
				const m = computeReport(input, NOW);
				return (cases++ & 1) === 0 ? { html: renderReportHtml(m) } : { html: '', markdown: renderReportMarkdown(m) };
			},
			check: (res) => {
				if (typeof res.html !== 'string' || (res.markdown !== undefined && typeof res.markdown !== 'string')) return 'no HTML/Markdown string';
				if (res.html.includes(MARKER) || res.html.includes('<svg onload')) return 'injected markup reached the HTML unescaped';
				if (/href="javascript:/i.test(res.html)) return 'a javascript: link reached the HTML';
				return null;
			},
			isClearError: () => false, // valid shapes with hostile texts must render
		});
		console.log(summary(tally));
		expect(tally.failures).toEqual([]);
	});
});
