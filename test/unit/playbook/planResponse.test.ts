import { defaultCrisisDocument } from '../../../core/document';
import { planResponse } from '../../../core/playbook';
import type { PlaybookMention } from '../../../core/playbook';
import type { Situation } from '../../../core/scoring/types';

const doc = defaultCrisisDocument();
const NOW = '2026-06-10T14:00:00Z';

function situation(level: Situation['level'], themes: string[] = []): Situation {
	return { level, windowStart: '2026-06-10T13:00:00Z', windowEnd: NOW, assessedAt: NOW, reasons: ['test'], metrics: {}, themes };
}

function mention(text: string, themes: string[] = []): PlaybookMention {
	return {
		id: `x:${text.length}`,
		platform: 'x',
		source: 'x',
		nativeId: String(text.length),
		url: null,
		publishedAt: '2026-06-10T13:30:00.000Z',
		title: null,
		text,
		language: 'fr',
		author: { id: null, handle: 'a', name: null, url: null, followers: 10, verified: false },
		engagement: { likes: 0, shares: 0, replies: 0, views: null },
		inReplyToId: null,
		rating: null,
		hashtags: [],
		crisis: { risk: 50, language: 'fr', unscored: false, sentiment: null, themes, factors: [], reasons: [] },
	};
}

describe('planResponse', () => {
	it('matches on French cues, accents and case aside', () => {
		const plan = planResponse({ document: doc, situation: situation('alert'), mentions: [mention('Encore une HAUSSE DES PRIX chez Orvia, je vais boycotter')], now: NOW });
		expect(plan.scenario).toMatchObject({ id: 'boycott', source: 'matched' });
		expect(plan.scenario.reasons).toEqual(['1 of 1 mentions use its cues: "boycotter" (1), "hausse des prix" (1)']);
	});

	it('falls back to the fallback scenario when nothing matches, and says so', () => {
		const plan = planResponse({ document: doc, situation: situation('alert'), mentions: [mention('Bonjour')], now: NOW });
		expect(plan.scenario).toMatchObject({ id: 'general', source: 'fallback', score: 0 });
	});

	it('takes a scenario forced by a human, and refuses an unknown one', () => {
		expect(planResponse({ document: doc, situation: situation('crisis'), scenarioId: 'misinformation', now: NOW }).scenario).toMatchObject({ id: 'misinformation', source: 'forced' });
		expect(planResponse({ document: doc, situation: situation('crisis'), scenarioId: 'misinformation', now: NOW }).stance).toBe('correctFacts');
		expect(() => planResponse({ document: doc, situation: situation('crisis'), scenarioId: 'aliens', now: NOW })).toThrow(/^scenarioId: expected a scenario id of the document \(one of dataBreach/);
	});

	it('plans nothing at calm', () => {
		const plan = planResponse({ document: doc, situation: situation('calm', ['outage']), now: NOW });
		expect(plan.steps).toEqual([]);
		expect(plan.statement).toBeNull();
		expect(plan.publishing.action).toBe('none');
	});

	it('plans the cumulative steps of the level, in the language asked', () => {
		const plan = planResponse({ document: doc, situation: situation('critical', ['outage']), now: NOW, language: 'en' });
		expect(plan.scenario.id).toBe('serviceOutage');
		expect(plan.steps.map((s) => s.id)).toEqual(expect.arrayContaining(['monitorConversation', 'alertCrisisCell', 'pausePublishing', 'executiveStatement', 'informRegulator']));
		expect(plan.steps.find((s) => s.id === 'informRegulator')).toMatchObject({ ownerId: 'compliance', backupOwner: { id: 'legal' }, dueAt: '2026-06-10T18:00:00.000+02:00', dueAtUtc: '2026-06-10T16:00:00.000Z' });
		expect(plan.steps[0].action).toMatch(/^[A-Z][a-z]/);
		expect(plan.keyMessages[0]).toBe('We know the service is disrupted and our engineers are working to restore it.');
	});

	it('keeps the scenario of the previous plan unless another clearly dominates', () => {
		const first = planResponse({ document: doc, situation: situation('alert', ['outage']), now: NOW });
		const later = '2026-06-10T14:30:00Z';
		const kept = planResponse({ document: doc, situation: { ...situation('alert', []), assessedAt: later }, mentions: [mention('frais cachés')], previousPlan: first, now: later });
		expect(kept.scenario).toMatchObject({ id: 'serviceOutage', source: 'kept' });
		const switched = planResponse({
			document: doc,
			situation: { ...situation('alert', ['boycott']), assessedAt: later },
			mentions: [mention('boycott', ['boycott']), mention('boycott!', ['boycott'])],
			previousPlan: first,
			now: later,
		});
		expect(switched.scenario.id).toBe('boycott');
		expect(switched.changes.scenarioChanged).toEqual({ from: 'serviceOutage', to: 'boycott' });
		// Open steps of the first scenario stay.
		expect(switched.steps.map((s) => s.id)).toContain('updateStatusPage');
	});

	it('brings a deadline forward when a higher level asks for it sooner', () => {
		const t0 = '2026-06-10T14:00:00Z';
		const alert = planResponse({ document: doc, situation: situation('alert', ['dataLeak']), now: t0 });
		const t1 = '2026-06-10T14:05:00Z';
		const crisis = planResponse({ document: doc, situation: { ...situation('crisis', ['dataLeak']), assessedAt: t1 }, previousPlan: alert, now: t1 });
		expect(crisis.changes.tightenedSteps).toEqual([{ id: 'draftHoldingStatement', fromUtc: '2026-06-10T14:30:00.000Z', toUtc: '2026-06-10T14:20:00.000Z' }]);
		expect(crisis.steps.find((s) => s.id === 'draftHoldingStatement')?.deadlineMinutes).toBe(15);
	});

	it('refuses an invalid document, situation or time with the path', () => {
		expect(() => planResponse({ document: { ...doc, version: 0 }, situation: situation('alert'), now: NOW })).toThrow('document: the crisis document is invalid: version: expected a whole number ≥ 1, got 0');
		expect(() => planResponse({ document: doc, situation: situation('panic' as never), now: NOW })).toThrow('situation.level: expected a level');
		expect(() => planResponse({ document: doc, situation: situation('alert'), now: 'now' })).toThrow('now: expected an RFC 3339 date-time');
	});
});
