// JavaScript on purpose: reads recorded fixtures with fs and spies on console (strict lint forbids both in .ts tests).
/**
 * Secrets never leak: every credential in credentials/ holds recognisable canary values
 * ("CANARY…"), applied to the requests the way n8n applies them (each credential's
 * `authenticate` block, Bearer for OAuth2). Every node runs through its success path and its
 * failure paths — APIs answering 401/403/429/500 with bodies that ECHO the request's headers and
 * query (the worst case: a proxy page or an API quoting the token), and network errors whose
 * messages carry the URL with its query — with and without Continue On Fail. The canaries must
 * not appear in output items, thrown errors (message, description, serialised form), n8n's log
 * or the console. A positive control checks that the canaries did reach the fake APIs.
 */
const fs = require('fs');
const path = require('path');
const { NodeApiError } = require('n8n-workflow');
const { Mentions } = require('../../../nodes/Mentions/Mentions.node');
const { MentionsTrigger } = require('../../../nodes/Mentions/MentionsTrigger.node');
const { CrisisPlaybook } = require('../../../nodes/CrisisPlaybook/CrisisPlaybook.node');
const { CrisisScore } = require('../../../nodes/CrisisScore/CrisisScore.node');
const { CrisisReport } = require('../../../nodes/CrisisReport/CrisisReport.node');
const { getSample } = require('../../../core/samples/sampleCatalog');

const ROOT = path.join(__dirname, '..', '..', '..');
const FIX = path.join(ROOT, 'test', 'fixtures');
const read = (p) => fs.readFileSync(path.join(FIX, p), 'utf8');

const C = (name) => `CANARY${name}Zq7Wm`;
const CREDENTIALS = {
	xApi: { baseUrl: 'https://api.x.com', bearerToken: C('XBearer') },
	youTubeApi: { baseUrl: 'https://www.googleapis.com/youtube/v3', apiKey: C('YouTubeKey') },
	blueskyApi: { baseUrl: 'https://bsky.social', identifier: C('BskyHandle'), appPassword: C('BskyAppPassword'), accessJwt: C('BskyAccessJwt'), refreshJwt: C('BskyRefreshJwt') },
	mastodonApi: { baseUrl: 'https://fosstodon.org', accessToken: C('MastodonToken') },
	redditOAuth2Api: { baseUrl: 'https://oauth.reddit.com', clientId: C('RedditClientId'), clientSecret: C('RedditClientSecret'), oauthTokenData: { access_token: C('RedditAccess'), refresh_token: C('RedditRefresh') } },
	hootsuiteOAuth2Api: { clientId: C('HootClientId'), clientSecret: C('HootClientSecret'), oauthTokenData: { access_token: C('HootAccess'), refresh_token: C('HootRefresh') } },
	crisisKitN8nApi: { baseUrl: 'http://n8n.test:5678', apiKey: C('N8nApiKey') },
	crisisKitWebhookApi: { headerName: 'X-Scheduler-Token', headerValue: C('WebhookHeader'), testUrl: 'https://scheduler.test/ping' },
};
const OAUTH2 = new Set(['redditOAuth2Api', 'hootsuiteOAuth2Api']);

// Each credential's authenticate block, read from the credential classes themselves.
const AUTH = {};
for (const f of fs.readdirSync(path.join(ROOT, 'credentials')).filter((x) => x.endsWith('.credentials.ts'))) {
	const mod = require(path.join(ROOT, 'credentials', f));
	for (const Cls of Object.values(mod)) {
		if (typeof Cls !== 'function' || !/^class\b/.test(Function.prototype.toString.call(Cls))) continue;
		const c = new Cls();
		if (c.name) AUTH[c.name] = c.authenticate || null;
	}
}
const resolve = (template, cred) =>
	String(template)
		.replace(/^=/, '')
		.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, k) => String(cred[k] ?? ''));

