'use strict';
/**
 * A fake n8n context for the Mentions node and trigger, answering HTTP calls from
 * replayed fixtures. Records every request: credential type (null = plain httpRequest),
 * URL, query, headers and the n8n request options. Credentials are returned by
 * getCredentials by type; `respond` gets `{credentialType, url, qs, options}` and
 * returns `{status, headers, body}` (body object or text) or an Error to throw.
 */
function mentionsContext({ params, respond, credentials = {}, mode = 'trigger', staticData = {}, items = [{ json: {} }] }) {
	const calls = [];
	const transport = async (credentialType, options) => {
		calls.push({ credentialType, url: options.url, qs: options.qs || {}, headers: options.headers || {}, options });
		const r = await respond({ credentialType, url: options.url, qs: options.qs || {}, options });
		if (r instanceof Error) throw r;
		const body = r.body === undefined || typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
		return { statusCode: r.status ?? 200, headers: r.headers ?? {}, body };
	};
	const get = (name, fallback) => {
		if (Object.prototype.hasOwnProperty.call(params, name)) return params[name];
		if (fallback !== undefined) return fallback;
		throw new Error(`Could not get parameter "${name}"`);
	};
	const credentialReads = [];
	const ctx = {
		getNode: () => ({ id: 'n1', name: 'Mentions', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} }),
		getMode: () => mode,
		getWorkflowStaticData: () => staticData,
		getInputData: () => items,
		continueOnFail: () => false,
		getNodeParameter: (name, a, b) =>
			typeof a === 'number' && b !== undefined ? get(name, b) : typeof a === 'number' ? get(name) : get(name, a),
		getCredentials: async (type) => {
			credentialReads.push(type);
			if (!credentials[type]) throw new Error(`Node does not have credentials "${type}"`);
			return credentials[type];
		},
		logger: { warn() {}, info() {}, debug() {}, error() {} },
		helpers: {
			httpRequest: (o) => transport(null, o),
			httpRequestWithAuthentication: (type, o) => transport(type, o),
		},
	};
	return { ctx, calls, credentialReads };
}

/** A fixture stored as `{status, headers, body}` or a bare body (200). */
function asAnswer(fixture) {
	return fixture && typeof fixture === 'object' && typeof fixture.status === 'number' && 'body' in fixture
		? fixture
		: { status: 200, headers: {}, body: fixture };
}

module.exports = { mentionsContext, asAnswer };
