'use strict';
/**
 * A small real SMTP server on loopback (RFC 5321 subset: EHLO/HELO, AUTH PLAIN/LOGIN accepted
 * with any password, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT; no STARTTLS, so the
 * SMTP credential must have SSL/TLS off and "Disable STARTTLS" on). Every delivered message is
 * parsed (headers, multipart tree, base64 / quoted-printable, RFC 2047 subjects) into:
 *
 *   { from, to: [..], auth, raw, headers, subject, text, html,
 *     attachments: [{ filename, contentType, content: Buffer }] }
 */
const net = require('net');

function decodeWords(value) {
	// RFC 2047 §6.2: whitespace between adjacent encoded words is not part of the text; their bytes
	// are joined before decoding (a sender may split a long subject, even inside a UTF-8 character).
	const word = /=\?([^?]+)\?([bqBQ])\?([^?]*)\?=/g;
	return value.replace(/=\?[^?]+\?[bqBQ]\?[^?]*\?=(?:\s+=\?[^?]+\?[bqBQ]\?[^?]*\?=)*/g, (run) => {
		let charset = 'utf-8';
		const bytes = [...run.matchAll(word)].map(([, cs, enc, text]) => {
			charset = cs;
			return enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : qp(text.replace(/_/g, ' '));
		});
		return Buffer.concat(bytes).toString(/utf-?8/i.test(charset) ? 'utf8' : 'latin1');
	});
}

function qp(text) {
	const soft = text.replace(/=\r?\n/g, '');
	const bytes = [];
	for (let i = 0; i < soft.length; i++) {
		if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
			bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
			i += 2;
		} else bytes.push(...Buffer.from(soft[i], 'latin1'));
	}
	return Buffer.from(bytes);
}

/** Splits a MIME entity into its unfolded headers (lower-case names) and its body text. */
function splitEntity(raw) {
	const m = /\r?\n\r?\n/.exec(raw);
	const head = m ? raw.slice(0, m.index) : raw;
	const body = m ? raw.slice(m.index + m[0].length) : '';
	const headers = {};
	for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const k = line.indexOf(':');
		if (k > 0) {
			const name = line.slice(0, k).trim().toLowerCase();
			const value = line.slice(k + 1).trim();
			headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
		}
	}
	return { headers, body };
}

function param(header, name) {
	const m = new RegExp(`${name}\\*?=("([^"]*)"|[^;\\s]+)`, 'i').exec(header || '');
	if (!m) return undefined;
	const v = m[2] ?? m[1];
	return /^utf-8''/i.test(v) ? decodeURIComponent(v.replace(/^utf-8''/i, '')) : decodeWords(v);
}

function decodeBody(body, encoding) {
	const enc = (encoding || '7bit').toLowerCase();
	if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
	if (enc === 'quoted-printable') return qp(body);
	return Buffer.from(body, 'binary');
}

