/**
 * Contracts of the streaming volume detector.
 *
 * The detector turns a series of mention counts per bucket (5 minutes, 1 hour, …) into an
 * anomaly score in [0, 1] per bucket, causally (a bucket's score uses only that bucket and
 * earlier ones) and in constant memory. It does not decide the crisis level: a later
 * Assess Situation step maps `score` together with the volume, the negative share and the
 * authors into calm / watch / alert / crisis / critical; `core/scoring/backtestSituations.ts`
 * replays it on a team's own history to see when each level would have fired.
 */

/** One bucket of the monitored series. */
export interface VolumeObservation {
	/** Start of the bucket: RFC 3339 string or epoch milliseconds. */
	timestamp: string | number;
	/** Mentions counted in the bucket (negative or non-finite values are treated as 0). */
	value: number;
}

export interface DetectorConfig {
	/** Bucket size in minutes (5 for the NAB tweet series, 60 for an hourly count). Default 5. */
	bucketMinutes: number;
	/** Learn an hour-of-day profile (log space). Default false (see docs/detector.md). */
	dailySeasonality: boolean;
	/** Learn a day-of-week profile (log space). Default false. */
	weeklySeasonality: boolean;
	/** Offset of the brand's local time from UTC, in minutes, for the seasonal profiles. Default 0. */
	utcOffsetMinutes: number;
	/** Time constant of the baseline level, in hours. Default 168 (one week: spikes are judged against the brand's usual week, daily cycle included). */
	levelHours: number;
	/** Memory of the tail model (what "unusual" means for this brand), in days. Default 56 (in practice the whole history up to 8 weeks). */
	tailDays: number;
	/** Memory of the seasonal profiles, in days. Default 7. */
	seasonalDays: number;
	/** Windows of the surge tests, in minutes (each is the mean log-excess over that span). Default [5, 60]. */
	surgeWindowsMinutes: number[];
	/** Quantile above which residuals form the tail (peaks over threshold). Default 0.98. */
	tailQuantile: number;
	/** Refractory memory, in hours: after a surge, a bucket only scores if it is `escalation`× worse. Default 6. */
	refractoryHours: number;
	/** Escalation factor a new surge must exceed over the (decaying) previous one. Default 2. */
	escalation: number;
	/** Tail excesses needed before the detector is fully confident (scores are shrunk before). Default 20. */
	warmupExcesses: number;
	/** Surprise (in tail e-folds) that maps to score 1 - 1/e ≈ 0.63. Default 5. */
	scoreScale: number;
	/** Pseudo-count added before taking logs (handles zero buckets). Default 1. */
	pseudoCount: number;
}

/**
 * Tail model of one surge window (peaks over threshold with an exponential tail):
 * P(excess > x) ≈ (1 - tailQuantile) · exp(-x / mean).
 */
export interface TailState {
	/** Robust scale: exponentially weighted mean absolute residual (clipped). */
	mad: number;
	/** Tracked `tailQuantile` quantile of the residual. */
	threshold: number;
	/** Exponentially weighted mean excess over `threshold`. */
	meanExcess: number;
	/** Number of excesses seen (capped), for the warm-up shrinkage. */
	excesses: number;
}

/** The whole memory of one monitored query: plain JSON, a few hundred bytes to a few KB. */
export interface DetectorState {
	version: 1;
	/** Buckets seen. */
	count: number;
	/** Epoch ms of the last bucket accepted, or null. */
	lastTimestamp: number | null;
	/** Baseline level of log(count + pseudoCount), or null before the first bucket. */
	level: number | null;
	/** Hour-of-day log offsets (24), used when dailySeasonality is on. */
	hourOfDay: number[];
	/** Day-of-week log offsets (7, Sunday = 0), used when weeklySeasonality is on. */
	dayOfWeek: number[];
	/** Last residuals (ring buffer, length = longest surge window in buckets). */
	recent: number[];
	/** Next write position in `recent`. */
	recentPos: number;
	/** One tail model per surge window. */
	tails: TailState[];
	/** Refractory memory: the decayed surprise of the last surge. */
	lastSurge: number;
}

export interface DetectorUpdate {
	/** Anomaly score in [0, 1]: 0 for an ordinary bucket, close to 1 for a rare, new surge. */
	score: number;
	/** Expected count for this bucket from the baseline (and seasonal profile when on). */
	expected: number;
	/** Relative excess over the expectation: (value - expected) / max(expected, 1). */
	deviation: number;
	/** Surprise in tail e-folds before the refractory rule (0 when not above the usual highs). */
	surprise: number;
	/** Expected time between buckets this unusual, in days (Infinity when not unusual). */
	returnPeriodDays: number;
	/** Plain-words explanation of the score. */
	reasons: string[];
	/** The same state object, updated in place (returned for convenience). */
	state: DetectorState;
}

export interface LoadedDetectorState {
	state: DetectorState;
	/** Set when the stored state was missing, corrupted or oversized and a fresh one was used. */
	warning?: string;
}
