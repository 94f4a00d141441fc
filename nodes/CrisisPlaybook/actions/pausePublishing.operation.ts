/**
 * Pause Publishing: (a) unpublishes the n8n workflows that post scheduled content (found by tag,
 * through n8n's public API), (b) deletes Hootsuite's scheduled messages after keeping a full
 * copy (its API has no pause), (c) tells any other scheduler through a webhook. Reports what was
 * paused, what could not be and why, and what may still go out. A second pause of the same
 * incident is a no-op. See publishing.ts for where the pause record is kept.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { hootsuiteQuery, hootsuiteRequest } from '../transport/hootsuite';
import { n8nApiRequest } from '../transport/n8nApi';
import { schedulerWebhookRequest } from '../transport/webhook';
import { ERRORS, incidentIdProperty, nowOption, resolveNow } from './common';
import { DEFAULT_PUBLISHING_TAG, hootsuiteTime, loadStore, readTargets, saveStore } from './publishing';
import type { PausedWorkflow, PauseRecord, ReportEntry } from './publishing';

const OP = ['pausePublishing'];

export const description: INodeProperties[] = [
	incidentIdProperty(OP),
	{
		displayName: 'Options',
		name: 'pauseOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { operation: OP } },
		options: [nowOption()],
	},
];

/** Hootsuite: "Content that is scheduled to publish within a minute after a suspension might not get suspended." */
const LAST_MINUTE_MS = 60_000;
const WINDOW_DAYS = 28;
const PAGE_LIMIT = 100;
const MAX_PAGES = 50;

interface Report {
	paused: ReportEntry[];
	couldNotPause: ReportEntry[];
	mayStillGoOut: ReportEntry[];
	notes: string[];
}

export async function execute(this: IExecuteFunctions, i: number, _item: INodeExecutionData, executionNow: string): Promise<INodeExecutionData[]> {
	const incidentId = (this.getNodeParameter('incidentId', i) as string).trim();
	if (!incidentId) throw new NodeOperationError(this.getNode(), 'Incident ID is empty', { itemIndex: i });
	const options = this.getNodeParameter('pauseOptions', i, {}) as { now?: string };
	const now = resolveNow.call(this, options.now, i, executionNow);
	const targets = readTargets.call(this, i);
	if (!targets.length) throw new NodeOperationError(this.getNode(), ERRORS.noTarget, { itemIndex: i });
	const store = loadStore.call(this);
	const existing = store[incidentId];
	if (existing) {
		return [
			{
				json: {
					operation: 'pausePublishing',
					incidentId,
					status: 'alreadyPaused',
					pausedAt: existing.pausedAt,
					targets: existing.targets,
					pausedCount: 0,
					paused: [],
					couldNotPause: [],
					mayStillGoOut: [],
					summary: [`Already paused for incident "${incidentId}" since ${existing.pausedAt}: nothing was changed.`],
					pauseRecord: existing as unknown as IDataObject,
				},
			},
		];
	}
	const record: PauseRecord = { incidentId, pausedAt: now, targets };
	const report: Report = { paused: [], couldNotPause: [], mayStillGoOut: [], notes: [] };
	if (targets.includes('n8nWorkflows')) await pauseN8n.call(this, i, record, report);
	if (targets.includes('hootsuite')) await pauseHootsuite.call(this, i, now, record, report);
	if (targets.includes('webhook')) await pauseWebhook.call(this, i, now, record, report);

	// A record only when something was paused: Resume then undoes exactly that.
	const stored = report.paused.length > 0;
	if (stored) saveStore.call(this, { ...store, [incidentId]: record });
	else if (report.couldNotPause.length) report.notes.push('Nothing could be paused: no pause record kept, run Pause Publishing again once the cause is fixed.');
	else report.notes.push('Nothing to pause: no published workflow, message or scheduler matched. No pause record kept.');
	const status = report.couldNotPause.length ? (report.paused.length ? 'partial' : 'failed') : report.paused.length ? 'paused' : 'nothingToPause';
	const summary = [
		`${report.paused.length} paused, ${report.couldNotPause.length} could not be paused, ${report.mayStillGoOut.length} may still go out.`,
		...report.couldNotPause.map((e) => `Not paused: ${e.target} ${e.name} (${e.id}): ${String(e.reason)}`),
		...report.mayStillGoOut.map((e) => `May still go out: ${e.target} ${e.name} (${e.id}): ${String(e.reason)}`),
		...report.notes,
	];
	return [
		{
			json: {
				operation: 'pausePublishing',
				incidentId,
				status,
				pausedAt: now,
				targets,
				pausedCount: report.paused.length,
				paused: report.paused,
				couldNotPause: report.couldNotPause,
				mayStillGoOut: report.mayStillGoOut,
				summary,
				pauseRecord: stored ? (JSON.parse(JSON.stringify(record)) as IDataObject) : null,
			},
		},
	];
}

