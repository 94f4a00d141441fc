'use strict';
/**
 * A loopback intercepting proxy: n8n 2.41.1 sends every request of its request helpers through
 * HTTPS_PROXY / HTTP_PROXY (NO_PROXY honoured; see docs/testing.md for where in n8n's code).
 *
 *   CONNECT slack.com:443  → "200 Connection established", then TLS is terminated here with a
 *                            certificate for slack.com signed by the throwaway CA, and the
 *                            decrypted bytes are piped to the stand-in's plain HTTP port.
 *   GET http://host/path   → (plain-HTTP proxying) forwarded to the stand-in of `host`.
 *   any other host         → 403, recorded in `refused` (nothing ever leaves the machine).
 *
 * routes: { [hostname]: port | { port } } — hostnames are matched exactly, or by suffix when
 * written ".example.com".
 */
const http = require('http');
const net = require('net');
const tls = require('tls');

class InterceptingProxy {
	/**
	 * @param {import('./ca').ThrowawayCa} ca
	 * @param {Record<string, number | { port: number }>} routes
	 */
	constructor(ca, routes = {}) {
		this.ca = ca;
		this.routes = new Map();
		for (const [host, target] of Object.entries(routes)) this.route(host, target);
		/** Every CONNECT / proxied request: { host, port, method, routed: boolean, at } */
		this.log = [];
		this.refused = [];
		this.sockets = new Set();
		this.server = http.createServer((req, res) => this.onPlainRequest(req, res));
		this.server.on('connect', (req, socket, head) => this.onConnect(req, socket, head));
		this.server.on('connection', (s) => {
			this.sockets.add(s);
			s.on('close', () => this.sockets.delete(s));
		});
	}

	route(host, target) {
		this.routes.set(host.toLowerCase(), typeof target === 'number' ? target : target.port);
	}

	portFor(host) {
		host = host.toLowerCase();
		if (this.routes.has(host)) return this.routes.get(host);
		for (const [pattern, port] of this.routes) if (pattern.startsWith('.') && host.endsWith(pattern)) return port;
		return undefined;
	}

	async start() {
		await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.port = this.server.address().port;
		this.url = `http://127.0.0.1:${this.port}`;
		return this;
	}

	async stop() {
		for (const s of this.sockets) s.destroy();
		await new Promise((resolve) => this.server.close(() => resolve()));
	}

	/**
	 * The environment a Node process (n8n) needs to go through this proxy and trust its
	 * certificates. NO_PROXY keeps loopback traffic (n8n's own task broker, stand-ins called by
	 * URL) direct.
	 */
	env() {
		return {
			HTTPS_PROXY: this.url,
			HTTP_PROXY: this.url,
			https_proxy: this.url,
			http_proxy: this.url,
			NO_PROXY: '127.0.0.1,localhost,::1',
			no_proxy: '127.0.0.1,localhost,::1',
			NODE_EXTRA_CA_CERTS: this.ca.certFile,
		};
	}

	onConnect(req, socket, head) {
		const [host, portText] = req.url.split(':');
		const port = Number(portText || 443);
		const target = this.portFor(host);
		const entry = { host, port, method: 'CONNECT', routed: target !== undefined, at: new Date().toISOString() };
		this.log.push(entry);
		socket.on('error', () => {});
		if (target === undefined) {
			this.refused.push(entry);
			socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
			return;
		}
		socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
		const { key, cert } = this.ca.leaf(host);
		const secure = new tls.TLSSocket(socket, { isServer: true, key, cert, ALPNProtocols: ['http/1.1'] });
		if (head && head.length) socket.unshift(head);
		const upstream = net.connect(target, '127.0.0.1');
		upstream.on('error', () => secure.destroy());
		secure.on('error', () => upstream.destroy());
		secure.pipe(upstream).pipe(secure);
	}

	onPlainRequest(req, res) {
		let url;
		try {
			url = new URL(req.url);
		} catch {
			res.writeHead(400).end('intercepting proxy: absolute URL expected');
			return;
		}
		const target = this.portFor(url.hostname);
		const entry = { host: url.hostname, port: Number(url.port || 80), method: req.method, routed: target !== undefined, at: new Date().toISOString() };
		this.log.push(entry);
		if (target === undefined) {
			this.refused.push(entry);
			res.writeHead(403).end();
			return;
		}
		const upstream = http.request(
			{ host: '127.0.0.1', port: target, method: req.method, path: url.pathname + url.search, headers: { ...req.headers, host: url.host } },
			(up) => {
				res.writeHead(up.statusCode, up.headers);
				up.pipe(res);
			},
		);
		upstream.on('error', (e) => {
			res.writeHead(502).end(String(e.message));
		});
		req.pipe(upstream);
	}
}

module.exports = { InterceptingProxy };
