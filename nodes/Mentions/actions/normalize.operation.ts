/**
 * Mentions › Normalize: incoming JSON items or CSV rows (exports or webhooks of
 * Brandwatch, Talkwalker, Mention.com, or anything mapped by field paths) → Mention records.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { validateMention, formatMentionErrors } from '../../../core/mention/validateMention';
import { SourceItemError } from '../../../core/sources/errors';
import { mapImportedRecord, parseCsv, PRESETS, valueAt, type FieldMap } from '../../../core/sources/import/mapImport';
import { splitList } from '../sources/mentionSource';

const show = { operation: ['normalize'] };
const custom = { show: { ...show, preset: ['custom'] } };

const FIELDS: Array<[keyof FieldMap, string, string]> = [
	['id', 'ID Field', 'id'],
	['publishedAt', 'Date Field', 'date'],
	['text', 'Text Field', 'text'],
	['title', 'Title Field', 'title'],
	['url', 'URL Field', 'url'],
	['authorHandle', 'Author Handle Field', 'author'],
	['authorName', 'Author Name Field', 'authorName'],
	['followers', 'Followers Field', 'followers'],
	['language', 'Language Field', 'language'],
	['platform', 'Platform Field', 'platform'],
	['likes', 'Likes Field', 'likes'],
	['shares', 'Shares Field', 'shares'],
	['replies', 'Replies Field', 'replies'],
];

export const description: INodeProperties[] = [
	{
		displayName: 'Input',
		name: 'inputFormat',
		type: 'options',
		options: [
			{ name: 'Items (JSON or CSV Rows)', value: 'items', description: 'Each incoming item is one record (e.g. from a webhook or Extract From File)' },
			{ name: 'CSV Text in a Field', value: 'csvField', description: 'A field holds a whole CSV export' },
			{ name: 'Array in a Field', value: 'arrayField', description: 'A field holds an array of records (e.g. a webhook batch)' },
		],
		default: 'items',
		displayOptions: { show },
	},
	{
		displayName: 'Field',
		name: 'sourceField',
		type: 'string',
		default: 'data',
		description: 'Path of the field with the CSV text or the array',
		displayOptions: { show: { ...show, inputFormat: ['csvField', 'arrayField'] } },
	},
	{
		displayName: 'Format',
		name: 'preset',
		type: 'options',
		options: [
			{ name: 'Brandwatch', value: 'brandwatch' },
			{ name: 'Custom Field Paths', value: 'custom' },
			{ name: 'Mention.com', value: 'mentionCom' },
			{ name: 'Talkwalker', value: 'talkwalker' },
		],
		default: 'brandwatch',
		displayOptions: { show },
	},
	...FIELDS.map(([name, displayName, def]): INodeProperties => ({
		displayName,
		name: `field_${name}`,
		type: 'string',
		default: def,
		description: `Path of the field holding the mention's ${name} (dots for nesting; several paths comma-separated, first non-empty wins)`,
		displayOptions: custom,
	})),
	{
		displayName: 'Tool Name',
		name: 'toolName',
		type: 'string',
		default: '',
		placeholder: 'brandwatch',
		description: 'Written into Mention.source as import:&lt;tool&gt;; empty uses the format name',
		displayOptions: { show },
	},
	{
		displayName: 'Include Raw Payload',
		name: 'includeRaw',
		type: 'boolean',
		default: false,
		description: 'Whether to keep the imported record in a `raw` field',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const item = this.getInputData()[i];
	const inputFormat = this.getNodeParameter('inputFormat', i, 'items') as string;
	const preset = this.getNodeParameter('preset', i) as string;
	const includeRaw = this.getNodeParameter('includeRaw', i, false) as boolean;
	const tool = (this.getNodeParameter('toolName', i, '') as string).trim() || preset;
	let fields: FieldMap;
	if (preset === 'custom') {
		fields = {};
		for (const [name] of FIELDS) fields[name] = splitList(this.getNodeParameter(`field_${name}`, i, ''));
	} else {
		fields = PRESETS[preset as keyof typeof PRESETS];
		if (!fields) throw new NodeOperationError(this.getNode(), `Unknown format "${preset}"`, { itemIndex: i });
	}
	let records: unknown[] = [item.json];
	if (inputFormat !== 'items') {
		const path = this.getNodeParameter('sourceField', i, 'data') as string;
		const value = valueAt(item.json as Record<string, unknown>, path);
		if (inputFormat === 'csvField') {
			if (typeof value !== 'string') {
				throw new NodeOperationError(this.getNode(), `Field "${path}" of item ${i} holds no CSV text`, { itemIndex: i });
			}
			records = parseCsv(value);
		} else {
			if (!Array.isArray(value)) {
				throw new NodeOperationError(this.getNode(), `Field "${path}" of item ${i} is not an array`, { itemIndex: i });
			}
			records = value;
		}
	}
	const fetchedAt = new Date().toISOString();
	const out: INodeExecutionData[] = [];
	for (let r = 0; r < records.length; r++) {
		const record = records[r];
		const where = records.length > 1 || inputFormat !== 'items' ? `record ${r} of item ${i}` : `item ${i}`;
		if (typeof record !== 'object' || record === null || Array.isArray(record)) {
			throw new NodeOperationError(this.getNode(), `${where} is not an object`, { itemIndex: i });
		}
		let problem: string | null = null;
		let mapped = null;
		try {
			mapped = mapImportedRecord(record as Record<string, unknown>, fields, { tool, fetchedAt });
		} catch (error) {
			problem = error instanceof SourceItemError ? `${error.field}: ${error.reason}` : String(error);
		}
		if (problem !== null || !mapped) {
			throw new NodeOperationError(this.getNode(), `Cannot normalize ${where}: ${problem}`, {
				itemIndex: i,
				description: `Format "${preset}". Check the field paths (custom format) or the export columns.`,
			});
		}
		const checked = validateMention(mapped);
		if (!checked.ok) {
			throw new NodeOperationError(this.getNode(), `Cannot normalize ${where}: ${formatMentionErrors(checked.errors)}`, { itemIndex: i });
		}
		const json = { ...checked.mention } as unknown as IDataObject;
		if (!includeRaw) delete json.raw;
		out.push({ json, pairedItem: { item: i } });
	}
	return out;
}
