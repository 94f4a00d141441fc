/**
 * Propose Document Update: turns the findings of Close Incident into a new version of the
 * crisis document — thresholds moved, watch terms and cues added, backup owners named,
 * approved wording kept — each change with its reason, plus a human-readable diff. The old
 * document is never modified: a new object comes back with the version bumped and a history
 * entry. A human reviews and adopts it.
 */
import { nextDocumentVersion, diffDocuments, renderDiff } from '../document/diffDocuments';
import type { DocumentDiffEntry } from '../document/diffDocuments';
import { BUILTIN_PLACEHOLDERS, parseTemplate } from '../document/template';
import { PLAN_LEVELS } from '../document/types';
import type { CrisisDocument, LevelThreshold, PlanLevel, StepDefinition } from '../document/types';
import { cloneJson, validateCrisisDocument } from '../document/validateCrisisDocument';
import { normaliseForCues } from './matchScenario';
import { PlaybookError } from './playbookError';
import { requireDocument } from './requireDocument';
import { parseInstant, toUtc } from './time';
import type { DocumentChange, Finding, IncidentReview } from './types';

export interface ProposeDocumentUpdateInput {
	document: CrisisDocument;
	review: IncidentReview;
	now: string;
	/** Recorded as `updatedBy`; default "Crisis Kit post-crisis review". */
	author?: string;
}

export interface DocumentUpdateProposal {
	/** The proposed new version (the input document is untouched). */
	document: CrisisDocument;
	previousVersion: number;
	version: number;
	/** false when no finding called for a change (the document is then returned as it was). */
	changed: boolean;
	changes: DocumentChange[];
	diff: DocumentDiffEntry[];
	/** The diff for humans, each line followed by its reasons. */
	diffText: string;
	/** Findings that call for a discussion rather than an automatic change. */
	notes: string[];
}

type ThresholdField = keyof LevelThreshold;
const INTEGER_FIELDS: ThresholdField[] = ['minMentions', 'minInfluentialAuthors', 'minNegativeReach'];

export function proposeDocumentUpdate(input: ProposeDocumentUpdateInput): DocumentUpdateProposal {
	const original = requireDocument(input.document);
	const now = toUtc(parseInstant(input.now, 'now'));
	const review = input.review;
	if (!review || !Array.isArray(review.findings)) {
		throw new PlaybookError('invalidInput', 'expected the review returned by Close Incident (with findings)', 'review');
	}
	const update: DraftUpdate = { draft: cloneJson(original), changes: [], notes: [], lowered: new Set<string>() };
	// Late alerts first: missing a crisis costs more than an extra alert (false alarms then leave
	// alone what a late alert lowered).
	applyLateAlerts(update, review.findings);
	applyFalseAlarms(update, review.findings);
	applyUnwatchedTerms(update, review.findings);
	applyMissedDeadlines(update, review.findings);
	applyEditedStatements(update, review.findings);
	return finishProposal(original, update, review, now, input.author);
}

/** The draft being edited, with the changes and notes gathered so far. */
interface DraftUpdate {
	draft: CrisisDocument;
	changes: DocumentChange[];
	notes: string[];
	/** `level.field` thresholds a late alert lowered (false alarms must not raise them back). */
	lowered: Set<string>;
}

function record(update: DraftUpdate, path: string, before: unknown, after: unknown, reason: string, finding: Finding['kind']): void {
	update.changes.push({ path, before, after, reason, finding });
}

/** Moves one threshold towards `target`, kept between the neighbouring levels' values; false when unchanged. */
function setThreshold(update: DraftUpdate, level: PlanLevel, field: ThresholdField, target: number, reason: string, finding: Finding['kind']): boolean {
	const i = PLAN_LEVELS.indexOf(level);
	const t = update.draft.levels.thresholds;
	const floor = i > 0 ? t[PLAN_LEVELS[i - 1]][field] : 0;
	const ceiling = i < PLAN_LEVELS.length - 1 ? t[PLAN_LEVELS[i + 1]][field] : Number.POSITIVE_INFINITY;
	let value = Math.min(Math.max(target, floor), ceiling);
	value = INTEGER_FIELDS.includes(field) ? Math.round(value) : Math.round(value * 100) / 100;
	const before = t[level][field];
	if (value === before) return false;
	t[level][field] = value;
	record(update, `levels.thresholds.${level}.${field}`, before, value, reason, finding);
	return true;
}

