/**
 * Assess Situation: a stream of scored mentions → one situation per closed time bucket, with a
 * level (calm … critical), the reasons in plain words and the numbers behind them.
 *
 * Streaming and causal: mentions are added to open buckets; `advanceSituation(now)` closes every
 * bucket that ended at or before `now`, in order, feeds its count to the volume detector, and
 * assesses the trailing window (`windowMinutes`) with the crisis document's thresholds. Memory is
 * bounded (a ring of closed buckets, capped open buckets and theme/author lists) so the whole state
 * fits in the workflow's static data.
 *
 * Alert hygiene: escalation needs persistence (the higher level met in `persistenceBuckets`
 * consecutive buckets) or confirmation (several sources AND an influential author); de-escalation
 * waits `deescalationBuckets` buckets below the current level and steps down one level at a time;
 * repeat notifications of the same level are capped by `cooldownMinutes`.
 */
import { createDetectorState, DEFAULT_DETECTOR_CONFIG, DEFAULT_SCORE_THRESHOLDS, formatPeriod, levelForScore, loadDetectorState, updateDetector } from '../detector';
import type { DetectorConfig, DetectorState, DetectorUpdate } from '../detector';
import { DEFAULT_LEVEL_THRESHOLDS } from '../document/levelThresholds';
import { PLAN_LEVELS } from '../document/types';
import type { LevelThreshold, LevelThresholds, PlanLevel } from '../document/types';
import type { Mention } from '../mention/mention';
import { LEVELS, levelRank } from '../levels';
import type { Level } from '../levels';
import { fmtDuration } from '../util/duration';
import { stableTimeOrder } from '../util/timeOrder';
import { parseTime } from './time';
import type { MentionScore, Situation } from './types';

export interface SituationConfig {
	/** Bucket size in minutes (default 15). `windowMinutes` (from the thresholds) must be a multiple. */
	bucketMinutes: number;
	/** Level thresholds (the crisis document's `levels`); defaults to the default document's. */
	thresholds: LevelThresholds;
	/** Consecutive buckets a higher level must be met by the document's absolute thresholds before escalating (default 2). */
	persistenceBuckets: number;
	/**
	 * Consecutive buckets a higher level must be met by the calibrated volume score (under the
	 * document's floors) before escalating (default 1: the score already measures how rare the
	 * surge is for this brand, and its one-hour test covers slow build-ups).
	 */
	volumePersistenceBuckets: number;
	/** Distinct platforms among negative mentions that confirm an escalation at once (default 3). */
	confirmationSources: number;
	/** Consecutive buckets below the current level before stepping down one level (default 8 = 2 h). */
	deescalationBuckets: number;
	/** Minimum minutes between two notifications of the same level (default 120). */
	cooldownMinutes: number;
	/** Risk from which a mention counts as high-risk (default 60). */
	highRisk: number;
	/** Weak signal: this many high-risk negative mentions in the window raise `watch` on their own (default 3). */
	weakSignalMentions: number;
	/** Longest gap filled with empty buckets (default 7 days); beyond it the baseline is kept but the gap skipped. */
	maxGapBuckets: number;
	/** Open buckets kept at most (default 16); older ones are closed first. */
	maxOpenBuckets: number;
	/**
	 * Volume score (calibrated surprise, 0–1) from which each level is reached on volume evidence
	 * (defaults watch 0.25, alert 0.4, crisis 0.6, critical 0.8). The score means the same for a
	 * brand with 2 mentions a day and one with 2,000 an hour: it measures how rare the surge is
	 * in this brand's own history. The document's thresholds still apply as floors (see docs/situation.md).
	 */
	scoreThresholds: Record<Exclude<Level, 'calm'>, number>;
	/** Hours of history before the volume score is trusted (default 24); before, only the document's absolute thresholds judge. */
	baselineHours: number;
	/** Volume-detector settings (bucket size always comes from `bucketMinutes`). */
	detector: Partial<Omit<DetectorConfig, 'bucketMinutes'>>;
}

export const DEFAULT_SITUATION_CONFIG: Readonly<Omit<SituationConfig, 'thresholds'>> = Object.freeze({
	bucketMinutes: 15,
	persistenceBuckets: 2,
	volumePersistenceBuckets: 1,
	confirmationSources: 3,
	deescalationBuckets: 8,
	cooldownMinutes: 120,
	highRisk: 60,
	weakSignalMentions: 3,
	maxGapBuckets: 7 * 24 * 4,
	maxOpenBuckets: 16,
	scoreThresholds: DEFAULT_SCORE_THRESHOLDS,
	baselineHours: 24,
	detector: {},
});

export function resolveSituationConfig(config: Partial<SituationConfig> = {}): SituationConfig {
	const c: SituationConfig = { ...DEFAULT_SITUATION_CONFIG, thresholds: DEFAULT_LEVEL_THRESHOLDS as LevelThresholds, ...config };
	if (!(c.bucketMinutes > 0) || !Number.isFinite(c.bucketMinutes)) throw new Error(`bucketMinutes: expected a positive number, got ${c.bucketMinutes}`);
	if (c.thresholds.windowMinutes % c.bucketMinutes !== 0) {
		throw new Error(`windowMinutes (${c.thresholds.windowMinutes}) must be a multiple of bucketMinutes (${c.bucketMinutes})`);
	}
	return c;
}

