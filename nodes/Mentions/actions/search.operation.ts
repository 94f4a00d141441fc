/**
 * Mentions › Search and › Get Account Posts: one read over the selected sources for a
 * time range (luxon), newest first, limited or all. Uses the trigger's reader without a
 * cursor; a failing source gives a failure item (routed by the Source Failures option) and
 * the others still return.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';
import type { Mention } from '../../../core/mention/mention';
import { SourceQueryError } from '../../../core/sources/errors';
import { matchesQuery, parseQuery } from '../../../core/sources/query';
import { collectStream } from '../sources/collect';
import type { MentionSource, SourceEnv, SourceFailure, StreamSpec } from '../sources/mentionSource';
import { SOURCES } from '../sources/registry';
import { failureItem, routeFailures, sourceFailureRouting, sourceFailuresOption } from '../sources/failures';
import { includeRawOption, itemCredentialBaseUrl, mentionItems, readApiError, returnAllProperties } from './readResults';
import { policyOptions, queryProperties, readSourceInputs, SOURCE_OPTIONS, sourceSettingsProperties } from './sourceParameters';

const both = { operation: ['search', 'getAccountPosts'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Sources',
		name: 'sources',
		type: 'multiOptions',
		options: SOURCE_OPTIONS,
		default: ['hackernews'],
		required: true,
		displayOptions: { show: both },
	},
	...queryProperties({ operation: ['search'] }),
	{
		displayName: 'Accounts',
		name: 'accounts',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'orvia_support, journalist@mastodon.social, someone.bsky.social',
		description: 'Watch list of influential accounts, comma-separated: their recent posts are returned',
		displayOptions: { show: { operation: ['getAccountPosts'] } },
	},
	...sourceSettingsProperties(both),
	{
		displayName: 'Time Range',
		name: 'timeRange',
		type: 'options',
		options: [
			{ name: 'Custom', value: 'custom' },
			{ name: 'Last 24 Hours', value: 'lastDay' },
			{ name: 'Last 30 Days', value: 'lastMonth' },
			{ name: 'Last 7 Days', value: 'lastWeek' },
			{ name: 'Last Hour', value: 'lastHour' },
		],
		default: 'lastDay',
		displayOptions: { show: both },
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		description: 'Start of the range (inclusive)',
		displayOptions: { show: { ...both, timeRange: ['custom'] } },
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		description: 'End of the range (exclusive); empty = now',
		displayOptions: { show: { ...both, timeRange: ['custom'] } },
	},
	...returnAllProperties(both),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: both },
		options: [
			...policyOptions,
			includeRawOption(),
			{
				displayName: 'Max Pages per Source',
				name: 'maxPages',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 10,
				description: 'Page cap per source stream (each page is one API call and, on YouTube, 100 quota units)',
			},
			sourceFailuresOption,
		],
	},
];

/** The range as RFC3339 UTC, computed with luxon from "now". */
export function timeRange(range: string, from: unknown, to: unknown, now: DateTime): { from: string; to: string | null } {
	const parse = (v: unknown): DateTime | null => {
		if (v === undefined || v === null || v === '') return null;
		if (v instanceof DateTime) return v;
		const d = DateTime.fromISO(String(v), { zone: 'utc' });
		return d.isValid ? d : null;
	};
	const back = { lastHour: { hours: 1 }, lastDay: { days: 1 }, lastWeek: { days: 7 }, lastMonth: { days: 30 } }[range];
	if (back) return { from: now.minus(back).toUTC().toISO() as string, to: null };
	const start = parse(from) ?? now.minus({ days: 1 });
	const end = parse(to);
	return { from: start.toUTC().toISO() as string, to: end ? (end.toUTC().toISO() as string) : null };
}

type SearchFailure = SourceFailure & { stream: string | null; cursorMoved: false };

/** One search as the item's parameters ask for it. */
interface SearchPlan {
	inputs: ReturnType<typeof readSourceInputs>;
	returnAll: boolean;
	limit: number | undefined;
	range: { from: string; to: string | null };
	fetchedAt: string;
	maxPages: number;
}