function applyLateAlerts(update: DraftUpdate, findings: readonly Finding[]): void {
	const step = update.draft.review.thresholdStep;
	for (const f of findings) {
		if (f.kind !== 'lateAlert') continue;
		const current = update.draft.levels.thresholds[f.level];
		const reason = `Late alert: ${f.reason}`;
		if (f.blockingCriteria.length > 0) {
			for (const b of f.blockingCriteria) {
				const field = b.field as ThresholdField;
				const target = INTEGER_FIELDS.includes(field) ? Math.floor(b.observed) : Math.floor(b.observed * 100) / 100;
				if (target < current[field] && setThreshold(update, f.level, field, target, reason, 'lateAlert')) update.lowered.add(`${f.level}.${field}`);
			}
		} else {
			const fields: ThresholdField[] = f.source === 'backtest' ? ['minVolumeRatio', 'minMentions'] : ['minVolumeRatio'];
			for (const field of fields) {
				if (setThreshold(update, f.level, field, current[field] * (1 - step), reason, 'lateAlert')) update.lowered.add(`${f.level}.${field}`);
			}
		}
	}
}

function applyFalseAlarms(update: DraftUpdate, findings: readonly Finding[]): void {
	const step = update.draft.review.thresholdStep;
	for (const f of findings) {
		if (f.kind !== 'falseAlarm') continue;
		for (const field of ['minMentions', 'minVolumeRatio'] as ThresholdField[]) {
			if (update.lowered.has(`${f.level}.${field}`)) {
				update.notes.push(`False alarms at ${f.level} call for a higher ${field}, but this incident's late alert lowered it: discuss in the debrief (${f.reason})`);
				continue;
			}
			const current = update.draft.levels.thresholds[f.level][field];
			const target = field === 'minMentions' ? Math.ceil(current * (1 + step)) : current * (1 + step);
			if (!setThreshold(update, f.level, field, target, `False alarms: ${f.reason}`, 'falseAlarm')) {
				update.notes.push(`False alarms at ${f.level}: ${field} cannot rise above the next level's; review the thresholds by hand.`);
			}
		}
	}
}

function applyUnwatchedTerms(update: DraftUpdate, findings: readonly Finding[]): void {
	const draft = update.draft;
	for (const f of findings) {
		if (f.kind !== 'unwatchedTerm') continue;
		const reason = `Unwatched term: ${f.reason}`;
		const key = normaliseForCues(f.term).trim().replace(/ /g, '');
		if (!draft.brand.hashtags.some((h) => normaliseForCues(h).trim().replace(/ /g, '') === key)) {
			const before = [...draft.brand.hashtags];
			draft.brand.hashtags.push(f.term);
			record(update, 'brand.hashtags', before, [...draft.brand.hashtags], reason, 'unwatchedTerm');
		}
		const index = draft.scenarios.findIndex((s) => s.id === f.scenarioId);
		if (index >= 0) {
			const scenario = draft.scenarios[index];
			const cues = scenario.cues[f.language] ?? [];
			const cue = `#${f.term}`;
			if (!cues.some((c) => normaliseForCues(c) === normaliseForCues(cue))) {
				const before = [...cues];
				scenario.cues[f.language] = [...cues, cue];
				record(update, `scenarios[${index}].cues.${f.language}`, before, scenario.cues[f.language], reason, 'unwatchedTerm');
			}
		}
	}
}

function applyMissedDeadlines(update: DraftUpdate, findings: readonly Finding[]): void {
	const { draft, notes } = update;
	for (const f of findings) {
		if (f.kind !== 'missedDeadline') continue;
		const targets = stepDefinitions(draft, f.stepId);
		if (targets.length === 0) {
			notes.push(`Missed deadline: ${f.reason} The step is no longer in the document.`);
			continue;
		}
		for (const { path, definition } of targets) {
			if (definition.backupOwner) {
				notes.push(`Missed deadline: ${f.reason} It already has a backup owner (${definition.backupOwner}): discuss the deadline or the staffing in the debrief.`);
				continue;
			}
			const deputy = draft.contacts.find((c) => c.id === definition.owner)?.deputy;
			if (!deputy || deputy === definition.owner) {
				notes.push(`Missed deadline: ${f.reason} Its owner ${definition.owner} has no deputy in contacts: name one.`);
				continue;
			}
			definition.backupOwner = deputy;
			record(update, `${path}.backupOwner`, undefined, deputy, `Missed deadline: ${f.reason} Name ${deputy} (the owner's deputy) as backup owner so it does not wait on one person.`, 'missedDeadline');
		}
	}
}

