/**
 * Validates a crisis document (object or JSON text) against schema version 1 and returns it
 * typed, or every problem with its exact path. Two passes: the structure first, then the
 * references between parts (owners are contacts, steps exist, thresholds rise with the level)
 * — the second pass only runs on a well-formed document so one typo does not cascade.
 */
import { DateTime, IANAZone } from 'luxon';

import { BUILTIN_PLACEHOLDERS, PLACEHOLDER_NAME, parseTemplate } from './template';
import {
	CHANNEL_LIMITS,
	CRISIS_DOCUMENT_SCHEMA_VERSION,
	LANGUAGES,
	PLAN_LEVELS,
	REQUIRED_STATEMENT_KINDS,
	STANCES,
	STATEMENT_KINDS,
	STEP_CHANNELS,
	STEP_OPERATIONS,
} from './types';
import type {
	CrisisDocument,
	Language,
	LevelThreshold,
	PlanLevel,
	StatementKind,
	StepEntry,
} from './types';
import {
	IssueCollector,
	arrayRule,
	booleanRule,
	describeValue,
	fieldsFor,
	hasOwn,
	isPlainObject,
	joinPath,
	numberRule,
	objectRule,
	oneOfRule,
	optional,
	recordRule,
	stringRule,
} from './validator';
import type { Infer, Rule, ValidationIssue } from './validator';

export type CrisisDocumentValidation =
	| { ok: true; document: CrisisDocument; warnings: ValidationIssue[] }
	| { ok: false; errors: ValidationIssue[]; warnings: ValidationIssue[] };

/** Thrown by `parseCrisisDocument`; `issues` holds every problem, the message the first ones. */
export class CrisisDocumentError extends Error {
	readonly issues: ValidationIssue[];

	constructor(issues: ValidationIssue[]) {
		const shown = issues.slice(0, 5).map((i) => i.message);
		const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
		super(`Invalid crisis document: ${shown.join('; ')}${more}`);
		this.name = 'CrisisDocumentError';
		this.issues = issues;
	}
}

export const ID_PATTERN = /^[a-z][a-zA-Z0-9]{0,47}$/;
const ID_EXPECTED = 'an id (letters and digits, starting with a lower-case letter, camelCase)';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const URL_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_PATTERN = /^\+?[0-9][0-9 ().-]{5,24}$/;

/** Zone checks go through Intl and are slow; the answer for a name never changes. */
const zoneValidity = new Map<string, boolean>();
function isValidZone(name: string): boolean {
	let valid = zoneValidity.get(name);
	if (valid === undefined) {
		valid = IANAZone.isValidZone(name);
		if (zoneValidity.size < 1000) zoneValidity.set(name, valid);
	}
	return valid;
}

export interface DocumentContext {
	/** The document's languages; null when `languages` itself is invalid. */
	languages: Language[] | null;
	/** Languages every localized text must have (the valid part of `languages` when it is broken). */
	requiredLanguages: Language[];
	customPlaceholders: string[];
}

/** Validates `input` (a document object, or its JSON text). Never throws. */
export function validateCrisisDocument(input: unknown): CrisisDocumentValidation {
	const issues = new IssueCollector();
	const warnings = new IssueCollector();
	let value = input;
	if (typeof input === 'string') {
		try {
			value = JSON.parse(input) as unknown;
		} catch (error) {
			issues.custom(
				'',
				'a crisis document in JSON',
				'text that is not JSON',
				`expected a crisis document in JSON, got text that is not JSON (${(error as Error).message})`,
			);
			return { ok: false, errors: issues.issues, warnings: [] };
		}
	}
	try {
		if (!isPlainObject(value)) {
			issues.expected('', 'a crisis document (a JSON object)', value);
			return { ok: false, errors: issues.issues, warnings: [] };
		}
		const ctx = readContext(value);
		documentRule(ctx).check(value, '', issues);
		if (issues.count === 0) {
			const doc = value as unknown as CrisisDocument;
			checkReferences(doc, issues);
			if (issues.count === 0) collectWarnings(doc, warnings);
		}
	} catch (error) {
		// Only reachable with hand-built objects (throwing getters, proxies): report, do not crash.
		issues.custom('', 'a readable document', 'an unreadable value', `could not be read (${String(error)})`);
	}
	if (issues.count > 0) return { ok: false, errors: issues.issues, warnings: warnings.issues };
	return { ok: true, document: cloneJson(value) as CrisisDocument, warnings: warnings.issues };
}

