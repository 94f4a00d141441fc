/**
 * Reddit search Listing (`/search.json`, `oauth.reddit.com/search`, `/r/<sub>/search.json`)
 * → Mention records. Posts (`t3`) and comments (`t1`); the native id is the fullname
 * (`t3_14ynl0l`), unique across kinds.
 */
import { mentionId, type Mention } from '../../mention/mention';
import { epochSecondsToIso, laterTimestamp } from '../dates';
import { canonicalUrl } from '../dedupe';
import { SourceBodyError, SourceItemError, describeValue } from '../errors';
import { extractHashtags } from '../hashtags';
import { decodeEntities } from '../html';
import { apiErrorMessage, isRecord, parseBody } from '../json';
import {
	countOf,
	mapItems,
	optionalCount,
	stringOf,
	type MapContext,
	type MappedPage,
} from '../mapPage';

export interface RedditCursor {
	/** `data.after` fullname to request the next (older) page, null at the end. */
	after: string | null;
	/** Newest `created_utc` (epoch seconds) on this page: store the max and stop below it next poll. */
	newestCreatedUtc: number | null;
	newestPublishedAt: string | null;
	/** Number of children on the page (`dist`), including skipped ones. */
	count: number;
}

const SOURCE = 'reddit';

const KIND_NAMES: Record<string, string> = { t2: 'accounts (t2)', t4: 'messages (t4)', t5: 'subreddits (t5)' };

/**
 * The link of a post or comment: its `permalink`, else (comments in answers from before 2018
 * have none) one built from the post and comment ids, which Reddit redirects to the comment.
 */
function permalinkOf(data: Record<string, unknown>, isPost: boolean): string | null {
	const permalink = stringOf(data.permalink);
	if (permalink) return canonicalUrl(permalink.startsWith('/') ? `https://www.reddit.com${permalink}` : permalink);
	const id36 = stringOf(data.id);
	if (!id36 || !/^[a-z0-9]{1,16}$/i.test(id36)) return null;
	if (isPost) return `https://www.reddit.com/comments/${id36}`;
	const link = stringOf(data.link_id);
	const m = link ? /^t3_([a-z0-9]{1,16})$/i.exec(link) : null;
	return m ? `https://www.reddit.com/comments/${m[1]}/_/${id36}` : null;
}

/** Direct replies of a comment: the comments in its `replies` Listing plus what its "more" stubs count. */
function directReplies(replies: unknown): number {
	if (!isRecord(replies) || !isRecord(replies.data) || !Array.isArray(replies.data.children)) return 0;
	let n = 0;
	for (const c of replies.data.children) {
		if (!isRecord(c)) continue;
		if (c.kind === 't1') n++;
		else if (c.kind === 'more' && isRecord(c.data)) n += countOf(c.data.count);
	}
	return n;
}

function mapChild(child: Record<string, unknown>, source: string): Mention {
	const kind = child.kind;
	const data = child.data;
	if (!isRecord(data))
		throw new SourceItemError(SOURCE, 'data', `expected an object, got ${describeValue(data)}`);
	if (kind !== 't3' && kind !== 't1')
		throw new SourceItemError(
			SOURCE,
			'kind',
			`expected "t3" (post) or "t1" (comment), got ${describeValue(kind)}`,
		);
	const fullname = stringOf(data.name) ?? (stringOf(data.id) ? `${kind}_${String(data.id)}` : null);
	if (!fullname)
		throw new SourceItemError(
			SOURCE,
			'data.name',
			`expected a fullname like "t3_abc", got ${describeValue(data.name)}`,
		);
	const publishedAt = epochSecondsToIso(data.created_utc);
	if (!publishedAt)
		throw new SourceItemError(
			SOURCE,
			'data.created_utc',
			`expected epoch seconds, got ${describeValue(data.created_utc)}`,
		);
	const author = stringOf(data.author);
	if (!author)
		throw new SourceItemError(
			SOURCE,
			'data.author',
			`expected a user name, got ${describeValue(data.author)}`,
		);
	const isPost = kind === 't3';
	const title = isPost && typeof data.title === 'string' ? decodeEntities(data.title) : null;
	const text = decodeEntities(
		typeof (isPost ? data.selftext : data.body) === 'string'
			? String(isPost ? data.selftext : data.body)
			: '',
	).trim();
	const url = permalinkOf(data, isPost);
	const authorFullname = stringOf(data.author_fullname);
	const deleted = author === '[deleted]';
	const parent = stringOf(data.parent_id);
	return {
		id: mentionId('reddit', fullname),
		platform: 'reddit',
		source,
		nativeId: fullname,
		url,
		publishedAt,
		title,
		text,
		language: null,
		author: {
			id: authorFullname ? `reddit:${authorFullname}` : null,
			handle: author,
			name: null,
			url: deleted ? null : `https://www.reddit.com/user/${encodeURIComponent(author)}`,
			followers: null,
			verified: false,
		},
		engagement: {
			likes: countOf(data.score),
			shares: countOf(data.num_crossposts),
			// A comment carries its post's `num_comments`: its own replies are those nested under it.
			replies: isPost ? countOf(data.num_comments) : directReplies(data.replies),
			views: optionalCount(data.view_count),
		},
		inReplyToId: parent ? mentionId('reddit', parent) : null,
		rating: null,
		hashtags: extractHashtags(`${title ?? ''} ${text}`),
		raw: data,
	};
}

/** Maps one Reddit Listing page. Throws SourceBodyError when the body is not a Listing. */
export function mapRedditPage(body: unknown, ctx: MapContext): MappedPage<RedditCursor> {
	const value = parseBody(SOURCE, body);
	if (!isRecord(value))
		throw new SourceBodyError(
			SOURCE,
			'body',
			`expected a Listing object, got ${describeValue(value)}`,
		);
	const apiError = apiErrorMessage(value);
	if (apiError) throw new SourceBodyError(SOURCE, 'body', apiError);
	const data = value.data;
	if (value.kind !== 'Listing' || !isRecord(data)) {
		throw new SourceBodyError(
			SOURCE,
			'kind',
			`expected {kind:"Listing", data:{children}}, got kind ${describeValue(value.kind)}`,
		);
	}
	const children = data.children;
	if (!Array.isArray(children))
		throw new SourceBodyError(
			SOURCE,
			'data.children',
			`expected an array, got ${describeValue(children)}`,
		);
	// A listing of accounts (t2), messages (t4) or subreddits (t5), from another endpoint: one clear
	// error rather than one skipped item per child.
	const other = children.length > 0 && children.every((c) => isRecord(c) && (c.kind === 't2' || c.kind === 't4' || c.kind === 't5'));
	if (other)
		throw new SourceBodyError(SOURCE, 'data.children', `got a listing of ${KIND_NAMES[String((children[0] as Record<string, unknown>).kind)]}, not posts or comments`);
	const source = ctx.source ?? SOURCE;
	const { mentions, skipped } = mapItems(SOURCE, 'data.children', children, (child) =>
		mapChild(child, source),
	);
	let newestCreatedUtc: number | null = null;
	let newestPublishedAt: string | null = null;
	for (const m of mentions) {
		const created = (m.raw as Record<string, unknown>).created_utc as number;
		const c = Number(created);
		if (newestCreatedUtc === null || c > newestCreatedUtc) newestCreatedUtc = c;
		newestPublishedAt = laterTimestamp(newestPublishedAt, m.publishedAt);
	}
	return {
		mentions,
		skipped,
		cursor: {
			after: stringOf(data.after),
			newestCreatedUtc,
			newestPublishedAt,
			count: children.length,
		},
	};
}