/** What one bucket keeps: counts and small bounded lists, never the mentions themselves. */
export interface BucketAggregate {
	start: number;
	mentions: number;
	scored: number;
	negative: number;
	riskSum: number;
	highRisk: number;
	/** Platforms seen among negative mentions. */
	negativePlatforms: string[];
	/** Negative authors with their followers (top 10 by followers). */
	negativeAuthors: Array<{ handle: string; platform: string; followers: number }>;
	/** Theme counts (at most 20 themes). */
	themes: Record<string, number>;
	/** Up to 3 riskiest mentions, for the reasons. */
	top: Array<{ id: string; risk: number; handle: string; text: string }>;
}

export interface LevelMemory {
	level: Level;
	since: number | null;
	/** Consecutive buckets the raw level was at least each level (index = level rank). */
	streak: number[];
	/** Consecutive buckets the raw level was below the current level. */
	below: number;
	/** Consecutive buckets the volume path (under the floors) reached at least each level (index = level rank). */
	volumeStreak?: number[];
	lastNotified: Partial<Record<Level, number>>;
}

export interface SituationState {
	version: 1;
	bucketMinutes: number;
	detector: DetectorState;
	/** Start (epoch ms) of the next bucket to close, or null before the first mention. */
	nextBucket: number | null;
	open: BucketAggregate[];
	/** The last closed buckets (window length), oldest first. */
	closed: BucketAggregate[];
	/** Detector expectations of the closed buckets, same order. */
	expected: number[];
	/** Slow baseline of the negative share (EWMA over closed buckets with scored mentions). */
	negativeShareBaseline: number | null;
	memory: LevelMemory;
	/** Mentions that arrived for an already closed bucket (counted, not assessed). */
	late: number;
}

export interface AssessedSituation extends Situation {
	/** The level the window's numbers reach before alert hygiene. */
	rawLevel: Level;
	previousLevel: Level;
	changed: boolean;
	/** Whether this situation should notify people (a change upward, or a repeat past the cooldown). */
	notify: boolean;
	/** The score the raw level is chosen from (0–1; `scoreThresholds` per level): the calibrated volume score under the document's floors, raised to the threshold of the level the document's absolute rules reach. */
	score: number;
	/** Sources that failed this run (left out of the mentions). */
	sourceFailures?: Array<{ source: string; kind: string | null; retryAt: string | null }>;
	topMentions: Array<{ id: string; risk: number; handle: string; text: string }>;
}

export const MAX_SITUATION_STATE_BYTES = 64 * 1024;

export function createSituationState(config: Partial<SituationConfig> = {}): SituationState {
	const c = resolveSituationConfig(config);
	return {
		version: 1,
		bucketMinutes: c.bucketMinutes,
		detector: createDetectorState(detectorConfigOf(c)),
		nextBucket: null,
		open: [],
		closed: [],
		expected: [],
		negativeShareBaseline: null,
		memory: { level: 'calm', since: null, streak: LEVELS.map(() => 0), volumeStreak: LEVELS.map(() => 0), below: 0, lastNotified: {} },
		late: 0,
	};
}

/**
 * Reads a stored state; anything missing, corrupted, oversized or made with another bucket size
 * gives a fresh state and a warning (never a crash, never a silent wrong level).
 */
export function loadSituationState(stored: unknown, config: Partial<SituationConfig> = {}): { state: SituationState; warning?: string } {
	const c = resolveSituationConfig(config);
	if (stored === undefined || stored === null) return { state: createSituationState(c) };
	let size = 0;
	try {
		size = JSON.stringify(stored).length;
	} catch {
		size = Infinity;
	}
	const s = stored as Partial<SituationState>;
	let problem: string | null = null;
	if (size > MAX_SITUATION_STATE_BYTES) problem = `stored state is ${size} bytes, over the ${MAX_SITUATION_STATE_BYTES}-byte limit`;
	else if (typeof s !== 'object' || s.version !== 1) problem = 'stored state has an unknown version';
	else if (s.bucketMinutes !== c.bucketMinutes) problem = `stored state uses ${s.bucketMinutes}-minute buckets, the node now uses ${c.bucketMinutes}`;
	else if (!Array.isArray(s.open) || !Array.isArray(s.closed) || !Array.isArray(s.expected) || !s.memory || !LEVELS.includes(s.memory.level as Level)) {
		problem = 'stored state is corrupted';
	} else if (!(s.nextBucket === null || Number.isFinite(s.nextBucket)) || ![...s.open, ...s.closed].every(isBucketAggregate) || !s.expected.every((e) => Number.isFinite(e))) {
		problem = 'stored state has a corrupted bucket';
	} else if (!Array.isArray(s.memory.streak) || !Array.isArray(s.memory.volumeStreak) || typeof s.memory.lastNotified !== 'object' || s.memory.lastNotified === null) {
		problem = 'stored state has a corrupted level memory';
	}
	if (problem) return { state: createSituationState(c), warning: `Situation state reset: ${problem}` };
	const det = loadDetectorState(s.detector, detectorConfigOf(c));
	const state = s as SituationState;
	state.detector = det.state;
	return { state, warning: det.warning ? `Volume detector state reset: ${det.warning}` : undefined };
}

