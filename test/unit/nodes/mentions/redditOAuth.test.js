// JavaScript on purpose: it reads fixtures with fs, which strict lint forbids in .ts tests.
/**
 * Reddit app-only OAuth2 (client credentials, SOURCES.md B1): the credential definition
 * n8n's oAuth2Api machinery reads (grant type, token URL, scope, client auth in the Basic
 * header), and the host split in the adapters: oauth.reddit.com with `redditOAuth2Api`,
 * www.reddit.com/…json without any credential. Also: JSON error bodies arriving as text
 * are classified by their content (YouTube quotaExceeded is a quota failure).
 */
const fs = require('fs');
const path = require('path');
const { RedditOAuth2Api } = require('../../../../credentials/RedditOAuth2Api.credentials');
const { Mentions } = require('../../../../nodes/Mentions/Mentions.node');
const { MentionsTrigger } = require('../../../../nodes/Mentions/MentionsTrigger.node');
const { mentionsContext, asAnswer } = require('../../../helpers/mentionsContext');

const FIX = path.join(__dirname, '../../../fixtures');
const load = (p) => JSON.parse(fs.readFileSync(path.join(FIX, p), 'utf8'));
const SECRET = 'reddit-client-secret-777';
const CREDS = {
	redditOAuth2Api: { baseUrl: 'https://oauth.reddit.com/', clientId: 'cid', clientSecret: SECRET, oauthTokenData: { access_token: SECRET } },
	youTubeApi: { baseUrl: 'https://www.googleapis.com/youtube/v3', apiKey: SECRET },
};

describe('RedditOAuth2Api credential (client credentials)', () => {
	const cred = new RedditOAuth2Api();
	const prop = (name) => cred.properties.find((p) => p.name === name);

	test('extends oAuth2Api with grant clientCredentials, Reddit token URL, scope read, client id/secret in the Basic header', () => {
		expect(cred.name).toBe('redditOAuth2Api');
		expect(cred.extends).toEqual(['oAuth2Api']);
		expect(prop('grantType')).toMatchObject({ type: 'hidden', default: 'clientCredentials' });
		expect(prop('accessTokenUrl').default).toBe('https://www.reddit.com/api/v1/access_token');
		expect(prop('scope')).toMatchObject({ type: 'hidden', default: 'read' });
		expect(prop('authentication')).toMatchObject({ type: 'hidden', default: 'header' });
		expect(prop('baseUrl').default).toBe('https://oauth.reddit.com');
		// No authorization URL: app-only, no user consent screen.
		expect(prop('authUrl')).toBeUndefined();
	});

	test('the credential test calls oauth.reddit.com with the unique User-Agent Reddit requires', () => {
		expect(cred.test.request.url).toBe('/api/v1/scopes');
		expect(cred.test.request.baseURL).toContain('https://oauth.reddit.com');
		expect(cred.test.request.headers['User-Agent']).toMatch(/^n8n:n8n-nodes-crisis-kit:[\d.]+ \(by \/u\/[\w-]+\)$/);
	});
});