function applyEditedStatements(update: DraftUpdate, findings: readonly Finding[]): void {
	const { draft, notes } = update;
	for (const f of findings) {
		if (f.kind !== 'editedStatement') continue;
		if (f.truncated) {
			notes.push(`Edited statement: ${f.reason} The draft had been cut to fit its channel, so the edit is not turned into a template: consider writing a shorter "short" text.`);
			continue;
		}
		const index = draft.scenarios.findIndex((s) => s.id === f.scenarioId);
		const variant = index >= 0 ? draft.scenarios[index].statements[f.statementKind]?.[f.language] : undefined;
		if (!variant) {
			notes.push(`Edited statement: ${f.reason} Its template is no longer in the document.`);
			continue;
		}
		const template = toTemplate(f.approved, f.values);
		const allowed = [
			...BUILTIN_PLACEHOLDERS.filter((p) => p !== 'handle' || f.statementKind === 'reply'),
			...draft.placeholders.map((p) => p.name),
		] as string[];
		const parsed = parseTemplate(template);
		if (!parsed.ok || parsed.template.placeholders.some((p) => !allowed.includes(p))) {
			notes.push(`Edited statement: ${f.reason} The approved text cannot become a template (${parsed.ok ? 'unknown placeholder' : parsed.error}); update it by hand.`);
			continue;
		}
		const before = variant[f.variant];
		if (before === template) continue;
		variant[f.variant] = template;
		record(
			update,
			`scenarios[${index}].statements.${f.statementKind}.${f.language}.${f.variant}`,
			before,
			template,
			`Edited statement: ${f.reason} The approved wording becomes the template (values put back as placeholders).`,
			'editedStatement',
		);
	}
}

/** Bumps the version, checks the result is still a valid document, and renders the diff. */
function finishProposal(
	original: CrisisDocument,
	update: DraftUpdate,
	review: IncidentReview,
	now: string,
	author: string | undefined,
): DocumentUpdateProposal {
	const { draft, changes, notes } = update;
	const previousVersion = original.version;
	if (changes.length === 0) {
		return { document: original, previousVersion, version: previousVersion, changed: false, changes, diff: [], diffText: 'No change proposed.', notes };
	}
	const next = nextDocumentVersion(draft, {
		now,
		author: author ?? 'Crisis Kit post-crisis review',
		summary: `Post-crisis review of incident ${review.incidentId}: ${changes.length} change${changes.length > 1 ? 's' : ''} (${[...new Set(changes.map((c) => c.finding))].join(', ')}).`,
		changes: changes.map((c) => ({ path: c.path, reason: c.reason })),
	});
	const check = validateCrisisDocument(next);
	if (!check.ok) {
		throw new PlaybookError('invalidDocument', `the proposed version would be invalid: ${check.errors.slice(0, 3).map((e) => e.message).join('; ')}`);
	}
	const diff = diffDocuments(original, check.document);
	const header = `Crisis document v${previousVersion} → v${next.version} (${check.document.updatedAt}, ${check.document.updatedBy})`;
	return {
		document: check.document,
		previousVersion,
		version: next.version,
		changed: true,
		changes,
		diff,
		diffText: `${header}\n${renderDiff(diff, changes)}`,
		notes,
	};
}

/** Where a step id is defined: the library, or inline in scenario levels. */
function stepDefinitions(document: CrisisDocument, id: string): Array<{ path: string; definition: StepDefinition }> {
	if (document.steps[id]) return [{ path: `steps.${id}`, definition: document.steps[id] }];
	const out: Array<{ path: string; definition: StepDefinition }> = [];
	document.scenarios.forEach((s, i) => {
		for (const level of PLAN_LEVELS) {
			s.levels[level]?.steps.forEach((entry, j) => {
				if (!('ref' in entry) && entry.id === id) out.push({ path: `scenarios[${i}].levels.${level}.steps[${j}]`, definition: entry });
			});
		}
	});
	return out;
}

/**
 * Puts placeholder values back as `{name}` (longest values first; values under 4 characters are
 * left as text). Braces typed by the approver stay, so the template check rejects them.
 */
function toTemplate(text: string, values: Record<string, string>): string {
	const entries = Object.entries(values)
		.filter(([, v]) => typeof v === 'string' && v.length >= 4)
		.sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
	let out = text;
	const slots: string[] = [];
	for (const [name, value] of entries) {
		if (!out.includes(value)) continue;
		slots.push(name);
		out = out.split(value).join(`\uE000${slots.length - 1}\uE000`);
	}
	return out.replace(/\uE000(\d+)\uE000/g, (_, i: string) => `{${slots[Number(i)]}}`);
}
