import { validateCrisisDocument } from '../document/validateCrisisDocument';
import type { CrisisDocument } from '../document/types';
import { PlaybookError } from './playbookError';

/**
 * Every operation validates the document it is given: a plan built on a broken document would
 * fail later, in the middle of a crisis, with a worse message.
 */
export function requireDocument(document: unknown): CrisisDocument {
	const result = validateCrisisDocument(document);
	if (!result.ok) {
		const shown = result.errors.slice(0, 3).map((e) => e.message).join('; ');
		const more = result.errors.length > 3 ? ` (and ${result.errors.length - 3} more)` : '';
		throw new PlaybookError('invalidDocument', `the crisis document is invalid: ${shown}${more}`, 'document');
	}
	return result.document;
}
