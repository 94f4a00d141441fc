/**
 * The shipped sample crises: what the `Sample` source of the Mentions node replays so every
 * template runs offline, before any credential is added.
 */
import type { Mention } from '../mention/mention';
import orviaDataLeak from '../../samples/orvia-data-leak.sample.json';

export interface SampleCrisis {
	name: string;
	description: string;
	brand: string;
	timeZone: string;
	/** Key moments of the story (RFC3339 UTC), for tests and docs. */
	timeline: Record<string, string>;
	mentions: Mention[];
}

const SAMPLES: Record<string, SampleCrisis> = {
	'orvia-data-leak': orviaDataLeak as unknown as SampleCrisis,
};

export const SAMPLE_NAMES = Object.keys(SAMPLES);

export class UnknownSampleError extends Error {
	constructor(readonly sampleName: string) {
		super(`Unknown sample "${sampleName}": expected one of ${SAMPLE_NAMES.join(', ')}`);
		this.name = 'UnknownSampleError';
	}
}

export function getSample(name: string): SampleCrisis {
	const sample = Object.prototype.hasOwnProperty.call(SAMPLES, name) ? SAMPLES[name] : undefined;
	if (!sample) throw new UnknownSampleError(name);
	return sample;
}

export interface ReplayOptions {
	/** Shift every timestamp so the sample's last mention falls at this instant (RFC3339). */
	endAt?: string | null;
	/** Keep only mentions published at or after this instant (after any shift). */
	from?: string | null;
	/** Keep only mentions published before this instant (after any shift). */
	to?: string | null;
	/** At most this many mentions (the earliest first); 0 or undefined = all. */
	limit?: number;
}

/** Returns fresh copies of the sample's mentions, shifted and filtered as asked. */
export function replaySample(sample: SampleCrisis, options: ReplayOptions = {}): Mention[] {
	const last = sample.mentions.length ? Date.parse(sample.mentions[sample.mentions.length - 1].publishedAt) : 0;
	const shift = options.endAt ? Date.parse(options.endAt) - last : 0;
	if (!Number.isFinite(shift)) throw new Error(`endAt: expected an RFC3339 timestamp, got "${options.endAt}"`);
	const from = options.from ? Date.parse(options.from) : -Infinity;
	const to = options.to ? Date.parse(options.to) : Infinity;
	if (Number.isNaN(from)) throw new Error(`from: expected an RFC3339 timestamp, got "${options.from}"`);
	if (Number.isNaN(to)) throw new Error(`to: expected an RFC3339 timestamp, got "${options.to}"`);
	const out: Mention[] = [];
	for (const m of sample.mentions) {
		const t = Date.parse(m.publishedAt) + shift;
		if (t < from || t >= to) continue;
		const copy: Mention = JSON.parse(JSON.stringify(m));
		copy.publishedAt = new Date(t).toISOString();
		out.push(copy);
		if (options.limit && out.length >= options.limit) break;
	}
	return out;
}
