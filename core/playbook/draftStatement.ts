/**
 * Draft Statement: the holding statement (or reply, update, resolution) of a scenario, in a
 * language, for a channel — filled with safe placeholders only, fitted to the channel's length
 * limit, and marked as needing approval with the approver, deputy and timeout of the document
 * (what an n8n "send and wait for approval" step needs).
 */
import { CHANNELS, LANGUAGES, STATEMENT_KINDS } from '../document/types';
import type { Channel, CrisisDocument, Language, Scenario, StatementKind } from '../document/types';
import type { Situation } from '../scoring/types';
import { fitToChannel } from './channelLength';
import { contentId } from './ids';
import { matchScenarios } from './matchScenario';
import type { PlaybookMention } from './matchScenario';
import { fillTemplate, placeholderValues } from './placeholders';
import { PlaybookError } from './playbookError';
import { requireDocument } from './requireDocument';
import { findScenario, resolveApproval } from './resolveSteps';
import { parseInstant, toUtc, toZoned } from './time';
import type { ResponsePlan, StatementDraft, TimelineEventData } from './types';

export interface DraftStatementInput {
	document: CrisisDocument;
	channel: Channel;
	now: string;
	/** Which scenario; else the plan's; else matched from the situation and mentions. */
	scenarioId?: string;
	plan?: Pick<ResponsePlan, 'scenario' | 'incidentId' | 'level'> | null;
	situation?: Situation | null;
	mentions?: readonly PlaybookMention[];
	/** Default `holding`. */
	kind?: StatementKind;
	/** Default: the document's default language. */
	language?: Language;
	/** Handle of the author a `reply` answers (`@alice`, `alice.bsky.social`). */
	replyTo?: string;
	/** Values of the document's custom placeholders (`affectedService`, …). */
	variables?: Record<string, unknown>;
	incidentId?: string;
}

export function draftStatement(input: DraftStatementInput): StatementDraft {
	const document = requireDocument(input.document);
	const now = parseInstant(input.now, 'now').setZone(document.timeZone);
	if (!(CHANNELS as readonly string[]).includes(input.channel)) {
		throw new PlaybookError('invalidInput', `expected a channel (one of ${CHANNELS.join(', ')}), got ${JSON.stringify(input.channel)}`, 'channel');
	}
	const language = input.language ?? document.defaultLanguage;
	if (!(LANGUAGES as readonly string[]).includes(language) || !document.languages.includes(language)) {
		throw new PlaybookError('invalidInput', `expected one of the document's languages (${document.languages.join(', ')}), got ${JSON.stringify(language)}`, 'language');
	}
	const kind = input.kind ?? 'holding';
	if (!(STATEMENT_KINDS as readonly string[]).includes(kind)) {
		throw new PlaybookError('invalidInput', `expected a statement kind (one of ${STATEMENT_KINDS.join(', ')}), got ${JSON.stringify(kind)}`, 'kind');
	}
	const scenario = pickScenario(document, input);
	const template = scenario.statements[kind];
	if (!template) {
		const available = STATEMENT_KINDS.filter((k) => scenario.statements[k]);
		throw new PlaybookError(
			'unknownStatement',
			`the scenario ${scenario.id} has no ${kind} statement (it has: ${available.join(', ')})`,
			'kind',
		);
	}
	const variant = template[language];
	if (!variant) throw new PlaybookError('unknownStatement', `the ${kind} statement of ${scenario.id} has no ${language} text`, 'language');

	const values = placeholderValues({ document, scenario, language, now, handle: input.replyTo, variables: input.variables });
	const basePath = `scenarios[${document.scenarios.indexOf(scenario)}].statements.${kind}.${language}`;
	const candidates = [fillTemplate(variant.text, values, `${basePath}.text`)];
	const templates = [variant.text];
	if (variant.short !== undefined) {
		candidates.push(fillTemplate(variant.short, values, `${basePath}.short`));
		templates.push(variant.short);
	}
	const fitted = fitToChannel(candidates.map((c) => c.text), input.channel);
	const used = candidates[fitted.candidate].used;

	const warnings: string[] = [];
	if (fitted.truncated) {
		warnings.push(`The text was cut to fit ${input.channel} (${fitted.limit} characters): read it closely before approving, or write a shorter "short" text in the document.`);
	}
	if (input.replyTo && used.handle === undefined) {
		warnings.push(`replyTo was given but the ${kind} statement does not address anyone ({handle} is not in its text).`);
	}
	const approval = resolveApproval(document, scenario);
	const escalate = now.plus({ minutes: approval.timeoutMinutes });
	const draftedAt = toUtc(now);
	const incidentId = input.incidentId ?? input.plan?.incidentId ?? null;
	const statementId = contentId('stmt', {
		incidentId,
		scenarioId: scenario.id,
		kind,
		language,
		channel: input.channel,
		text: fitted.text,
		draftedAt,
	});
	return {
		statementId,
		scenarioId: scenario.id,
		kind,
		language,
		channel: input.channel,
		text: fitted.text,
		length: fitted.length,
		limit: fitted.limit,
		variant: fitted.candidate === 0 ? 'text' : 'short',
		truncated: fitted.truncated,
		template: templates[fitted.candidate],
		values: used,
		needsApproval: true,
		approval: { ...approval, escalateAt: toZoned(escalate, document.timeZone), escalateAtUtc: toUtc(escalate) },
		stance: scenario.stance,
		documentVersion: document.version,
		draftedAt,
		warnings,
	};
}

function pickScenario(document: CrisisDocument, input: DraftStatementInput): Scenario {
	if (input.scenarioId !== undefined) return findScenario(document, input.scenarioId, 'scenarioId');
	if (input.plan?.scenario?.id) return findScenario(document, input.plan.scenario.id, 'plan.scenario.id');
	const matches = matchScenarios(document, input.situation ?? null, input.mentions ?? []);
	const best = matches[0];
	return findScenario(document, best && best.score > 0 ? best.scenarioId : document.fallbackScenarioId, 'scenarioId');
}

/** The data of the `statementDrafted` event that records `draft` on the timeline. */
export function statementDraftedData(draft: StatementDraft): TimelineEventData['statementDrafted'] {
	return {
		statementId: draft.statementId,
		scenarioId: draft.scenarioId,
		kind: draft.kind,
		language: draft.language,
		channel: draft.channel,
		variant: draft.variant,
		truncated: draft.truncated,
		text: draft.text,
		template: draft.template,
		values: { ...draft.values },
	};
}
