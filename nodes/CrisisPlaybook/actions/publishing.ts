/**
 * What Pause/Resume Publishing share: the targets, the pause record and where it is kept.
 *
 * The pause record (incident id → the n8n workflows unpublished with the version that was live,
 * the full copies of the Hootsuite messages deleted, the webhook called) is kept in this
 * workflow's static data AND returned as `pauseRecord`, so it can go on the timeline (Data
 * Table). Resume reads it from its "Pause Record" parameter, else from static data. Static data
 * is saved by n8n only for production executions (trigger, webhook, schedule), not manual ones.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export const TARGETS = ['n8nWorkflows', 'hootsuite', 'webhook'] as const;
export type Target = (typeof TARGETS)[number];

export const DEFAULT_PUBLISHING_TAG = 'crisis-kit-publishing';
const STORE_KEY = 'crisisKitPauses';

export interface PausedWorkflow {
	id: string;
	name: string;
	/** The version that was live: resume republishes exactly this one, not later draft edits. */
	activeVersionId: string | null;
	versionId: string | null;
}

export interface PauseRecord {
	incidentId: string;
	pausedAt: string;
	targets: Target[];
	n8n?: { tag: string; workflows: PausedWorkflow[] };
	/** Full copies of the deleted Hootsuite messages (SocialProfileMessage objects). */
	hootsuite?: { messages: IDataObject[] };
	webhook?: { url: string; response: unknown };
}

export interface ReportEntry extends IDataObject {
	target: Target;
	id: string;
	name: string;
}

const ops = ['pausePublishing', 'resumePublishing'];

export const publishingProperties: INodeProperties[] = [
	{
		displayName: 'Targets',
		name: 'targets',
		type: 'multiOptions',
		displayOptions: { show: { operation: ops } },
		options: [
			{
				name: 'N8n Workflows (by Tag)',
				value: 'n8nWorkflows',
				description: 'Unpublish the n8n workflows that post scheduled content, found by tag, through n8n\'s public API',
			},
			{
				name: 'Hootsuite Scheduled Messages',
				value: 'hootsuite',
				description: 'Keep a full copy of each scheduled message, then delete it (Hootsuite\'s API has no pause)',
			},
			{
				name: 'Other Scheduler (Webhook)',
				value: 'webhook',
				description: 'POST {"action": "pause" | "resume", "incidentId", "at"} to a URL of your scheduler',
			},
		],
		default: ['n8nWorkflows'],
		description: 'What to pause (or, for Resume, which parts of the pause record to resume)',
	},
	{
		displayName: 'Workflow Tag',
		name: 'tag',
		type: 'string',
		default: DEFAULT_PUBLISHING_TAG,
		displayOptions: { show: { operation: ['pausePublishing'], targets: ['n8nWorkflows'] } },
		description: 'Published workflows with this tag are unpublished. Untagged workflows are never touched, nor this workflow.',
	},
	{
		displayName: 'Social Profile IDs',
		name: 'socialProfileIds',
		type: 'string',
		default: '',
		placeholder: '120732387, 120732388',
		displayOptions: { show: { operation: ['pausePublishing'], targets: ['hootsuite'] } },
		description: 'Comma-separated Hootsuite profile IDs; empty = every profile the account sees',
	},
	{
		displayName: 'Look Ahead (Days)',
		name: 'lookAheadDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 365 },
		default: 56,
		displayOptions: { show: { operation: ['pausePublishing'], targets: ['hootsuite'] } },
		description: 'How far ahead to look for scheduled messages (read in 4-week windows, the API\'s maximum range)',
	},
	{
		displayName: 'Include Pending Approval',
		name: 'includePendingApproval',
		type: 'boolean',
		default: false,
		displayOptions: { show: { operation: ['pausePublishing'], targets: ['hootsuite'] } },
		description: 'Whether messages waiting for approval are paused too (they would publish once approved)',
	},
	{
		displayName: 'Scheduler Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		default: '',
		placeholder: 'https://scheduler.example.com/hooks/crisis',
		displayOptions: { show: { operation: ops, targets: ['webhook'] } },
		description: 'Receives {"action": "pause" | "resume", "incidentId", "at"} as JSON. A 2xx answer counts as done.',
	},
	{
		displayName: 'Webhook Authentication',
		name: 'webhookAuthentication',
		type: 'options',
		displayOptions: { show: { operation: ops, targets: ['webhook'] } },
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'Header Auth', value: 'headerAuth' },
		],
		default: 'none',
	},
];

export function loadStore(this: IExecuteFunctions): Record<string, PauseRecord> {
	const data = this.getWorkflowStaticData('global');
	const store = data[STORE_KEY];
	return store && typeof store === 'object' ? ({ ...(store as IDataObject) } as unknown as Record<string, PauseRecord>) : {};
}

/** Replaces the whole store (a top-level assignment, so n8n sees the change and saves it). */
export function saveStore(this: IExecuteFunctions, store: Record<string, PauseRecord>): void {
	const data = this.getWorkflowStaticData('global');
	data[STORE_KEY] = JSON.parse(JSON.stringify(store)) as IDataObject;
}

export function readTargets(this: IExecuteFunctions, i: number): Target[] {
	const raw = this.getNodeParameter('targets', i, []) as string[];
	return TARGETS.filter((t) => raw.includes(t));
}

/** Hootsuite wants UTC ISO-8601 ending in Z, without milliseconds. */
export function hootsuiteTime(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
