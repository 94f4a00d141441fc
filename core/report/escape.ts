/**
 * Escaping for every context the report writes untrusted strings into (mention text,
 * author names, URLs, sources, timeline details, the title): HTML text, HTML/SVG
 * attributes, URLs (http/https only) and Markdown. Renderers never concatenate a raw
 * string: they go through one of these.
 */

/**
 * C0/C1 controls (tab and newline kept), bidirectional overrides/isolates/marks, BOM and
 * interlinear annotations: they can reorder or hide the text around them.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]/g;
/** Lone UTF-16 surrogates (invalid text). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes control and bidi-override characters; optionally shortens to `maxLength` characters with an ellipsis. */
export function cleanText(value: unknown, maxLength?: number): string {
	let s = value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);
	s = s.replace(UNSAFE_CHARS, '').replace(LONE_SURROGATE, '\uFFFD');
	if (maxLength !== undefined && s.length > maxLength) {
		const chars = Array.from(s);
		if (chars.length > maxLength) s = chars.slice(0, Math.max(0, maxLength - 1)).join('').trimEnd() + '…';
	}
	return s;
}

/** Cleans then collapses all whitespace runs (newlines included) into one space. */
export function oneLine(value: unknown, maxLength?: number): string {
	return cleanText(cleanText(value).replace(/\s+/g, ' ').trim(), maxLength);
}

const HTML_ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
	'`': '&#96;',
};

/** Escapes for HTML (and inline SVG) text content. */
export function escapeHtml(value: unknown): string {
	return cleanText(value).replace(/[&<>"'`]/g, (c) => HTML_ENTITIES[c]);
}

/** Escapes for a double-quoted HTML or SVG attribute value (newlines become character references). */
export function escapeAttr(value: unknown): string {
	return cleanText(value)
		.replace(/[&<>"'`]/g, (c) => HTML_ENTITIES[c])
		.replace(/\r?\n|\r|\t/g, (c) => (c === '\t' ? '&#9;' : '&#10;'));
}

/**
 * Returns the URL when it is a plain absolute http(s) URL, else null. Rejects every other
 * scheme (javascript:, data:, vbscript:, file:…), whitespace or control characters inside
 * (browsers strip them, which is how `java\nscript:` sneaks through), quotes, angle
 * brackets, backslashes, credentials (`user@host`) and URLs longer than 2048 characters.
 * The result still goes through escapeAttr (for `&`) when written into HTML.
 */
export function safeUrl(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const url = value.trim();
	if (url.length === 0 || url.length > 2048) return null;
	if (!/^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?(?:[/?#][^\s"'<>`\\]*)?$/i.test(url)) return null;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u0020\u007F-\u009F\u00A0\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/.test(url)) return null;
	return url;
}

/** Escapes text for inline Markdown (CommonMark/GFM): punctuation backslash-escaped, HTML defused, one line. */
export function escapeMarkdown(value: unknown): string {
	return (
		oneLine(value)
			// inline syntax anywhere: emphasis, code, links/images, tables, strike-through, escapes
			.replace(/[\\`*_[\]|~!]/g, '\\$&')
			// block syntax at the start: headings, quotes, lists, ordered lists, setext/thematic breaks
			.replace(/^(\s*)([#+=-]|\d{1,9}(?=[.)]))/, (_m, sp: string, c: string) => (/\d/.test(c) ? `${sp}${c}\\` : `${sp}\\${c}`))
			.replace(/&/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
	);
}

/** A Markdown link to an http(s) URL, or the escaped label alone when the URL is not safe. */
export function markdownLink(label: unknown, url: unknown): string {
	const safe = safeUrl(url);
	const text = escapeMarkdown(label);
	if (!safe) return text;
	const dest = safe.replace(/[()<>[\]\s*_`]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
	return `[${text || escapeMarkdown(dest)}](${dest})`;
}
