import { defaultCrisisDocument, diffDocuments, nextDocumentVersion, renderDiff } from '../../../core/document';

describe('diffDocuments', () => {
	it('lists set changes, id-matched changes and scalar changes, meta aside', () => {
		const a = defaultCrisisDocument();
		const b = nextDocumentVersion(a, { now: '2026-04-01T00:00:00Z', author: 'me', summary: 'test' });
		b.brand.hashtags.push('orvialeak');
		b.brand.excludeTerms = ['Orvia Hotel'];
		b.contacts = [b.contacts[1], b.contacts[0], ...b.contacts.slice(2)];
		b.contacts[0].phone = '+33 6 00 00 00 00';
		b.levels.thresholds.alert.minMentions = 20;
		const entries = diffDocuments(a, b);
		expect(entries).toEqual([
			{ path: 'brand.hashtags', kind: 'added', after: 'orvialeak' },
			{ path: 'brand.excludeTerms', kind: 'removed', before: 'Orvia Yachts' },
			{ path: 'levels.thresholds.alert.minMentions', kind: 'changed', before: 12, after: 20 },
			{ path: 'contacts[0].phone', kind: 'changed', before: '+33 1 84 00 00 02', after: '+33 6 00 00 00 00' },
		]);
		expect(renderDiff(entries, [{ path: 'levels.thresholds.alert', reason: 'late alert' }])).toBe(
			[
				'+ brand.hashtags: "orvialeak"',
				'- brand.excludeTerms: "Orvia Yachts"',
				'~ levels.thresholds.alert.minMentions: 12 → 20',
				'    why: late alert',
				'~ contacts[0].phone: "+33 1 84 00 00 02" → "+33 6 00 00 00 00"',
			].join('\n'),
		);
		expect(diffDocuments(a, b, { includeMeta: true }).map((e) => e.path)).toEqual(expect.arrayContaining(['version', 'history[1]']));
	});

	it('bumps the version without touching the original', () => {
		const a = defaultCrisisDocument();
		const b = nextDocumentVersion(a, { now: '2026-04-01T00:00:00Z', author: 'me', summary: 'why', changes: [{ path: 'x', reason: 'y' }] });
		expect(a.version).toBe(1);
		expect(a.history).toHaveLength(1);
		expect(b.version).toBe(2);
		expect(b.history[1]).toEqual({ version: 2, updatedAt: '2026-04-01T00:00:00Z', updatedBy: 'me', summary: 'why', changes: [{ path: 'x', reason: 'y' }] });
	});
});
