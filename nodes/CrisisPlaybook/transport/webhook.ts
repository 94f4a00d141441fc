/**
 * The one transport for "any other scheduler": a URL the user gives, called with a JSON body
 * `{action: "pause" | "resume", incidentId, at, ...}`. Optional header authentication through
 * the Crisis Kit Scheduler Webhook credential (a header name and value); without it, a plain request.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

export const WEBHOOK_HEADER_CREDENTIAL = 'crisisKitWebhookApi';

export type WebhookResult = { ok: true; status: number; body: unknown } | { ok: false; status: number | null; message: string };

export async function schedulerWebhookRequest(
	this: IExecuteFunctions,
	url: string,
	body: IDataObject,
	useHeaderAuth: boolean,
): Promise<WebhookResult> {
	const request: IHttpRequestOptions = { method: 'POST', url, body, json: true, timeout: 30000, returnFullResponse: true };
	try {
		const response = (useHeaderAuth
			? await this.helpers.httpRequestWithAuthentication.call(this, WEBHOOK_HEADER_CREDENTIAL, request)
			: await this.helpers.httpRequest(request)) as { statusCode?: number; body?: unknown };
		return { ok: true, status: response?.statusCode ?? 200, body: response?.body ?? null };
	} catch (error) {
		const e = error as { httpCode?: string; message?: string; description?: string; response?: { status?: number } };
		return { ok: false, status: Number(e.httpCode ?? e.response?.status) || null, message: e.description || e.message || String(error) };
	}
}
