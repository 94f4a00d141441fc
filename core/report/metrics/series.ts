/**
 * The mentions, parsed once into hourly arrays (UTC clock hours) that every other section reads:
 * counts, negative and scored counts per hour, each mention's hour and sentiment code.
 */
import type { NoteTexts } from '../i18n';
import { HOUR_MS, parseTime } from '../format';
import type { ReportInput, ReportMention } from '../types';
import { SENT_NEG, SENT_NEU, SENT_NONE, SENT_POS } from './shared';

/** Oldest data kept: two years of hours before the latest mention. */
const MAX_HOURS = 24 * 366 * 2;

export interface MentionSeries {
	/** Mentions with a valid date, in input order. */
	mentions: ReportMention[];
	/** Instant of each mention; NaN when it is older than the kept range. */
	times: number[];
	/** Input items left out (no valid date, or older than the kept range). */
	excluded: number;
	/** Mentions counted in the report. */
	valid: number;
	hasData: boolean;
	/** Start of the first hour, and the number of hours. */
	hour0: number;
	nHours: number;
	rangeStart: number | null;
	rangeEnd: number | null;
	/** Whether any mention carries a Crisis Score. */
	scored: boolean;
	count: Float64Array;
	negH: Float64Array;
	scoredH: Float64Array;
	/** Sentiment code of each mention (shared.ts SENT_*). */
	sent: Uint8Array;
	/** Hour index of each mention, -1 when excluded. */
	hourOf: Int32Array;
	/** Hour index of an instant. */
	hourIndex: (ms: number) => number;
}

function sentimentCode(m: ReportMention): number {
	const label = m.crisis && m.crisis.sentiment ? m.crisis.sentiment.label : null;
	return label === 'negative' ? SENT_NEG : label === 'neutral' ? SENT_NEU : label === 'positive' ? SENT_POS : SENT_NONE;
}

export function mentionSeries(input: ReportInput, notes: string[], note: NoteTexts): MentionSeries {
	const all = Array.isArray(input.mentions) ? input.mentions : [];
	const { mentions, times, maxT, undated } = datedMentions(all);
	if (undated) notes.push(note.excluded(undated));
	const { minT, tooOld } = mentions.length ? dropTooOld(times, maxT) : { minT: Infinity, tooOld: 0 };
	if (tooOld) notes.push(note.truncatedRange(tooOld));
	const excluded = undated + tooOld;
	const n = mentions.length;
	const hasData = Number.isFinite(minT);
	const hour0 = hasData ? Math.floor(minT / HOUR_MS) * HOUR_MS : 0;
	const nHours = hasData ? Math.floor(maxT / HOUR_MS) - hour0 / HOUR_MS + 1 : 0;

	const scored = mentions.some((m) => m && m.crisis && typeof m.crisis === 'object');
	if (!scored && mentions.length) notes.push(note.notScored);
	if (!mentions.length && !excluded) notes.push(note.noMentions);

	return {
		mentions,
		times,
		excluded,
		valid: n - (excluded - (all.length - n)),
		hasData,
		hour0,
		nHours,
		rangeStart: hasData ? hour0 : null,
		rangeEnd: hasData ? hour0 + nHours * HOUR_MS : null,
		scored,
		...hourlyCounts(mentions, times, hour0, nHours),
		hourIndex: (ms: number) => Math.floor((ms - hour0) / HOUR_MS),
	};
}

/** The mentions with a valid date and their instants, in input order; how many had none. */
function datedMentions(all: ReportMention[]): { mentions: ReportMention[]; times: number[]; maxT: number; undated: number } {
	const mentions: ReportMention[] = [];
	const times: number[] = [];
	let undated = 0;
	let maxT = -Infinity;
	for (const m of all) {
		const t = m && typeof m === 'object' ? parseTime(m.publishedAt) : null;
		if (t === null) {
			undated++;
			continue;
		}
		mentions.push(m);
		times.push(t);
		if (t > maxT) maxT = t;
	}
	return { mentions, times, maxT, undated };
}

/**
 * Keeps MAX_HOURS of hours up to the latest mention: older instants become NaN in `times`
 * (in place). Returns the earliest kept instant and how many were dropped.
 */
function dropTooOld(times: number[], maxT: number): { minT: number; tooOld: number } {
	const floor = Math.floor(maxT / HOUR_MS) * HOUR_MS - (MAX_HOURS - 1) * HOUR_MS;
	let minT = Infinity;
	let tooOld = 0;
	for (let i = 0; i < times.length; i++) {
		if (times[i] < floor) {
			tooOld++;
			times[i] = NaN;
		} else if (times[i] < minT) minT = times[i];
	}
	return { minT, tooOld };
}

/** Per-hour counts (all, negative, scored) and each mention's hour index and sentiment code. */
function hourlyCounts(
	mentions: ReportMention[],
	times: number[],
	hour0: number,
	nHours: number,
): Pick<MentionSeries, 'count' | 'negH' | 'scoredH' | 'sent' | 'hourOf'> {
	const n = mentions.length;
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
	return { count, negH, scoredH, sent, hourOf };
}
