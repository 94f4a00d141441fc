/**
 * Who and where, in one pass over the mentions: reach (potential audience, authors, top
 * authors), sources, languages, themes (all and during) and the top negative (or most shared)
 * mentions.
 */
import type { HowTexts } from '../i18n';
import { oneLine, safeUrl } from '../escape';
import { iso, parseTime } from '../format';
import type { MentionSummary, ReportMention, ReportMetrics, ThemeCount, TopAuthor } from '../types';
import type { PhaseCounts } from './phaseStats';
import type { MentionSeries } from './series';
import { SENT_NEG, TOP_N, countItems, metric, num, topK } from './shared';

export type AudienceMetrics = Pick<ReportMetrics, 'reach' | 'sources' | 'languages' | 'themes' | 'topNegative'>;

interface AuthorAcc extends TopAuthor {
	known: boolean;
}

function summarizeMention(m: ReportMention): MentionSummary {
	const a = m.author ?? ({} as ReportMention['author']);
	const e = m.engagement ?? ({} as ReportMention['engagement']);
	return {
		id: oneLine(m.id, 200),
		platform: oneLine(m.platform, 40),
		url: safeUrl(m.url),
		publishedAt: iso(parseTime(m.publishedAt) ?? 0),
		author: {
			handle: oneLine(a.handle, 80),
			name: a.name ? oneLine(a.name, 80) : null,
			url: safeUrl(a.url),
			followers: typeof a.followers === 'number' && Number.isFinite(a.followers) ? a.followers : null,
		},
		title: m.title ? oneLine(m.title, 140) : null,
		text: oneLine(m.text, 280),
		shares: num(e.shares),
		engagement: num(e.likes) + num(e.shares) + num(e.replies),
		risk: m.crisis && typeof m.crisis.risk === 'number' ? m.crisis.risk : null,
		sentiment: m.crisis && m.crisis.sentiment ? m.crisis.sentiment.label : null,
	};
}

function addAuthor(authors: Map<string, AuthorAcc>, platform: string, a: NonNullable<ReportMention['author']>, negative: boolean): void {
	const handle = typeof a.handle === 'string' ? a.handle : '';
	const key = `${platform}:${a.id ? String(a.id) : handle.toLowerCase()}`;
	const followers = typeof a.followers === 'number' && Number.isFinite(a.followers) && a.followers >= 0 ? a.followers : null;
	let acc = authors.get(key);
	if (!acc) {
		acc = {
			platform,
			handle,
			name: typeof a.name === 'string' ? a.name : null,
			url: typeof a.url === 'string' ? a.url : null,
			followers,
			verified: a.verified === true,
			mentions: 0,
			negative: 0,
			known: followers !== null,
		};
		authors.set(key, acc);
	} else if (followers !== null && (acc.followers === null || followers > acc.followers)) {
		acc.followers = followers;
		acc.known = true;
	}
	acc.mentions++;
	if (negative) acc.negative++;
}

function reachMetrics(authors: Map<string, AuthorAcc>, how: HowTexts): ReportMetrics['reach'] {
	let potential = 0;
	let unknownReach = 0;
	const topAuthorsK = topK<AuthorAcc>(TOP_N, (a, b) => (a.followers ?? -1) - (b.followers ?? -1) || a.mentions - b.mentions);
	for (const acc of authors.values()) {
		if (acc.followers !== null) potential += acc.followers;
		else unknownReach++;
		topAuthorsK.add(acc);
	}
	const topAuthors: TopAuthor[] = topAuthorsK.result().map((a) => ({
		platform: oneLine(a.platform, 40),
		handle: oneLine(a.handle, 80),
		name: a.name ? oneLine(a.name, 80) : null,
		url: safeUrl(a.url),
		followers: a.followers,
		verified: a.verified,
		mentions: a.mentions,
		negative: a.negative,
	}));
	return {
		potential: metric(potential, how.reach(unknownReach), 'followers'),
		authors: metric(authors.size, how.authors),
		unknownReachAuthors: unknownReach,
		topAuthors: metric(topAuthors, how.topAuthors),
	};
}

export function audienceMetrics(series: MentionSeries, phases: PhaseCounts, ds: number | null, how: HowTexts): AudienceMetrics {
	const { mentions, times, hourOf, sent, scored, valid } = series;
	const { mentionPhase } = phases;
	const authors = new Map<string, AuthorAcc>();
	const platforms = new Map<string, number>();
	const languages = new Map<string, number>();
	const themeAll = new Map<string, number>();
	const themeDuring = new Map<string, number>();
	const sharesOrder = (a: { s: number; e: number; t: number }, b: { s: number; e: number; t: number }) => a.s - b.s || a.e - b.e || b.t - a.t;
	const topMentions = topK<{ s: number; e: number; t: number; i: number }>(TOP_N, sharesOrder);
	for (let i = 0; i < mentions.length; i++) {
		if (hourOf[i] < 0) continue;
		const m = mentions[i];
		const a = m.author && typeof m.author === 'object' ? m.author : null;
		const platform = typeof m.platform === 'string' && m.platform ? m.platform : 'unknown';
		platforms.set(platform, (platforms.get(platform) ?? 0) + 1);
		const langRaw = (typeof m.language === 'string' && m.language) || (m.crisis && m.crisis.language) || 'unknown';
		const langKey = oneLine(langRaw, 20).toLowerCase() || 'unknown';
		languages.set(langKey, (languages.get(langKey) ?? 0) + 1);
		if (a) addAuthor(authors, platform, a, sent[i] === SENT_NEG);
		const c = m.crisis;
		if (c && Array.isArray(c.themes)) {
			for (const th of c.themes) {
				if (typeof th !== 'string' || !th) continue;
				themeAll.set(th, (themeAll.get(th) ?? 0) + 1);
				if (mentionPhase[i] === 1) themeDuring.set(th, (themeDuring.get(th) ?? 0) + 1);
			}
		}
		const eligible = scored ? sent[i] === SENT_NEG : ds === null || mentionPhase[i] === 1;
		if (eligible) {
			const e = m.engagement && typeof m.engagement === 'object' ? m.engagement : null;
			const s = e ? num(e.shares) : 0;
			topMentions.add({ s, e: e ? s + num(e.likes) + num(e.replies) : 0, t: times[i], i });
		}
	}
	const themes: ThemeCount[] | null = scored
		? [...themeAll.entries()]
				.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
				.slice(0, 12)
				.map(([theme, c]) => ({ theme: oneLine(theme, 60), count: c, during: themeDuring.get(theme) ?? 0 }))
		: null;
	return {
		reach: reachMetrics(authors, how),
		sources: metric(countItems(platforms, valid, 8), how.sources, 'mentions'),
		languages: metric(countItems(languages, valid, 6), how.languages, 'mentions'),
		themes: metric(themes, scored ? how.themes : how.notScored, 'mentions'),
		topNegative: metric(
			topMentions.result().map((x) => summarizeMention(mentions[x.i])),
			scored ? how.topNegative : how.topShared,
		),
	};
}
