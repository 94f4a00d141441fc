import type { DetectorConfig } from './types';

/** Defaults chosen for 5-minute buckets; every time constant is in minutes/hours/days, so they carry over to hourly buckets. */
export const DEFAULT_DETECTOR_CONFIG: Readonly<DetectorConfig> = Object.freeze({
	bucketMinutes: 5,
	dailySeasonality: false,
	weeklySeasonality: false,
	utcOffsetMinutes: 0,
	levelHours: 168,
	tailDays: 56,
	seasonalDays: 7,
	surgeWindowsMinutes: [5, 60],
	tailQuantile: 0.98,
	refractoryHours: 6,
	escalation: 2,
	warmupExcesses: 20,
	scoreScale: 5,
	pseudoCount: 1,
});

/** Per-bucket rates derived from a config (computed once per config object). */
export interface ResolvedDetectorConfig extends DetectorConfig {
	bucketMs: number;
	surgeBuckets: number[];
	ringSize: number;
	levelBuckets: number;
	tailRate: number;
	tailProbability: number;
	hourRate: number;
	dayRate: number;
	/** Per-bucket decay of the refractory memory. */
	refractoryDecayPerBucket: number;
}

const cache = new WeakMap<object, ResolvedDetectorConfig>();
let defaultResolved: ResolvedDetectorConfig | undefined;

function finiteOr(value: unknown, fallback: number, min: number, max: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** Merges a partial config with the defaults, clamps every field to a sane range and precomputes rates. */
export function resolveDetectorConfig(config?: Partial<DetectorConfig>): ResolvedDetectorConfig {
	if (!config) {
		if (!defaultResolved) defaultResolved = build({});
		return defaultResolved;
	}
	let resolved = cache.get(config);
	if (!resolved) {
		resolved = build(config);
		cache.set(config, resolved);
	}
	return resolved;
}

function build(config: Partial<DetectorConfig>): ResolvedDetectorConfig {
	const d = DEFAULT_DETECTOR_CONFIG;
	const bucketMinutes = finiteOr(config.bucketMinutes, d.bucketMinutes, 1 / 60, 7 * 24 * 60);
	const windowsIn = Array.isArray(config.surgeWindowsMinutes) && config.surgeWindowsMinutes.length > 0
		? config.surgeWindowsMinutes
		: d.surgeWindowsMinutes;
	// At most 4 windows and 288 buckets per window keeps the state well under 64 KB.
	const surgeBuckets = Array.from(
		new Set(windowsIn.slice(0, 4).map((m) => Math.min(288, Math.max(1, Math.round(finiteOr(m, bucketMinutes, 0, 1e9) / bucketMinutes))))),
	).sort((a, b) => a - b);
	const merged: DetectorConfig = {
		bucketMinutes,
		dailySeasonality: typeof config.dailySeasonality === 'boolean' ? config.dailySeasonality : d.dailySeasonality,
		weeklySeasonality: typeof config.weeklySeasonality === 'boolean' ? config.weeklySeasonality : d.weeklySeasonality,
		utcOffsetMinutes: finiteOr(config.utcOffsetMinutes, d.utcOffsetMinutes, -14 * 60, 14 * 60),
		levelHours: finiteOr(config.levelHours, d.levelHours, 0.1, 24 * 365),
		tailDays: finiteOr(config.tailDays, d.tailDays, 0.1, 365),
		seasonalDays: finiteOr(config.seasonalDays, d.seasonalDays, 1, 365),
		surgeWindowsMinutes: surgeBuckets.map((b) => b * bucketMinutes),
		tailQuantile: finiteOr(config.tailQuantile, d.tailQuantile, 0.5, 0.999),
		refractoryHours: finiteOr(config.refractoryHours, d.refractoryHours, 0, 24 * 30),
		escalation: finiteOr(config.escalation, d.escalation, 1, 100),
		warmupExcesses: finiteOr(config.warmupExcesses, d.warmupExcesses, 0, 1e6),
		scoreScale: finiteOr(config.scoreScale, d.scoreScale, 1e-3, 1e3),
		pseudoCount: finiteOr(config.pseudoCount, d.pseudoCount, 1e-3, 1e6),
	};
	const bucketsPerHour = 60 / bucketMinutes;
	const bucketsPerDay = 24 * bucketsPerHour;
	const refractoryBuckets = merged.refractoryHours * bucketsPerHour;
	return {
		...merged,
		bucketMs: bucketMinutes * 60000,
		surgeBuckets,
		ringSize: surgeBuckets[surgeBuckets.length - 1],
		levelBuckets: Math.max(1, merged.levelHours * bucketsPerHour),
		tailRate: Math.min(1, 1 / (merged.tailDays * bucketsPerDay)),
		tailProbability: 1 - merged.tailQuantile,
		// Each hour-of-day slot is visited bucketsPerHour times a day.
		hourRate: Math.min(1, 1 / (merged.seasonalDays * Math.max(1, bucketsPerHour))),
		// Each weekday slot is visited bucketsPerDay times a week; remember ~2 weeks.
		dayRate: Math.min(1, 1 / (2 * bucketsPerDay)),
		refractoryDecayPerBucket: refractoryBuckets > 0 ? Math.exp(-1 / refractoryBuckets) : 0,
	};
}