function authenticate(type, options) {
	const cred = CREDENTIALS[type];
	if (!cred) throw new Error(`no canary credential for ${type}`);
	const out = { ...options, headers: { ...(options.headers || {}) }, qs: { ...(options.qs || {}) } };
	if (OAUTH2.has(type)) {
		out.headers.Authorization = `Bearer ${cred.oauthTokenData.access_token}`;
		return out;
	}
	const a = AUTH[type];
	if (!a || a.type !== 'generic') throw new Error(`credential ${type} has no generic authenticate block`);
	for (const [k, v] of Object.entries(a.properties.headers || {})) out.headers[resolve(k, cred)] = resolve(v, cred);
	for (const [k, v] of Object.entries(a.properties.qs || {})) out.qs[resolve(k, cred)] = resolve(v, cred);
	return out;
}

/** The request as a string with everything sent: what an echoing API quotes back. */
const requestText = (o) => `${o.method || 'GET'} ${o.url}?${new URLSearchParams(Object.entries(o.qs || {}).map(([k, v]) => [k, String(v)])).toString()} headers=${JSON.stringify(o.headers || {})}`;

function axiosLike(message, options, response, code) {
	const e = new Error(message);
	e.name = 'AxiosError';
	e.isAxiosError = true;
	if (code) e.code = code;
	e.config = { url: options.url, method: options.method || 'GET', headers: options.headers, params: options.qs };
	if (response) e.response = response;
	return e;
}

// Success answers, by URL.
const OK = [
	[/reddit\.com\/.*comments/, () => read('reddit/search.emptyPage.json')],
	[/reddit\.com/, () => read('reddit/search.page1.json')],
	[/hn\.algolia\.com/, () => read('hackernews/searchByDate.page1.json')],
	[/timelines\/tag|api\/v2\/search|statuses\/\w+\/context/, () => read('mastodon/timelinesTag.page1.json')],
	[/searchPosts/, () => read('bluesky/searchPosts.page1.json')],
	[/getPostThread/, () => read('bluesky/getPostThread.thread.json')],
	[/api\.x\.com/, () => read('x/searchRecent.page1.json')],
	[/googleapis\.com/, () => read('youtube/search.page1.json')],
	[/itunes\.apple\.com/, () => read('appstore/customerReviews.page1.json')],
	[/google\.com\/alerts/, () => read('rss/googleAlerts.page1.xml')],
	[/n8n\.test.*\/workflows$/, () => JSON.stringify({ data: [{ id: 'wfA', name: 'Scheduled posts', active: true, activeVersionId: 'v1', versionId: 'v1', tags: [{ name: 'crisis-kit-publishing' }] }], nextCursor: null })],
	[/n8n\.test/, () => JSON.stringify({ id: 'wfA', name: 'Scheduled posts', active: false, activeVersionId: 'v1', versionId: 'v1', tags: [{ name: 'crisis-kit-publishing' }] })],
	[/hootsuite\.com\/v1\/messages\?/, () => read('hootsuite/messages.list.empty.json')],
	[/hootsuite\.com/, () => read('hootsuite/messages.delete.ok.json')],
	[/scheduler\.test/, () => JSON.stringify({ ok: true })],
];

