/**
 * Resume Publishing: undoes exactly what Pause Publishing recorded for the incident. n8n
 * workflows are republished at the version that was live (not later draft edits). Hootsuite
 * messages are re-created (they get new IDs: there is no update endpoint); those whose time has
 * passed are not fired as a backlog burst: by default they come back for review, or they are
 * spread out from now. Without a pause record the operation fails: nothing was paused.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { hootsuiteRequest } from '../transport/hootsuite';
import { n8nApiRequest } from '../transport/n8nApi';
import { schedulerWebhookRequest } from '../transport/webhook';
import { ERRORS, incidentIdProperty, jsonParameter, nowOption, resolveNow } from './common';
import { hootsuiteTime, loadStore, readTargets, saveStore } from './publishing';
import type { PauseRecord, ReportEntry, Target } from './publishing';

const OP = ['resumePublishing'];

export const description: INodeProperties[] = [
	incidentIdProperty(OP),
	{
		displayName: 'Pause Record',
		name: 'pauseRecord',
		type: 'json',
		default: '',
		displayOptions: { show: { operation: OP } },
		description:
			'The `pauseRecord` Pause Publishing returned (e.g. read back from the timeline). Empty: the record kept in this workflow\'s static data.',
	},
	{
		displayName: 'Options',
		name: 'resumeOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { operation: OP } },
		options: [
			{
				displayName: 'Minimum Lead (Minutes)',
				name: 'minLeadMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 5,
				description: 'A Hootsuite message due sooner than this is treated as past due',
			},
			nowOption(),
			{
				displayName: 'Past-Due Hootsuite Messages',
				name: 'pastDue',
				type: 'options',
				options: [
					{
						name: 'Return for Review',
						value: 'review',
						description: 'Do not re-create them; list them (full copies) under needsReview for a human to reschedule',
					},
					{
						name: 'Spread Out From Now',
						value: 'spread',
						description: 'Re-create them one every Spacing minutes, starting after Minimum Lead',
					},
				],
				default: 'review',
			},
			{
				displayName: 'Spacing (Minutes)',
				name: 'spacingMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30,
				description: 'Gap between re-created past-due messages when spreading them out',
			},
		],
	},
];

interface ResumeOptions {
	minLeadMinutes?: number;
	now?: string;
	pastDue?: 'review' | 'spread';
	spacingMinutes?: number;
}

interface Report {
	resumed: ReportEntry[];
	couldNotResume: ReportEntry[];
	needsReview: IDataObject[];
}

/** Fields of a SocialProfileMessage that the POST /v1/messages body accepts. */
const COPIED_FIELDS = ['text', 'webhookUrls', 'tags', 'targeting', 'privacy', 'location', 'emailNotification', 'extendedInfo'];

export function messageBody(copy: IDataObject, scheduledSendTime: string): IDataObject {
	const body: IDataObject = { socialProfileIds: [String((copy.socialProfile as IDataObject | undefined)?.id ?? '')], scheduledSendTime };
	for (const field of COPIED_FIELDS) if (copy[field] !== null && copy[field] !== undefined) body[field] = copy[field];
	if (Array.isArray(copy.mediaUrls) && copy.mediaUrls.length) body.mediaUrls = (copy.mediaUrls as IDataObject[]).map((m) => ({ url: m.url }));
	if (Array.isArray(copy.media) && copy.media.length) {
		body.media = (copy.media as IDataObject[]).map((m) => ({ id: m.id, ...(m.videoOptions ? { videoOptions: m.videoOptions } : {}) }));
	}
	return body;
}

