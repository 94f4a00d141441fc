#!/usr/bin/env node
/**
 * n8n's community-package scanner (@n8n/scan-community-package), run the way n8n runs it on a
 * published package, but on this checkout: the source leg lints `package.json` and
 * `{nodes,credentials}/**` of the repository, the tarball leg lints the packed `**\/*.js` and
 * `package.json`. The scanner is installed once into ~/.cache/crisis-kit/scanner-<version>
 * (override CRISIS_KIT_CACHE). Exit 0 when both legs pass.
 *
 * Usage: node scripts/scan-package.js [--tarball FILE]   (default: npm pack of this checkout)
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const VERSION = '0.32.0';
const ROOT = path.resolve(__dirname, '..');
const CACHE = process.env.CRISIS_KIT_CACHE || path.join(os.homedir(), '.cache', 'crisis-kit');
const DIR = path.join(CACHE, `scanner-${VERSION}`);
const log = (m) => process.stdout.write(`[scan ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

function ensureScanner() {
	const entry = path.join(DIR, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs');
	if (fs.existsSync(entry)) return entry;
	log(`installing @n8n/scan-community-package@${VERSION} into ${DIR} (once, about a minute)`);
	fs.rmSync(DIR, { recursive: true, force: true });
	fs.mkdirSync(DIR, { recursive: true });
	fs.writeFileSync(path.join(DIR, 'package.json'), '{"name":"ck-scanner","private":true}\n');
	execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `@n8n/scan-community-package@${VERSION}`], {
		cwd: DIR,
		stdio: 'inherit',
	});
	return entry;
}

(async () => {
	const args = process.argv.slice(2);
	const entry = ensureScanner();
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-scan-'));
	try {
		let tarball = args.includes('--tarball') ? path.resolve(args[args.indexOf('--tarball') + 1]) : null;
		if (!tarball) {
			if (!fs.existsSync(path.join(ROOT, 'dist'))) throw new Error('dist/ is missing: run npm run build first');
			const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop();
			tarball = path.join(work, name);
		}
		const pkgDir = path.join(work, 'package');
		execFileSync('tar', ['-xzf', tarball, '-C', work]);
		const scanner = await import(entry);
		let failed = 0;
		for (const [leg, dir, patterns] of [
			['source', ROOT, scanner.SOURCE_FILE_PATTERNS],
			['tarball', pkgDir, ['**/*.js', 'package.json']],
		]) {
			const r = await scanner.analyzePackage(dir, patterns);
			if (r.passed) log(`${leg} leg: passed${r.message ? ` (${r.message})` : ''}`);
			else {
				failed++;
				log(`${leg} leg: FAILED: ${r.message}`);
				if (r.details) process.stdout.write(r.details + '\n');
			}
		}
		process.exitCode = failed ? 1 : 0;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
})().catch((e) => {
	process.stderr.write(`scan failed: ${e.stack || e.message}\n`);
	process.exit(1);
});