function makeContext({ params, mode = 'trigger', continueOnFail = false, failure, items = [{ json: {} }], staticData = {} }) {
	const log = [];
	const sent = [];
	const node = { id: 'n1', name: 'Node Under Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
	const send = async (type, options) => {
		const o = type ? authenticate(type, options) : { ...options };
		sent.push(requestText(o));
		if (failure === 'network') {
			throw new NodeApiError(node, axiosLike(`connect ECONNREFUSED while requesting ${requestText(o)}`, o, null, 'ECONNREFUSED'));
		}
		let status = 200;
		let body;
		let headers = { 'content-type': 'application/json' };
		if (failure) {
			status = Number(failure.replace('echo', ''));
			const quote = `request refused: ${requestText(o)}`;
			body = status >= 500 ? `<html><body><h1>${status}</h1><pre>${quote}</pre></body></html>` : JSON.stringify({ message: quote, error: { message: quote }, errors: [{ code: status, message: quote }], detail: quote });
			if (status >= 500) headers = { 'content-type': 'text/html' };
			if (status === 429) headers['retry-after'] = '3600';
		} else {
			const route = OK.find(([re]) => re.test(o.url));
			if (!route) throw new Error(`no success route for ${o.url}`);
			body = route[1]();
		}
		if (status >= 400 && !o.ignoreHttpStatusErrors) {
			let data = body;
			try {
				data = JSON.parse(body);
			} catch {
				/* html */
			}
			throw new NodeApiError(node, axiosLike(`Request failed with status code ${status}`, o, { status, data, headers }));
		}
		const parsed = o.json && typeof body === 'string' ? JSON.parse(body) : body;
		return o.returnFullResponse ? { statusCode: status, headers, body: parsed } : parsed;
	};
	const get = (name, fallback) => {
		if (Object.prototype.hasOwnProperty.call(params, name)) return params[name];
		if (fallback !== undefined) return fallback;
		throw new Error(`Could not get parameter "${name}"`);
	};
	const ctx = {
		getNode: () => node,
		getMode: () => mode,
		getWorkflowStaticData: () => staticData,
		getWorkflow: () => ({ id: 'wf-self', name: 'Self', active: true }),
		getInputData: () => items,
		continueOnFail: () => continueOnFail,
		getNodeParameter: (name, a, b) => (typeof a === 'number' ? get(name, b) : get(name, a)),
		getCredentials: async (type) => {
			if (!CREDENTIALS[type]) throw new Error(`Node does not have credentials "${type}"`);
			return JSON.parse(JSON.stringify(CREDENTIALS[type]));
		},
		getTimezone: () => 'UTC',
		logger: Object.fromEntries(['warn', 'info', 'debug', 'error', 'verbose'].map((l) => [l, (...a) => log.push(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '))])),
		helpers: {
			httpRequest: (o) => send(null, o),
			httpRequestWithAuthentication: (type, o) => send(type, o),
			returnJsonArray: (data) => data.map((json) => ({ json })),
			constructExecutionMetaData: (data, meta) => data.map((d) => ({ ...d, pairedItem: meta.itemData })),
		},
	};
	return { ctx, log, sent };
}

const SOURCES_AUTH = ['x', 'youtube', 'bluesky', 'mastodon', 'reddit'];
const SOURCES_ALL = [...SOURCES_AUTH, 'hackernews', 'rss', 'appstore'];
const SOURCE_PARAMS = {
	keywords: 'orvia',
	hashtags: 'orvialeak',
	accounts: '',
	exclusions: '',
	languages: '',
	redditAuthentication: 'oAuth2',
	subreddit: '',
	mastodonAuthentication: 'accessToken',
	mastodonInstance: 'https://fosstodon.org',
	feedUrls: 'https://www.google.com/alerts/feeds/1/2',
	youtubeMode: 'search',
	youtubeVideoIds: '',
	appStoreAppId: '284882215',
	appStoreCountry: 'us',
};
const POLICY = { maxRetries: 0, retryDelayMs: 1, maxWaitSeconds: 0, timeoutSeconds: 1 };
const sample = getSample('orvia-data-leak').mentions.slice(0, 40);

const RUNS = {
	'Mentions › Search (8 sources, 5 with credentials)': {
		node: () => new Mentions(),
		params: { operation: 'search', sources: SOURCES_ALL, ...SOURCE_PARAMS, timeRange: 'custom', from: '2000-01-01T00:00:00Z', to: '', returnAll: false, limit: 30, options: POLICY },
	},
	'Mentions › Get Replies (X)': {
		node: () => new Mentions(),
		params: { operation: 'getReplies', sources: ['x'], postId: 'https://x.com/orvia/status/1897000000000007919', ...SOURCE_PARAMS, returnAll: false, limit: 20, options: POLICY },
	},
	'Mentions › Get Replies (Bluesky)': {
		node: () => new Mentions(),
		params: { operation: 'getReplies', sources: ['bluesky'], postId: 'at://did:plc:abc/app.bsky.feed.post/3kxyz', ...SOURCE_PARAMS, returnAll: false, limit: 20, options: POLICY },
	},
	'Mentions Trigger (8 sources)': {
		node: () => new MentionsTrigger(),
		poll: true,
		params: { sources: SOURCES_ALL, ...SOURCE_PARAMS, options: POLICY },
	},
	'Crisis Playbook › Pause Publishing (n8n API, Hootsuite, webhook with header auth)': {
		node: () => new CrisisPlaybook(),
		params: {
			operation: 'pausePublishing',
			incidentId: 'inc-1',
			targets: ['n8nWorkflows', 'hootsuite', 'webhook'],
			tag: 'crisis-kit-publishing',
			socialProfileIds: '120732387',
			lookAheadDays: 7,
			includePendingApproval: false,
			webhookUrl: 'https://scheduler.test/pause',
			webhookAuthentication: 'headerAuth',
			pauseOptions: { now: '2026-03-05T09:00:00.000Z' },
		},
	},
	'Crisis Score › Score (credentials present, none used)': {
		node: () => new CrisisScore(),
		items: sample.map((m) => ({ json: { ...m } })),
		params: { operation: 'scoreMentions', options: { now: '2026-03-08T00:00:00Z' } },
	},
	'Crisis Report (credentials present, none used)': {
		node: () => new CrisisReport(),
		items: sample.map((m) => ({ json: { ...m } })),
		params: { operation: 'generate', title: 'Report', outputs: ['markdown'], options: {} },
	},
};

const FAILURES = [null, 'echo401', 'echo403', 'echo429', 'echo500', 'network'];
const CANARY = /CANARY/;

function errorTexts(error) {
	if (!error) return [];
	const out = [String(error.message), String(error.description ?? ''), JSON.stringify(error.messages ?? []), JSON.stringify(error.context ?? {})];
	try {
		out.push(JSON.stringify(error));
	} catch {
		out.push('[unserialisable]');
	}
	return out;
}

describe('credential canaries never leave a node', () => {
	let consoleLines;
	const spies = [];
	beforeEach(() => {
		consoleLines = [];
		for (const m of ['log', 'warn', 'error', 'info', 'debug']) spies.push(jest.spyOn(console, m).mockImplementation((...a) => consoleLines.push(a.join(' '))));
	});
	afterEach(() => {
		while (spies.length) spies.pop().mockRestore();
	});

	const positive = { echoed: 0 };
	for (const [name, run] of Object.entries(RUNS)) {
		for (const failure of FAILURES) {
			for (const continueOnFail of [false, true]) {
				if (run.poll && continueOnFail) continue; // a trigger has no Continue On Fail
				test(`${name} · ${failure || 'success'}${continueOnFail ? ' · Continue On Fail' : ''}`, async () => {
					const { ctx, log, sent } = makeContext({ params: run.params, continueOnFail, failure, items: run.items });
					let out = null;
					let error = null;
					try {
						out = run.poll ? await run.node().poll.call(ctx) : await run.node().execute.call(ctx);
					} catch (e) {
						error = e;
					}
					const texts = [JSON.stringify(out), ...errorTexts(error), ...log, ...consoleLines];
					const leaked = texts.filter((t) => CANARY.test(t));
					expect(leaked.map((t) => t.slice(Math.max(0, t.search(CANARY) - 200), t.search(CANARY) + 60))).toEqual([]);
					if (failure && sent.some((s) => CANARY.test(s))) positive.echoed++;
					// Something came out: items, or an error that says what happened.
					expect(out !== null || error !== null || run.poll).toBe(true);
					if (error) expect(String(error.message).length).toBeGreaterThan(0);
				});
			}
		}
	}

	test('positive control: the canaries reached the fake APIs and were echoed back', () => {
		expect(positive.echoed).toBeGreaterThan(10);
	});
});