/** Validates and returns the document, or throws a `CrisisDocumentError` listing every issue. */
export function parseCrisisDocument(input: unknown): CrisisDocument {
	const result = validateCrisisDocument(input);
	if (!result.ok) throw new CrisisDocumentError(result.errors);
	return result.document;
}

/** Deep copy of JSON data (documents are plain JSON, so this is exact). */
export function cloneJson<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

function readContext(doc: Record<string, unknown>): DocumentContext {
	const langs = doc.languages;
	let languages: Language[] | null = null;
	if (
		Array.isArray(langs) &&
		langs.length > 0 &&
		langs.every((l) => (LANGUAGES as readonly unknown[]).includes(l)) &&
		new Set(langs).size === langs.length
	) {
		languages = langs as Language[];
	}
	const requiredLanguages = languages ??
		(Array.isArray(langs)
			? LANGUAGES.filter((l) => langs.includes(l))
			: []);
	const customPlaceholders: string[] = [];
	if (Array.isArray(doc.placeholders)) {
		for (const p of doc.placeholders) {
			if (isPlainObject(p) && typeof p.name === 'string' && PLACEHOLDER_NAME.test(p.name)) {
				customPlaceholders.push(p.name);
			}
		}
	}
	return { languages, requiredLanguages, customPlaceholders };
}

// ---------------------------------------------------------------------------------------
// Structure

function idRule(what = ID_EXPECTED): Rule<string> {
	return stringRule({ expected: what, pattern: ID_PATTERN });
}

function rfc3339Rule(): Rule<string> {
	const expected = 'an RFC 3339 date-time with a time zone (2026-03-05T09:14:00Z)';
	return stringRule({
		expected,
		pattern: RFC3339,
		extra(value, path, issues) {
			if (!DateTime.fromISO(value, { setZone: true }).isValid) issues.expected(path, expected, value);
		},
	});
}

function localizedRule<T>(ctx: DocumentContext, item: Rule<T>): Rule<Partial<Record<Language, T>>> {
	const required = ctx.requiredLanguages;
	const expected = `an object with one entry per language (${(ctx.languages ?? LANGUAGES).join(', ')}), each ${item.expected}`;
	return {
		expected,
		check(value, path, issues) {
			if (!isPlainObject(value)) return issues.expected(path, expected, value);
			for (const key of Object.keys(value)) {
				const allowed = ctx.languages ?? LANGUAGES;
				if (!(allowed as readonly string[]).includes(key)) {
					issues.custom(
						joinPath(path, key),
						`a language of the document (${allowed.join(', ')})`,
						describeValue(key),
						`unknown language "${key}"; the document's languages are ${allowed.join(', ')}`,
					);
				}
			}
			for (const lang of required) {
				if (!hasOwn(value, lang)) issues.expected(joinPath(path, lang), item.expected, undefined);
			}
			for (const lang of Object.keys(value)) {
				if ((LANGUAGES as readonly string[]).includes(lang)) item.check(value[lang], joinPath(path, lang), issues);
			}
		},
	};
}

function templateRule(ctx: DocumentContext, kind: StatementKind): Rule<string> {
	const expected = 'a statement template (text with {placeholders})';
	const known = [
		...BUILTIN_PLACEHOLDERS.filter((p) => p !== 'handle' || kind === 'reply'),
		...ctx.customPlaceholders,
	];
	return stringRule({
		expected,
		extra(value, path, issues) {
			const parsed = parseTemplate(value);
			if (!parsed.ok) {
				issues.custom(path, expected, describeValue(value), `expected ${expected}, got ${parsed.error}`);
				return;
			}
			for (const name of parsed.template.placeholders) {
				if (!known.includes(name)) {
					const why =
						name === 'handle'
							? ' ({handle} is only available in reply statements)'
							: '';
					issues.custom(
						path,
						`only known placeholders (${known.join(', ')})`,
						`{${name}}`,
						`unknown placeholder {${name}}${why}; known placeholders: ${known.join(', ')}`,
					);
				}
			}
		},
	});
}

function thresholdRule() {
	return objectRule({
		minMentions: numberRule({ min: 0, integer: true }),
		minVolumeRatio: numberRule({ min: 0 }),
		minNegativeShare: numberRule({ min: 0, max: 1 }),
		minInfluentialAuthors: numberRule({ min: 0, integer: true }),
		minNegativeReach: numberRule({ min: 0, integer: true }),
	});
}

