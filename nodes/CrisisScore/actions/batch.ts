import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ScoredMention } from '../../../core/scoring/situation';
import { isCanonicalMention } from '../../../core/mention/canonicalMention';
import { createTextAnalyzer, scoreMention } from '../../../core/scoring/scoreMention';
import { readMention } from '../../shared/itemErrors';
import { itemFailure } from '../../shared/router';
import { sourceFailureOf, type SourceFailureSummary } from '../../shared/sourceFailures';

/** Re-exported: the operations of this node import their helpers from here. */

export interface BatchInput {
	mentions: ScoredMention[];
	/** Input item index of each mention (same order). */
	itemIndex: number[];
	errors: INodeExecutionData[];
	duplicates: number;
	future: number;
	/** Failure items of Mentions / Mentions Trigger: left out of the mentions, counted. */
	failures: SourceFailureSummary[];
}

/**
 * Reads every input item as a Mention (scoring the unscored ones), dropping duplicates (same id)
 * and mentions dated after `now`, and leaving out (counted) the failure items of a failed
 * source. A malformed item fails the node, naming it, unless Continue On Fail is set (then it
 * becomes an error item).
 */
export function readBatch(this: IExecuteFunctions, now: string, toleranceMinutes = 5): BatchInput {
	const items = this.getInputData();
	const out: BatchInput = { mentions: [], itemIndex: [], errors: [], duplicates: 0, future: 0, failures: [] };
	const seen = new Set<string>();
	const limit = Date.parse(now) + toleranceMinutes * 60000;
	const analyzer = createTextAnalyzer();
	for (let i = 0; i < items.length; i++) {
		const failure = sourceFailureOf(items[i].json);
		if (failure) {
			out.failures.push(failure);
			continue;
		}
		const checked = mentionOrError.call(this, items[i], i);
		if (checked instanceof NodeOperationError) {
			out.errors.push(itemFailure.call(this, checked, i));
			continue;
		}
		const mention = checked;
		const existing = (items[i].json as { crisis?: ScoredMention['crisis'] }).crisis;
		mention.crisis = existing && Array.isArray(existing.factors) ? existing : scoreMention(mention, {}, now, analyzer);
		if (seen.has(mention.id)) {
			out.duplicates++;
			continue;
		}
		seen.add(mention.id);
		if (Date.parse(mention.publishedAt) > limit) {
			out.future++;
			continue;
		}
		out.mentions.push(mention);
		out.itemIndex.push(i);
	}
	return out;
}

function mentionOrError(this: IExecuteFunctions, item: INodeExecutionData, i: number): ScoredMention | NodeOperationError {
	// Fast path: a record scored by Crisis Score is read as it is (no validate-and-copy, ~3 s of
	// 100k items inside n8n); readBatch then sets its crisis to the same object, so nothing changes.
	const crisis = (item.json as { crisis?: ScoredMention['crisis'] }).crisis;
	if (crisis && Array.isArray(crisis.factors) && isCanonicalMention(item.json)) return item.json as unknown as ScoredMention;
	try {
		return readMention.call(this, item, i) as ScoredMention;
	} catch (error) {
		return error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
	}
}

