import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Reddit app-only OAuth2 (client credentials): 100 requests/min instead of 10 for the
 * public JSON. Since late 2025 new Reddit apps need Reddit's approval (Responsible Builder
 * Policy). Client id and secret go in an HTTP Basic header to the token URL, as Reddit asks.
 */
export class RedditOAuth2Api implements ICredentialType {
	name = 'redditOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Reddit OAuth2 API';

	icon: Icon = { light: 'file:reddit.svg', dark: 'file:reddit.dark.svg' };

	documentationUrl = 'https://github.com/crisis-kit/n8n-nodes-crisis-kit/blob/main/README.md#sources';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'clientCredentials' },
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: 'https://www.reddit.com/api/v1/access_token',
			required: true,
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'read' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://oauth.reddit.com',
			description: 'API host for OAuth calls; change it only for a proxy or a replay server',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl || "https://oauth.reddit.com"}}',
			url: '/api/v1/scopes',
			headers: { 'User-Agent': 'n8n:n8n-nodes-crisis-kit:0.1 (by /u/crisis-kit)' },
		},
	};
}
