/**
 * The sample crisis end to end: #OrviaLeak detected at alert, escalated to crisis, calmed down,
 * resolved, reviewed — and the crisis document's next version proposed.
 */
import { defaultCrisisDocument } from '../../../core/document';
import type { CrisisDocument } from '../../../core/document';
import {
	closeIncident,
	draftStatement,
	logEvent,
	planIssuedData,
	planResponse,
	proposeDocumentUpdate,
	statementDraftedData,
} from '../../../core/playbook';
import type { Actor, ResponsePlan, StatementDraft, TimelineEvent } from '../../../core/playbook';
import { INCIDENT_ID, mentionsUntil, orviaLeakMentions, situation } from './fixtures/orviaLeak';

const SYSTEM: Actor = { kind: 'system', id: 'assess-situation' };
const INES: Actor = { kind: 'person', id: 'socialLead', name: 'Inès Benali' };
const CLAIRE: Actor = { kind: 'person', id: 'commsLead', name: 'Claire Martin' };

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		Object.values(value as object).forEach(deepFreeze);
		Object.freeze(value);
	}
	return value;
}

interface Replay {
	document: CrisisDocument;
	events: TimelineEvent[];
	plans: ResponsePlan[];
	draft: StatementDraft;
}

/** Plays the incident from detection to the last plan, as the n8n workflows would. */
function replay(): Replay {
	const document = deepFreeze(defaultCrisisDocument());
	const mentions = orviaLeakMentions();
	const events: TimelineEvent[] = [];
	const log = (type: TimelineEvent['type'], actor: Actor, at: string, data: TimelineEvent['data']): TimelineEvent => {
		const event = logEvent({ incidentId: INCIDENT_ID, type, actor, at, now: at, data });
		events.push(event);
		return event;
	};
	const plans: ResponsePlan[] = [];
	const plan = (level: 'alert' | 'crisis', at: string, reasons: string[]): ResponsePlan => {
		const p = planResponse({
			document,
			situation: situation(level, at, reasons),
			mentions: mentionsUntil(mentions, at),
			timeline: events,
			incidentId: INCIDENT_ID,
			now: at,
		});
		plans.push(p);
		log('planIssued', SYSTEM, at, planIssuedData(p));
		return p;
	};

	log('detected', SYSTEM, '2026-03-05T09:00:00.000Z', { level: 'alert', scenarioId: 'dataBreach', reasons: ['volume 4.1× the baseline'] });
	const first = plan('alert', '2026-03-05T09:00:00.000Z', ['volume 4.1× the baseline', '74% negative']);
	log('publishingPaused', INES, '2026-03-05T09:05:00.000Z', { count: 4, targets: ['n8n:weekly-promo', 'hootsuite:x'] });
	log('stepCompleted', INES, '2026-03-05T09:10:00.000Z', { stepId: 'alertCrisisCell' });
	const draft = draftStatement({ document, plan: first, channel: 'x', language: 'fr', now: '2026-03-05T09:20:00.000Z' });
	log('statementDrafted', CLAIRE, '2026-03-05T09:20:00.000Z', statementDraftedData(draft));
	const edited = draft.text.replace('C’est notre priorité absolue', 'Nous vous présentons nos excuses, c’est notre priorité absolue').replace("C'est notre priorité absolue", 'Nous vous présentons nos excuses, c’est notre priorité absolue');
	log('statementApproved', CLAIRE, '2026-03-05T09:32:00.000Z', { statementId: draft.statementId, approverId: 'commsLead', text: edited });
	log('levelChanged', SYSTEM, '2026-03-05T09:40:00.000Z', { from: 'alert', to: 'crisis', reasons: ['volume 9× the baseline'] });
	plan('crisis', '2026-03-05T09:40:00.000Z', ['volume 9× the baseline', 'two influential authors']);
	log('statementPosted', INES, '2026-03-05T09:45:00.000Z', { statementId: draft.statementId, channel: 'x', kind: 'holding', url: 'https://x.com/orvia/status/1' });
	log('stepCompleted', { kind: 'person', id: 'supportLead' }, '2026-03-05T09:50:00.000Z', { stepId: 'briefSupport' });
	log('stepCompleted', { kind: 'person', id: 'techLead' }, '2026-03-05T09:55:00.000Z', { stepId: 'updateStatusPage' });
	log('stepCompleted', { kind: 'person', id: 'dpo' }, '2026-03-05T10:20:00.000Z', { stepId: 'involveDpo' });
	for (const stepId of ['replyToKeyPosts', 'legalReview', 'briefExecutives', 'openCrmCases']) {
		log('stepCompleted', CLAIRE, '2026-03-05T10:30:00.000Z', { stepId });
	}
	log('levelChanged', SYSTEM, '2026-03-05T11:30:00.000Z', { from: 'crisis', to: 'alert' });
	plan('alert', '2026-03-05T11:30:00.000Z', ['volume 3× the baseline']);
	log('publishingResumed', INES, '2026-03-05T12:30:00.000Z', { count: 4 });
	return { document, events, plans, draft };
}

