/**
 * Assess Situation (Live) keeps its state in the workflow's static data. A corrupted state is reset
 * with a warning, never a crash (the three shapes below crashed ingest or advance before).
 */
const { loadSituationState, createSituationState, ingestMentions, advanceSituation } = require('../../../core/scoring/situation');

const now = '2026-03-05T12:00:00.000Z';
const mention = { id: 'x:1', platform: 'x', publishedAt: '2026-03-05T11:50:00.000Z', text: 'hello', author: { handle: 'a' } };

function goodState() {
	const state = createSituationState();
	ingestMentions(state, [mention]);
	advanceSituation(state, '2026-03-05T11:55:00.000Z');
	return JSON.parse(JSON.stringify(state));
}

const corruptions = {
	'an open bucket that is null': (s) => ({ ...s, open: [null] }),
	'a closed bucket that is a string': (s) => ({ ...s, closed: ['bucket'] }),
	'nextBucket that is a string': (s) => ({ ...s, nextBucket: 'soon' }),
	'a level memory without streaks': (s) => ({ ...s, memory: { level: 'calm' } }),
};

test('a good stored state loads without a warning', () => {
	const loaded = loadSituationState(goodState());
	expect(loaded.warning).toBeUndefined();
});

test.each(Object.entries(corruptions))('%s: reset with a warning, then ingest and advance run', (_name, corrupt) => {
	const loaded = loadSituationState(corrupt(goodState()));
	expect(loaded.warning).toMatch(/Situation state reset/);
	expect(() => {
		ingestMentions(loaded.state, [{ ...mention, id: 'x:2', publishedAt: '2026-03-05T11:58:00.000Z' }]);
		advanceSituation(loaded.state, now);
	}).not.toThrow();
});
