/**
 * The one transport of every mention source. Authenticated sources go through
 * `httpRequestWithAuthentication` (n8n adds the token, refreshes OAuth2 and Bluesky
 * sessions); public sources (Hacker News, RSS, App Store, Reddit public JSON, Mastodon
 * public timelines) use plain `httpRequest`. Every answer comes back as
 * `{status, headers, body}` (`ignoreHttpStatusErrors`), so the mapper and
 * `describeHttpFailure` see what the API said. The body is kept as text so 64-bit ids
 * survive (`parseBody` preserves them).
 *
 * Trouble policy (issue 3 §5): 5xx, timeouts and network errors are retried with
 * exponential backoff (bounded); a 429 is waited out with n8n's `sleep` when the API's
 * reset comes within `maxWaitMs`, else the source stops for this poll; 401/403 and
 * other 4xx are returned at once as failures naming the credential.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { decodeBody } from '../../../core/sources/charset';
import { describeHttpFailure, type HttpFailure } from '../../../core/sources/httpFailure';
import { credentialSecrets, redactSecrets } from '../../shared/redact';

export type FetchContext = IExecuteFunctions | IPollFunctions;

export interface RequestPolicy {
	/** Retries after a 5xx, timeout or network error (attempts = retries + 1). */
	maxRetries: number;
	/** First backoff delay; doubles on each retry. */
	retryDelayMs: number;
	/** Longest wait for a rate-limit reset before giving up on the source for this poll. */
	maxWaitMs: number;
	/** Per-request timeout (headers and body: the download is aborted when it runs out). */
	timeoutMs: number;
	/** Largest body read, in bytes; the download stops beyond it. Default 5 MB (DEFAULT_MAX_BODY_BYTES). */
	maxBodyBytes?: number;
}

/** Bodies are read up to this size; the download stops beyond it (issue 15). */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

export const DEFAULT_POLICY: RequestPolicy = {
	maxRetries: 2,
	retryDelayMs: 1000,
	maxWaitMs: 30000,
	timeoutMs: 20000,
};

export interface SourceRequest {
	/** Source name for messages (`reddit`, `mastodon:mastodon.social`). */
	source: string;
	/** n8n credential type, or null for a public endpoint. */
	credentialType: string | null;
	method?: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	headers?: IDataObject;
}

export interface HttpOk {
	ok: true;
	status: number;
	headers: Record<string, unknown>;
	body: unknown;
	/** Number of HTTP calls made (retries included). */
	calls: number;
}

export interface HttpNotOk {
	ok: false;
	failure: HttpFailure & { credentialType: string | null; attempts: number };
	calls: number;
}

export type HttpResult = HttpOk | HttpNotOk;

/** Identifies this package to APIs that require a unique User-Agent (Reddit). */
export const USER_AGENT = 'n8n:n8n-nodes-crisis-kit:0.1 (by /u/crisis-kit)';

interface FullResponse {
	statusCode?: number;
	headers?: Record<string, unknown>;
	body?: unknown;
	/** Set when the body went past the cap: bytes read when the download was stopped. */
	tooLarge?: number;
}

interface Destroyable {
	destroy?: (error?: Error) => void;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
	);
}

