/** Hacker News through Algolia (B2): `search_by_date`, one search per term, no auth, no rate-limit headers. */
import { mapHackerNewsPage } from '../../../../core/sources/hackernews/mapHackerNews';
import { toHnQuery } from '../../../../core/sources/query';
import { joinUrl } from '../../transport/request';
import { byTime, fetchAndMap, publicBase, type MentionSource } from '../mentionSource';

function epochSeconds(iso: string | null): number | null {
	if (!iso) return null;
	const ms = Date.parse(iso);
	return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
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
};
