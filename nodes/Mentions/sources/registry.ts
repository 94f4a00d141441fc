import type { MentionSource, SourceName } from './mentionSource';
import { redditSource } from './reddit/redditSource';
import { hackerNewsSource } from './hackernews/hackerNewsSource';
import { mastodonSource } from './mastodon/mastodonSource';
import { blueskySource } from './bluesky/blueskySource';
import { rssSource } from './rss/rssSource';
import { xSource } from './x/xSource';
import { youtubeSource } from './youtube/youtubeSource';
import { appStoreSource } from './appstore/appStoreSource';

export const SOURCES: Record<SourceName, MentionSource> = {
	reddit: redditSource,
	hackernews: hackerNewsSource,
	mastodon: mastodonSource,
	bluesky: blueskySource,
	rss: rssSource,
	x: xSource,
	youtube: youtubeSource,
	appstore: appStoreSource,
};
