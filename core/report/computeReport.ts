/**
 * computeReport: from an incident's mentions (and, when given, its timeline and the
 * situations the scoring produced) the figures of the post-crisis impact report, each
 * with the way it was computed. Pure: no clock (`now` is an argument), no I/O.
 *
 * Time is bucketed in UTC clock hours and every duration is a difference of instants, so a
 * DST change in the display zone never adds or removes an hour.
 */
import type { Situation } from '../scoring/types';
import type { Level } from '../levels';
import { LEVELS, isLevel, levelRank } from '../levels';
import { oneLine, safeUrl } from './escape';
import { HOUR_MS, dateFormatter, iso, isValidZone, parseTime } from './format';
import { howTexts, noteTexts } from './i18n';
import type {
	CountItem,
	LateStep,
	LevelBand,
	MentionSummary,
	Metric,
	PerPhase,
	PhaseStats,
	ReportInput,
	ReportLanguage,
	ReportMention,
	ReportMetrics,
	ReportTimelineEvent,
	ThemeCount,
	TimelineEntry,
	TopAuthor,
	VolumeBucket,
} from './types';

/** Oldest data kept: two years of hours before the latest mention. */
const MAX_HOURS = 24 * 366 * 2;
/** Series points kept in the JSON (hourly up to ~83 days, coarser beyond). */
const MAX_SERIES_POINTS = 2000;
/** Hours of normal volume tolerated inside the abnormal run around the peak. */
const EPISODE_GAP_HOURS = 2;
/** Minimum hours of "before" data to use it as the volume baseline. */
const MIN_BASELINE_HOURS = 6;
/** Recovery: window length, minimum scored mentions per window, tolerance over the before share. */
const RECOVERY_WINDOW_HOURS = 6;
const RECOVERY_MIN_SCORED = 5;
const RECOVERY_Z = 2;
const RECOVERY_TOLERANCE = 0.05;
/** Minimum scored mentions before the crisis to judge recovery. */
const RECOVERY_MIN_BASELINE = 5;
const TOP_N = 10;
const MAX_TIMELINE = 200;
const MAX_MARKERS = 12;
const MAX_LATE = 50;
const MARKED_TYPES = new Set([
	'detected',
	'levelChanged',
	'planIssued',
	'statementApproved',
	'statementPosted',
	'publishingPaused',
	'publishingResumed',
	'resolved',
]);

const SENT_NONE = 0;
const SENT_NEG = 1;
const SENT_NEU = 2;
const SENT_POS = 3;

interface ParsedEvent {
	event: ReportTimelineEvent;
	at: number;
	level: Level | null;
	deadline: number | null;
	index: number;
}

interface ParsedSituation {
	level: Level;
	start: number;
	end: number;
	assessedAt: number;
}

function metric<T>(value: T, how: string, unit?: Metric<T>['unit']): Metric<T> {
	return unit ? { value, how, unit } : { value, how };
}

