/** Per-mention sentiment for English and French, and the light language detector. */
export { analyzeSentiment, sentimentThresholds } from './analyzeSentiment';
export type { SentimentAnalysis, SentimentHit, SentimentLanguage, SentimentOptions } from './analyzeSentiment';
export { detectLanguage } from '../language';
export type { DetectedLanguage } from '../language';
