export * from './types';
export { DEFAULT_DETECTOR_CONFIG, resolveDetectorConfig } from './config';
export { createDetectorState, updateDetector, toEpochMs, formatPeriod } from './detector';
export { serializeDetectorState, loadDetectorState, detectorStateProblem, MAX_DETECTOR_STATE_BYTES } from './state';
export { levelForScore, DEFAULT_SCORE_THRESHOLDS } from './scoreLevels';
