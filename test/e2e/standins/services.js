'use strict';
/**
 * The outside services n8n's own nodes talk to, answered the way the real APIs answer the calls
 * those nodes make in n8n-nodes-base 2.41.1 (paths read from
 * n8n-nodes-base/dist/nodes/{Slack/V2,Hubspot/V2,Salesforce,Pipedrive/v1,Twitter/V2,LinkedIn}).
 * Every stand-in is a RecordingServer (see recorder.js): `requests`, `calls(path)`, `waitFor()`.
 * Unknown routes answer 404 and stay recorded.
 *
 * Each factory returns the server with a few service-specific helpers; see docs/testing.md.
 */
const { RecordingServer } = require('./recorder');

let counter = 1000;
const nextId = () => ++counter;

function router(routes) {
	return (req) => {
		for (const [method, pattern, fn] of routes) {
			if (method !== '*' && method !== req.method) continue;
			const m = pattern instanceof RegExp ? pattern.exec(req.path) : req.path === pattern ? [req.path] : null;
			if (m) return fn(req, m);
		}
		return undefined;
	};
}

/** Every http(s) URL in a string or a nested JSON value. */
function linksIn(value) {
	const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
	return [...new Set(text.match(/https?:\/\/[^\s"'<>|\\)]+/g) || [])];
}

/** Slack Web API (slack.com/api/*, files.slack.com uploads). */
function slack() {
	const s = new RecordingServer('slack', null);
	const channels = [
		{ id: 'C0CRISIS01', name: 'crisis-alerts', is_channel: true, is_member: true },
		{ id: 'C0COMMS002', name: 'comms-team', is_channel: true, is_member: true },
		{ id: 'C0CELL0001', name: 'crisis-cell', is_channel: true, is_member: true },
	];
	const users = [
		{ id: 'U0APPROVE1', name: 'claire', real_name: 'Claire Approver', profile: { email: 'approver@brand.example' } },
		{ id: 'U0DEPUTY01', name: 'thomas', real_name: 'Thomas Deputy', profile: { email: 'deputy@brand.example' } },
	];
	s.handler = router([
		['POST', '/api/chat.postMessage', (req) => {
			const b = req.body || {};
			const ts = `${Math.floor(Date.now() / 1000)}.${String(nextId()).padStart(6, '0')}`;
			return { json: { ok: true, channel: b.channel, ts, message: { type: 'message', text: b.text, blocks: typeof b.blocks === 'string' ? JSON.parse(b.blocks) : b.blocks, ts, bot_id: 'B0STANDIN' } } };
		}],
		['POST', '/api/chat.update', (req) => ({ json: { ok: true, channel: req.body?.channel, ts: req.body?.ts, text: req.body?.text } })],
		['*', '/api/auth.test', () => ({ json: { ok: true, url: 'https://brand.slack.com/', team: 'Brand', user: 'crisis-kit', team_id: 'T0STANDIN', user_id: 'U0BOT00001' } })],
		['*', '/api/conversations.list', () => ({ json: { ok: true, channels, response_metadata: { next_cursor: '' } } })],
		['*', '/api/conversations.open', () => ({ json: { ok: true, channel: { id: 'D0DIRECT01' } } })],
		['*', '/api/users.list', () => ({ json: { ok: true, members: users, response_metadata: { next_cursor: '' } } })],
		['*', '/api/users.lookupByEmail', (req) => {
			const email = req.query.email || req.body?.email;
			const user = users.find((u) => u.profile.email === email);
			return { json: user ? { ok: true, user } : { ok: false, error: 'users_not_found' } };
		}],
		['*', '/api/files.getUploadURLExternal', () => {
			const id = `F0${nextId()}`;
			return { json: { ok: true, upload_url: `https://files.slack.com/upload/v1/${id}`, file_id: id } };
		}],
		['POST', /^\/upload\/v1\/(\w+)$/, () => ({ body: 'OK - 0', headers: { 'content-type': 'text/plain' } })],
		['POST', '/api/files.completeUploadExternal', (req) => {
			// Like Slack: channel_id takes a channel ID only (a name is refused, unlike chat.postMessage).
			const channelId = req.body?.channel_id;
			if (channelId !== undefined && !/^[CGDZ][A-Z0-9]{8,}$/.test(String(channelId))) {
				return { json: { ok: false, error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] input must match regex pattern: ^[CGDZ][A-Z0-9]{8,}$ [json-pointer:/channel_id]'] } } };
			}
			const files = typeof req.body?.files === 'string' ? JSON.parse(req.body.files) : req.body?.files || [];
			return { json: { ok: true, files: files.map((f) => ({ id: f.id, title: f.title, channels: channelId ? [channelId] : [] })) } };
		}],
		['POST', '/api/files.upload', () => ({ json: { ok: true, file: { id: `F0${nextId()}` } } })],
	]);
	/** Messages posted with chat.postMessage: [{ channel, text, blocks, links, body }]. */
	s.messages = () =>
		s.calls('/api/chat.postMessage', 'POST').map((r) => {
			const b = r.body || {};
			const blocks = typeof b.blocks === 'string' ? JSON.parse(b.blocks) : b.blocks;
			return { channel: b.channel, text: b.text, blocks, links: linksIn([b.text, blocks, b.attachments]), body: b, request: r };
		});
	/**
	 * Files uploaded with the v2 flow (files.getUploadURLExternal → POST to the upload URL →
	 * files.completeUploadExternal): [{ id, filename, length, contentType, content, channelId, title, initialComment }].
	 */
	s.uploads = () =>
		s.calls('/api/files.completeUploadExternal', 'POST').flatMap((done) => {
			const files = typeof done.body?.files === 'string' ? JSON.parse(done.body.files) : done.body?.files || [];
			return files.map((f) => {
				const asked = s.requests.find((r) => r.path === '/api/files.getUploadURLExternal' && s.fileIdOf(r) === f.id);
				const sent = s.requests.find((r) => r.method === 'POST' && r.path === `/upload/v1/${f.id}`);
				const part = sent ? multipartFiles(sent.rawBody, sent.headers['content-type'])[0] : undefined;
				return { id: f.id, title: f.title, channelId: done.body.channel_id, initialComment: done.body.initial_comment, filename: asked?.query.filename, length: asked ? Number(asked.query.length) : undefined, contentType: part?.contentType, partFilename: part?.filename, content: part?.content };
			});
		});
	// The file id the stand-in answered a getUploadURLExternal request with (ids are handed out in order).
	const issued = new Map();
	const answer = s.handler;
	s.handler = (req) => {
		const a = answer(req);
		if (req.path === '/api/files.getUploadURLExternal' && a?.json?.file_id) issued.set(req, a.json.file_id);
		return a;
	};
	s.fileIdOf = (req) => issued.get(req);
	return s;
}

/** The file parts of a multipart/form-data body (as text): [{ name, filename, contentType, content }]. */
function multipartFiles(raw, contentType) {
	const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType || '');
	if (!boundary) return [];
	const parts = String(raw).split(`--${boundary[1] || boundary[2]}`).slice(1, -1);
	return parts
		.map((p) => {
			const sep = p.indexOf('\r\n\r\n');
			const head = p.slice(0, sep);
			const disposition = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] || '';
			return {
				name: /\bname="([^"]*)"/i.exec(disposition)?.[1],
				filename: /filename="([^"]*)"/i.exec(disposition)?.[1],
				contentType: /content-type:\s*([^\r\n]*)/i.exec(head)?.[1]?.trim(),
				content: p.slice(sep + 4).replace(/\r\n$/, ''),
			};
		})
		.filter((p) => p.filename !== undefined);
}

