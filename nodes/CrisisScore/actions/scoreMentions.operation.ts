import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { isCanonicalMention } from '../../../core/mention/canonicalMention';
import type { Mention } from '../../../core/mention/mention';
import { createTextAnalyzer, scoreMention, type ScoreMentionOptions, type TextAnalyzer } from '../../../core/scoring/scoreMention';
import type { MentionScore } from '../../../core/scoring/types';
import { readMention } from '../../shared/itemErrors';
import { nowOption, resolveNow } from '../../shared/now';
import { itemFailure } from '../../shared/router';
import { sourceFailureOf } from '../../shared/sourceFailures';

const show = { show: { operation: ['scoreMentions'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: show,
		options: [
			nowOption('The instant engagement velocity is measured at. Empty uses the execution time; set it to replay past data deterministically.'),
			{
				displayName: 'Output Detail',
				name: 'detail',
				type: 'options',
				default: 'factors',
				options: [
					{
						name: 'Every Factor With Its Reason',
						value: 'factors',
						description: 'The crisis.factors field lists each factor with its value, points and reason in plain words',
					},
					{
						name: 'Risk and Summary Only (Lean)',
						value: 'summary',
						description:
							'The crisis.factors field is left empty; the risk, sentiment, themes and the summary (the three largest contributions with their points) stay. About half the bytes per mention: for batches of 100k+ kept by n8n\'s execution saving.',
					},
				],
				description: 'How much of the scoring each output item carries',
			},
			{
				displayName: 'Scored Languages',
				name: 'languages',
				type: 'multiOptions',
				options: [
					{ name: 'English', value: 'en' },
					{ name: 'French', value: 'fr' },
				],
				default: ['en', 'fr'],
				description:
					'Languages scored with the built-in lexicons: list your crisis document\'s languages. A mention with no language tag whose text does not tell is scored in the first one listed; a mention in any other language is left unscored, and its reason says why.',
			},
			{
				displayName: 'Upstream Sentiment Field',
				name: 'sentimentField',
				type: 'string',
				default: '',
				placeholder: 'sentimentAnalysis.category',
				description:
					'Path of a sentiment already on the item (e.g. from n8n AI Sentiment Analysis). When set and present, it is used instead of Crisis Kit\'s own and the reasons say so.',
			},
		],
	},
];

function readPath(obj: unknown, path: string): unknown {
	let cur: unknown = obj;
	for (const key of path.split('.')) {
		if (cur === null || typeof cur !== 'object') return undefined;
		cur = (cur as Record<string, unknown>)[key];
	}
	return cur;
}

interface Prepared {
	now: string;
	/** Trimmed Upstream Sentiment Field, '' when unset. */
	field: string;
	/** The scoring options when no upstream sentiment is read (one object for the batch). */
	base: ScoreMentionOptions;
}

/** The options of item `i`, checked: the clock of the score and the upstream sentiment field. */
function prepare(this: IExecuteFunctions, i: number, executionNow: string): Prepared {
	const options = this.getNodeParameter('options', i, {}) as { now?: string; sentimentField?: string; detail?: string; languages?: unknown };
	const now = resolveNow.call(this, options.now, i, executionNow, `Option "Now" of item ${i}`);
	const detail = options.detail === 'summary' ? 'summary' : 'factors';
	const base: ScoreMentionOptions = { upstreamSentiment: null, detail };
	if (options.languages !== undefined) base.supportedLanguages = scoredLanguages.call(this, options.languages, i);
	return { now, field: String(options.sentimentField ?? '').trim(), base };
}

/** Option "Scored Languages": English and/or French, in the order listed; none is an error (nothing would be scored). */
function scoredLanguages(this: IExecuteFunctions, value: unknown, i: number): string[] {
	const list = (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [])
		.map((l) => String(l).trim().toLowerCase())
		.filter((l) => l === 'en' || l === 'fr');
	if (list.length === 0)
		throw new NodeOperationError(this.getNode(), `Option "Scored Languages" of item ${i} lists no language Crisis Kit scores`, {
			itemIndex: i,
			description: 'Choose English, French or both (the languages of your crisis document), or remove the option to score both.',
		});
	return [...new Set(list)];
}

/**
 * Whether the options are the same for every item (no expression among them): then they are
 * read once for the batch. Inside n8n, `getNodeParameter('options', i)` per item was ~12 % of
 * Score's time on 100k items (it resolves and copies the collection each call).
 */
function optionsAreFixed(this: IExecuteFunctions): boolean {
	const raw = (this.getNode().parameters ?? {}).options;
	if (raw === undefined || raw === null) return true;
	if (typeof raw !== 'object' || Array.isArray(raw)) return false;
	for (const value of Object.values(raw)) {
		if (Array.isArray(value)) {
			// A multiple choice (Scored Languages) is fixed when none of its values is an expression.
			if (value.some((v) => typeof v !== 'string' || v.startsWith('='))) return false;
		} else if (typeof value === 'string' ? value.startsWith('=') : value !== null && typeof value === 'object') return false;
	}
	return true;
}

/**
 * The output item: Crisis Kit's `crisis` first, then the input fields, so n8n's table and JSON
 * views show the risk and its reasons before the record. One shallow copy (the input item
 * belongs to the previous node's output and is never changed); an older `crisis` is replaced.
 */
function withCrisisFirst(json: IDataObject, crisis: MentionScore): IDataObject {
	const out: IDataObject = Object.assign({ crisis: null }, json);
	out.crisis = crisis as unknown as IDataObject;
	return out;
}

function scoreItem(this: IExecuteFunctions, item: INodeExecutionData, i: number, p: Prepared, analyzer: TextAnalyzer): INodeExecutionData {
	const json = item.json;
	// The fast path takes the record as it is when validateMention would return it unchanged.
	const mention = isCanonicalMention(json) ? (json as unknown as Mention) : readMention.call(this, item, i);
	let options = p.base;
	if (p.field) {
		const upstream = readPath(json, p.field);
		if (upstream !== undefined) options = { ...p.base, upstreamSentiment: { field: p.field, value: upstream } };
	}
	return { json: withCrisisFirst(json, scoreMention(mention, options, p.now, analyzer)), pairedItem: { item: i } };
}

/**
 * Scores every input item (one output item per input item, paired to it). A batch operation
 * with its own per-item loop, so the options are read once for the batch (see optionsAreFixed);
 * per-item failures go through the router's one Continue On Fail decision (itemFailure). A malformed item
 * fails the node naming the item and the field, or becomes an error item with Continue On
 * Fail; a source-failure item passes through untouched.
 */
export async function execute(this: IExecuteFunctions, executionNow: string): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	let fixed: Prepared | null = null;
	if (items.length > 0 && optionsAreFixed.call(this)) {
		try {
			fixed = prepare.call(this, 0, executionNow);
		} catch {
			fixed = null; // reported per item below, as before
		}
	}
	// The text pass's scratch, for this execution's batch (see createTextAnalyzer).
	const analyzer = createTextAnalyzer();
	for (let i = 0; i < items.length; i++) {
		const item = items[i];
		// A failed source's item (Mentions › Source Failures in the mentions output) passes through untouched.
		if (sourceFailureOf(item.json)) {
			out.push({ json: item.json, pairedItem: { item: i } });
			continue;
		}
		try {
			out.push(scoreItem.call(this, item, i, fixed ?? prepare.call(this, i, executionNow), analyzer));
		} catch (error) {
			out.push(itemFailure.call(this, error, i)); // throws unless Continue On Fail
		}
	}
	return [out];
}
