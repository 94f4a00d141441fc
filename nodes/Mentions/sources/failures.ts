/**
 * Source failures as n8n items, and where they go. A failing source never stops the others:
 * its failure becomes one item (same json shape everywhere) that the user routes with the
 * "Source Failures" option: to the node's second output (default), into the mentions output
 * (legacy error item), or only to the log.
 */
import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import type { SourceFailure } from './mentionSource';

export interface FailureReport extends SourceFailure {
	stream: string | null;
	/** Always false: a failed stream keeps its previous cursor. */
	cursorMoved: false;
}

export type SourceFailureRouting = 'separateOutput' | 'errorItem' | 'log';

/** Mentions and Mentions Trigger always have these two outputs, whatever the operation or the routing. */
export const MENTION_OUTPUTS = [
	{ type: NodeConnectionTypes.Main, displayName: 'Mentions' },
	{ type: NodeConnectionTypes.Main, displayName: 'Source Failures' },
];

export const sourceFailuresOption: INodeProperties = {
	displayName: 'Source Failures',
	name: 'sourceFailures',
	type: 'options',
	options: [
		{
			name: 'Separate Output',
			value: 'separateOutput',
			description: 'One item per failed source on the "Source Failures" output; the mentions output stays clean for Crisis Score',
		},
		{
			name: 'Error Item in Mentions Output',
			value: 'errorItem',
			description: 'Legacy: the failure items come out with the mentions (Crisis Score passes them through untouched)',
		},
		{ name: 'Only Log', value: 'log', description: 'Nothing is emitted for a failed source; n8n\'s log says what happened' },
	],
	default: 'separateOutput',
	description: 'Where a failing source is reported while the others still return their mentions',
};

export function sourceFailureRouting(value: unknown): SourceFailureRouting {
	return value === 'errorItem' || value === 'log' ? value : 'separateOutput';
}

/** One item per failed source: which source, what happened, what to check. Cursor untouched. */
export function failureItem(f: FailureReport): INodeExecutionData {
	return {
		json: {
			error: f.message,
			errorDescription: f.hint,
			sourceFailure: {
				source: f.source,
				stream: f.stream,
				kind: f.kind,
				status: f.status,
				retryAt: f.retryAt,
				credential: f.credentialType,
				attempts: f.attempts,
				cursorMoved: false,
			},
		},
	};
}

/** The node's two outputs from its mention items and failure items, routed as the user chose. */
export function routeFailures(
	routing: SourceFailureRouting,
	mentions: INodeExecutionData[],
	failures: INodeExecutionData[],
): [INodeExecutionData[], INodeExecutionData[]] {
	if (routing === 'separateOutput') return [mentions, failures];
	if (routing === 'errorItem') return [[...mentions, ...failures], []];
	return [mentions, []];
}
