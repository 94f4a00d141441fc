'use strict';
/**
 * scripts/lib/lock-install.js (the first run's installer for n8n's committed lock and the build's
 * dev packages): against a loopback registry serving tarballs made here, it must put every lock
 * entry at its path, link bins, skip other platforms, follow a subset's dependencies the way Node
 * resolves them, refuse a tarball whose integrity does not match, and hand over to npm (exit
 * FALLBACK) for an entry it cannot fetch by itself.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { install, closure, tarballUrl, FALLBACK } = require('../../../scripts/lib/lock-install');

function tarball(name, version, files) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-li-pkg-'));
	fs.mkdirSync(path.join(dir, 'package'), { recursive: true });
	fs.writeFileSync(path.join(dir, 'package', 'package.json'), JSON.stringify({ name, version }));
	for (const [f, text] of Object.entries(files || {})) {
		fs.mkdirSync(path.dirname(path.join(dir, 'package', f)), { recursive: true });
		fs.writeFileSync(path.join(dir, 'package', f), text);
	}
	const file = path.join(dir, 'p.tgz');
	execFileSync('tar', ['-czf', file, '-C', dir, 'package']);
	const buf = fs.readFileSync(file);
	fs.rmSync(dir, { recursive: true, force: true });
	return { buf, integrity: `sha512-${crypto.createHash('sha512').update(buf).digest('base64')}` };
}

describe('scripts/lib/lock-install.js', () => {
	let server;
	let registry;
	const served = new Map();
	const requests = [];
	const oldRegistry = process.env.npm_config_registry;
	let stderr;

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			requests.push(req.url);
			const body = served.get(req.url);
			res.writeHead(body ? 200 : 404);
			res.end(body || 'not found');
		});
		await new Promise((r) => server.listen(0, '127.0.0.1', r));
		registry = `http://127.0.0.1:${server.address().port}/`;
		process.env.npm_config_registry = registry;
		stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
	});
	afterAll(async () => {
		stderr.mockRestore();
		if (oldRegistry === undefined) delete process.env.npm_config_registry;
		else process.env.npm_config_registry = oldRegistry;
		await new Promise((r) => server.close(r));
	});

	function serve(name, version, files) {
		const t = tarball(name, version, files);
		served.set(`/${name}/-/${name.split('/').pop()}-${version}.tgz`, t.buf);
		return t.integrity;
	}

	function project(packages) {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-li-'));
		fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify({ name: 'p', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'p' }, ...packages } }));
		return dir;
	}

	test('every entry lands at its lock path (nested too), bins are linked, other platforms left out, npm sees the tree', async () => {
		const a = serve('a', '1.0.0', { 'bin/a.js': '#!/usr/bin/env node\n' });
		const b1 = serve('b', '1.0.0');
		const b2 = serve('b', '2.0.0');
		const scoped = serve('@s/c', '3.1.4');
		const other = serve('d-arm', '1.0.0');
		const dir = project({
			'node_modules/a': { version: '1.0.0', integrity: a, bin: { a: 'bin/a.js' }, dependencies: { b: '^2' } },
			'node_modules/a/node_modules/b': { version: '2.0.0', integrity: b2 },
			'node_modules/b': { version: '1.0.0', integrity: b1 },
			'node_modules/@s/c': { version: '3.1.4', integrity: scoped },
			'node_modules/d-arm': { version: '1.0.0', integrity: other, optional: true, cpu: ['arm64'], os: ['android'] },
		});
		expect(await install(dir, { jobs: 3 })).toBe(0);
		const version = (p) => JSON.parse(fs.readFileSync(path.join(dir, p, 'package.json'), 'utf8')).version;
		expect(version('node_modules/a')).toBe('1.0.0');
		expect(version('node_modules/a/node_modules/b')).toBe('2.0.0');
		expect(version('node_modules/b')).toBe('1.0.0');
		expect(version('node_modules/@s/c')).toBe('3.1.4');
		expect(fs.existsSync(path.join(dir, 'node_modules/d-arm'))).toBe(false);
		const bin = path.join(dir, 'node_modules/.bin/a');
		expect(fs.readlinkSync(bin)).toBe(path.join('..', 'a', 'bin', 'a.js'));
		expect(fs.statSync(bin).mode & 0o111).not.toBe(0);
		const hidden = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules/.package-lock.json'), 'utf8'));
		expect(Object.keys(hidden.packages).sort()).toEqual(['node_modules/@s/c', 'node_modules/a', 'node_modules/a/node_modules/b', 'node_modules/b']);
		fs.rmSync(dir, { recursive: true, force: true });
	});

	test('--only installs what the named packages need, resolved as Node does, and leaves npm to complete the tree', async () => {
		const lock = {
			packages: {
				'node_modules/x': { version: '1.0.0', dependencies: { y: '1', z: '1' } },
				'node_modules/x/node_modules/y': { version: '1.0.0', dependencies: { z: '1' } },
				'node_modules/y': { version: '2.0.0' },
				'node_modules/z': { version: '1.0.0' },
				'node_modules/unrelated': { version: '1.0.0' },
			},
		};
		expect([...closure(lock, ['x'])].sort()).toEqual(['node_modules/x', 'node_modules/x/node_modules/y', 'node_modules/z']);
		const x = serve('x', '1.0.0');
		const z = serve('z', '1.0.0');
		const u = serve('unrelated', '1.0.0');
		const dir = project({ 'node_modules/x': { version: '1.0.0', integrity: x, dependencies: { z: '1' } }, 'node_modules/z': { version: '1.0.0', integrity: z }, 'node_modules/unrelated': { version: '1.0.0', integrity: u } });
		expect(await install(dir, { only: ['x'] })).toBe(0);
		expect(fs.existsSync(path.join(dir, 'node_modules/z/package.json'))).toBe(true);
		expect(fs.existsSync(path.join(dir, 'node_modules/unrelated'))).toBe(false);
		expect(fs.existsSync(path.join(dir, 'node_modules/.package-lock.json'))).toBe(false);
		fs.rmSync(dir, { recursive: true, force: true });
	});

	test('a tarball that does not match its integrity hash fails the install (after retries), naming it', async () => {
		serve('evil', '1.0.0');
		const dir = project({ 'node_modules/evil': { version: '1.0.0', integrity: `sha512-${crypto.createHash('sha512').update('something else').digest('base64')}` } });
		await expect(install(dir)).rejects.toThrow(/evil-1\.0\.0\.tgz: integrity mismatch/);
		fs.rmSync(dir, { recursive: true, force: true });
	});

	test('an entry it cannot fetch itself (git dependency, no hash) hands over to npm before touching anything', async () => {
		const dir = project({ 'node_modules/g': { version: '1.0.0', resolved: 'git+ssh://git@github.com/x/g.git#abc' } });
		expect(await install(dir)).toBe(FALLBACK);
		expect(fs.existsSync(path.join(dir, 'node_modules'))).toBe(false);
		fs.rmSync(dir, { recursive: true, force: true });
	});

	test('tarball addresses: resolved URL when the lock has one, the registry standard path otherwise, aliases by their real name', () => {
		expect(tarballUrl('node_modules/q', { version: '1.2.3', resolved: 'https://r.example/q.tgz' })).toBe('https://r.example/q.tgz');
		expect(tarballUrl('node_modules/@s/q', { version: '1.2.3' })).toBe(`${registry}@s/q/-/q-1.2.3.tgz`);
		expect(tarballUrl('node_modules/alias', { name: 'real', version: '1.0.0' })).toBe(`${registry}real/-/real-1.0.0.tgz`);
		expect(tarballUrl('node_modules/l', { version: 'file:../l' })).toBeNull();
	});
});
