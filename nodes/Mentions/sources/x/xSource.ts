/** X API v2 recent search (B5), app-only bearer token (`xApi`). Author reach from the users expansion. */
import { mapXPage } from '../../../../core/sources/x/mapX';
import { toXQuery } from '../../../../core/sources/query';
import { xPostId, xRepliesQuery } from '../../../../core/sources/x/replies';
import { joinUrl } from '../../transport/request';
import { fetchAndMap, paddedId, type MentionSource } from '../mentionSource';
import { readPagedReplies } from '../replies';

export const X_FIELDS = {
	'tweet.fields':
		'created_at,public_metrics,author_id,lang,conversation_id,referenced_tweets,entities,note_tweet',
	expansions: 'author_id,referenced_tweets.id,referenced_tweets.id.author_id',
	'user.fields': 'username,name,verified,verified_type,public_metrics',
};

/** Recent search covers 7 days: an older `start_time` is refused by the API. */
function clampStart(iso: string, fetchedAt: string): string {
	const min = Date.parse(fetchedAt) - 7 * 24 * 3600 * 1000 + 60000;
	return Date.parse(iso) < min ? new Date(min).toISOString() : iso;
}

export const xSource: MentionSource = {
	name: 'x',
	credentialType: () => 'xApi',
	streams: (query) => [{ id: 'recent', q: toXQuery(query) }],
	async fetchPage(ctx, env, stream, since, token) {
		const base = env.credentialBaseUrl ?? 'https://api.x.com';
		const bound = since?.sinceId
			? { since_id: since.sinceId }
			: since?.publishedAt
				? { start_time: clampStart(since.publishedAt, env.fetchedAt) }
				: {};
		return await fetchAndMap(
			ctx,
			env,
			{
				source: 'x',
				credentialType: 'xApi',
				url: joinUrl(base, '/2/tweets/search/recent'),
				qs: {
					query: String(stream.q),
					max_results: 100,
					sort_order: 'recency',
					...X_FIELDS,
					...bound,
					...(env.until ? { end_time: env.until } : {}),
					...(token ? { next_token: String(token) } : {}),
				},
			},
			(body) => mapXPage(body, { fetchedAt: env.fetchedAt }),
			(cursor) => cursor.nextToken,
		);
	},
	position: (m) => paddedId(m.nativeId),
	sinceId: (m) => m.nativeId,
	filtersByQuery: () => true,
	replies: {
		postId: xPostId,
		// The conversation's posts by recent search (the last 7 days, like every X search here).
		read: async (ctx, env, postId, limit) =>
			await readPagedReplies(limit, async (token) =>
				await fetchAndMap(
					ctx,
					env,
					{
						source: 'x',
						credentialType: 'xApi',
						url: joinUrl(env.credentialBaseUrl ?? 'https://api.x.com', '/2/tweets/search/recent'),
						qs: { query: xRepliesQuery(postId), max_results: 100, ...X_FIELDS, ...(token ? { next_token: String(token) } : {}) },
					},
					(body) => mapXPage(body, { fetchedAt: env.fetchedAt }),
					(cursor) => cursor.nextToken,
				),
			),
	},
};