function readSearchPlan(ctx: IExecuteFunctions, i: number, options: IDataObject): SearchPlan {
	const operation = ctx.getNodeParameter('operation', i) as string;
	const inputs = readSourceInputs((name, fallback) => ctx.getNodeParameter(name, i, fallback), options);
	if (operation === 'getAccountPosts') {
		inputs.query = parseQuery({ accounts: ctx.getNodeParameter('accounts', i) as string });
		if (inputs.query.accounts.length === 0) {
			throw new NodeOperationError(ctx.getNode(), 'Accounts is empty (parameter "Accounts")', {
				itemIndex: i,
				description: 'Add at least one handle, e.g. orvia_support',
			});
		}
	}
	const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? undefined : (ctx.getNodeParameter('limit', i, 50) as number);
	const range = timeRange(
		ctx.getNodeParameter('timeRange', i, 'lastDay') as string,
		ctx.getNodeParameter('from', i, ''),
		ctx.getNodeParameter('to', i, ''),
		DateTime.utc(),
	);
	const fetchedAt = DateTime.utc().toISO() as string;
	return { inputs, returnAll, limit, range, fetchedAt, maxPages: Number(options.maxPages ?? 10) };
}

/**
 * Reads every stream of one source into `found` (first seen wins), within the range and the
 * query; its failures go to `failures`. True when every stream of the source was read.
 */
async function searchSource(
	ctx: IExecuteFunctions,
	i: number,
	name: string,
	source: MentionSource,
	plan: SearchPlan,
	found: Map<string, Mention>,
	failures: SearchFailure[],
): Promise<boolean> {
	const { inputs, range, limit } = plan;
	const credentialType = source.credentialType(inputs.settings);
	let streams: StreamSpec[] = [];
	let queryError: string | null = null;
	try {
		streams = source.streams(inputs.query, inputs.settings);
	} catch (error) {
		queryError = error instanceof SourceQueryError || error instanceof Error ? error.message : String(error);
	}
	if (queryError !== null) {
		failures.push({ source: name, status: 0, kind: 'badRequest', retryAt: null, message: queryError, hint: 'This source cannot express the query.', credentialType, attempts: 0, stream: null, cursorMoved: false });
		return false;
	}
	const baseUrl = await itemCredentialBaseUrl(ctx, credentialType, i);
	const env: SourceEnv = { settings: inputs.settings, policy: inputs.policy, fetchedAt: plan.fetchedAt, credentialBaseUrl: baseUrl, until: range.to };
	let ok = true;
	for (const stream of streams) {
		const result = await collectStream(
			ctx,
			source,
			env,
			stream,
			{ watermark: { publishedAt: range.from, sinceId: null, position: null }, pending: null },
			{ maxPages: plan.returnAll ? Math.max(plan.maxPages, 20) : plan.maxPages, limit },
		);
		if (!result.ok) {
			ok = false;
			failures.push({ ...result.failure, stream: stream.id, cursorMoved: false });
			continue;
		}
		for (const m of result.mentions) {
			if (m.publishedAt < range.from || (range.to && m.publishedAt >= range.to)) continue;
			if (source.filtersByQuery(stream) && !matchesQuery(m, inputs.query)) continue;
			if (!found.has(m.id)) found.set(m.id, m);
		}
	}
	return ok;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[][]> {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const plan = readSearchPlan(this, i, options);
	const failures: SearchFailure[] = [];
	const found = new Map<string, Mention>();
	let succeeded = 0;
	for (const name of plan.inputs.sources) {
		const source = SOURCES[name];
		if (!source) continue;
		// A source whose query fails counts as not succeeded (as a failed stream does).
		if (await searchSource(this, i, name, source, plan, found, failures)) succeeded++;
	}
	if (succeeded === 0 && failures.length > 0) throw readApiError(this, failures, i, false);
	let mentions = [...found.values()].sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0));
	if (plan.limit !== undefined) mentions = mentions.slice(0, plan.limit);
	const out = mentionItems(mentions, options.includeRaw, i);
	const failed = failures.map((f): INodeExecutionData => ({ ...failureItem(f), pairedItem: { item: i } }));
	return routeFailures(sourceFailureRouting(options.sourceFailures), out, failed);
}
