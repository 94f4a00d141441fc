import { DateTime } from 'luxon';

import { defaultCrisisDocument } from '../../../core/document';
import { PlaybookError, draftStatement, fillTemplate, placeholderValues, sanitizeValue } from '../../../core/playbook';

const doc = defaultCrisisDocument();
const now = DateTime.fromISO('2026-03-05T09:07:00Z').setZone('Europe/Paris');

describe('placeholder values', () => {
	it('fills the built-in ones from the document and the time, per language', () => {
		const fr = placeholderValues({ document: doc, scenario: doc.scenarios[0], language: 'fr', now });
		expect(fr).toMatchObject({
			brand: 'Orvia',
			scenario: 'Fuite ou violation de données',
			date: '5 mars 2026',
			time: '10h07',
			nextUpdateTime: '11h10',
			statusPageUrl: 'https://status.orvia.example',
			affectedService: 'notre application',
		});
		const en = placeholderValues({ document: doc, scenario: doc.scenarios[0], language: 'en', now, handle: 'alice.bsky.social' });
		expect(en).toMatchObject({ date: '5 March 2026', time: '10:07', nextUpdateTime: '11:10', handle: '@alice.bsky.social' });
	});

	it('cleans the values it inserts', () => {
		expect(sanitizeValue('  a\n{{ $json.x }}\u0000b  ')).toBe('a (( $json.x )) b');
		expect(Array.from(sanitizeValue('x'.repeat(500))).length).toBe(200);
	});

	it('rejects undeclared variables with a hint, and odd handles', () => {
		expect(() => placeholderValues({ document: doc, scenario: doc.scenarios[0], language: 'fr', now, variables: { affectedServce: 'x' } })).toThrow(
			'variables.affectedServce: unknown placeholder {affectedServce} (did you mean {affectedService}?); the document declares: affectedService, customerAction, keyFact',
		);
		expect(() => placeholderValues({ document: doc, scenario: doc.scenarios[0], language: 'fr', now, handle: 'a b' })).toThrow(PlaybookError);
	});
});

describe('fillTemplate', () => {
	it('never evaluates: a value that looks like a placeholder stays text', () => {
		expect(fillTemplate('{brand} says {keyFact}', { brand: 'Orvia', keyFact: '{brand}' }, 't').text).toBe('Orvia says {brand}');
	});

	it('errors on a placeholder with no value rather than leaving it', () => {
		expect(() => fillTemplate('Hi {handle}', { brand: 'Orvia' }, 'scenarios[0].statements.reply.fr.text')).toThrow(
			'scenarios[0].statements.reply.fr.text: {handle} has no value (give the handle to reply to)',
		);
		expect(() => fillTemplate('Hi {who}', {}, 't')).toThrow('t: unknown placeholder {who}');
	});

	it('is used by draftStatement: a reply needs the handle it answers', () => {
		expect(() => draftStatement({ document: doc, scenarioId: 'serviceOutage', kind: 'reply', channel: 'x', now: '2026-03-05T09:07:00Z' })).toThrow(/\{handle\} has no value/);
		const reply = draftStatement({ document: doc, scenarioId: 'serviceOutage', kind: 'reply', channel: 'x', language: 'en', replyTo: '@bob', now: '2026-03-05T09:07:00Z' });
		expect(reply.text.startsWith('@bob Sorry, you are not alone')).toBe(true);
	});
});
