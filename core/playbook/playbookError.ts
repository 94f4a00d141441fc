/**
 * The one error the playbook throws. `code` is stable (tests and the node map it to a hint),
 * `path` names the offending input when there is one.
 */
export type PlaybookErrorCode =
	| 'invalidInput'
	| 'invalidTime'
	| 'unknownScenario'
	| 'unknownStatement'
	| 'unknownPlaceholder'
	| 'missingPlaceholderValue'
	| 'invalidEvent'
	| 'invalidDocument';

export class PlaybookError extends Error {
	readonly code: PlaybookErrorCode;
	readonly path?: string;

	constructor(code: PlaybookErrorCode, message: string, path?: string) {
		super(path ? `${path}: ${message}` : message);
		this.name = 'PlaybookError';
		this.code = code;
		this.path = path;
	}
}
