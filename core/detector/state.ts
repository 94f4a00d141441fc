/**
 * Detector state persistence (n8n workflow static data): JSON in, JSON out, validated on load.
 * A missing, corrupted or oversized state never throws: the detector starts fresh and the
 * caller gets a warning to surface.
 */
import { createDetectorState } from './detector';
import type { DetectorConfig, DetectorState, LoadedDetectorState, TailState } from './types';

/** Upper bound on a stored state, per monitored query. */
export const MAX_DETECTOR_STATE_BYTES = 64 * 1024;

export function serializeDetectorState(state: DetectorState): string {
	return JSON.stringify(state);
}

function isFiniteNumber(x: unknown): x is number {
	return typeof x === 'number' && Number.isFinite(x);
}

function isNumberArray(x: unknown, length?: number): x is number[] {
	return Array.isArray(x) && (length === undefined || x.length === length) && x.every(isFiniteNumber);
}

function validTail(x: unknown): x is TailState {
	if (typeof x !== 'object' || x === null) return false;
	const t = x as Record<string, unknown>;
	return (
		isFiniteNumber(t.mad) && t.mad > 0 &&
		isFiniteNumber(t.threshold) &&
		isFiniteNumber(t.meanExcess) && t.meanExcess > 0 &&
		isFiniteNumber(t.excesses) && t.excesses >= 0
	);
}

/** Returns the reason a value is not a valid detector state, or null when it is. */
export function detectorStateProblem(x: unknown): string | null {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return 'not an object';
	const s = x as Record<string, unknown>;
	if (s.version !== 1) return `unknown version ${JSON.stringify(s.version)}`;
	if (!isFiniteNumber(s.count) || s.count < 0) return 'bad count';
	if (s.lastTimestamp !== null && !isFiniteNumber(s.lastTimestamp)) return 'bad lastTimestamp';
	if (s.level !== null && !isFiniteNumber(s.level)) return 'bad level';
	if (!isNumberArray(s.hourOfDay, 24)) return 'bad hourOfDay';
	if (!isNumberArray(s.dayOfWeek, 7)) return 'bad dayOfWeek';
	if (!isNumberArray(s.recent) || s.recent.length < 1 || s.recent.length > 288) return 'bad recent';
	if (!Number.isInteger(s.recentPos) || (s.recentPos as number) < 0 || (s.recentPos as number) >= s.recent.length) return 'bad recentPos';
	if (!Array.isArray(s.tails) || s.tails.length < 1 || s.tails.length > 4 || !s.tails.every(validTail)) return 'bad tails';
	if (!isFiniteNumber(s.lastSurge) || s.lastSurge < 0) return 'bad lastSurge';
	return null;
}

/**
 * Loads a stored state (a JSON string or the already-parsed object from static data).
 * Never throws: on any problem returns a fresh state and a warning.
 */
export function loadDetectorState(json: unknown, config?: Partial<DetectorConfig>): LoadedDetectorState {
	if (json === undefined || json === null || json === '') return { state: createDetectorState(config) };
	let text: string;
	let parsed: unknown;
	try {
		text = typeof json === 'string' ? json : JSON.stringify(json);
	} catch {
		return fresh(config, 'could not be serialised');
	}
	if (text === undefined) return fresh(config, 'is empty');
	if (text.length > MAX_DETECTOR_STATE_BYTES) {
		return fresh(config, `is too large (${text.length} bytes > ${MAX_DETECTOR_STATE_BYTES})`);
	}
	try {
		parsed = typeof json === 'string' ? JSON.parse(json) : JSON.parse(text);
	} catch {
		return fresh(config, 'is not valid JSON');
	}
	const problem = detectorStateProblem(parsed);
	if (problem) return fresh(config, `is corrupted (${problem})`);
	return { state: parsed as DetectorState };
}

function fresh(config: Partial<DetectorConfig> | undefined, why: string): LoadedDetectorState {
	return {
		state: createDetectorState(config),
		warning: `Stored volume-detector state ${why}: the baseline was reset and is learning again.`,
	};
}
