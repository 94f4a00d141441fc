import { isoUtcMillis, parseTime } from '../../../core/scoring/time';
import { parseTime as reportParseTime } from '../../../core/report/format';

describe('timestamps read by hand (isoUtcMillis) give what Date.parse gives', () => {
	it('agrees with Date.parse on toISOString output across years, leap days and month ends', () => {
		let x = 7;
		const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
		for (let k = 0; k < 5000; k++) {
			const ms = Math.floor(rnd() * 8e12) - 2e12; // 1906 … 2223
			const iso = new Date(ms).toISOString();
			expect(isoUtcMillis(iso)).toBe(ms);
			expect(isoUtcMillis(iso.replace(/\.\d{3}Z$/, 'Z'))).toBe(Date.parse(iso.replace(/\.\d{3}Z$/, 'Z')));
		}
		expect(isoUtcMillis('2024-02-29T23:59:59.999Z')).toBe(Date.parse('2024-02-29T23:59:59.999Z'));
	});

	it('answers NaN for any other shape or an impossible date; parseTime then asks Date.parse', () => {
		for (const s of ['2023-02-29T00:00:00Z', '2026-03-02T02:08:57+01:00', '2026-03-02 02:08:57Z', '2026-13-01T00:00:00Z', '2026-03-02T24:00:00Z', 'x026-03-02T02:08:57Z', '']) {
			expect(isoUtcMillis(s)).toBeNaN();
		}
		expect(parseTime('2026-03-02T02:08:57+01:00')).toBe(Date.parse('2026-03-02T02:08:57+01:00'));
		expect(parseTime('not a date')).toBeNaN();
	});

	it('leaves the report parser as strict as before: RFC 3339 with an offset, else null', () => {
		expect(reportParseTime('2026-03-02T02:08:57.118Z')).toBe(Date.parse('2026-03-02T02:08:57.118Z'));
		expect(reportParseTime('2026-03-02T02:08:57+01:00')).toBe(Date.parse('2026-03-02T02:08:57+01:00'));
		expect(reportParseTime('2026-03-02T02:08:57')).toBeNull(); // no zone: would depend on the machine
		expect(reportParseTime('March 2, 2026')).toBeNull();
		expect(reportParseTime(42)).toBeNull();
	});
});
