/**
 * The risk factors of Score Mentions, in the order their entries appear in `factors`
 * (and their ties are broken in the summary). To add one: a file here exporting a
 * `Factor`, its weight in `RiskWeights` and `DEFAULT_RISK_WEIGHTS`, its entry below.
 */
import { complaintFactor } from './complaint';
import { crisisVocabularyFactor } from './crisisVocabulary';
import { engagementVelocityFactor } from './engagementVelocity';
import { ratingFactor } from './rating';
import { reachFactor } from './reach';
import { sentimentFactor } from './sentiment';
import type { Factor, RiskWeights } from './types';

export type { Factor, FactorInput, RiskWeights } from './types';

export const DEFAULT_RISK_WEIGHTS: Readonly<RiskWeights> = {
	sentiment: 35,
	complaint: 10,
	crisisVocabulary: 30,
	reach: 15,
	engagementVelocity: 10,
	rating: 10,
};

export const FACTORS: readonly Factor[] = [
	sentimentFactor,
	complaintFactor,
	crisisVocabularyFactor,
	reachFactor,
	engagementVelocityFactor,
	ratingFactor,
];
