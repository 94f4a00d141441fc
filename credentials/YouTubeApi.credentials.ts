import type { IAuthenticateGeneric, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * YouTube Data API v3 with an API key (Google Cloud console › APIs & Services ›
 * Credentials; enable "YouTube Data API v3"). Public data only. The test calls
 * i18nLanguages.list, which costs 1 quota unit.
 */
export class YouTubeApi implements ICredentialType {
	name = 'youTubeApi';

	displayName = 'YouTube API';

	icon: Icon = { light: 'file:youtube.svg', dark: 'file:youtube.dark.svg' };

	documentationUrl = 'https://github.com/crisis-kit/n8n-nodes-crisis-kit/blob/main/README.md#sources';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://www.googleapis.com/youtube/v3',
			description: 'API root; change it only for a proxy or a replay server',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { qs: { key: '={{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl || "https://www.googleapis.com/youtube/v3"}}',
			url: '/i18nLanguages',
			qs: { part: 'snippet' },
		},
	};
}
