import { logEvent, readTimeline, sortTimeline, validateTimelineEvent } from '../../../core/playbook';
import type { TimelineEvent } from '../../../core/playbook';

const base = { incidentId: 'inc-1', actor: { kind: 'person' as const, id: 'socialLead' }, now: '2026-03-05T10:00:00+01:00' };

describe('logEvent', () => {
	it('builds an event with a UTC time, a summary and an id that depends only on its content', () => {
		const e = logEvent({ ...base, type: 'levelChanged', data: { from: 'alert', to: 'crisis' } });
		expect(e).toMatchObject({ incidentId: 'inc-1', type: 'levelChanged', at: '2026-03-05T09:00:00.000Z', summary: 'Level changed from alert to crisis' });
		expect(e.id).toMatch(/^evt_[0-9a-f]{16}$/);
		expect(logEvent({ ...base, type: 'levelChanged', data: { from: 'alert', to: 'crisis' } }).id).toBe(e.id);
		expect(logEvent({ ...base, type: 'levelChanged', data: { from: 'watch', to: 'crisis' } }).id).not.toBe(e.id);
	});

	it.each<[string, Record<string, unknown>, string]>([
		['bad type', { type: 'exploded', data: {} }, 'type: expected an event type: one of "detected", "levelChanged", "planIssued", "statementDrafted", "statementApproved", "statementRejected", "statementPosted", "publishingPaused", "publishingResumed", "stepCompleted", "note", "resolved", got "exploded"'],
		['bad level', { type: 'levelChanged', data: { from: 'alert', to: 'panic' } }, 'data.to: expected a level: one of "calm", "watch", "alert", "crisis", "critical", got "panic"'],
		['missing field', { type: 'stepCompleted', data: {} }, 'data.stepId: expected a non-empty string, got nothing'],
		['unknown field', { type: 'note', data: { text: 'x', txt: 'y' } }, 'data.txt: unknown field (did you mean "text"?); known fields here: text'],
		['bad actor', { type: 'note', data: { text: 'x' }, actor: { kind: 'robot', id: 'x' } }, 'actor.kind: expected an actor kind: one of "person", "system", got "robot"'],
		['bad channel', { type: 'statementPosted', data: { statementId: 's', channel: 'tiktok' } }, 'data.channel: expected a channel'],
		['future event', { type: 'note', data: { text: 'x' }, at: '2026-03-05T09:30:00Z' }, 'at: expected a time not after now (2026-03-05T09:00:00.000Z), got "2026-03-05T09:30:00Z"'],
		['bad time', { type: 'note', data: { text: 'x' }, at: 'yesterday' }, 'at: expected an RFC 3339 date-time with a time zone (2026-03-05T09:14:00Z), got "yesterday"'],
		['bad incident id', { type: 'note', data: { text: 'x' }, incidentId: 'a b' }, 'incidentId: expected an incident id (letters, digits, _ . : -), got "a b"'],
	])('rejects %s with a path-precise message', (_name, patch, message) => {
		expect(() => logEvent({ ...base, ...patch } as unknown as Parameters<typeof logEvent>[0])).toThrow(message);
	});
});

describe('validateTimelineEvent', () => {
	it('accepts an event read back, and spots an edited one', () => {
		const e = logEvent({ ...base, type: 'stepCompleted', data: { stepId: 'briefSupport' } });
		expect(validateTimelineEvent(JSON.parse(JSON.stringify(e)))).toEqual({ ok: true, event: e });
		const tampered = { ...e, data: { stepId: 'legalReview' } };
		const result = validateTimelineEvent(tampered);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors[0].message).toMatch(/^id: expected evt_[0-9a-f]{16} \(the id of this content: was the event edited\?\)/);
		expect(validateTimelineEvent('nope').ok).toBe(false);
	});
});

describe('readTimeline', () => {
	it('marks steps done by their operation and follows pause / resume', () => {
		const at = (m: number) => `2026-03-05T09:${String(m).padStart(2, '0')}:00Z`;
		const later = { ...base, now: '2026-03-05T12:00:00Z' };
		const events: TimelineEvent[] = [
			logEvent({ ...later, type: 'planIssued', at: at(0), data: { planId: 'p', level: 'alert', scenarioId: 'dataBreach', documentVersion: 1, steps: [{ id: 'pausePublishing', ownerId: 'socialLead', dueAt: at(15), operation: 'pausePublishing' }] } }),
			logEvent({ ...later, type: 'publishingPaused', at: at(5), data: {} }),
			logEvent({ ...later, type: 'publishingResumed', at: at(50), data: {} }),
			logEvent({ ...later, type: 'publishingPaused', at: at(55), data: {} }),
		];
		const state = readTimeline([...events].reverse());
		expect(state.completedAt).toEqual({ pausePublishing: '2026-03-05T09:05:00.000Z' });
		expect(state.publishingPaused).toBe(true);
		expect(state.peakLevel).toBe('alert');
		expect(sortTimeline([...events, events[0]]).map((e) => e.id)).toEqual(events.map((e) => e.id));
	});
});
