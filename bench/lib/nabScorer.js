'use strict';
/**
 * Our own implementation of the Numenta Anomaly Benchmark (NAB v1.1) scoring method.
 *
 * Follows /work/shared/data/nab-realtweets/README.md (itself a summary of
 * numenta/NAB nab/sweeper.py + nab/optimizer.py):
 *  - probation: the first min(floor(0.15 * rows), 750) rows of each file are not scored;
 *  - each row gets a sigmoid weight (inside a window: reward falling from A_TP at the left
 *    edge to ~0 at the right edge; after a window: penalty rising from ~0 to -A_FP;
 *    before the first window: -A_FP);
 *  - for a threshold t a window scores the best weight among its rows with score >= t
 *    (the earliest), or -A_FN if none; every detecting row outside windows adds its weight;
 *  - one threshold for the whole corpus, chosen among all distinct scores to maximise the
 *    raw score; normalised as 100 * (raw - null) / (perfect - null).
 *
 * Plain CommonJS with no dependencies, so bench/ and tests can require it directly.
 */

const PROFILES = {
	standard: { tp: 1.0, fp: 0.11, fn: 1.0 },
	reward_low_FP_rate: { tp: 1.0, fp: 0.22, fn: 1.0 },
	reward_low_FN_rate: { tp: 1.0, fp: 0.11, fn: 2.0 },
};

/** NAB's scaled sigmoid: 2 / (1 + e^(5y)) - 1, and -1 beyond 3 window-widths after a window. */
function scaledSigmoid(y) {
	if (y > 3.0) return -1.0;
	return 2.0 / (1.0 + Math.exp(5.0 * y)) - 1.0;
}

/** Parses 'YYYY-MM-DD HH:MM:SS[.ffffff]' (UTC, as NAB writes it) or ISO strings to epoch ms. */
function parseTimestamp(text) {
	const s = String(text).trim();
	const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
	if (m && !m[8]) {
		const ms = m[7] ? Math.round(Number('0.' + m[7]) * 1000) : 0;
		return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], ms);
	}
	const t = Date.parse(s);
	if (Number.isNaN(t)) throw new Error(`Unparseable timestamp: ${text}`);
	return t;
}

function probationLength(rows, probationPercent = 0.15) {
	return Math.min(Math.floor(probationPercent * rows), probationPercent * 5000);
}

/**
 * Converts window timestamps to row indices [left, right] (both inclusive).
 * A window edge that is not exactly a row timestamp snaps inwards (first row >= start,
 * last row <= end); windows with no row are dropped.
 */
function windowIndices(timesMs, windows) {
	const out = [];
	for (const [start, end] of windows) {
		const s = typeof start === 'number' ? start : parseTimestamp(start);
		const e = typeof end === 'number' ? end : parseTimestamp(end);
		let left = -1;
		let right = -1;
		for (let i = 0; i < timesMs.length; i++) {
			if (left < 0 && timesMs[i] >= s) left = i;
			if (timesMs[i] <= e) right = i;
		}
		if (left >= 0 && right >= left) out.push([left, right]);
	}
	out.sort((a, b) => a[0] - b[0]);
	return out;
}

/**
 * Per-row sweep weights for one file (profile-specific), as NAB's Sweeper.calcSweepScore.
 * Returns { rows: [{ score, weight, window }] } where window is a global-unique key or null,
 * probationary rows excluded.
 */
function sweepRows(fileKey, timesMs, scores, windows, profile) {
	const wins = windowIndices(timesMs, windows);
	const n = timesMs.length;
	const maxTP = scaledSigmoid(-1.0);
	const probation = probationLength(n);
	const rows = [];
	let wi = 0;
	let cur = null; // [left, right]
	let prevRight = null;
	let prevWidth = null;
	for (let i = 0; i < n; i++) {
		if (cur === null && wi < wins.length && i === wins[wi][0]) {
			cur = wins[wi];
			wi++;
		}
		let weight;
		if (cur !== null) {
			const width = cur[1] - cur[0] + 1;
			const pos = -(cur[1] - i + 1) / width;
			weight = (scaledSigmoid(pos) * profile.tp) / maxTP;
		} else if (prevRight === null) {
			weight = -1.0 * profile.fp;
		} else {
			const pos = Math.abs(i - prevRight) / (prevWidth - 1);
			weight = scaledSigmoid(pos) * profile.fp;
		}
		if (i >= probation) {
			rows.push({ score: scores[i], weight, window: cur ? `${fileKey}#${cur[0]}` : null });
		}
		if (cur !== null && i === cur[1]) {
			prevRight = i;
			prevWidth = cur[1] - cur[0] + 1;
			cur = null;
		}
	}
	return rows;
}

