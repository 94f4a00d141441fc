/** Reddit search (B1): public JSON (`www.reddit.com/search.json`, 10 QPM) or OAuth (`oauth.reddit.com/search`, 100 QPM). */
import type { IDataObject } from 'n8n-workflow';
import type { Mention } from '../../../../core/mention/mention';
import { mapRedditPage } from '../../../../core/sources/reddit/mapReddit';
import { mapRedditThreadPage, type RedditThreadCursor } from '../../../../core/sources/reddit/mapRedditThread';
import { followRedditStubs, nextRedditReplyRequest, redditPostId, startRedditReplyWalk } from '../../../../core/sources/reddit/replies';
import { toRedditQuery } from '../../../../core/sources/query';
import { joinUrl, type FetchContext } from '../../transport/request';
import { byTime, fetchAndMap, publicBase, type MentionSource, type RepliesAnswer, type SourceEnv } from '../mentionSource';
import { MAX_REPLY_REQUESTS } from '../replies';

/**
 * `/comments/<article>`, then the "load more comments" stubs it leaves (core/sources/reddit/replies.ts):
 * `/api/morechildren` (≤ 100 ids a request) and "continue this thread"
 * (`/comments/<article>?comment=<id36>`), until Limit replies or the request cap.
 * Same transport and credential as the first request; ids already read are not asked again.
 */
async function readRedditReplies(ctx: FetchContext, env: SourceEnv, postId: string, limit: number): Promise<RepliesAnswer> {
	const oauth = env.settings.redditAuth === 'oAuth2';
	const host = oauth ? (env.credentialBaseUrl ?? 'https://oauth.reddit.com') : publicBase(env.settings, 'https://www.reddit.com');
	const path = (p: string) => joinUrl(host, `${p}${oauth ? '' : '.json'}`);
	const byId = new Map<string, Mention>();
	const walk = startRedditReplyWalk(postId);
	let calls = 0;
	const read = async (url: string, qs: IDataObject) => {
		const seen: { cursor: RedditThreadCursor | null } = { cursor: null };
		const answer = await fetchAndMap(
			ctx,
			env,
			{ source: 'reddit', credentialType: oauth ? 'redditOAuth2Api' : null, url, qs },
			(body) => mapRedditThreadPage(body, { fetchedAt: env.fetchedAt }),
			(cursor) => {
				seen.cursor = cursor;
				return null;
			},
		);
		calls += answer.calls;
		if (!answer.ok) return answer;
		for (const m of answer.mentions) if (!byId.has(m.id)) byId.set(m.id, m);
		followRedditStubs(walk, seen.cursor, (id) => byId.has(id));
		return null;
	};
	let failed = await read(path(`/comments/${postId}`), { limit: 500, raw_json: 1, sort: 'new' });
	for (let requests = 1; !failed && requests < MAX_REPLY_REQUESTS && byId.size < limit; requests++) {
		const next = nextRedditReplyRequest(walk);
		if (!next) break;
		failed =
			next.kind === 'morechildren'
				? await read(path('/api/morechildren'), { api_type: 'json', link_id: next.linkId, children: next.children.join(','), sort: 'new', limit_children: false, raw_json: 1 })
				: await read(path(`/comments/${postId}`), { comment: next.comment, limit: 500, raw_json: 1, sort: 'new' });
	}
	return failed ? { ok: false, failure: failed.failure, calls } : { ok: true, mentions: [...byId.values()], calls };
}

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
	replies: { postId: redditPostId, read: readRedditReplies },
};
