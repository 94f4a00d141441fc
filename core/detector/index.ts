export * from './types';
export { DEFAULT_DETECTOR_CONFIG, resolveDetectorConfig } from './config';
export { createDetectorState, updateDetector, toEpochMs, formatPeriod } from './detector';
export { serializeDetectorState, loadDetectorState, detectorStateProblem, MAX_DETECTOR_STATE_BYTES } from './state';
export {
	backtest,
	bucketCounts,
	levelForScore,
	DEFAULT_SCORE_THRESHOLDS,
	type BacktestConfig,
	type BacktestFiring,
	type BacktestIncident,
	type BacktestIncidentResult,
	type BacktestResult,
} from './backtest';
