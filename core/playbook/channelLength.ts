/**
 * Measuring and fitting a statement to a channel's length limit. Counting errs on the long side,
 * so a text we call "fits" is never refused by the network:
 * - X weighs characters (twitter-text v3: Latin and common punctuation 1, everything else 2)
 *   and counts every URL as 23; Mastodon counts URLs as 23 too. We count a URL as
 *   max(its length, 23), which is never below what either network counts.
 * - Other networks: Unicode code points (Bluesky counts graphemes, which are never more).
 */
import { CHANNEL_LIMITS } from '../document/types';
import type { Channel } from '../document/types';

const URL_IN_TEXT = /https?:\/\/[^\s]+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]'"»]+$/;
const ELLIPSIS = '…';

function xWeight(codePoint: number): number {
	return codePoint <= 4351 ||
		(codePoint >= 8192 && codePoint <= 8205) ||
		(codePoint >= 8208 && codePoint <= 8223) ||
		(codePoint >= 8242 && codePoint <= 8247)
		? 1
		: 2;
}

function countPlain(text: string, channel: Channel): number {
	if (channel !== 'x') return Array.from(text).length;
	let n = 0;
	for (const ch of text) n += xWeight(ch.codePointAt(0) as number);
	return n;
}

/** The length `channel` counts for `text` (rounded up where we cannot be exact). */
export function measureText(text: string, channel: Channel): number {
	if (channel !== 'x' && channel !== 'mastodon') return Array.from(text).length;
	let total = 0;
	let last = 0;
	for (const match of text.matchAll(URL_IN_TEXT)) {
		const start = match.index ?? 0;
		let url = match[0];
		const trailing = TRAILING_PUNCTUATION.exec(url)?.[0] ?? '';
		url = url.slice(0, url.length - trailing.length);
		total += countPlain(text.slice(last, start), channel);
		total += Math.max(Array.from(url).length, 23);
		last = start + url.length;
	}
	return total + countPlain(text.slice(last), channel);
}

export interface FittedText {
	text: string;
	/** Index of the candidate used (candidates go from preferred to shortest). */
	candidate: number;
	truncated: boolean;
	length: number;
	limit: number | null;
}

/**
 * The first candidate that fits the channel; when none does, the shortest one cut at the last
 * sentence that fits, else at a word boundary with an ellipsis (never inside a word or URL,
 * unless a single word is longer than the limit).
 */
export function fitToChannel(candidates: readonly string[], channel: Channel): FittedText {
	const limit = CHANNEL_LIMITS[channel];
	for (let i = 0; i < candidates.length; i++) {
		const length = measureText(candidates[i], channel);
		if (limit === null || length <= limit) {
			return { text: candidates[i], candidate: i, truncated: false, length, limit };
		}
	}
	let shortest = 0;
	for (let i = 1; i < candidates.length; i++) {
		if (measureText(candidates[i], channel) < measureText(candidates[shortest], channel)) shortest = i;
	}
	const text = truncate(candidates[shortest], channel, limit as number);
	return { text, candidate: shortest, truncated: true, length: measureText(text, channel), limit };
}

function truncate(text: string, channel: Channel, limit: number): string {
	// Whole sentences first: a shorter complete statement reads better than a cut one.
	const ends: number[] = [];
	const sentenceEnd = /[.!?](?=\s)/g;
	for (const m of text.matchAll(sentenceEnd)) ends.push((m.index ?? 0) + 1);
	for (let i = ends.length - 1; i >= 0; i--) {
		const candidate = text.slice(0, ends[i]).trim();
		// Keep at least 40% of the limit, otherwise a word cut says more.
		if (measureText(candidate, channel) <= limit && measureText(candidate, channel) >= limit * 0.4) {
			return candidate;
		}
	}
	const words = text.split(/\s+/).filter((w) => w.length > 0);
	while (words.length > 1) {
		words.pop();
		const kept = words.join(' ').replace(/[\s,;:–-]+$/, '');
		// An ellipsis glued to a URL would become part of the link.
		const candidate = /https?:\/\/\S+$/.test(kept) ? `${kept} ${ELLIPSIS}` : `${kept}${ELLIPSIS}`;
		if (measureText(candidate, channel) <= limit) return candidate;
	}
	// A single word longer than the limit: cut by code points.
	const points = Array.from(words[0] ?? '');
	while (points.length > 0 && measureText(`${points.join('')}${ELLIPSIS}`, channel) > limit) points.pop();
	return `${points.join('')}${ELLIPSIS}`;
}