/** A stored bucket has the shape ingest and advance rely on (a corrupted one would crash them). */
function isBucketAggregate(b: unknown): boolean {
	if (typeof b !== 'object' || b === null) return false;
	const x = b as Partial<BucketAggregate>;
	return (
		Number.isFinite(x.start) &&
		Number.isFinite(x.mentions) &&
		Array.isArray(x.negativePlatforms) &&
		Array.isArray(x.negativeAuthors) &&
		Array.isArray(x.top) &&
		typeof x.themes === 'object' &&
		x.themes !== null
	);
}

function emptyBucket(start: number): BucketAggregate {
	return { start, mentions: 0, scored: 0, negative: 0, riskSum: 0, highRisk: 0, negativePlatforms: [], negativeAuthors: [], themes: {}, top: [] };
}

export type ScoredMention = Mention & { crisis?: MentionScore };

/**
 * Adds mentions to their open buckets. Mentions dated in an already closed bucket are counted as
 * `late`; mentions after `now` are refused by the caller (see `advanceSituation`).
 */
export function ingestMentions(state: SituationState, mentions: ScoredMention[], config: Partial<SituationConfig> = {}): { added: number; late: number } {
	const c = resolveSituationConfig(config);
	const size = c.bucketMinutes * 60000;
	// Parse each date once (addInTimeOrder sorts by it); an unreadable date is NaN, left out.
	const times = new Float64Array(mentions.length);
	for (let k = 0; k < mentions.length; k++) times[k] = parseTime(mentions[k].publishedAt);
	const { added, late, invalid } = addInTimeOrder(state, times, size, (b, k) => addToBucket(b, mentions[k], c));
	return { added, late: late + invalid };
}

/**
 * Adds counts without texts (`{ timestamp, value }` per bucket, e.g. a past volume series or a
 * source that only reports counts): each adds `value` mentions to its bucket, none of them scored,
 * so only the volume evidence speaks for them. Several rows for one bucket add up; rows for a
 * closed bucket are counted as late.
 */
export function ingestCounts(
	state: SituationState,
	counts: Array<{ timestamp: string | number; value: number }>,
	config: Partial<SituationConfig> = {},
): { added: number; late: number; invalid: number } {
	const c = resolveSituationConfig(config);
	const size = c.bucketMinutes * 60000;
	const times = new Float64Array(counts.length);
	const values = new Float64Array(counts.length);
	for (let k = 0; k < counts.length; k++) {
		const row = counts[k];
		const t = typeof row?.timestamp === 'number' ? row.timestamp : Date.parse(String(row?.timestamp));
		const v = Number(row?.value);
		// A row without a readable time or count is invalid: NaN leaves it out of the order.
		times[k] = Number.isFinite(v) && v >= 0 ? t : NaN;
		values[k] = Math.min(v, 1e12);
	}
	return addInTimeOrder(state, times, size, (b, k) => {
		b.mentions += values[k];
	});
}

/**
 * The loop both ingests share: rows in time order (stable: equal times keep their input order;
 * `times[k]` of row k, NaN = invalid, left out and counted), each added to its open bucket; a
 * row whose bucket is already closed is counted as late.
 */
function addInTimeOrder(
	state: SituationState,
	times: Float64Array,
	size: number,
	add: (bucket: BucketAggregate, row: number) => void,
): { added: number; late: number; invalid: number } {
	const order = stableTimeOrder(times);
	let added = 0;
	let late = 0;
	const index = openIndex(state);
	for (let i = 0; i < order.length; i++) {
		const k = order[i];
		const b = bucketFor(state, index, Math.floor(times[k] / size) * size);
		if (!b) {
			late++;
			continue;
		}
		add(b, k);
		added++;
	}
	state.late += late;
	return { added, late, invalid: times.length - order.length };
}

/** Open buckets by start (built once per ingest call). */
function openIndex(state: SituationState): Map<number, BucketAggregate> {
	const index = new Map<number, BucketAggregate>();
	for (const b of state.open) index.set(b.start, b);
	return index;
}

/** The open bucket starting at `start` (created in order), or null when that bucket is already closed. */
function bucketFor(state: SituationState, index: Map<number, BucketAggregate>, start: number): BucketAggregate | null {
	if (state.nextBucket === null) state.nextBucket = start;
	if (start < state.nextBucket) return null;
	let b = index.get(start);
	if (!b) {
		b = emptyBucket(start);
		index.set(start, b);
		const open = state.open;
		// Inputs arrive sorted, so a new bucket almost always goes last: O(1) amortised.
		let pos = open.length;
		while (pos > 0 && open[pos - 1].start > start) pos--;
		open.splice(pos, 0, b);
	}
	return b;
}

