/**
 * Real-n8n tooling for the e2e tier and the start command: the cached Node 24 + n8n 2.41.1
 * (scripts/setup-n8n.sh), the packed package installed as a community package
 * (<userFolder>/.n8n/nodes/node_modules/n8n-nodes-crisis-kit → type names
 * n8n-nodes-crisis-kit.<node>), CLI import/execute, and a server with a seeded owner.
 */
const { execFileSync, spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const axios = require('axios');

const ROOT = path.resolve(__dirname, '..', '..');
const PKG = require(path.join(ROOT, 'package.json'));

function log(msg) {
	process.stderr.write(`[crisis-kit ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** A TCP port free on 127.0.0.1 right now (so concurrent runs never share n8n or broker ports). */
function freePort() {
	const net = require('net');
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** Installs (first time) or finds the cached Node 24 + n8n; returns { env, n8nBin, n8nDir }. */
function ensureN8n() {
	const out = execFileSync('bash', [path.join(ROOT, 'scripts', 'setup-n8n.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const env = {};
	for (const line of out.split('\n')) {
		const m = /^export (\w+)="(.*)"$/.exec(line.trim());
		if (m) env[m[1]] = m[2].replace('$PATH', process.env.PATH);
	}
	if (!env.CRISIS_KIT_N8N) throw new Error(`setup-n8n.sh printed no n8n path:\n${out}`);
	return { pathEnv: env.PATH, n8nBin: env.CRISIS_KIT_N8N, n8nDir: env.CRISIS_KIT_N8N_DIR };
}

/** `npm pack` of the built package into `dir`; returns the tarball path. */
function packPackage(dir) {
	const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
	const file = out.trim().split('\n').pop();
	return path.join(dir, file);
}

/** Installs the tarball the way a community package is installed. */
function installPackage(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	if (!fs.existsSync(path.join(nodesDir, 'package.json'))) {
		fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	}
	// --legacy-peer-deps: n8n provides n8n-workflow itself; installing the peer would pull isolated-vm.
	execFileSync('npm', ['install', '--no-save', '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund', tarball], {
		cwd: nodesDir,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	return path.join(nodesDir, 'node_modules', PKG.name);
}

function makeUserFolder(prefix = 'ck-e2e-') {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function baseEnv(n8n, userFolder, extra = {}) {
	return {
		...process.env,
		PATH: n8n.pathEnv,
		N8N_USER_FOLDER: userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_RUNNERS_BROKER_PORT: String(extra.brokerPort || 5679),
		DB_TYPE: 'sqlite',
		...extra.env,
	};
}

/** Runs an n8n CLI command; returns { status, stdout, stderr }. */
function n8nCli(n8n, userFolder, args, extra = {}) {
	const r = spawnSync(n8n.n8nBin, args, {
		env: baseEnv(n8n, userFolder, extra),
		encoding: 'utf8',
		maxBuffer: 512 * 1024 * 1024,
		timeout: extra.timeoutMs || 180000,
	});
	return { status: r.status, stdout: r.stdout || '', stderr: r.stderr || '' };
}

/** `n8n execute --id --rawOutput` prints log lines before the JSON: keep the JSON. */
function parseExecuteOutput(stdout) {
	const start = stdout.search(/^\{\s*$/m);
	if (start < 0) throw new Error(`no JSON in n8n execute output:\n${stdout.slice(0, 2000)}`);
	const text = stdout.slice(start);
	try {
		return JSON.parse(text);
	} catch (error) {
		// Log lines may follow the JSON too: cut at the position JSON.parse reports.
		const m = /after JSON at position (\d+)/.exec(error.message);
		if (!m) throw error;
		return JSON.parse(text.slice(0, Number(m[1])));
	}
}

/** Output branches of a node's first run: [[json, …], …]. */
function nodeOutputs(run, nodeName) {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run (ran: ${Object.keys(run.data.resultData.runData).join(', ')})`);
	return (runs[0].data?.main || []).map((branch) => (branch || []).map((i) => i.json));
}

function bcryptHash(n8n, password) {
	const bcrypt = require(path.join(n8n.n8nDir, 'node_modules', 'bcryptjs'));
	return bcrypt.hashSync(password, 10);
}

/** Starts `n8n start` with an owner seeded from env (no sign-up screen). */
async function startServer(n8n, userFolder, { port, brokerPort, email, password, env = {}, logFile, listen = '127.0.0.1', readyTimeoutMs = 120000 }) {
	const serverEnv = baseEnv(n8n, userFolder, {
		brokerPort,
		env: {
			N8N_LISTEN_ADDRESS: listen,
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(port),
			N8N_PROTOCOL: 'http',
			N8N_SECURE_COOKIE: 'false',
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: email,
			N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(n8n, password),
			N8N_INSTANCE_OWNER_FIRST_NAME: 'Crisis',
			N8N_INSTANCE_OWNER_LAST_NAME: 'Kit',
			...env,
		},
	});
	const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
	const child = spawn(n8n.n8nBin, ['start'], { env: serverEnv, stdio: ['ignore', out, out], detached: true });
	const base = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + readyTimeoutMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode} (log: ${logFile})`);
		try {
			const r = await axios.get(`${base}/healthz/readiness`, { timeout: 2000, validateStatus: () => true });
			if (r.status === 200) break;
		} catch {
			/* not up yet */
		}
		if (Date.now() > deadline) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* already gone */
			}
			throw new Error(`n8n did not become ready in ${readyTimeoutMs / 1000} s (log: ${logFile})`);
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	const stop = async () => {
		if (child.exitCode !== null) return;
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			/* already gone */
		}
		for (let i = 0; i < 40 && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 250));
		if (child.exitCode === null) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* already gone */
			}
		}
	};
	return { base, child, stop, email, password };
}

/** Logs in (cookie) and creates a public-API key. */
async function loginAndApiKey(server) {
	const login = await axios.post(
		`${server.base}/rest/login`,
		{ emailOrLdapLoginId: server.email, password: server.password },
		{ validateStatus: () => true },
	);
	if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.data).slice(0, 300)}`);
	const cookie = (login.headers['set-cookie'] || []).map((c) => c.split(';')[0]).join('; ');
	const scopes = await axios.get(`${server.base}/rest/api-keys/scopes`, { headers: { cookie } });
	const created = await axios.post(
		`${server.base}/rest/api-keys`,
		{ label: `crisis-kit-${Date.now()}`, scopes: scopes.data.data, expiresAt: null },
		{ headers: { cookie } },
	);
	return { cookie, apiKey: created.data.data.rawApiKey };
}

module.exports = {
	freePort,
	ROOT,
	PKG,
	log,
	ensureN8n,
	packPackage,
	installPackage,
	makeUserFolder,
	n8nCli,
	parseExecuteOutput,
	nodeOutputs,
	startServer,
	loginAndApiKey,
	bcryptHash,
};
