/** Author reach: followers on a log scale (1M+ = full points), +10 % for a verified account. */
import { authorReach } from '../../mention/mention';
import { clamp, round1 } from '../numbers';
import { reachSuffix } from '../reasonText';
import type { RiskFactor } from '../types';
import type { FactorInput } from './types';

export function reachFactor(input: FactorInput): RiskFactor | null {
	const weight = input.weights.reach;
	if (!(weight > 0)) return null;
	const author = input.mention.author;
	const followers = authorReach(author);
	const known = author.followers !== null && Number.isFinite(author.followers);
	let share = followers > 0 ? clamp(Math.log10(1 + followers) / 6, 0, 1) : 0;
	if (author.verified) share = Math.min(1, share + 0.1);
	return {
		name: 'reach',
		value: followers,
		contribution: round1(weight * share),
		// (Handle and suffix joined first: 'author @' + a short handle would be copied, not linked.)
		reason: !input.withReasons
			? ''
			: known
			? 'author @' + (author.handle + reachSuffix(followers, author.verified))
			: author.verified
				? 'author reach unknown (verified account); no reach risk from followers'
				: 'author reach unknown; no reach risk from followers',
	};
}
