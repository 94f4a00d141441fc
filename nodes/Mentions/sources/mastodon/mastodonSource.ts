/**
 * Mastodon (B3), any instance: public hashtag timelines, and v2 full-text search with an
 * access token. Listings page back with `max_id`; `since_id` bounds a poll. Positions
 * are instance-local ids (a federated post arrives late with an old date but a new id).
 */
import type { Mention } from '../../../../core/mention/mention';
import { isRecord, parseBody } from '../../../../core/sources/json';
import { mapMastodonPage } from '../../../../core/sources/mastodon/mapMastodon';
import { contextDescendants, mastodonStatusId, repliesToRoot } from '../../../../core/sources/mastodon/replies';
import { toMastodonQuery } from '../../../../core/sources/query';
import { joinUrl, type FetchContext, type SourceRequest } from '../../transport/request';
import { fetchAndMap, hostOf, paddedId, type MentionSource, type RepliesAnswer, type SourceEnv, type SourceSettings } from '../mentionSource';

const LIMIT = 40;

function localId(mention: Mention): string | null {
	const raw = mention.raw as { id?: unknown } | undefined;
	return raw && typeof raw.id === 'string' ? raw.id : null;
}

function withToken(s: SourceSettings): boolean {
	return s.mastodonAuth === 'accessToken';
}

/**
 * The descendants of `/api/v1/statuses/<id>/context`. Their `in_reply_to_id` is
 * instance-local; replies to each other resolve within the thread, and the root status is
 * read once (`/api/v1/statuses/<id>`) so direct replies point at its Mention id. When that
 * read fails, the replies are still returned, direct ones with `inReplyToId` null.
 */
async function readMastodonReplies(ctx: FetchContext, env: SourceEnv, id: string): Promise<RepliesAnswer> {
	const token = withToken(env.settings);
	const host = (token ? env.credentialBaseUrl : null) ?? env.settings.mastodonInstance;
	const request = (url: string): SourceRequest => ({ source: 'mastodon', credentialType: token ? 'mastodonApi' : null, url });
	let descendants: unknown[] = [];
	const answer = await fetchAndMap(
		ctx,
		env,
		request(joinUrl(host, `/api/v1/statuses/${encodeURIComponent(id)}/context`)),
		(body) => {
			const list = contextDescendants(body);
			const page = mapMastodonPage(list, { fetchedAt: env.fetchedAt, instance: host });
			descendants = Array.isArray(list) ? list : [];
			return page;
		},
		() => null,
	);
	if (!answer.ok) return answer;
	if (!repliesToRoot(descendants, id)) return { ok: true, mentions: answer.mentions, calls: answer.calls };
	const root = await fetchAndMap(
		ctx,
		env,
		request(joinUrl(host, `/api/v1/statuses/${encodeURIComponent(id)}`)),
		(body) => {
			const v = parseBody('mastodon', body);
			return mapMastodonPage(isRecord(v) ? [v] : v, { fetchedAt: env.fetchedAt, instance: host });
		},
		() => null,
	);
	const calls = answer.calls + root.calls;
	const rootNativeId = root.ok ? (root.mentions[0]?.nativeId ?? null) : null;
	if (rootNativeId === null) return { ok: true, mentions: answer.mentions, calls };
	return { ok: true, mentions: mapMastodonPage(descendants, { fetchedAt: env.fetchedAt, instance: host, knownStatuses: { [id]: rootNativeId } }).mentions, calls };
}

export const mastodonSource: MentionSource = {
	name: 'mastodon',
	credentialType: (s) => (withToken(s) ? 'mastodonApi' : null),
	streams(query, settings) {
		const plan = toMastodonQuery(query);
		const tags = plan.tagTimelines.map((t) => ({ id: `tag:${t.tag}`, tag: t.tag, any: t.any }));
		// Full-text status search needs a user token (and an Elasticsearch-enabled server).
		const searches = withToken(settings) ? plan.searches.map((q) => ({ id: `search:${q}`, q })) : [];
		return [...tags, ...searches];
	},
	async fetchPage(ctx, env, stream, since, token) {
		const base = (withToken(env.settings) ? env.credentialBaseUrl : null) ?? env.settings.mastodonInstance;
		const instance = hostOf(base);
		const paging = {
			limit: LIMIT,
			...(token ? { max_id: String(token) } : {}),
		};
		const req =
			stream.tag !== undefined
				? {
						url: joinUrl(base, `/api/v1/timelines/tag/${encodeURIComponent(String(stream.tag))}`),
						qs: {
							...paging,
							...((stream.any as string[]).length ? { any: stream.any as string[] } : {}),
							...(since?.sinceId ? { since_id: since.sinceId } : {}),
						},
					}
				: {
						url: joinUrl(base, '/api/v2/search'),
						qs: { ...paging, q: String(stream.q), type: 'statuses', resolve: false },
					};
		return await fetchAndMap(
			ctx,
			env,
			{
				source: `mastodon:${instance}`,
				credentialType: withToken(env.settings) ? 'mastodonApi' : null,
				...req,
			},
			(body) => mapMastodonPage(body, { fetchedAt: env.fetchedAt, instance }),
			(cursor) => (cursor.count >= LIMIT ? cursor.oldestId : null),
		);
	},
	position: (m) => paddedId(localId(m)),
	sinceId: localId,
	filtersByQuery: () => true,
	replies: { postId: mastodonStatusId, read: readMastodonReplies },
};
