import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { levelThresholdsOf } from '../../../core/document/levelThresholds';
import {
	advanceSituation,
	createSituationState,
	ingestMentions,
	loadSituationState,
	replaySituations,
} from '../../../core/scoring/situation';
import type { AssessedSituation, SituationConfig } from '../../../core/scoring/situation';
import { LEVELS, levelRank } from '../../../core/levels';
import { crisisDocumentProperties, readCrisisDocument } from '../../shared/crisisDocument';
import { sourceFailuresReason, uniqueFailures } from '../../shared/sourceFailures';
import { nowOption, resolveNow } from '../../shared/now';
import { readBatch, type BatchInput } from './batch';

const show = { show: { operation: ['assessSituation'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		displayOptions: show,
		options: [
			{
				name: 'Live (Keep State Between Runs)',
				value: 'live',
				description:
					'Each run adds the new mentions to the brand\'s baseline kept in the workflow\'s static data and emits the situation now. Use after a trigger or a schedule.',
			},
			{
				name: 'Replay (One Situation per Bucket)',
				value: 'replay',
				description: 'Assess a batch of past mentions from scratch: one situation per time bucket, no state kept',
			},
		],
		default: 'live',
	},
	...crisisDocumentProperties(show, 'Its `levels` section sets the thresholds.'),
	{
		displayName: 'Replay Output',
		name: 'replayOutput',
		type: 'options',
		displayOptions: { show: { operation: ['assessSituation'], mode: ['replay'] } },
		options: [
			{ name: 'Every Bucket', value: 'all' },
			{ name: 'Level Changes Only', value: 'changes' },
			{ name: 'Latest Only', value: 'latest' },
		],
		default: 'all',
	},
	{
		displayName: 'Options',
		name: 'situationOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Bucket Minutes',
				name: 'bucketMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 15,
				description: 'Size of the time buckets the volume detector counts; the document\'s window must be a multiple',
			},
			{
				displayName: 'Cooldown Minutes',
				name: 'cooldownMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 120,
				description: 'Minimum time between two notifications of the same level',
			},
			{
				displayName: 'De-Escalation Buckets',
				name: 'deescalationBuckets',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 8,
				description: 'Consecutive buckets below the current level before stepping down one level',
			},
			nowOption('The assessment time. Empty uses the execution time; set it to replay past data.'),
			{
				displayName: 'Persistence Buckets',
				name: 'persistenceBuckets',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 2,
				description: 'Consecutive buckets a higher level must be met before escalating (unless confirmed on several sources)',
			},
		],
	},
];

interface Options {
	bucketMinutes?: number;
	cooldownMinutes?: number;
	deescalationBuckets?: number;
	persistenceBuckets?: number;
	now?: string;
}

/** The detector's settings: the document's thresholds and the options that are set. */
function situationConfig(ctx: IExecuteFunctions, options: Options, document: ReturnType<typeof readCrisisDocument>): Partial<SituationConfig> {
	const config: Partial<SituationConfig> = {
		thresholds: levelThresholdsOf(document),
		...(options.bucketMinutes ? { bucketMinutes: options.bucketMinutes } : {}),
		...(options.cooldownMinutes !== undefined ? { cooldownMinutes: options.cooldownMinutes } : {}),
		...(options.deescalationBuckets ? { deescalationBuckets: options.deescalationBuckets } : {}),
		...(options.persistenceBuckets ? { persistenceBuckets: options.persistenceBuckets } : {}),
	};
	try {
		createSituationState(config);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message, { itemIndex: 0 });
	}
	return config;
}

