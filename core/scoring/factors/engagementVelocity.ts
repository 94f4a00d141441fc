/** Engagement velocity: likes + shares + replies per hour since publication, on a log scale (1,000/h = full points). */
import { totalEngagement } from '../../mention/mention';
import { clamp, round1 } from '../numbers';
import { formatCount, perHourText, velocityMiddle } from '../reasonText';
import { hoursBetween } from '../time';
import type { RiskFactor } from '../types';
import type { FactorInput } from './types';

/** Minimum age used for velocity, so a post seconds old does not get an absurd rate. */
const MIN_AGE_HOURS = 0.25;

export function engagementVelocityFactor(input: FactorInput): RiskFactor | null {
	const weight = input.weights.engagementVelocity;
	if (!(weight > 0)) return null;
	const mention = input.mention;
	const engagement = totalEngagement(mention.engagement);
	const age = hoursBetween(mention.publishedAt, input.now);
	if (age === null) {
		return { name: 'engagementVelocity', value: 0, contribution: 0, reason: input.withReasons ? 'publication time or now unreadable; velocity not computed' : '' };
	}
	const hours = Math.max(age, MIN_AGE_HOURS);
	const perHour = engagement / hours;
	const contribution = round1(weight * clamp(Math.log10(1 + perHour) / 3, 0, 1));
	return {
		name: 'engagementVelocity',
		value: Math.round(perHour * 100) / 100,
		contribution,
		reason: !input.withReasons ? '' : engagement > 0 ? formatCount(engagement) + velocityMiddle(age) + perHourText(perHour) : 'no engagement yet',
	};
}
