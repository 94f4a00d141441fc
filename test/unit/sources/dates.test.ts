import { parseLooseDate, toIsoTimestamp } from '../../../core/sources/dates';

describe('non-RFC dates of real feeds (issue 15)', () => {
	it.each([
		['Fri, 01/31/2020 - 15:45', '2020-01-31T15:45:00.000Z'],
		['2020/1/31', '2020-01-31T00:00:00.000Z'],
		['2020/01/31 08:05:09', '2020-01-31T08:05:09.000Z'],
		['31.01.2020', '2020-01-31T00:00:00.000Z'],
		['31.01.2020 15:45', '2020-01-31T15:45:00.000Z'],
		['31-01-2020', '2020-01-31T00:00:00.000Z'],
		['31 janvier 2020 à 15h45', '2020-01-31T15:45:00.000Z'],
		['vendredi 31 janvier 2020', '2020-01-31T00:00:00.000Z'],
		['1er février 2020', '2020-02-01T00:00:00.000Z'],
		['mar., 3 mars 2020 10:00', '2020-03-03T10:00:00.000Z'],
		['31 de janeiro de 2020', '2020-01-31T00:00:00.000Z'],
		['sexta-feira, 31 de janeiro de 2020 15:45', '2020-01-31T15:45:00.000Z'],
		['5 de março de 2021 às 09:30', '2021-03-05T09:30:00.000Z'],
		['31 de enero de 2020', '2020-01-31T00:00:00.000Z'],
		['mar, 3 de marzo de 2020', '2020-03-03T00:00:00.000Z'],
		['miércoles, 4 de diciembre de 2019 18:00', '2019-12-04T18:00:00.000Z'],
		['31. Januar 2020', '2020-01-31T00:00:00.000Z'],
		['Do, 3. März 2022, 15:45 Uhr', '2022-03-03T15:45:00.000Z'],
		['Jänner 5, 2020', '2020-01-05T00:00:00.000Z'],
		['January 31, 2020 3:45 pm', '2020-01-31T15:45:00.000Z'],
		['Fri Jan 31 15:45:00 2020', '2020-01-31T15:45:00.000Z'],
		['31/01/2020 15:45 +01:00', '2020-01-31T14:45:00.000Z'],
		['2020/01/31 15:45 GMT', '2020-01-31T15:45:00.000Z'],
		['31 janv. 2020 15:45 CET', '2020-01-31T14:45:00.000Z'],
	])('%s', (text, iso) => {
		expect(toIsoTimestamp(text)).toBe(iso);
	});

	it('reads an ambiguous d/m with "/" month first, or day first when asked', () => {
		expect(toIsoTimestamp('02/03/2020')).toBe('2020-02-03T00:00:00.000Z');
		expect(toIsoTimestamp('02/03/2020', { dayFirst: true })).toBe('2020-03-02T00:00:00.000Z');
		expect(toIsoTimestamp('02.03.2020')).toBe('2020-03-02T00:00:00.000Z');
	});

	it.each([
		'yesterday',
		'31 foo 2020',
		'2020',
		'32.01.2020',
		'31.02.2020',
		'13/13/2020',
		'31 janvier',
		'le 31 janvier 2020 peut-être',
		'1.2.3.4',
		'x'.repeat(101),
	])('refuses %s', (text) => {
		expect(toIsoTimestamp(text)).toBeNull();
	});

	it('keeps RFC 2822 and RFC3339 as before', () => {
		expect(toIsoTimestamp('Wed, 10 Jul 2019 11:53:37 +0000')).toBe('2019-07-10T11:53:37.000Z');
		expect(toIsoTimestamp('2019-07-10T11:53:37+02:00')).toBe('2019-07-10T09:53:37.000Z');
		expect(parseLooseDate('2019-07-10')).toBe('2019-07-10T00:00:00.000Z');
	});
});

describe('zone abbreviations of European and Asian feeds', () => {
	it('reads MEST, MET, EET, EEST, WEST, MSK, KST, HKT, SGT, NZST, BRT with their offsets', () => {
		const cases: Array<[string, string]> = [
			['Thu, 30 Apr 2015 08:57:00 MEST', '2015-04-30T06:57:00.000Z'],
			['Thu, 30 Apr 2015 08:57:00 MET', '2015-04-30T07:57:00.000Z'],
			['Thu, 30 Apr 2015 08:57:00 EET', '2015-04-30T06:57:00.000Z'],
			['Thu, 30 Apr 2015 08:57:00 EEST', '2015-04-30T05:57:00.000Z'],
			['Thu, 30 Apr 2015 08:57:00 WEST', '2015-04-30T07:57:00.000Z'],
			['Thu, 30 Apr 2015 08:57:00 MSK', '2015-04-30T05:57:00.000Z'],
			['Thu, 30 Apr 2015 08:57:00 KST', '2015-04-29T23:57:00.000Z'],
			['Thu, 30 Apr 2015 08:57:00 HKT', '2015-04-30T00:57:00.000Z'],
			['Thu, 30 Apr 2015 08:57:00 SGT', '2015-04-30T00:57:00.000Z'],
			['Thu, 30 Apr 2015 08:57:00 NZST', '2015-04-29T20:57:00.000Z'],
			['Thu, 30 Apr 2015 08:57:00 BRT', '2015-04-30T11:57:00.000Z'],
		];
		for (const [text, iso] of cases) expect([text, toIsoTimestamp(text)]).toEqual([text, iso]);
	});

	it('still reads an unknown zone name as UTC (RFC 2822 §4.3)', () => {
		expect(toIsoTimestamp('Thu, 30 Apr 2015 08:57:00 XYZ')).toBe('2015-04-30T08:57:00.000Z');
	});
});
