/**
 * Sentiment: negative share and average risk per phase, and recovery — the first hour after
 * the peak from which every later window's negative share stays within chance of the share
 * before the crisis.
 */
import type { HowTexts } from '../i18n';
import { HOUR_MS, iso } from '../format';
import type { ReportMetrics } from '../types';
import type { PhaseCounts } from './phaseStats';
import type { MentionSeries } from './series';
import { metric, perPhase, round } from './shared';

/** Recovery: window length, minimum scored mentions per window, tolerance over the before share. */
const RECOVERY_WINDOW_HOURS = 6;
const RECOVERY_MIN_SCORED = 5;
const RECOVERY_Z = 2;
const RECOVERY_TOLERANCE = 0.05;
/** Minimum scored mentions before the crisis to judge recovery. */
const RECOVERY_MIN_BASELINE = 5;

type Recovery = ReportMetrics['sentiment']['recovery'];

function recoveryHour(series: MentionSeries, peakIdx: number, ds: number, de: number, limit: number): { from: number; lastBad: number; lastGood: number } {
	const { nHours, negH, scoredH, hour0 } = series;
	const prefNeg = new Float64Array(nHours + 1);
	const prefScored = new Float64Array(nHours + 1);
	for (let h = 0; h < nHours; h++) {
		prefNeg[h + 1] = prefNeg[h] + negH[h];
		prefScored[h + 1] = prefScored[h] + scoredH[h];
	}
	const dsIdx = Math.max(0, Math.min(nHours, series.hourIndex(ds)));
	const deIdx = Math.max(0, Math.min(nHours, Math.ceil((de - hour0) / HOUR_MS)));
	const from = peakIdx >= dsIdx && peakIdx < deIdx ? peakIdx : dsIdx;
	let lastBad = -1;
	let lastGood = -1;
	for (let h = nHours - 1; h >= from; h--) {
		const e = Math.min(nHours, h + RECOVERY_WINDOW_HOURS);
		const sc = prefScored[e] - prefScored[h];
		if (sc < RECOVERY_MIN_SCORED) continue;
		// worse than the limit by more than chance: 2 binomial standard deviations
		if (prefNeg[e] - prefNeg[h] - sc * limit > RECOVERY_Z * Math.sqrt(sc * limit * (1 - limit))) {
			lastBad = h;
			break;
		}
		lastGood = h;
	}
	return { from, lastBad, lastGood };
}

export function sentimentMetrics(
	series: MentionSeries,
	phases: PhaseCounts,
	peakIdx: number,
	ds: number | null,
	de: number | null,
	how: HowTexts,
): ReportMetrics['sentiment'] {
	const { stats, riskSum, riskCount } = phases;
	const { scored } = series;
	const negShare = perPhase((k) => (stats[k].scored ? round(stats[k].sentiment.negative / stats[k].scored, 4) : null));
	const avgRisk = perPhase((_k, i) => (riskCount[i] ? round(riskSum[i] / riskCount[i], 1) : null));
	let recovery: Recovery;
	if (!scored) recovery = metric(null, how.notScored, 'ms');
	else if (ds === null || de === null || stats.during.mentions === 0) recovery = metric(null, how.recoveryNoCrisis, 'ms');
	else if (stats.before.scored < RECOVERY_MIN_BASELINE || negShare.before === null) recovery = metric(null, how.recoveryNoBaseline, 'ms');
	else {
		const base = stats.before.sentiment.negative / stats.before.scored;
		const limit = base + RECOVERY_TOLERANCE;
		const howText = how.recovery(base, RECOVERY_WINDOW_HOURS, RECOVERY_MIN_SCORED);
		const duringShare = negShare.during ?? 0;
		if (duringShare <= limit) {
			recovery = metric({ degraded: false, recovered: true, at: null, afterMs: 0 }, howText, 'ms');
		} else {
			const { from, lastBad, lastGood } = recoveryHour(series, peakIdx, ds, de, limit);
			const r = lastBad < 0 ? from : lastBad + 1;
			if (lastGood >= r) {
				const at = series.hour0 + r * HOUR_MS;
				recovery = metric({ degraded: true, recovered: true, at: iso(at), afterMs: Math.max(0, at - ds) }, howText, 'ms');
			} else recovery = metric({ degraded: true, recovered: false, at: null, afterMs: null }, howText, 'ms');
		}
	}
	return {
		negativeShare: metric(negShare, scored ? how.negativeShare(phases.withSentiment, series.valid) : how.notScored, 'share'),
		averageRisk: metric(avgRisk, scored ? how.averageRisk(phases.withRisk) : how.notScored, 'risk'),
		recovery,
	};
}
