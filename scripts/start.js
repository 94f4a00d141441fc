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
const crypto = require('crypto');
const lib = require('./lib/n8n');

/**
 * Imports each template once. A template already in this n8n (imported before, or created by the
 * user under that id) is never imported over: the user's edits are kept. When a newer Crisis Kit
 * ships a changed template, it is imported beside the old one, under a new id and a name that says
 * "(updated …)". What was imported is remembered in <home>/.crisis-kit-templates.json.
 */
function importTemplatesOnce(n8n, home, work) {
	const manifestFile = path.join(home, '.crisis-kit-templates.json');
	const manifest = fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, 'utf8')) : {};
	const listed = lib.n8nCli(n8n, home, ['list:workflow'], { brokerPort: 5779 });
	const existing = new Set(
		(listed.stdout || '')
			.split('\n')
			.map((l) => l.split('|')[0].trim())
			.filter(Boolean),
	);
	const dir = path.join(lib.ROOT, 'workflows');
	const toImport = path.join(work, 'templates');
	fs.mkdirSync(toImport);
	const plan = [];
	for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.workflow.json')).sort()) {
		const text = fs.readFileSync(path.join(dir, f), 'utf8');
		const hash = crypto.createHash('sha256').update(text).digest('hex');
		const wf = JSON.parse(text);
		const seen = manifest[wf.id];
		if (seen && seen.hash === hash) {
			lib.log(`template ${f}: already imported (id ${seen.importedAs}); left as it is, your edits are kept`);
			continue;
		}
		if (!seen && existing.has(wf.id)) {
			manifest[wf.id] = { hash: null, importedAs: wf.id, note: 'found in n8n before this manifest existed' };
			lib.log(`template ${f}: a workflow with id ${wf.id} is already in n8n; left as it is, your edits are kept`);
			continue;
		}
		if (seen) {
			// A newer version of a template the user already has: add it beside, never over it.
			const id = `${wf.id.slice(0, 24)}u${hash.slice(0, 7)}`;
			wf.id = id;
			wf.name = `${wf.name} (updated ${lib.PKG.version})`;
			plan.push({ f, id, hash, key: JSON.parse(text).id, updated: true });
			fs.writeFileSync(path.join(toImport, f), JSON.stringify(wf));
			continue;
		}
		plan.push({ f, id: wf.id, hash, key: wf.id, updated: false });
		fs.writeFileSync(path.join(toImport, f), text);
	}
	if (!plan.length) return;
	lib.log(`importing ${plan.length} template(s) (one n8n import:workflow run, ~10 s)`);
	const r = lib.n8nCli(n8n, home, ['import:workflow', '--separate', `--input=${toImport}`], { brokerPort: 5779 });
	if (r.status !== 0) {
		process.stderr.write(r.stdout + r.stderr);
		throw new Error('could not import the templates');
	}
	for (const p of plan) {
		manifest[p.key] = { hash: p.hash, importedAs: p.id, importedAt: new Date().toISOString() };
		lib.log(p.updated ? `template ${p.f}: changed since you imported it; the new version is imported beside yours as id ${p.id} ("(updated ${lib.PKG.version})")` : `imported template ${p.f} (id ${p.id})`);
	}
	fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
}

(async () => {
	const email = process.env.CRISIS_KIT_OWNER_EMAIL || 'owner@crisis-kit.local';
	const password = process.env.CRISIS_KIT_OWNER_PASSWORD || 'CrisisKit-local-2026';
	const port = Number(process.env.CRISIS_KIT_PORT || 5678);
	const home = process.env.CRISIS_KIT_HOME || path.join(os.homedir(), '.cache', 'crisis-kit', 'home');
	lib.log('setting up n8n 2.41.1 on Node 24 (cached in ~/.cache/crisis-kit; the first time takes ~5 minutes)');
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
		...lib.QUIET_ENV,
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
				'  │ Open "Crisis Kit · Brand monitoring with alerts" and press Execute workflow.',
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
