/**
 * Filling statement templates. Safe by construction: a template is parsed into text and
 * `{name}` slots (core/document/template.ts), each slot gets a plain string, and the result is
 * concatenated once — values are never parsed again, so a value cannot inject a placeholder,
 * an n8n expression or code. Values are cleaned (no control characters, no braces, bounded).
 */
import type { DateTime } from 'luxon';

import { BUILTIN_PLACEHOLDERS, parseTemplate } from '../document/template';
import type { CrisisDocument, Language, Scenario } from '../document/types';
import { closest } from '../document/validator';
import { PlaybookError } from './playbookError';

const MONTHS: Record<Language, string[]> = {
	en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
	fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

/** Longest value a placeholder may insert (a variable is a phrase, not a page). */
export const MAX_VALUE_LENGTH = 200;

const HANDLE = /^@?[A-Za-z0-9_][A-Za-z0-9_.@:-]{0,99}$/;

/** Cleans a value for insertion: one line, no braces, at most MAX_VALUE_LENGTH characters. */
export function sanitizeValue(value: string): string {
	let clean = '';
	for (const ch of value) {
		const cp = ch.codePointAt(0) as number;
		const control = cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029;
		clean += control ? ' ' : ch;
	}
	clean = clean.replace(/\{/g, '(').replace(/\}/g, ')').replace(/\s+/g, ' ').trim();
	const points = Array.from(clean);
	if (points.length > MAX_VALUE_LENGTH) clean = `${points.slice(0, MAX_VALUE_LENGTH - 1).join('').trimEnd()}…`;
	return clean;
}

export function formatDate(dt: DateTime, language: Language): string {
	return `${dt.day} ${MONTHS[language][dt.month - 1]} ${dt.year}`;
}

export function formatTime(dt: DateTime, language: Language): string {
	const mm = String(dt.minute).padStart(2, '0');
	return language === 'fr' ? `${dt.hour}h${mm}` : `${String(dt.hour).padStart(2, '0')}:${mm}`;
}

export interface PlaceholderInput {
	document: CrisisDocument;
	scenario: Scenario;
	language: Language;
	/** `now` in the document's time zone. */
	now: DateTime;
	/** Author to answer (reply statements). */
	handle?: string;
	/** Values for the document's custom placeholders. */
	variables?: Record<string, unknown>;
}

/** Every placeholder value available for one draft (built-in and custom). */
export function placeholderValues(input: PlaceholderInput): Record<string, string> {
	const { document, scenario, language, now } = input;
	const next = roundUpToFiveMinutes(now.plus({ minutes: document.statementSettings.nextUpdateMinutes }));
	const values: Record<string, string> = {
		brand: sanitizeValue(document.brand.name),
		scenario: sanitizeValue(scenario.name[language] ?? scenario.id),
		websiteUrl: document.brand.websiteUrl,
		supportUrl: document.brand.supportUrl,
		statusPageUrl: document.brand.statusPageUrl,
		date: formatDate(now, language),
		time: formatTime(now, language),
		nextUpdateTime: formatTime(next, language),
	};
	if (input.handle !== undefined && input.handle !== '') {
		const handle = input.handle.trim();
		if (!HANDLE.test(handle)) {
			throw new PlaybookError(
				'invalidInput',
				`expected an account handle (letters, digits, _ . @ : -), got ${JSON.stringify(handle.slice(0, 40))}`,
				'replyTo',
			);
		}
		values.handle = handle.startsWith('@') ? handle : `@${handle}`;
	}
	const declared = document.placeholders.map((p) => p.name);
	for (const [name, raw] of Object.entries(input.variables ?? {})) {
		if (!declared.includes(name)) {
			const hint = closest(name, declared);
			throw new PlaybookError(
				'unknownPlaceholder',
				`unknown placeholder {${name}}${hint ? ` (did you mean {${hint}}?)` : ''}; the document declares: ${declared.join(', ') || 'none'}`,
				`variables.${name}`,
			);
		}
		if (raw !== undefined && raw !== null && typeof raw !== 'string' && typeof raw !== 'number') {
			throw new PlaybookError('invalidInput', `expected a text, got ${Array.isArray(raw) ? 'a list' : typeof raw}`, `variables.${name}`);
		}
	}
	for (const custom of document.placeholders) {
		const raw = input.variables?.[custom.name];
		const given = raw === undefined || raw === null ? '' : sanitizeValue(String(raw));
		values[custom.name] = given !== '' ? given : sanitizeValue(custom.fallback[language] ?? '');
	}
	return values;
}

function roundUpToFiveMinutes(dt: DateTime): DateTime {
	const start = dt.startOf('minute');
	const extra = (5 - (start.minute % 5)) % 5;
	const rounded = start.plus({ minutes: extra });
	return rounded < dt ? rounded.plus({ minutes: 5 }) : rounded;
}

export interface FilledTemplate {
	text: string;
	/** The values actually used, by placeholder name. */
	used: Record<string, string>;
}

/**
 * Fills `template` with `values`. Unknown or unfilled placeholders are errors, never left in
 * the text. `path` names the template in error messages.
 */
export function fillTemplate(template: string, values: Record<string, string>, path: string): FilledTemplate {
	const parsed = parseTemplate(template);
	if (!parsed.ok) throw new PlaybookError('invalidDocument', parsed.error, path);
	const used: Record<string, string> = {};
	let text = '';
	for (const segment of parsed.template.segments) {
		if ('text' in segment) {
			text += segment.text;
			continue;
		}
		const name = segment.placeholder;
		if (!Object.prototype.hasOwnProperty.call(values, name)) {
			const known = [...BUILTIN_PLACEHOLDERS] as string[];
			if (known.includes(name)) {
				throw new PlaybookError(
					'missingPlaceholderValue',
					`{${name}} has no value${name === 'handle' ? ' (give the handle to reply to)' : ''}`,
					path,
				);
			}
			throw new PlaybookError('unknownPlaceholder', `unknown placeholder {${name}}`, path);
		}
		used[name] = values[name];
		text += values[name];
	}
	return { text: text.replace(/[ \t]{2,}/g, ' ').trim(), used };
}
