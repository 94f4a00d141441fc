import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { computeReport, renderReportHtml, renderReportMarkdown } from '../../../core/report';
import type { ReportInput, ReportMention, ReportTimelineEvent } from '../../../core/report';
import type { Situation } from '../../../core/scoring/types';
import { isCanonicalMention } from '../../../core/mention/canonicalMention';
import { validateMention } from '../../../core/mention/validateMention';
import { crisisDocumentProperties, readCrisisDocument } from '../../shared/crisisDocument';
import { nowOption, parseDateOption, resolveNow } from '../../shared/now';
import { levelThresholdsOf } from '../../../core/document/levelThresholds';
import { createTextAnalyzer, scoreMention } from '../../../core/scoring/scoreMention';
import { replaySituations } from '../../../core/scoring/situation';
import { stableTimeOrder } from '../../../core/util/timeOrder';
import { parseTime } from '../../../core/scoring/time';
import { itemFailure } from '../../shared/router';
import { sourceFailureOf, uniqueFailures, type SourceFailureSummary } from '../../shared/sourceFailures';

export const description: INodeProperties[] = [
	{
		displayName:
			'Feed this node the incident\'s mentions (scored or not), and optionally the situations of Crisis Score › Assess Situation and the timeline events of Crisis Playbook › Log Event: it tells them apart by their fields.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'Orvia data leak, March 2026',
		description: 'Title of the report; empty uses "Crisis impact report" in the report\'s language',
	},
	...crisisDocumentProperties(undefined, 'Its brand, language and time zone are used unless set below.'),
	{
		displayName: 'Outputs',
		name: 'outputs',
		type: 'multiOptions',
		options: [
			{ name: 'HTML (Binary)', value: 'html' },
			{ name: 'Markdown (Binary)', value: 'markdown' },
		],
		default: ['html', 'markdown'],
		description: 'Files attached to the output item, ready for e-mail, Slack or Drive nodes. The metrics are always in the JSON.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{ displayName: 'Brand', name: 'brand', type: 'string', default: '' },
			{ displayName: 'During Ends', name: 'duringEnd', type: 'dateTime', default: '', description: 'End of the crisis phase; with During Starts, overrides the phases derived from the levels' },
			{ displayName: 'During Starts', name: 'duringStart', type: 'dateTime', default: '', description: 'Start of the crisis phase; with During Ends, overrides the phases derived from the levels' },
			{
				displayName: 'HTML Binary Property',
				name: 'htmlProperty',
				type: 'string',
				default: 'report_html',
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'options',
				options: [
					{ name: 'From the Crisis Document', value: 'document' },
					{ name: 'English', value: 'en' },
					{ name: 'French', value: 'fr' },
				],
				default: 'document',
			},
			{
				displayName: 'Markdown Binary Property',
				name: 'markdownProperty',
				type: 'string',
				default: 'report_md',
			},
			{ displayName: 'Max Table Rows', name: 'maxRows', type: 'number', typeOptions: { minValue: 1, maxValue: 50 }, default: 10 },
			nowOption('When the report is made; empty uses the execution time'),
			{ displayName: 'Time Zone', name: 'timeZone', type: 'string', default: '', placeholder: 'Europe/Paris', description: 'IANA time zone for displayed times; empty uses the document\'s, else UTC' },
		],
	},
];

interface Options {
	brand?: string;
	duringStart?: string;
	duringEnd?: string;
	htmlProperty?: string;
	markdownProperty?: string;
	language?: 'document' | 'en' | 'fr';
	maxRows?: number;
	now?: string;
	timeZone?: string;
}

/**
 * The mentions in time order (stable: equal times keep their input order), each date parsed
 * once; mentions without a readable date keep their input order after the dated ones (the
 * report counts them as excluded). The replay orders its input again, a cheap pass when it is
 * already in order.
 */
function inTimeOrder(mentions: ReportMention[]): ReportMention[] {
	const times = new Float64Array(mentions.length);
	for (let k = 0; k < mentions.length; k++) times[k] = parseTime(mentions[k].publishedAt);
	const order = stableTimeOrder(times);
	const out: ReportMention[] = new Array(mentions.length);
	let j = 0;
	for (; j < order.length; j++) out[j] = mentions[order[j]];
	for (let k = 0; k < mentions.length; k++) if (!Number.isFinite(times[k])) out[j++] = mentions[k];
	return out;
}

/** The input items sorted by what they are (told apart by their fields). */
interface ReportItems {
	mentions: ReportMention[];
	situations: Situation[];
	timeline: ReportTimelineEvent[];
	skipped: string[];
	failures: SourceFailureSummary[];
	/** Error items of invalid mentions (Continue On Fail). */
	invalid: INodeExecutionData[];
}

/** A mention item as the report reads it, or null when it is invalid (then recorded in `sorted`). */
function readMentionItem(ctx: IExecuteFunctions, json: IDataObject, i: number, sorted: ReportItems): ReportMention | null {
	// Fast path: a scored record as Crisis Score emits it is read as it is (never changed here).
	if (json.crisis && isCanonicalMention(json)) return json as unknown as ReportMention;
	const r = validateMention(json);
	if (!r.ok) {
		const problem = `Item ${i} is not a valid mention: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`;
		// Throws unless Continue On Fail; then the bad item gets its error item and the report goes on.
		sorted.invalid.push(itemFailure.call(ctx, new NodeOperationError(ctx.getNode(), problem, { itemIndex: i }), i));
		sorted.skipped.push(problem);
		return null;
	}
	return { ...r.mention, crisis: (json.crisis as ReportMention['crisis']) ?? null };
}

