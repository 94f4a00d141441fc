/** Reddit search (B1): public JSON (`www.reddit.com/search.json`, 10 QPM) or OAuth (`oauth.reddit.com/search`, 100 QPM). */
import { mapRedditPage } from '../../../../core/sources/reddit/mapReddit';
import { toRedditQuery } from '../../../../core/sources/query';
import { joinUrl } from '../../transport/request';
import { byTime, fetchAndMap, publicBase, type MentionSource } from '../mentionSource';

export const redditSource: MentionSource = {
	name: 'reddit',
	credentialType: (s) => (s.redditAuth === 'oAuth2' ? 'redditOAuth2Api' : null),
	streams(query, settings) {
		const sub = settings.subreddit.replace(/^\/?r\//, '').trim();
		return [{ id: sub ? `r/${sub}` : 'search', q: toRedditQuery(query), sub }];
	},
	async fetchPage(ctx, env, stream, _since, token) {
		const oauth = env.settings.redditAuth === 'oAuth2';
		const base = oauth
			? (env.credentialBaseUrl ?? 'https://oauth.reddit.com')
			: publicBase(env.settings, 'https://www.reddit.com');
		const sub = String(stream.sub ?? '');
		const path = `${sub ? `/r/${encodeURIComponent(sub)}` : ''}/search${oauth ? '' : '.json'}`;
		return await fetchAndMap(
			ctx,
			env,
			{
				source: 'reddit',
				credentialType: oauth ? 'redditOAuth2Api' : null,
				url: joinUrl(base, path),
				qs: {
					q: String(stream.q),
					sort: 'new',
					t: 'all',
					limit: 100,
					raw_json: 1,
					...(sub ? { restrict_sr: 'on' } : {}),
					...(token ? { after: String(token) } : {}),
				},
			},
			(body) => mapRedditPage(body, { fetchedAt: env.fetchedAt }),
			(cursor) => cursor.after,
		);
	},
	position: byTime,
	filtersByQuery: () => true,
};
