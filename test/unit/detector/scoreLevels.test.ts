import { DEFAULT_SCORE_THRESHOLDS, levelForScore } from '../../../core/detector';

describe('levelForScore', () => {
	test('uses the level vocabulary', () => {
		expect(levelForScore(0)).toBe('calm');
		expect(levelForScore(0.3)).toBe('watch');
		expect(levelForScore(0.45)).toBe('alert');
		expect(levelForScore(0.7)).toBe('crisis');
		expect(levelForScore(0.95)).toBe('critical');
	});

	test('a threshold is reached at its value, and custom thresholds apply', () => {
		expect(levelForScore(DEFAULT_SCORE_THRESHOLDS.alert)).toBe('alert');
		expect(levelForScore(0.5, { watch: 0.1, alert: 0.2, crisis: 0.3, critical: 0.9 })).toBe('crisis');
	});
});