function round(value: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

function median(values: number[]): number {
	if (values.length === 0) return 0;
	const sorted = values.slice().sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function sentimentCode(m: ReportMention): number {
	const label = m.crisis && m.crisis.sentiment ? m.crisis.sentiment.label : null;
	return label === 'negative' ? SENT_NEG : label === 'neutral' ? SENT_NEU : label === 'positive' ? SENT_POS : SENT_NONE;
}

function num(value: unknown): number {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

function eventSummary(e: ReportTimelineEvent): string | null {
	const d = e.details;
	if (d && typeof d === 'object') {
		for (const key of ['title', 'summary', 'label', 'name', 'message', 'step', 'text', 'reason']) {
			const v = (d as Record<string, unknown>)[key];
			if (typeof v === 'string' && v.trim()) return oneLine(v, 140);
		}
	}
	return null;
}

function parseSituations(situations: Situation[] | null | undefined): ParsedSituation[] {
	const out: ParsedSituation[] = [];
	for (const s of situations ?? []) {
		if (!s || typeof s !== 'object' || !isLevel(s.level)) continue;
		const start = parseTime(s.windowStart);
		const end = parseTime(s.windowEnd);
		if (start === null || end === null || end < start) continue;
		out.push({ level: s.level, start, end, assessedAt: parseTime(s.assessedAt) ?? end });
	}
	return out.sort((a, b) => a.end - b.end || a.start - b.start);
}

function parseTimeline(timeline: ReportTimelineEvent[] | null | undefined): ParsedEvent[] {
	const out: ParsedEvent[] = [];
	(timeline ?? []).forEach((event, index) => {
		if (!event || typeof event !== 'object' || typeof event.type !== 'string') return;
		const at = parseTime(event.at);
		if (at === null) return;
		out.push({
			event,
			at,
			level: isLevel(event.level) ? event.level : null,
			deadline: parseTime(event.deadline ?? undefined),
			index,
		});
	});
	return out.sort((a, b) => a.at - b.at || a.index - b.index);
}

function mergeBands(bands: Array<{ start: number; end: number; level: Level }>): Array<{ start: number; end: number; level: Level }> {
	const out: Array<{ start: number; end: number; level: Level }> = [];
	for (const b of bands) {
		if (b.end <= b.start) continue;
		const last = out[out.length - 1];
		if (last && last.level === b.level && last.end >= b.start) last.end = Math.max(last.end, b.end);
		else out.push({ ...b });
	}
	return out;
}

/** Keeps the `k` best items by `better(a, b) > 0` in one pass. */
function topK<T>(k: number, better: (a: T, b: T) => number): { add: (item: T) => void; result: () => T[] } {
	const items: T[] = [];
	return {
		add(item: T) {
			if (items.length === k && better(item, items[k - 1]) <= 0) return;
			let i = items.length < k ? items.length : k - 1;
			items[i] = item;
			while (i > 0 && better(items[i], items[i - 1]) > 0) {
				const tmp = items[i - 1];
				items[i - 1] = items[i];
				items[i] = tmp;
				i--;
			}
		},
		result: () => items.slice(),
	};
}

function summarizeMention(m: ReportMention): MentionSummary {
	const a = m.author ?? ({} as ReportMention['author']);
	const e = m.engagement ?? ({} as ReportMention['engagement']);
	return {
		id: oneLine(m.id, 200),
		platform: oneLine(m.platform, 40),
		url: safeUrl(m.url),
		publishedAt: iso(parseTime(m.publishedAt) ?? 0),
		author: {
			handle: oneLine(a.handle, 80),
			name: a.name ? oneLine(a.name, 80) : null,
			url: safeUrl(a.url),
			followers: typeof a.followers === 'number' && Number.isFinite(a.followers) ? a.followers : null,
		},
		title: m.title ? oneLine(m.title, 140) : null,
		text: oneLine(m.text, 280),
		shares: num(e.shares),
		engagement: num(e.likes) + num(e.shares) + num(e.replies),
		risk: m.crisis && typeof m.crisis.risk === 'number' ? m.crisis.risk : null,
		sentiment: m.crisis && m.crisis.sentiment ? m.crisis.sentiment.label : null,
	};
}

function countItems(counts: Map<string, number>, total: number, limit: number): CountItem[] {
	const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	const head = sorted.slice(0, limit).map(([key, count]) => ({ key, count, share: total ? round(count / total, 4) : 0 }));
	const rest = sorted.slice(limit).reduce((s, [, c]) => s + c, 0);
	if (rest > 0) head.push({ key: 'other', count: rest, share: total ? round(rest / total, 4) : 0 });
	return head;
}

export function computeReport(input: ReportInput, now: string): ReportMetrics {
	const nowMs = parseTime(now);
	if (nowMs === null) throw new TypeError('computeReport: `now` must be an RFC3339 timestamp with an offset');
	const lang: ReportLanguage = input.language === 'fr' ? 'fr' : 'en';
	const how = howTexts(lang);
	const note = noteTexts(lang);
	const notes: string[] = [];

	let timeZone = typeof input.timeZone === 'string' && input.timeZone.trim() ? input.timeZone.trim() : 'UTC';
	if (!isValidZone(timeZone)) {
		notes.push(note.badZone(oneLine(timeZone, 60)));
		timeZone = 'UTC';
	}

	// ---- mentions: parse once ------------------------------------------------------------
	const all = Array.isArray(input.mentions) ? input.mentions : [];
	const mentions: ReportMention[] = [];
	const times: number[] = [];
	let excluded = 0;
	let maxT = -Infinity;
	for (const m of all) {
		const t = m && typeof m === 'object' ? parseTime(m.publishedAt) : null;
		if (t === null) {
			excluded++;
			continue;
		}
		mentions.push(m);
		times.push(t);
		if (t > maxT) maxT = t;
	}
	if (excluded) notes.push(note.excluded(excluded));
	let minT = Infinity;
	if (mentions.length) {
		const floor = Math.floor(maxT / HOUR_MS) * HOUR_MS - (MAX_HOURS - 1) * HOUR_MS;
		let tooOld = 0;
		for (let i = 0; i < times.length; i++) {
			if (times[i] < floor) {
				tooOld++;
				times[i] = NaN;
			} else if (times[i] < minT) minT = times[i];
		}
		if (tooOld) {
			notes.push(note.truncatedRange(tooOld));
			excluded += tooOld;
		}
	}
	const n = mentions.length;
	const hasData = Number.isFinite(minT);
	const hour0 = hasData ? Math.floor(minT / HOUR_MS) * HOUR_MS : 0;
	const nHours = hasData ? Math.floor(maxT / HOUR_MS) - hour0 / HOUR_MS + 1 : 0;
	const rangeStart = hasData ? hour0 : null;
	const rangeEnd = hasData ? hour0 + nHours * HOUR_MS : null;

	const scored = mentions.some((m) => m && m.crisis && typeof m.crisis === 'object');
	if (!scored && mentions.length) notes.push(note.notScored);
	if (!mentions.length && !excluded) notes.push(note.noMentions);

	// hourly arrays
	const count = new Float64Array(nHours);
	const negH = new Float64Array(nHours);
	const scoredH = new Float64Array(nHours);
	const sent = new Uint8Array(n);
	const hourOf = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const t = times[i];
		if (Number.isNaN(t)) {
			hourOf[i] = -1;
			continue;
		}
		const h = Math.floor(t / HOUR_MS) - hour0 / HOUR_MS;
		hourOf[i] = h;
		count[h]++;
		const s = sentimentCode(mentions[i]);
		sent[i] = s;
		if (s !== SENT_NONE) {
			scoredH[h]++;
			if (s === SENT_NEG) negH[h]++;
		}
	}
	const valid = n - (excluded - (all.length - n));
	const hourIndex = (ms: number) => Math.floor((ms - hour0) / HOUR_MS);

	// ---- situations and timeline -----------------------------------------------------------
	const situations = parseSituations(input.situations);
	const events = parseTimeline(input.timeline);
	const levelChanges = events.filter((e) => e.event.type === 'levelChanged' && e.level !== null);
	if (!events.length) notes.push(note.noTimeline);

	// ---- phases ---------------------------------------------------------------------------
	let phaseSource: ReportMetrics['phases']['source'] = 'none';
	let ds: number | null = null;
	let de: number | null = null;
	let phasesHow = how.phasesNone;
	if (input.phases) {
		const a = parseTime(input.phases.duringStart);
		const b = parseTime(input.phases.duringEnd);
		if (a !== null && b !== null && a < b) {
			ds = a;
			de = b;
			phaseSource = 'user';
			phasesHow = how.phasesUser;
		} else notes.push(note.badPhases);
	}
	if (phaseSource === 'none') {
		const high = situations.filter((s) => levelRank(s.level) >= levelRank('alert'));
		if (high.length) {
			ds = Math.min(...high.map((s) => s.start));
			de = Math.max(...high.map((s) => s.end));
			phaseSource = 'situations';
			phasesHow = how.phasesSituations(situations.length);
		}
	}
	if (phaseSource === 'none' && levelChanges.length) {
		let start: number | null = null;
		let end: number | null = null;
		for (const e of levelChanges) {
			const high = levelRank(e.level as Level) >= levelRank('alert');
			if (high && start === null) start = e.at;
			if (high) end = null;
			else if (start !== null && end === null) end = e.at;
		}
		if (start !== null) {
			if (end === null) {
				const resolved = events.find((e) => e.event.type === 'resolved' && e.at > (start as number));
				end = resolved ? resolved.at : Math.max(rangeEnd ?? start, start + HOUR_MS);
			}
			ds = start;
			de = end;
			phaseSource = 'timeline';
			phasesHow = how.phasesTimeline(levelChanges.length);
		}
	}

	// ---- volume baseline and the abnormal run around the peak --------------------------------
	let peakIdx = -1;
	for (let h = 0; h < nHours; h++) if (peakIdx < 0 || count[h] > count[peakIdx]) peakIdx = h;
	let baselineMetric: Metric<{ median: number; threshold: number } | null> = metric(null, how.baselineNone, 'mentionsPerHour');
	let threshold = Infinity;
	if (nHours > 0) {
		let sample: number[] = [];
		let scope: 'before' | 'outside' | 'all' = 'all';
		if (ds !== null && de !== null) {
			const dsIdx = Math.min(nHours, Math.max(0, hourIndex(ds)));
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
	let episode: { start: number; end: number } | null = null;
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
	if (phaseSource === 'none' && episode) {
		ds = episode.start;
		de = episode.end;
		phaseSource = 'volume';
		phasesHow = how.phasesVolume;
	}

	// ---- per-phase statistics -------------------------------------------------------------------
	const emptyStats = (): PhaseStats => ({
		start: null,
		end: null,
		hours: 0,
		mentions: 0,
		scored: 0,
		sentiment: { negative: 0, neutral: 0, positive: 0, unknown: 0 },
	});
	const stats: PerPhase<PhaseStats> = { before: emptyStats(), during: emptyStats(), after: emptyStats() };
	const riskSum = [0, 0, 0];
	const riskCount = [0, 0, 0];
	const phaseKeys: Array<keyof PerPhase<PhaseStats>> = ['before', 'during', 'after'];
	if (hasData && rangeStart !== null && rangeEnd !== null) {
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
		phaseKeys.forEach((k, i) => {
			const [a, b] = bounds[i];
			if (b > a) {
				stats[k].start = iso(a);
				stats[k].end = iso(b);
				stats[k].hours = round((b - a) / HOUR_MS, 2);
			}
		});
	}
	const phaseOf = (t: number): number => (ds === null || de === null ? 0 : t < ds ? 0 : t < de ? 1 : 2);
	const mentionPhase = new Uint8Array(n);
	let withSentiment = 0;
	let withRisk = 0;
	for (let i = 0; i < n; i++) {
		if (hourOf[i] < 0) continue;
		const p = phaseOf(times[i]);
		mentionPhase[i] = p;
		const st = stats[phaseKeys[p]];
		st.mentions++;
		const s = sent[i];
		if (s === SENT_NEG) st.sentiment.negative++;
		else if (s === SENT_NEU) st.sentiment.neutral++;
		else if (s === SENT_POS) st.sentiment.positive++;
		else st.sentiment.unknown++;
		if (s !== SENT_NONE) {
			st.scored++;
			withSentiment++;
		}
		const c = mentions[i].crisis;
		if (c && typeof c.risk === 'number' && Number.isFinite(c.risk)) {
			riskSum[p] += c.risk;
			riskCount[p]++;
			withRisk++;
		}
	}
	const perPhase = <T>(f: (k: keyof PerPhase<PhaseStats>, i: number) => T): PerPhase<T> => ({
		before: f('before', 0),
		during: f('during', 1),
		after: f('after', 2),
	});

	// ---- volume -------------------------------------------------------------------------------------
	const bucketHours = Math.max(1, Math.ceil(nHours / MAX_SERIES_POINTS));
	const series: VolumeBucket[] = [];
	for (let h = 0; h < nHours; h += bucketHours) {
		let c = 0;
		let neg = 0;
		for (let k = h; k < Math.min(nHours, h + bucketHours); k++) {
			c += count[k];
			neg += negH[k];
		}
		series.push({ start: iso(hour0 + h * HOUR_MS), count: c, negative: neg });
	}
	const zoneName = timeZone;
	const volume: ReportMetrics['volume'] = {
		bucketHours,
		series,
		total: metric(valid, how.total(excluded), 'mentions'),
		peak: metric(peakIdx >= 0 ? { at: iso(hour0 + peakIdx * HOUR_MS), count: count[peakIdx] } : null, how.peak(zoneName), 'mentions'),
		perHour: metric(
			perPhase((k) => (stats[k].hours > 0 ? round(stats[k].mentions / stats[k].hours, 2) : null)),
			how.perHour,
			'mentionsPerHour',
		),
		baseline: baselineMetric,
	};

	// ---- levels -----------------------------------------------------------------------------------
	let bands: Array<{ start: number; end: number; level: Level }> = [];
	let highest: Level | null = null;
	let levelsHow = how.levelsNone;
	let highestHow = how.levelsNone;
	if (situations.length) {
		let prevEnd = -Infinity;
		for (const s of situations) {
			bands.push({ start: Math.max(s.start, prevEnd), end: s.end, level: s.level });
			prevEnd = Math.max(prevEnd, s.end);
			if (highest === null || levelRank(s.level) > levelRank(highest)) highest = s.level;
		}
		levelsHow = how.durationSituations;
		highestHow = how.highestSituations(situations.length);
	} else if (levelChanges.length) {
		const resolved = events.find((e) => e.event.type === 'resolved' && e.at >= levelChanges[0].at);
		const lastKnown = Math.max(rangeEnd ?? 0, levelChanges[levelChanges.length - 1].at);
		levelChanges.forEach((e, i) => {
			const next = i + 1 < levelChanges.length ? levelChanges[i + 1].at : resolved && resolved.at >= e.at ? resolved.at : lastKnown;
			bands.push({ start: e.at, end: next, level: e.level as Level });
			if (highest === null || levelRank(e.level as Level) > levelRank(highest)) highest = e.level;
		});
		levelsHow = how.durationTimeline;
		highestHow = how.highestTimeline(levelChanges.length);
	} else notes.push(note.noSituations);
	bands = mergeBands(bands);
	let durations: Record<Level, number> | null = null;
	if (situations.length || levelChanges.length) {
		const d = {} as Record<Level, number>;
		for (const l of LEVELS) d[l] = 0;
		for (const b of bands) for (const l of LEVELS) if (levelRank(b.level) >= levelRank(l)) d[l] += b.end - b.start;
		durations = d;
	}
	const levelBands: LevelBand[] = bands.map((b) => ({ start: iso(b.start), end: iso(b.end), level: b.level }));

	// ---- sentiment ---------------------------------------------------------------------------------
	const negShare = perPhase((k) => (stats[k].scored ? round(stats[k].sentiment.negative / stats[k].scored, 4) : null));
	const avgRisk = perPhase((_k, i) => (riskCount[i] ? round(riskSum[i] / riskCount[i], 1) : null));
	let recovery: ReportMetrics['sentiment']['recovery'];
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
			const prefNeg = new Float64Array(nHours + 1);
			const prefScored = new Float64Array(nHours + 1);
			for (let h = 0; h < nHours; h++) {
				prefNeg[h + 1] = prefNeg[h] + negH[h];
				prefScored[h + 1] = prefScored[h] + scoredH[h];
			}
			const dsIdx = Math.max(0, Math.min(nHours, hourIndex(ds)));
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
			const r = lastBad < 0 ? from : lastBad + 1;
			if (lastGood >= r) {
				const at = hour0 + r * HOUR_MS;
				recovery = metric({ degraded: true, recovered: true, at: iso(at), afterMs: Math.max(0, at - ds) }, howText, 'ms');
			} else recovery = metric({ degraded: true, recovered: false, at: null, afterMs: null }, howText, 'ms');
		}
	}
	const sentiment: ReportMetrics['sentiment'] = {
		negativeShare: metric(negShare, scored ? how.negativeShare(withSentiment, valid) : how.notScored, 'share'),
		averageRisk: metric(avgRisk, scored ? how.averageRisk(withRisk) : how.notScored, 'risk'),
		recovery,
	};

	// ---- reach, sources, languages, themes, top mentions ----------------------------------------------
	interface AuthorAcc extends TopAuthor {
		known: boolean;
	}
	const authors = new Map<string, AuthorAcc>();
	const platforms = new Map<string, number>();
	const languages = new Map<string, number>();
	const themeAll = new Map<string, number>();
	const themeDuring = new Map<string, number>();
	const sharesOrder = (a: { s: number; e: number; t: number }, b: { s: number; e: number; t: number }) =>
		a.s - b.s || a.e - b.e || b.t - a.t;
	const topMentions = topK<{ s: number; e: number; t: number; i: number }>(TOP_N, sharesOrder);
	for (let i = 0; i < n; i++) {
		if (hourOf[i] < 0) continue;
		const m = mentions[i];
		const a = m.author && typeof m.author === 'object' ? m.author : null;
		const platform = typeof m.platform === 'string' && m.platform ? m.platform : 'unknown';
		platforms.set(platform, (platforms.get(platform) ?? 0) + 1);
		const langRaw = (typeof m.language === 'string' && m.language) || (m.crisis && m.crisis.language) || 'unknown';
		const langKey = oneLine(langRaw, 20).toLowerCase() || 'unknown';
		languages.set(langKey, (languages.get(langKey) ?? 0) + 1);
		if (a) {
			const handle = typeof a.handle === 'string' ? a.handle : '';
			const key = `${platform}:${a.id ? String(a.id) : handle.toLowerCase()}`;
			const followers = typeof a.followers === 'number' && Number.isFinite(a.followers) && a.followers >= 0 ? a.followers : null;
			let acc = authors.get(key);
			if (!acc) {
				acc = {
					platform,
					handle,
					name: typeof a.name === 'string' ? a.name : null,
					url: typeof a.url === 'string' ? a.url : null,
					followers,
					verified: a.verified === true,
					mentions: 0,
					negative: 0,
					known: followers !== null,
				};
				authors.set(key, acc);
			} else if (followers !== null && (acc.followers === null || followers > acc.followers)) {
				acc.followers = followers;
				acc.known = true;
			}
			acc.mentions++;
			if (sent[i] === SENT_NEG) acc.negative++;
		}
		const c = m.crisis;
		if (c && Array.isArray(c.themes)) {
			for (const th of c.themes) {
				if (typeof th !== 'string' || !th) continue;
				themeAll.set(th, (themeAll.get(th) ?? 0) + 1);
				if (mentionPhase[i] === 1) themeDuring.set(th, (themeDuring.get(th) ?? 0) + 1);
			}
		}
		const eligible = scored ? sent[i] === SENT_NEG : ds === null || mentionPhase[i] === 1;
		if (eligible) {
			const e = m.engagement && typeof m.engagement === 'object' ? m.engagement : null;
			const s = e ? num(e.shares) : 0;
			topMentions.add({ s, e: e ? s + num(e.likes) + num(e.replies) : 0, t: times[i], i });
		}
	}
	let potential = 0;
	let unknownReach = 0;
	const authorList: AuthorAcc[] = [];
	for (const acc of authors.values()) {
		if (acc.followers !== null) potential += acc.followers;
		else unknownReach++;
		authorList.push(acc);
	}
	const topAuthorsK = topK<AuthorAcc>(TOP_N, (a, b) => (a.followers ?? -1) - (b.followers ?? -1) || a.mentions - b.mentions);
	for (const acc of authorList) topAuthorsK.add(acc);
	const topAuthors: TopAuthor[] = topAuthorsK.result().map((a) => ({
		platform: oneLine(a.platform, 40),
		handle: oneLine(a.handle, 80),
		name: a.name ? oneLine(a.name, 80) : null,
		url: safeUrl(a.url),
		followers: a.followers,
		verified: a.verified,
		mentions: a.mentions,
		negative: a.negative,
	}));
	const themes: ThemeCount[] | null = scored
		? [...themeAll.entries()]
				.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
				.slice(0, 12)
				.map(([theme, c]) => ({ theme: oneLine(theme, 60), count: c, during: themeDuring.get(theme) ?? 0 }))
		: null;

	// ---- response times -------------------------------------------------------------------------------
	const firstAbnormal = episode ? episode.start : null;
	const alertCandidates: Array<{ at: number; source: string }> = [];
	const detected = events.find((e) => e.event.type === 'detected');
	if (detected) alertCandidates.push({ at: detected.at, source: 'timeline:detected' });
	const changeUp = levelChanges.find((e) => levelRank(e.level as Level) >= levelRank('alert'));
	if (changeUp) alertCandidates.push({ at: changeUp.at, source: 'timeline:levelChanged' });
	const sitUp = situations
		.filter((s) => levelRank(s.level) >= levelRank('alert'))
		.reduce<ParsedSituation | null>((best, s) => (best === null || s.assessedAt < best.assessedAt ? s : best), null);
	if (sitUp) alertCandidates.push({ at: sitUp.assessedAt, source: 'situation' });
	alertCandidates.sort((a, b) => a.at - b.at);
	const firstAlert = alertCandidates[0] ?? null;
	const approved = events.find((e) => e.event.type === 'statementApproved' && (firstAlert === null || e.at >= firstAlert.at)) ?? null;
	const resolvedEvent = events.find((e) => e.event.type === 'resolved' && (firstAlert === null || e.at >= firstAlert.at)) ?? null;
	let resolved: { at: number; estimated: boolean } | null = null;
	let resolvedHow = how.resolvedNone;
	if (resolvedEvent) {
		resolved = { at: resolvedEvent.at, estimated: false };
		resolvedHow = how.resolvedEvent;
	} else if (de !== null && rangeEnd !== null && de < rangeEnd && phaseSource !== 'user') {
		resolved = { at: de, estimated: true };
		resolvedHow = how.resolvedEstimated;
	}
	const dates = dateFormatter(lang, timeZone, rangeStart, rangeEnd);
	let ttd: Metric<number | null>;
	if (firstAbnormal === null) ttd = metric(null, how.notComputable(how.firstAbnormalNone), 'ms');
	else if (firstAlert === null) ttd = metric(null, how.notComputable(how.firstAlertNone), 'ms');
	else ttd = metric(
			Math.max(0, firstAlert.at - firstAbnormal),
			how.ttd(dates.short(firstAlert.at), dates.short(firstAbnormal), firstAlert.at < firstAbnormal),
			'ms',
		);
	const tta =
		firstAlert === null
			? metric(null, how.notComputable(how.firstAlertNone), 'ms')
			: approved === null
				? metric(null, how.notComputable(how.firstApproved), 'ms')
				: metric(approved.at - firstAlert.at, how.tta(dates.short(approved.at), dates.short(firstAlert.at)), 'ms');
	const ttr =
		firstAlert === null
			? metric(null, how.notComputable(how.firstAlertNone), 'ms')
			: resolved === null || resolved.at < firstAlert.at
				? metric(null, how.notComputable(resolvedHow), 'ms')
				: metric(resolved.at - firstAlert.at, how.ttr(dates.short(resolved.at), dates.short(firstAlert.at), resolved.estimated), 'ms');

	// late steps: events done after their deadline, planned steps never done past their deadline
	const late: LateStep[] = [];
	const planned = new Map<string, { deadline: number; label: string }>();
	for (const e of events) {
		if (e.event.type !== 'planIssued' || !e.event.details) continue;
		const steps = (e.event.details as Record<string, unknown>).steps;
		if (!Array.isArray(steps)) continue;
		for (const st of steps) {
			if (!st || typeof st !== 'object') continue;
			const rec = st as Record<string, unknown>;
			const id = typeof rec.id === 'string' ? rec.id : typeof rec.stepId === 'string' ? rec.stepId : null;
			const deadline = parseTime(rec.deadline);
			if (id === null || deadline === null) continue;
			const label = ['title', 'label', 'name', 'action'].map((k) => rec[k]).find((v) => typeof v === 'string' && v.trim());
			planned.set(id, { deadline, label: oneLine(label ?? id, 140) });
		}
	}
	const doneSteps = new Set<string>();
	for (const e of events) {
		const stepId = typeof e.event.stepId === 'string' ? e.event.stepId : null;
		const completes = stepId !== null && e.event.type !== 'planIssued';
		if (completes) doneSteps.add(stepId);
		const deadline = e.deadline ?? (completes ? planned.get(stepId)?.deadline ?? null : null);
		if (deadline !== null && e.at > deadline) {
			late.push({
				stepId: stepId ? oneLine(stepId, 80) : null,
				label: eventSummary(e.event) ?? (stepId ? planned.get(stepId)?.label : undefined) ?? oneLine(stepId ?? e.event.type, 140),
				deadline: iso(deadline),
				doneAt: iso(e.at),
				lateByMs: e.at - deadline,
			});
		}
	}
	for (const [id, p] of planned) {
		if (!doneSteps.has(id) && p.deadline < nowMs) {
			late.push({ stepId: oneLine(id, 80), label: p.label, deadline: iso(p.deadline), doneAt: null, lateByMs: nowMs - p.deadline });
		}
	}
	late.sort((a, b) => b.lateByMs - a.lateByMs);

	const timeline: TimelineEntry[] = [];
	let markers = 0;
	for (const e of events.slice(0, MAX_TIMELINE)) {
		const marked = MARKED_TYPES.has(e.event.type) && markers < MAX_MARKERS;
		if (marked) markers++;
		timeline.push({
			n: timeline.length + 1,
			type: oneLine(e.event.type, 40),
			at: iso(e.at),
			actor: e.event.actor ? oneLine(e.event.actor, 80) : null,
			level: e.level,
			stepId: e.event.stepId ? oneLine(e.event.stepId, 80) : null,
			deadline: e.deadline !== null ? iso(e.deadline) : null,
			late: e.deadline !== null && e.at > e.deadline,
			summary: eventSummary(e.event) ?? (e.event.stepId && e.event.type !== 'planIssued' ? planned.get(e.event.stepId)?.label ?? null : null),
			marked,
		});
	}

	const topNeg = topMentions.result().map((x) => summarizeMention(mentions[x.i]));
	return {
		schema: 'crisis-kit/report@1',
		generatedAt: iso(nowMs),
		language: lang,
		timeZone,
		title: oneLine(input.title, 160),
		brand: input.brand ? oneLine(input.brand, 80) : null,
		scored,
		notes,
		range: { start: rangeStart === null ? null : iso(rangeStart), end: rangeEnd === null ? null : iso(rangeEnd), mentions: valid, excluded },
		phases: { source: phaseSource, duringStart: ds === null ? null : iso(ds), duringEnd: de === null ? null : iso(de), how: phasesHow },
		phaseStats: stats,
		volume,
		levels: {
			bands: levelBands,
			highest: metric(highest, highestHow),
			durationAtOrAbove: metric(durations, levelsHow, 'ms'),
		},
		sentiment,
		reach: {
			potential: metric(potential, how.reach(unknownReach), 'followers'),
			authors: metric(authors.size, how.authors),
			unknownReachAuthors: unknownReach,
			topAuthors: metric(topAuthors, how.topAuthors),
		},
		sources: metric(countItems(platforms, valid, 8), how.sources, 'mentions'),
		languages: metric(countItems(languages, valid, 6), how.languages, 'mentions'),
		themes: metric(themes, scored ? how.themes : how.notScored, 'mentions'),
		topNegative: metric(topNeg, scored ? how.topNegative : how.topShared),
		response: {
			firstAbnormal: metric(firstAbnormal === null ? null : iso(firstAbnormal), firstAbnormal === null ? how.firstAbnormalNone : how.firstAbnormal(EPISODE_GAP_HOURS)),
			firstAlert: metric(firstAlert ? { at: iso(firstAlert.at), source: firstAlert.source } : null, firstAlert ? how.firstAlert : how.firstAlertNone),
			firstApproved: metric(approved ? iso(approved.at) : null, how.firstApproved),
			resolved: metric(resolved ? { at: iso(resolved.at), estimated: resolved.estimated } : null, resolvedHow),
			timeToDetect: ttd,
			timeToAcknowledge: tta,
			timeToResolve: ttr,
			lateSteps: metric(late.slice(0, MAX_LATE), how.lateSteps),
		},
		timeline,
	};
}
