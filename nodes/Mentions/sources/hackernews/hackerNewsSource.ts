/** Hacker News through Algolia (B2): `search_by_date`, one search per term, no auth, no rate-limit headers. */
import type { Mention } from '../../../../core/mention/mention';
import { mapHackerNewsItemTree, mapHackerNewsPage } from '../../../../core/sources/hackernews/mapHackerNews';
import { hackerNewsItemId, hasItemTree } from '../../../../core/sources/hackernews/replies';
import { toHnQuery } from '../../../../core/sources/query';
import { joinUrl, type FetchContext } from '../../transport/request';
import { byTime, fetchAndMap, publicBase, type MentionSource, type PageAnswer, type PageToken, type RepliesAnswer, type SourceEnv } from '../mentionSource';
import { MAX_REPLY_REQUESTS } from '../replies';

function epochSeconds(iso: string | null): number | null {
	if (!iso) return null;
	const ms = Date.parse(iso);
	return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

/**
 * The story's comments by `search_by_date?tags=comment,story_<id>` (paged). That search knows
 * stories only: when it finds nothing, the item is read with its reply tree
 * (`/api/v1/items/<id>`), which gives the replies under a comment (or under a story the search
 * index has not caught up with).
 */
async function readHackerNewsReplies(ctx: FetchContext, env: SourceEnv, id: string, limit: number): Promise<RepliesAnswer> {
	const host = publicBase(env.settings, 'https://hn.algolia.com');
	const mentions: Mention[] = [];
	const asked = new Set<string>();
	let page: PageToken | null = 0;
	let found = false;
	let calls = 0;
	for (let requests = 0; page !== null && requests < MAX_REPLY_REQUESTS && mentions.length < limit; requests++) {
		asked.add(String(page));
		const answer: PageAnswer = await fetchAndMap(
			ctx,
			env,
			{ source: 'hackernews', credentialType: null, url: joinUrl(host, '/api/v1/search_by_date'), qs: { tags: `comment,story_${id}`, hitsPerPage: 100, page: Number(page) } },
			(body) => mapHackerNewsPage(body, { fetchedAt: env.fetchedAt }),
			(cursor) => cursor.nextPage,
		);
		calls += answer.calls;
		if (!answer.ok) return { ok: false, failure: answer.failure, calls };
		if (answer.mentions.length > 0 || answer.skipped.length > 0) found = true;
		mentions.push(...answer.mentions);
		page = answer.next !== null && !asked.has(String(answer.next)) ? answer.next : null;
	}
	if (found || !hasItemTree(id)) return { ok: true, mentions, calls };
	const tree = await fetchAndMap(
		ctx,
		env,
		{ source: 'hackernews', credentialType: null, url: joinUrl(host, `/api/v1/items/${id}`) },
		(body) => mapHackerNewsItemTree(body, { fetchedAt: env.fetchedAt }),
		() => null,
	);
	calls += tree.calls;
	return tree.ok ? { ok: true, mentions: tree.mentions, calls } : { ok: false, failure: tree.failure, calls };
}

export const hackerNewsSource: MentionSource = {
	name: 'hackernews',
	credentialType: () => null,
	streams: (query) =>
		toHnQuery(query).map((s) => ({ id: s.tags ? `${s.tags}|${s.query}` : s.query, query: s.query, tags: s.tags })),
	async fetchPage(ctx, env, stream, since, token) {
		const filters: string[] = [];
		const from = epochSeconds(since?.publishedAt ?? null);
		// `>=`: items of the same second are re-read and dropped by the seen set, never missed.
		if (from !== null) filters.push(`created_at_i>=${from}`);
		const until = epochSeconds(env.until);
		if (until !== null) filters.push(`created_at_i<${until}`);
		return await fetchAndMap(
			ctx,
			env,
			{
				source: 'hackernews',
				credentialType: null,
				url: joinUrl(publicBase(env.settings, 'https://hn.algolia.com'), '/api/v1/search_by_date'),
				qs: {
					query: String(stream.query ?? ''),
					tags: stream.tags ? String(stream.tags) : '(story,comment)',
					hitsPerPage: 100,
					page: Number(token ?? 0),
					...(filters.length ? { numericFilters: filters.join(',') } : {}),
				},
			},
			(body) => mapHackerNewsPage(body, { fetchedAt: env.fetchedAt }),
			(cursor) => cursor.nextPage,
		);
	},
	position: byTime,
	filtersByQuery: () => true,
	replies: { postId: hackerNewsItemId, read: readHackerNewsReplies },
};
