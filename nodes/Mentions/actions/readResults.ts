/**
 * What the on-demand reads (Search, Get Account Posts, Get Replies) share: the credential's
 * base URL for an item, the error of a read that failed, and the mentions as output items.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { Mention } from '../../../core/mention/mention';
import { credentialLabel } from '../transport/request';
import type { SourceFailure } from '../sources/mentionSource';

/** The selected credential's base URL (trailing slashes dropped), null when it sets none. */
export async function itemCredentialBaseUrl(ctx: IExecuteFunctions, credentialType: string | null, i: number): Promise<string | null> {
	if (!credentialType) return null;
	const credentials = await ctx.getCredentials(credentialType, i);
	return typeof credentials.baseUrl === 'string' && credentials.baseUrl ? credentials.baseUrl.replace(/\/+$/, '') : null;
}

/**
 * Failed reads → the NodeApiError of this item: what the API said (every failure), the first
 * one's hint and status, which credential to check; `withRetry` adds when to try again.
 */
export function readApiError(ctx: IExecuteFunctions, failures: SourceFailure[], i: number, withRetry: boolean): NodeApiError {
	const f = failures[0];
	const retry = withRetry && f.retryAt ? ` Retry after ${f.retryAt}.` : '';
	return new NodeApiError(ctx.getNode(), { message: f.message }, {
		message: failures.map((x) => x.message).join('; '),
		description: `${f.hint}${retry} Credential: ${credentialLabel(f.credentialType)}.`,
		httpCode: f.status ? String(f.status) : undefined,
		itemIndex: i,
	});
}

/** Mentions as output items paired to item `i`, without `raw` unless asked for. */
export function mentionItems(mentions: Mention[], includeRaw: unknown, i: number): INodeExecutionData[] {
	return mentions.map((m) => {
		const json = { ...m } as unknown as IDataObject;
		if (!includeRaw) delete json.raw;
		return { json, pairedItem: { item: i } };
	});
}
