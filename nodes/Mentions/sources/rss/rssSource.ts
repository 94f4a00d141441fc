/** RSS / Atom feeds (B7): Google Alerts, press, blogs. One stream per feed, no paging, no auth. */
import { mapRssPage } from '../../../../core/sources/rss/mapRss';
import { byTime, fetchAndMap, type MentionSource } from '../mentionSource';

export const rssSource: MentionSource = {
	name: 'rss',
	credentialType: () => null,
	streams: (_query, settings) => settings.feedUrls.map((url) => ({ id: url, url })),
	async fetchPage(ctx, env, stream) {
		return await fetchAndMap(
			ctx,
			env,
			{
				source: 'rss',
				credentialType: null,
				url: String(stream.url),
				headers: { Accept: 'application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.5' },
			},
			(body) => mapRssPage(typeof body === 'string' ? body : String(body ?? ''), { fetchedAt: env.fetchedAt, feed: { url: String(stream.url) } }),
			() => null,
		);
	},
	position: byTime,
	filtersByQuery: () => true,
};