/** Walks the MIME tree of `raw` and fills text / html / attachments. */
function parseMessage(raw) {
	const out = { text: undefined, html: undefined, attachments: [] };
	const walk = (entity) => {
		const { headers, body } = splitEntity(entity);
		const type = (headers['content-type'] || 'text/plain').split(';')[0].trim().toLowerCase();
		if (type.startsWith('multipart/')) {
			const boundary = param(headers['content-type'], 'boundary');
			if (!boundary) return headers;
			const parts = body.split(new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*\\r?\\n?`));
			for (const part of parts.slice(1)) if (part.trim()) walk(part);
			return headers;
		}
		const content = decodeBody(body, headers['content-transfer-encoding']);
		const disposition = headers['content-disposition'] || '';
		const filename = param(disposition, 'filename') || param(headers['content-type'], 'name');
		if (/attachment/i.test(disposition) || (filename && !/inline/i.test(disposition))) {
			out.attachments.push({ filename, contentType: type, content });
		} else if (type === 'text/html' && out.html === undefined) out.html = content.toString('utf8');
		else if (type === 'text/plain' && out.text === undefined) out.text = content.toString('utf8');
		else out.attachments.push({ filename, contentType: type, content });
		return headers;
	};
	out.headers = walk(raw.toString('binary'));
	// Headers of the top entity are in binary (latin1) form: re-read UTF-8 words.
	out.subject = decodeWords(Buffer.from(out.headers.subject || '', 'binary').toString('utf8'));
	return out;
}

class SmtpSink {
	constructor() {
		this.messages = [];
		this.waiters = [];
		this.sockets = new Set();
		this.server = net.createServer((socket) => this.onConnection(socket));
	}

	async start() {
		await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.port = this.server.address().port;
		this.host = '127.0.0.1';
		return this;
	}

	async stop() {
		for (const s of this.sockets) s.destroy();
		await new Promise((resolve) => this.server.close(() => resolve()));
	}

	/** Credential data for n8n's `smtp` credential type pointing here. */
	credentialData() {
		return { user: 'crisis-kit', password: 'stand-in', host: this.host, port: this.port, secure: false, disableStartTls: true, hostName: '' };
	}

	onConnection(socket) {
		this.sockets.add(socket);
		socket.on('close', () => this.sockets.delete(socket));
		socket.on('error', () => {});
		const reply = (line) => socket.write(`${line}\r\n`);
		let buffer = Buffer.alloc(0);
		let session = { from: null, to: [], auth: null };
		let mode = 'command';
		let data = [];
		let authStep = null;
		reply('220 crisis-kit-smtp-stand-in ESMTP');
		const onLine = (line) => {
			if (mode === 'data') {
				if (line === '.') {
					mode = 'command';
					const raw = Buffer.from(data.join('\r\n') + '\r\n', 'binary');
					const parsed = parseMessage(raw);
					const message = { from: session.from, to: session.to, auth: session.auth, raw: raw.toString('utf8'), ...parsed, at: new Date().toISOString() };
					this.messages.push(message);
					session = { from: null, to: [], auth: session.auth };
					data = [];
					reply(`250 OK queued as ${this.messages.length}`);
					this.notify();
				} else data.push(line.startsWith('..') ? line.slice(1) : line);
				return;
			}
			if (authStep === 'login-user') {
				session.auth = { user: Buffer.from(line, 'base64').toString('utf8') };
				authStep = 'login-pass';
				reply('334 UGFzc3dvcmQ6');
				return;
			}
			if (authStep === 'login-pass' || authStep === 'plain') {
				if (authStep === 'plain') session.auth = { user: Buffer.from(line, 'base64').toString('utf8').split('\0')[1] };
				authStep = null;
				reply('235 2.7.0 Authentication successful');
				return;
			}
			const [verb, ...rest] = line.split(' ');
			const arg = rest.join(' ');
			switch (verb.toUpperCase()) {
				case 'EHLO':
					socket.write('250-crisis-kit-smtp-stand-in\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 52428800\r\n');
					break;
				case 'HELO':
					reply('250 crisis-kit-smtp-stand-in');
					break;
				case 'AUTH': {
					const [mech, initial] = arg.split(' ');
					if (/^PLAIN$/i.test(mech)) {
						if (initial) {
							session.auth = { user: Buffer.from(initial, 'base64').toString('utf8').split('\0')[1] };
							reply('235 2.7.0 Authentication successful');
						} else {
							authStep = 'plain';
							reply('334 ');
						}
					} else if (/^LOGIN$/i.test(mech)) {
						if (initial) {
							session.auth = { user: Buffer.from(initial, 'base64').toString('utf8') };
							authStep = 'login-pass';
							reply('334 UGFzc3dvcmQ6');
						} else {
							authStep = 'login-user';
							reply('334 VXNlcm5hbWU6');
						}
					} else reply('504 5.5.4 Unrecognized authentication type');
					break;
				}
				case 'MAIL':
					session.from = (/<([^>]*)>/.exec(arg) || [])[1] ?? arg;
					reply('250 OK');
					break;
				case 'RCPT':
					session.to.push((/<([^>]*)>/.exec(arg) || [])[1] ?? arg);
					reply('250 OK');
					break;
				case 'DATA':
					mode = 'data';
					reply('354 End data with <CR><LF>.<CR><LF>');
					break;
				case 'RSET':
					session = { from: null, to: [], auth: session.auth };
					reply('250 OK');
					break;
				case 'NOOP':
					reply('250 OK');
					break;
				case 'QUIT':
					reply('221 Bye');
					socket.end();
					break;
				default:
					reply('502 5.5.2 Command not implemented');
			}
		};
		socket.on('data', (chunk) => {
			buffer = Buffer.concat([buffer, chunk]);
			let k;
			while ((k = buffer.indexOf('\r\n')) >= 0) {
				const line = buffer.subarray(0, k).toString('binary');
				buffer = buffer.subarray(k + 2);
				onLine(line);
			}
		});
	}

	notify() {
		for (const w of [...this.waiters]) {
			const found = this.messages.filter(w.pred);
			if (found.length >= w.count) {
				this.waiters.splice(this.waiters.indexOf(w), 1);
				clearTimeout(w.timer);
				w.resolve(found);
			}
		}
	}

	/** Resolves with the delivered messages matching `pred` once `count` arrived. */
	waitFor(pred = () => true, { count = 1, timeoutMs = 30000 } = {}) {
		const found = this.messages.filter(pred);
		if (found.length >= count) return Promise.resolve(found);
		return new Promise((resolve, reject) => {
			const w = { pred, count, resolve };
			w.timer = setTimeout(() => {
				this.waiters.splice(this.waiters.indexOf(w), 1);
				reject(new Error(`SMTP stand-in: ${this.messages.filter(pred).length}/${count} matching message(s) after ${timeoutMs} ms (${this.messages.length} delivered: ${this.messages.map((m) => m.subject).join(' | ')})`));
			}, timeoutMs);
			this.waiters.push(w);
		});
	}

	reset() {
		this.messages = [];
	}
}

module.exports = { SmtpSink, parseMessage };