function addToBucket(b: BucketAggregate, m: ScoredMention, c: SituationConfig): void {
	b.mentions++;
	const score = m.crisis;
	if (!score || score.unscored || score.risk === null) return;
	b.scored++;
	b.riskSum += score.risk;
	if (score.risk >= c.highRisk) b.highRisk++;
	for (const theme of score.themes) {
		if (b.themes[theme] !== undefined || Object.keys(b.themes).length < 20) b.themes[theme] = (b.themes[theme] ?? 0) + 1;
	}
	if (score.sentiment?.label === 'negative') {
		b.negative++;
		if (!b.negativePlatforms.includes(m.platform)) b.negativePlatforms.push(m.platform);
		const followers = m.author.followers ?? 0;
		const existing = b.negativeAuthors.find((a) => a.handle === m.author.handle && a.platform === m.platform);
		if (!existing) {
			b.negativeAuthors.push({ handle: m.author.handle, platform: m.platform, followers });
			b.negativeAuthors.sort((x, y) => y.followers - x.followers);
			if (b.negativeAuthors.length > 10) b.negativeAuthors.length = 10;
		}
	}
	if (b.top.length < 3 || score.risk > b.top[b.top.length - 1].risk) {
		b.top.push({ id: m.id, risk: score.risk, handle: m.author.handle, text: m.text.slice(0, 160) });
		b.top.sort((x, y) => y.risk - x.risk || (x.id < y.id ? -1 : 1));
		if (b.top.length > 3) b.top.length = 3;
	}
}

interface WindowNumbers {
	mentions: number;
	expected: number;
	volumeRatio: number;
	detectorScore: number;
	scored: number;
	negativeShare: number;
	averageRisk: number | null;
	highRisk: number;
	negativeReach: number;
	influentialAuthors: Array<{ handle: string; platform: string; followers: number }>;
	negativePlatforms: string[];
	themes: Array<[string, number]>;
	top: Array<{ id: string; risk: number; handle: string; text: string }>;
}

function windowNumbers(closed: BucketAggregate[], expected: number[], detectorScore: number, c: SituationConfig): WindowNumbers {
	const n: WindowNumbers = {
		mentions: 0,
		expected: 0,
		volumeRatio: 0,
		detectorScore,
		scored: 0,
		negativeShare: 0,
		averageRisk: null,
		highRisk: 0,
		negativeReach: 0,
		influentialAuthors: [],
		negativePlatforms: [],
		themes: [],
		top: [],
	};
	let negative = 0;
	let riskSum = 0;
	const authors = new Map<string, { handle: string; platform: string; followers: number }>();
	const themes = new Map<string, number>();
	for (let i = 0; i < closed.length; i++) {
		const b = closed[i];
		n.mentions += b.mentions;
		n.expected += expected[i] ?? 0;
		n.scored += b.scored;
		negative += b.negative;
		riskSum += b.riskSum;
		n.highRisk += b.highRisk;
		for (const p of b.negativePlatforms) if (!n.negativePlatforms.includes(p)) n.negativePlatforms.push(p);
		for (const a of b.negativeAuthors) authors.set(`${a.platform}:${a.handle}`, a);
		for (const [t, k] of Object.entries(b.themes)) themes.set(t, (themes.get(t) ?? 0) + k);
		n.top.push(...b.top);
	}
	// A tiny expectation (night, new brand) must not make one mention look like a 100× surge.
	n.volumeRatio = n.mentions / Math.max(n.expected, 1);
	n.negativeShare = n.scored ? negative / n.scored : 0;
	n.averageRisk = n.scored ? riskSum / n.scored : null;
	for (const a of authors.values()) n.negativeReach += a.followers;
	n.influentialAuthors = [...authors.values()].filter((a) => a.followers >= c.thresholds.influentialFollowers).sort((x, y) => y.followers - x.followers);
	n.themes = [...themes.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 5);
	n.top.sort((x, y) => y.risk - x.risk || (x.id < y.id ? -1 : 1));
	n.top = n.top.slice(0, 3);
	return n;
}

function meets(t: LevelThreshold, n: WindowNumbers): { ok: boolean; missing: string[] } {
	const missing: string[] = [];
	if (n.mentions < t.minMentions) missing.push(`${n.mentions} of ${t.minMentions} mentions`);
	if (t.minVolumeRatio > 0 && n.volumeRatio < t.minVolumeRatio) missing.push(`volume ${n.volumeRatio.toFixed(1)}× of ${t.minVolumeRatio}×`);
	if (n.negativeShare < t.minNegativeShare) missing.push(`${pct(n.negativeShare)} of ${pct(t.minNegativeShare)} negative`);
	if (n.influentialAuthors.length < t.minInfluentialAuthors) missing.push(`${n.influentialAuthors.length} of ${t.minInfluentialAuthors} influential authors`);
	if (n.negativeReach < t.minNegativeReach) missing.push(`reach ${fmt(n.negativeReach)} of ${fmt(t.minNegativeReach)}`);
	return { ok: missing.length === 0, missing };
}

function pct(x: number): string {
	return `${Math.round(x * 100)}%`;
}
function fmt(x: number): string {
	return Math.round(x).toLocaleString('en-US');
}

/** The volume evidence of one closed bucket: the detector's calibrated surprise, and whether the baseline is ready. */
interface VolumeEvidence {
	/** Buckets of history the detector has learned from (this one included). */
	history: number;
	/** Buckets needed before the volume score is trusted. */
	needed: number;
	ready: boolean;
	/** Surprise in tail e-folds (0 when the bucket is within the brand's usual highs). */
	surprise: number;
	/** 1 - e^(-surprise / scale), in [0, 1] (0 while the baseline is not ready). */
	score: number;
	returnPeriodDays: number;
	/** The last bucket's count and expectation. */
	bucketValue: number;
	bucketExpected: number;
}

