/**
 * The Mention record: the one normalised shape every source maps into and every other
 * Crisis Kit node consumes. Pure data; see docs/mention-record.md and mention.schema.json.
 */

export const PLATFORMS = [
	'reddit',
	'hackernews',
	'mastodon',
	'bluesky',
	'rss',
	'x',
	'youtube',
	'appstore',
	'sample',
	'import',
] as const;

export type Platform = (typeof PLATFORMS)[number];

export interface MentionAuthor {
	/** Platform-scoped author id when the platform has one (`x:2244994945`), else null. */
	id: string | null;
	/** Handle as shown on the platform, without a leading `@` (`orvia_support`, `alice@mastodon.social`). */
	handle: string;
	/** Display name, when known. */
	name: string | null;
	/** Profile URL (http/https only), when known. */
	url: string | null;
	/** Followers / subscribers / karma-like audience size. null = unknown (never guessed). */
	followers: number | null;
	/** Whether the platform marks the account as verified. */
	verified: boolean;
}

export interface MentionEngagement {
	likes: number;
	shares: number;
	replies: number;
	/** Views or impressions when the platform exposes them, else null. */
	views: number | null;
}

export interface Mention {
	/** Platform-scoped string id: `<platform>:<nativeId>` (never a bare number: X ids exceed 2^53). */
	id: string;
	platform: Platform;
	/** Where exactly it came from: `reddit`, `mastodon:mastodon.social`, `rss:news.google.com`, `import:brandwatch`… */
	source: string;
	/** The id as the platform gives it, always a string. */
	nativeId: string;
	/** Canonical public URL (http/https), or null when the item has none. */
	url: string | null;
	/** RFC3339 UTC timestamp with a `Z` suffix: `2026-03-05T09:14:00.000Z`. */
	publishedAt: string;
	/**
	 * Present only when the source gave no usable date, so `publishedAt` is the fetch time:
	 * says why (`no date in the item (pubDate, dc:date, published, updated)`). Absent = the
	 * platform's own date.
	 */
	publishedAtEstimated?: string;
	/** Title for items that have one (Reddit posts, HN stories, articles, videos), else null. */
	title: string | null;
	/** Plain text of the mention (HTML stripped), title excluded. May be empty, never null. */
	text: string;
	/** Lower-case ISO 639-1 code from the platform field when present (`en`, `fr`), else null. */
	language: string | null;
	author: MentionAuthor;
	engagement: MentionEngagement;
	/** Id (platform-scoped) of the mention this one replies to, when known. */
	inReplyToId: string | null;
	/** Star rating for reviews (1–5), else null. */
	rating: number | null;
	/** Hashtags without `#`, lower-case. */
	hashtags: string[];
	/** The source payload, kept aside untouched; nodes drop it unless asked to keep it. */
	raw?: unknown;
}

/** Builds the platform-scoped id. */
export function mentionId(platform: Platform, nativeId: string): string {
	return `${platform}:${nativeId}`;
}

/** The reach of an author: followers when known, else 0 (unknown reach adds no risk). */
export function authorReach(author: MentionAuthor): number {
	return author.followers !== null && Number.isFinite(author.followers) && author.followers > 0
		? author.followers
		: 0;
}

/** Total engagement (likes + shares + replies), views excluded. */
export function totalEngagement(e: MentionEngagement): number {
	return (e.likes || 0) + (e.shares || 0) + (e.replies || 0);
}
