/**
 * One poll over every selected source: read each stream from its cursor, drop mentions
 * already emitted (bounded seen-id set), apply the query, mark cross-source duplicates of
 * one story, and build the next state. Nothing is written here: the trigger stores
 * `state` only after it has built the items it returns, and a failed stream keeps its
 * previous cursor.
 */
import type { IDataObject } from 'n8n-workflow';
import type { Mention } from '../../../core/mention/mention';
import { createSeenSet, storyKey, type SeenSetState } from '../../../core/sources/dedupe';
import { SourceQueryError } from '../../../core/sources/errors';
import { matchesQuery, type MentionQuery } from '../../../core/sources/query';
import { credentialLabel, type FetchContext, type RequestPolicy } from '../transport/request';
import { collectStream, type StreamState } from './collect';
import type { FailureReport } from './failures';
import type { MentionSource, SourceEnv, SourceName, SourceSettings, StreamSpec } from './mentionSource';
import { pruneStreams, readStateChecked, seenKey } from './pollState';
import { SOURCES } from './registry';

export interface SourceState {
	streams: Record<string, StreamState>;
	/** Rate limit or quota: the source is not called before this time (RFC3339). */
	retryAt: string | null;
	lastPollAt: string | null;
	lastError: string | null;
	emitted: number;
}

export interface PollState {
	version: 1;
	sources: Record<string, SourceState>;
	seenIds: SeenSetState | null;
	seenStories: SeenSetState | null;
}

export interface PollPlan {
	sources: SourceName[];
	query: MentionQuery;
	settings: SourceSettings;
	policy: RequestPolicy;
	maxPages: number;
	/** Bound of the seen-id and seen-story sets. */
	dedupeMemory: number;
	firstPoll: 'emitRecent' | 'skip';
	/** Manual run: read the first page of each stream, keep no state. */
	manual: boolean;
	now: string;
}

export interface EmittedMention {
	mention: Mention;
	story: { key: string; duplicate: boolean };
}

export type { FailureReport };

export interface PollOutcome {
	mentions: EmittedMention[];
	failures: FailureReport[];
	/** Sources (or streams) that ran fine. */
	succeeded: number;
	/** A stream hit the page cap; it resumes next poll. */
	capped: string[];
	state: PollState;
	calls: number;
}

export function emptyState(): PollState {
	return { version: 1, sources: {}, seenIds: null, seenStories: null };
}

/** Reads the stored state defensively (anything malformed starts afresh for that part; see pollState.ts). */
export function readState(stored: IDataObject): PollState {
	return readStateChecked(stored).state;
}

function sourceState(state: PollState, name: string): SourceState {
	const existing = state.sources[name];
	if (existing && typeof existing.streams === 'object' && existing.streams !== null) return existing;
	const fresh: SourceState = { streams: {}, retryAt: null, lastPollAt: null, lastError: null, emitted: 0 };
	state.sources[name] = fresh;
	return fresh;
}

async function credentialBaseUrl(ctx: FetchContext, type: string): Promise<string | null> {
	const credentials = await ctx.getCredentials(type);
	const url = credentials?.baseUrl;
	return typeof url === 'string' && url.trim() !== '' ? url.trim().replace(/\/+$/, '') : null;
}

function configFailure(source: string, credentialType: string | null, message: string, hint: string): FailureReport {
	return {
		source,
		status: 0,
		kind: 'badRequest',
		retryAt: null,
		message,
		hint,
		credentialType,
		attempts: 0,
		stream: null,
		cursorMoved: false,
	};
}

function minutesSince(iso: string | null | undefined, now: string): number {
	if (!iso) return Infinity;
	return (Date.parse(now) - Date.parse(iso)) / 60000;
}

/** What the sources' reads of one poll gather before the mentions are deduplicated. */
interface PollRun {
	failures: FailureReport[];
	capped: string[];
	staged: Array<{ mention: Mention; filter: boolean; quiet: boolean }>;
	calls: number;
}

function emptyStreamsHint(name: string): string {
	return name === 'rss'
		? 'Add at least one feed URL.'
		: name === 'appstore'
			? 'Set the App Store app id.'
			: name === 'youtube'
				? 'Add video ids (comments mode) or a keyword (search mode).'
				: 'Add a hashtag (public timelines) or select an access token for full-text search.';
}

/** The source's streams and its request environment, or the configuration failure that stops it. */
async function prepareSource(
	ctx: FetchContext,
	name: string,
	source: MentionSource,
	plan: PollPlan,
): Promise<{ streams: StreamSpec[]; env: SourceEnv } | FailureReport> {
	const credentialType = source.credentialType(plan.settings);
	let streams: StreamSpec[];
	try {
		streams = source.streams(plan.query, plan.settings);
	} catch (error) {
		const reason = error instanceof SourceQueryError ? error.message : String(error);
		return configFailure(name, credentialType, reason, 'Adjust the query for this source (see README › Sources).');
	}
	if (streams.length === 0) {
		return configFailure(name, credentialType, `${name}: nothing to read with these settings`, emptyStreamsHint(name));
	}
	let baseUrl: string | null = null;
	if (credentialType) {
		let missing: string | null = null;
		try {
			baseUrl = await credentialBaseUrl(ctx, credentialType);
		} catch (error) {
			missing = (error as Error).message;
		}
		if (missing !== null) {
			return {
				...configFailure(name, credentialType, `${name}: credential ${credentialLabel(credentialType)} is not usable: ${missing}`, 'Select a credential for this source in the node.'),
				kind: 'unauthorized',
			};
		}
	}
	return { streams, env: { settings: plan.settings, policy: plan.policy, fetchedAt: plan.now, credentialBaseUrl: baseUrl, until: null } };
}

