import type { IAuthenticateGeneric, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * An n8n public-API key, used by Crisis Playbook › Pause/Resume Publishing to unpublish and
 * republish the workflows that post scheduled content. The key needs the workflow read,
 * publish and unpublish scopes (non-enterprise keys have full access).
 */
export class CrisisKitN8nApi implements ICredentialType {
	name = 'crisisKitN8nApi';

	displayName = 'Crisis Kit N8n API';

	icon: Icon = { light: 'file:n8nApi.svg', dark: 'file:n8nApi.dark.svg' };

	documentationUrl = 'https://github.com/crisis-kit/n8n-nodes-crisis-kit/blob/main/docs/crisis-playbook.md#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://localhost:5678',
			placeholder: 'https://n8n.example.com',
			description: 'The address of the n8n instance whose publishing workflows are paused, without /api/v1',
			required: true,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Created in n8n under Settings › n8n API',
			required: true,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-N8N-API-KEY': '={{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/workflows',
			qs: { limit: 1 },
		},
	};
}
