'use strict';
/**
 * Throwaway Redis and Postgres on loopback for the queue-mode tier: Debian packages (installed
 * with apt when missing and root), random free ports, data directories under one temp folder,
 * every process remembered by PID so teardown never needs a name match.
 */
const { execFileSync, spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const net = require('net');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function pgBinDir() {
	const base = '/usr/lib/postgresql';
	if (!fs.existsSync(base)) return null;
	const versions = fs
		.readdirSync(base)
		.filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(base, versions[0], 'bin') : null;
}

function have(cmd) {
	return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** Installs Debian redis-server and postgresql when one is missing (needs root and apt-get). */
function ensurePackages(log) {
	const missing = [];
	if (!have('redis-server')) missing.push('redis-server');
	if (!pgBinDir()) missing.push('postgresql');
	if (!missing.length) return { installed: [] };
	if (process.getuid() !== 0 || !have('apt-get')) {
		throw new Error(`missing ${missing.join(', ')}: run as root with apt-get, or install them (apt-get install ${missing.join(' ')})`);
	}
	log(`installing Debian ${missing.join(', ')} (apt-get)`);
	execFileSync('sh', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`], { stdio: ['ignore', 'ignore', 'inherit'] });
	// Debian starts a cluster/service on install; this tier never uses them (own ports, own dirs).
	return { installed: missing };
}

function portOpen(port) {
	return new Promise((resolve) => {
		const s = net.connect({ host: '127.0.0.1', port });
		s.once('connect', () => {
			s.destroy();
			resolve(true);
		});
		s.once('error', () => resolve(false));
	});
}

async function waitPort(port, ms, what) {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (await portOpen(port)) return;
		await sleep(200);
	}
	throw new Error(`${what} did not open 127.0.0.1:${port} in ${ms} ms`);
}

function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function killPid(pid, signal = 'SIGTERM', waitMs = 10000) {
	if (!pid || !alive(pid)) return;
	try {
		process.kill(pid, signal);
	} catch {
		return;
	}
	const deadline = Date.now() + waitMs;
	while (alive(pid) && Date.now() < deadline) await sleep(100);
	if (alive(pid)) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			/* gone */
		}
		while (alive(pid)) await sleep(50);
	}
}

/** redis-server on 127.0.0.1:port with an append-only file in dir (so a restart keeps the queue). */
async function startRedis({ port, dir, logFile }) {
	fs.mkdirSync(dir, { recursive: true });
	const out = fs.openSync(logFile, 'a');
	const child = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--daemonize', 'no', '--protected-mode', 'yes'],
		{ stdio: ['ignore', out, out] },
	);
	child.unref();
	await waitPort(port, 15000, 'redis-server');
	return { pid: child.pid, port, dir, stop: (signal) => killPid(child.pid, signal) };
}

/**
 * A fresh Postgres cluster in dir (initdb, trust auth on loopback, user n8n), started with
 * pg_ctl. As root, every Postgres command runs as the `postgres` user (runuser).
 */
function pgRunner() {
	const bin = pgBinDir();
	if (!bin) throw new Error('Postgres binaries not found under /usr/lib/postgresql/*/bin');
	const asRoot = process.getuid() === 0;
	return (cmd, args, opts = {}) => {
		const full = path.join(bin, cmd);
		const r = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8', ...opts }) : spawnSync(full, args, { encoding: 'utf8', ...opts });
		if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${(r.stderr || '') + (r.stdout || '')}`.slice(0, 2000));
		return r.stdout;
	};
}

async function startPostgres({ port, dir, logFile, databases }) {
	const run = pgRunner();
	fs.mkdirSync(dir, { recursive: true });
	if (process.getuid() === 0) {
		fs.chmodSync(path.dirname(dir), 0o755);
		execFileSync('chown', ['-R', 'postgres:postgres', dir]);
	}
	fs.chmodSync(dir, 0o700);
	run('initdb', ['-D', dir, '-U', 'n8n', '--auth=trust', '--encoding=UTF8', '--no-sync']);
	if (process.getuid() === 0) {
		fs.writeFileSync(logFile, '');
		execFileSync('chown', ['postgres:postgres', logFile]);
	}
	const pg = {
		port,
		dir,
		start: async () => {
			run('pg_ctl', ['-D', dir, '-l', logFile, '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`, 'start']);
			pg.pid = Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
			await waitPort(port, 30000, 'postgres');
		},
		stop: async (signal = 'SIGINT') => {
			// SIGINT = pg "fast" shutdown; SIGKILL only as a last resort (by PID, never by name).
			if (pg.pid) await killPid(pg.pid, signal, 20000);
			pg.pid = null;
		},
		pid: null,
	};
	await pg.start();
	for (const db of databases || []) run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', db]);
	return pg;
}

module.exports = { ensurePackages, startRedis, startPostgres, killPid, alive, waitPort, portOpen, sleep, pgBinDir };