async function pauseN8n(this: IExecuteFunctions, i: number, record: PauseRecord, report: Report): Promise<void> {
	const tag = ((this.getNodeParameter('tag', i, DEFAULT_PUBLISHING_TAG) as string) || DEFAULT_PUBLISHING_TAG).trim();
	const self = typeof this.getWorkflow === 'function' ? this.getWorkflow().id : undefined;
	const found: IDataObject[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const listed = await n8nApiRequest.call(this, 'GET', '/workflows', {
			qs: { tags: tag, active: 'true', limit: 250, excludePinnedData: 'true', ...(cursor ? { cursor } : {}) },
		});
		if (!listed.ok) {
			report.couldNotPause.push({ target: 'n8nWorkflows', id: `tag:${tag}`, name: tag, reason: `listing the workflows failed (${listed.status ?? 'no answer'}): ${listed.message}` });
			return;
		}
		found.push(...((listed.body.data as IDataObject[]) ?? []));
		cursor = (listed.body.nextCursor as string | null) ?? undefined;
		if (!cursor) break;
	}
	const workflows: PausedWorkflow[] = [];
	for (const wf of found) {
		const id = String(wf.id);
		const name = String(wf.name ?? id);
		const tags = ((wf.tags as IDataObject[]) ?? []).map((t) => String(t.name));
		if (tags.length && !tags.includes(tag)) continue;
		if (id === self) {
			report.notes.push(`Workflow "${name}" (${id}) runs this pause: left published.`);
			continue;
		}
		let result = await n8nApiRequest.call(this, 'POST', `/workflows/${id}/unpublish`);
		// n8n before 2.33 has no /unpublish: the deprecated /deactivate does the same.
		if (!result.ok && result.status === 404) result = await n8nApiRequest.call(this, 'POST', `/workflows/${id}/deactivate`);
		if (!result.ok) {
			report.couldNotPause.push({ target: 'n8nWorkflows', id, name, reason: `unpublish failed (${result.status ?? 'no answer'}): ${result.message}` });
			continue;
		}
		workflows.push({
			id,
			name,
			activeVersionId: (wf.activeVersionId as string | undefined) ?? null,
			versionId: (wf.versionId as string | undefined) ?? null,
		});
		report.paused.push({ target: 'n8nWorkflows', id, name, activeVersionId: (wf.activeVersionId as string | undefined) ?? null });
	}
	if (workflows.length) report.notes.push('Executions of the unpublished workflows that were already running are not stopped.');
	record.n8n = { tag, workflows };
}