interface RawLevel {
	level: Level;
	/** The score the level is chosen from (see `scoreThresholds`): the volume score held under the floors, or the threshold of the level the document's absolute rules reach. */
	score: number;
	/** Level reached by the document's absolute thresholds alone. */
	documentLevel: Level;
	/** Level the volume score reaches on its own, before the document's floors. */
	volumeLevel: Level;
	/** Level the volume score reaches once the document's floors are applied. */
	flooredLevel: Level;
	/** What held the volume level below its score (the floor that was not met), or null. */
	heldBy: string | null;
	weakSignal: boolean;
	/** Whether the window holds scored texts (else negative share, authors and reach are unknown). */
	textsKnown: boolean;
	nextMissing: string[];
}

/** A floor of level `t` on the volume path: the mentions, and (when texts are scored) the content criteria. */
function floorMissing(t: LevelThreshold, n: WindowNumbers): string[] {
	const missing: string[] = [];
	if (n.mentions < t.minMentions) missing.push(`${fmt(n.mentions)} of ${fmt(t.minMentions)} mentions`);
	if (n.scored > 0) {
		if (n.negativeShare < t.minNegativeShare) missing.push(`${pct(n.negativeShare)} of ${pct(t.minNegativeShare)} negative`);
		if (n.influentialAuthors.length < t.minInfluentialAuthors) missing.push(`${n.influentialAuthors.length} of ${t.minInfluentialAuthors} influential authors`);
		if (n.negativeReach < t.minNegativeReach) missing.push(`reach ${fmt(n.negativeReach)} of ${fmt(t.minNegativeReach)}`);
	}
	return missing;
}

function rawLevelOf(n: WindowNumbers, v: VolumeEvidence, c: SituationConfig): RawLevel {
	let documentLevel: Level = 'calm';
	let nextMissing: string[] = [];
	for (const l of PLAN_LEVELS) {
		const r = meets(c.thresholds.thresholds[l], n);
		if (r.ok) documentLevel = l;
		else {
			nextMissing = r.missing;
			break;
		}
	}
	const st = c.scoreThresholds;
	const volumeLevel = v.ready ? levelForScore(v.score, st) : 'calm';
	let flooredLevel: Level = volumeLevel;
	let heldBy: string | null = null;
	while (flooredLevel !== 'calm') {
		const missing = floorMissing(c.thresholds.thresholds[flooredLevel as PlanLevel], n);
		if (!missing.length) break;
		if (heldBy === null) heldBy = `${flooredLevel} needs ${missing.join(', ')}`;
		flooredLevel = LEVELS[levelRank(flooredLevel) - 1];
	}
	// The volume score, held just under the first level its floors refused.
	let score = v.ready ? v.score : 0;
	if (flooredLevel !== volumeLevel) {
		const refused = LEVELS[levelRank(flooredLevel) + 1] as PlanLevel;
		score = Math.min(score, Math.max(0, st[refused] - 1e-3));
	}
	let level: Level = levelRank(documentLevel) > levelRank(flooredLevel) ? documentLevel : flooredLevel;
	if (documentLevel !== 'calm') score = Math.max(score, st[documentLevel as PlanLevel]);
	const weakSignal = level === 'calm' && (n.highRisk >= c.weakSignalMentions || (n.influentialAuthors.length > 0 && n.highRisk > 0));
	if (weakSignal) {
		level = 'watch';
		score = Math.max(score, st.watch);
	}
	return { level, score, documentLevel, volumeLevel, flooredLevel, heldBy, weakSignal, textsKnown: n.scored > 0, nextMissing };
}

/**
 * Closes every bucket that ended at or before `now` and returns one situation per closed bucket
 * (oldest first). Empty buckets in between are closed too (counts of 0 matter to the baseline).
 */
export function advanceSituation(
	state: SituationState,
	now: string,
	config: Partial<SituationConfig> = {},
	extra: AssessExtras = {},
): AssessedSituation[] {
	const c = resolveSituationConfig(config);
	const nowMs = Date.parse(now);
	if (!Number.isFinite(nowMs)) throw new Error(`now: expected an RFC3339 timestamp, got "${now}"`);
	const size = c.bucketMinutes * 60000;
	const windowBuckets = c.thresholds.windowMinutes / c.bucketMinutes;
	const out: AssessedSituation[] = [];
	if (state.nextBucket === null) return out;
	let skippedMs = 0;
	// Too many open buckets (a flood of old data): close the oldest first, whatever `now` says.
	while (state.nextBucket !== null && (state.nextBucket + size <= nowMs || state.open.length > c.maxOpenBuckets)) {
		const start: number = state.nextBucket;
		const gap = state.open.length ? Math.round((state.open[0].start - start) / size) : Math.round((nowMs - start) / size);
		if (gap > c.maxGapBuckets) {
			// Long silence: skip it rather than feed weeks of zeros (the detector keeps its baseline).
			const resume: number = state.open.length ? state.open[0].start : Math.floor(nowMs / size) * size;
			skippedMs += resume - start;
			state.nextBucket = resume;
			state.closed = [];
			state.expected = [];
			continue;
		}
		const bucket = state.open.length && state.open[0].start === start ? (state.open.shift() as BucketAggregate) : emptyBucket(start);
		const det = updateDetector(state.detector, { timestamp: start, value: bucket.mentions }, detectorConfigOf(c));
		state.closed.push(bucket);
		state.expected.push(det.expected);
		while (state.closed.length > windowBuckets) {
			state.closed.shift();
			state.expected.shift();
		}
		state.nextBucket = start + size;
		const situation = assess(state, volumeEvidence(state, det, bucket.mentions, c), start + size, c, extra);
		if (skippedMs > 0) {
			situation.reasons.push(
				`No data for ${(skippedMs / 86400000).toFixed(1)} days before this window (longer than ${((c.maxGapBuckets * c.bucketMinutes) / 1440).toFixed(0)} days): the silence was skipped, the brand's baseline kept from before it.`,
			);
			skippedMs = 0;
		}
		out.push(situation);
	}
	return out;
}

