/**
 * The one transport for "any other scheduler": a URL the user gives, called with a JSON body
 * `{action: "pause" | "resume", incidentId, at, ...}`. Optional header authentication through
 * the Crisis Kit Scheduler Webhook credential (a header name and value); without it, a plain request.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { credentialSecrets, redactSecrets } from '../../shared/redact';

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
		const secrets = useHeaderAuth ? await headerSecrets(this) : [];
		return { ok: false, status: Number(e.httpCode ?? e.response?.status) || null, message: redactSecrets(String(e.description || e.message || String(error)), secrets) };
	}
}

/** The header credential's values, to keep them out of the error message (an echoing scheduler). */
async function headerSecrets(ctx: IExecuteFunctions): Promise<string[]> {
	try {
		return credentialSecrets(await ctx.getCredentials(WEBHOOK_HEADER_CREDENTIAL));
	} catch {
		return [];
	}
}
