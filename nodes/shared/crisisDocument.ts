import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { validateCrisisDocument } from '../../core/document/validateCrisisDocument';
import type { CrisisDocument } from '../../core/document/types';

/**
 * Reads the "Crisis Document" parameter (JSON object or text; empty = the default document's
 * values). Invalid documents fail with every problem's exact path.
 */
export function readCrisisDocument(this: IExecuteFunctions, i: number, parameter = 'crisisDocument'): CrisisDocument | null {
	const raw = this.getNodeParameter(parameter, i, '') as unknown;
	if (raw === '' || raw === null || raw === undefined) return null;
	if (typeof raw === 'string' && raw.trim() === '') return null;
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
	'Your crisis document (JSON; see docs/crisis-document.md). Empty uses the default document (fictional brand Orvia). Tip: keep each version in a Data Table or a file and pass it with an expression.';

/** The "Crisis Document" parameter every Crisis Kit node that reads the document shows. */
export function crisisDocumentProperty(displayOptions?: IDisplayOptions, purpose?: string): INodeProperties {
	return {
		displayName: 'Crisis Document',
		name: 'crisisDocument',
		type: 'json',
		default: '',
		...(displayOptions ? { displayOptions } : {}),
		description: purpose ? `${purpose} ${DOCUMENT_HELP}` : DOCUMENT_HELP,
	};
}