function concatBytes(chunks: Uint8Array[], total: number): Uint8Array {
	if (chunks.length === 1) return chunks[0];
	const out = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

function headerValue(headers: Record<string, unknown>, name: string): unknown {
	for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
	return undefined;
}

/**
 * Reads the body n8n hands back (a stream with `encoding: 'stream'`; text, bytes or an
 * object from other helpers) up to `maxBytes`, stopping the download beyond it, then
 * decodes bytes by BOM, Content-Type charset, XML declaration (core/sources/charset.ts).
 */
async function readBody(
	body: unknown,
	headers: Record<string, unknown>,
	maxBytes: number,
): Promise<{ body: unknown; tooLarge?: number }> {
	if (body === undefined || body === null) return { body: '' };
	if (typeof body === 'string') return body.length > maxBytes ? { body: '', tooLarge: body.length } : { body };
	let bytes: Uint8Array;
	if (body instanceof Uint8Array) bytes = body;
	else if (body instanceof ArrayBuffer) bytes = new Uint8Array(body);
	else if (isAsyncIterable(body)) {
		const chunks: Uint8Array[] = [];
		let total = 0;
		for await (const chunk of body) {
			const c =
				chunk instanceof Uint8Array ? chunk : new TextEncoder().encode(String(chunk));
			total += c.length;
			if (total > maxBytes) {
				(body as Destroyable).destroy?.();
				return { body: '', tooLarge: total };
			}
			chunks.push(c);
		}
		bytes = concatBytes(chunks, total);
	} else return { body };
	if (bytes.length > maxBytes) return { body: '', tooLarge: bytes.length };
	return { body: decodeBody(bytes, headerValue(headers, 'content-type')).text };
}

function nowIso(): string {
	return new Date().toISOString();
}

function networkMessage(error: unknown): string {
	const e = error as { code?: string; message?: string };
	const code = e?.code ? `${e.code}: ` : '';
	return `${code}${e?.message ?? String(error)}`.slice(0, 200);
}

/** Credentials named in failures: what the user has to open and check. */
const CREDENTIAL_LABEL: Record<string, string> = {
	redditOAuth2Api: 'Reddit OAuth2 API (client id/secret, app approved by Reddit)',
	xApi: 'X API (bearer token of a project app with search access)',
	youTubeApi: 'YouTube API (API key with the YouTube Data API v3 enabled)',
	blueskyApi: 'Bluesky API (handle + app password, service URL)',
	mastodonApi: 'Mastodon API (instance URL + access token with read:statuses / read:search)',
};

export function credentialLabel(credentialType: string | null): string {
	if (!credentialType) return 'no credential (public endpoint)';
	return CREDENTIAL_LABEL[credentialType] ?? credentialType;
}

/**
 * Session credentials (Bluesky) whose expired token comes back as 400/401 with an XRPC
 * error: the request is sent once more through n8n with status errors enabled, so n8n
 * runs the credential's preAuthentication (refreshSession) and stores the new session.
 */
const SESSION_CREDENTIALS = new Set(['blueskyApi']);

function isExpiredSession(req: SourceRequest, status: number, body: unknown): boolean {
	if (!req.credentialType || !SESSION_CREDENTIALS.has(req.credentialType)) return false;
	if (status !== 400 && status !== 401) return false;
	return /ExpiredToken|InvalidToken|AuthMissing|AuthenticationRequired/.test(String(body ?? ''));
}

async function send(
	ctx: FetchContext,
	req: SourceRequest,
	timeoutMs: number,
	maxBodyBytes: number,
	refreshSession = false,
): Promise<FullResponse> {
	const response = await sendRaw(ctx, req, timeoutMs, refreshSession);
	const headers = response.headers ?? {};
	const read = await readBody(response.body, headers, maxBodyBytes);
	return { statusCode: response.statusCode, headers, body: read.body, tooLarge: read.tooLarge };
}

async function sendRaw(
	ctx: FetchContext,
	req: SourceRequest,
	timeoutMs: number,
	refreshSession: boolean,
): Promise<FullResponse> {
	const options: IHttpRequestOptions = {
		method: req.method ?? 'GET',
		url: req.url,
		qs: req.qs,
		headers: { 'User-Agent': USER_AGENT, Accept: 'application/json, application/xml;q=0.9, */*;q=0.8', ...req.headers },
		returnFullResponse: true,
		ignoreHttpStatusErrors: !refreshSession,
		json: false,
		// A stream, so the body is capped while it downloads and decoded by its declared charset.
		encoding: 'stream',
		timeout: timeoutMs,
		// Also bounds the body download (n8n's `timeout` stops at the response headers).
		abortSignal: AbortSignal.timeout(timeoutMs),
		arrayFormat: 'brackets',
	};
	if (req.credentialType) {
		return (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			req.credentialType,
			options,
			refreshSession ? { preAuthenticationRetryStatusCode: [400, 401] } : undefined,
		)) as FullResponse;
	}
	return (await ctx.helpers.httpRequest(options)) as FullResponse;
}

/**
 * Bodies arrive as text (decoded by readBody): a JSON error body is parsed so that
 * describeHttpFailure recognises the API's error object (YouTube `quotaExceeded`, X
 * `UsageCapExceeded`) and quotes its message instead of the first characters of the raw text.
 */
function errorBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	const text = body.trim();
	if (!text.startsWith('{')) return body;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return body;
	}
}

/**
 * A failure as the node reports it: an API (or a proxy page) that echoes the token it was sent
 * must not put it into an error item or n8n's log, so the credential's values are redacted.
 */
async function redactedFailure(ctx: FetchContext, req: SourceRequest, result: HttpNotOk): Promise<HttpNotOk> {
	if (!req.credentialType) return result;
	let secrets: string[] = [];
	try {
		secrets = credentialSecrets(await ctx.getCredentials(req.credentialType));
	} catch {
		return result;
	}
	if (!secrets.length) return result;
	const f = result.failure;
	return { ...result, failure: { ...f, message: redactSecrets(f.message, secrets), hint: redactSecrets(f.hint, secrets) } };
}