describe('the #OrviaLeak sample crisis', () => {
	const run = replay();
	const [alertPlan, crisisPlan, calmerPlan] = run.plans;

	it('matches the data-breach scenario and says why', () => {
		expect(alertPlan.scenario.id).toBe('dataBreach');
		expect(alertPlan.scenario.source).toBe('matched');
		expect(alertPlan.scenario.reasons[0]).toBe("the situation's themes include dataLeak");
		expect(alertPlan.scenario.reasons.join(' ')).toMatch(/mentions carry its themes: "dataLeak"/);
		expect(alertPlan.scenario.reasons.join(' ')).toMatch(/42 of 48 mentions use its cues: .*"data leak" \(6\)/);
		expect(alertPlan.alternatives.map((a) => a.scenarioId)).toContain('serviceOutage');
	});

	it('plans the alert steps with owners and deadlines in Paris time', () => {
		expect(alertPlan.steps.map((s) => [s.id, s.ownerId, s.dueAt])).toEqual([
			['alertCrisisCell', 'socialLead', '2026-03-05T10:15:00.000+01:00'],
			['pausePublishing', 'socialLead', '2026-03-05T10:15:00.000+01:00'],
			['draftHoldingStatement', 'commsLead', '2026-03-05T10:30:00.000+01:00'],
			['briefSupport', 'supportLead', '2026-03-05T10:30:00.000+01:00'],
			['monitorConversation', 'socialLead', '2026-03-05T11:00:00.000+01:00'],
			['involveDpo', 'dpo', '2026-03-05T11:00:00.000+01:00'],
		]);
		expect(alertPlan.steps[0].owner).toEqual({ id: 'socialLead', name: 'Inès Benali', role: 'Social media and community manager', email: 'ines.benali@orvia.example', phone: '+33 1 84 00 00 03' });
		expect(alertPlan.steps.every((s) => s.status === 'new')).toBe(true);
		expect(alertPlan.changes.isFirstPlan).toBe(true);
		expect(alertPlan.stance).toBe('acknowledge');
		expect(alertPlan.publishing.action).toBe('pause');
		expect(alertPlan.statement).toMatchObject({
			status: 'due',
			dueAt: '2026-03-05T10:45:00.000+01:00',
			approval: { approverId: 'commsLead', deputyId: 'legal', timeoutMinutes: 15 },
		});
	});

	it('escalates to crisis by adding steps, never repeating the ones done', () => {
		expect(crisisPlan.level).toBe('crisis');
		expect(crisisPlan.previousLevel).toBe('alert');
		expect(crisisPlan.changes.levelChanged).toEqual({ from: 'alert', to: 'crisis' });
		expect([...crisisPlan.changes.alreadyDoneSteps].sort()).toEqual(['alertCrisisCell', 'draftHoldingStatement', 'pausePublishing']);
		expect(crisisPlan.changes.addedSteps).toEqual([
			'postHoldingStatement',
			'updateStatusPage',
			'replyToKeyPosts',
			'legalReview',
			'briefExecutives',
			'pressQandA',
			'openCrmCases',
		]);
		expect([...crisisPlan.changes.carriedOverSteps].sort()).toEqual(['briefSupport', 'involveDpo', 'monitorConversation']);
		const ids = crisisPlan.steps.map((s) => s.id);
		for (const done of ['alertCrisisCell', 'draftHoldingStatement', 'pausePublishing']) expect(ids).not.toContain(done);
		// Carried-over steps keep their first deadline.
		expect(crisisPlan.steps.find((s) => s.id === 'involveDpo')?.dueAt).toBe('2026-03-05T11:00:00.000+01:00');
		expect(crisisPlan.steps.find((s) => s.id === 'postHoldingStatement')).toMatchObject({ status: 'new', dueAt: '2026-03-05T11:25:00.000+01:00', operation: 'postStatement' });
		expect(crisisPlan.stance).toBe('apologise');
		expect(crisisPlan.publishing.action).toBe('keepPaused');
		// The statement deadline of the crisis level (30 min) comes after the alert one: the earlier stays.
		expect(crisisPlan.statement?.dueAt).toBe('2026-03-05T10:45:00.000+01:00');
		expect(crisisPlan.changes.summary).toContain('Level went up from alert to crisis: 7 steps added.');
	});

	it('calms down to alert without dropping open commitments', () => {
		expect(calmerPlan.changes.levelChanged).toEqual({ from: 'crisis', to: 'alert' });
		expect(calmerPlan.changes.addedSteps).toEqual([]);
		expect(calmerPlan.steps.map((s) => s.id).sort()).toEqual(['monitorConversation', 'pressQandA']);
		expect(calmerPlan.steps.find((s) => s.id === 'pressQandA')?.status).toBe('open');
		expect(calmerPlan.steps.find((s) => s.id === 'monitorConversation')?.status).toBe('overdue');
		expect(calmerPlan.statement?.status).toBe('posted');
		expect(calmerPlan.publishing).toEqual({ action: 'keepPaused', reason: 'publishing is paused and alert keeps it paused' });
	});

	it('drafts the French holding statement for X, filled and within 280 characters, pending approval', () => {
		expect(run.draft.variant).toBe('short');
		expect(run.draft.text).toBe(
			'Des clients Orvia ont vu des informations de compte qui n\'étaient pas les leurs après notre dernière mise à jour. C\'est notre priorité absolue, des mesures immédiates sont prises. Point à 11h20 : https://status.orvia.example',
		);
		expect(run.draft.length).toBeLessThanOrEqual(280);
		expect(run.draft.needsApproval).toBe(true);
		expect(run.draft.approval).toMatchObject({ approverId: 'commsLead', deputyId: 'legal', timeoutMinutes: 15, escalateAt: '2026-03-05T10:35:00.000+01:00' });
	});

	it('is deterministic: the same incident replayed gives the same plans, ids and events', () => {
		const again = replay();
		expect(again.plans).toEqual(run.plans);
		expect(again.events.map((e) => e.id)).toEqual(run.events.map((e) => e.id));
		expect(again.draft).toEqual(run.draft);
	});

	describe('closing and learning', () => {
		const review = closeIncident({
			document: run.document,
			incidentId: INCIDENT_ID,
			timeline: run.events,
			mentions: orviaLeakMentions(),
			now: '2026-03-05T13:00:00.000Z',
			actor: CLAIRE,
		});

		it('measures the incident', () => {
			expect(review).toMatchObject({
				peakLevel: 'crisis',
				scenarioIds: ['dataBreach'],
				firstMentionAt: '2026-03-05T07:42:00.000Z',
				detectedAt: '2026-03-05T09:00:00.000Z',
				firstStatementPostedAt: '2026-03-05T09:45:00.000Z',
				timeToDetectMinutes: 78,
				timeToAcknowledgeMinutes: 45,
				resolvedAt: '2026-03-05T13:00:00.000Z',
			});
			expect(review.resolvedEvent).toMatchObject({ type: 'resolved', at: '2026-03-05T13:00:00.000Z', actor: CLAIRE });
		});

		it('finds the late alert, the unwatched hashtag, the missed deadlines and the edited statement', () => {
			const kinds = review.findings.map((f) => f.kind);
			expect(kinds).toEqual(expect.arrayContaining(['lateAlert', 'unwatchedTerm', 'missedDeadline', 'editedStatement']));
			const late = review.findings.find((f) => f.kind === 'lateAlert');
			expect(late).toMatchObject({ level: 'alert', source: 'timeline', dueAt: '2026-03-05T08:13:00.000Z', minutesLate: 47 });
			expect(late?.kind === 'lateAlert' && late.blockingCriteria.map((b) => b.field)).toEqual([]);
			expect(review.findings.filter((f) => f.kind === 'unwatchedTerm').map((f) => f.kind === 'unwatchedTerm' && [f.term, f.language, f.scenarioId])).toEqual([
				['orvialeak', 'en', 'dataBreach'],
				['rgpd', 'fr', 'dataBreach'],
			]);
			const missed = review.findings.filter((f) => f.kind === 'missedDeadline').map((f) => f.kind === 'missedDeadline' && [f.stepId, f.minutesLate, f.doneAt]);
			expect(missed).toEqual(
				expect.arrayContaining([
					['briefSupport', 20, '2026-03-05T09:50:00.000Z'],
					['involveDpo', 20, '2026-03-05T10:20:00.000Z'],
					['pressQandA', 80, null],
				]),
			);
		});

		const proposal = proposeDocumentUpdate({ document: run.document, review, now: '2026-03-05T16:00:00.000Z' });

		it('proposes version 2 with a reason for each change, leaving version 1 untouched', () => {
			expect(proposal.changed).toBe(true);
			expect(proposal.previousVersion).toBe(1);
			expect(proposal.version).toBe(2);
			expect(proposal.document.version).toBe(2);
			expect(run.document.version).toBe(1);
			expect(run.document).toEqual(defaultCrisisDocument());
			expect(proposal.document.history.map((h) => h.version)).toEqual([1, 2]);
			expect(proposal.document.history[1].changes?.length).toBe(proposal.changes.length);
			for (const c of proposal.changes) expect(c.reason.length).toBeGreaterThan(20);
			expect(proposal.changes.map((c) => c.path)).toEqual([
				'levels.thresholds.alert.minVolumeRatio',
				'brand.hashtags',
				'scenarios[0].cues.en',
				'brand.hashtags',
				'steps.briefSupport.backupOwner',
				'scenarios[0].statements.holding.fr.short',
			]);
		});

		it('turns each finding into the matching change', () => {
			const doc = proposal.document;
			expect(doc.levels.thresholds.alert.minNegativeReach).toBeLessThan(20000);
			expect(doc.brand.hashtags).toEqual(['orvia', 'orvialeak', 'rgpd']);
			expect(doc.scenarios[0].cues.en).toContain('#orvialeak');
			// #RGPD spread too, and "RGPD" is already a French cue: no duplicate.
			expect(doc.scenarios[0].cues.fr?.filter((c) => c.toLowerCase().includes('rgpd'))).toEqual(['RGPD']);
			expect(doc.steps.briefSupport.backupOwner).toBe('supportDeputy');
			expect(doc.scenarios[0].statements.holding?.fr?.short).toBe(
				"Des clients {brand} ont vu des informations de compte qui n'étaient pas les leurs après notre dernière mise à jour. Nous vous présentons nos excuses, c’est notre priorité absolue, des mesures immédiates sont prises. Point à {nextUpdateTime} : {statusPageUrl}",
			);
			expect(proposal.notes.join('\n')).toMatch(/involveDpo .* already has a backup owner \(legal\)/);
		});

		it('renders a human-readable diff with the reasons', () => {
			expect(proposal.diffText.split('\n')[0]).toBe('Crisis document v1 → v2 (2026-03-05T16:00:00.000Z, Crisis Kit post-crisis review)');
			expect(proposal.diffText).toContain('+ brand.hashtags: "orvialeak"');
			expect(proposal.diffText).toMatch(/~ levels\.thresholds\.alert\.minVolumeRatio: 3 → [\d.]+\n {4}why: Late alert: /);
			expect(proposal.diffText).toContain('+ steps.briefSupport.backupOwner: "supportDeputy"');
		});

		it('gives the same review and proposal when replayed', () => {
			const again = replay();
			const review2 = closeIncident({ document: again.document, incidentId: INCIDENT_ID, timeline: again.events, mentions: orviaLeakMentions(), now: '2026-03-05T13:00:00.000Z', actor: CLAIRE });
			expect(review2).toEqual(review);
			expect(proposeDocumentUpdate({ document: again.document, review: review2, now: '2026-03-05T16:00:00.000Z' })).toEqual(proposal);
		});
	});
});