const deadlineRule = numberRule({ min: 0, exclusiveMin: true });

function stepDefinitionFields(ctx: DocumentContext) {
	return {
		action: localizedRule(ctx, stringRule()),
		owner: idRule('a contact id'),
		backupOwner: optional(idRule('a contact id')),
		channel: oneOfRule(STEP_CHANNELS, 'a channel'),
		deadlineMinutes: deadlineRule,
		operation: optional(oneOfRule(STEP_OPERATIONS, 'an operation')),
	};
}

/** A library reference (`ref`) or an inline step, told apart by the `ref` key. */
function stepEntryRule(ctx: DocumentContext): Rule<Infer<ReturnType<typeof stepReferenceRule>> | Infer<ReturnType<typeof inlineStepRule>>> {
	const reference = stepReferenceRule();
	const inline = inlineStepRule(ctx);
	const expected = 'a step: {"ref": "<library step id>"} or {"id", "action", "owner", "channel", "deadlineMinutes"}';
	return {
		expected,
		check(value, path, issues) {
			if (!isPlainObject(value)) return issues.expected(path, expected, value);
			if (hasOwn(value, 'ref')) reference.check(value, path, issues);
			else inline.check(value, path, issues);
		},
	};
}

function stepReferenceRule() {
	return objectRule({
		ref: idRule('the id of a step in the step library (steps)'),
		owner: optional(idRule('a contact id')),
		backupOwner: optional(idRule('a contact id')),
		channel: optional(oneOfRule(STEP_CHANNELS, 'a channel')),
		deadlineMinutes: optional(deadlineRule),
	});
}

function inlineStepRule(ctx: DocumentContext) {
	return objectRule({ id: idRule(), ...stepDefinitionFields(ctx) });
}

function approvalRule() {
	return objectRule({
		approver: idRule('a contact id'),
		deputy: idRule('a contact id'),
		timeoutMinutes: numberRule({ min: 0, exclusiveMin: true }),
	});
}

function scenarioRule(ctx: DocumentContext) {
	const levelRule = objectRule({
		deadlineMinutes: deadlineRule,
		pausePublishing: booleanRule(),
		stance: optional(oneOfRule(STANCES, 'a stance')),
		steps: arrayRule(stepEntryRule(ctx)),
	});
	const levels = objectRule(fieldsFor(PLAN_LEVELS, () => optional(levelRule)), {
		expected: `an object with the steps of at least one level (${PLAN_LEVELS.join(', ')})`,
		extra(value, path, issues) {
			if (!PLAN_LEVELS.some((l) => hasOwn(value, l))) {
				issues.expected(path, `the steps of at least one level (${PLAN_LEVELS.join(', ')})`, value);
			}
		},
	});
	const variant = (kind: StatementKind) =>
		objectRule({
			text: templateRule(ctx, kind),
			short: optional(templateRule(ctx, kind)),
		});
	// The required kinds (holding, reply) are required at run time; the type keeps every kind
	// optional, as code reading a statement must handle an absent one.
	const statements: Rule<Partial<Record<StatementKind, Partial<Record<Language, Infer<ReturnType<typeof variant>>>>>>> = objectRule(
		fieldsFor(STATEMENT_KINDS, (kind) => ({
			rule: localizedRule(ctx, variant(kind)),
			optional: !REQUIRED_STATEMENT_KINDS.includes(kind),
		})),
	);
	return objectRule({
		id: idRule(),
		name: localizedRule(ctx, stringRule()),
		description: localizedRule(ctx, stringRule()),
		themes: arrayRule(idRule('a theme id (dataLeak, outage, recall…)'), { uniqueStrings: true }),
		cues: localizedRule(ctx, arrayRule(stringRule({ maxLength: 80 }), { uniqueStrings: true })),
		stance: oneOfRule(STANCES, 'a stance'),
		levels,
		keyMessages: localizedRule(ctx, arrayRule(stringRule(), { minItems: 1 })),
		statements,
		approval: optional(approvalRule()),
	});
}

