#!/usr/bin/env node
/**
 * Renders the post-crisis report of an incident in headless Chromium and writes PNG
 * screenshots (desktop and phone width) plus the HTML, Markdown and JSON it rendered.
 *
 *   node scripts/screenshot-report.js [incident.json | --fixture] [--out DIR] [--lang en|fr] [--tz ZONE] [--now ISO]
 *
 * incident.json: { mentions, timeline?, situations?, phases?, language?, timeZone?, title?, brand?, now? }
 * (or a bare array of mentions). Without it, the shipped sample crisis (samples/) is used, scored and
 * assessed like the post-crisis template does; --fixture uses the hand-built test incident instead.
 * Output: test/artifacts/report/ by default (git-ignored).
 * Uses the built code in dist/ (`npm run screenshot:report` builds first).
 * Chromium: /usr/bin/chromium, or $CHROMIUM_PATH.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

function parseArgs(argv) {
	const args = { input: null, fixture: false, out: path.join(ROOT, 'test', 'artifacts', 'report'), lang: null, tz: null, now: null };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--out') args.out = path.resolve(argv[++i]);
		else if (a === '--lang') args.lang = argv[++i];
		else if (a === '--tz') args.tz = argv[++i];
		else if (a === '--now') args.now = argv[++i];
		else if (a === '--fixture') args.fixture = true;
		else if (a === '--help' || a === '-h') {
			process.stdout.write(fs.readFileSync(__filename, 'utf8').split('\n').slice(1, 14).join('\n') + '\n');
			process.exit(0);
		} else if (!a.startsWith('--')) args.input = path.resolve(a);
		else throw new Error(`unknown option ${a}`);
	}
	return args;
}

const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

async function launchChromium() {
	const { chromium } = require('playwright-core');
	const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`);
	// playwright gives every launch a fresh temporary --user-data-dir and runs the new headless mode
	return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * The shipped sample crisis (samples/orvia-data-leak.sample.json) as the report node sees it in
 * the post-crisis template: scored, levels assessed by the same engine, plus the two timeline
 * events the sample's story has (Orvia's statement approved and posted at 10:40 UTC).
 */
function shippedSampleIncident() {
	const { getSample } = require(path.join(ROOT, 'dist', 'core', 'samples', 'sampleCatalog.js'));
	const { scoreMention } = require(path.join(ROOT, 'dist', 'core', 'scoring', 'scoreMention.js'));
	const { replaySituations } = require(path.join(ROOT, 'dist', 'core', 'scoring', 'situation.js'));
	const sample = getSample('orvia-data-leak');
	const now = '2026-03-08T00:00:00.000Z';
	const mentions = sample.mentions.map((m) => ({ ...m, crisis: scoreMention(m, {}, now) }));
	const ack = Date.parse(sample.timeline.acknowledgedAt);
	return {
		mentions,
		situations: replaySituations(mentions, now),
		timeline: [
			{ type: 'statementApproved', at: new Date(ack - 10 * 60000).toISOString(), actor: 'Head of communications' },
			{ type: 'statementPosted', at: new Date(ack).toISOString(), actor: 'Community manager' },
		],
		title: 'Orvia data leak — impact report',
		brand: sample.brand,
		timeZone: sample.timeZone,
		language: 'en',
		now,
	};
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const { computeReport, renderReportHtml, renderReportMarkdown } = require(path.join(ROOT, 'dist', 'core', 'report', 'index.js'));
	let incident;
	if (args.input) {
		const data = JSON.parse(fs.readFileSync(args.input, 'utf8'));
		incident = Array.isArray(data) ? { mentions: data } : data;
	} else if (args.fixture) {
		incident = require(path.join(ROOT, 'test', 'unit', 'report', 'fixtures', 'orviaIncident.js')).buildOrviaIncident({ language: args.lang || 'en' });
	} else {
		incident = shippedSampleIncident();
	}
	if (args.lang) incident.language = args.lang;
	if (args.tz) incident.timeZone = args.tz;
	const now = args.now || incident.now || new Date().toISOString();
	const metrics = computeReport(incident, now);
	const html = renderReportHtml(metrics);
	fs.mkdirSync(args.out, { recursive: true });
	const base = `report-${metrics.language}`;
	fs.writeFileSync(path.join(args.out, `${base}.html`), html);
	fs.writeFileSync(path.join(args.out, `${base}.md`), renderReportMarkdown(metrics));
	fs.writeFileSync(path.join(args.out, `${base}.json`), JSON.stringify(metrics, null, 2));

	const browser = await launchChromium();
	try {
		const shots = [
			{ name: 'desktop', width: 1280, height: 900, scale: 1, mobile: false },
			{ name: 'phone', width: 390, height: 844, scale: 2, mobile: true },
		];
		for (const s of shots) {
			const context = await browser.newContext({
				viewport: { width: s.width, height: s.height },
				deviceScaleFactor: s.scale,
				isMobile: s.mobile,
				hasTouch: s.mobile,
				javaScriptEnabled: false,
			});
			await context.route('**/*', (route) => route.abort());
			const page = await context.newPage();
			await page.setContent(html, { waitUntil: 'load' });
			const file = path.join(args.out, `${base}-${s.name}.png`);
			await page.screenshot({ path: file, fullPage: true });
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth).catch(() => null);
			process.stdout.write(`${file}${overflow ? ` (horizontal overflow ${overflow}px!)` : ''}\n`);
			await context.close();
		}
		const pdfContext = await browser.newContext({ javaScriptEnabled: false });
		const pdfPage = await pdfContext.newPage();
		await pdfPage.setContent(html, { waitUntil: 'load' });
		await pdfPage.emulateMedia({ media: 'print' });
		const pdf = path.join(args.out, `${base}.pdf`);
		await pdfPage.pdf({ path: pdf, format: 'A4', printBackground: true });
		process.stdout.write(`${pdf}\n`);
		await pdfContext.close();
	} finally {
		await browser.close();
	}
	process.stdout.write(`${path.join(args.out, base)}.{html,md,json} — ${metrics.range.mentions} mentions, HTML ${(Buffer.byteLength(html) / 1024).toFixed(0)} kB\n`);
}

main().catch((err) => {
	process.stderr.write(`screenshot-report: ${err && err.stack ? err.stack : err}\n`);
	process.exit(1);
});
