/**
 * The one level vocabulary shared by scoring, the playbook and the report.
 * Ordered from least to most severe.
 */
export const LEVELS = ['calm', 'watch', 'alert', 'crisis', 'critical'] as const;

export type Level = (typeof LEVELS)[number];

export function levelRank(level: Level): number {
	return LEVELS.indexOf(level);
}

export function isLevel(value: unknown): value is Level {
	return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

export function maxLevel(a: Level, b: Level): Level {
	return levelRank(a) >= levelRank(b) ? a : b;
}

/** Whether `level` is at least `threshold` (e.g. atLeast('crisis', 'alert') === true). */
export function atLeast(level: Level, threshold: Level): boolean {
	return levelRank(level) >= levelRank(threshold);
}
