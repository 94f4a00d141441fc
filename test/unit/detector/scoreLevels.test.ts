import { backtest, bucketCounts, levelForScore } from '../../../core/detector';

const START = Date.UTC(2025, 2, 3, 0, 0, 0);
const FIVE_MIN = 5 * 60000;

function series(days: number): Array<{ timestamp: string; value: number }> {
	const n = days * 288;
	return Array.from({ length: n }, (_, i) => {
		const hour = ((i * 5) / 60) % 24;
		const value = Math.round(30 * (1 + 0.4 * Math.sin(((hour - 6) / 24) * 2 * Math.PI)) + (((i * 7919) % 11) - 5));
		return { timestamp: new Date(START + i * FIVE_MIN).toISOString(), value };
	});
}

describe('backtest', () => {
	const data = series(14);
	const spikeAt = 288 * 9 + 100;
	for (let k = 0; k < 24; k++) data[spikeAt + k].value = 400 + 20 * k;
	const incidentStart = new Date(START + (spikeAt - 12) * FIVE_MIN).toISOString();
	const incidentEnd = new Date(START + (spikeAt + 60) * FIVE_MIN).toISOString();
	const quietStart = new Date(START + 288 * 5 * FIVE_MIN).toISOString();
	const quietEnd = new Date(START + 288 * 6 * FIVE_MIN).toISOString();

	test('detects the labelled incident with its delay and counts alerts per week', () => {
		const r = backtest(data, [
			{ start: incidentStart, end: incidentEnd },
			{ start: quietStart, end: quietEnd },
		]);
		expect(r.perIncident[0].detectedAt).toBe(data[spikeAt].timestamp);
		expect(r.perIncident[0].delayMinutes).toBe(60);
		expect(r.perIncident[1].detectedAt).toBeNull();
		expect(r.perIncident[1].delayMinutes).toBeNull();
		expect(r.incidentsDetected).toBe(1);
		expect(r.weeks).toBeCloseTo(2, 5);
		expect(r.alertsPerWeek).toBeLessThan(3);
		expect(r.falseAlarms).toBeLessThanOrEqual(r.alertsPerWeek * r.weeks);
		const spikeFiring = r.firings.find((f) => f.timestamp === data[spikeAt].timestamp);
		expect(spikeFiring?.level).toMatch(/alert|crisis|critical/);
		expect(spikeFiring?.reasons.length).toBeGreaterThan(0);
	});

	test('thresholds and cooldown are configurable', () => {
		const strict = backtest(data, [{ start: incidentStart, end: incidentEnd }], { thresholds: { watch: 0.99, alert: 0.995, crisis: 0.998, critical: 0.999 } });
		const loose = backtest(data, [], { thresholds: { watch: 0.01 }, cooldownMinutes: 0 });
		const normal = backtest(data, [], {});
		expect(strict.firings.length).toBeLessThanOrEqual(normal.firings.length);
		expect(strict.firings.every((f) => f.score >= 0.99)).toBe(true);
		expect(loose.firings.length).toBeGreaterThanOrEqual(normal.firings.length);
		expect(normal.falseAlarms).toBe(0); // no incidents given: false alarms are not judged
	});

	test('persistence requires consecutive buckets', () => {
		const r = backtest(data, [], { persistence: 50 });
		expect(r.firings.length).toBe(0);
	});

	test('levelForScore uses the level vocabulary', () => {
		expect(levelForScore(0)).toBe('calm');
		expect(levelForScore(0.3)).toBe('watch');
		expect(levelForScore(0.45)).toBe('alert');
		expect(levelForScore(0.7)).toBe('crisis');
		expect(levelForScore(0.95)).toBe('critical');
	});

	test('bucketCounts turns mention timestamps into a gap-filled series', () => {
		const counts = bucketCounts(['2025-03-03T10:01:00Z', '2025-03-03T10:03:00Z', '2025-03-03T10:16:00Z'], 5);
		expect(counts.map((c) => c.value)).toEqual([2, 0, 0, 1]);
		expect(bucketCounts([], 5)).toEqual([]);
	});
});
