/**
 * Crisis Playbook: follows the crisis document during a crisis — plan the response, draft the
 * statement for approval, pause and resume scheduled publishing, log the timeline — and, after
 * it, closes the incident and proposes the document's next version. A thin layer over
 * core/playbook; the only I/O is Pause/Resume Publishing (transport/).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as closeIncident from './actions/closeIncident.operation';
import { playbookNodeError } from './actions/common';
import * as draftStatement from './actions/draftStatement.operation';
import * as logEvent from './actions/logEvent.operation';
import * as pausePublishing from './actions/pausePublishing.operation';
import * as planResponse from './actions/planResponse.operation';
import * as proposeDocumentUpdate from './actions/proposeDocumentUpdate.operation';
import { publishingProperties } from './actions/publishing';
import * as resumePublishing from './actions/resumePublishing.operation';
import { routeOperation, type Operation } from '../shared/router';

/**
 * Plan Response and Close Incident read the whole batch (plans in time order, one review per
 * incident); the others handle each item on its own.
 */
const operations: Record<string, Operation> = {
	planResponse: { mode: 'batch', execute: planResponse.execute },
	closeIncident: { mode: 'batch', execute: closeIncident.execute },
	draftStatement: { mode: 'perItem', execute: draftStatement.execute },
	logEvent: { mode: 'perItem', execute: logEvent.execute },
	proposeDocumentUpdate: { mode: 'perItem', execute: proposeDocumentUpdate.execute },
	pausePublishing: { mode: 'perItem', execute: pausePublishing.execute },
	resumePublishing: { mode: 'perItem', execute: resumePublishing.execute },
};

const publishing = ['pausePublishing', 'resumePublishing'];

export class CrisisPlaybook implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Crisis Playbook',
		name: 'crisisPlaybook',
		icon: { light: 'file:crisisPlaybook.svg', dark: 'file:crisisPlaybook.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] }}',
		description: 'Follow the crisis document: plan the response, draft statements for approval, pause publishing, log the timeline, learn',
		defaults: { name: 'Crisis Playbook' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'crisisKitN8nApi',
				required: true,
				displayOptions: { show: { operation: publishing, targets: ['n8nWorkflows'] } },
			},
			{
				name: 'hootsuiteOAuth2Api',
				required: true,
				displayOptions: { show: { operation: publishing, targets: ['hootsuite'] } },
			},
			{
				name: 'crisisKitWebhookApi',
				required: true,
				displayOptions: { show: { operation: publishing, targets: ['webhook'], webhookAuthentication: ['headerAuth'] } },
			},
		],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Close Incident',
						value: 'closeIncident',
						action: 'Close the incident and review it',
						description: 'From the timeline and mentions: time to detect and acknowledge, and what the document should learn',
					},
					{
						name: 'Draft Statement',
						value: 'draftStatement',
						action: 'Draft a statement for approval',
						description: 'The holding statement or reply of the scenario, filled, within the channel\'s limit, pending approval',
					},
					{
						name: 'Log Event',
						value: 'logEvent',
						action: 'Log an event on the incident timeline',
						description: 'A timeline event with actor and time, ready for a Data Table',
					},
					{
						name: 'Pause Publishing',
						value: 'pausePublishing',
						action: 'Pause scheduled publishing',
						description: 'Unpublish tagged n8n workflows, set aside Hootsuite scheduled messages, call your scheduler',
					},
					{
						name: 'Plan Response',
						value: 'planResponse',
						action: 'Plan the response to a situation',
						description: 'Scenario with reasons, steps with owners and deadlines, what changed since the last plan',
					},
					{
						name: 'Propose Document Update',
						value: 'proposeDocumentUpdate',
						action: 'Propose the next version of the crisis document',
						description: 'From the review of Close Incident: a new version with a readable diff and the reason of each change',
					},
					{
						name: 'Resume Publishing',
						value: 'resumePublishing',
						action: 'Resume scheduled publishing',
						description: 'Undo exactly what Pause Publishing recorded for the incident',
					},
				],
				default: 'planResponse',
			},
			...publishingProperties,
			...planResponse.description,
			...draftStatement.description,
			...pausePublishing.description,
			...resumePublishing.description,
			...logEvent.description,
			...closeIncident.description,
			...proposeDocumentUpdate.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, operations, { toError: playbookNodeError });
	}
}
