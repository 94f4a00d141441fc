import { htmlToText, decodeEntities } from '../../../core/sources/html';
import {
	epochSecondsToIso,
	parseRfc2822,
	toIsoTimestamp,
	laterTimestamp,
} from '../../../core/sources/dates';
import { extractHashtags, normaliseHashtags } from '../../../core/sources/hashtags';
import { normaliseLanguage } from '../../../core/sources/language';
import {
	compareNumericIds,
	newestNumericId,
	oldestNumericId,
} from '../../../core/sources/numericIds';
import { parseBody, parseJsonPreservingBigInts } from '../../../core/sources/json';
import { SourceBodyError } from '../../../core/sources/errors';

describe('htmlToText / decodeEntities', () => {
	it('strips tags, keeps paragraphs, decodes entities', () => {
		expect(
			htmlToText('<p>Hello&nbsp;<b>world</b> &amp; &#x27;you&#39;</p><p>bye<br/>now</p>'),
		).toBe("Hello world & 'you'\n\nbye\nnow");
		expect(htmlToText('<script>alert(1)</script><style>p{}</style>ok <!-- hidden -->')).toBe('ok');
		expect(decodeEntities('caf&eacute; &laquo;x&raquo; &unknown; &#128512;')).toBe(
			'café «x» &unknown; 😀',
		);
		expect(decodeEntities('&#0; &#xD800; &#99999999;')).toBe('\uFFFD \uFFFD &#99999999;');
	});
});

describe('dates', () => {
	it('converts epoch seconds (float too) and refuses garbage', () => {
		expect(epochSecondsToIso(1689261401.0)).toBe('2023-07-13T15:16:41.000Z');
		expect(epochSecondsToIso('1506555204')).toBe('2017-09-27T23:33:24.000Z');
		expect(epochSecondsToIso(1772701200.5)).toBe('2026-03-05T09:00:00.500Z');
		for (const bad of [null, 'abc', -5, NaN, 1e15, '12e3'])
			expect(epochSecondsToIso(bad)).toBeNull();
	});

	it('reads RFC 2822 with numeric and named zones', () => {
		expect(parseRfc2822('Wed, 10 Jul 2019 11:53:37 +0000')).toBe('2019-07-10T11:53:37.000Z');
		expect(parseRfc2822('Thu, 05 Mar 2026 10:05:00 +0100')).toBe('2026-03-05T09:05:00.000Z');
		expect(parseRfc2822('Wed, 4 Mar 26 18:00 EST')).toBe('2026-03-04T23:00:00.000Z');
		expect(parseRfc2822('5 Mar 2026 09:00:00 GMT')).toBe('2026-03-05T09:00:00.000Z');
		expect(parseRfc2822('Thu, 31 Feb 2026 10:00:00 GMT')).toBeNull();
		expect(parseRfc2822('Thu, 05 Foo 2026 10:00:00 GMT')).toBeNull();
	});

	it('reads RFC3339 / ISO 8601 with offsets, date-only as UTC midnight', () => {
		expect(toIsoTimestamp('2020-08-07T20:17:03-07:00')).toBe('2020-08-08T03:17:03.000Z');
		expect(toIsoTimestamp('2021-08-03T17:39:20Z')).toBe('2021-08-03T17:39:20.000Z');
		expect(toIsoTimestamp('2024-11-11T19:47:02.648123Z')).toBe('2024-11-11T19:47:02.648Z');
		expect(toIsoTimestamp('2026-03-01')).toBe('2026-03-01T00:00:00.000Z');
		expect(toIsoTimestamp('2026-13-45T99:00:00Z')).toBeNull();
		expect(toIsoTimestamp('yesterday')).toBeNull();
		expect(toIsoTimestamp(1689261401)).toBeNull();
		expect(laterTimestamp('2026-03-05T09:00:00.000Z', '2026-03-05T10:00:00.000Z')).toBe(
			'2026-03-05T10:00:00.000Z',
		);
		expect(laterTimestamp(null, null)).toBeNull();
	});
});

describe('hashtags and languages', () => {
	it('extracts hashtags, ignoring anchors, entities and numbers', () => {
		expect(
			extractHashtags(
				'#Orvia fuite #RGPD, see https://x.example/#section and #1 &#39; #Vie_Privée',
			),
		).toEqual(['orvia', 'rgpd', 'vie_privée']);
		expect(normaliseHashtags(['#Crisis', 'crisis', 42, ' ', 'Brand'])).toEqual(['crisis', 'brand']);
	});

	it('normalises language codes', () => {
		expect(normaliseLanguage('fr-FR')).toBe('fr');
		expect(normaliseLanguage('pt_BR')).toBe('pt');
		expect(normaliseLanguage('EN')).toBe('en');
		expect(normaliseLanguage('und')).toBeNull();
		expect(normaliseLanguage(null)).toBeNull();
	});
});

describe('numeric ids', () => {
	it('compares by length then lexically, never through Number', () => {
		expect(compareNumericIds('99999999999999999', '103270115826048975')).toBeLessThan(0);
		expect(compareNumericIds('1897000000000000004', '1897000000000000003')).toBeGreaterThan(0);
		expect(compareNumericIds('007', '7')).toBe(0);
		// these two are the same double, but not the same id
		expect(Number('9007199254740993') === Number('9007199254740992')).toBe(true);
		expect(compareNumericIds('9007199254740993', '9007199254740992')).toBeGreaterThan(0);
		expect(newestNumericId(['5', 'abc', '10', '9'])).toBe('10');
		expect(oldestNumericId(['5', 'abc', '10', '9'])).toBe('5');
		expect(newestNumericId([])).toBeNull();
	});
});

describe('parseBody', () => {
	it('parses JSON text, preserving big integers', () => {
		expect(
			parseBody(
				'x',
				'{"id":1897000000000000003,"n":5,"s":"1897000000000000003 \\" 123456789012345678"}',
			),
		).toEqual({
			id: '1897000000000000003',
			n: 5,
			s: '1897000000000000003 " 123456789012345678',
		});
		expect(parseJsonPreservingBigInts('[-9007199254740993, 3.14, 1e400]')).toEqual([
			'-9007199254740993',
			3.14,
			Infinity,
		]);
	});

	it('names HTML pages, empty and truncated bodies', () => {
		expect(() => parseBody('x', '')).toThrow(
			new SourceBodyError('x', 'body', 'empty body, expected JSON'),
		);
		expect(() => parseBody('x', '<html><title>Bad gateway</title>')).toThrow(
			/^x: body: got an HTML\/XML page instead of JSON \(title "Bad gateway"\)/,
		);
		expect(() => parseBody('x', '{"data":[{"id":"1"')).toThrow(
			/^x: body: invalid or truncated JSON \(18 characters\)/,
		);
		const value = { a: 1 };
		expect(parseBody('x', value)).toBe(value);
	});
});
