/**
 * The one transport for Hootsuite's REST API v1 (https://platform.hootsuite.com), authenticated
 * with the `hootsuiteOAuth2Api` credential (Bearer token). Errors come back as data
 * ({status, code, message}) so one failed message does not stop a pause of fifty.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { credentialSecrets, redactSecrets } from '../../shared/redact';

export const HOOTSUITE_CREDENTIAL = 'hootsuiteOAuth2Api';
export const HOOTSUITE_BASE_URL = 'https://platform.hootsuite.com';

export type HootsuiteResult = { ok: true; body: IDataObject } | { ok: false; status: number | null; code: number | null; message: string };

/** Query strings with repeated keys (`socialProfileIds=1&socialProfileIds=2`), as the spec asks. */
export function hootsuiteQuery(params: Record<string, string | number | string[] | undefined>): string {
	const parts: string[] = [];
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined || value === '') continue;
		for (const v of Array.isArray(value) ? value : [value]) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
	}
	return parts.length ? `?${parts.join('&')}` : '';
}

export async function hootsuiteRequest(
	this: IExecuteFunctions,
	method: IHttpRequestMethods,
	pathAndQuery: string,
	body?: IDataObject,
): Promise<HootsuiteResult> {
	const request: IHttpRequestOptions = {
		method,
		url: `${HOOTSUITE_BASE_URL}${pathAndQuery}`,
		json: true,
		timeout: 30000,
		...(body ? { body, headers: { 'Content-Type': 'application/json;charset=utf-8' } } : {}),
	};
	try {
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, HOOTSUITE_CREDENTIAL, request)) as IDataObject;
		return { ok: true, body: response ?? {} };
	} catch (error) {
		const e = error as {
			httpCode?: string;
			message?: string;
			description?: string;
			cause?: { response?: { data?: IDataObject; status?: number } };
			response?: { status?: number; data?: IDataObject; body?: IDataObject };
		};
		const status = Number(e.httpCode ?? e.response?.status ?? e.cause?.response?.status) || null;
		const data = (e.response?.data ?? e.response?.body ?? e.cause?.response?.data) as { errors?: Array<{ code?: number; message?: string }> } | undefined;
		const first = Array.isArray(data?.errors) ? data?.errors[0] : undefined;
		if (status === 401) {
			// A fresh error, not a re-wrap: n8n hands back the original NodeApiError when it is
			// wrapped again (our message would be lost) and it carries the API's answer.
			throw new NodeApiError(this.getNode(), { message: 'Hootsuite refused the token (401)', httpCode: '401' }, {
				message: 'Hootsuite refused the token (401)',
				description: 'Reconnect the Hootsuite OAuth2 API credential (refresh tokens work only once; the newest must be stored).',
				httpCode: '401',
			});
		}
		return {
			ok: false,
			status,
			code: typeof first?.code === 'number' ? first.code : null,
			message: redactSecrets(String(first?.message ?? e.description ?? e.message ?? String(error)), await secretsOf(this)),
		};
	}
}

async function secretsOf(ctx: IExecuteFunctions): Promise<string[]> {
	try {
		return credentialSecrets(await ctx.getCredentials(HOOTSUITE_CREDENTIAL));
	} catch {
		return [];
	}
}
