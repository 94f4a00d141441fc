'use strict';
/**
 * A throwaway certificate authority made with openssl at test time, and one leaf certificate
 * per host it signs (cached). n8n trusts the CA through NODE_EXTRA_CA_CERTS=<ca.certFile>, which
 * Node reads once at process start: pass it in the environment of the n8n process.
 *
 * Nothing is written outside `dir`; delete the directory to forget the CA.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

function openssl(args, cwd) {
	execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

class ThrowawayCa {
	/** @param {string} dir a private scratch directory (created if missing) */
	constructor(dir) {
		this.dir = dir;
		fs.mkdirSync(dir, { recursive: true });
		this.keyFile = path.join(dir, 'ca.key');
		this.certFile = path.join(dir, 'ca.crt');
		// EC keys: a few ms each, so per-host certificates cost nothing.
		openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', this.keyFile], dir);
		openssl(
			['req', '-x509', '-new', '-key', this.keyFile, '-sha256', '-days', '2', '-subj', '/CN=Crisis Kit e2e throwaway CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', this.certFile],
			dir,
		);
		this.cert = fs.readFileSync(this.certFile, 'utf8');
		this.leaves = new Map();
		this.serial = 1;
	}

	/** { key, cert } PEM strings of a leaf certificate for `host` (DNS or IP SAN), signed by the CA. */
	leaf(host) {
		if (this.leaves.has(host)) return this.leaves.get(host);
		const safe = host.replace(/[^a-z0-9.-]/gi, '_');
		const key = path.join(this.dir, `${safe}.key`);
		const csr = path.join(this.dir, `${safe}.csr`);
		const crt = path.join(this.dir, `${safe}.crt`);
		const ext = path.join(this.dir, `${safe}.ext`);
		const san = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? `IP:${host}` : `DNS:${host}`;
		fs.writeFileSync(ext, `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`);
		openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', key], this.dir);
		openssl(['req', '-new', '-key', key, '-subj', `/CN=${host}`, '-out', csr], this.dir);
		openssl(['x509', '-req', '-in', csr, '-CA', this.certFile, '-CAkey', this.keyFile, '-set_serial', String(++this.serial), '-days', '2', '-sha256', '-extfile', ext, '-out', crt], this.dir);
		const pair = { key: fs.readFileSync(key, 'utf8'), cert: fs.readFileSync(crt, 'utf8') };
		this.leaves.set(host, pair);
		return pair;
	}
}

module.exports = { ThrowawayCa };
