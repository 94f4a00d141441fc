/**
 * Statement templates: plain text with `{name}` placeholders, nothing else. No expressions,
 * no code, no nesting, no escapes: a brace that is not part of a valid placeholder is an
 * error, so a template can never smuggle an n8n expression (`{{ … }}`) into a post.
 */

/** Placeholders every template may use; filled by the playbook (see placeholders.ts). */
export const BUILTIN_PLACEHOLDERS = [
	'brand',
	'scenario',
	'websiteUrl',
	'supportUrl',
	'statusPageUrl',
	'date',
	'time',
	'nextUpdateTime',
	'handle',
] as const;
export type BuiltinPlaceholder = (typeof BUILTIN_PLACEHOLDERS)[number];

export const PLACEHOLDER_NAME = /^[a-zA-Z][a-zA-Z0-9]{0,39}$/;

export type TemplateSegment = { text: string } | { placeholder: string };

export interface ParsedTemplate {
	segments: TemplateSegment[];
	placeholders: string[];
}

export type TemplateParseResult =
	| { ok: true; template: ParsedTemplate }
	| { ok: false; error: string };

/** Splits a template into text and placeholders, or says exactly what is wrong with it. */
export function parseTemplate(template: string): TemplateParseResult {
	const segments: TemplateSegment[] = [];
	const placeholders: string[] = [];
	let text = '';
	let i = 0;
	while (i < template.length) {
		const ch = template[i];
		if (ch === '}') {
			return { ok: false, error: `a "}" without "{" at character ${i + 1}` };
		}
		if (ch !== '{') {
			text += ch;
			i++;
			continue;
		}
		const close = template.indexOf('}', i + 1);
		if (close === -1) {
			return { ok: false, error: `a "{" that is never closed at character ${i + 1}` };
		}
		const name = template.slice(i + 1, close);
		if (!PLACEHOLDER_NAME.test(name)) {
			const shown = name.length > 30 ? `${name.slice(0, 30)}…` : name;
			return {
				ok: false,
				error: `"{${shown}}" at character ${i + 1} is not a placeholder (use {name}: letters and digits only)`,
			};
		}
		if (text) segments.push({ text });
		text = '';
		segments.push({ placeholder: name });
		if (!placeholders.includes(name)) placeholders.push(name);
		i = close + 1;
	}
	if (text) segments.push({ text });
	return { ok: true, template: { segments, placeholders } };
}
