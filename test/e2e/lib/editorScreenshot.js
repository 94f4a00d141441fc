/**
 * Opens a workflow in the real n8n editor with headless Debian Chromium (playwright-core
 * drives the system browser; nothing is downloaded), optionally runs it, and saves a PNG.
 */
const fs = require('fs');

const CHROMIUM_FLAGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

function chromiumPath() {
	for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
		if (p && fs.existsSync(p)) return p;
	}
	return null;
}

/**
 * Chooses `trigger` in the menu beside *Execute workflow* (n8n preselects a webhook, app or
 * schedule trigger over a Manual Trigger: findTriggerNodeToAutoSelect in the editor), as a user
 * does to run a template on its sample.
 */
async function chooseTrigger(page, trigger) {
	const button = page.locator('[data-test-id="execute-workflow-button"]').first();
	const group = button.locator('xpath=ancestor::div[.//button][2]');
	const toggles = group.locator('button');
	await toggles.nth((await toggles.count()) - 1).click();
	await page.locator('.el-dropdown-menu__item, [role="menuitem"]').filter({ hasText: trigger }).first().click({ timeout: 10000 });
	await page.waitForTimeout(500);
	const label = (await button.textContent()) || '';
	if (!label.includes(trigger.slice(0, 12))) throw new Error(`could not choose the trigger "${trigger}" (the button says "${label.trim()}")`);
}

