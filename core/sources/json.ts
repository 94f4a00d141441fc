/**
 * JSON helpers for bodies that arrive as text. `JSON.parse` turns integer literals
 * beyond 2^53 into rounded doubles (X and Mastodon ids are 64-bit), so ids must be
 * quoted before parsing.
 */
import { SourceBodyError } from './errors';
import { isRecord } from '../util/isRecord';

/**
 * Parses JSON text, turning every bare integer literal of 16 digits or more into a
 * string first (strings are left untouched), so 64-bit ids keep every digit.
 * Throws the native SyntaxError on invalid JSON.
 */
export function parseJsonPreservingBigInts(text: string): unknown {
	let out = '';
	let last = 0;
	let i = 0;
	const n = text.length;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (c === 34 /* " */) {
			i++;
			while (i < n) {
				const d = text.charCodeAt(i);
				if (d === 92 /* \ */) i += 2;
				else if (d === 34) break;
				else i++;
			}
			i++;
			continue;
		}
		if ((c >= 48 && c <= 57) || c === 45 /* - */) {
			const start = i;
			i++;
			while (i < n) {
				const d = text.charCodeAt(i);
				if ((d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45) i++;
				else break;
			}
			const literal = text.slice(start, i);
			const digits = literal[0] === '-' ? literal.length - 1 : literal.length;
			if (digits > 15 && /^-?\d+$/.test(literal)) {
				out += text.slice(last, start) + '"' + literal + '"';
				last = i;
			}
			continue;
		}
		i++;
	}
	return JSON.parse(last === 0 ? text : out + text.slice(last));
}

/** Extracts `<title>` from an HTML page, for error messages. */
function htmlTitle(text: string): string | null {
	const m = /<title[^<>]{0,200}>([^<]{0,120})/i.exec(text);
	return m ? m[1].trim().replace(/\s+/g, ' ') : null;
}

/**
 * Turns a body that may still be text into a value: JSON text is parsed (64-bit ids
 * preserved); an HTML page or truncated/invalid JSON throws a SourceBodyError naming
 * the source. Non-string bodies are returned as they are.
 */
export function parseBody(source: string, body: unknown): unknown {
	if (typeof body !== 'string') return body;
	const trimmed = body.trim();
	if (trimmed === '') throw new SourceBodyError(source, 'body', 'empty body, expected JSON');
	if (trimmed.startsWith('<')) {
		const title = htmlTitle(trimmed);
		throw new SourceBodyError(
			source,
			'body',
			`got an HTML/XML page instead of JSON${title ? ` (title "${title}")` : ''}: usually an error page, a login wall or a proxy`,
		);
	}
	let failure: string;
	try {
		return parseJsonPreservingBigInts(trimmed);
	} catch (error) {
		failure = error instanceof Error ? error.message : String(error);
	}
	throw new SourceBodyError(
		source,
		'body',
		`invalid or truncated JSON (${body.length} characters): ${failure}`,
	);
}

/** Re-exported for the source mappers (one definition: core/util/isRecord.ts). */
export { isRecord };

/**
 * Recognises the error objects the APIs return instead of a page (X problem details,
 * YouTube `{error:{code,message}}`, Reddit `{error:403,message}`, Bluesky/Mastodon
 * `{error,message}`, Algolia `{status,message}`) and returns a one-line description.
 */
export function apiErrorMessage(body: Record<string, unknown>): string | null {
	const err = body.error;
	if (isRecord(err)) {
		const code = err.code ?? err.status ?? '';
		const msg = typeof err.message === 'string' ? err.message : JSON.stringify(err).slice(0, 200);
		return `API error ${String(code)}: ${msg}`.replace(/\s+/g, ' ').trim();
	}
	if (typeof err === 'string' || typeof err === 'number') {
		const msg =
			typeof body.message === 'string'
				? body.message
				: typeof body.error_description === 'string'
					? body.error_description
					: '';
		return `API error ${String(err)}${msg ? `: ${msg}` : ''}`;
	}
	if (
		typeof body.title === 'string' &&
		(typeof body.status === 'number' || typeof body.detail === 'string') &&
		!('data' in body)
	) {
		return `API error ${String(body.status ?? '')} ${body.title}${typeof body.detail === 'string' && body.detail !== body.title ? `: ${body.detail}` : ''}`.replace(
			/\s+/g,
			' ',
		);
	}
	if (typeof body.status === 'number' && body.status >= 400 && typeof body.message === 'string') {
		return `API error ${body.status}: ${body.message}`;
	}
	if (Array.isArray(body.errors) && !('data' in body) && body.errors.length > 0) {
		const first = body.errors[0];
		const msg = isRecord(first)
			? String(first.message ?? first.detail ?? first.title ?? '')
			: String(first);
		return `API error: ${msg}`;
	}
	return null;
}
