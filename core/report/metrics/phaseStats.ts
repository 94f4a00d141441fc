/** Per phase: its bounds, mentions, scored mentions, sentiment counts and risk sums. */
import { HOUR_MS, iso } from '../format';
import type { PerPhase, PhaseStats } from '../types';
import type { MentionSeries } from './series';
import { SENT_NEG, SENT_NEU, SENT_NONE, SENT_POS, round } from './shared';

export interface PhaseCounts {
	stats: PerPhase<PhaseStats>;
	/** Risk sum and count per phase index (before, during, after). */
	riskSum: number[];
	riskCount: number[];
	/** Phase index of each mention. */
	mentionPhase: Uint8Array;
	withSentiment: number;
	withRisk: number;
}

const PHASE_KEYS: Array<keyof PerPhase<PhaseStats>> = ['before', 'during', 'after'];

function emptyStats(): PhaseStats {
	return { start: null, end: null, hours: 0, mentions: 0, scored: 0, sentiment: { negative: 0, neutral: 0, positive: 0, unknown: 0 } };
}

export function phaseCounts(series: MentionSeries, ds: number | null, de: number | null): PhaseCounts {
	const { rangeStart, rangeEnd, mentions, times, hourOf, sent } = series;
	const stats: PerPhase<PhaseStats> = { before: emptyStats(), during: emptyStats(), after: emptyStats() };
	if (series.hasData && rangeStart !== null && rangeEnd !== null) {
		const bounds: Array<[number, number]> =
			ds !== null && de !== null
				? [
						[rangeStart, Math.min(ds, rangeEnd)],
						[Math.max(ds, rangeStart), Math.min(de, rangeEnd)],
						[Math.max(de, rangeStart), rangeEnd],
					]
				: [
						[rangeStart, rangeEnd],
						[0, 0],
						[0, 0],
					];
		PHASE_KEYS.forEach((k, i) => {
			const [a, b] = bounds[i];
			if (b > a) {
				stats[k].start = iso(a);
				stats[k].end = iso(b);
				stats[k].hours = round((b - a) / HOUR_MS, 2);
			}
		});
	}
	const phaseOf = (t: number): number => (ds === null || de === null ? 0 : t < ds ? 0 : t < de ? 1 : 2);
	const n = mentions.length;
	const out: PhaseCounts = { stats, riskSum: [0, 0, 0], riskCount: [0, 0, 0], mentionPhase: new Uint8Array(n), withSentiment: 0, withRisk: 0 };
	for (let i = 0; i < n; i++) {
		if (hourOf[i] < 0) continue;
		const p = phaseOf(times[i]);
		out.mentionPhase[i] = p;
		const st = stats[PHASE_KEYS[p]];
		st.mentions++;
		const s = sent[i];
		if (s === SENT_NEG) st.sentiment.negative++;
		else if (s === SENT_NEU) st.sentiment.neutral++;
		else if (s === SENT_POS) st.sentiment.positive++;
		else st.sentiment.unknown++;
		if (s !== SENT_NONE) {
			st.scored++;
			out.withSentiment++;
		}
		const c = mentions[i].crisis;
		if (c && typeof c.risk === 'number' && Number.isFinite(c.risk)) {
			out.riskSum[p] += c.risk;
			out.riskCount[p]++;
			out.withRisk++;
		}
	}
	return out;
}
