/** Per-mention sentiment for English and French, and the light language detector. */
export { analyzeSentiment } from './analyzeSentiment';
export type { SentimentAnalysis, SentimentHit, SentimentLanguage } from './analyzeSentiment';
export { detectLanguage } from '../language';
export type { DetectedLanguage } from '../language';
