/**
 * Mentions Trigger: polls any set of sources for a query and emits each new mention once.
 * Programmatic polling node: one cursor per source (per stream inside it) lives in the
 * workflow's static data and moves only after the mentions it covers are returned;
 * manual runs return recent mentions and move nothing. See docs/sources.md.
 */
import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import {
	policyOptions,
	queryProperties,
	readSourceInputs,
	SOURCE_OPTIONS,
	sourceCredentials,
	sourceSettingsProperties,
} from './actions/sourceParameters';
import { listSubtitle } from '../shared/subtitle';
import { includeRawOption } from './actions/readResults';
import { failureItem, MENTION_OUTPUTS, routeFailures, sourceFailureRouting, sourceFailuresOption } from './sources/failures';
import { runPoll } from './sources/poll';
import { dedupeMemoryOf, MAX_DEDUPE_MEMORY, readStateChecked } from './sources/pollState';
import { credentialLabel } from './transport/request';

/**
 * Polls in flight in this process. n8n can start a poll while the previous one of the same
 * trigger is still running (the queue tier saw two polls start within a millisecond on a loaded
 * main, and the durable scheduler's activation poll 0.3 s before its first tick); both would read
 * the same cursors and emit the same mentions. Polls run on the main (the leader), so a key per
 * workflow and node in this process is enough; without a workflow id, the static-data object
 * (shared by the polls of one workflow) is the key.
 */
const pollsInFlight = new Set<string>();
const pollsInFlightByState = new WeakSet<object>();

function pollKey(ctx: IPollFunctions): string | null {
	const workflow = typeof ctx.getWorkflow === 'function' ? ctx.getWorkflow() : null;
	return workflow && workflow.id ? `${workflow.id}\u0000${ctx.getNode().name}` : null;
}

export class MentionsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mentions Trigger',
		name: 'mentionsTrigger',
		icon: { light: 'file:mentions.svg', dark: 'file:mentions.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: listSubtitle('sources', SOURCE_OPTIONS),
		// n8n's node creator shows this node and Mentions as one "Mentions" entry (same name but
		// "Trigger", and Mentions has actions) with this text: it must fit both.
		description:
			'Brand mentions from Reddit, Hacker News, Mastodon, Bluesky, RSS, X, YouTube or the App Store: start a workflow on each new one (trigger), or search, read replies and import on demand (actions)',
		defaults: { name: 'Mentions Trigger' },
		polling: true,
		inputs: [],
		outputs: MENTION_OUTPUTS,
		credentials: sourceCredentials(),
		properties: [
			{
				displayName: 'Sources',
				name: 'sources',
				type: 'multiOptions',
				options: SOURCE_OPTIONS,
				default: ['hackernews'],
				required: true,
				description: 'Where to look. Each source keeps its own cursor; one failing source never blocks the others.',
			},
			...queryProperties(),
			...sourceSettingsProperties(),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					...policyOptions,
					{
						displayName: 'Dedupe Memory',
						name: 'dedupeMemory',
						type: 'number',
						typeOptions: { minValue: 100, maxValue: MAX_DEDUPE_MEMORY },
						default: 5000,
						description: 'How many recent mention IDs and stories are remembered to drop repeats (bounded static data)',
					},
					{
						displayName: 'Drop Duplicate Stories',
						name: 'dropDuplicateStories',
						type: 'boolean',
						default: false,
						description: 'Whether to drop a mention whose story (same link) was already emitted from another source, instead of emitting it with story.duplicate = true',
					},
					{
						displayName: 'First Poll',
						name: 'firstPoll',
						type: 'options',
						options: [
							{ name: 'Emit Recent Mentions', value: 'emitRecent', description: 'The first page of each source' },
							{ name: 'Start From Now', value: 'skip', description: 'Only mentions that appear after activation' },
						],
						default: 'emitRecent',
					},
					includeRawOption(),
					{
						displayName: 'Max Pages per Poll',
						name: 'maxPages',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 50 },
						default: 10,
						description: 'Pages read per source stream per poll; a larger backlog resumes at the next poll (nothing is skipped)',
					},
					sourceFailuresOption,
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const inputs = readSourceInputs((name, fallback) => this.getNodeParameter(name, fallback), options);
		const manual = this.getMode() === 'manual';
		const staticData = this.getWorkflowStaticData('node');
		if (manual) return await pollOnce.call(this, staticData, options, inputs, manual);
		const key = pollKey(this);
		if (key !== null ? pollsInFlight.has(key) : pollsInFlightByState.has(staticData)) {
			this.logger.warn('Mentions Trigger: the previous poll is still running; this poll is skipped (nothing is lost: the next poll reads from the cursors)');
			return null;
		}
		if (key !== null) pollsInFlight.add(key);
		else pollsInFlightByState.add(staticData);
		try {
			return await pollOnce.call(this, staticData, options, inputs, manual);
		} finally {
			if (key !== null) pollsInFlight.delete(key);
			else pollsInFlightByState.delete(staticData);
		}
	}
}

