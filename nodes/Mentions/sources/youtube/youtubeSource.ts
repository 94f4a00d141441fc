/**
 * YouTube Data API v3 (B6), API key (`youTubeApi`): videos by query (search.list, 100
 * quota units a page: throttled by `youtubeSearchEveryMinutes`) or the comments of given
 * videos (commentThreads.list, 1 unit).
 */
import { mapYoutubePage } from '../../../../core/sources/youtube/mapYoutube';
import { toYoutubeQuery } from '../../../../core/sources/query';
import { youtubeVideoId } from '../../../../core/sources/youtube/replies';
import { joinUrl } from '../../transport/request';
import { byTime, fetchAndMap, type MentionSource } from '../mentionSource';
import { readPagedReplies } from '../replies';

export const youtubeSource: MentionSource = {
	name: 'youtube',
	credentialType: () => 'youTubeApi',
	streams(query, settings) {
		if (settings.youtubeMode === 'comments') {
			return settings.youtubeVideoIds.map((videoId) => ({ id: `video:${videoId}`, videoId }));
		}
		return [
			{
				id: 'search',
				q: toYoutubeQuery(query),
				lang: query.languages.length === 1 ? query.languages[0] : null,
			},
		];
	},
	async fetchPage(ctx, env, stream, since, token) {
		const base = env.credentialBaseUrl ?? 'https://www.googleapis.com/youtube/v3';
		const page = token ? { pageToken: String(token) } : {};
		const req =
			stream.videoId !== undefined
				? {
						url: joinUrl(base, '/commentThreads'),
						qs: {
							part: 'snippet,replies',
							videoId: String(stream.videoId),
							order: 'time',
							maxResults: 100,
							textFormat: 'plainText',
							...page,
						},
					}
				: {
						url: joinUrl(base, '/search'),
						qs: {
							part: 'snippet',
							type: 'video',
							order: 'date',
							q: String(stream.q),
							maxResults: 50,
							...(since?.publishedAt ? { publishedAfter: since.publishedAt } : {}),
							...(env.until ? { publishedBefore: env.until } : {}),
							...(stream.lang ? { relevanceLanguage: String(stream.lang) } : {}),
							...page,
						},
					};
		return await fetchAndMap(
			ctx,
			env,
			{ source: 'youtube', credentialType: 'youTubeApi', ...req },
			(body) => mapYoutubePage(body, { fetchedAt: env.fetchedAt }),
			(cursor) => cursor.nextPageToken,
		);
	},
	position: byTime,
	// Comments of our own videos are feedback whatever they say.
	filtersByQuery: (stream) => stream.videoId === undefined,
	minIntervalMinutes: (stream, settings) =>
		stream.videoId === undefined ? Math.max(0, settings.youtubeSearchEveryMinutes) : 0,
	replies: {
		postId: youtubeVideoId,
		// The video's comment threads (1 quota unit a page), newest first.
		read: async (ctx, env, videoId, limit) =>
			await readPagedReplies(limit, async (token) =>
				await fetchAndMap(
					ctx,
					env,
					{
						source: 'youtube',
						credentialType: 'youTubeApi',
						url: joinUrl(env.credentialBaseUrl ?? 'https://www.googleapis.com/youtube/v3', '/commentThreads'),
						qs: { part: 'snippet,replies', videoId, order: 'time', maxResults: 100, textFormat: 'plainText', ...(token ? { pageToken: String(token) } : {}) },
					},
					(body) => mapYoutubePage(body, { fetchedAt: env.fetchedAt }),
					(cursor) => cursor.nextPageToken,
				),
			),
	},
};
