import { computeReport, renderReportHtml, renderReportMarkdown } from '../../../core/report';
import type { ReportInput, ReportMention, ReportTimelineEvent } from '../../../core/report';
import type { Situation } from '../../../core/scoring/types';
import type { Level } from '../../../core/levels';
import { H, MIN, hourOf, mention } from './helpers';

const NOW = '2026-03-11T09:00:00.000Z';
const day = '2026-03-10T';
const hour = (h: number) => `${day}${String(h).padStart(2, '0')}:00:00.000Z`;
const t = (s: string) => Date.parse(s);

function situation(h: number, level: Level): Situation {
	return {
		level,
		windowStart: hour(h),
		windowEnd: hour(h + 1),
		assessedAt: new Date(t(hour(h + 1)) + 5 * MIN).toISOString(),
		reasons: [],
		metrics: {},
		themes: [],
	};
}

/**
 * The reference incident, every answer known by hand:
 * - 00:00–11:59: 2 mentions per hour (24), one in four negative (6), authors a*, followers 100, platform x;
 * - 12:00 20 mentions (15 negative), 13:00 30 (24 negative, on reddit), 14:00 10 (8 negative);
 *   authors d* with 10 followers, except three by "bigvoice" (max 50 000 followers) and one with unknown audience;
 * - 15:00–20:59: 2 per hour (12), negative at 15, 17 and 19 (3);
 * - situations: hourly, alert for the 12, 13 and 14 h windows, calm otherwise (00–20 h);
 * - timeline: detected 12:20, step due 12:50 done 13:10, statement approved 13:05, resolved 16:00.
 */
function reference(): ReportInput {
	const mentions: ReportMention[] = [];
	let before = 0;
	for (let h = 0; h < 12; h++) {
		mentions.push(
			...hourOf(hour(h), 2, () => ({
				sentiment: before++ % 4 === 0 ? 'negative' : 'positive',
				handle: `a${before}`,
				followers: 100,
				language: 'fr',
			})),
		);
	}
	let d = 0;
	const during = (negatives: number, platform: ReportMention['platform']) => (i: number) => {
		d++;
		const big = d === 5 || d === 15 || d === 55;
		return {
			sentiment: i < negatives ? ('negative' as const) : ('neutral' as const),
			themes: i < negatives ? ['dataLeak'] : [],
			handle: big ? 'bigvoice' : `d${d}`,
			followers: big ? (d === 15 ? 50000 : 48000) : d === 1 ? null : 10,
			shares: d === 30 ? 500 : i,
			platform,
			language: 'en',
		};
	};
	mentions.push(...hourOf(hour(12), 20, during(15, 'x')));
	mentions.push(...hourOf(hour(13), 30, during(24, 'reddit')));
	mentions.push(...hourOf(hour(14), 10, during(8, 'x')));
	let a = 100;
	for (let h = 15; h < 21; h++) {
		mentions.push(
			...hourOf(hour(h), 2, (i) => ({
				sentiment: i === 0 && h % 2 === 1 ? 'negative' : 'positive',
				handle: `a${a++}`,
				followers: 100,
				language: 'fr',
			})),
		);
	}
	const situations: Situation[] = [];
	for (let h = 0; h < 21; h++) situations.push(situation(h, h >= 12 && h <= 14 ? 'alert' : 'calm'));
	const timeline: ReportTimelineEvent[] = [
		{ type: 'detected', at: `${day}12:20:00Z`, actor: 'Crisis Score', level: 'alert' },
		{ type: 'stepDone', at: `${day}13:10:00Z`, stepId: 'pause', deadline: `${day}12:50:00Z`, details: { title: 'Pause posts' } },
		{ type: 'statementApproved', at: `${day}13:05:00Z`, actor: 'CEO' },
		{ type: 'resolved', at: `${day}16:00:00Z` },
	];
	return { mentions, situations, timeline, timeZone: 'UTC', title: 'Reference', brand: 'Orvia' };
}