/** Context of one assessment that is not in the mentions: sources that failed this run. */
export interface AssessExtras {
	/** Source failures left out of the mentions (Mentions nodes' `sourceFailure` items). */
	sourceFailures?: Array<{ source: string; kind?: string | null; retryAt?: string | null }>;
}

const detectorConfigs = new WeakMap<object, Map<number, Partial<DetectorConfig>>>();

/** The detector config of a situation config, one object per (detector settings, bucket size) so the detector's own cache hits. */
function detectorConfigOf(c: SituationConfig): Partial<DetectorConfig> {
	const key = c.detector ?? {};
	let byBucket = detectorConfigs.get(key);
	if (!byBucket) {
		byBucket = new Map();
		detectorConfigs.set(key, byBucket);
	}
	let dc = byBucket.get(c.bucketMinutes);
	if (!dc) {
		dc = { ...key, bucketMinutes: c.bucketMinutes };
		byBucket.set(c.bucketMinutes, dc);
	}
	return dc;
}

const DEFAULT_DETECTOR_SCORE_SCALE = DEFAULT_DETECTOR_CONFIG.scoreScale;

function volumeEvidence(state: SituationState, det: DetectorUpdate, value: number, c: SituationConfig): VolumeEvidence {
	const needed = Math.max(1, Math.ceil((c.baselineHours * 60) / c.bucketMinutes));
	const history = state.detector.count;
	const ready = history >= needed;
	const scale = typeof c.detector?.scoreScale === 'number' && c.detector.scoreScale > 0 ? c.detector.scoreScale : DEFAULT_DETECTOR_SCORE_SCALE;
	const surprise = Number.isFinite(det.surprise) ? det.surprise : 0;
	return {
		history,
		needed,
		ready,
		surprise,
		score: ready ? 1 - Math.exp(-surprise / scale) : 0,
		returnPeriodDays: det.returnPeriodDays,
		bucketValue: value,
		bucketExpected: det.expected,
	};
}

function assess(state: SituationState, v: VolumeEvidence, endMs: number, c: SituationConfig, extra: AssessExtras): AssessedSituation {
	const n = windowNumbers(state.closed, state.expected, v.score, c);
	const baselineNeg = state.negativeShareBaseline;
	const raw = rawLevelOf(n, v, c);
	const mem = state.memory;
	const previous = mem.level;
	const reasons: string[] = [];
	const level = nextLevel(mem, n, raw, c, reasons);
	const changed = level !== previous;
	if (changed) {
		mem.level = level;
		mem.since = endMs;
	}
	const notify = shouldNotify(mem, level, previous, changed, endMs, c);
	const failures = extra.sourceFailures ?? [];
	reasons.push(...windowReasons(n, v, raw, baselineNeg, failures, c));
	updateNegativeShareBaseline(state, level);
	const w = c.thresholds.windowMinutes;
	const situation: AssessedSituation = {
		level,
		rawLevel: raw.level,
		previousLevel: previous,
		changed,
		notify,
		score: round(raw.score),
		windowStart: new Date(endMs - w * 60000).toISOString(),
		windowEnd: new Date(endMs).toISOString(),
		assessedAt: new Date(endMs).toISOString(),
		reasons,
		metrics: situationMetrics(n, v, raw, baselineNeg, state.late, c),
		themes: n.themes.map(([t]) => t),
		topMentions: n.top,
	};
	if (failures.length) situation.sourceFailures = failures.map((f) => ({ source: f.source, kind: f.kind ?? null, retryAt: f.retryAt ?? null }));
	return situation;
}

/**
 * Advances the persistence counters with this bucket's raw level and returns the level after
 * escalation or step-down, pushing the reason for any move (or for holding back).
 */
function nextLevel(mem: LevelMemory, n: WindowNumbers, raw: RawLevel, c: SituationConfig, reasons: string[]): Level {
	const previous = mem.level;
	const rawRank = levelRank(raw.level);
	for (let r = 0; r < LEVELS.length; r++) mem.streak[r] = rawRank >= r ? (mem.streak[r] ?? 0) + 1 : 0;
	const volumeRank = levelRank(raw.flooredLevel);
	const volumeStreak = Array.isArray(mem.volumeStreak) && mem.volumeStreak.length === LEVELS.length ? mem.volumeStreak : LEVELS.map(() => 0);
	for (let r = 0; r < LEVELS.length; r++) volumeStreak[r] = volumeRank >= r ? (Number(volumeStreak[r]) || 0) + 1 : 0;
	mem.volumeStreak = volumeStreak;
	if (rawRank > levelRank(previous)) {
		mem.below = 0;
		return escalate(mem, n, raw, volumeRank, c, reasons);
	}
	if (rawRank < levelRank(previous)) return stepDown(mem, raw, c, reasons);
	mem.below = 0;
	return previous;
}

