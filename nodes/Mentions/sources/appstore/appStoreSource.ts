/**
 * App Store customer reviews (B8): the public legacy RSS/JSON feed, 50 reviews a page,
 * 10 pages per storefront, no auth. Review ids grow over time: they are the position.
 */
import { mapAppStorePage } from '../../../../core/sources/appstore/mapAppStore';
import { joinUrl } from '../../transport/request';
import { fetchAndMap, paddedId, publicBase, type MentionSource } from '../mentionSource';

export const appStoreSource: MentionSource = {
	name: 'appstore',
	credentialType: () => null,
	streams: (_query, settings) =>
		settings.appStoreAppId.trim() === ''
			? []
			: [
					{
						id: `${settings.appStoreCountry.toLowerCase()}/${settings.appStoreAppId.trim()}`,
						appId: settings.appStoreAppId.trim().replace(/^id/, ''),
						country: settings.appStoreCountry.toLowerCase() || 'us',
					},
				],
	async fetchPage(ctx, env, stream, _since, token) {
		const page = Number(token ?? 1);
		const path = `/${stream.country}/rss/customerreviews/page=${page}/id=${stream.appId}/sortBy=mostRecent/json`;
		return await fetchAndMap(
			ctx,
			env,
			{
				source: `appstore:${String(stream.country)}`,
				credentialType: null,
				url: joinUrl(publicBase(env.settings, 'https://itunes.apple.com'), path),
			},
			(body) => mapAppStorePage(body, { fetchedAt: env.fetchedAt }),
			(cursor) => (cursor.nextPage !== null && cursor.nextPage > page && cursor.nextPage <= 10 ? cursor.nextPage : null),
		);
	},
	position: (m) => paddedId(m.nativeId),
	// Reviews of our app are about us whatever words they use.
	filtersByQuery: () => false,
};
