// JavaScript on purpose: it drives n8n-core's real request helper and reads fixtures with fs.
/**
 * Bluesky app-password session through n8n's own machinery: the node's requests go
 * through n8n-core's real `httpRequestWithAuthentication` (expired-token retry with
 * `preAuthenticationRetryStatusCode`), the credential's `preAuthentication` runs the way
 * n8n's CredentialsHelper runs it (only when the expirable `accessJwt` is empty or the API
 * refused it; the result is stored in the credential). Only the network is replayed: a
 * fake PDS answers createSession / refreshSession / getPostThread / searchPosts from the
 * fixtures, and checks the bearer token of every call.
 *
 * Asserted: an expired access JWT is refreshed with refreshSession (no new login), a
 * failing refresh falls back to createSession, the session is reused by the next
 * execution, and neither the app password nor any JWT reaches node output, static data or
 * error messages.
 */
const fs = require('fs');
const path = require('path');
// n8n-core's own copies of its dependencies (it may ship nested ones): the container it reads.
const fromCore = (id) => require(require.resolve(id, { paths: [path.dirname(require.resolve('n8n-core/package.json'))] }));
const { Container } = fromCore('@n8n/di');
const { OutboundHttp } = fromCore('@n8n/backend-network');
const { httpRequestWithAuthentication } = require('n8n-core/dist/execution-engine/node-execution-context/utils/request-helpers/authentication.js');
const { NodeApiError } = require('n8n-workflow');
const { Mentions } = require('../../../../nodes/Mentions/Mentions.node');
const { MentionsTrigger } = require('../../../../nodes/Mentions/MentionsTrigger.node');
const { BlueskyApi } = require('../../../../credentials/BlueskyApi.credentials');

const FIX = path.join(__dirname, '../../../fixtures');
const load = (p) => JSON.parse(fs.readFileSync(path.join(FIX, p), 'utf8'));
const APP_PASSWORD = 'abcd-efgh-ijkl-mnop';
const OLD_ACCESS = 'eyJ-ACCESS-EXPIRED';
const OLD_REFRESH = 'eyJ-REFRESH-STORED';
const SECRETS = [APP_PASSWORD, OLD_ACCESS, OLD_REFRESH, 'eyJ-ACCESS-REFRESHED', 'eyJ-REFRESH-ROTATED', 'eyJ-ACCESS-NEW-LOGIN', 'eyJ-REFRESH-NEW-LOGIN'];
const ROOT = 'at://did:plc:orviaorviaorvia/app.bsky.feed.post/3morvia0root';

function expectNoSecret(value) {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	for (const s of SECRETS) expect(text).not.toContain(s);
}

/**
 * The PDS: tokens it accepts, what refreshSession/createSession do. Every call is logged
 * as `{xrpc, auth}`. `refresh: 'ok' | 'expired'`, `login: 'ok' | 'refused'`.
 */
function fakePds({ access, refresh = 'ok', login = 'ok' }) {
	const server = { validAccess: access, validRefresh: OLD_REFRESH, log: [] };
	server.handle = (options) => {
		const xrpc = /\/xrpc\/([\w.]+)/.exec(options.url)[1];
		const auth = (options.headers && (options.headers.Authorization || options.headers.authorization)) || null;
		server.log.push({ xrpc, auth });
		if (xrpc === 'com.atproto.server.refreshSession') {
			if (refresh === 'ok' && auth === `Bearer ${server.validRefresh}`) {
				const body = load('bluesky/refreshSession.ok.json');
				server.validAccess = body.accessJwt;
				server.validRefresh = body.refreshJwt;
				return { status: 200, body };
			}
			return load('bluesky/refreshSession.expired.json');
		}
		if (xrpc === 'com.atproto.server.createSession') {
			const body = typeof options.body === 'string' ? JSON.parse(options.body) : options.body;
			if (login === 'ok' && body.identifier === 'orvia.bsky.social' && body.password === APP_PASSWORD) {
				const session = load('bluesky/createSession.ok.json');
				server.validAccess = session.accessJwt;
				server.validRefresh = session.refreshJwt;
				return { status: 200, body: session };
			}
			return login === 'rateLimited' ? load('bluesky/createSession.rateLimited.json') : load('bluesky/createSession.unauthorized.json');
		}
		if (auth !== `Bearer ${server.validAccess}`) return load('bluesky/getPostThread.expiredToken.json');
		if (xrpc === 'app.bsky.feed.getPostThread') return { status: 200, body: load('bluesky/getPostThread.thread.json') };
		if (xrpc === 'app.bsky.feed.searchPosts') return { status: 200, body: load('bluesky/searchPosts.page2.json') };
		return { status: 404, body: { error: 'MethodNotImplemented' } };
	};
	return server;
}

