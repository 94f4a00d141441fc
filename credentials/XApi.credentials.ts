import type { IAuthenticateGeneric, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * X API v2, OAuth 2.0 app-only bearer token (developer.x.com › project › app › Keys and
 * tokens). Recent search needs a plan with search access; every returned post counts
 * against the monthly post cap. The test reads the usage endpoint, which returns no posts.
 */
export class XApi implements ICredentialType {
	name = 'xApi';

	displayName = 'X API';

	icon: Icon = { light: 'file:x.svg', dark: 'file:x.dark.svg' };

	documentationUrl = 'https://github.com/crisis-kit/n8n-nodes-crisis-kit/blob/main/README.md#sources';

	properties: INodeProperties[] = [
		{
			displayName: 'Bearer Token',
			name: 'bearerToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'App-only bearer token of an app in a project with API v2 access',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.x.com',
			description: 'API host; change it only for a proxy or a replay server',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.bearerToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl || "https://api.x.com"}}', url: '/2/usage/tweets' },
	};
}
