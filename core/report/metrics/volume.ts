/** Volume: the series (hourly, coarser beyond ~83 days), total, peak hour, per-phase rate, baseline. */
import type { HowTexts } from '../i18n';
import { HOUR_MS, iso } from '../format';
import type { ReportMetrics, VolumeBucket } from '../types';
import type { VolumeBaseline } from './baseline';
import type { PhaseCounts } from './phaseStats';
import type { MentionSeries } from './series';
import { metric, perPhase, round } from './shared';

/** Series points kept in the JSON (hourly up to ~83 days, coarser beyond). */
const MAX_SERIES_POINTS = 2000;

export function volumeMetrics(series: MentionSeries, phases: PhaseCounts, baseline: VolumeBaseline, zoneName: string, how: HowTexts): ReportMetrics['volume'] {
	const { nHours, hour0, count, negH } = series;
	const { stats } = phases;
	const { peakIdx } = baseline;
	const bucketHours = Math.max(1, Math.ceil(nHours / MAX_SERIES_POINTS));
	const points: VolumeBucket[] = [];
	for (let h = 0; h < nHours; h += bucketHours) {
		let c = 0;
		let neg = 0;
		for (let k = h; k < Math.min(nHours, h + bucketHours); k++) {
			c += count[k];
			neg += negH[k];
		}
		points.push({ start: iso(hour0 + h * HOUR_MS), count: c, negative: neg });
	}
	return {
		bucketHours,
		series: points,
		total: metric(series.valid, how.total(series.excluded), 'mentions'),
		peak: metric(peakIdx >= 0 ? { at: iso(hour0 + peakIdx * HOUR_MS), count: count[peakIdx] } : null, how.peak(zoneName), 'mentions'),
		perHour: metric(
			perPhase((k) => (stats[k].hours > 0 ? round(stats[k].mentions / stats[k].hours, 2) : null)),
			how.perHour,
			'mentionsPerHour',
		),
		baseline: baseline.metric,
	};
}
