'use strict';
/**
 * Stand-ins of every outside service a Crisis Kit template talks to, on loopback, each recording
 * what it receives; plus the intercepting HTTPS proxy that sends n8n's fixed-host nodes to them.
 * The API is documented in docs/testing.md ("Stand-ins"). Stable: other suites build on it.
 *
 *   const { startStandins } = require('./standins');
 *   const si = await startStandins({ dir: scratchDir });
 *   env = { ...env, ...si.env() };          // n8n process: HTTPS_PROXY, NO_PROXY, NODE_EXTRA_CA_CERTS
 *   … run the workflow …
 *   si.slack.messages(); si.smtp.messages; si.hubspot.tickets; si.openai.completions(); …
 *   await si.stop();
 */
const path = require('path');
const { ThrowawayCa } = require('./ca');
const { InterceptingProxy } = require('./proxy');
const { RecordingServer } = require('./recorder');
const { SmtpSink } = require('./smtp');
const services = require('./services');

/** Real API hosts → the stand-in that answers them (hostnames starting with "." match by suffix). */
const HOSTS = {
	slack: ['slack.com', 'files.slack.com', 'hooks.slack.com'],
	teams: ['.webhook.office.com', 'outlook.office.com'],
	hubspot: ['api.hubapi.com'],
	salesforce: ['login.salesforce.com', 'test.salesforce.com', '.my.salesforce.com'],
	pipedrive: ['api.pipedrive.com', '.pipedrive.com'],
	x: ['api.x.com', 'api.twitter.com', 'upload.twitter.com'],
	linkedin: ['api.linkedin.com'],
	bluesky: ['bsky.social'],
	mastodon: ['mastodon.social'],
	openai: ['api.openai.com'],
	sources: ['www.reddit.com', 'oauth.reddit.com', 'hn.algolia.com', 'www.google.com'],
};

/**
 * The mention sources (Reddit public, Hacker News, Google Alerts feeds…) as one recording
 * stand-in. `handler` defaults to 404; set it with `sources.serveReplay(replay, opts)`.
 */
function sourcesStandin() {
	const s = new RecordingServer('sources', () => undefined);
	/**
	 * Serve a test/helpers/replayApis ReplayApis instance.
	 * opts.now()      the replay clock (default: everything generated is visible)
	 * opts.fail       { reddit|hackernews|rss: { status, headers?, body? } | (req) => answer | undefined }
	 *                 e.g. { reddit: { status: 429, headers: { 'retry-after': '600' } } }
	 */
	s.serveReplay = (replay, opts = {}) => {
		const kindOf = (p) => (p.endsWith('/api/v1/search_by_date') ? 'hackernews' : p.includes('/alerts/feeds/') ? 'rss' : /\/search(\.json)?$/.test(p) ? 'reddit' : null);
		s.handler = (req) => {
			const kind = kindOf(req.path);
			const fail = kind && opts.fail && opts.fail[kind];
			const failure = typeof fail === 'function' ? fail(req) : fail;
			if (failure) return { status: failure.status, headers: failure.headers, json: failure.json, body: failure.body ?? (failure.json ? undefined : '{"message":"Too Many Requests","error":429}') };
			const now = opts.now ? opts.now() : replay.pollTime(replay.polls);
			const r = replay.handle({ path: req.path, query: req.query }, now);
			return { status: r.status, headers: r.headers, body: r.body };
		};
	};
	s.kindOf = (r) => (r.path.endsWith('/api/v1/search_by_date') ? 'hackernews' : r.path.includes('/alerts/feeds/') ? 'rss' : /\/search(\.json)?$/.test(r.path) ? 'reddit' : 'other');
	return s;
}

/**
 * Starts every stand-in, the SMTP sink and the intercepting proxy.
 * @param {object} o
 * @param {string} o.dir       scratch directory for the throwaway CA
 * @param {object} [o.crm]     { hubspotContacts, salesforceContacts, pipedrivePersons }
 * @param {Array}  [o.openaiScript] see services.openai
 */
async function startStandins(o) {
	const si = {
		slack: services.slack(),
		teams: services.teams(),
		hubspot: services.hubspot({ contacts: o.crm?.hubspotContacts }),
		salesforce: services.salesforce({ contacts: o.crm?.salesforceContacts }),
		pipedrive: services.pipedrive({ persons: o.crm?.pipedrivePersons }),
		x: services.x(),
		linkedin: services.linkedin(),
		bluesky: services.bluesky(),
		mastodon: services.mastodon(),
		openai: services.openai({ script: o.openaiScript }),
		sources: sourcesStandin(),
	};
	const http = Object.entries(si);
	await Promise.all(http.map(([, s]) => s.start()));
	si.smtp = await new SmtpSink().start();
	si.ca = new ThrowawayCa(path.join(o.dir, 'ca'));
	const routes = {};
	for (const [name, hosts] of Object.entries(HOSTS)) for (const h of hosts) routes[h] = si[name].port;
	si.proxy = await new InterceptingProxy(si.ca, routes).start();
	/** Environment for the n8n process (see proxy.env()). */
	si.env = () => si.proxy.env();
	/** Every recorded HTTP request of every stand-in, in arrival order. */
	si.allRequests = () => http.flatMap(([, s]) => s.requests).sort((a, b) => (a.at < b.at ? -1 : 1));
	si.reset = () => {
		for (const [, s] of http) s.reset();
		si.smtp.reset();
		si.proxy.log = [];
		si.proxy.refused = [];
	};
	si.stop = async () => {
		await Promise.all([...http.map(([, s]) => s.stop()), si.smtp.stop(), si.proxy.stop()]);
	};
	return si;
}

module.exports = { startStandins, HOSTS };
