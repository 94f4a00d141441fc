import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { CrisisPlaybook } from '../../../nodes/CrisisPlaybook/CrisisPlaybook.node';
import { fakeExecuteFunctions } from '../../helpers/fakeExecuteFunctions';
import { INCIDENT_ID, mentionsUntil, orviaLeakMentions, situation } from '../playbook/fixtures/orviaLeak';

const node = new CrisisPlaybook();
const mentions = orviaLeakMentions();

async function run(parameters: Record<string, unknown>, items: INodeExecutionData[], extra: { continueOnFail?: boolean } = {}): Promise<IDataObject[]> {
	const ctx = fakeExecuteFunctions({ parameters, items, ...extra });
	const [out] = await node.execute.call(ctx);
	return out.map((o) => ({ ...o.json, _paired: o.pairedItem as unknown as IDataObject }));
}

const alertAt = '2026-03-05T09:00:00.000Z';
const crisisAt = '2026-03-05T09:40:00.000Z';
const planParams = (extra: Record<string, unknown> = {}) => ({
	operation: 'planResponse',
	documentSource: 'example',
	incidentId: INCIDENT_ID,
	mentions: mentionsUntil(mentions, crisisAt, 120),
	timeline: '',
	planOptions: { now: '={{ $json.assessedAt }}' },
	...extra,
});