async function captureEditor(server, workflowId, pngPath, { run = false, trigger = null, width = 1440, height = 900, runTimeoutMs = 60000, fitView = false } = {}) {
	const { chromium } = require('playwright-core');
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
	try {
		const page = await browser.newPage({ viewport: { width, height } });
		await page.goto(`${server.base}/signin`, { waitUntil: 'domcontentloaded', timeout: 180000 });
		await page.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(server.email);
		await page.locator('input[type="password"]').first().fill(server.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((u) => !String(u).includes('/signin'), { timeout: 180000 });
		await page.goto(`${server.base}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded', timeout: 180000 });
		await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 180000 });
		await page.waitForTimeout(1500);
		// Close any modal or toast the first visit may show.
		await page.keyboard.press('Escape').catch(() => {});
		await page.evaluate(() => document.querySelectorAll('.el-notification').forEach((n) => n.remove())).catch(() => {});
		if (run) {
			const button = page.locator('[data-test-id="execute-workflow-button"]').first();
			if (await button.count()) {
				if (trigger) await chooseTrigger(page, trigger);
				await button.click();
				await page.locator('[data-test-id="canvas-node-status-success"]').first().waitFor({ timeout: runTimeoutMs }).catch(() => {});
				// A run ends when the button no longer says it is running; large samples take a while.
				const deadline = Date.now() + runTimeoutMs;
				while (Date.now() < deadline) {
					const running = await page.locator('[data-test-id="execute-workflow-button"][disabled], [data-test-id="stop-execution-button"]').count();
					if (!running) break;
					await page.waitForTimeout(1000);
				}
				await page.waitForTimeout(2500);
			}
		}
		const info = await page.evaluate(() => {
			const nodes = Array.from(document.querySelectorAll('[data-test-id="canvas-node"]'));
			const nodeNames = nodes.map((n) => n.getAttribute('data-node-name') || (n.textContent || '').trim());
			const brokenIcons = Array.from(document.querySelectorAll('[data-test-id="canvas-node"] img'))
				.filter((img) => img.complete && img.naturalWidth === 0)
				.map((img) => img.getAttribute('src'));
			const successNodes = document.querySelectorAll('[data-test-id="canvas-node-status-success"]').length;
			const errorNodes = document.querySelectorAll('[data-test-id="canvas-node-status-error"]').length;
			// Nodes n8n cannot resolve are drawn with a question-mark placeholder and a "not installed" issue.
			const unknownNodes = nodes.filter((n) => /not (currently )?installed|unknown node/i.test(n.textContent || '') || n.querySelector('[data-test-id="node-icon-unknown"]')).map((n) => n.getAttribute('data-node-name'));
			const toasts = Array.from(document.querySelectorAll('.el-notification')).map((n) => (n.textContent || '').trim().replace(/\s+/g, ' '));
			return { nodeNames, brokenIcons, successNodes, errorNodes, unknownNodes, toasts };
		});
		if (fitView) {
			// Zoom to fit ("1" on the canvas) so the whole template is in the picture.
			await page.locator('[data-test-id="canvas-wrapper"], .vue-flow').first().click({ position: { x: 5, y: 5 } }).catch(() => {});
			await page.keyboard.press('1').catch(() => {});
			await page.waitForTimeout(1200);
		}
		await page.screenshot({ path: pngPath });
		return info;
	} finally {
		await browser.close();
	}
}

/**
 * Command line: packs and installs the package into a throwaway n8n 2.41.1 server, imports the
 * named templates (workflows/<name>.workflow.json), opens each in the editor, presses Execute
 * workflow (no credential set: the sample path must run) and saves <out>/<prefix><name>.png.
 *   node test/e2e/lib/editorScreenshot.js --out docs/images --prefix template- crisis-response …
 * Prints one JSON line per template (nodes seen, icons broken, unknown nodes, nodes that ran,
 * toasts) and exits 1 when a template shows an unknown node, a broken icon or a failed run.
 */
async function main(argv) {
	const path = require('path');
	const os = require('os');
	const lib = require('../../../scripts/lib/n8n');
	const arg = (k, d) => (argv.includes(k) ? argv[argv.indexOf(k) + 1] : d);
	const out = path.resolve(arg('--out', path.join(lib.ROOT, 'test', 'artifacts')));
	const prefix = arg('--prefix', 'editor-');
	const names = argv.filter((a, i) => !a.startsWith('--') && !['--out', '--prefix'].includes(argv[i - 1]));
	fs.mkdirSync(out, { recursive: true });
	const n8n = lib.ensureN8n();
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-shot-'));
	const userFolder = path.join(work, 'home');
	lib.installPackage(userFolder, lib.packPackage(work));
	const brokerPort = await lib.freePort();
	for (const name of names) lib.n8nCli(n8n, userFolder, ['import:workflow', `--input=${path.join(lib.ROOT, 'workflows', `${name}.workflow.json`)}`], { brokerPort });
	const server = await lib.startServer(n8n, userFolder, { port: await lib.freePort(), brokerPort: await lib.freePort(), email: 'owner@crisis-kit.test', password: 'CrisisKit-shot-2026', logFile: path.join(work, 'server.log'), readyTimeoutMs: 600000 });
	let bad = 0;
	try {
		for (const name of names) {
			const wf = JSON.parse(fs.readFileSync(path.join(lib.ROOT, 'workflows', `${name}.workflow.json`), 'utf8'));
			// Templates with a second (live) trigger run from their manual one, as the sticky note says.
			const manual = wf.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
			const others = wf.nodes.filter((n) => /trigger|webhook/i.test(n.type) && n !== manual && !n.disabled);
			const info = await captureEditor(server, wf.id, path.join(out, `${prefix}${name}.png`), { run: true, trigger: manual && others.length ? manual.name : null, runTimeoutMs: 300000, fitView: true });
			const expected = wf.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote').map((n) => n.name);
			const missing = expected.filter((n) => !info.nodeNames.some((seen) => seen.includes(n)));
			const ok = !missing.length && !info.brokenIcons.length && !info.unknownNodes.length && !info.errorNodes && info.successNodes > 0;
			if (!ok) bad++;
			process.stdout.write(`${JSON.stringify({ name, ok, missing, ...info, nodeNames: info.nodeNames.length })}\n`);
		}
	} finally {
		await server.stop();
		if (!process.env.CK_KEEP_E2E) fs.rmSync(work, { recursive: true, force: true });
	}
	return bad;
}

if (require.main === module) {
	main(process.argv.slice(2)).then(
		(bad) => process.exit(bad ? 1 : 0),
		(error) => {
			process.stderr.write(`${error.stack}\n`);
			process.exit(1);
		},
	);
}

module.exports = { chromiumPath, captureEditor, CHROMIUM_FLAGS };
