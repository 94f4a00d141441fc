'use strict';
/**
 * Runs Assess Situation (core/scoring/situation, compiled or ts-jest-transformed) over a NAB
 * counts series the way a live workflow would: each row is one bucket of counts without texts
 * (bucket = the data's step), ingested and assessed when the bucket closes. Returns, per row, the
 * situation's level and the NAB anomaly score, plus what a team would have received.
 *
 * The NAB anomaly score of a row is the situation's `score` (the score its raw level is chosen
 * from) when the situation escalated at that row, else 0: an alarm is raised when the level goes
 * up, with the strength of the evidence that raised it. Held levels, repeats and step-downs are
 * not new alarms.
 */

const DAY = 86400000;

/** The data's step in minutes: the median gap between consecutive rows. */
function stepMinutes(times) {
	const gaps = [];
	for (let i = 1; i < times.length; i++) gaps.push(times[i] - times[i - 1]);
	gaps.sort((a, b) => a - b);
	const g = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 300000;
	return Math.max(1, Math.round(g / 60000));
}

/**
 * @param sit the situation module (exports createSituationState, ingestCounts, advanceSituation)
 * @param times epoch ms per row; values counts per row
 * @param config partial SituationConfig (bucketMinutes defaults to the data's step)
 */
function runSituations(sit, times, values, config = {}) {
	const bucketMinutes = config.bucketMinutes || stepMinutes(times);
	const cfg = { ...config, bucketMinutes };
	const size = bucketMinutes * 60000;
	const state = sit.createSituationState(cfg);
	const n = times.length;
	const scores = new Array(n).fill(0);
	const levels = new Array(n).fill('calm');
	const notify = new Array(n).fill(false);
	const situationScores = new Array(n).fill(0);
	for (let i = 0; i < n; i++) {
		sit.ingestCounts(state, [{ timestamp: times[i], value: values[i] }], cfg);
		const end = Math.floor(times[i] / size) * size + size;
		const out = sit.advanceSituation(state, new Date(end).toISOString(), cfg);
		const s = out[out.length - 1];
		if (!s) continue;
		levels[i] = s.level;
		situationScores[i] = s.score;
		notify[i] = out.some((x) => x.notify);
		const escalated = out.some((x) => x.changed && rank(x.level) > rank(x.previousLevel));
		if (escalated) scores[i] = Math.max(...out.filter((x) => x.changed && rank(x.level) > rank(x.previousLevel)).map((x) => x.score));
	}
	return { scores, levels, notify, situationScores, bucketMinutes, stateBytes: Buffer.byteLength(JSON.stringify(state)) };
}

const LEVELS = ['calm', 'watch', 'alert', 'crisis', 'critical'];
function rank(l) {
	return LEVELS.indexOf(l);
}

/**
 * What the team would have received at the shipped levels: alerts (notifications at `alertLevel`
 * or above) per week over the calm weeks (7-day blocks from the first row that overlap no labelled
 * window), and per labelled window the delay to the first situation at `alertLevel` or above.
 */
function alertStats(times, levels, notify, windows, alertLevel = 'alert', parseTimestamp = Date.parse) {
	const spans = windows.map(([s, e]) => [typeof s === 'number' ? s : parseTimestamp(s), typeof e === 'number' ? e : parseTimestamp(e)]);
	const t0 = times[0];
	const weeks = new Map();
	for (let i = 0; i < times.length; i++) {
		const w = Math.floor((times[i] - t0) / (7 * DAY));
		if (!weeks.has(w)) weeks.set(w, { alerts: 0, rows: 0, from: t0 + w * 7 * DAY });
		const wk = weeks.get(w);
		wk.rows++;
		if (notify[i] && rank(levels[i]) >= rank(alertLevel)) wk.alerts++;
	}
	const step = times.length > 1 ? (times[times.length - 1] - t0) / (times.length - 1) : 300000;
	let calmWeeks = 0;
	let calmAlerts = 0;
	for (const wk of weeks.values()) {
		const from = wk.from;
		const to = from + 7 * DAY;
		if (wk.rows * step < 6.5 * DAY) continue; // partial week at the end
		if (spans.some(([s, e]) => s < to && e >= from)) continue;
		calmWeeks++;
		calmAlerts += wk.alerts;
	}
	const incidents = spans.map(([s, e], k) => {
		let first = -1;
		for (let i = 0; i < times.length; i++) {
			if (times[i] < s || times[i] > e) continue;
			if (rank(levels[i]) >= rank(alertLevel)) {
				first = i;
				break;
			}
		}
		return {
			window: windows[k],
			detectedAt: first >= 0 ? new Date(times[first]).toISOString() : null,
			delayMinutes: first >= 0 ? Math.round((times[first] - s) / 60000) : null,
			windowMinutes: Math.round((e - s) / 60000),
		};
	});
	return { calmWeeks, calmAlerts, alertsPerCalmWeek: calmWeeks ? calmAlerts / calmWeeks : null, incidents };
}

module.exports = { stepMinutes, runSituations, alertStats, LEVELS };