/** Microsoft Teams incoming webhook (any path): answers "1" like the classic connector. */
function teams() {
	const s = new RecordingServer('teams', (req) => (req.method === 'POST' ? { body: '1', headers: { 'content-type': 'text/plain' } } : undefined));
	/** A webhook URL the HTTP Request node can post to. */
	s.webhookUrl = (name = 'crisis-alerts') => `${s.url}/webhookb2/${name}/IncomingWebhook/standin`;
	s.messages = () => s.find((r) => r.method === 'POST').map((r) => ({ card: r.body, links: linksIn(r.body), request: r }));
	return s;
}

function eqFilterMatches(record, filterGroups) {
	if (!filterGroups || !filterGroups.length) return true;
	return filterGroups.some((g) => (g.filters || []).every((f) => String(record.properties[f.propertyName] ?? '').toLowerCase() === String(f.value ?? '').toLowerCase()));
}

/** HubSpot (api.hubapi.com). `contacts` is the CRM the search answers from. */
function hubspot({ contacts = [] } = {}) {
	const s = new RecordingServer('hubspot', null);
	s.contacts = contacts;
	s.tickets = [];
	s.engagements = [];
	s.handler = router([
		['POST', '/crm-objects/v1/objects/tickets', (req) => {
			const props = Object.fromEntries((Array.isArray(req.body) ? req.body : []).map((p) => [p.name, { value: p.value, timestamp: Date.now(), source: 'API' }]));
			const ticket = { objectType: 'TICKET', portalId: 1234567, objectId: nextId(), properties: props, isDeleted: false };
			s.tickets.push(ticket);
			return { json: ticket };
		}],
		['GET', /^\/crm-objects\/v1\/objects\/tickets\/(\d+)$/, (req, m) => {
			const t = s.tickets.find((x) => String(x.objectId) === m[1]);
			return t ? { json: t } : { status: 404, json: { status: 'error', message: 'not found' } };
		}],
		['POST', '/crm/v3/objects/contacts/search', (req) => {
			const found = s.contacts.filter((c) => eqFilterMatches(c, req.body?.filterGroups));
			return { json: { total: found.length, results: found.map((c) => ({ id: String(c.id), properties: c.properties, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', archived: false })) } };
		}],
		['GET', /^\/contacts\/v1\/contact\/email\/([^/]+)\/profile$/, (req, m) => {
			const email = decodeURIComponent(m[1]);
			const c = s.contacts.find((x) => x.properties.email === email);
			return c ? { json: { vid: Number(c.id), properties: Object.fromEntries(Object.entries(c.properties).map(([k, v]) => [k, { value: v }])) } } : { status: 404, json: { status: 'error', message: 'contact does not exist' } };
		}],
		['POST', '/engagements/v1/engagements', (req) => {
			const e = { engagement: { id: nextId(), type: req.body?.engagement?.type, createdAt: Date.now() }, associations: req.body?.associations || {}, metadata: req.body?.metadata || {} };
			s.engagements.push(e);
			return { json: e };
		}],
		['POST', /^\/crm\/v3\/objects\/(tasks|notes|tickets)$/, (req, m) => ({ status: 201, json: { id: String(nextId()), properties: req.body?.properties || {}, objectType: m[1], createdAt: new Date().toISOString() } })],
		['GET', /^\/crm\/v3\/owners\/?$/, () => ({ json: { results: [{ id: '9001', email: 'owner@brand.example', firstName: 'Account', lastName: 'Owner' }] } })],
	]);
	return s;
}

/** Salesforce REST (instance URL; also login.salesforce.com for the OAuth token). */
function salesforce({ contacts = [] } = {}) {
	const s = new RecordingServer('salesforce', null);
	s.contacts = contacts;
	s.created = [];
	s.handler = router([
		['POST', '/services/oauth2/token', () => ({ json: { access_token: 'sf-standin-token', instance_url: s.url, token_type: 'Bearer', issued_at: String(Date.now()), id: `${s.url}/id/00D/005` } })],
		['POST', /^\/services\/data\/v[\d.]+\/sobjects\/(\w+)\/?$/, (req, m) => {
			const id = `${/^case$/i.test(m[1]) ? '500' : /^task$/i.test(m[1]) ? '00T' : '0XX'}${String(nextId()).padStart(15, '0')}`;
			s.created.push({ sobject: m[1], id, fields: req.body });
			return { status: 201, json: { id, success: true, errors: [] } };
		}],
		['GET', /^\/services\/data\/v[\d.]+\/query\/?$/, (req) => {
			const q = req.query.q || '';
			const emails = [...q.matchAll(/'([^']+@[^']+)'/g)].map((x) => x[1].toLowerCase());
			const records = s.contacts.filter((c) => !emails.length || emails.includes(String(c.Email || '').toLowerCase()));
			return { json: { totalSize: records.length, done: true, records: records.map((r) => ({ attributes: { type: 'Contact' }, ...r })) } };
		}],
		['GET', /^\/services\/data\/v[\d.]+\/sobjects\/(\w+)\/(\w+)$/, (req, m) => {
			const c = s.created.find((x) => x.id === m[2]);
			return c ? { json: { Id: c.id, ...c.fields } } : { status: 404, json: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] };
		}],
	]);
	return s;
}

/** Pipedrive (api.pipedrive.com/v1, /api/v2). */
function pipedrive({ persons = [] } = {}) {
	const s = new RecordingServer('pipedrive', null);
	s.persons = persons;
	s.created = [];
	const create = (kind) => (req) => {
		const data = { id: nextId(), ...(req.body || {}), add_time: new Date().toISOString().replace('T', ' ').slice(0, 19) };
		s.created.push({ kind, data });
		return { status: 201, json: { success: true, data } };
	};
	s.handler = router([
		['POST', /^\/(v1|api\/v2)\/activities$/, create('activity')],
		['POST', /^\/(v1|api\/v2)\/notes$/, create('note')],
		['GET', /^\/(v1|api\/v2)\/persons\/search$/, (req) => {
			const term = String(req.query.term || '').toLowerCase();
			const items = s.persons
				.filter((p) => [p.name, ...(p.emails || []), ...(p.handles || [])].some((v) => String(v).toLowerCase() === term || (req.query.exact_match !== 'true' && String(v).toLowerCase().includes(term))))
				.map((p) => ({ result_score: 1, item: { id: p.id, type: 'person', name: p.name, emails: p.emails || [], owner: { id: p.ownerId ?? 1 } } }));
			return { json: { success: true, data: { items }, additional_data: { pagination: { more_items_in_collection: false } } } };
		}],
		['GET', /^\/(v1|api\/v2)\/persons\/(\d+)$/, (req, m) => {
			const p = s.persons.find((x) => String(x.id) === m[2]);
			return p ? { json: { success: true, data: { id: p.id, name: p.name, owner_id: { id: p.ownerId ?? 1 } } } } : { status: 404, json: { success: false, error: 'Person not found' } };
		}],
		// Pipedrive node v2 reads the custom fields before a create (no custom fields here).
		['GET', /^\/(v1|api\/v2)\/(activity|deal|person|organization|product)Fields$/, () => ({ json: { success: true, data: [], additional_data: { next_cursor: null } } })],
		['GET', /^\/v1\/users\/me$/, () => ({ json: { success: true, data: { id: 1, name: 'Crisis Kit', email: 'owner@brand.example' } } })],
	]);
	return s;
}

/** X API v2 (api.x.com, api.twitter.com). */
function x() {
	const s = new RecordingServer('x', null);
	s.handler = router([
		['POST', '/2/tweets', (req) => ({ status: 201, json: { data: { id: String(1900000000000000000n + BigInt(nextId())), text: req.body?.text, edit_history_tweet_ids: [] } } })],
		['GET', '/2/users/me', () => ({ json: { data: { id: '1500000000000000001', name: 'Brand', username: 'brand' } } })],
		['POST', '/2/oauth2/token', () => ({ json: { token_type: 'bearer', access_token: 'x-standin-token', refresh_token: 'x-standin-refresh', expires_in: 7200, scope: 'tweet.read tweet.write users.read offline.access' } })],
	]);
	s.posts = () => s.calls('/2/tweets', 'POST').map((r) => r.body);
	return s;
}

/** LinkedIn (api.linkedin.com): posts, the member id. */
function linkedin() {
	const s = new RecordingServer('linkedin', null);
	s.handler = router([
		['POST', /^\/(rest\/posts|v2\/ugcPosts|v2\/posts)$/, () => {
			const urn = `urn:li:share:${nextId()}`;
			return { status: 201, headers: { 'x-restli-id': urn, 'x-linkedin-id': urn }, json: { id: urn } };
		}],
		['GET', '/v2/userinfo', () => ({ json: { sub: 'standin-member', name: 'Brand Comms', email: 'comms@brand.example' } })],
		['GET', '/v2/me', () => ({ json: { id: 'standin-member', localizedFirstName: 'Brand', localizedLastName: 'Comms' } })],
	]);
	s.posts = () => s.find((r) => r.method === 'POST').map((r) => r.body);
	return s;
}

/** Bluesky PDS (bsky.social): session and createRecord. */
function bluesky() {
	const s = new RecordingServer('bluesky', null);
	s.handler = router([
		['POST', '/xrpc/com.atproto.server.createSession', (req) => ({ json: { did: 'did:plc:standinbrand', handle: req.body?.identifier || 'brand.bsky.social', accessJwt: 'bsky-standin-access', refreshJwt: 'bsky-standin-refresh', active: true } })],
		['POST', '/xrpc/com.atproto.repo.createRecord', () => {
			const rkey = `3l${nextId()}`;
			return { json: { uri: `at://did:plc:standinbrand/app.bsky.feed.post/${rkey}`, cid: `bafyrei${rkey}` } };
		}],
	]);
	s.posts = () => s.calls('/xrpc/com.atproto.repo.createRecord', 'POST').map((r) => r.body);
	return s;
}

/** Mastodon (any instance): statuses. */
function mastodon() {
	const s = new RecordingServer('mastodon', null);
	s.handler = router([
		['POST', '/api/v1/statuses', (req) => {
			const id = String(113000000000000000n + BigInt(nextId()));
			return { json: { id, url: `https://mastodon.social/@brand/${id}`, content: `<p>${req.body?.status ?? ''}</p>`, created_at: new Date().toISOString(), visibility: req.body?.visibility || 'public' } };
		}],
		['GET', '/api/v1/accounts/verify_credentials', () => ({ json: { id: '1', username: 'brand', acct: 'brand' } })],
	]);
	s.posts = () => s.calls('/api/v1/statuses', 'POST').map((r) => r.body);
	return s;
}

/**
 * OpenAI-compatible chat completions, scripted per test. `script` is a list of steps; the step
 * used for a request is the number of assistant turns already in its `messages` (stateless, so one
 * conversation = one pass through the script). A step is
 *   { tool: /regex|name/, arguments: object | (body) => object }  → one tool call to the first
 *       offered tool (body.tools[].function.name) matching `tool`; 400 if none matches
 *   { content: string | (body) => string }                           → the final answer
 * Streaming requests (stream: true) get the same turn as server-sent events.
 */
function openai({ script } = {}) {
	const s = new RecordingServer('openai', null);
	s.script = script || [
		{ tool: /score|assess/i, arguments: {} },
		{ tool: /playbook|plan/i, arguments: {} },
		{ content: (body) => `Answer based on the tools: ${toolResults(body).join(' | ').slice(0, 2000)}` },
	];
	const toolResults = (body) => (body.messages || []).filter((m) => m.role === 'tool').map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)));
	const reply = (req) => {
		const body = req.body || {};
		const turn = (body.messages || []).filter((m) => m.role === 'assistant').length;
		const step = s.script[Math.min(turn, s.script.length - 1)];
		const model = body.model || 'gpt-4o-mini';
		const base = { id: `chatcmpl-standin-${nextId()}`, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model };
		let message;
		let finish;
		if (step.tool) {
			const offered = (body.tools || []).map((t) => t.function?.name || t.name).filter(Boolean);
			const name = offered.find((n) => (step.tool instanceof RegExp ? step.tool.test(n) : n === step.tool));
			if (!name) return { status: 400, json: { error: { message: `stand-in script step ${turn} wants a tool matching ${step.tool}; offered: ${offered.join(', ') || 'none'}`, type: 'invalid_request_error' } } };
			const args = typeof step.arguments === 'function' ? step.arguments(body) : step.arguments || {};
			message = { role: 'assistant', content: null, tool_calls: [{ id: `call_standin_${turn}`, type: 'function', function: { name, arguments: JSON.stringify(args) } }] };
			finish = 'tool_calls';
		} else {
			message = { role: 'assistant', content: typeof step.content === 'function' ? step.content(body) : step.content };
			finish = 'stop';
		}
		const usage = { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 };
		if (!body.stream) return { json: { ...base, choices: [{ index: 0, message, finish_reason: finish, logprobs: null }], usage } };
		const chunk = (delta, finish_reason = null) => `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason }] })}\n\n`;
		const delta = message.tool_calls
			? { role: 'assistant', content: null, tool_calls: message.tool_calls.map((c, index) => ({ index, ...c })) }
			: { role: 'assistant', content: message.content };
		const events = chunk(delta) + chunk({}, finish) + `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [], usage })}\n\n` + 'data: [DONE]\n\n';
		return { headers: { 'content-type': 'text/event-stream' }, body: events };
	};
	s.handler = router([
		['POST', /^(\/v1)?\/chat\/completions$/, reply],
		['GET', /^(\/v1)?\/models$/, () => ({ json: { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', owned_by: 'stand-in' }] } })],
	]);
	/** The recorded chat-completion requests, in order. */
	s.completions = () => s.calls(/^(\/v1)?\/chat\/completions$/, 'POST').map((r) => r.body);
	/** The base URL to put in n8n's OpenAI credential ("Base URL"). */
	s.baseUrl = () => `${s.url}/v1`;
	return s;
}

module.exports = { slack, teams, hubspot, salesforce, pipedrive, x, linkedin, bluesky, mastodon, openai, linksIn, multipartFiles };
