/**
 * The one transport for n8n's public API (v1). Authenticates through the `crisisKitN8nApi`
 * credential (X-N8N-API-KEY); the base URL comes from the credential too.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { credentialSecrets, redactSecrets } from '../../shared/redact';

export const N8N_API_CREDENTIAL = 'crisisKitN8nApi';

export interface N8nApiError {
	status: number | null;
	message: string;
}

/** A request that either returns the body or an {status, message} error (never throws for HTTP errors). */
export async function n8nApiRequest(
	this: IExecuteFunctions,
	method: IHttpRequestMethods,
	path: string,
	options: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<{ ok: true; body: IDataObject } | ({ ok: false } & N8nApiError)> {
	const credentials = await this.getCredentials(N8N_API_CREDENTIAL);
	const baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	const request: IHttpRequestOptions = {
		method,
		url: `${baseUrl}/api/v1${path}`,
		json: true,
		timeout: 30000,
		...(options.qs ? { qs: options.qs } : {}),
		// n8n answers 415 to a bodiless POST: always send JSON.
		...(method === 'GET' ? {} : { body: options.body ?? {} }),
	};
	try {
		const body = (await this.helpers.httpRequestWithAuthentication.call(this, N8N_API_CREDENTIAL, request)) as IDataObject;
		return { ok: true, body: body ?? {} };
	} catch (error) {
		const e = error as { httpCode?: string; response?: { status?: number }; message?: string; description?: string };
		const status = Number(e.httpCode ?? e.response?.status) || null;
		if (status === 401 || status === 403) {
			// A fresh error, not a re-wrap: n8n hands back the original NodeApiError when it is
			// wrapped again (our message would be lost) and it carries the API's answer.
			throw new NodeApiError(this.getNode(), { message: `The n8n API refused the key (${status})`, httpCode: String(status) }, {
				message: `The n8n API refused the key (${status})`,
				description:
					'Check the Crisis Kit n8n API credential: the key must be valid and allowed to read, publish and unpublish workflows (Settings › n8n API).',
				httpCode: String(status),
			});
		}
		return { ok: false, status, message: redactSecrets(String(e.description || e.message || String(error)), credentialSecrets(credentials)) };
	}
}
