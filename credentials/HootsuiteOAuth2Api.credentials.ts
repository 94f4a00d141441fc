import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Hootsuite REST API, OAuth2 authorization code flow (platform.hootsuite.com, see
 * docs/crisis-playbook.md). Client credentials go in an HTTP Basic header: Hootsuite's spec says
 * credentials in the request body are not supported. `offline` asks for a refresh token;
 * Hootsuite issues a new refresh token on each refresh, which n8n stores.
 */
export class HootsuiteOAuth2Api implements ICredentialType {
	name = 'hootsuiteOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Hootsuite OAuth2 API';

	icon: Icon = { light: 'file:hootsuite.svg', dark: 'file:hootsuite.dark.svg' };

	documentationUrl = 'https://github.com/crisis-kit/n8n-nodes-crisis-kit/blob/main/docs/crisis-playbook.md#credentials';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: 'https://platform.hootsuite.com/oauth2/auth',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: 'https://platform.hootsuite.com/oauth2/token',
		},
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'offline' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
	];

	test: ICredentialTestRequest = {
		request: { baseURL: 'https://platform.hootsuite.com', url: '/v1/me' },
	};
}
