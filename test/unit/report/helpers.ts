import type { ReportMention } from '../../../core/report';

export interface MentionOptions {
	sentiment?: 'negative' | 'neutral' | 'positive' | null;
	risk?: number | null;
	platform?: ReportMention['platform'];
	language?: string | null;
	handle?: string;
	name?: string | null;
	authorId?: string | null;
	followers?: number | null;
	shares?: number;
	likes?: number;
	themes?: string[];
	text?: string;
	url?: string | null;
	authorUrl?: string | null;
	title?: string | null;
	/** false: no `crisis` field at all. */
	scored?: boolean;
}

let counter = 0;

/** A hand-built mention at `at` (RFC3339). */
export function mention(at: string, o: MentionOptions = {}): ReportMention {
	counter++;
	const platform = o.platform ?? 'x';
	const m: ReportMention = {
		id: `${platform}:${counter}`,
		platform,
		source: platform,
		nativeId: String(counter),
		url: o.url === undefined ? `https://example.org/m/${counter}` : o.url,
		publishedAt: at,
		title: o.title ?? null,
		text: o.text ?? `mention ${counter}`,
		language: o.language === undefined ? 'en' : o.language,
		author: {
			id: o.authorId ?? null,
			handle: o.handle ?? `author${counter}`,
			name: o.name ?? null,
			url: o.authorUrl ?? null,
			followers: o.followers === undefined ? 100 : o.followers,
			verified: false,
		},
		engagement: { likes: o.likes ?? 0, shares: o.shares ?? 0, replies: 0, views: null },
		inReplyToId: null,
		rating: null,
		hashtags: [],
	};
	if (o.scored !== false) {
		const label = o.sentiment === undefined ? 'neutral' : o.sentiment;
		m.crisis = {
			risk: o.risk === undefined ? (label === 'negative' ? 60 : 20) : o.risk,
			language: m.language,
			unscored: false,
			sentiment: label === null ? null : { label, score: 0, source: 'lexicon' },
			themes: o.themes ?? [],
			factors: [],
			reasons: [],
		};
	}
	return m;
}

/** `n` mentions spread evenly inside the UTC hour starting at `hourIso`. */
export function hourOf(hourIso: string, n: number, make: (i: number) => MentionOptions = () => ({})): ReportMention[] {
	const start = Date.parse(hourIso);
	const out: ReportMention[] = [];
	for (let i = 0; i < n; i++) {
		out.push(mention(new Date(start + Math.floor(((i + 0.5) * 3600000) / n)).toISOString(), make(i)));
	}
	return out;
}

export const H = 3600000;
export const MIN = 60000;

/**
 * A long incident (150 hours from 1 Mar 2026 00:00 UTC, so the phone chart groups hours two by
 * two) whose busiest hour (60 mentions at hour 100) shares its two-hour bar with a quieter one
 * (50 at hour 101): the bar averages 55/h while the peak hour is 60. The during phase is set by
 * hand to `duringHours` hours from hour 100, too short for its label on the phone chart when small.
 */
export function longPeakIncident(duringHours: number, language: 'en' | 'fr' = 'en') {
	const t0 = Date.parse('2026-03-01T00:00:00Z');
	const at = (h: number) => new Date(t0 + h * H).toISOString();
	const busy: Record<number, number> = { 100: 60, 101: 50, 102: 30, 103: 12 };
	const mentions: ReportMention[] = [];
	for (let h = 0; h < 150; h++) {
		const n = busy[h] ?? 2;
		mentions.push(...hourOf(at(h), n, (i) => ({ sentiment: h in busy && i % 3 ? 'negative' : 'neutral' })));
	}
	return {
		mentions,
		phases: { duringStart: at(100), duringEnd: at(100 + duringHours) },
		language,
		timeZone: 'UTC',
		brand: 'Orvia',
		title: 'Peak test',
	};
}