/** Escalate to the highest level that persisted, or straight to the raw level when confirmed. */
function escalate(mem: LevelMemory, n: WindowNumbers, raw: RawLevel, volumeRank: number, c: SituationConfig, reasons: string[]): Level {
	const previous = mem.level;
	const rawRank = levelRank(raw.level);
	const volumeStreak = mem.volumeStreak as number[];
	const confirmed = n.negativePlatforms.length >= c.confirmationSources && n.influentialAuthors.length > 0;
	let target = previous;
	let byVolume = false;
	for (let r = levelRank(previous) + 1; r <= rawRank; r++) {
		if (r <= volumeRank && volumeStreak[r] >= c.volumePersistenceBuckets) {
			target = LEVELS[r];
			byVolume = true;
		} else if (mem.streak[r] >= c.persistenceBuckets) {
			target = LEVELS[r];
			byVolume = false;
		}
	}
	const byConfirmation = confirmed && target !== raw.level;
	if (confirmed) target = raw.level;
	if (target === previous) {
		reasons.push(`Held at ${previous}: ${raw.level} criteria met in ${mem.streak[rawRank]} of the ${c.persistenceBuckets} consecutive buckets needed (or confirmation on ${c.confirmationSources} sources with an influential author).`);
		return previous;
	}
	const level = target;
	reasons.push(
		byConfirmation
			? `Escalated from ${previous} to ${level}: confirmed at once on ${n.negativePlatforms.length} sources with an influential author.`
			: byVolume
				? `Escalated from ${previous} to ${level}: the volume score reached ${level}` +
					(volumeStreak[levelRank(level)] > 1 ? ` for ${volumeStreak[levelRank(level)]} consecutive ${c.bucketMinutes}-minute buckets.` : ' (a surge this rare for this brand counts at once).')
				: `Escalated from ${previous} to ${level}: its criteria held for ${mem.streak[levelRank(level)]} consecutive ${c.bucketMinutes}-minute buckets.`,
	);
	return level;
}

/** One level down after `deescalationBuckets` buckets below the current level. */
function stepDown(mem: LevelMemory, raw: RawLevel, c: SituationConfig, reasons: string[]): Level {
	const previous = mem.level;
	mem.below++;
	if (mem.below >= c.deescalationBuckets) {
		const level = LEVELS[levelRank(previous) - 1];
		mem.below = 0;
		reasons.push(`Stepped down from ${previous} to ${level}: below ${previous} for ${c.deescalationBuckets} buckets (${fmtDuration(c.deescalationBuckets * c.bucketMinutes * 60000, 'en')}).`);
		return level;
	}
	reasons.push(`Still ${previous}: the window is at ${raw.level}, stepping down after ${c.deescalationBuckets - mem.below} more calm buckets.`);
	return previous;
}

/** Notify on an escalation, on the first time at a level, or when the cooldown has passed. */
function shouldNotify(mem: LevelMemory, level: Level, previous: Level, changed: boolean, endMs: number, c: SituationConfig): boolean {
	if (levelRank(level) < levelRank('alert')) return false;
	const last = mem.lastNotified[level];
	const notify = (changed && levelRank(level) > levelRank(previous)) || last === undefined || endMs - last >= c.cooldownMinutes * 60000;
	if (notify) mem.lastNotified[level] = endMs;
	return notify;
}

/** The numbers, in words: one expectation, one ratio, one score, the same everywhere. */
function windowReasons(
	n: WindowNumbers,
	v: VolumeEvidence,
	raw: RawLevel,
	baselineNeg: number | null,
	failures: NonNullable<AssessExtras['sourceFailures']>,
	c: SituationConfig,
): string[] {
	const reasons: string[] = [];
	reasons.push(
		`${fmt(n.mentions)} mentions in the last ${c.thresholds.windowMinutes} min against about ${num(n.expected)} expected from ${v.ready ? "this brand's own baseline" : 'the history so far (not yet a baseline)'}` +
			(n.expected >= 1 ? ` (${n.volumeRatio.toFixed(1)}×).` : ` (under 1 expected, so the ratio counts it as 1: ${n.volumeRatio.toFixed(1)}×).`),
	);
	reasons.push(volumeReason(v, raw, c));
	if (!raw.textsKnown && n.mentions > 0) {
		reasons.push('No scored texts in the window (counts only): negative share, authors and reach are unknown, so the level rests on volume alone.');
	}
	if (n.scored) {
		reasons.push(
			`${pct(n.negativeShare)} of scored mentions are negative${baselineNeg !== null ? ` (usual ${pct(baselineNeg)})` : ''}; ${n.highRisk} high-risk (risk ≥ ${c.highRisk}).`,
		);
	}
	if (n.influentialAuthors.length) {
		reasons.push(
			`Influential negative authors: ${n.influentialAuthors
				.slice(0, 3)
				.map((a) => `@${a.handle} on ${a.platform} (${fmt(a.followers)} followers)`)
				.join(', ')}; negative reach ${fmt(n.negativeReach)}.`,
		);
	}
	if (n.negativePlatforms.length > 1) reasons.push(`Negative mentions on ${n.negativePlatforms.length} sources: ${n.negativePlatforms.join(', ')}.`);
	if (n.themes.length) reasons.push(`Themes: ${n.themes.map(([t, k]) => `${t} (${k})`).join(', ')}.`);
	if (raw.weakSignal) reasons.push('Weak signal: few mentions, but high-risk or from influential authors.');
	if (raw.documentLevel !== 'calm') reasons.push(`The document's ${raw.documentLevel} thresholds are all met in the window.`);
	if (raw.nextMissing.length && levelRank(raw.level) < levelRank('critical')) {
		const next = LEVELS[levelRank(raw.level) + 1];
		if (levelRank(raw.documentLevel) + 1 === levelRank(next)) reasons.push(`Not ${next} by the document's thresholds: ${raw.nextMissing.join(', ')}.`);
	}
	if (failures.length) reasons.push(sourceFailureReason(failures));
	return reasons;
}

