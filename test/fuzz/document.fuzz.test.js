// JavaScript on purpose (fuzz tier). The crisis-document loader (validateCrisisDocument) on mutated
// copies of the default document, as objects and as JSON text: it never throws; it returns either a
// document or a non-empty list of issues, each with a message, within the time limit.
const { mutateText, mutateJson, fuzz, summary } = require('./fuzzlib');
const { validateCrisisDocument } = require('../../core/document/validateCrisisDocument');
const { defaultCrisisDocument } = require('../../core/document/defaultCrisisDocument');

describe('crisis-document loader under fuzzing (issue 15)', () => {
	it('mutated documents validate to a document or to issues with messages, never a throw', () => {
		const base = JSON.stringify(defaultCrisisDocument());
		const tally = fuzz({
			name: 'crisis document',
			generate: (r) => {
				if (r.chance(0.2)) return mutateText(r, base);
				const doc = mutateJson(r, JSON.parse(base));
				return r.chance(0.3) ? JSON.stringify(doc) : doc;
			},
			run: (input) => validateCrisisDocument(input),
			check: (res) => {
				if (!res || typeof res.ok !== 'boolean') return 'no {ok} result';
				if (res.ok) return res.document && typeof res.document === 'object' ? null : 'ok without a document';
				if (!Array.isArray(res.errors) || res.errors.length === 0) return 'not ok without errors';
				const bad = res.errors.find((e) => typeof e.message !== 'string' || e.message === '');
				return bad ? `an issue without a message: ${JSON.stringify(bad)}` : null;
			},
			isClearError: () => false, // the loader never throws
		});
		console.log(summary(tally));
		expect(tally.failures).toEqual([]);
		expect(tally.results).toBe(tally.cases);
	});
});
