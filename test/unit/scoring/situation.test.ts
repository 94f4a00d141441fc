import { getSample } from '../../../core/samples/sampleCatalog';
import { scoreMention } from '../../../core/scoring/scoreMention';
import {
	advanceSituation,
	createSituationState,
	ingestMentions,
	loadSituationState,
	MAX_SITUATION_STATE_BYTES,
	replaySituations,
} from '../../../core/scoring/situation';
import type { ScoredMention } from '../../../core/scoring/situation';
import { backtestSituations } from '../../../core/scoring/backtestSituations';
import { levelRank } from '../../../core/levels';
import type { Mention } from '../../../core/mention/mention';

const sample = getSample('orvia-data-leak');
const NOW = '2026-03-08T00:00:00.000Z';
const scored: ScoredMention[] = sample.mentions.map((m) => ({ ...m, crisis: scoreMention(m, {}, NOW) }));
const spikeStart = Date.parse(sample.timeline.spikeStart);
const weakStart = Date.parse(sample.timeline.weakSignalStart);

function mention(id: number, at: string, negative: boolean, followers = 100, platform: Mention['platform'] = 'x'): ScoredMention {
	return {
		id: `${platform}:${id}`,
		platform,
		source: 'test',
		nativeId: String(id),
		url: null,
		publishedAt: at,
		title: null,
		text: negative ? 'terrible' : 'fine',
		language: 'en',
		author: { id: null, handle: `u${id}`, name: null, url: null, followers, verified: false },
		engagement: { likes: 0, shares: 0, replies: 0, views: null },
		inReplyToId: null,
		rating: null,
		hashtags: [],
		crisis: {
			risk: negative ? 70 : 10,
			language: 'en',
			unscored: false,
			sentiment: { label: negative ? 'negative' : 'neutral', score: negative ? -0.8 : 0, source: 'lexicon' },
			themes: negative ? ['dataLeak'] : [],
			factors: [],
			reasons: [],
		},
	};
}

describe('Assess Situation on the shipped sample crisis', () => {
	const situations = replaySituations(scored, NOW);

	test('stays calm on the baseline days', () => {
		const baseline = situations.filter((s) => Date.parse(s.windowEnd) <= weakStart);
		expect(baseline.length).toBeGreaterThan(200);
		expect(baseline.filter((s) => s.level !== 'calm')).toEqual([]);
	});

	test('reaches crisis within the first hours of the spike, and says why', () => {
		const firstCrisis = situations.find((s) => s.level === 'crisis');
		expect(firstCrisis).toBeDefined();
		const delayHours = (Date.parse(firstCrisis!.windowEnd) - spikeStart) / 3600000;
		expect(delayHours).toBeGreaterThan(0);
		expect(delayHours).toBeLessThanOrEqual(4);
		expect(firstCrisis!.reasons.join(' ')).toMatch(/Escalated from \w+ to crisis/);
		expect(firstCrisis!.reasons.join(' ')).toMatch(/mentions in the last 60 min against about [\d.]+ expected from this brand.s own baseline \([\d.]+×\)/);
		expect(firstCrisis!.notify).toBe(true);
	});

	test('alerts before crisis (escalation is gradual) and steps down slowly after the peak', () => {
		const firstAlert = situations.findIndex((s) => s.level === 'alert');
		const firstCrisis = situations.findIndex((s) => s.level === 'crisis');
		expect(firstAlert).toBeGreaterThan(-1);
		expect(firstAlert).toBeLessThan(firstCrisis);
		const lastCrisis = situations.map((s) => s.level).lastIndexOf('crisis');
		const after = situations.slice(lastCrisis + 1, lastCrisis + 9);
		expect(after.every((s) => levelRank(s.level) >= levelRank('watch'))).toBe(true);
		// Back to calm by the end of the sample.
		expect(situations[situations.length - 1].level).toBe('calm');
	});

	test('is causal: adding later mentions never changes an earlier situation', () => {
		const cut = spikeStart + 3 * 3600000;
		const prefix = replaySituations(scored.filter((m) => Date.parse(m.publishedAt) < cut), new Date(cut).toISOString());
		const same = situations.slice(0, prefix.length);
		expect(prefix.map((s) => [s.windowEnd, s.level, s.metrics.mentions])).toEqual(same.map((s) => [s.windowEnd, s.level, s.metrics.mentions]));
	});

	test('live mode fed in hourly chunks gives the same levels as the replay, with a bounded state', () => {
		let state = createSituationState();
		const levels: string[] = [];
		for (let t = Date.parse('2026-03-02T01:00:00Z'); t <= Date.parse(NOW); t += 3600000) {
			const chunk = scored.filter((m) => Date.parse(m.publishedAt) < t && Date.parse(m.publishedAt) >= t - 3600000);
			const stored = JSON.parse(JSON.stringify(state));
			state = loadSituationState(stored).state;
			ingestMentions(state, chunk);
			for (const s of advanceSituation(state, new Date(t).toISOString())) levels.push(`${s.windowEnd} ${s.level}`);
			expect(JSON.stringify(state).length).toBeLessThan(MAX_SITUATION_STATE_BYTES);
		}
		const replay = situations.map((s) => `${s.windowEnd} ${s.level}`);
		expect(levels.slice(0, replay.length)).toEqual(replay.slice(0, levels.length));
	});

	test('the backtest reports the detection delay of the labelled incident and no false alarm', () => {
		const result = backtestSituations(scored, NOW, [{ label: 'OrviaLeak', start: sample.timeline.spikeStart, end: '2026-03-06T12:00:00Z' }]);
		expect(result.incidents[0].detectedAt).not.toBeNull();
		expect(result.incidents[0].delayMinutes!).toBeLessThanOrEqual(240);
		expect(result.incidents[0].maxLevel).toBe('crisis');
		expect(result.falseAlarms).toBe(0);
		expect(result.reasons.join(' ')).toContain('alert reached');
	});
});