/** Update the slow negative-share baseline after assessing (causal), only outside escalations. */
function updateNegativeShareBaseline(state: SituationState, level: Level): void {
	const last = state.closed[state.closed.length - 1];
	if (last && last.scored > 0 && levelRank(level) <= levelRank('watch')) {
		const share = last.negative / last.scored;
		state.negativeShareBaseline = state.negativeShareBaseline === null ? share : state.negativeShareBaseline + 0.02 * (share - state.negativeShareBaseline);
	}
}

function situationMetrics(
	n: WindowNumbers,
	v: VolumeEvidence,
	raw: RawLevel,
	baselineNeg: number | null,
	late: number,
	c: SituationConfig,
): AssessedSituation['metrics'] {
	return {
		mentions: n.mentions,
		expectedMentions: round(n.expected),
		volumeRatio: round(n.volumeRatio),
		volumeScore: round(v.score),
		volumeSurprise: round(v.surprise),
		volumeLevel: raw.flooredLevel,
		documentLevel: raw.documentLevel,
		baselineHours: round((v.history * c.bucketMinutes) / 60),
		detectorScore: round(v.score),
		scoredMentions: n.scored,
		negativeShare: round(n.negativeShare),
		negativeShareBaseline: baselineNeg === null ? null : round(baselineNeg),
		negativeShareShift: baselineNeg === null ? null : round(n.negativeShare - baselineNeg),
		averageRisk: n.averageRisk === null ? null : round(n.averageRisk),
		highRiskMentions: n.highRisk,
		negativeReach: n.negativeReach,
		influentialAuthors: n.influentialAuthors.length,
		negativeSources: n.negativePlatforms.length,
		lateMentions: late,
	};
}

/** "1 source failed: reddit rate-limited until …; judged on the others." */
export function sourceFailureReason(failures: NonNullable<AssessExtras['sourceFailures']>): string {
	const parts = failures.slice(0, 5).map((f) => `${f.source}${f.kind ? ` ${f.kind}` : ''}${f.retryAt ? ` until ${f.retryAt}` : ''}`);
	const more = failures.length > 5 ? ` and ${failures.length - 5} more` : '';
	return `${failures.length} source${failures.length === 1 ? '' : 's'} failed: ${parts.join(', ')}${more}; judged on the others.`;
}

function num(x: number): string {
	return x >= 100 ? fmt(x) : x >= 10 ? x.toFixed(0) : x.toFixed(1);
}

/** One sentence on the volume evidence, agreeing with the window line (same expectation, same score). */
function volumeReason(v: VolumeEvidence, raw: RawLevel, c: SituationConfig): string {
	if (!v.ready) {
		const hours = (v.history * c.bucketMinutes) / 60;
		return `No baseline yet (${num(hours)} of ${c.baselineHours} hours of history): judged on the document's absolute thresholds only.`;
	}
	const bucket = `the last ${c.bucketMinutes} min had ${fmt(v.bucketValue)} against about ${num(v.bucketExpected)} expected`;
	if (v.surprise <= 0) return `Volume is within this brand's usual range (${bucket}; volume score 0.00).`;
	let text = `Volume surprise ${v.surprise.toFixed(1)}: a surge like this happens ${formatPeriod(v.returnPeriodDays)} for this brand (${bucket}); volume score ${v.score.toFixed(2)}`;
	if (raw.volumeLevel === 'calm') text += `, under the ${c.scoreThresholds.watch} of watch.`;
	else if (raw.flooredLevel === raw.volumeLevel) text += `, ${raw.volumeLevel} on volume.`;
	else text += `, ${raw.volumeLevel} on volume but held at ${raw.flooredLevel} by the document's floor (${raw.heldBy}).`;
	return text;
}

function round(x: number): number {
	return Math.round(x * 1000) / 1000;
}

/** Convenience: assess a whole batch from a fresh state (replay / backtest), one situation per bucket. */
export function replaySituations(mentions: ScoredMention[], now: string, config: Partial<SituationConfig> = {}, extra: AssessExtras = {}): AssessedSituation[] {
	const state = createSituationState(config);
	ingestMentions(state, mentions, { ...config, maxOpenBuckets: Infinity });
	return advanceSituation(state, now, { ...config, maxOpenBuckets: Infinity }, extra);
}
