export * from './types';
export * from './template';
export * from './validator';
export * from './validateCrisisDocument';
export * from './defaultCrisisDocument';
export * from './levelThresholds';
export * from './diffDocuments';
export * from './renderCrisisDocument';
