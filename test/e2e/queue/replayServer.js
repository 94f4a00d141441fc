'use strict';
/**
 * The replay of test/helpers/replayApis.js on a loopback HTTP server whose clock advances
 * one interval per poll (not with the wall clock), so two n8n set-ups polling at different
 * moments see exactly the same batches: poll k sees every item published up to pollTime(k).
 *
 * A poll starts with its first request to the first source of the trigger (Reddit without an
 * `after` token: the trigger reads its sources in order, newest page first). After the last
 * interval the clock stops, so extra polls find nothing new (the trigger returns null and n8n
 * starts no execution).
 */
const http = require('http');
const { ReplayApis, queryObject } = require('../../helpers/replayApis');

async function startReplayServer(options) {
	const replay = new ReplayApis(options);
	const state = { polls: 0, requests: 0, paused: false, log: [] };
	const server = http.createServer((req, res) => {
		const url = new URL(req.url, 'http://127.0.0.1');
		const query = queryObject(url.searchParams);
		state.requests++;
		if (state.paused) {
			// "Source down": every API answers 503 while paused.
			res.writeHead(503, { 'content-type': 'text/html' });
			res.end('<html><body><h1>503 Service Unavailable</h1></body></html>');
			return;
		}
		const isPollStart = /\/search(\.json)?$/.test(url.pathname) && !url.pathname.includes('/api/') && !query.after;
		if (isPollStart) {
			state.polls++;
			state.log.push({ poll: state.polls, at: Date.now() });
		}
		const k = Math.min(Math.max(state.polls, 1), replay.polls);
		const r = replay.handle({ path: url.pathname, query }, replay.pollTime(k));
		res.writeHead(r.status, r.headers);
		res.end(r.body);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${server.address().port}`;
	return {
		replay,
		state,
		base,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

module.exports = { startReplayServer };