describe('computeReport on a hand-built incident', () => {
	const m = computeReport(reference(), NOW);

	it('splits before / during / after from the levels', () => {
		expect(m.phases.source).toBe('situations');
		expect(m.phases.duringStart).toBe(hour(12));
		expect(m.phases.duringEnd).toBe(hour(15));
		expect(m.phaseStats.before).toMatchObject({ mentions: 24, hours: 12, start: hour(0), end: hour(12) });
		expect(m.phaseStats.during).toMatchObject({ mentions: 60, hours: 3 });
		expect(m.phaseStats.after).toMatchObject({ mentions: 12, hours: 6, end: hour(21) });
		expect(m.volume.perHour.value).toEqual({ before: 2, during: 20, after: 2 });
	});

	it('finds the volume, its peak and the baseline', () => {
		expect(m.volume.total.value).toBe(96);
		expect(m.volume.bucketHours).toBe(1);
		expect(m.volume.series).toHaveLength(21);
		expect(m.volume.series[13]).toEqual({ start: hour(13), count: 30, negative: 24 });
		expect(m.volume.peak.value).toEqual({ at: hour(13), count: 30 });
		// median 2, MAD 0 → max(2 + 0, 4, 5) = 5
		expect(m.volume.baseline.value).toEqual({ median: 2, threshold: 5 });
		expect(m.volume.baseline.how).toContain('12 hours before the crisis');
	});

	it('computes the durations per level', () => {
		expect(m.levels.highest.value).toBe('alert');
		expect(m.levels.durationAtOrAbove.value).toEqual({ calm: 21 * H, watch: 3 * H, alert: 3 * H, crisis: 0, critical: 0 });
		expect(m.levels.bands.map((b) => b.level)).toEqual(['calm', 'alert', 'calm']);
	});

	it('computes sentiment per phase and the recovery', () => {
		expect(m.scored).toBe(true);
		expect(m.sentiment.negativeShare.value).toEqual({ before: 0.25, during: 0.7833, after: 0.25 });
		expect(m.phaseStats.during.sentiment).toEqual({ negative: 47, neutral: 13, positive: 0, unknown: 0 });
		// risk: 60 for negatives, 20 otherwise
		expect(m.sentiment.averageRisk.value).toEqual({ before: 30, during: 51.3, after: 30 });
		// the 14 h window (11 negative of 20) is still worse than 30 % beyond chance; from 15 h on it is not
		expect(m.sentiment.recovery.value).toEqual({ degraded: true, recovered: true, at: hour(15), afterMs: 3 * H });
	});

	it('computes the reach once per author', () => {
		expect(m.reach.authors.value).toBe(36 + 57 + 1);
		expect(m.reach.potential.value).toBe(36 * 100 + 56 * 10 + 50000);
		expect(m.reach.unknownReachAuthors).toBe(1);
		expect(m.reach.topAuthors.value[0]).toMatchObject({ handle: 'bigvoice', followers: 50000, mentions: 3, negative: 3 });
	});

	it('counts sources, languages and themes', () => {
		expect(m.sources.value).toEqual([
			{ key: 'x', count: 66, share: 0.6875 },
			{ key: 'reddit', count: 30, share: 0.3125 },
		]);
		expect(m.languages.value.map((x) => [x.key, x.count])).toEqual([
			['en', 60],
			['fr', 36],
		]);
		expect(m.themes.value).toEqual([{ theme: 'dataLeak', count: 47, during: 47 }]);
	});

	it('ranks the most shared negative mentions', () => {
		const top = m.topNegative.value;
		expect(top).toHaveLength(10);
		expect(top[0].shares).toBe(500);
		expect(top.every((x) => x.sentiment === 'negative')).toBe(true);
		for (let i = 1; i < top.length; i++) expect(top[i - 1].shares).toBeGreaterThanOrEqual(top[i].shares);
	});

	it('computes the response times and late steps', () => {
		expect(m.response.firstAbnormal.value).toBe(hour(12));
		expect(m.response.firstAlert.value).toEqual({ at: `${day}12:20:00.000Z`, source: 'timeline:detected' });
		expect(m.response.timeToDetect.value).toBe(20 * MIN);
		expect(m.response.timeToDetect.how).toContain('10 Mar, 12:20');
		expect(m.response.timeToAcknowledge.value).toBe(45 * MIN);
		expect(m.response.resolved.value).toEqual({ at: `${day}16:00:00.000Z`, estimated: false });
		expect(m.response.timeToResolve.value).toBe(3 * H + 40 * MIN);
		expect(m.response.lateSteps.value).toEqual([
			{ stepId: 'pause', label: 'Pause posts', deadline: `${day}12:50:00.000Z`, doneAt: `${day}13:10:00.000Z`, lateByMs: 20 * MIN },
		]);
		expect(m.timeline.map((e) => e.type)).toEqual(['detected', 'statementApproved', 'stepDone', 'resolved']);
		expect(m.timeline.find((e) => e.type === 'stepDone')).toMatchObject({ late: true, marked: false });
	});

	it('explains every metric', () => {
		const hows: string[] = [];
		const walk = (v: unknown) => {
			if (v && typeof v === 'object') {
				const o = v as Record<string, unknown>;
				if (typeof o.how === 'string' && 'value' in o) hows.push(o.how);
				Object.values(o).forEach(walk);
			}
		};
		walk(m);
		expect(hows.length).toBeGreaterThanOrEqual(24);
		for (const h of hows) expect(h.length).toBeGreaterThan(10);
	});

	it('is JSON-safe and deterministic', () => {
		expect(JSON.parse(JSON.stringify(m))).toEqual(m);
		const input = reference();
		expect(computeReport(input, NOW)).toEqual(computeReport(input, NOW));
	});
});