/** The crisis document's structure; `Infer<ReturnType<typeof documentRule>>` is its type. */
export function documentRule(ctx: DocumentContext) {
	return objectRule(
		{
			schemaVersion: oneOfRule(
				[CRISIS_DOCUMENT_SCHEMA_VERSION] as const,
				`the schema version this Crisis Kit reads`,
			),
			version: numberRule({ min: 1, integer: true }),
			updatedAt: rfc3339Rule(),
			updatedBy: stringRule(),
			timeZone: stringRule({
				expected: 'an IANA time zone (Europe/Paris)',
				extra(value, path, issues) {
					if (!isValidZone(value)) issues.expected(path, 'an IANA time zone (Europe/Paris)', value);
				},
			}),
			languages: arrayRule(oneOfRule(LANGUAGES, 'a language'), { minItems: 1, uniqueStrings: true }),
			defaultLanguage: oneOfRule(LANGUAGES, 'a language'),
			brand: brandRule(),
			levels: levelsRule(),
			guidelines: localizedRule(ctx, arrayRule(stringRule(), { minItems: 1 })),
			steps: recordRule(ID_PATTERN, ID_EXPECTED, objectRule(stepDefinitionFields(ctx))),
			scenarios: arrayRule(scenarioRule(ctx), { minItems: 1 }),
			fallbackScenarioId: idRule('a scenario id'),
			approval: approvalRule(),
			contacts: contactsRule(),
			placeholders: placeholdersRule(ctx),
			statementSettings: objectRule({
				nextUpdateMinutes: numberRule({ min: 0, exclusiveMin: true, integer: true }),
			}),
			review: reviewRule(),
			history: historyRule(),
		},
		{ expected: 'a crisis document (a JSON object)' },
	);
}