/** What n8n's outbound HTTP does with an answer: full response or body, throw on 4xx/5xx unless told not to. */
function outbound(server) {
	return async (options) => {
		const answer = server.handle(options);
		const status = answer.status;
		const text = JSON.stringify(answer.body);
		const body = options.json ? answer.body : text;
		if (status >= 400 && !options.ignoreHttpStatusErrors) {
			// Like an AxiosError: the request config (with the login body) travels with the error.
			const error = new Error(`Request failed with status code ${status}`);
			error.response = { status, headers: answer.headers || {}, data: answer.body };
			error.config = { url: options.url, data: JSON.stringify(options.body ?? null), headers: options.headers };
			throw error;
		}
		return options.returnFullResponse ? { statusCode: status, headers: answer.headers || {}, body } : body;
	};
}

/**
 * n8n's CredentialsHelper for the blueskyApi type, as packages/cli implements it:
 * preAuthentication runs the credential's method when the expirable property is empty or
 * the token was refused (`expired`), and stores the result (updateCredentials);
 * authenticate applies the generic `authenticate` block.
 */
function credentialsHelper(store) {
	const type = new BlueskyApi();
	return {
		getParentTypes: () => [],
		preAuthentication: async (helpers, credentials, typeName, node, expired) => {
			const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions && p.typeOptions.expirable === true);
			if (!expirable) return undefined;
			if (credentials[expirable.name] === '' || expired) {
				const output = await type.preAuthentication.call(helpers, credentials);
				if (output[expirable.name] === undefined) return undefined;
				store.updates.push(Object.keys(output));
				Object.assign(store.data, output);
				return Object.assign(credentials, output);
			}
			return undefined;
		},
		authenticate: async (credentials, typeName, requestOptions) => {
			const resolve = (v) => String(v).replace(/^=/, '').replace(/\{\{\$credentials\.(\w+)\}\}/g, (_, k) => String(credentials[k] ?? ''));
			const headers = { ...(requestOptions.headers || {}) };
			for (const [k, v] of Object.entries(type.authenticate.properties.headers)) headers[k] = resolve(v);
			return { ...requestOptions, headers };
		},
	};
}

function n8nContext({ server, store, params, mode = 'trigger', staticData = {} }) {
	const node = { id: 'n1', name: 'Mentions', type: 'test', typeVersion: 1, position: [0, 0], parameters: {}, credentials: { blueskyApi: { id: '1', name: 'Bluesky' } } };
	const send = outbound(server);
	Container.set(OutboundHttp, { requests: () => ({ request: send }) });
	const additionalData = { credentialsHelper: credentialsHelper(store) };
	const get = (name, fallback) => {
		if (Object.prototype.hasOwnProperty.call(params, name)) return params[name];
		if (fallback !== undefined) return fallback;
		throw new Error(`Could not get parameter "${name}"`);
	};
	const ctx = {
		getNode: () => node,
		getMode: () => mode,
		getWorkflowStaticData: () => staticData,
		getInputData: () => [{ json: {} }],
		continueOnFail: () => false,
		getNodeParameter: (name, a, b) => (typeof a === 'number' && b !== undefined ? get(name, b) : typeof a === 'number' ? get(name) : get(name, a)),
		// n8n decrypts the stored credential afresh for every execution.
		getCredentials: async () => JSON.parse(JSON.stringify(store.data)),
		logger: { warn() {}, info() {}, debug() {}, error() {} },
	};
	ctx.helpers = {
		httpRequest: (o) => send(o),
		httpRequestWithAuthentication(type, o, extra) {
			return httpRequestWithAuthentication.call(ctx, type, o, {}, node, additionalData, extra);
		},
	};
	return ctx;
}

const storedCredential = (over = {}) => ({
	data: { identifier: 'orvia.bsky.social', appPassword: APP_PASSWORD, baseUrl: 'https://bsky.social/', accessJwt: OLD_ACCESS, refreshJwt: OLD_REFRESH, ...over },
	updates: [],
});
const GET_REPLIES = { operation: 'getReplies', sources: 'bluesky', postId: ROOT, returnAll: true, options: { retryDelayMs: 1, maxRetries: 1, maxWaitSeconds: 0 } };
const xrpcs = (server) => server.log.map((l) => l.xrpc.replace(/^.*\./, ''));

