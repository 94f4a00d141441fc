/**
 * Errors raised by the pure source mappers. Each names the source and the field that
 * failed, so the node can tell the user which API answered what, and where.
 */

/** The whole body is unusable (HTML error page, truncated JSON, API error object, wrong shape). */
export class SourceBodyError extends Error {
	readonly source: string;
	/** Path of the failing part of the body (`body`, `data`, `feed.entry`, `hits`…). */
	readonly field: string;
	readonly reason: string;

	constructor(source: string, field: string, reason: string) {
		super(`${source}: ${field}: ${reason}`);
		this.name = 'SourceBodyError';
		this.source = source;
		this.field = field;
		this.reason = reason;
	}
}

/** One item is unusable; the page mapper catches it, skips the item and records the reason. */
export class SourceItemError extends Error {
	readonly source: string;
	readonly field: string;
	readonly reason: string;

	constructor(source: string, field: string, reason: string) {
		super(`${source}: ${field}: ${reason}`);
		this.name = 'SourceItemError';
		this.source = source;
		this.field = field;
		this.reason = reason;
	}
}

/** A query cannot be expressed for a platform (too long, no positive term…). */
export class SourceQueryError extends Error {
	readonly source: string;
	readonly reason: string;

	constructor(source: string, reason: string) {
		super(`${source}: query: ${reason}`);
		this.name = 'SourceQueryError';
		this.source = source;
		this.reason = reason;
	}
}

/** Short, printable description of a value for error messages. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string') {
		const s = value.length > 40 ? `${value.slice(0, 40)}…` : value;
		return JSON.stringify(s);
	}
	if (Array.isArray(value)) return `an array of ${value.length}`;
	if (typeof value === 'object') return 'an object';
	return `${typeof value} ${String(value)}`;
}
