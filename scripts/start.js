#!/usr/bin/env node
/**
 * The README's start command (`npm start`): n8n 2.41.1 with Crisis Kit installed as a
 * community package, every template imported, an owner account seeded from the environment
 * (no sign-up screen), SQLite, served on http://127.0.0.1:5678.
 *
 * Env: CRISIS_KIT_OWNER_EMAIL, CRISIS_KIT_OWNER_PASSWORD, CRISIS_KIT_PORT (5678),
 *      CRISIS_KIT_HOME (n8n user folder, default ~/.cache/crisis-kit/home: your workflows persist).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const lib = require('./lib/n8n');

/**
 * Imports each template once (scripts/lib/templates.js decides): a template already in this n8n is
 * never imported over, so the user's edits are kept; a changed template from a newer Crisis Kit goes
 * beside the old one under a new id. Remembered in <home>/.crisis-kit-templates.json.
 */
function importTemplatesOnce(n8n, home, work) {
	const { planTemplateImports, recordImports } = require('./lib/templates');
	const manifestFile = path.join(home, '.crisis-kit-templates.json');
	const manifest = fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, 'utf8')) : {};
	const dir = path.join(lib.ROOT, 'workflows');
	const templates = fs
		.readdirSync(dir)
		.filter((x) => x.endsWith('.workflow.json'))
		.sort()
		.map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') }));
	// Ask n8n which workflows exist (a CLI boot, ~10 s) only when it can change the plan: not on a
	// new user folder (no database yet), not when every template is already recorded unchanged.
	let plan = planTemplateImports(manifest, new Set(), templates, lib.PKG.version);
	if (plan.imports.length && fs.existsSync(path.join(home, '.n8n', 'database.sqlite'))) {
		const listed = lib.n8nCli(n8n, home, ['list:workflow'], { brokerPort: 5779 });
		const existing = new Set((listed.stdout || '').split('\n').map((l) => l.split('|')[0].trim()).filter(Boolean));
		plan = planTemplateImports(manifest, existing, templates, lib.PKG.version);
	}
	for (const k of plan.kept) lib.log(`template ${k.file}: ${k.reason} (id ${k.id})`);
	if (plan.imports.length) {
		const toImport = path.join(work, 'templates');
		fs.mkdirSync(toImport);
		for (const p of plan.imports) fs.writeFileSync(path.join(toImport, p.file), JSON.stringify(p.json));
		lib.log(`importing ${plan.imports.length} template(s) (one n8n import:workflow run, ~10 s)`);
		const r = lib.n8nCli(n8n, home, ['import:workflow', '--separate', `--input=${toImport}`], { brokerPort: 5779 });
		if (r.status !== 0) {
			process.stderr.write(r.stdout + r.stderr);
			throw new Error('could not import the templates');
		}
		for (const p of plan.imports) {
			lib.log(p.updated ? `template ${p.file}: changed since you imported it; the new version is beside yours as id ${p.id} ("… (updated ${lib.PKG.version})")` : `imported template ${p.file} (id ${p.id})`);
		}
	}
	fs.writeFileSync(manifestFile, JSON.stringify(recordImports(plan.manifest, plan.imports, new Date().toISOString()), null, 2));
}

(async () => {
	const email = process.env.CRISIS_KIT_OWNER_EMAIL || 'owner@crisis-kit.local';
	const password = process.env.CRISIS_KIT_OWNER_PASSWORD || 'CrisisKit-local-2026';
	const port = Number(process.env.CRISIS_KIT_PORT || 5678);
	const home = process.env.CRISIS_KIT_HOME || path.join(os.homedir(), '.cache', 'crisis-kit', 'home');
	lib.log('setting up n8n 2.41.1 on Node 24 (cached in ~/.cache/crisis-kit; the first time takes ~4 minutes)');
	const n8n = lib.ensureN8n();
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-start-'));
	const tarball = lib.packPackage(work);
	lib.log(`installing ${path.basename(tarball)} into ${home}/.n8n/nodes`);
	lib.installPackage(home, tarball);
	importTemplatesOnce(n8n, home, work);
	fs.rmSync(work, { recursive: true, force: true });
	const env = {
		...process.env,
		PATH: n8n.pathEnv,
		N8N_USER_FOLDER: home,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		...lib.quietEnv(n8n),
		DB_TYPE: 'sqlite',
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: email,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: lib.bcryptHash(n8n, password),
		N8N_INSTANCE_OWNER_FIRST_NAME: 'Crisis',
		N8N_INSTANCE_OWNER_LAST_NAME: 'Kit',
	};
	lib.log(lib.EXPECTED_NOTICES);
	const child = spawn(n8n.n8nBin, ['start'], { env, stdio: 'inherit' });
	const banner = () =>
		process.stdout.write(
			[
				'',
				'  ┌──────────────────────────────────────────────────────────────',
				`  │ Crisis Kit on n8n 2.41.1:  http://127.0.0.1:${port}`,
				`  │ Sign in with  ${email}  /  ${password}`,
				'  │ (local account seeded from CRISIS_KIT_OWNER_EMAIL / _PASSWORD)',
				'  │ Open "Crisis Kit · Brand monitoring and alerts": Execute workflow › Try it on the sample.',
				'  │ Ctrl-C stops the server; your workflows stay in ' + home,
				'  └──────────────────────────────────────────────────────────────',
				'',
			].join('\n'),
		);
	const axios = require('axios');
	(async () => {
		for (let i = 0; i < 240 && child.exitCode === null; i++) {
			try {
				const r = await axios.get(`http://127.0.0.1:${port}/healthz/readiness`, { timeout: 2000, validateStatus: () => true });
				if (r.status === 200) return banner();
			} catch {
				/* starting */
			}
			await new Promise((r) => setTimeout(r, 500));
		}
	})();
	for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
	child.on('exit', (code) => process.exit(code ?? 0));
})().catch((error) => {
	process.stderr.write(`\nstart failed: ${error.message}\n`);
	process.exit(1);
});