/** One poll: read the state, poll every source, build the items, store the state last. */
async function pollOnce(
	this: IPollFunctions,
	staticData: IDataObject,
	options: IDataObject,
	inputs: ReturnType<typeof readSourceInputs>,
	manual: boolean,
): Promise<INodeExecutionData[][] | null> {
	const stored = readStateChecked(staticData);
	// A malformed state is reset part by part, never a crash: say what was reset.
	for (const w of stored.warnings) this.logger.warn(`Mentions Trigger: state reset: ${w}`);
	const outcome = await runPoll(
		this,
		{
			...inputs,
			maxPages: Number(options.maxPages ?? 10),
			dedupeMemory: dedupeMemoryOf(options.dedupeMemory),
			firstPoll: options.firstPoll === 'skip' ? 'skip' : 'emitRecent',
			manual,
			now: new Date().toISOString(),
		},
		stored.state,
	);
	const saveState = () => {
		// Stored last: the cursors cover exactly the mentions returned by this poll.
		staticData.version = outcome.state.version;
		staticData.sources = outcome.state.sources as unknown as IDataObject;
		staticData.seenIds = outcome.state.seenIds as unknown as IDataObject;
		staticData.seenStories = outcome.state.seenStories as unknown as IDataObject;
	};
	if (outcome.succeeded === 0 && outcome.failures.length > 0 && outcome.mentions.length === 0) {
		if (!manual && outcome.failures.every((f) => f.kind === 'rateLimited' || f.kind === 'quotaExceeded')) {
			// Every source is rate-limited: throwing would discard the static data (n8n saves it only
			// when poll returns), so the stored retryAt would be lost and the API hit every poll.
			// Keep the cursors, remember when to retry, emit nothing.
			for (const f of outcome.failures) this.logger.warn(`Mentions Trigger: ${f.message} (${f.hint})`);
			saveState();
			return null;
		}
		const first = outcome.failures[0];
		throw new NodeApiError(
			this.getNode(),
			{ message: first.message, failures: outcome.failures.map((f) => f.message).join(' | ') },
			{
				message: outcome.failures.map((f) => f.message).join('; '),
				description: `${first.hint} Credential: ${credentialLabel(first.credentialType)}. No cursor moved.`,
				httpCode: first.status ? String(first.status) : undefined,
			},
		);
	}
	const dropDuplicates = options.dropDuplicateStories === true;
	const items: INodeExecutionData[] = [];
	const failures: INodeExecutionData[] = [];
	for (const { mention, story } of outcome.mentions) {
		if (dropDuplicates && story.duplicate) continue;
		const json = { ...mention, story } as unknown as IDataObject;
		if (!options.includeRaw) delete json.raw;
		items.push({ json });
	}
	for (const f of outcome.failures) {
		this.logger.warn(`Mentions Trigger: ${f.message} (${f.hint})`);
		failures.push(failureItem(f));
	}
	if (!manual) saveState();
	const outputs = routeFailures(sourceFailureRouting(options.sourceFailures), items, failures);
	return outputs[0].length || outputs[1].length ? outputs : null;
}
