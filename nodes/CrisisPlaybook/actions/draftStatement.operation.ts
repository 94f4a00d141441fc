/**
 * Draft Statement: the holding statement (or reply, update, resolution) for the scenario of the
 * input plan (or matched from an input situation), in a language and for a channel, within the
 * channel's length limit, marked as needing approval — with the approver, deputy and wait limit
 * n8n's "Send and Wait for Approval" (Slack, e-mail) needs.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { CHANNELS, LANGUAGES, STATEMENT_KINDS } from '../../../core/document/types';
import type { Channel, Language, StatementKind } from '../../../core/document/types';
import { draftStatement, statementDraftedData } from '../../../core/playbook/draftStatement';
import { logEvent } from '../../../core/playbook/timeline';
import type { ResponsePlan } from '../../../core/playbook/types';
import { isLevel } from '../../../core/levels';
import type { Situation } from '../../../core/scoring/types';
import { crisisDocumentProperties, documentFor, ERRORS, mentionsParameter, nowOption, resolveNow, toJson } from './common';

const OP = ['draftStatement'];
const show = { show: { operation: OP } };

const CHANNEL_NAMES: Record<Channel, string> = {
	x: 'X (280)',
	bluesky: 'Bluesky (300)',
	mastodon: 'Mastodon (500)',
	linkedin: 'LinkedIn (3000)',
	facebook: 'Facebook',
	instagram: 'Instagram (2200)',
	threads: 'Threads (500)',
	email: 'E-Mail',
	website: 'Website',
	sms: 'SMS (160)',
};

export const description: INodeProperties[] = [
	...crisisDocumentProperties(OP),
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		displayOptions: show,
		options: CHANNELS.map((c) => ({ name: CHANNEL_NAMES[c], value: c })),
		default: 'x',
		description: 'Where the statement will be posted; its length limit applies',
	},
	{
		displayName: 'Statement',
		name: 'kind',
		type: 'options',
		displayOptions: show,
		options: [
			{ name: 'Holding Statement', value: 'holding' },
			{ name: 'Reply', value: 'reply' },
			{ name: 'Resolution', value: 'resolution' },
			{ name: 'Update', value: 'update' },
		],
		default: 'holding',
	},
	{
		displayName: 'Reply To',
		name: 'replyTo',
		type: 'string',
		default: '',
		placeholder: '@alice',
		displayOptions: { show: { operation: OP, kind: ['reply'] } },
		description: 'Handle of the author answered (fills {handle})',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'options',
		displayOptions: show,
		options: [
			{ name: 'Document Default', value: '' },
			{ name: 'English', value: 'en' },
			{ name: 'French', value: 'fr' },
		],
		default: '',
	},
	{
		displayName: 'Variables',
		name: 'variables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add variable',
		default: {},
		displayOptions: show,
		description: 'Values of the document\'s custom placeholders. Inserted as plain text (braces and control characters removed, 200 characters max).',
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'draftOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Mentions',
				name: 'mentions',
				type: 'json',
				default: '',
				description: 'When the input is a situation: the scored mentions used to match the scenario',
			},
			nowOption(),
			{
				displayName: 'Scenario ID',
				name: 'scenarioId',
				type: 'string',
				default: '',
				description: 'Draft for this scenario instead of the plan\'s',
			},
		],
	},
];

interface DraftOptions {
	now?: string;
	scenarioId?: string;
	mentions?: unknown;
}

export async function execute(this: IExecuteFunctions, i: number, item: INodeExecutionData, executionNow: string): Promise<INodeExecutionData[]> {
	const document = documentFor.call(this, i);
	const options = this.getNodeParameter('draftOptions', i, {}) as DraftOptions;
	const now = resolveNow.call(this, options.now, i, executionNow);
	const json = item.json;
	const isPlan = typeof json.planId === 'string' && !!json.scenario && typeof json.scenario === 'object';
	const isSituation = !isPlan && isLevel(json.level) && typeof json.windowEnd === 'string';
	if (!isPlan && !isSituation && !options.scenarioId) {
		throw new NodeOperationError(this.getNode(), ERRORS.notAPlan, {
			itemIndex: i,
			description: 'Put Plan Response before Draft Statement, or set Options › Scenario ID.',
		});
	}
	const channel = this.getNodeParameter('channel', i) as Channel;
	const kind = this.getNodeParameter('kind', i, 'holding') as StatementKind;
	const languageParam = this.getNodeParameter('language', i, '') as string;
	const language = (LANGUAGES as readonly string[]).includes(languageParam) ? (languageParam as Language) : undefined;
	const variables: Record<string, string> = {};
	const rows = (this.getNodeParameter('variables', i, {}) as { variable?: Array<{ name: string; value: string }> }).variable ?? [];
	for (const row of rows) if (row.name) variables[row.name] = String(row.value ?? '');
	const plan = isPlan ? (json as unknown as ResponsePlan) : null;
	const mentions = isSituation && options.mentions ? mentionsParameter.call(this, i, options.mentions) : [];
	const incidentId = plan?.incidentId ?? undefined;
	const draft = draftStatement({
		document,
		channel,
		now,
		kind: (STATEMENT_KINDS as readonly string[]).includes(kind) ? kind : 'holding',
		...(language ? { language } : {}),
		...(plan ? { plan } : {}),
		...(isSituation ? { situation: json as unknown as Situation, mentions } : {}),
		...(options.scenarioId ? { scenarioId: options.scenarioId } : {}),
		...(kind === 'reply' ? { replyTo: this.getNodeParameter('replyTo', i, '') as string } : {}),
		...(Object.keys(variables).length ? { variables } : {}),
		...(incidentId ? { incidentId } : {}),
	});
	const event = incidentId
		? logEvent({
				incidentId,
				type: 'statementDrafted',
				actor: { kind: 'system', id: this.getNode().name },
				at: now,
				now,
				data: statementDraftedData(draft),
			})
		: null;
	const a = draft.approval;
	const approvalRequest: IDataObject = {
		subject: `Approve the ${draft.kind} statement (${draft.channel}, ${draft.language}) for ${draft.scenarioId}`,
		message: `${draft.text}\n\n— ${draft.length}/${draft.limit ?? '∞'} characters. Approve within ${a.timeoutMinutes} min; after ${a.escalateAt} ${a.deputy.name} is asked.`,
		approverEmail: a.approver.email,
		deputyEmail: a.deputy.email,
		waitLimitMinutes: a.timeoutMinutes,
		escalateAt: a.escalateAtUtc,
	};
	return [{ json: { ...toJson(draft), incidentId: incidentId ?? null, approvalRequest, timelineEvent: event ? toJson(event) : null } }];
}
