/**
 * Backtest: replay a past counts series through the detector and see when each level would
 * have fired, how fast each labelled incident would have been caught and how many alerts a
 * week the team would have received. Run it on your own history to tune the thresholds
 * before the next crisis.
 */
import { LEVELS, levelRank, type Level } from '../levels';
import { resolveDetectorConfig } from './config';
import { createDetectorState, toEpochMs, updateDetector } from './detector';
import type { DetectorConfig, VolumeObservation } from './types';

export interface BacktestConfig {
	/** Detector settings (bucket size, seasonality, …). */
	detector?: Partial<DetectorConfig>;
	/** Minimum score for each level above calm. Defaults: watch 0.25, alert 0.4, crisis 0.6, critical 0.8. */
	thresholds?: Partial<Record<Exclude<Level, 'calm'>, number>>;
	/** Consecutive buckets at or above a level before it fires. Default 1 (the detector already suppresses repeats). */
	persistence?: number;
	/** After a level fired, the same or a lower level does not fire again for this long (minutes). Default 360. */
	cooldownMinutes?: number;
	/** Lowest level that counts as an alert (alerts per week, false alarms, detection of incidents). Default 'alert'. */
	alertLevel?: Exclude<Level, 'calm'>;
	/** Buckets at the start used only for learning (no firing). Default: one day of buckets. */
	warmupBuckets?: number;
}

export interface BacktestIncident {
	start: string | number;
	end: string | number;
}

export interface BacktestFiring {
	timestamp: string | number;
	level: Exclude<Level, 'calm'>;
	score: number;
	value: number;
	expected: number;
	reasons: string[];
}

export interface BacktestIncidentResult {
	start: string | number;
	end: string | number;
	/** First firing at or above `alertLevel` inside [start, end], or null. */
	detectedAt: string | number | null;
	delayMinutes: number | null;
	/** Highest level fired inside the incident. */
	maxLevel: Level;
}

export interface BacktestResult {
	firings: BacktestFiring[];
	perIncident: BacktestIncidentResult[];
	/** Firings at or above `alertLevel` per 7 days of data. */
	alertsPerWeek: number;
	/** Firings at or above `alertLevel` outside every incident (only meaningful with incidents). */
	falseAlarms: number;
	/** Firings per level. */
	countsByLevel: Record<Exclude<Level, 'calm'>, number>;
	incidentsDetected: number;
	/** Median detection delay over detected incidents, or null. */
	medianDelayMinutes: number | null;
	buckets: number;
	weeks: number;
	thresholds: Record<Exclude<Level, 'calm'>, number>;
}

export const DEFAULT_SCORE_THRESHOLDS: Readonly<Record<Exclude<Level, 'calm'>, number>> = Object.freeze({
	watch: 0.25,
	alert: 0.4,
	crisis: 0.6,
	critical: 0.8,
});

const ACTIVE_LEVELS = LEVELS.filter((l) => l !== 'calm') as Array<Exclude<Level, 'calm'>>;

/** Level of a score under the given thresholds. */
export function levelForScore(score: number, thresholds: Record<Exclude<Level, 'calm'>, number> = DEFAULT_SCORE_THRESHOLDS): Level {
	let level: Level = 'calm';
	for (const l of ACTIVE_LEVELS) if (score >= thresholds[l]) level = l;
	return level;
}

