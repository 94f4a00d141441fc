import type {
	ICredentialDataDecryptedObject,
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Bluesky with an app password (Settings › Privacy and security › App passwords).
 *
 * The session is cached, not created per execution: `accessJwt` is an *expirable*
 * property, so n8n runs `preAuthentication` only when it is empty or when the API refuses
 * it (the transport retries expired-token answers through n8n), and stores the result in
 * the credential. A refresh uses `refreshSession` with the stored `refreshJwt`; only when
 * that fails is a new `createSession` login made (30 per 5 min, 300 per day per account).
 */
export class BlueskyApi implements ICredentialType {
	name = 'blueskyApi';

	displayName = 'Bluesky API';

	icon: Icon = { light: 'file:bluesky.svg', dark: 'file:bluesky.dark.svg' };

	documentationUrl = 'https://github.com/crisis-kit/n8n-nodes-crisis-kit/blob/main/README.md#sources';

	properties: INodeProperties[] = [
		{
			displayName: 'Handle or Email',
			name: 'identifier',
			type: 'string',
			default: '',
			placeholder: 'orvia.bsky.social',
			required: true,
		},
		{
			displayName: 'App Password',
			name: 'appPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'An app password, never the account password',
		},
		{
			displayName: 'Service URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://bsky.social',
			description: 'Your PDS or entryway (bsky.social for most accounts)',
		},
		{ displayName: 'Access JWT', name: 'accessJwt', type: 'hidden', typeOptions: { expirable: true }, default: '' },
		{ displayName: 'Refresh JWT', name: 'refreshJwt', type: 'hidden', default: '' },
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		return await blueskySession(this, credentials);
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessJwt}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{($credentials.baseUrl || "https://bsky.social").replace(/\\/+$/, "")}}',
			url: '/xrpc/com.atproto.server.getSession',
		},
	};
}

function serviceUrl(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || 'https://bsky.social').replace(/\/+$/, '');
}

/** refreshSession with the stored refresh token, else createSession with the app password. */
export async function blueskySession(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	const base = serviceUrl(credentials);
	const refreshJwt = typeof credentials.refreshJwt === 'string' ? credentials.refreshJwt : '';
	if (refreshJwt !== '') {
		const refreshed = (await helper.helpers.httpRequest({
			method: 'POST',
			url: `${base}/xrpc/com.atproto.server.refreshSession`,
			headers: { Authorization: `Bearer ${refreshJwt}` },
			json: true,
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
		})) as { statusCode: number; body: IDataObject };
		if (refreshed.statusCode === 200 && typeof refreshed.body?.accessJwt === 'string') {
			return { accessJwt: refreshed.body.accessJwt, refreshJwt: refreshed.body.refreshJwt };
		}
	}
	const session = (await helper.helpers.httpRequest({
		method: 'POST',
		url: `${base}/xrpc/com.atproto.server.createSession`,
		body: { identifier: credentials.identifier, password: credentials.appPassword },
		json: true,
	})) as IDataObject;
	return { accessJwt: session.accessJwt, refreshJwt: session.refreshJwt };
}
