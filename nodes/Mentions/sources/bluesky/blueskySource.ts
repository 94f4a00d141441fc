/**
 * Bluesky (B4): `app.bsky.feed.searchPosts` on the user's PDS with the app-password
 * session of the `blueskyApi` credential (created once, cached and refreshed by n8n).
 */
import { mapBlueskyPage } from '../../../../core/sources/bluesky/mapBluesky';
import { blueskyPostUri, blueskyThreadReplies } from '../../../../core/sources/bluesky/replies';
import { toBlueskyQuery } from '../../../../core/sources/query';
import { joinUrl } from '../../transport/request';
import { byTime, fetchAndMap, type MentionSource } from '../mentionSource';
import { readPagedReplies } from '../replies';

export const blueskySource: MentionSource = {
	name: 'bluesky',
	credentialType: () => 'blueskyApi',
	streams: (query) => toBlueskyQuery(query).map((s) => ({ id: s.q, q: s.q, lang: s.lang, tag: s.tag })),
	async fetchPage(ctx, env, stream, since, token) {
		const base = env.credentialBaseUrl ?? 'https://bsky.social';
		return await fetchAndMap(
			ctx,
			env,
			{
				source: 'bluesky',
				credentialType: 'blueskyApi',
				url: joinUrl(base, '/xrpc/app.bsky.feed.searchPosts'),
				qs: {
					q: String(stream.q),
					sort: 'latest',
					limit: 100,
					...(since?.publishedAt ? { since: since.publishedAt } : {}),
					...(env.until ? { until: env.until } : {}),
					...(stream.lang ? { lang: String(stream.lang) } : {}),
					...((stream.tag as string[]).length ? { tag: stream.tag as string[] } : {}),
					...(token ? { cursor: String(token) } : {}),
				},
			},
			(body) => mapBlueskyPage(body, { fetchedAt: env.fetchedAt }),
			(cursor) => cursor.cursor,
		);
	},
	position: byTime,
	filtersByQuery: () => true,
	replies: {
		postId: blueskyPostUri,
		// One getPostThread answer holds the replies 10 levels deep; it has no next page.
		read: async (ctx, env, uri, limit) =>
			await readPagedReplies(limit, async () =>
				await fetchAndMap(
					ctx,
					env,
					{
						source: 'bluesky',
						credentialType: 'blueskyApi',
						url: joinUrl(env.credentialBaseUrl ?? 'https://bsky.social', '/xrpc/app.bsky.feed.getPostThread'),
						qs: { uri, depth: 10, parentHeight: 0 },
					},
					(body) => mapBlueskyPage(blueskyThreadReplies(body), { fetchedAt: env.fetchedAt }),
					() => null,
				),
			),
	},
};