export function backtest(
	series: VolumeObservation[],
	incidents: BacktestIncident[] = [],
	config: BacktestConfig = {},
): BacktestResult {
	const detectorConfig = config.detector ?? {};
	const resolved = resolveDetectorConfig(detectorConfig);
	const thresholds = { ...DEFAULT_SCORE_THRESHOLDS, ...(config.thresholds ?? {}) };
	const persistence = Math.max(1, Math.floor(config.persistence ?? 1));
	const cooldownMs = Math.max(0, config.cooldownMinutes ?? 360) * 60000;
	const alertLevel = config.alertLevel ?? 'alert';
	const warmup = Math.max(0, Math.floor(config.warmupBuckets ?? Math.round(1440 / resolved.bucketMinutes)));

	const rows = series
		.map((o) => ({ o, t: toEpochMs(o.timestamp) }))
		.filter((r) => Number.isFinite(r.t))
		.sort((a, b) => a.t - b.t);

	const state = createDetectorState(detectorConfig);
	const firings: Array<BacktestFiring & { t: number }> = [];
	const lastFiredAt: Partial<Record<Level, number>> = {};
	let streakLevel: Level = 'calm';
	let streak = 0;

	for (let i = 0; i < rows.length; i++) {
		const { o, t } = rows[i];
		const u = updateDetector(state, o, detectorConfig);
		if (i < warmup) continue;
		const level = levelForScore(u.score, thresholds);
		if (level === 'calm') {
			streak = 0;
			streakLevel = 'calm';
			continue;
		}
		streak = levelRank(level) >= levelRank(streakLevel) && streakLevel !== 'calm' ? streak + 1 : 1;
		streakLevel = level;
		if (streak < persistence) continue;
		// Cooldown: a level (or a lower one) that fired recently stays quiet; escalations fire.
		let quiet = false;
		for (const l of ACTIVE_LEVELS) {
			if (levelRank(l) < levelRank(level)) continue;
			const last = lastFiredAt[l];
			if (last !== undefined && t - last < cooldownMs) quiet = true;
		}
		if (quiet) continue;
		lastFiredAt[level] = t;
		firings.push({
			t,
			timestamp: o.timestamp,
			level: level as Exclude<Level, 'calm'>,
			score: u.score,
			value: o.value,
			expected: u.expected,
			reasons: u.reasons.slice(),
		});
	}

	const isAlert = (f: { level: Level }) => levelRank(f.level) >= levelRank(alertLevel);
	const spans = incidents
		.map((inc) => ({ inc, s: toEpochMs(inc.start), e: toEpochMs(inc.end) }))
		.filter((x) => Number.isFinite(x.s) && Number.isFinite(x.e));
	const perIncident: BacktestIncidentResult[] = spans.map(({ inc, s, e }) => {
		const inside = firings.filter((f) => f.t >= s && f.t <= e);
		const first = inside.find(isAlert);
		let maxLevel: Level = 'calm';
		for (const f of inside) if (levelRank(f.level) > levelRank(maxLevel)) maxLevel = f.level;
		return {
			start: inc.start,
			end: inc.end,
			detectedAt: first ? first.timestamp : null,
			delayMinutes: first ? Math.round((first.t - s) / 60000) : null,
			maxLevel,
		};
	});
	const alerts = firings.filter(isAlert);
	const falseAlarms = spans.length === 0 ? 0 : alerts.filter((f) => !spans.some(({ s, e }) => f.t >= s && f.t <= e)).length;
	const spanMs = rows.length > 1 ? rows[rows.length - 1].t - rows[0].t + resolved.bucketMs : rows.length * resolved.bucketMs;
	const weeks = spanMs / (7 * 86400000);
	const countsByLevel = { watch: 0, alert: 0, crisis: 0, critical: 0 };
	for (const f of firings) countsByLevel[f.level]++;
	const delays = perIncident.map((p) => p.delayMinutes).filter((d): d is number => d !== null).sort((a, b) => a - b);
	const medianDelayMinutes = delays.length === 0 ? null
		: delays.length % 2 === 1 ? delays[(delays.length - 1) / 2]
		: (delays[delays.length / 2 - 1] + delays[delays.length / 2]) / 2;

	return {
		firings: firings.map((f) => ({ timestamp: f.timestamp, level: f.level, score: f.score, value: f.value, expected: f.expected, reasons: f.reasons })),
		perIncident,
		alertsPerWeek: weeks > 0 ? alerts.length / weeks : 0,
		falseAlarms,
		countsByLevel,
		incidentsDetected: perIncident.filter((p) => p.detectedAt !== null).length,
		medianDelayMinutes,
		buckets: rows.length,
		weeks,
		thresholds,
	};
}

/**
 * Turns past mention timestamps into a counts series (one row per bucket, empty buckets = 0),
 * ready for `backtest()` or the detector.
 */
export function bucketCounts(timestamps: Array<string | number>, bucketMinutes = 5): Array<{ timestamp: number; value: number }> {
	const size = Math.max(1, bucketMinutes) * 60000;
	const ts = timestamps.map(toEpochMs).filter((t) => Number.isFinite(t));
	if (ts.length === 0) return [];
	const counts = new Map<number, number>();
	let min = Infinity;
	let max = -Infinity;
	for (const t of ts) {
		const b = Math.floor(t / size) * size;
		counts.set(b, (counts.get(b) ?? 0) + 1);
		if (b < min) min = b;
		if (b > max) max = b;
	}
	const out: Array<{ timestamp: number; value: number }> = [];
	// Cap the number of rows (about a year of 5-minute buckets) to keep memory bounded.
	const maxRows = 120000;
	for (let b = min, k = 0; b <= max && k < maxRows; b += size, k++) out.push({ timestamp: b, value: counts.get(b) ?? 0 });
	return out;
}
