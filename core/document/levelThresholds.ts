/**
 * The `levels` section of the crisis document: what Assess Situation reads to turn a window of
 * mentions into a level. A level is reached when every one of its criteria is met; the
 * situation's level is the highest level reached (calm when none is). See docs/crisis-document.md.
 */
import { defaultCrisisDocument } from './defaultCrisisDocument';
import type { CrisisDocument, LevelThreshold, LevelThresholds } from './types';

export type { LevelThreshold, LevelThresholds };

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
		Object.freeze(value);
	}
	return value;
}

/** The thresholds of the default document (frozen). */
export const DEFAULT_LEVEL_THRESHOLDS: Readonly<LevelThresholds> = deepFreeze(defaultCrisisDocument().levels);

/** The thresholds of a document, or the defaults when none is given. */
export function levelThresholdsOf(document?: Pick<CrisisDocument, 'levels'> | null): LevelThresholds {
	return document ? document.levels : DEFAULT_LEVEL_THRESHOLDS;
}
