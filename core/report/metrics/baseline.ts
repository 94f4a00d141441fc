/**
 * The volume baseline (median and MAD of the hours outside the crisis, or before it when there
 * are enough) and the abnormal run of hours around the peak above its threshold.
 */
import type { HowTexts } from '../i18n';
import { HOUR_MS } from '../format';
import type { Metric } from '../types';
import type { MentionSeries } from './series';
import { median, metric, round } from './shared';

/** Hours of normal volume tolerated inside the abnormal run around the peak. */
export const EPISODE_GAP_HOURS = 2;
/** Minimum hours of "before" data to use it as the volume baseline. */
const MIN_BASELINE_HOURS = 6;

export interface VolumeBaseline {
	/** Hour index of the busiest hour, -1 without data. */
	peakIdx: number;
	metric: Metric<{ median: number; threshold: number } | null>;
	/** The abnormal run around the peak, when the peak is above the threshold. */
	episode: { start: number; end: number } | null;
}

export function volumeBaseline(series: MentionSeries, ds: number | null, de: number | null, how: HowTexts): VolumeBaseline {
	const { count, nHours, hour0 } = series;
	let peakIdx = -1;
	for (let h = 0; h < nHours; h++) if (peakIdx < 0 || count[h] > count[peakIdx]) peakIdx = h;
	let baselineMetric: VolumeBaseline['metric'] = metric(null, how.baselineNone, 'mentionsPerHour');
	let threshold = Infinity;
	if (nHours > 0) {
		let sample: number[] = [];
		let scope: 'before' | 'outside' | 'all' = 'all';
		if (ds !== null && de !== null) {
			const dsIdx = Math.min(nHours, Math.max(0, series.hourIndex(ds)));
			const deIdx = Math.min(nHours, Math.max(0, Math.ceil((de - hour0) / HOUR_MS)));
			if (dsIdx >= MIN_BASELINE_HOURS) {
				sample = Array.from(count.subarray(0, dsIdx));
				scope = 'before';
			} else {
				sample = Array.from(count.subarray(0, dsIdx)).concat(Array.from(count.subarray(deIdx)));
				scope = 'outside';
			}
		}
		if (sample.length === 0) {
			sample = Array.from(count);
			scope = 'all';
		}
		const med = median(sample);
		const mad = median(sample.map((v) => Math.abs(v - med)));
		threshold = Math.max(med + 3 * 1.4826 * mad, 2 * med, med + 3);
		baselineMetric = metric(
			{ median: round(med, 2), threshold: round(threshold, 2) },
			how.baseline(sample.length, scope, med, mad, threshold),
			'mentionsPerHour',
		);
	}
	let episode: VolumeBaseline['episode'] = null;
	if (peakIdx >= 0 && count[peakIdx] > threshold) {
		let start = peakIdx;
		let end = peakIdx;
		for (let k = peakIdx - 1, gap = 0; k >= 0; k--) {
			if (count[k] > threshold) {
				start = k;
				gap = 0;
			} else if (++gap > EPISODE_GAP_HOURS) break;
		}
		for (let k = peakIdx + 1, gap = 0; k < nHours; k++) {
			if (count[k] > threshold) {
				end = k;
				gap = 0;
			} else if (++gap > EPISODE_GAP_HOURS) break;
		}
		episode = { start: hour0 + start * HOUR_MS, end: hour0 + (end + 1) * HOUR_MS };
	}
	return { peakIdx, metric: baselineMetric, episode };
}
