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

async function captureEditor(server, workflowId, pngPath, { run = false, width = 1440, height = 900 } = {}) {
	const { chromium } = require('playwright-core');
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
	try {
		const page = await browser.newPage({ viewport: { width, height } });
		await page.goto(`${server.base}/signin`, { waitUntil: 'domcontentloaded' });
		await page.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(server.email);
		await page.locator('input[type="password"]').first().fill(server.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((u) => !String(u).includes('/signin'), { timeout: 30000 });
		await page.goto(`${server.base}/workflow/${workflowId}`, { waitUntil: 'domcontentloaded' });
		await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60000 });
		await page.waitForTimeout(1500);
		// Close any modal or toast the first visit may show.
		await page.keyboard.press('Escape').catch(() => {});
		if (run) {
			const button = page.locator('[data-test-id="execute-workflow-button"]').first();
			if (await button.count()) {
				await button.click();
				await page.locator('[data-test-id="canvas-node-status-success"]').first().waitFor({ timeout: 60000 }).catch(() => {});
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
			return { nodeNames, brokenIcons, successNodes };
		});
		await page.screenshot({ path: pngPath });
		return info;
	} finally {
		await browser.close();
	}
}

module.exports = { chromiumPath, captureEditor, CHROMIUM_FLAGS };