/** Replay mode: the situations over the batch's time span, all, changes only or the latest. */
function replayBatch(ctx: IExecuteFunctions, batch: BatchInput, now: string, config: Partial<SituationConfig>): AssessedSituation[] {
	if (!batch.mentions.length) {
		throw new NodeOperationError(ctx.getNode(), 'Nothing to replay: no valid mention in the input', {
			itemIndex: 0,
			description: `${ctx.getInputData().length} item(s) in, ${batch.errors.length} invalid, ${batch.duplicates} duplicate(s), ${batch.future} dated after "now" (${now}), ${batch.failures.length} source failure(s).`,
		});
	}
	let situations = replaySituations(batch.mentions, now, config);
	const replayOutput = ctx.getNodeParameter('replayOutput', 0, 'all') as string;
	if (replayOutput === 'changes') situations = situations.filter((s, k) => k === 0 || s.changed);
	if (replayOutput === 'latest') situations = situations.slice(-1);
	return situations;
}

/** The situation when no bucket closed since the last run: the level as it was. */
function unchangedSituation(level: AssessedSituation['level'], now: string): AssessedSituation {
	return {
		level,
		rawLevel: level,
		previousLevel: level,
		changed: false,
		notify: false,
		score: 0,
		windowStart: now,
		windowEnd: now,
		assessedAt: now,
		reasons: ['No bucket closed since the last run: the level is unchanged.'],
		metrics: {},
		themes: [],
		topMentions: [],
	};
}

/** Live mode: feeds the batch to the stored detector state and closes the buckets up to now. */
function assessLive(
	ctx: IExecuteFunctions,
	batch: BatchInput,
	now: string,
	config: Partial<SituationConfig>,
	counts: IDataObject,
): { situations: AssessedSituation[]; warning: string | undefined } {
	const staticData = ctx.getWorkflowStaticData('node');
	const loaded = loadSituationState(staticData.situation, config);
	const state = loaded.state;
	ingestMentions(state, batch.mentions, config);
	const closed = advanceSituation(state, now, config);
	staticData.situation = state as unknown as IDataObject;
	// Live mode emits the situation as of now: the last closed bucket, escalations included.
	const notified = closed.some((s) => s.notify);
	const last = closed[closed.length - 1];
	const situations = last
		? [{ ...last, notify: notified || last.notify, changed: closed.some((s) => s.changed) }]
		: [unchangedSituation(state.memory.level, now)];
	counts.bucketsClosed = closed.length;
	return { situations, warning: loaded.warning };
}

export async function execute(this: IExecuteFunctions, executionNow: string): Promise<INodeExecutionData[][]> {
	const mode = this.getNodeParameter('mode', 0) as 'live' | 'replay';
	const options = this.getNodeParameter('situationOptions', 0, {}) as Options;
	const now = resolveNow.call(this, options.now, 0, executionNow);
	const document = readCrisisDocument.call(this, 0);
	const config = situationConfig(this, options, document);
	const batch = readBatch.call(this, now);
	const outputs: INodeExecutionData[][] = LEVELS.map(() => []);
	const counts: IDataObject = { duplicateMentions: batch.duplicates, futureMentions: batch.future };
	const { situations, warning } =
		mode === 'replay' ? { situations: replayBatch(this, batch, now, config), warning: undefined } : assessLive(this, batch, now, config, counts);
	const times = batch.mentions.map((m) => Date.parse(m.publishedAt));
	// Failed sources: said in the reasons and listed, the level judged on the sources that answered.
	const failed = batch.failures.length
		? { reason: sourceFailuresReason(batch.failures), list: uniqueFailures(batch.failures) as unknown as IDataObject[] }
		: null;
	for (const s of situations) {
		const from = Date.parse(s.windowStart);
		const to = Date.parse(s.windowEnd);
		const paired = batch.itemIndex.filter((_, k) => times[k] >= from && times[k] < to).map((item) => ({ item }));
		const json: IDataObject = {
			...(s as unknown as IDataObject),
			...(failed ? { reasons: [...s.reasons, failed.reason], sourceFailures: failed.list } : {}),
			metrics: { ...s.metrics, ...counts },
			...(warning ? { warning } : {}),
		};
		outputs[levelRank(s.level)].push({ json, pairedItem: paired.length ? paired : [{ item: Math.max(0, batch.itemIndex[batch.itemIndex.length - 1] ?? 0) }] });
	}
	if (batch.errors.length) outputs[0].push(...batch.errors);
	return outputs;
}
