import {
	advanceSituation,
	createSituationState,
	ingestCounts,
	ingestMentions,
	loadSituationState,
	replaySituations,
	sourceFailureReason,
} from '../../../core/scoring/situation';
import type { AssessedSituation, ScoredMention } from '../../../core/scoring/situation';
import type { MentionScore } from '../../../core/scoring/types';
import { backtestCounts, suggestThresholds } from '../../../core/scoring/backtestSituations';
import { levelRank } from '../../../core/levels';

const HOUR = 3600000;
const T0 = Date.parse('2026-01-05T00:00:00Z');

/** A counts series: `perBucket(k)` mentions in bucket k of `bucketMinutes`. */
function counts(buckets: number, bucketMinutes: number, perBucket: (k: number) => number): Array<{ timestamp: number; value: number }> {
	return Array.from({ length: buckets }, (_, k) => ({ timestamp: T0 + k * bucketMinutes * 60000, value: perBucket(k) }));
}

/** Deterministic noise in [0, 1). */
function noise(k: number): number {
	const x = Math.sin(k * 12.9898) * 43758.5453;
	return x - Math.floor(x);
}

/** Deterministic log-normal noise around 1 (heavier tail than a uniform one, like real counts). */
function wobble(k: number): number {
	const u = Math.max(1e-9, noise(k));
	const v = noise(k + 7777);
	return Math.exp(0.35 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
}

function run(series: Array<{ timestamp: number; value: number }>, bucketMinutes: number): AssessedSituation[] {
	const state = createSituationState({ bucketMinutes });
	const out: AssessedSituation[] = [];
	for (const row of series) {
		ingestCounts(state, [row], { bucketMinutes });
		out.push(...advanceSituation(state, new Date(row.timestamp + bucketMinutes * 60000).toISOString(), { bucketMinutes }));
	}
	return out;
}

describe('volume evidence means the same at any volume', () => {
	// Two brands, same shape, 1000× apart: 1 mention per 15 minutes and 1,000, for two weeks, then a 6× surge.
	const days = 14;
	const surgeAt = (days - 1) * 96 + 40;
	const shape = (scale: number) => (k: number) => Math.round(scale * (k >= surgeAt && k < surgeAt + 3 ? 6 : 1) * wobble(k));
	const small = run(counts(days * 96, 15, shape(1)), 15);
	const large = run(counts(days * 96, 15, shape(1000)), 15);

	test('both stay calm on ordinary days and reach the same level on the surge, by volume', () => {
		for (const s of [small, large]) {
			const ordinary = s.slice(96, surgeAt);
			expect(ordinary.filter((x) => levelRank(x.level) >= levelRank('alert'))).toEqual([]);
		}
		const peakLarge = large.slice(surgeAt, surgeAt + 3).reduce((m, x) => Math.max(m, levelRank(x.level)), 0);
		expect(peakLarge).toBeGreaterThanOrEqual(levelRank('alert'));
		// The small brand is held by the document's mentions floors (a few mentions an hour), not by its volume score.
		const small3 = small[surgeAt + 2];
		expect(Number(small3.metrics.volumeScore)).toBeGreaterThan(0);
		expect(small3.reasons.join(' ')).toMatch(/Volume surprise [\d.]+: a surge like this happens about once every/);
	});

	test('the score the level is chosen from is on the situation, and the reasons agree with the metrics', () => {
		const s = large[surgeAt];
		expect(s.score).toBeGreaterThanOrEqual(0.4);
		const text = s.reasons.join(' ');
		expect(text).toContain(`volume score ${Number(s.metrics.volumeScore).toFixed(2)}`);
		expect(text).toContain(`(${Number(s.metrics.volumeRatio).toFixed(1)}×)`);
		expect(text).toMatch(/No scored texts in the window \(counts only\)/);
		expect(text).not.toMatch(/volume detector score/);
	});
});

describe('bad input gives a documented level with a reason, never a crash or a silent calm', () => {
	test('first day: no baseline yet, judged on the document only', () => {
		const s = run(counts(12, 60, () => 3), 60);
		expect(s[3].reasons.join(' ')).toMatch(/No baseline yet \(4\.0 of 24 hours of history\): judged on the document's absolute thresholds only\./);
		expect(s[3].metrics.volumeScore).toBe(0);
	});

	test('empty window after a baseline: calm, with the expectation in words', () => {
		const s = run(counts(48, 60, (k) => (k < 40 ? 5 : 0)), 60);
		const last = s[s.length - 1];
		expect(last.level).toBe('calm');
		expect(last.reasons.join(' ')).toMatch(/^.*0 mentions in the last 60 min against about [\d.]+ expected/);
	});

	test('months of silence: the gap is skipped, the baseline kept, a reason says so', () => {
		const state = createSituationState({ bucketMinutes: 60 });
		ingestCounts(state, counts(48, 60, () => 5), { bucketMinutes: 60 });
		advanceSituation(state, new Date(T0 + 48 * HOUR).toISOString(), { bucketMinutes: 60 });
		const later = T0 + 120 * 24 * HOUR;
		ingestCounts(state, [{ timestamp: later, value: 5 }], { bucketMinutes: 60 });
		const out = advanceSituation(state, new Date(later + HOUR).toISOString(), { bucketMinutes: 60 });
		expect(out.length).toBeLessThan(200);
		expect(out[out.length - 1].level).toBe('calm');
		expect(out[out.length - 1].reasons.join(' ')).toMatch(/No data for [\d.]+ days before this window/);
	});

	test('a single viral post in a quiet brand is a weak signal at most, not a crisis', () => {
		const base = Date.parse('2026-02-02T00:00:00Z');
		const crisis: MentionScore = { risk: 90, language: 'en', unscored: false, sentiment: { label: 'negative', score: -0.9, source: 'lexicon' }, themes: ['dataLeak'], factors: [], reasons: [] };
		const viral: ScoredMention = {
			id: 'x:1', platform: 'x', source: 'test', nativeId: '1', url: null, publishedAt: new Date(base + 3 * 24 * HOUR + 60000).toISOString(), title: null,
			text: 'terrible', language: 'en', author: { id: null, handle: 'big', name: null, url: null, followers: 2_000_000, verified: true },
			engagement: { likes: 90000, shares: 40000, replies: 5000, views: null }, inReplyToId: null, rating: null, hashtags: [],
			crisis,
		};
		const quiet: ScoredMention[] = Array.from({ length: 3 * 24 }, (_, k) => ({ ...viral, id: `x:q${k}`, nativeId: `q${k}`, publishedAt: new Date(base + k * HOUR + 60000).toISOString(), author: { ...viral.author, handle: `q${k}`, followers: 10 }, crisis: { ...crisis, risk: 5, sentiment: { label: 'neutral', score: 0, source: 'lexicon' }, themes: [] } }));
		const s = replaySituations([...quiet, viral], new Date(base + 3 * 24 * HOUR + 15 * 60000).toISOString());
		const last = s[s.length - 1];
		expect(levelRank(last.rawLevel)).toBeLessThanOrEqual(levelRank('watch'));
		expect(last.reasons.join(' ')).toMatch(/Weak signal/);
	});

	test('duplicated and out-of-order buckets add up once, in order', () => {
		const state = createSituationState({ bucketMinutes: 60 });
		const rows = counts(30, 60, () => 4);
		const shuffled = [...rows].reverse();
		shuffled.push({ ...rows[5] }); // a duplicate row adds its count to the same bucket
		const r = ingestCounts(state, shuffled, { bucketMinutes: 60 });
		expect(r.added).toBe(31);
		const out = advanceSituation(state, new Date(T0 + 30 * HOUR).toISOString(), { bucketMinutes: 60 });
		expect(out.map((s) => Date.parse(s.windowEnd))).toEqual(rows.map((x) => x.timestamp + HOUR));
		const bad = ingestCounts(state, [{ timestamp: 'never', value: 3 }, { timestamp: T0, value: -1 }, { timestamp: T0 + 40 * HOUR, value: NaN }], { bucketMinutes: 60 });
		expect(bad.invalid).toBe(3);
	});

	test('a corrupted or oversized detector state inside the situation state is reset with a warning', () => {
		const state = createSituationState();
		const broken = JSON.parse(JSON.stringify({ ...state, detector: { ...state.detector, tails: 'x' } }));
		const loaded = loadSituationState(broken);
		expect(loaded.warning).toMatch(/Volume detector state reset: .*corrupted/);
		expect(loaded.state.detector.tails.length).toBeGreaterThan(0);
	});

	test('source failures: left out and counted in a reason and a field', () => {
		const failures = [{ source: 'reddit', kind: 'rateLimited', retryAt: '2026-01-05T12:00:00Z' }];
		expect(sourceFailureReason(failures)).toBe('1 source failed: reddit rateLimited until 2026-01-05T12:00:00Z; judged on the others.');
		const state = createSituationState({ bucketMinutes: 60 });
		ingestCounts(state, counts(2, 60, () => 1), { bucketMinutes: 60 });
		const out = advanceSituation(state, new Date(T0 + 2 * HOUR).toISOString(), { bucketMinutes: 60 }, { sourceFailures: failures });
		expect(out[1].sourceFailures).toEqual([{ source: 'reddit', kind: 'rateLimited', retryAt: '2026-01-05T12:00:00Z' }]);
		expect(out[1].reasons.join(' ')).toContain('1 source failed: reddit');
	});
});

describe('ingest speed (issue 15): dates parsed once, buckets indexed', () => {
	test('100k mentions in one batch are ingested in linear-ish time, same buckets as before', () => {
		const m = (k: number): ScoredMention => ({
			id: `x:${k}`, platform: 'x', source: 't', nativeId: String(k), url: null,
			publishedAt: new Date(T0 + ((k * 7919) % 100000) * 9000).toISOString(), title: null, text: 'x', language: 'en',
			author: { id: null, handle: 'a', name: null, url: null, followers: 0, verified: false },
			engagement: { likes: 0, shares: 0, replies: 0, views: null }, inReplyToId: null, rating: null, hashtags: [],
		});
		const batch = Array.from({ length: 100000 }, (_, k) => m(k));
		const state = createSituationState();
		const t = Date.now();
		const r = ingestMentions(state, batch, { maxOpenBuckets: Infinity });
		const ms = Date.now() - t;
		expect(r.added).toBe(100000);
		expect(state.open.length).toBe(Math.ceil((100000 * 9000) / (15 * 60000)));
		expect(state.open.every((b, i) => i === 0 || b.start > state.open[i - 1].start)).toBe(true);
		expect(state.open.reduce((a, b) => a + b.mentions, 0)).toBe(100000);
		expect(ms).toBeLessThan(3000);
	});
});

describe('backtest over counts suggests thresholds from the brand\'s own history', () => {
	// Four weeks of 15-minute counts with a daily cycle, two labelled surges and one unlabelled one.
	const cycle = (k: number) => 10 * (1 + 0.5 * Math.sin(((k % 96) / 4 - 6) / 24 * 2 * Math.PI)) * wobble(k);
	const surges = [(8 * 24 + 14) * 4, (17 * 24 + 9) * 4, (23 * 24 + 20) * 4];
	const series = counts(28 * 96, 15, (k) => Math.round(cycle(k) * (surges.some((s) => k >= s && k < s + 8) ? 6 : 1)));
	const incidents = surges.slice(0, 2).map((s) => ({ label: `surge ${s}`, start: new Date(T0 + (s - 4) * 15 * 60000).toISOString(), end: new Date(T0 + (s + 48) * 15 * 60000).toISOString() }));
	const result = backtestCounts(series, new Date(T0 + 28 * 24 * HOUR).toISOString(), incidents, { bucketMinutes: 15 });

	test('returns suggested thresholds per level, ordered, with firings per month and delays', () => {
		const sug = result.suggestedThresholds;
		expect(sug.textsKnown).toBe(false);
		expect(sug.months).toBeGreaterThan(0.8);
		const ratios = (['watch', 'alert', 'crisis', 'critical'] as const).map((l) => sug.levels[l]!.thresholds.minVolumeRatio);
		for (let i = 1; i < ratios.length; i++) expect(ratios[i]).toBeGreaterThan(ratios[i - 1]);
		const alert = sug.levels.alert!;
		expect(alert.suggested.falseFiringsPerMonth).toBeLessThanOrEqual(sug.targetPerMonth.alert);
		// The incidents start an hour before the surge: caught within the surge's first hour.
		for (const d of alert.suggested.incidentDelays) {
			expect(d.delayMinutes).not.toBeNull();
			expect(d.delayMinutes!).toBeGreaterThanOrEqual(60);
			expect(d.delayMinutes!).toBeLessThanOrEqual(120);
		}
		expect(sug.reasons.join(' ')).toMatch(/alert: volume [\d.]+× and at least \d+ mentions per window \(now 3× and 12\) would have fired [\d.]+ times a month, [\d.]+ outside the labelled incidents, and caught 2 of 2/);
	});

	test('the volume path detects both labelled surges at alert or above', () => {
		expect(result.incidents.map((i) => i.detectedAt !== null)).toEqual([true, true]);
	});

	test('too little history says so instead of guessing', () => {
		const short = suggestThresholds(run(counts(30, 60, () => 5), 60));
		expect(short.levels).toEqual({});
		expect(short.reasons[0]).toMatch(/Too little history/);
	});
});