/** The pause record to undo: the one passed in, else the one kept for the incident; fails without one. */
function readPauseRecord(ctx: IExecuteFunctions, i: number, incidentId: string, store: Record<string, PauseRecord>): PauseRecord {
	const given = jsonParameter.call(ctx, 'pauseRecord', i) as PauseRecord | undefined;
	const record = given && typeof given === 'object' && given.incidentId ? given : store[incidentId];
	if (!record) {
		throw new NodeOperationError(ctx.getNode(), ERRORS.nothingPaused(incidentId), {
			itemIndex: i,
			description:
				'Resume Publishing needs the record of Pause Publishing for this incident: pass its `pauseRecord` in Pause Record (e.g. from the timeline), or run it in the workflow that paused (production executions keep the record in static data).',
		});
	}
	if (record.incidentId !== incidentId) {
		throw new NodeOperationError(ctx.getNode(), `The pause record is for incident "${record.incidentId}", not "${incidentId}"`, { itemIndex: i });
	}
	return record;
}

/** Republishes the paused n8n workflows; returns those that could not be. */
async function resumeN8n(ctx: IExecuteFunctions, paused: NonNullable<PauseRecord['n8n']>, report: Report): Promise<typeof paused.workflows> {
	const left = [];
	for (const wf of paused.workflows) {
		const body: IDataObject = wf.activeVersionId ? { versionId: wf.activeVersionId } : {};
		let result = await n8nApiRequest.call(ctx, 'POST', `/workflows/${wf.id}/publish`, { body });
		// n8n before 2.33 has no /publish: the deprecated /activate does the same.
		if (!result.ok && result.status === 404) result = await n8nApiRequest.call(ctx, 'POST', `/workflows/${wf.id}/activate`, { body });
		if (result.ok) report.resumed.push({ target: 'n8nWorkflows', id: wf.id, name: wf.name, activeVersionId: wf.activeVersionId });
		else {
			left.push(wf);
			report.couldNotResume.push({ target: 'n8nWorkflows', id: wf.id, name: wf.name, reason: `publish failed (${result.status ?? 'no answer'}): ${result.message}` });
		}
	}
	return left;
}

/**
 * When a paused Hootsuite message goes out again: its own time if still ahead by the minimum
 * lead, else (spread) the next free slot after now, else null (returned for review).
 */
function hootsuiteSlots(messages: IDataObject[], options: ResumeOptions, now: string): Array<{ copy: IDataObject; due: number; when: number | null }> {
	const start = Date.parse(now);
	const lead = Math.max(0, Number(options.minLeadMinutes ?? 5)) * 60_000;
	const spacing = Math.max(1, Number(options.spacingMinutes ?? 30)) * 60_000;
	let spreadIndex = 0;
	const copies = [...messages].sort((a, b) => String(a.scheduledSendTime).localeCompare(String(b.scheduledSendTime)));
	return copies.map((copy) => {
		const due = Date.parse(String(copy.scheduledSendTime ?? ''));
		let when: number | null = null;
		if (Number.isFinite(due) && due - start >= lead) when = due;
		else if (options.pastDue === 'spread') when = start + lead + spacing * spreadIndex++;
		return { copy, due, when };
	});
}

/** Re-creates the paused Hootsuite messages (new IDs); returns those that could not be. */
async function resumeHootsuite(ctx: IExecuteFunctions, messages: IDataObject[], options: ResumeOptions, now: string, report: Report): Promise<IDataObject[]> {
	const left: IDataObject[] = [];
	for (const { copy, due, when } of hootsuiteSlots(messages, options, now)) {
		const id = String(copy.id);
		if (when === null) {
			report.needsReview.push({ id, scheduledSendTime: copy.scheduledSendTime ?? null, reason: 'its time passed during the pause: reschedule it by hand', copy });
			continue;
		}
		const created = await hootsuiteRequest.call(ctx, 'POST', '/v1/messages', messageBody(copy, hootsuiteTime(when)));
		if (created.ok) {
			const data = created.body.data;
			const first = (Array.isArray(data) ? data[0] : data) as IDataObject | undefined;
			report.resumed.push({
				target: 'hootsuite',
				id,
				name: `${String((copy.socialProfile as IDataObject | undefined)?.id ?? '?')} at ${hootsuiteTime(when)}`,
				newId: first?.id !== undefined ? String(first.id) : null,
				scheduledSendTime: hootsuiteTime(when),
				rescheduled: when !== due,
			});
		} else {
			left.push(copy);
			report.couldNotResume.push({
				target: 'hootsuite',
				id,
				name: `message ${id}`,
				reason: `re-create failed (${created.status ?? 'no answer'}${created.code ? `, code ${created.code}` : ''}): ${created.message}`,
			});
		}
	}
	return left;
}

