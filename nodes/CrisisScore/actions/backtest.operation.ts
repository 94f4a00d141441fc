import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { levelThresholdsOf } from '../../../core/document/levelThresholds';
import { backtestCounts, backtestSituations } from '../../../core/scoring/backtestSituations';
import type { LabelledIncident } from '../../../core/scoring/backtestSituations';
import { isLevel } from '../../../core/levels';
import type { Level } from '../../../core/levels';
import { crisisDocumentProperties, readCrisisDocument } from '../../shared/crisisDocument';
import { uniqueFailures } from '../../shared/sourceFailures';
import { nowOption, resolveNow } from '../../shared/now';
import { readBatch } from './batch';

const show = { show: { operation: ['backtest'] } };

export const description: INodeProperties[] = [
	...crisisDocumentProperties(show, 'Its `levels` thresholds are the ones tested.'),
	{
		displayName: 'Labelled Incidents',
		name: 'incidents',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add incident',
		default: {},
		displayOptions: show,
		description: 'Past crises you know of: the backtest measures how long after their start each would have been detected',
		options: [
			{
				displayName: 'Incident',
				name: 'incident',
				values: [
					{ displayName: 'Label', name: 'label', type: 'string', default: '' },
					{ displayName: 'Start', name: 'start', type: 'dateTime', default: '' },
					{ displayName: 'End', name: 'end', type: 'dateTime', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'backtestOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Alert Level',
				name: 'alertLevel',
				type: 'options',
				options: [
					{ name: 'Watch', value: 'watch' },
					{ name: 'Alert', value: 'alert' },
					{ name: 'Crisis', value: 'crisis' },
					{ name: 'Critical', value: 'critical' },
				],
				default: 'alert',
				description: 'Lowest level that counts as an alert (alerts per week, detection, false alarms)',
			},
			{
				displayName: 'Bucket Minutes',
				name: 'bucketMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 15,
			},
			nowOption('End of the backtest. Empty uses the execution time.'),
		],
	},
];

export async function execute(this: IExecuteFunctions, executionNow: string): Promise<INodeExecutionData[][]> {
	const options = this.getNodeParameter('backtestOptions', 0, {}) as { alertLevel?: string; bucketMinutes?: number; now?: string };
	const now = resolveNow.call(this, options.now, 0, executionNow);
	const document = readCrisisDocument.call(this, 0);
	const raw = this.getNodeParameter('incidents', 0, {}) as { incident?: Array<{ label?: string; start?: string; end?: string }> };
	const incidents: LabelledIncident[] = [];
	for (const [k, inc] of (raw.incident ?? []).entries()) {
		const start = Date.parse(String(inc.start ?? ''));
		const end = Date.parse(String(inc.end ?? ''));
		if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) {
			throw new NodeOperationError(this.getNode(), `Labelled incident ${k + 1} needs a Start before its End`, { itemIndex: 0 });
		}
		incidents.push({ label: inc.label || undefined, start: new Date(start).toISOString(), end: new Date(end).toISOString() });
	}
	const alertLevel: Level = isLevel(options.alertLevel) ? options.alertLevel : 'alert';
	const config = { thresholds: levelThresholdsOf(document), ...(options.bucketMinutes ? { bucketMinutes: options.bucketMinutes } : {}) };
	// A past counts series (`{ timestamp, count }` or `{ timestamp, value }` per item, no texts) is backtested on volume.
	const items = this.getInputData();
	const countOf = (j: IDataObject) => (typeof j.count === 'number' ? j.count : typeof j.value === 'number' ? j.value : undefined);
	if (items.length > 0 && items.every((it) => it.json.publishedAt === undefined && it.json.timestamp !== undefined && countOf(it.json) !== undefined)) {
		const counts = items.map((it) => ({ timestamp: it.json.timestamp as string | number, value: countOf(it.json) as number }));
		const result = backtestCounts(counts, now, incidents, config, alertLevel);
		return [[{ json: { ...(result as unknown as IDataObject), input: 'counts' }, pairedItem: items.map((_, item) => ({ item })) }]];
	}
	const batch = readBatch.call(this, now);
	if (!batch.mentions.length) {
		throw new NodeOperationError(this.getNode(), 'Nothing to backtest: no valid mention in the input', { itemIndex: 0 });
	}
	const result = backtestSituations(batch.mentions, now, incidents, config, alertLevel);
	const json: IDataObject = { ...(result as unknown as IDataObject), duplicateMentions: batch.duplicates, futureMentions: batch.future };
	if (batch.failures.length) json.sourceFailures = uniqueFailures(batch.failures) as unknown as IDataObject[];
	return [[{ json, pairedItem: batch.itemIndex.map((item) => ({ item })) }, ...batch.errors]];
}