describe('alert hygiene', () => {
	const base = Date.parse('2026-01-05T00:00:00Z');
	const at = (min: number) => new Date(base + min * 60000).toISOString();
	// A week of quiet: 1 neutral mention every 30 minutes.
	const quiet = Array.from({ length: 7 * 48 }, (_, k) => mention(k, at(k * 30 + 1), false));

	test('one loud bucket without persistence or confirmation does not escalate', () => {
		const t0 = 7 * 24 * 60;
		const burst = Array.from({ length: 40 }, (_, k) => mention(10000 + k, at(t0 + 1 + (k % 14)), true));
		const after = Array.from({ length: 8 }, (_, k) => mention(20000 + k, at(t0 + 15 + k * 30 + 1), false));
		const s = replaySituations([...quiet, ...burst, ...after], at(t0 + 4 * 60));
		const loud = s.find((x) => x.windowEnd === at(t0 + 15))!;
		expect(levelRank(loud.rawLevel)).toBeGreaterThanOrEqual(levelRank('alert'));
		expect(loud.level).toBe('calm');
		expect(loud.reasons[0]).toMatch(/^Held at calm/);
	});

	test('confirmation on several sources with an influential author escalates at once', () => {
		const t0 = 7 * 24 * 60;
		const platforms: Mention['platform'][] = ['x', 'reddit', 'bluesky', 'mastodon'];
		const burst = Array.from({ length: 40 }, (_, k) => mention(10000 + k, at(t0 + 1 + (k % 14)), true, k === 0 ? 50000 : 100, platforms[k % 4]));
		const s = replaySituations([...quiet, ...burst], at(t0 + 15));
		const last = s[s.length - 1];
		expect(levelRank(last.level)).toBeGreaterThanOrEqual(levelRank('alert'));
		expect(last.reasons[0]).toMatch(/confirmed at once on 4 sources/);
	});

	test('a corrupted, foreign or oversized state is reset with a warning, never a crash', () => {
		expect(loadSituationState({ version: 7 }).warning).toMatch(/unknown version/);
		expect(loadSituationState('garbage').warning).toMatch(/Situation state reset/);
		expect(loadSituationState({ ...createSituationState(), open: 'x' }).warning).toMatch(/corrupted/);
		expect(loadSituationState(createSituationState({ bucketMinutes: 5 }), {}).warning).toMatch(/5-minute buckets/);
		const big = { ...createSituationState(), padding: 'x'.repeat(MAX_SITUATION_STATE_BYTES) };
		expect(loadSituationState(big).warning).toMatch(/over the 65536-byte limit/);
		expect(loadSituationState(undefined).warning).toBeUndefined();
	});

	test('mentions for a closed bucket are counted as late, not assessed twice', () => {
		const state = createSituationState();
		ingestMentions(state, [mention(1, at(1), false)]);
		advanceSituation(state, at(60));
		const r = ingestMentions(state, [mention(2, at(5), true)]);
		expect(r.late).toBe(1);
		expect(state.late).toBe(1);
	});

	test('a bad now is a clear error', () => {
		expect(() => advanceSituation(createSituationState(), 'tomorrow')).toThrow('now: expected an RFC3339 timestamp');
	});
});

describe('the reasons of a first day agree with each other', () => {
	test('without a baseline yet, the window line does not claim one', () => {
		const t0 = Date.parse('2026-03-01T08:00:00.000Z');
		const list = Array.from({ length: 40 }, (_, k) => mention(k + 1, new Date(t0 + k * 90000).toISOString(), k % 2 === 0));
		const out = replaySituations(list, '2026-03-01T10:00:00.000Z');
		const last = out[out.length - 1];
		const text = last.reasons.join(' | ');
		expect(text).toMatch(/No baseline yet \([\d.]+ of \d+ hours of history\)/);
		expect(text).toMatch(/expected from the history so far \(not yet a baseline\)/);
		expect(text).not.toMatch(/own baseline/);
	});
});

describe('the step-down reason', () => {
	test('says the delay as people do, never a long fraction of an hour', () => {
		// A burst of negative mentions, then quiet: the level rises and, after the de-escalation
		// buckets below it, steps down, saying for how long.
		const t0 = Date.parse('2026-03-01T08:00:00.000Z');
		const list = Array.from({ length: 120 }, (_, k) => mention(k + 1, new Date(t0 + k * 10000).toISOString(), true));
		const delays = (bucketMinutes: number) =>
			replaySituations(list, '2026-03-01T20:00:00.000Z', { bucketMinutes })
				.flatMap((s) => s.reasons)
				.map((r) => /^Stepped down from \w+ to \w+: below \w+ for \d+ buckets \((.+)\)\.$/.exec(r))
				.filter((m): m is RegExpExecArray => m !== null)
				.map((m) => m[1]);
		expect(delays(5)[0]).toBe('40 min');
		expect(delays(10)[0]).toBe('1 h 20');
		expect(delays(15)[0]).toBe('2 h');
	});
});
