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

/**
 * The README's manual install route, exactly (docs/install.md and docs/docker/Dockerfile run the same
 * arguments; test/unit/package/installRoutes.test.js keeps the three identical):
 *   cd ~/.n8n/nodes && npm install --ignore-scripts --legacy-peer-deps <tarball or package name>
 * --legacy-peer-deps: n8n provides n8n-workflow itself; installing the peer would pull isolated-vm.
 * Saved in ~/.n8n/nodes/package.json, so a later npm install there keeps it.
 */
const INSTALL_ARGS = ['install', '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund'];

/** Installs the tarball the way a community package is installed by hand (the README route). */
function installPackage(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	if (!fs.existsSync(path.join(nodesDir, 'package.json'))) {
		fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	}
	// A previous install from a tarball that is gone (a temp dir) must not block this one.
	const manifest = JSON.parse(fs.readFileSync(path.join(nodesDir, 'package.json'), 'utf8'));
	if (manifest.dependencies && manifest.dependencies[PKG.name]) {
		delete manifest.dependencies[PKG.name];
		fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify(manifest, null, 2));
	}
	execFileSync('npm', [...INSTALL_ARGS, tarball], {
		cwd: nodesDir,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	return path.join(nodesDir, 'node_modules', PKG.name);
}

function makeUserFolder(prefix = 'ck-e2e-') {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * n8n settings for a local instance that works offline and starts quietly (npm start, every test
 * tier): nothing phones home, and no start-up line looks like a failure when nothing failed.
 */
const QUIET_ENV = {
	N8N_DIAGNOSTICS_ENABLED: 'false', // telemetry
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false', // version check against api.n8n.io
	N8N_TEMPLATES_ENABLED: 'false', // n8n's template gallery (fetched from api.n8n.io)
	N8N_PERSONALIZATION_ENABLED: 'false', // the sign-up survey
	// Set explicitly to today's values: left unset, n8n prints a deprecation notice for each.
	N8N_UNVERIFIED_PACKAGES_ENABLED: 'true', // Crisis Kit is an unverified community package until published
	N8N_RUNNERS_TASK_TIMEOUT: '300',
	N8N_COMPRESSION_NODE_MAX_DECOMPRESSED_SIZE_BYTES: String(256 * 1024 * 1024),
	N8N_COMPRESSION_NODE_MAX_ZIP_ENTRIES: '1000',
};

/**
 * QUIET_ENV for this n8n install. The MCP-server registry (n8n ≥ 2.x) refreshes itself from
 * api.n8n.io at start-up: offline that prints two ENOTFOUND stack traces and "A system task run
 * failed"; Crisis Kit does not use it. Older n8n versions refuse an unknown module name, so it is
 * disabled only where the install has it.
 */
function quietEnv(n8n) {
	const modules = n8n && n8n.n8nDir ? path.join(n8n.n8nDir, 'node_modules', '@n8n', 'backend-common', 'dist', 'modules', 'modules.config.js') : null;
	const hasRegistry = modules && fs.existsSync(modules) && fs.readFileSync(modules, 'utf8').includes("'mcp-registry'");
	return { ...QUIET_ENV, ...(hasRegistry ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}) };
}

/** The two start-up notices that remain, explained in one line (printed by npm start). */
const EXPECTED_NOTICES =
	"n8n's log follows; two notices in it are expected here and harmless: \"Failed to start Python task runner\" (no Python runner is installed; Crisis Kit and the Code node's JavaScript do not need it) and the N8N_RUNNERS_MODE deprecation (internal runners are n8n's default for one local instance).";

function baseEnv(n8n, userFolder, extra = {}) {
	return {
		...process.env,
		PATH: n8n.pathEnv,
		N8N_USER_FOLDER: userFolder,
		...quietEnv(n8n),
		N8N_LOG_LEVEL: 'info',
		N8N_RUNNERS_BROKER_PORT: String(extra.brokerPort || 5679),
		DB_TYPE: 'sqlite',
		...extra.env,
	};
}

/** Runs an n8n CLI command; returns { status, stdout, stderr }. */
function n8nCli(n8n, userFolder, args, extra = {}) {
	// stdout goes to a file, not a pipe: n8n 1.x exits right after printing a large `execute
	// --rawOutput` result, and a pipe loses what was not drained yet (writes to a file are synchronous).
	const outFile = path.join(os.tmpdir(), `ck-n8n-cli-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.out`);
	const fd = fs.openSync(outFile, 'w');
	try {
		const r = spawnSync(n8n.n8nBin, args, {
			env: baseEnv(n8n, userFolder, extra),
			encoding: 'utf8',
			stdio: ['ignore', fd, 'pipe'],
			maxBuffer: 512 * 1024 * 1024,
			timeout: extra.timeoutMs || 180000,
		});
		fs.closeSync(fd);
		return { status: r.status, stdout: fs.readFileSync(outFile, 'utf8'), stderr: r.stderr || '' };
	} finally {
		fs.rmSync(outFile, { force: true });
	}
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
	INSTALL_ARGS,
	QUIET_ENV,
	quietEnv,
	EXPECTED_NOTICES,
	makeUserFolder,
	n8nCli,
	parseExecuteOutput,
	nodeOutputs,
	startServer,
	loginAndApiKey,
	bcryptHash,
};