describe('Reddit adapter: host and credential follow the authentication choice', () => {
	const SEARCH = (auth, extra = {}) => ({
		operation: 'search',
		sources: ['reddit'],
		keywords: 'afk, poetic, pop quiz, arena',
		hashtags: '',
		accounts: '',
		exclusions: '',
		languages: '',
		timeRange: 'custom',
		from: '2000-01-01T00:00:00Z',
		to: '',
		returnAll: false,
		limit: 50,
		redditAuthentication: auth,
		options: { retryDelayMs: 1, maxWaitSeconds: 0 },
		...extra,
	});
	const respond = ({ qs }) => asAnswer(load(qs.after ? 'reddit/search.emptyPage.json' : 'reddit/search.page1.json'));

	test('OAuth2: https://oauth.reddit.com/search (credential base, trailing slash trimmed), redditOAuth2Api, no .json', async () => {
		const { ctx, calls, credentialReads } = mentionsContext({ params: SEARCH('oAuth2'), respond, credentials: CREDS });
		const [out] = await new Mentions().execute.call(ctx);
		expect(calls[0]).toMatchObject({ credentialType: 'redditOAuth2Api', url: 'https://oauth.reddit.com/search', qs: { sort: 'new', limit: 100, raw_json: 1 } });
		expect(calls[0].headers['User-Agent']).toMatch(/^n8n:n8n-nodes-crisis-kit:/);
		expect(calls[0].headers.Authorization).toBeUndefined(); // n8n's OAuth2 layer adds the bearer
		expect(credentialReads).toContain('redditOAuth2Api');
		expect(out.length).toBeGreaterThan(0);
		expect(JSON.stringify(out)).not.toContain(SECRET);
	});

	test('public: https://www.reddit.com/search.json (and /r/<sub>/search.json?restrict_sr=on) through plain httpRequest, no credential read', async () => {
		const pub = mentionsContext({ params: SEARCH('public'), respond, credentials: CREDS });
		await new Mentions().execute.call(pub.ctx);
		expect(pub.calls[0]).toMatchObject({ credentialType: null, url: 'https://www.reddit.com/search.json' });
		expect(pub.credentialReads).toEqual([]);
		const sub = mentionsContext({ params: SEARCH('public', { subreddit: 'r/fintech' }), respond, credentials: CREDS });
		await new Mentions().execute.call(sub.ctx);
		expect(sub.calls[0]).toMatchObject({ credentialType: null, url: 'https://www.reddit.com/r/fintech/search.json', qs: { restrict_sr: 'on' } });
		const subOauth = mentionsContext({ params: SEARCH('oAuth2', { subreddit: 'fintech' }), respond, credentials: CREDS });
		await new Mentions().execute.call(subOauth.ctx);
		expect(subOauth.calls[0]).toMatchObject({ credentialType: 'redditOAuth2Api', url: 'https://oauth.reddit.com/r/fintech/search' });
	});

	test('trigger: the OAuth choice reaches polling too; an unusable credential is a failure naming it, nothing requested', async () => {
		const params = { sources: ['reddit'], keywords: 'afk', hashtags: '', accounts: '', exclusions: '', languages: '', redditAuthentication: 'oAuth2', options: { retryDelayMs: 1, maxWaitSeconds: 0 } };
		const ok = mentionsContext({ params, respond, credentials: CREDS });
		await new MentionsTrigger().poll.call(ok.ctx);
		expect(ok.calls[0]).toMatchObject({ credentialType: 'redditOAuth2Api', url: 'https://oauth.reddit.com/search' });
		const missing = mentionsContext({ params, respond, credentials: {} });
		const error = await new MentionsTrigger().poll.call(missing.ctx).catch((e) => e);
		expect(error.message).toContain('Reddit OAuth2 API (client id/secret, app approved by Reddit) is not usable');
		expect(missing.calls).toHaveLength(0);
	});
});

describe('JSON error bodies received as text are read by content', () => {
	test('YouTube quotaExceeded (403) is a quota failure, not "forbidden", with the quota hint', async () => {
		const staticData = {};
		const params = {
			sources: ['youtube', 'hackernews'],
			keywords: 'orvia',
			hashtags: '',
			accounts: '',
			exclusions: '',
			languages: '',
			options: { retryDelayMs: 1, maxWaitSeconds: 0, maxRetries: 0 },
		};
		const { ctx } = mentionsContext({
			params,
			staticData,
			credentials: CREDS,
			respond: ({ url }) => (url.includes('algolia') ? asAnswer(load('hackernews/searchByDate.emptyPage.json')) : load('youtube/search.quotaExceeded.json')),
		});
		const [, items] = await new MentionsTrigger().poll.call(ctx);
		const failure = items.find((i) => i.json.sourceFailure);
		expect(failure.json.sourceFailure).toMatchObject({ source: 'youtube', kind: 'quotaExceeded', status: 403, credential: 'youTubeApi' });
		expect(failure.json.error).toContain('youtube: HTTP 403: API error 403: The request cannot be completed because you have exceeded your');
		expect(failure.json.errorDescription).toContain('quota');
		// YouTube sends no reset header: retryAt is the next midnight Pacific time (youtubeQuota.trigger.test.js).
		expect(failure.json.sourceFailure.retryAt).toMatch(/^\d{4}-\d{2}-\d{2}T0[78]:00:00\.000Z$/);
		expect(staticData.sources.youtube.retryAt).toBe(failure.json.sourceFailure.retryAt);
		expect(staticData.sources.youtube.lastError).toContain('quota');
		expect(JSON.stringify(items)).not.toContain(SECRET);
	});
});