function brandRule() {
	return objectRule({
		name: stringRule({ expected: 'a brand name without { or }', pattern: /^[^{}]+$/ }),
		watchTerms: arrayRule(stringRule(), { minItems: 1, uniqueStrings: true }),
		hashtags: arrayRule(stringRule({ expected: 'a hashtag without # or spaces', pattern: /^[^\s#]+$/ }), {
			uniqueStrings: true,
		}),
		watchedAccounts: arrayRule(
			stringRule({ expected: 'an account as platform:handle (x:orvia)', pattern: /^[a-z][a-z0-9]*:\S+$/ }),
			{ uniqueStrings: true },
		),
		excludeTerms: arrayRule(stringRule(), { uniqueStrings: true }),
		handles: recordRule(/^[a-z][a-z0-9]*$/, 'a platform name in lower case (x, bluesky…)', stringRule()),
		websiteUrl: stringRule({ expected: 'an http(s) URL', pattern: URL_PATTERN }),
		supportUrl: stringRule({ expected: 'an http(s) URL', pattern: URL_PATTERN }),
		statusPageUrl: stringRule({ expected: 'an http(s) URL', pattern: URL_PATTERN }),
	});
}

function levelsRule() {
	return objectRule({
		windowMinutes: numberRule({ min: 0, exclusiveMin: true, integer: true }),
		baselineDays: numberRule({ min: 0, exclusiveMin: true, integer: true }),
		influentialFollowers: numberRule({ min: 0, integer: true }),
		thresholds: objectRule(fieldsFor(PLAN_LEVELS, () => thresholdRule())),
	});
}

function contactsRule() {
	return arrayRule(
		objectRule({
			id: idRule(),
			name: stringRule(),
			role: stringRule(),
			email: stringRule({ expected: 'an e-mail address', pattern: EMAIL_PATTERN }),
			phone: optional(stringRule({ expected: 'a phone number (+33 1 23 45 67 89)', pattern: PHONE_PATTERN })),
			deputy: optional(idRule('a contact id')),
		}),
		{ minItems: 1 },
	);
}

function placeholdersRule(ctx: DocumentContext) {
	return arrayRule(
		objectRule({
			name: stringRule({
				expected: 'a placeholder name (letters and digits, up to 40)',
				pattern: PLACEHOLDER_NAME,
			}),
			description: stringRule(),
			fallback: localizedRule(ctx, stringRule({ expected: 'a text without { or }', pattern: /^[^{}]+$/ })),
		}),
	);
}

function reviewRule() {
	return objectRule({
		lateAlertMinutes: numberRule({ min: 0, exclusiveMin: true }),
		unwatchedTermMinMentions: numberRule({ min: 1, integer: true }),
		unwatchedTermMinShare: numberRule({ min: 0, max: 1 }),
		falseAlarmsBeforeRaise: numberRule({ min: 1, integer: true }),
		thresholdStep: numberRule({ min: 0, exclusiveMin: true, max: 0.9, expected: 'a share above 0 and ≤ 0.9' }),
	});
}

function historyRule() {
	return arrayRule(
		objectRule({
			version: numberRule({ min: 1, integer: true }),
			updatedAt: rfc3339Rule(),
			updatedBy: stringRule(),
			summary: stringRule(),
			changes: optional(arrayRule(objectRule({ path: stringRule(), reason: stringRule() }))),
		}),
	);
}

// ---------------------------------------------------------------------------------------
// References between parts (run on a well-formed document only)

// The checks run in this order, and each in document order, so the errors come out in the order
// the tests (and users' fix-the-first-error habits) expect.
function checkReferences(doc: CrisisDocument, issues: IssueCollector): void {
	if (!doc.languages.includes(doc.defaultLanguage)) {
		issues.expected('defaultLanguage', `one of the document's languages (${doc.languages.join(', ')})`, doc.defaultLanguage);
	}
	const refs = checkContacts(doc, issues);
	checkApproval(refs, 'approval', doc.approval);
	for (const id of Object.keys(doc.steps)) {
		refContact(refs, joinPath(joinPath('steps', id), 'owner'), doc.steps[id].owner);
		refContact(refs, joinPath(joinPath('steps', id), 'backupOwner'), doc.steps[id].backupOwner);
	}
	const scenarioIds = uniqueIds(doc.scenarios.map((s) => s.id), 'scenarios', 'scenario', issues);
	if (!scenarioIds.has(doc.fallbackScenarioId)) {
		issues.expected('fallbackScenarioId', `a scenario id (one of ${[...scenarioIds].join(', ')})`, doc.fallbackScenarioId);
	}
	doc.scenarios.forEach((scenario, s) => checkScenarioReferences(refs, scenario, `scenarios[${s}]`));
	checkThresholdOrder(doc, issues);
	checkPlaceholderNames(doc, issues);
	checkHistoryOrder(doc, issues);
}

/** What the reference checks share: the document, where issues go, and the contact ids. */
interface ReferenceContext {
	doc: CrisisDocument;
	issues: IssueCollector;
	contactIds: Set<string>;
	contactList: string;
}

/** Contact ids are unique and deputies name another contact; returns the context for the other checks. */
function checkContacts(doc: CrisisDocument, issues: IssueCollector): ReferenceContext {
	const contactIds = uniqueIds(doc.contacts.map((c) => c.id), 'contacts', 'contact', issues);
	const refs: ReferenceContext = { doc, issues, contactIds, contactList: [...contactIds].join(', ') };
	doc.contacts.forEach((c, i) => {
		refContact(refs, `contacts[${i}].deputy`, c.deputy);
		if (c.deputy === c.id) issues.expected(`contacts[${i}].deputy`, 'another contact than the person themselves', c.deputy);
	});
	return refs;
}

function refContact(refs: ReferenceContext, path: string, id: string | undefined): void {
	if (id !== undefined && !refs.contactIds.has(id)) {
		refs.issues.expected(path, `a contact id (one of ${refs.contactList})`, id);
	}
}

function checkApproval(refs: ReferenceContext, path: string, rule: { approver: string; deputy: string }): void {
	refContact(refs, `${path}.approver`, rule.approver);
	refContact(refs, `${path}.deputy`, rule.deputy);
	if (rule.approver === rule.deputy) {
		refs.issues.expected(`${path}.deputy`, 'a different contact than the approver', rule.deputy);
	}
}

/** A scenario's approval and, per level, its steps: library refs exist, inline ids do not clash, each listed once. */
function checkScenarioReferences(refs: ReferenceContext, scenario: CrisisDocument['scenarios'][number], base: string): void {
	const { doc, issues } = refs;
	if (scenario.approval) checkApproval(refs, `${base}.approval`, scenario.approval);
	const libraryIds = Object.keys(doc.steps);
	for (const level of PLAN_LEVELS) {
		const lvl = scenario.levels[level];
		if (!lvl) continue;
		const seen = new Map<string, number>();
		lvl.steps.forEach((entry: StepEntry, j) => {
			const p = `${base}.levels.${level}.steps[${j}]`;
			let id: string;
			if ('ref' in entry) {
				id = entry.ref;
				if (!hasOwn(doc.steps, entry.ref)) {
					issues.expected(`${p}.ref`, `a step of the step library (one of ${libraryIds.join(', ') || 'none defined'})`, entry.ref);
				}
			} else {
				id = entry.id;
				if (hasOwn(doc.steps, entry.id)) {
					issues.expected(`${p}.id`, `an id not used by the step library (or write {"ref": "${entry.id}"})`, entry.id);
				}
			}
			refContact(refs, `${p}.owner`, entry.owner);
			refContact(refs, `${p}.backupOwner`, entry.backupOwner);
			const first = seen.get(id);
			if (first !== undefined) {
				issues.expected(p, `a step listed once per level (already at steps[${first}])`, id);
			} else seen.set(id, j);
		});
	}
}

const THRESHOLD_FIELDS: ReadonlyArray<keyof LevelThreshold> = [
	'minMentions',
	'minVolumeRatio',
	'minNegativeShare',
	'minInfluentialAuthors',
	'minNegativeReach',
];

/** A higher level is never easier to reach than a lower one. */
function checkThresholdOrder(doc: CrisisDocument, issues: IssueCollector): void {
	for (let i = 1; i < PLAN_LEVELS.length; i++) {
		const lower: PlanLevel = PLAN_LEVELS[i - 1];
		const level: PlanLevel = PLAN_LEVELS[i];
		for (const field of THRESHOLD_FIELDS) {
			const min = doc.levels.thresholds[lower][field];
			const value = doc.levels.thresholds[level][field];
			if (value < min) {
				issues.expected(
					`levels.thresholds.${level}.${field}`,
					`a value ≥ ${min} (levels.thresholds.${lower}.${field}: a higher level is never easier to reach)`,
					value,
				);
			}
		}
	}
}

function checkPlaceholderNames(doc: CrisisDocument, issues: IssueCollector): void {
	const placeholderNames = new Map<string, number>();
	doc.placeholders.forEach((p, i) => {
		if ((BUILTIN_PLACEHOLDERS as readonly string[]).includes(p.name)) {
			issues.expected(`placeholders[${i}].name`, `a name that is not built in (${BUILTIN_PLACEHOLDERS.join(', ')})`, p.name);
		}
		const first = placeholderNames.get(p.name);
		if (first !== undefined) issues.expected(`placeholders[${i}].name`, `a name not already used (placeholders[${first}])`, p.name);
		else placeholderNames.set(p.name, i);
	});
}

function checkHistoryOrder(doc: CrisisDocument, issues: IssueCollector): void {
	let lastVersion = 0;
	doc.history.forEach((h, i) => {
		if (h.version <= lastVersion) {
			issues.expected(`history[${i}].version`, `a version above ${lastVersion} (history is in order)`, h.version);
		} else if (h.version > doc.version) {
			issues.expected(`history[${i}].version`, `a version ≤ the document version (${doc.version})`, h.version);
		}
		lastVersion = Math.max(lastVersion, h.version);
	});
}

function uniqueIds(ids: string[], list: string, what: string, issues: IssueCollector): Set<string> {
	const seen = new Map<string, number>();
	ids.forEach((id, i) => {
		const first = seen.get(id);
		if (first !== undefined) {
			issues.expected(`${list}[${i}].id`, `a unique ${what} id (already used by ${list}[${first}])`, id);
		} else seen.set(id, i);
	});
	return new Set(seen.keys());
}

function collectWarnings(doc: CrisisDocument, warnings: IssueCollector): void {
	const xLimit = CHANNEL_LIMITS.x ?? 280;
	doc.scenarios.forEach((scenario, s) => {
		const cueCount = Object.values(scenario.cues).reduce((n, list) => n + (list?.length ?? 0), 0);
		if (scenario.id !== doc.fallbackScenarioId && scenario.themes.length === 0 && cueCount === 0) {
			warnings.custom(
				`scenarios[${s}]`,
				'themes or cues',
				'none',
				'has no themes and no cues, so it can only be chosen by hand',
			);
		}
		for (const kind of STATEMENT_KINDS) {
			const template = scenario.statements[kind];
			if (!template) continue;
			for (const lang of doc.languages) {
				const short = template[lang]?.short;
				if (short !== undefined && short.length > xLimit) {
					warnings.custom(
						`scenarios[${s}].statements.${kind}.${lang}.short`,
						`at most ${xLimit} characters`,
						`${short.length} characters`,
						`is longer than an X post (${short.length} > ${xLimit}) before placeholders are filled; it will be truncated on X`,
					);
				}
			}
		}
	});
}