/**
 * Raw score for every threshold (descending), as NAB's Sweeper.calcScoreByThreshold.
 * Returns [{ threshold, raw, tp, fp }] where `raw` counts rows with score >= threshold.
 */
function scoresByThreshold(rows, fnWeight) {
	const sorted = rows.slice().sort((a, b) => b.score - a.score);
	const windowScore = new Map();
	for (const r of sorted) if (r.window !== null) windowScore.set(r.window, -fnWeight);
	let windowSum = -fnWeight * windowScore.size;
	let fpSum = 0;
	let tp = 0;
	let fp = 0;
	const out = [{ threshold: Infinity, raw: windowSum, tp: 0, fp: 0 }];
	for (let i = 0; i < sorted.length; i++) {
		const r = sorted[i];
		if (r.window !== null) {
			tp++;
			const prev = windowScore.get(r.window);
			if (r.weight > prev) {
				windowScore.set(r.window, r.weight);
				windowSum += r.weight - prev;
			}
		} else {
			fp++;
			fpSum += r.weight;
		}
		if (i === sorted.length - 1 || sorted[i + 1].score !== r.score) {
			out.push({ threshold: r.score, raw: windowSum + fpSum, tp, fp });
		}
	}
	return { list: out, windows: windowScore.size };
}

/**
 * Scores a corpus.
 * @param files [{ name, timestamps: (string|number)[], scores: number[], windows: [start,end][] }]
 * @param opts { profiles?: string[], threshold?: number } fixed threshold instead of optimising
 * @returns { [profile]: { score, raw, threshold, windows, detected, falsePositives, perFile } }
 */
function scoreCorpus(files, opts = {}) {
	const profileNames = opts.profiles || Object.keys(PROFILES);
	const prepared = files.map((f) => ({
		name: f.name,
		timesMs: f.timestamps.map((t) => (typeof t === 'number' ? t : parseTimestamp(t))),
		scores: f.scores.map(Number),
		windows: f.windows,
	}));
	const result = {};
	for (const pname of profileNames) {
		const profile = PROFILES[pname];
		if (!profile) throw new Error(`Unknown NAB profile ${pname}`);
		const perFileRows = prepared.map((f) => sweepRows(f.name, f.timesMs, f.scores, f.windows, profile));
		const all = [].concat(...perFileRows);
		const { list, windows } = scoresByThreshold(all, profile.fn);
		let best;
		if (typeof opts.threshold === 'number') {
			best = list.filter((s) => s.threshold >= opts.threshold).pop();
		} else {
			best = list[0];
			for (const s of list) if (s.raw > best.raw) best = s;
		}
		const rawPerfect = profile.tp * windows;
		const rawNull = -profile.fn * windows;
		const t = best.threshold;
		// Per-file breakdown at the chosen threshold.
		const perFile = prepared.map((f, k) => {
			const rows = perFileRows[k];
			const ws = new Map();
			for (const r of rows) if (r.window !== null) ws.set(r.window, -profile.fn);
			let fpSum = 0;
			let fps = 0;
			for (const r of rows) {
				if (!(r.score >= t)) continue;
				if (r.window !== null) ws.set(r.window, Math.max(ws.get(r.window), r.weight));
				else {
					fpSum += r.weight;
					fps++;
				}
			}
			let detected = 0;
			let winSum = 0;
			for (const v of ws.values()) {
				winSum += v;
				if (v !== -profile.fn) detected++;
			}
			return { name: f.name, raw: winSum + fpSum, windows: ws.size, detected, falsePositives: fps };
		});
		result[pname] = {
			score: (100 * (best.raw - rawNull)) / (rawPerfect - rawNull),
			raw: best.raw,
			threshold: t,
			windows,
			detected: perFile.reduce((a, p) => a + p.detected, 0),
			falsePositives: perFile.reduce((a, p) => a + p.falsePositives, 0),
			perFile,
		};
	}
	return result;
}

/** Reads a NAB CSV text into { timestamps, values, scores? }. */
function parseNabCsv(text) {
	const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
	const header = lines[0].split(',').map((h) => h.trim());
	const ti = header.indexOf('timestamp');
	const vi = header.indexOf('value');
	const si = header.indexOf('anomaly_score');
	const timestamps = [];
	const values = [];
	const scores = [];
	for (let i = 1; i < lines.length; i++) {
		const c = lines[i].split(',');
		timestamps.push(c[ti].trim());
		values.push(Number(c[vi]));
		if (si >= 0) scores.push(Number(c[si]));
	}
	return { timestamps, values, scores: si >= 0 ? scores : null };
}

module.exports = {
	PROFILES,
	scaledSigmoid,
	parseTimestamp,
	probationLength,
	windowIndices,
	sweepRows,
	scoresByThreshold,
	scoreCorpus,
	parseNabCsv,
};
