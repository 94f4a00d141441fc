import type { IAuthenticateGeneric, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * A Mastodon instance and an access token (Preferences › Development › New application,
 * scopes read:statuses and read:search). Needed for full-text status search and for
 * instances that hide public timelines; hashtag timelines work without it.
 */
export class MastodonApi implements ICredentialType {
	name = 'mastodonApi';

	displayName = 'Mastodon API';

	icon: Icon = { light: 'file:mastodon.svg', dark: 'file:mastodon.dark.svg' };

	documentationUrl = 'https://github.com/crisis-kit/n8n-nodes-crisis-kit/blob/main/README.md#sources';

	properties: INodeProperties[] = [
		{
			displayName: 'Instance URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://mastodon.social',
			required: true,
			description: 'The instance the token belongs to',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/accounts/verify_credentials',
		},
	};
}
