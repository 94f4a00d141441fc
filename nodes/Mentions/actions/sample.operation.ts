import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { getSample, replaySample, SAMPLE_NAMES, UnknownSampleError } from '../../../core/samples/sampleCatalog';
import { includeRawOption } from './readResults';

const show = { show: { operation: ['getSample'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Sample',
		name: 'sampleName',
		type: 'options',
		options: [
			{
				name: 'Orvia Data Leak (EN + FR, 638 Mentions, 6 Days)',
				value: 'orvia-data-leak',
				description:
					'A fictional neobank: calm baseline, weak signal, #OrviaLeak spike, decay (2–7 March 2026)',
			},
		],
		default: 'orvia-data-leak',
		description: 'Which shipped sample crisis to replay. Lets a workflow run offline, before any credential is added.',
		displayOptions: show,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'End At',
				name: 'endAt',
				type: 'dateTime',
				default: '',
				description:
					'Shift all dates so the last mention falls at this time (e.g. {{ $now }}), to make the sample look live. Empty keeps the original dates.',
			},
			{
				displayName: 'From',
				name: 'from',
				type: 'dateTime',
				default: '',
				description: 'Only mentions published at or after this time (after any shift)',
			},
			includeRawOption(),
			{
				displayName: 'Max Mentions',
				name: 'maxMentions',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Max number of mentions to return (earliest first); 0 returns all',
			},
			{
				displayName: 'To',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'Only mentions published before this time (after any shift)',
			},
		],
	},
];

function isoOrNull(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	const ms = Date.parse(String(value));
	return Number.isFinite(ms) ? new Date(ms).toISOString() : String(value);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const name = this.getNodeParameter('sampleName', i) as string;
	const options = this.getNodeParameter('options', i, {}) as {
		endAt?: string;
		from?: string;
		to?: string;
		maxMentions?: number;
		includeRaw?: boolean;
	};
	let sample;
	try {
		sample = getSample(name);
	} catch (error) {
		if (error instanceof UnknownSampleError) {
			throw new NodeOperationError(this.getNode(), `Unknown sample "${name}" (parameter "Sample", item ${i})`, {
				itemIndex: i,
				description: `Available samples: ${SAMPLE_NAMES.join(', ')}`,
			});
		}
		throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
	}
	const mentions = replaySample(sample, {
		endAt: isoOrNull(options.endAt),
		from: isoOrNull(options.from),
		to: isoOrNull(options.to),
		limit: options.maxMentions,
	});
	return mentions.map((m) => {
		if (!options.includeRaw) delete m.raw;
		return { json: m as unknown as INodeExecutionData['json'], pairedItem: { item: i } };
	});
}