/** Tells the scheduler webhook to resume; true when it answered. */
async function resumeWebhook(ctx: IExecuteFunctions, i: number, record: PauseRecord, now: string, report: Report): Promise<boolean> {
	const webhook = record.webhook as NonNullable<PauseRecord['webhook']>;
	const auth = ctx.getNodeParameter('webhookAuthentication', i, 'none') === 'headerAuth';
	const url = ((ctx.getNodeParameter('webhookUrl', i, '') as string) || webhook.url).trim();
	const result = await schedulerWebhookRequest.call(ctx, url, { action: 'resume', incidentId: record.incidentId, at: now, pausedAt: record.pausedAt }, auth);
	if (result.ok) {
		report.resumed.push({ target: 'webhook', id: url, name: 'scheduler webhook', response: result.body as IDataObject });
		return true;
	}
	report.couldNotResume.push({ target: 'webhook', id: url, name: 'scheduler webhook', reason: `call failed (${result.status ?? 'no answer'}): ${result.message}` });
	return false;
}

function resumeSummary(report: Report): string[] {
	return [
		`${report.resumed.length} resumed, ${report.couldNotResume.length} could not be resumed, ${report.needsReview.length} past-due message(s) need review.`,
		...report.couldNotResume.map((e) => `Not resumed: ${e.target} ${e.name} (${e.id}): ${String(e.reason)}`),
	];
}

export async function execute(this: IExecuteFunctions, i: number, _item: INodeExecutionData, executionNow: string): Promise<INodeExecutionData[]> {
	const incidentId = (this.getNodeParameter('incidentId', i) as string).trim();
	const options = this.getNodeParameter('resumeOptions', i, {}) as ResumeOptions;
	const now = resolveNow.call(this, options.now, i, executionNow);
	const store = loadStore.call(this);
	const record = readPauseRecord(this, i, incidentId, store);
	const selected = readTargets.call(this, i);
	const wanted = (t: Target): boolean => selected.length === 0 || selected.includes(t);
	const report: Report = { resumed: [], couldNotResume: [], needsReview: [] };
	const remaining: PauseRecord = { ...record };

	if (record.n8n && wanted('n8nWorkflows')) {
		const left = await resumeN8n(this, record.n8n, report);
		remaining.n8n = left.length ? { ...record.n8n, workflows: left } : undefined;
	}
	if (record.hootsuite && wanted('hootsuite')) {
		const left = await resumeHootsuite(this, record.hootsuite.messages, options, now, report);
		remaining.hootsuite = left.length ? { messages: left } : undefined;
	}
	if (record.webhook && wanted('webhook')) {
		if (await resumeWebhook(this, i, record, now, report)) remaining.webhook = undefined;
	}

	const left = !!(remaining.n8n || remaining.hootsuite || remaining.webhook);
	const nextStore = { ...store };
	if (left) nextStore[incidentId] = JSON.parse(JSON.stringify(remaining)) as PauseRecord;
	else delete nextStore[incidentId];
	saveStore.call(this, nextStore);
	const status = report.couldNotResume.length ? (report.resumed.length ? 'partial' : 'failed') : 'resumed';
	return [
		{
			json: {
				operation: 'resumePublishing',
				incidentId,
				status,
				resumedAt: now,
				pausedAt: record.pausedAt,
				targets: record.targets,
				resumedCount: report.resumed.length,
				resumed: report.resumed,
				couldNotResume: report.couldNotResume,
				needsReview: report.needsReview,
				summary: resumeSummary(report),
				remainingRecord: left ? (JSON.parse(JSON.stringify(remaining)) as IDataObject) : null,
			},
		},
	];
}