function sortItems(ctx: IExecuteFunctions, items: INodeExecutionData[]): ReportItems {
	const sorted: ReportItems = { mentions: [], situations: [], timeline: [], skipped: [], failures: [], invalid: [] };
	for (let i = 0; i < items.length; i++) {
		const json = items[i].json as IDataObject;
		const failure = sourceFailureOf(json);
		if (failure) {
			sorted.failures.push(failure);
			continue;
		}
		if (typeof json.platform === 'string' && 'publishedAt' in json) {
			const mention = readMentionItem(ctx, json, i, sorted);
			if (mention) sorted.mentions.push(mention);
		} else if (typeof json.level === 'string' && typeof json.windowEnd === 'string') {
			sorted.situations.push(json as unknown as Situation);
		} else if (typeof json.type === 'string' && typeof json.at === 'string') {
			sorted.timeline.push(json as unknown as ReportTimelineEvent);
		} else if (json.event && typeof (json.event as IDataObject).type === 'string') {
			sorted.timeline.push(json.event as unknown as ReportTimelineEvent);
		} else {
			sorted.skipped.push(`Item ${i}: neither a mention, a situation nor a timeline event`);
		}
	}
	return sorted;
}

/** The "During" phase of the report, both ends or neither. */
function readPhases(ctx: IExecuteFunctions, options: Options): ReportInput['phases'] {
	const duringStart = parseDateOption.call(ctx, options.duringStart, 'Option "During Starts"', 0);
	const duringEnd = parseDateOption.call(ctx, options.duringEnd, 'Option "During Ends"', 0);
	if ((duringStart === null) !== (duringEnd === null) || (duringStart && duringEnd && duringEnd <= duringStart)) {
		throw new NodeOperationError(ctx.getNode(), 'Set both "During Starts" and "During Ends", the end after the start (or neither)', { itemIndex: 0 });
	}
	return duringStart && duringEnd ? { duringStart, duringEnd } : null;
}

/** The HTML and Markdown files asked for, as binary properties. */
async function reportFiles(ctx: IExecuteFunctions, metrics: ReturnType<typeof computeReport>, options: Options, wanted: string[], now: string): Promise<NonNullable<INodeExecutionData['binary']>> {
	const binary: NonNullable<INodeExecutionData['binary']> = {};
	const stamp = now.slice(0, 10);
	if (wanted.includes('html')) {
		const html = renderReportHtml(metrics, { maxRows: options.maxRows });
		binary[options.htmlProperty || 'report_html'] = await ctx.helpers.prepareBinaryData(Buffer.from(html, 'utf8'), `crisis-report-${stamp}.html`, 'text/html');
	}
	if (wanted.includes('markdown')) {
		const md = renderReportMarkdown(metrics, { maxRows: options.maxRows });
		binary[options.markdownProperty || 'report_md'] = await ctx.helpers.prepareBinaryData(Buffer.from(md, 'utf8'), `crisis-report-${stamp}.md`, 'text/markdown');
	}
	return binary;
}

export async function execute(this: IExecuteFunctions, executionNow: string): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const options = this.getNodeParameter('options', 0, {}) as Options;
	const title = this.getNodeParameter('title', 0, '') as string;
	const wanted = this.getNodeParameter('outputs', 0, ['html', 'markdown']) as string[];
	const document = readCrisisDocument.call(this, 0);
	const now = resolveNow.call(this, options.now, 0, executionNow);
	const { mentions, situations, timeline, skipped, failures, invalid } = sortItems(this, items);
	if (!mentions.length) {
		throw new NodeOperationError(this.getNode(), 'No mention to report on', {
			itemIndex: 0,
			description: `${items.length} item(s) in: ${situations.length} situation(s), ${timeline.length} timeline event(s), ${failures.length} source failure(s), ${skipped.length} skipped. Put the incident's mentions into this node.`,
		});
	}
	const phases = readPhases(this, options);
	let assessedHere = false;
	if (!situations.length) {
		// No situations given: assess the levels here (same engine as Crisis Score › Assess Situation).
		const analyzer = createTextAnalyzer();
		for (const m of mentions) if (!m.crisis) m.crisis = scoreMention(m, {}, now, analyzer);
		situations.push(...replaySituations(inTimeOrder(mentions) as never, now, { thresholds: levelThresholdsOf(document) }));
		assessedHere = true;
	}
	const language = options.language && options.language !== 'document' ? options.language : document?.languages?.[0] === 'fr' ? 'fr' : 'en';
	const input: ReportInput = {
		mentions,
		situations,
		timeline,
		phases,
		language,
		timeZone: options.timeZone || document?.timeZone || 'UTC',
		title: title || undefined,
		brand: options.brand || document?.brand?.name || undefined,
	};
	const metrics = computeReport(input, now);
	const json: IDataObject = { ...(metrics as unknown as IDataObject) };
	if (skipped.length) json.skippedItems = skipped.slice(0, 20);
	if (failures.length) json.sourceFailures = uniqueFailures(failures) as unknown as IDataObject[];
	if (assessedHere) json.situationsAssessedByReport = situations.length;
	const binary = await reportFiles(this, metrics, options, wanted, now);
	return [[{ json, binary, pairedItem: items.map((_, item) => ({ item })) }, ...invalid]];
}