async function pauseHootsuite(this: IExecuteFunctions, i: number, now: string, record: PauseRecord, report: Report): Promise<void> {
	const profiles = (this.getNodeParameter('socialProfileIds', i, '') as string)
		.split(',')
		.map((p) => p.trim())
		.filter(Boolean);
	const days = Math.max(1, Math.min(365, Number(this.getNodeParameter('lookAheadDays', i, 56)) || 56));
	const states = ['SCHEDULED', ...(this.getNodeParameter('includePendingApproval', i, false) ? ['PENDING_APPROVAL'] : [])];
	const start = Date.parse(now);
	const end = start + days * 86_400_000;
	const messages = new Map<string, IDataObject>();
	for (let from = start; from < end; from += WINDOW_DAYS * 86_400_000) {
		const to = Math.min(end, from + WINDOW_DAYS * 86_400_000);
		for (const state of states) {
			let cursor: string | undefined;
			for (let page = 0; page < MAX_PAGES; page++) {
				const query = hootsuiteQuery({ startTime: hootsuiteTime(from), endTime: hootsuiteTime(to), state, socialProfileIds: profiles, limit: PAGE_LIMIT, cursor });
				const listed = await hootsuiteRequest.call(this, 'GET', `/v1/messages${query}`);
				if (!listed.ok) {
					report.couldNotPause.push({
						target: 'hootsuite',
						id: `${state}:${hootsuiteTime(from)}`,
						name: `${state} messages ${hootsuiteTime(from)} → ${hootsuiteTime(to)}`,
						reason: `listing failed (${listed.status ?? 'no answer'}${listed.code ? `, code ${listed.code}` : ''}): ${listed.message}`,
					});
					break;
				}
				for (const m of (listed.body.data as IDataObject[]) ?? []) if (m && m.id !== undefined) messages.set(String(m.id), m);
				cursor = ((listed.body.metadata as IDataObject | undefined)?.cursor as IDataObject | undefined)?.next as string | undefined;
				if (!cursor) break;
			}
		}
	}
	const copies: IDataObject[] = [];
	for (const message of messages.values()) {
		const id = String(message.id);
		const name = `${String((message.socialProfile as IDataObject | undefined)?.id ?? '?')} at ${String(message.scheduledSendTime ?? '?')}`;
		const due = Date.parse(String(message.scheduledSendTime ?? ''));
		const deleted = await hootsuiteRequest.call(this, 'DELETE', `/v1/messages/${encodeURIComponent(id)}`);
		if (!deleted.ok) {
			const reason =
				deleted.code === 40003
					? 'Hootsuite says it cannot be deleted in its current state (40003)'
					: deleted.code === 4001 || deleted.status === 404
						? 'Hootsuite no longer finds it (4001): already sent or deleted'
						: `delete failed (${deleted.status ?? 'no answer'}${deleted.code ? `, code ${deleted.code}` : ''}): ${deleted.message}`;
			report.couldNotPause.push({ target: 'hootsuite', id, name, reason });
			if (deleted.code !== 4001 && deleted.status !== 404) report.mayStillGoOut.push({ target: 'hootsuite', id, name, reason: 'still scheduled in Hootsuite', scheduledSendTime: String(message.scheduledSendTime ?? '') });
			continue;
		}
		copies.push(message);
		report.paused.push({ target: 'hootsuite', id, name, scheduledSendTime: String(message.scheduledSendTime ?? '') });
		if (Number.isFinite(due) && due - start <= LAST_MINUTE_MS) {
			report.mayStillGoOut.push({ target: 'hootsuite', id, name, reason: 'was due within a minute: Hootsuite may already have been sending it', scheduledSendTime: String(message.scheduledSendTime) });
		}
	}
	record.hootsuite = { messages: copies };
}

async function pauseWebhook(this: IExecuteFunctions, i: number, now: string, record: PauseRecord, report: Report): Promise<void> {
	const url = (this.getNodeParameter('webhookUrl', i, '') as string).trim();
	if (!/^https?:\/\//.test(url)) {
		report.couldNotPause.push({ target: 'webhook', id: url || '(empty)', name: 'scheduler webhook', reason: 'Scheduler Webhook URL must start with http:// or https://' });
		return;
	}
	const auth = this.getNodeParameter('webhookAuthentication', i, 'none') === 'headerAuth';
	const result = await schedulerWebhookRequest.call(this, url, { action: 'pause', incidentId: record.incidentId, at: now }, auth);
	if (!result.ok) {
		report.couldNotPause.push({ target: 'webhook', id: url, name: 'scheduler webhook', reason: `call failed (${result.status ?? 'no answer'}): ${result.message}` });
		report.mayStillGoOut.push({ target: 'webhook', id: url, name: 'scheduler webhook', reason: 'the scheduler was not told to pause' });
		return;
	}
	record.webhook = { url, response: result.body };
	report.paused.push({ target: 'webhook', id: url, name: 'scheduler webhook', response: result.body as IDataObject });
	report.notes.push('What the scheduler paused is up to it: see its response.');
}