describe('computeReport edge cases', () => {
	it('handles no mentions at all', () => {
		const m = computeReport({ mentions: [] }, NOW);
		expect(m.range).toEqual({ start: null, end: null, mentions: 0, excluded: 0 });
		expect(m.volume.peak.value).toBeNull();
		expect(m.volume.series).toEqual([]);
		expect(m.phases.source).toBe('none');
		expect(m.sentiment.negativeShare.value).toEqual({ before: null, during: null, after: null });
		expect(m.response.timeToDetect.value).toBeNull();
		expect(m.notes.join(' ')).toContain('No mentions');
		expect(renderReportHtml(m)).toContain('</html>');
		expect(renderReportMarkdown(m)).toContain('# Post-crisis impact report');
	});

	it('handles a single mention', () => {
		const m = computeReport({ mentions: [mention(`${day}10:15:00Z`, { sentiment: 'negative', followers: 42 })] }, NOW);
		expect(m.volume.total.value).toBe(1);
		expect(m.volume.peak.value).toEqual({ at: hour(10), count: 1 });
		// median 1, MAD 0 → threshold max(1, 2, 4) = 4: one mention is not a crisis
		expect(m.volume.baseline.value).toEqual({ median: 1, threshold: 4 });
		expect(m.phases.source).toBe('none');
		expect(m.phaseStats.before).toMatchObject({ mentions: 1, hours: 1 });
		expect(m.phaseStats.during).toMatchObject({ mentions: 0, hours: 0, start: null });
		expect(m.sentiment.negativeShare.value).toEqual({ before: 1, during: null, after: null });
		expect(m.sentiment.recovery.value).toBeNull();
		expect(m.reach.potential.value).toBe(42);
		expect(m.response.firstAbnormal.value).toBeNull();
		expect(m.topNegative.value).toHaveLength(1);
		expect(() => renderReportHtml(m)).not.toThrow();
	});

	it('leaves empty phases empty when the user sets them around all the data', () => {
		const mentions = [...hourOf(hour(8), 3), ...hourOf(hour(9), 5, () => ({ sentiment: 'negative' }))];
		const m = computeReport({ mentions, phases: { duringStart: hour(6), duringEnd: hour(12) } }, NOW);
		expect(m.phases.source).toBe('user');
		expect(m.phaseStats.before).toMatchObject({ mentions: 0, hours: 0, start: null });
		expect(m.phaseStats.after).toMatchObject({ mentions: 0, hours: 0 });
		expect(m.phaseStats.during).toMatchObject({ mentions: 8, hours: 2 });
		expect(m.volume.perHour.value).toEqual({ before: null, during: 4, after: null });
		expect(m.sentiment.negativeShare.value).toEqual({ before: null, during: 0.625, after: null });
		expect(m.sentiment.recovery.value).toBeNull();
		expect(m.sentiment.recovery.how).toContain('Too few');
		expect(m.response.resolved.value).toBeNull();
	});

	it('rejects invalid user phases and says so', () => {
		const m = computeReport({ mentions: hourOf(hour(8), 3), phases: { duringStart: hour(12), duringEnd: hour(6) } }, NOW);
		expect(m.phases.source).toBe('none');
		expect(m.notes.join(' ')).toContain('Invalid phases');
	});

	it('derives phases from the timeline level changes when no situations are given', () => {
		const mentions = [...hourOf(hour(8), 2), ...hourOf(hour(9), 2), ...hourOf(hour(10), 2), ...hourOf(hour(11), 2)];
		const timeline: ReportTimelineEvent[] = [
			{ type: 'levelChanged', at: `${day}08:30:00Z`, level: 'watch' },
			{ type: 'levelChanged', at: `${day}09:00:00Z`, level: 'crisis' },
			{ type: 'levelChanged', at: `${day}10:00:00Z`, level: 'alert' },
			{ type: 'levelChanged', at: `${day}10:30:00Z`, level: 'calm' },
		];
		const m = computeReport({ mentions, timeline }, NOW);
		expect(m.phases).toMatchObject({ source: 'timeline', duringStart: hour(9), duringEnd: `${day}10:30:00.000Z` });
		expect(m.levels.durationAtOrAbove.value).toMatchObject({ watch: 2 * H, alert: 1.5 * H, crisis: H, critical: 0 });
		expect(m.response.firstAlert.value).toEqual({ at: hour(9), source: 'timeline:levelChanged' });
		// calm holds until the end of the data (12:00)
		expect(m.levels.bands[m.levels.bands.length - 1]).toEqual({ start: `${day}10:30:00.000Z`, end: hour(12), level: 'calm' });
	});

	it('derives phases from the volume alone, and estimates the resolution', () => {
		const mentions: ReportMention[] = [];
		for (let h = 0; h < 10; h++) mentions.push(...hourOf(hour(h), 1));
		mentions.push(...hourOf(hour(10), 12), ...hourOf(hour(11), 3), ...hourOf(hour(12), 9));
		for (let h = 13; h < 18; h++) mentions.push(...hourOf(hour(h), 1));
		const timeline: ReportTimelineEvent[] = [{ type: 'detected', at: `${day}10:40:00Z` }];
		const m = computeReport({ mentions, timeline }, NOW);
		// baseline over all 18 hours: median 1, MAD 0 → threshold 4; 11 h (3) is a tolerated gap
		expect(m.volume.baseline.value).toEqual({ median: 1, threshold: 4 });
		expect(m.phases).toMatchObject({ source: 'volume', duringStart: hour(10), duringEnd: hour(13) });
		expect(m.response.timeToDetect.value).toBe(40 * MIN);
		expect(m.response.resolved.value).toEqual({ at: hour(13), estimated: true });
		expect(m.response.timeToResolve.value).toBe(2 * H + 20 * MIN);
		expect(m.levels.durationAtOrAbove.value).toBeNull();
	});

	it('clamps the time to detect to 0 when the alert came before the volume anomaly', () => {
		const mentions = [...hourOf(hour(0), 1), ...hourOf(hour(1), 1), ...hourOf(hour(2), 1), ...hourOf(hour(3), 20), ...hourOf(hour(4), 1)];
		const m = computeReport({ mentions, timeline: [{ type: 'detected', at: `${day}02:30:00Z` }] }, NOW);
		expect(m.response.firstAbnormal.value).toBe(hour(3));
		expect(m.response.timeToDetect.value).toBe(0);
		expect(m.response.timeToDetect.how).toContain('before the volume anomaly');
	});

	it('computes what it can without crisis scores, and says so', () => {
		const mentions = [
			...hourOf(hour(8), 1, () => ({ scored: false })),
			...hourOf(hour(9), 1, () => ({ scored: false, shares: 7 })),
		];
		const m = computeReport({ mentions }, NOW);
		expect(m.scored).toBe(false);
		expect(m.notes.join(' ')).toContain('no crisis score');
		expect(m.sentiment.negativeShare.value).toEqual({ before: null, during: null, after: null });
		expect(m.sentiment.negativeShare.how).toContain('not computed');
		expect(m.sentiment.averageRisk.value.before).toBeNull();
		expect(m.themes.value).toBeNull();
		expect(m.topNegative.value[0].shares).toBe(7);
		expect(m.topNegative.how).toContain('Sentiment unavailable');
		expect(m.volume.total.value).toBe(2);
		expect(renderReportHtml(m)).toContain('Most shared mentions');
	});

	it('ignores invalid timestamps and unknown zones, and says so', () => {
		const bad = mention('yesterday');
		const local = mention('2026-03-10T10:00:00'); // no offset: would depend on the machine
		const m = computeReport({ mentions: [bad, local, mention(`${day}10:00:00Z`)], timeZone: 'Mars/Olympus' }, NOW);
		expect(m.range.mentions).toBe(1);
		expect(m.range.excluded).toBe(2);
		expect(m.timeZone).toBe('UTC');
		expect(m.notes.join(' ')).toMatch(/2 mentions ignored.*Unknown time zone|Unknown time zone.*2 mentions ignored/);
	});

	it('requires a valid now', () => {
		expect(() => computeReport({ mentions: [] }, 'not a date')).toThrow(TypeError);
	});

	it('reports planned steps never done past their deadline', () => {
		const timeline: ReportTimelineEvent[] = [
			{
				type: 'planIssued',
				at: `${day}08:00:00Z`,
				details: {
					steps: [
						{ id: 'pause', title: 'Pause posts', deadline: `${day}08:30:00Z` },
						{ id: 'statement', title: 'Holding statement', deadline: `${day}09:00:00Z` },
						{ id: 'later', title: 'Later', deadline: '2026-03-12T00:00:00Z' },
					],
				},
			},
			// completes "pause" on time, through an event that is not stepDone
			{ type: 'publishingPaused', at: `${day}08:20:00Z`, stepId: 'pause' },
		];
		const m = computeReport({ mentions: hourOf(hour(8), 2), timeline }, NOW);
		expect(m.response.lateSteps.value).toEqual([
			{ stepId: 'statement', label: 'Holding statement', deadline: `${day}09:00:00.000Z`, doneAt: null, lateByMs: t(NOW) - t(hour(9)) },
		]);
		expect(m.timeline[1].summary).toBe('Pause posts');
	});

	it('keeps its output small and capped on long, wide data', () => {
		const mentions: ReportMention[] = [];
		for (let d = 0; d < 120; d++) mentions.push(mention(new Date(t('2026-01-01T00:00:00Z') + d * 24 * H).toISOString(), { handle: `h${d}` }));
		const m = computeReport({ mentions }, NOW);
		expect(m.volume.bucketHours).toBe(2);
		expect(m.volume.series.length).toBeLessThanOrEqual(2000);
		expect(m.volume.series.reduce((s, b) => s + b.count, 0)).toBe(120);
		expect(m.reach.topAuthors.value).toHaveLength(10);
	});
});

