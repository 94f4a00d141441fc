/**
 * The raw level of a volume-detector score: the score thresholds per level above calm. Assess
 * Situation uses them for its volume evidence (`levelForScore(score)` is the raw level); the
 * whole-assessment backtest is `core/scoring/backtestSituations.ts`.
 */
import { LEVELS, type Level } from '../levels';

export const DEFAULT_SCORE_THRESHOLDS: Readonly<Record<Exclude<Level, 'calm'>, number>> = Object.freeze({
	watch: 0.25,
	alert: 0.4,
	crisis: 0.6,
	critical: 0.8,
});

const ACTIVE_LEVELS = LEVELS.filter((l) => l !== 'calm') as Array<Exclude<Level, 'calm'>>;

/** Level of a score under the given thresholds. */
export function levelForScore(score: number, thresholds: Record<Exclude<Level, 'calm'>, number> = DEFAULT_SCORE_THRESHOLDS): Level {
	let level: Level = 'calm';
	for (const l of ACTIVE_LEVELS) if (score >= thresholds[l]) level = l;
	return level;
}
