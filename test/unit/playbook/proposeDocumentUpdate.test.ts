import { defaultCrisisDocument } from '../../../core/document';
import { closeIncident, logEvent, proposeDocumentUpdate } from '../../../core/playbook';
import type { IncidentReview } from '../../../core/playbook';

const doc = defaultCrisisDocument();
const NOW = '2026-04-01T12:00:00Z';
const detected = logEvent({ incidentId: 'inc-2', type: 'detected', actor: { kind: 'system', id: 'x' }, data: { level: 'alert', scenarioId: 'serviceOutage' }, now: '2026-04-01T09:00:00Z' });

function review(backtest: Parameters<typeof closeIncident>[0]['backtest']): IncidentReview {
	return closeIncident({ document: doc, incidentId: 'inc-2', timeline: [detected], backtest, now: NOW });
}

describe('proposeDocumentUpdate', () => {
	it('changes nothing when nothing was learned', () => {
		const r = review(undefined);
		expect(r.findings).toEqual([]);
		expect(r.summary[3]).toBe('No finding: the document worked as written.');
		const p = proposeDocumentUpdate({ document: doc, review: r, now: NOW });
		expect(p).toMatchObject({ changed: false, version: 1, changes: [], diffText: 'No change proposed.' });
	});

	it('raises the thresholds of a level with repeated false alarms, never above the next level', () => {
		const r = review({ falseAlarms: [{ at: '2026-03-01T10:00:00Z', level: 'watch' }, { at: '2026-03-02T10:00:00Z', level: 'watch' }, { at: '2026-03-03T10:00:00Z', level: 'alert' }] });
		expect(r.findings).toEqual([{ kind: 'falseAlarm', level: 'watch', count: 2, reason: 'the backtest found 2 false alarms at watch (the document tolerates 1).' }]);
		const p = proposeDocumentUpdate({ document: doc, review: r, now: NOW, author: 'Claire Martin' });
		expect(p.changes.map((c) => [c.path, c.before, c.after])).toEqual([
			['levels.thresholds.watch.minMentions', 6, 8],
			['levels.thresholds.watch.minVolumeRatio', 2, 2.4],
		]);
		expect(p.document.updatedBy).toBe('Claire Martin');
		expect(p.document.history[1].summary).toBe('Post-crisis review of incident inc-2: 2 changes (falseAlarm).');
	});

	it('lowers the volume thresholds of a level the backtest found late', () => {
		const r = review({ lateAlerts: [{ level: 'crisis', firstMentionAt: '2026-02-01T08:00:00Z', alertedAt: '2026-02-01T10:00:00Z' }, { level: 'crisis', firstMentionAt: '2026-02-08T08:00:00Z', alertedAt: null }] });
		const p = proposeDocumentUpdate({ document: doc, review: r, now: NOW });
		expect(p.changes.map((c) => [c.path, c.after])).toEqual([
			['levels.thresholds.crisis.minVolumeRatio', 4],
			['levels.thresholds.crisis.minMentions', 20],
		]);
		expect(p.changes[0].reason).toBe('Late alert: the backtest found 2 incidents flagged at crisis late or never (worst: missed).');
	});

	it('refuses a review it cannot read', () => {
		expect(() => proposeDocumentUpdate({ document: doc, review: {} as IncidentReview, now: NOW })).toThrow('review: expected the review returned by Close Incident');
	});
});
