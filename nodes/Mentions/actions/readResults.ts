/**
 * What the on-demand reads (Search, Get Account Posts, Get Replies) share: the Return All /
 * Limit and Include Raw Payload parameters, the credential's base URL for an item, the error of
 * a read that failed, and the mentions as output items.
 */
import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
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

/** Return All and Limit, shown under `show`. */
export function returnAllProperties(show: NonNullable<IDisplayOptions['show']>): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** The Include Raw Payload option (read by `mentionItems`). */
export function includeRawOption(): INodeProperties {
	return {
		displayName: 'Include Raw Payload',
		name: 'includeRaw',
		type: 'boolean',
		default: false,
		description: 'Whether to keep the source payload in a `raw` field',
	};
}