/** Sends one source request under the retry / rate-limit policy. Never throws for HTTP trouble. */
export async function sourceRequest(
	ctx: FetchContext,
	req: SourceRequest,
	policy: RequestPolicy = DEFAULT_POLICY,
): Promise<HttpResult> {
	const result = await sourceRequestRaw(ctx, req, policy);
	return result.ok ? result : redactedFailure(ctx, req, result);
}

/** A request that failed before an HTTP answer could be judged (no answer, refused session, oversized body). */
function requestFailure(
	req: SourceRequest,
	calls: number,
	what: { status: number; kind: HttpFailure['kind']; message: string; hint: string },
): HttpNotOk {
	return {
		ok: false,
		calls,
		failure: {
			source: req.source,
			status: what.status,
			kind: what.kind,
			retryAt: null,
			message: what.message,
			hint: what.hint,
			credentialType: req.credentialType,
			attempts: calls,
		},
	};
}

/** One send: the response, or the network error it threw. */
async function sendOnce(
	ctx: FetchContext,
	req: SourceRequest,
	policy: RequestPolicy,
	maxBodyBytes: number,
	refreshSession: boolean,
): Promise<{ response: FullResponse | null; networkError: unknown }> {
	try {
		return { response: await send(ctx, req, policy.timeoutMs, maxBodyBytes, refreshSession), networkError: null };
	} catch (error) {
		return { response: null, networkError: error };
	}
}

/** The failure of the request after a session refresh was refused. */
function sessionRefreshFailure(req: SourceRequest, networkError: unknown, calls: number): HttpNotOk {
	const e = networkError as { httpCode?: string; message?: string };
	return requestFailure(req, calls, {
		status: Number(e.httpCode ?? 401) || 401,
		kind: 'unauthorized',
		message: `${req.source}: the session could not be refreshed: ${e.message ?? 'refused'}`,
		hint: `Check the handle and app password. Credential: ${credentialLabel(req.credentialType)}.`,
	});
}

async function sourceRequestRaw(
	ctx: FetchContext,
	req: SourceRequest,
	policy: RequestPolicy = DEFAULT_POLICY,
): Promise<HttpResult> {
	const maxBodyBytes = policy.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
	let calls = 0;
	let waitedForRateLimit = false;
	let refreshSession = false;
	for (let attempt = 0; ; attempt++) {
		calls++;
		const { response, networkError } = await sendOnce(ctx, req, policy, maxBodyBytes, refreshSession);
		if (refreshSession && networkError !== null) return sessionRefreshFailure(req, networkError, calls);
		if (networkError !== null || !response) {
			if (attempt < policy.maxRetries) {
				await sleep(policy.retryDelayMs * 2 ** attempt);
				continue;
			}
			return requestFailure(req, calls, {
				status: 0,
				kind: 'serverError',
				message: `${req.source}: no answer after ${calls} attempt(s): ${networkMessage(networkError)}`,
				hint: 'Timeout or network error: the next poll retries. Check the base URL if it persists.',
			});
		}
		const status = Number(response.statusCode ?? 0);
		const headers = response.headers ?? {};
		if (response.tooLarge !== undefined) {
			return requestFailure(req, calls, {
				status,
				kind: 'other',
				message: `${req.source}: body larger than ${maxBodyBytes} bytes: the download was stopped at ${response.tooLarge} bytes`,
				hint: 'The answer is larger than any feed or API page should be (cap maxBodyBytes, 5 MB by default). Check the URL: it may point at a file, not a feed.',
			});
		}
		if (status >= 200 && status < 300) {
			return { ok: true, status, headers, body: response.body, calls };
		}
		if (!refreshSession && isExpiredSession(req, status, response.body)) {
			refreshSession = true;
			continue;
		}
		const failure = describeHttpFailure(req.source, { status, headers, body: errorBody(response.body) }, nowIso());
		if (failure.kind === 'serverError' && attempt < policy.maxRetries) {
			await sleep(policy.retryDelayMs * 2 ** attempt);
			continue;
		}
		if (failure.kind === 'rateLimited' && !waitedForRateLimit) {
			const waitMs = failure.retryAt ? Date.parse(failure.retryAt) - Date.now() : policy.retryDelayMs;
			if (waitMs <= policy.maxWaitMs) {
				waitedForRateLimit = true;
				await sleep(Math.max(0, waitMs));
				continue;
			}
		}
		if (failure.kind === 'unauthorized' || failure.kind === 'forbidden') {
			failure.hint = `${failure.hint} Credential: ${credentialLabel(req.credentialType)}.`;
		}
		return { ok: false, calls, failure: { ...failure, credentialType: req.credentialType, attempts: calls } };
	}
}

/** Joins a base URL and a path without doubling or dropping slashes. */
export function joinUrl(base: string, path: string): string {
	return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