describe('Crisis Playbook node', () => {
	it('describes seven operations, its icons and the three credentials', () => {
		const ops = (node.description.properties[0].options as Array<{ value: string }>).map((o) => o.value).sort();
		expect(ops).toEqual(['closeIncident', 'draftStatement', 'logEvent', 'pausePublishing', 'planResponse', 'proposeDocumentUpdate', 'resumePublishing']);
		expect(node.description.icon).toEqual({ light: 'file:crisisPlaybook.svg', dark: 'file:crisisPlaybook.dark.svg' });
		expect(node.description.credentials?.map((c) => c.name)).toEqual(['crisisKitN8nApi', 'hootsuiteOAuth2Api', 'crisisKitWebhookApi']);
	});

	describe('Plan Response', () => {
		it('plans alert then crisis in time order as one incident (escalation adds steps), deadlines in Paris time', async () => {
			// Crisis item first: the node sorts situations by time.
			const items = [{ json: situation('crisis', crisisAt, ['volume 9×']) as unknown as IDataObject }, { json: situation('alert', alertAt, ['volume 4×']) as unknown as IDataObject }];
			const ctx = fakeExecuteFunctions({ parameters: [planParams({ planOptions: { now: crisisAt } }), planParams({ planOptions: { now: alertAt } })], items });
			const [out] = await node.execute.call(ctx);
			expect(out.map((o) => o.json.level)).toEqual(['alert', 'crisis']);
			expect(out.map((o) => o.pairedItem)).toEqual([{ item: 1 }, { item: 0 }]);
			const [alert, crisis] = out.map((o) => o.json as IDataObject & { steps: Array<{ id: string; dueAt: string; ownerId: string }> });
			expect(alert.scenario).toMatchObject({ id: 'dataBreach', source: 'matched' });
			expect(alert.steps[0]).toMatchObject({ id: 'alertCrisisCell', ownerId: 'socialLead', dueAt: '2026-03-05T10:15:00.000+01:00' });
			expect((crisis.changes as IDataObject).levelChanged).toEqual({ from: 'alert', to: 'crisis' });
			expect((crisis.changes as IDataObject).addedSteps).toContain('postHoldingStatement');
			expect((alert.timelineEvent as IDataObject).type).toBe('planIssued');
			expect((alert.timelineEvent as IDataObject).incidentId).toBe(INCIDENT_ID);
		});

		it('never repeats steps the timeline shows done before the plan (events without id are accepted)', async () => {
			const timeline = [
				{ incidentId: INCIDENT_ID, type: 'publishingPaused', at: '2026-03-05T09:05:00Z', actor: { kind: 'person', id: 'socialLead' }, data: { count: 2 } },
				{ incidentId: INCIDENT_ID, type: 'stepCompleted', at: '2026-03-05T09:10:00Z', actor: { kind: 'person', id: 'socialLead' }, data: { stepId: 'alertCrisisCell' } },
				// After the plan's now: ignored.
				{ incidentId: INCIDENT_ID, type: 'stepCompleted', at: '2026-03-05T12:00:00Z', actor: { kind: 'person', id: 'dpo' }, data: { stepId: 'involveDpo' } },
			];
			const [plan] = await run(planParams({ timeline: JSON.stringify(timeline), planOptions: { now: crisisAt } }), [{ json: situation('crisis', crisisAt, []) as unknown as IDataObject }]);
			expect([...((plan.changes as IDataObject).alreadyDoneSteps as string[])].sort()).toEqual(['alertCrisisCell', 'pausePublishing']);
			expect((plan.steps as Array<{ id: string }>).map((s) => s.id)).toContain('involveDpo');
		});

		it('is deterministic given its inputs and now', async () => {
			const items = [{ json: situation('alert', alertAt, []) as unknown as IDataObject }];
			const a = await run(planParams({ planOptions: { now: alertAt } }), items);
			const b = await run(planParams({ planOptions: { now: alertAt } }), items);
			expect(a).toEqual(b);
		});

		it('fails on an item that is not a situation, or emits an error item with Continue On Fail', async () => {
			const items = [{ json: { hello: 'world' } }, { json: situation('alert', alertAt, []) as unknown as IDataObject }];
			const ctx = fakeExecuteFunctions({ parameters: planParams({ planOptions: { now: alertAt } }), items });
			await expect(node.execute.call(ctx)).rejects.toThrow('Item 0 is not a situation (no level/windowEnd)');
			const out = await run(planParams({ planOptions: { now: alertAt } }), items, { continueOnFail: true });
			expect(out.map((o) => o._paired)).toEqual([{ item: 1 }, { item: 0 }]);
			expect(out.find((o) => o.error)?.error).toMatch(/not a situation/);
		});

		it('names the path of an invalid crisis document', async () => {
			const ctx = fakeExecuteFunctions({ parameters: planParams({ documentSource: 'json', crisisDocument: '{"schemaVersion": 1}' }), items: [{ json: situation('alert', alertAt, []) as unknown as IDataObject }] });
			await expect(node.execute.call(ctx)).rejects.toThrow(/The crisis document is invalid/);
		});

		it('maps an unknown forced scenario to a NodeOperationError with a hint', async () => {
			const ctx = fakeExecuteFunctions({ parameters: planParams({ planOptions: { now: alertAt, scenarioId: 'alienInvasion' } }), items: [{ json: situation('alert', alertAt, []) as unknown as IDataObject }] });
			const error = await node.execute.call(ctx).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as NodeOperationError).description).toMatch(/scenario id of your crisis document/);
		});
	});

	describe('Draft Statement', () => {
		const draftParams = (extra: Record<string, unknown> = {}) => ({
			operation: 'draftStatement',
			documentSource: 'example',
			channel: 'x',
			kind: 'holding',
			language: 'fr',
			variables: {},
			draftOptions: { now: '2026-03-05T09:20:00.000Z' },
			...extra,
		});

		it('drafts the holding statement of the plan, filled, within 280 characters, pending approval', async () => {
			const [plan] = await run(planParams({ planOptions: { now: alertAt } }), [{ json: situation('alert', alertAt, []) as unknown as IDataObject }]);
			const [draft] = await run(draftParams(), [{ json: plan }]);
			expect(draft.text).toMatch(/^Des clients Orvia ont vu/);
			expect(draft.text).not.toMatch(/[{}]/);
			expect(draft.length as number).toBeLessThanOrEqual(280);
			expect(draft.needsApproval).toBe(true);
			expect(draft.approval).toMatchObject({ approverId: 'commsLead', deputyId: 'legal', timeoutMinutes: 15, escalateAt: '2026-03-05T10:35:00.000+01:00' });
			expect(draft.approvalRequest).toMatchObject({ approverEmail: 'claire.martin@orvia.example', deputyEmail: 'anne.petit@orvia.example', waitLimitMinutes: 15 });
			expect((draft.timelineEvent as IDataObject).type).toBe('statementDrafted');
			expect(draft._paired).toEqual({ item: 0 });
		});

		it('drafts an English reply for a situation, filling {handle}', async () => {
			const [draft] = await run(draftParams({ kind: 'reply', replyTo: '@alice', language: 'en', channel: 'bluesky', draftOptions: { now: alertAt, mentions: JSON.stringify(mentionsUntil(mentions, alertAt)) } }), [
				{ json: situation('alert', alertAt, []) as unknown as IDataObject },
			]);
			expect(draft.kind).toBe('reply');
			expect(draft.text).toContain('@alice');
			expect(draft.length as number).toBeLessThanOrEqual(300);
			expect(draft.timelineEvent).toBeNull();
		});

		it('rejects an item that is neither a plan nor a situation', async () => {
			const ctx = fakeExecuteFunctions({ parameters: draftParams(), items: [{ json: { foo: 1 } }] });
			await expect(node.execute.call(ctx)).rejects.toThrow('The input item is not a plan from Plan Response nor a situation');
			const out = await run(draftParams(), [{ json: { foo: 1 } }], { continueOnFail: true });
			expect(out[0]).toMatchObject({ error: expect.stringMatching(/not a plan/), _paired: { item: 0 } });
		});

		it('fails on an unknown custom variable with a hint', async () => {
			const [plan] = await run(planParams({ planOptions: { now: alertAt } }), [{ json: situation('alert', alertAt, []) as unknown as IDataObject }]);
			const ctx = fakeExecuteFunctions({ parameters: draftParams({ variables: { variable: [{ name: 'nope', value: 'x' }] } }), items: [{ json: plan }] });
			await expect(node.execute.call(ctx)).rejects.toThrow(/nope/);
		});
	});

	describe('Log Event', () => {
		const logParams = (extra: Record<string, unknown> = {}) => ({
			operation: 'logEvent',
			incidentId: INCIDENT_ID,
			eventType: 'levelChanged',
			eventData: '{"from": "alert", "to": "crisis"}',
			actorKind: 'person',
			actorId: 'commsLead',
			actorName: 'Claire Martin',
			eventOptions: { now: '2026-03-05T10:00:00Z', at: '2026-03-05T09:40:00Z' },
			...extra,
		});

		it('logs an event with its actor and time, with a deterministic id', async () => {
			const [event] = await run(logParams(), [{ json: {} }]);
			expect(event).toMatchObject({ type: 'levelChanged', at: '2026-03-05T09:40:00.000Z', actor: { kind: 'person', id: 'commsLead', name: 'Claire Martin' }, summary: 'Level changed from alert to crisis' });
			const [again] = await run(logParams(), [{ json: {} }]);
			expect(again.id).toBe(event.id);
		});

		it('outputs a flat Data Table row that Close Incident reads back', async () => {
			const [row] = await run(logParams({ eventOptions: { now: '2026-03-05T10:00:00Z', output: 'row' } }), [{ json: {} }]);
			expect(Object.keys(row).filter((k) => k !== '_paired')).toEqual(['eventId', 'incidentId', 'type', 'at', 'actorId', 'summary', 'event']);
			expect(typeof row.event).toBe('string');
		});

		it('turns a plan, a draft, a pause report into their events (From Input)', async () => {
			const [plan] = await run(planParams({ planOptions: { now: alertAt } }), [{ json: situation('alert', alertAt, []) as unknown as IDataObject }]);
			const [fromPlan] = await run(logParams({ eventType: 'fromInput', eventOptions: { now: '2026-03-05T10:00:00Z' } }), [{ json: plan }]);
			expect(fromPlan).toMatchObject({ type: 'planIssued', at: alertAt });
			const pause = { operation: 'pausePublishing', pauseRecord: { pausedAt: '2026-03-05T09:05:00.000Z' }, targets: ['n8nWorkflows'], pausedCount: 3 };
			const [fromPause] = await run(logParams({ eventType: 'fromInput', eventOptions: { now: '2026-03-05T10:00:00Z' } }), [{ json: pause }]);
			expect(fromPause).toMatchObject({ type: 'publishingPaused', at: '2026-03-05T09:05:00.000Z', data: { count: 3 } });
		});

		it('logs a JSON list of events, one item each', async () => {
			const events = [
				{ type: 'stepCompleted', at: '2026-03-05T09:10:00Z', data: { stepId: 'alertCrisisCell' } },
				{ type: 'note', at: '2026-03-05T09:12:00Z', actorKind: 'system', actorId: 'bot', data: { text: 'Journalist called' } },
			];
			const out = await run(logParams({ eventType: 'eventList', events: JSON.stringify(events) }), [{ json: {} }]);
			expect(out.map((e) => [e.type, (e.actor as IDataObject).id])).toEqual([
				['stepCompleted', 'commsLead'],
				['note', 'bot'],
			]);
		});

		it('rejects invalid event data with the field path, and a time after now', async () => {
			await expect(node.execute.call(fakeExecuteFunctions({ parameters: logParams({ eventData: '{"from": "alert"}' }), items: [{ json: {} }] }))).rejects.toThrow(/data\.to/);
			await expect(node.execute.call(fakeExecuteFunctions({ parameters: logParams({ eventOptions: { now: '2026-03-05T09:00:00Z', at: '2026-03-05T09:40:00Z' } }), items: [{ json: {} }] }))).rejects.toThrow(/not after now/);
			const out = await run(logParams({ eventType: 'fromInput' }), [{ json: { nothing: true } }], { continueOnFail: true });
			expect(out[0]).toMatchObject({ error: 'Item 0 has no event to log', _paired: { item: 0 } });
		});
	});

	describe('Close Incident and Propose Document Update', () => {
		async function timelineRows(): Promise<INodeExecutionData[]> {
			const events = [
				{ type: 'detected', at: '2026-03-05T09:00:00Z', actorKind: 'system', actorId: 'assess', data: { level: 'alert', scenarioId: 'dataBreach' } },
				{ type: 'levelChanged', at: '2026-03-05T09:40:00Z', actorKind: 'system', actorId: 'assess', data: { from: 'alert', to: 'crisis' } },
				{ type: 'statementPosted', at: '2026-03-05T09:45:00Z', data: { statementId: 'stmt_1', channel: 'x', kind: 'holding' } },
			];
			const rows = await run(
				{ operation: 'logEvent', incidentId: INCIDENT_ID, eventType: 'eventList', events: JSON.stringify(events), actorKind: 'person', actorId: 'socialLead', actorName: '', eventOptions: { now: '2026-03-05T10:00:00Z', output: 'row' } },
				[{ json: {} }],
			);
			return rows.map(({ _paired, ...json }) => ({ json: { ...json, ignored: _paired === undefined } }));
		}

		it('closes the incident from Data Table rows and proposes version 2 with reasons, v1 untouched', async () => {
			const rows = await timelineRows();
			const closeParams = {
				operation: 'closeIncident',
				documentSource: 'example',
				incidentId: INCIDENT_ID,
				timeline: '',
				mentions: mentions,
				backtest: '',
				closeOptions: { now: '2026-03-05T13:00:00Z', closedBy: 'commsLead' },
			};
			const [review] = await run(closeParams, rows);
			expect(review).toMatchObject({ peakLevel: 'crisis', timeToAcknowledgeMinutes: 45, eventsRead: 3 });
			expect(review._paired).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(review.resolvedEvent).toMatchObject({ type: 'resolved', actor: { kind: 'person', id: 'commsLead' } });
			const [proposal] = await run({ operation: 'proposeDocumentUpdate', documentSource: 'example', proposeOptions: { now: '2026-03-05T16:00:00Z' } }, [{ json: review }]);
			expect(proposal).toMatchObject({ changed: true, previousVersion: 1, version: 2, incidentId: INCIDENT_ID });
			expect((proposal.document as IDataObject).version).toBe(2);
			expect(proposal.diffText).toMatch(/^Crisis document v1 → v2/);
			for (const c of proposal.changes as Array<{ reason: string }>) expect(c.reason.length).toBeGreaterThan(20);
		});

		it('fails clearly without events of the incident, and without a review', async () => {
			const ctx = fakeExecuteFunctions({ parameters: { operation: 'closeIncident', documentSource: 'example', incidentId: 'other-incident', closeOptions: { now: '2026-03-05T13:00:00Z' } }, items: await timelineRows() });
			await expect(node.execute.call(ctx)).rejects.toThrow('No timeline event of incident "other-incident" in the input');
			const out = await run({ operation: 'closeIncident', documentSource: 'example', incidentId: 'other-incident', closeOptions: {} }, [{ json: {} }], { continueOnFail: true });
			expect(out[0]).toMatchObject({ error: expect.stringMatching(/No timeline event/), _paired: { item: 0 } });
			await expect(
				node.execute.call(fakeExecuteFunctions({ parameters: { operation: 'proposeDocumentUpdate', documentSource: 'example', proposeOptions: {} }, items: [{ json: { level: 'alert' } }] })),
			).rejects.toThrow('The input item is not a review from Close Incident');
		});
	});
});
