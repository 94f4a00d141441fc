import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { defaultCrisisDocument } from '../../core/document/defaultCrisisDocument';
import { validateCrisisDocument } from '../../core/document/validateCrisisDocument';
import type { CrisisDocument } from '../../core/document/types';

/** Where a node takes its crisis document from: the user's JSON, or the fictional example. */
export type DocumentSource = 'json' | 'example';

const NO_DOCUMENT_HELP =
	'Paste your crisis document (JSON, see docs/crisis-document.md) into "Crisis Document", or load the current version with an expression, ' +
	'e.g. {{ $(\'Load crisis document\').item.json.document }} after a Data Table "Get" on crisis_kit_documents. ' +
	'To try the node first, set "Crisis Document Source" to "Example Document (Fictional Orvia, for Trying Out)".';

/**
 * The crisis document of item `i`, as chosen by "Crisis Document Source": the example document
 * (fictional Orvia) only when asked for; with "JSON" an empty field is an error, never a silent
 * fallback. Invalid documents fail with every problem's exact path.
 */
export function readCrisisDocument(this: IExecuteFunctions, i: number, parameter = 'crisisDocument'): CrisisDocument {
	const source = this.getNodeParameter('documentSource', i, 'json') as DocumentSource;
	if (source === 'example') return defaultCrisisDocument();
	const raw = this.getNodeParameter(parameter, i, '') as unknown;
	if (raw === '' || raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
		throw new NodeOperationError(this.getNode(), 'No crisis document was given (parameter "Crisis Document" is empty)', {
			itemIndex: i,
			description: NO_DOCUMENT_HELP,
		});
	}
	const result = validateCrisisDocument(raw);
	if (!result.ok) {
		const lines = result.errors.slice(0, 8).map((e) => e.message);
		throw new NodeOperationError(this.getNode(), `The crisis document is invalid: ${lines[0]}`, {
			itemIndex: i,
			description: `${lines.join('\n')}${result.errors.length > 8 ? `\n(and ${result.errors.length - 8} more)` : ''}\nSee docs/crisis-document.md.`,
		});
	}
	return result.document;
}

const DOCUMENT_HELP =
	'Your crisis document (JSON; see docs/crisis-document.md). Tip: keep each version in a Data Table (crisis_kit_documents) and pass the current one with an expression.';

function withShow(displayOptions: IDisplayOptions | undefined, extra: Record<string, string[]>): IDisplayOptions {
	return { ...(displayOptions ?? {}), show: { ...(displayOptions?.show ?? {}), ...extra } };
}

/**
 * The "Crisis Document Source" and "Crisis Document" parameters every Crisis Kit node that reads
 * the document shows. The JSON field is shown (and required) only when the source is JSON.
 */
export function crisisDocumentProperties(displayOptions?: IDisplayOptions, purpose?: string): INodeProperties[] {
	return [
		{
			displayName: 'Crisis Document Source',
			name: 'documentSource',
			type: 'options',
			options: [
				{ name: 'JSON', value: 'json', description: 'Your own crisis document, pasted or passed with an expression' },
				{
					name: 'Example Document (Fictional Orvia, for Trying Out)',
					value: 'example',
					description: 'The shipped example of the fictional brand Orvia: for trying the node and the templates, not for a real crisis',
				},
			],
			default: 'json',
			...(displayOptions ? { displayOptions } : {}),
			description: 'Where the crisis document comes from',
		},
		{
			displayName: 'Crisis Document',
			name: 'crisisDocument',
			type: 'json',
			default: '',
			required: true,
			displayOptions: withShow(displayOptions, { documentSource: ['json'] }),
			description: purpose ? `${purpose} ${DOCUMENT_HELP}` : DOCUMENT_HELP,
		},
	];
}