describe('Bluesky session through n8n-core (expirable accessJwt + preAuthentication)', () => {
	test('an expired access JWT is refreshed with refreshSession (bearer = stored refresh JWT), not a new login; the call is resent', async () => {
		const server = fakePds({ access: 'eyJ-SOMETHING-ELSE' });
		const store = storedCredential();
		const [out] = await new Mentions().execute.call(n8nContext({ server, store, params: GET_REPLIES }));
		expect(xrpcs(server)).toEqual(['getPostThread', 'getPostThread', 'refreshSession', 'getPostThread']);
		expect(server.log[2].auth).toBe(`Bearer ${OLD_REFRESH}`);
		expect(server.log[3].auth).toBe('Bearer eyJ-ACCESS-REFRESHED');
		// The refreshed session (with the rotated refresh token) is stored in the credential.
		expect(store.data).toMatchObject({ accessJwt: 'eyJ-ACCESS-REFRESHED', refreshJwt: 'eyJ-REFRESH-ROTATED', appPassword: APP_PASSWORD });
		expect(store.updates).toEqual([['accessJwt', 'refreshJwt']]);
		expect(out.map((o) => o.json.id)).toHaveLength(2);
		expectNoSecret(out);
	});

	test('the stored session is reused by the next executions: no refresh, no createSession', async () => {
		const server = fakePds({ access: 'eyJ-SOMETHING-ELSE' });
		const store = storedCredential();
		await new Mentions().execute.call(n8nContext({ server, store, params: GET_REPLIES }));
		server.log.length = 0;
		for (let run = 0; run < 3; run++) await new Mentions().execute.call(n8nContext({ server, store, params: GET_REPLIES }));
		expect(xrpcs(server)).toEqual(['getPostThread', 'getPostThread', 'getPostThread']);
		expect(store.updates).toHaveLength(1);
	});

	test('a fresh credential (empty accessJwt) logs in once with createSession, then reuses the session', async () => {
		const server = fakePds({ access: 'none-yet' });
		const store = storedCredential({ accessJwt: '', refreshJwt: '' });
		await new Mentions().execute.call(n8nContext({ server, store, params: GET_REPLIES }));
		await new Mentions().execute.call(n8nContext({ server, store, params: GET_REPLIES }));
		expect(xrpcs(server)).toEqual(['createSession', 'getPostThread', 'getPostThread']);
		expect(server.log[1].auth).toBe('Bearer eyJ-ACCESS-NEW-LOGIN');
	});

	test('a failing refresh (revoked refresh JWT) falls back to createSession with the app password', async () => {
		const server = fakePds({ access: 'eyJ-SOMETHING-ELSE', refresh: 'expired' });
		const store = storedCredential();
		const [out] = await new Mentions().execute.call(n8nContext({ server, store, params: GET_REPLIES }));
		expect(xrpcs(server)).toEqual(['getPostThread', 'getPostThread', 'refreshSession', 'createSession', 'getPostThread']);
		expect(store.data).toMatchObject({ accessJwt: 'eyJ-ACCESS-NEW-LOGIN', refreshJwt: 'eyJ-REFRESH-NEW-LOGIN' });
		expect(out).toHaveLength(2);
		expectNoSecret(out);
	});

	test('refresh and login both refused: NodeApiError naming the Bluesky credential; no password or JWT in message, description or output', async () => {
		const server = fakePds({ access: 'eyJ-SOMETHING-ELSE', refresh: 'expired', login: 'refused' });
		const store = storedCredential();
		const error = await new Mentions().execute.call(n8nContext({ server, store, params: GET_REPLIES })).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('bluesky: the session could not be refreshed');
		expect(error.description).toContain('Check the handle and app password');
		expect(error.description).toContain('Bluesky API (handle + app password');
		expectNoSecret(`${error.message} ${error.description} ${JSON.stringify(error.context)} ${error.httpCode}`);
		expect(xrpcs(server)).toEqual(['getPostThread', 'getPostThread', 'refreshSession', 'createSession']);
		// Nothing stored: the old session stays for the next try.
		expect(store.updates).toEqual([]);
	});

	test('trigger: an expired session mid-poll is refreshed; mentions, failure items and static data carry no secret', async () => {
		const server = fakePds({ access: 'eyJ-SOMETHING-ELSE' });
		const store = storedCredential();
		const staticData = {};
		const params = { sources: ['bluesky'], keywords: 'orvia', hashtags: '', accounts: '', exclusions: '', languages: '', options: { retryDelayMs: 1, maxRetries: 1, maxWaitSeconds: 0 } };
		const [items] = await new MentionsTrigger().poll.call(n8nContext({ server, store, params, staticData }));
		expect(xrpcs(server)).toEqual(['searchPosts', 'searchPosts', 'refreshSession', 'searchPosts']);
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((i) => i.json.platform === 'bluesky')).toBe(true);
		expectNoSecret(items);
		expectNoSecret(staticData);

		// Login refused on a later poll: one failure item, cursor untouched, still no secret.
		const broken = fakePds({ access: 'eyJ-OTHER', refresh: 'expired', login: 'rateLimited' });
		const before = JSON.stringify(staticData.sources.bluesky.streams);
		const error = await new MentionsTrigger().poll.call(n8nContext({ server: broken, store, params, staticData })).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toContain('Bluesky API');
		expectNoSecret(`${error.message} ${error.description} ${JSON.stringify(error.context)}`);
		expect(JSON.stringify(staticData.sources.bluesky.streams)).toBe(before);
	});
});
