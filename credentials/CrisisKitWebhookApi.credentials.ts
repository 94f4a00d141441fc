import type { IAuthenticateGeneric, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * A header (name + secret value) sent to the scheduler webhook of Crisis Playbook › Pause /
 * Resume Publishing ("any other scheduler"). The test calls the Test URL with the header.
 */
export class CrisisKitWebhookApi implements ICredentialType {
	name = 'crisisKitWebhookApi';

	displayName = 'Crisis Kit Scheduler Webhook API';

	icon: Icon = { light: 'file:webhook.svg', dark: 'file:webhook.dark.svg' };

	documentationUrl = 'https://github.com/crisis-kit/n8n-nodes-crisis-kit/blob/main/docs/crisis-playbook.md#credentials';

	properties: INodeProperties[] = [
		{ displayName: 'Header Name', name: 'headerName', type: 'string', default: 'Authorization', required: true },
		{
			displayName: 'Header Value',
			name: 'headerValue',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Test URL',
			name: 'testUrl',
			type: 'string',
			default: '',
			placeholder: 'https://scheduler.example.com/health',
			description: 'A URL of your scheduler that answers 2xx to a GET with this header, used to test the credential',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { '={{$credentials.headerName}}': '={{$credentials.headerValue}}' } },
	};

	test: ICredentialTestRequest = {
		request: { url: '={{$credentials.testUrl}}', method: 'GET' },
	};
}
