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
import type { SourceEnv, SourceName, SourceSettings, StreamSpec } from './mentionSource';
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

/** Reads the stored state defensively (anything unexpected starts afresh for that part). */
export function readState(stored: IDataObject): PollState {
	const s = emptyState();
	if (stored && typeof stored.sources === 'object' && stored.sources !== null) {
		s.sources = JSON.parse(JSON.stringify(stored.sources)) as Record<string, SourceState>;
	}
	s.seenIds = (stored?.seenIds as unknown as SeenSetState) ?? null;
	s.seenStories = (stored?.seenStories as unknown as SeenSetState) ?? null;
	return s;
}

function sourceState(state: PollState, name: string): SourceState {
	const existing = state.sources[name];
	if (existing && typeof existing.streams === 'object') return existing;
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

export async function runPoll(ctx: FetchContext, plan: PollPlan, previous: PollState): Promise<PollOutcome> {
	const state: PollState = JSON.parse(JSON.stringify(previous)) as PollState;
	const failures: FailureReport[] = [];
	const capped: string[] = [];
	const staged: Array<{ mention: Mention; filter: boolean; quiet: boolean }> = [];
	let succeeded = 0;
	let calls = 0;
	for (const name of plan.sources) {
		const source = SOURCES[name];
		if (!source) {
			failures.push(configFailure(name, null, `Unknown source "${name}"`, `Sources: ${Object.keys(SOURCES).join(', ')}`));
			continue;
		}
		const sState = plan.manual ? { streams: {}, retryAt: null, lastPollAt: null, lastError: null, emitted: 0 } : sourceState(state, name);
		if (!plan.manual && sState.retryAt && Date.parse(sState.retryAt) > Date.parse(plan.now)) {
			failures.push({
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
			continue;
		}
		const credentialType = source.credentialType(plan.settings);
		let streams: StreamSpec[];
		try {
			streams = source.streams(plan.query, plan.settings);
		} catch (error) {
			const reason = error instanceof SourceQueryError ? error.message : String(error);
			failures.push(configFailure(name, credentialType, reason, 'Adjust the query for this source (see README › Sources).'));
			continue;
		}
		if (streams.length === 0) {
			failures.push(
				configFailure(
					name,
					credentialType,
					`${name}: nothing to read with these settings`,
					name === 'rss'
						? 'Add at least one feed URL.'
						: name === 'appstore'
							? 'Set the App Store app id.'
							: name === 'youtube'
								? 'Add video ids (comments mode) or a keyword (search mode).'
								: 'Add a hashtag (public timelines) or select an access token for full-text search.',
				),
			);
			continue;
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
				failures.push({
					...configFailure(name, credentialType, `${name}: credential ${credentialLabel(credentialType)} is not usable: ${missing}`, 'Select a credential for this source in the node.'),
					kind: 'unauthorized',
				});
				continue;
			}
		}
		const env: SourceEnv = { settings: plan.settings, policy: plan.policy, fetchedAt: plan.now, credentialBaseUrl: baseUrl, until: null };
		let sourceOk = true;
		for (const stream of streams) {
			const previousStream = plan.manual ? null : (sState.streams[stream.id] ?? null);
			const interval = source.minIntervalMinutes ? source.minIntervalMinutes(stream, plan.settings) : 0;
			if (!plan.manual && interval > 0 && minutesSince(previousStream?.lastFetchedAt, plan.now) < interval) continue;
			const result = await collectStream(ctx, source, env, stream, previousStream, { maxPages: plan.maxPages });
			calls += result.calls;
			if (!result.ok) {
				sourceOk = false;
				failures.push({ ...result.failure, stream: stream.id, cursorMoved: false });
				if (!plan.manual) sState.lastError = result.failure.message;
				if (result.failure.kind === 'rateLimited' || result.failure.kind === 'quotaExceeded') {
					if (!plan.manual) sState.retryAt = result.failure.retryAt;
					break; // stop this source for this poll
				}
				continue;
			}
			if (result.capped) capped.push(`${name}:${stream.id}`);
			const quiet = !plan.manual && previousStream === null && plan.firstPoll === 'skip';
			for (const mention of result.mentions) staged.push({ mention, filter: source.filtersByQuery(stream), quiet });
			if (!plan.manual) sState.streams[stream.id] = result.state;
		}
		if (sourceOk) {
			succeeded++;
			if (!plan.manual) {
				sState.retryAt = null;
				sState.lastError = null;
			}
		}
		if (!plan.manual) sState.lastPollAt = plan.now;
	}

	const seenIds = createSeenSet(plan.dedupeMemory, plan.manual ? undefined : state.seenIds);
	const seenStories = createSeenSet(plan.dedupeMemory, plan.manual ? undefined : state.seenStories);
	staged.sort((a, b) => (a.mention.publishedAt < b.mention.publishedAt ? -1 : a.mention.publishedAt > b.mention.publishedAt ? 1 : 0));
	const mentions: EmittedMention[] = [];
	for (const { mention, filter, quiet } of staged) {
		if (seenIds.has(mention.id)) continue;
		seenIds.add(mention.id);
		if (quiet) continue;
		if (filter && !matchesQuery(mention, plan.query)) continue;
		const key = storyKey(mention);
		const duplicate = !seenStories.add(key);
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
	return { mentions, failures, succeeded, capped, state, calls };
}