describe('computeReport across DST changes (durations on instants, times shown in the zone)', () => {
	it('spring forward in Paris: 01:50 CET → 03:10 CEST is 20 minutes', () => {
		// 2026-03-29 01:00Z: clocks jump from 02:00 CET to 03:00 CEST
		const mentions = [
			...hourOf('2026-03-29T00:00:00Z', 2),
			...hourOf('2026-03-29T01:00:00Z', 2),
			...hourOf('2026-03-29T02:00:00Z', 2),
		];
		const timeline: ReportTimelineEvent[] = [
			{ type: 'detected', at: '2026-03-29T01:50:00+01:00' },
			{ type: 'statementApproved', at: '2026-03-29T03:10:00+02:00' },
		];
		const m = computeReport({ mentions, timeline, timeZone: 'Europe/Paris' }, NOW);
		expect(m.response.timeToAcknowledge.value).toBe(20 * MIN);
		expect(m.volume.series.map((b) => b.start)).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z']);
		expect(m.phaseStats.before.hours).toBe(3);
		expect(m.response.timeToAcknowledge.how).toContain('29 Mar, 03:10 UTC+2');
		expect(m.response.timeToAcknowledge.how).toContain('29 Mar, 01:50 UTC+1');
	});

	it('fall back in Paris: 02:30 CEST → 02:30 CET is one hour, shown with the offsets', () => {
		// 2026-10-25 01:00Z: clocks go back from 03:00 CEST to 02:00 CET
		const mentions = [...hourOf('2026-10-25T00:00:00Z', 3), ...hourOf('2026-10-25T01:00:00Z', 3)];
		const timeline: ReportTimelineEvent[] = [
			{ type: 'detected', at: '2026-10-25T00:30:00Z' },
			{ type: 'statementApproved', at: '2026-10-25T01:30:00Z' },
			{ type: 'resolved', at: '2026-10-25T02:30:00+01:00' },
		];
		const m = computeReport({ mentions, timeline, timeZone: 'Europe/Paris', language: 'fr' }, NOW);
		expect(m.response.timeToAcknowledge.value).toBe(H);
		expect(m.response.timeToResolve.value).toBe(H);
		expect(m.volume.series).toHaveLength(2);
		const html = renderReportHtml(m);
		expect(html).toContain('25 oct. à 02:30 UTC+2');
		expect(html).toContain('25 oct. à 02:30 UTC+1');
		expect(m.response.timeToAcknowledge.how).toContain('Première déclaration approuvée');
	});

	it('buckets in UTC hours whatever the display zone', () => {
		const input = { mentions: [...hourOf('2026-03-29T00:00:00Z', 4), ...hourOf('2026-03-29T01:00:00Z', 1)] };
		const utc = computeReport({ ...input, timeZone: 'UTC' }, NOW);
		const ny = computeReport({ ...input, timeZone: 'America/New_York' }, NOW);
		expect(ny.volume.series).toEqual(utc.volume.series);
		expect(ny.phaseStats).toEqual(utc.phaseStats);
	});
});
