'use strict';
/**
 * The common shape of every HTTP stand-in: a plain HTTP server on 127.0.0.1 (free port) that
 * records each request it receives, then answers with its service's handler.
 *
 * A recorded request: { service, method, host, path, query, headers, rawBody, body, at }
 *   host  the Host header (the real API host when the request came through the intercepting
 *         proxy, e.g. "slack.com"; "127.0.0.1:<port>" when called directly)
 *   body  parsed JSON, or the parsed form (application/x-www-form-urlencoded), else the raw text
 *
 * Handlers: (req, recorded) → { status?, headers?, json? | body? } or a Promise of it; returning
 * undefined answers 404 with a JSON error naming the unknown route (and the request stays recorded,
 * so a test sees what a node called that the stand-in does not know).
 */
const http = require('http');

function parseBody(raw, contentType) {
	if (!raw.length) return undefined;
	const text = raw.toString('utf8');
	if (/json/i.test(contentType || '')) {
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}
	if (/x-www-form-urlencoded/i.test(contentType || '')) {
		const out = {};
		for (const [k, v] of new URLSearchParams(text)) out[k] = v;
		return out;
	}
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

class RecordingServer {
	/**
	 * @param {string} service a short name ("slack", "hubspot", …) stored on every record
	 * @param {(req: object) => any} handler
	 */
	constructor(service, handler) {
		this.service = service;
		this.handler = handler;
		this.requests = [];
		this.waiters = [];
		this.server = http.createServer((req, res) => this.onRequest(req, res));
		this.sockets = new Set();
		this.server.on('connection', (s) => {
			this.sockets.add(s);
			s.on('close', () => this.sockets.delete(s));
		});
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

	onRequest(req, res) {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', async () => {
			const url = new URL(req.url, 'http://stand-in');
			const rawBody = Buffer.concat(chunks);
			const recorded = {
				service: this.service,
				method: req.method,
				host: String(req.headers.host || '').replace(/:443$/, ''),
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: req.headers,
				rawBody: rawBody.toString('utf8'),
				body: parseBody(rawBody, req.headers['content-type']),
				at: new Date().toISOString(),
			};
			this.requests.push(recorded);
			let answer;
			try {
				answer = await this.handler(recorded);
			} catch (error) {
				answer = { status: 500, json: { error: `stand-in ${this.service} failed: ${error.message}` } };
			}
			if (!answer) answer = { status: 404, json: { ok: false, error: `stand-in ${this.service} has no route ${req.method} ${url.pathname}` } };
			const headers = { ...(answer.headers || {}) };
			let body = answer.body ?? '';
			if (answer.json !== undefined) {
				body = JSON.stringify(answer.json);
				headers['content-type'] = headers['content-type'] || 'application/json; charset=utf-8';
			}
			res.writeHead(answer.status || 200, headers);
			res.end(body);
			this.notify();
		});
	}

	notify() {
		for (const w of [...this.waiters]) {
			const found = this.requests.filter(w.pred);
			if (found.length >= w.count) {
				this.waiters.splice(this.waiters.indexOf(w), 1);
				clearTimeout(w.timer);
				w.resolve(found);
			}
		}
	}

	/** Recorded requests matching `pred` (default: all). */
	find(pred = () => true) {
		return this.requests.filter(pred);
	}

	/** Recorded requests to `path` (exact or RegExp), optionally with `method`. */
	calls(path, method) {
		return this.requests.filter((r) => (path instanceof RegExp ? path.test(r.path) : r.path === path) && (!method || r.method === method));
	}

	/** Resolves with the matching requests once at least `count` arrived; rejects after timeoutMs. */
	waitFor(pred, { count = 1, timeoutMs = 30000 } = {}) {
		const found = this.requests.filter(pred);
		if (found.length >= count) return Promise.resolve(found);
		return new Promise((resolve, reject) => {
			const w = { pred, count, resolve };
			w.timer = setTimeout(() => {
				this.waiters.splice(this.waiters.indexOf(w), 1);
				reject(new Error(`stand-in ${this.service}: ${this.requests.filter(pred).length}/${count} matching request(s) after ${timeoutMs} ms (saw ${this.requests.map((r) => `${r.method} ${r.host}${r.path}`).join(', ') || 'nothing'})`));
			}, timeoutMs);
			this.waiters.push(w);
		});
	}

	/** Forget what was recorded (between two runs of one test file). */
	reset() {
		this.requests = [];
	}
}

module.exports = { RecordingServer, parseBody };