/**
 * Reads each stream of one source from its cursor and stages its mentions; a rate limit stops
 * the source for this poll. True when every stream read fine.
 */
async function pollStreams(
	ctx: FetchContext,
	name: string,
	source: MentionSource,
	prepared: { streams: StreamSpec[]; env: SourceEnv },
	sState: SourceState,
	plan: PollPlan,
	run: PollRun,
): Promise<boolean> {
	let sourceOk = true;
	for (const stream of prepared.streams) {
		const previousStream = plan.manual ? null : (sState.streams[stream.id] ?? null);
		const interval = source.minIntervalMinutes ? source.minIntervalMinutes(stream, plan.settings) : 0;
		if (!plan.manual && interval > 0 && minutesSince(previousStream?.lastFetchedAt, plan.now) < interval) continue;
		const result = await collectStream(ctx, source, prepared.env, stream, previousStream, { maxPages: plan.maxPages });
		run.calls += result.calls;
		if (!result.ok) {
			sourceOk = false;
			run.failures.push({ ...result.failure, stream: stream.id, cursorMoved: false });
			if (!plan.manual) sState.lastError = result.failure.message.slice(0, 500);
			if (result.failure.kind === 'rateLimited' || result.failure.kind === 'quotaExceeded') {
				if (!plan.manual) sState.retryAt = result.failure.retryAt;
				break; // stop this source for this poll
			}
			continue;
		}
		if (result.capped) run.capped.push(`${name}:${stream.id}`);
		const quiet = !plan.manual && previousStream === null && plan.firstPoll === 'skip';
		for (const mention of result.mentions) run.staged.push({ mention, filter: source.filtersByQuery(stream), quiet });
		if (!plan.manual) sState.streams[stream.id] = result.state;
	}
	return sourceOk;
}

/** Polls one source into `run`; true when it ran fine. */
async function pollSource(ctx: FetchContext, name: SourceName, plan: PollPlan, state: PollState, run: PollRun): Promise<boolean> {
	const source = SOURCES[name];
	if (!source) {
		run.failures.push(configFailure(name, null, `Unknown source "${name}"`, `Sources: ${Object.keys(SOURCES).join(', ')}`));
		return false;
	}
	const sState = plan.manual ? { streams: {}, retryAt: null, lastPollAt: null, lastError: null, emitted: 0 } : sourceState(state, name);
	if (!plan.manual && sState.retryAt && Date.parse(sState.retryAt) > Date.parse(plan.now)) {
		run.failures.push({
			source: name,
			status: 429,
			kind: 'rateLimited',
			retryAt: sState.retryAt,
			message: `${name}: skipped this poll: rate limit or quota until ${sState.retryAt}`,
			hint: 'The source resumes by itself after that time; its cursor did not move.',
			credentialType: source.credentialType(plan.settings),
			attempts: 0,
			stream: null,
			cursorMoved: false,
		});
		return false;
	}
	const prepared = await prepareSource(ctx, name, source, plan);
	if (!('streams' in prepared)) {
		run.failures.push(prepared);
		return false;
	}
	const sourceOk = await pollStreams(ctx, name, source, prepared, sState, plan, run);
	if (sourceOk && !plan.manual) {
		sState.retryAt = null;
		sState.lastError = null;
	}
	if (!plan.manual) {
		sState.lastPollAt = plan.now;
		pruneStreams(sState, new Set(prepared.streams.map((st) => st.id)));
	}
	return sourceOk;
}

/**
 * The staged mentions in time order, minus those already emitted (seen-id set), the quiet
 * ones of a first poll and those the query rejects; each marked when its story was seen.
 * Updates the seen sets and the per-source counts in `state` (not on manual runs).
 */
function emitNew(staged: PollRun['staged'], plan: PollPlan, state: PollState): EmittedMention[] {
	const seenIds = createSeenSet(plan.dedupeMemory, plan.manual ? undefined : state.seenIds);
	const seenStories = createSeenSet(plan.dedupeMemory, plan.manual ? undefined : state.seenStories);
	staged.sort((a, b) => (a.mention.publishedAt < b.mention.publishedAt ? -1 : a.mention.publishedAt > b.mention.publishedAt ? 1 : 0));
	const mentions: EmittedMention[] = [];
	for (const { mention, filter, quiet } of staged) {
		const idKey = seenKey(mention.id);
		if (seenIds.has(idKey)) continue;
		seenIds.add(idKey);
		if (quiet) continue;
		if (filter && !matchesQuery(mention, plan.query)) continue;
		const key = storyKey(mention);
		const duplicate = !seenStories.add(seenKey(key));
		mentions.push({ mention, story: { key, duplicate } });
	}
	if (!plan.manual) {
		state.seenIds = seenIds.toJSON();
		state.seenStories = seenStories.toJSON();
		for (const m of mentions) {
			const name = m.mention.platform === 'sample' || m.mention.platform === 'import' ? null : m.mention.platform;
			if (name && state.sources[name]) state.sources[name].emitted += 1;
		}
	}
	return mentions;
}

export async function runPoll(ctx: FetchContext, plan: PollPlan, previous: PollState): Promise<PollOutcome> {
	const state: PollState = JSON.parse(JSON.stringify(previous)) as PollState;
	const run: PollRun = { failures: [], capped: [], staged: [], calls: 0 };
	let succeeded = 0;
	for (const name of plan.sources) {
		if (await pollSource(ctx, name, plan, state, run)) succeeded++;
	}
	const mentions = emitNew(run.staged, plan, state);
	return { mentions, failures: run.failures, succeeded, capped: run.capped, state, calls: run.calls };
}
