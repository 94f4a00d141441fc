import {
	createDetectorState,
	loadDetectorState,
	serializeDetectorState,
	updateDetector,
	MAX_DETECTOR_STATE_BYTES,
	type DetectorConfig,
	type DetectorUpdate,
} from '../../../core/detector';

const START = Date.UTC(2025, 0, 6, 0, 0, 0);
const FIVE_MIN = 5 * 60000;

/** Deterministic pseudo-noise around a daily cycle, no Math.random. */
function baseline(i: number, mean = 40): number {
	const hour = ((i * 5) / 60) % 24;
	const daily = 1 + 0.5 * Math.sin(((hour - 6) / 24) * 2 * Math.PI);
	const noise = ((i * 7919) % 13) - 6;
	return Math.max(0, Math.round(mean * daily + noise));
}

function feed(values: number[], config?: Partial<DetectorConfig>): DetectorUpdate[] {
	const state = createDetectorState(config);
	return values.map((value, i) => updateDetector(state, { timestamp: START + i * FIVE_MIN, value }, config));
}

describe('updateDetector', () => {
	test('a quiet series scores near zero and a spike scores high, once', () => {
		const values = Array.from({ length: 288 * 5 }, (_, i) => baseline(i));
		const spikeAt = 288 * 4;
		for (let k = 0; k < 6; k++) values[spikeAt + k] = 600;
		const out = feed(values);
		const before = out.slice(288 * 2, spikeAt).map((u) => u.score);
		expect(Math.max(...before)).toBeLessThan(0.4);
		expect(out[spikeAt].score).toBeGreaterThan(0.6);
		expect(out[spikeAt].reasons.join(' ')).toMatch(/expected/);
		// Refractory: the next buckets of the same episode do not fire again.
		for (let k = 1; k < 6; k++) expect(out[spikeAt + k].score).toBe(0);
		expect(out[spikeAt + 1].reasons.join(' ')).toMatch(/Same episode/);
	});

	test('an escalation inside the refractory period fires again', () => {
		const values = Array.from({ length: 288 * 5 }, (_, i) => baseline(i));
		const at = 288 * 4;
		values[at] = 200;
		values[at + 3] = 20000;
		const out = feed(values);
		expect(out[at].score).toBeGreaterThan(0.3);
		expect(out[at + 3].score).toBeGreaterThan(out[at].score);
	});

	test('a lasting 10x step alerts once, not for days (the long baseline does not keep crying wolf)', () => {
		const values = Array.from({ length: 288 * 10 }, (_, i) => (i < 288 * 5 ? baseline(i) : baseline(i, 400)));
		const out = feed(values);
		const alerts = out.map((u, i) => ({ i, s: u.score })).filter((x) => x.i >= 288 && x.s >= 0.25);
		expect(alerts.map((x) => x.i)).toEqual([288 * 5]);
	});

	test('scores stay in [0, 1]; expected tracks the baseline; bad values are zeros', () => {
		const values = Array.from({ length: 2000 }, (_, i) => baseline(i, 100));
		values[1500] = Number.NaN;
		values[1501] = -5;
		const out = feed(values);
		for (const u of out) {
			expect(u.score).toBeGreaterThanOrEqual(0);
			expect(u.score).toBeLessThanOrEqual(1);
			expect(Number.isFinite(u.expected)).toBe(true);
		}
		expect(out[1400].expected).toBeGreaterThan(40);
		expect(out[1400].expected).toBeLessThan(250);
	});

	test('RFC 3339 strings and epoch ms give the same result', () => {
		const values = Array.from({ length: 600 }, (_, i) => baseline(i));
		const a = createDetectorState();
		const b = createDetectorState();
		for (let i = 0; i < values.length; i++) {
			const t = START + i * FIVE_MIN;
			const ua = updateDetector(a, { timestamp: t, value: values[i] });
			const ub = updateDetector(b, { timestamp: new Date(t).toISOString(), value: values[i] });
			expect(ub.score).toBe(ua.score);
		}
	});

	test('duplicate or out-of-order buckets are neither scored nor learned', () => {
		const state = createDetectorState();
		for (let i = 0; i < 300; i++) updateDetector(state, { timestamp: START + i * FIVE_MIN, value: baseline(i) });
		const before = serializeDetectorState(state);
		const u = updateDetector(state, { timestamp: START + 10 * FIVE_MIN, value: 99999 });
		expect(u.score).toBe(0);
		expect(u.reasons[0]).toMatch(/out of order/);
		expect(serializeDetectorState(state)).toBe(before);
		const bad = updateDetector(state, { timestamp: 'not a date', value: 3 });
		expect(bad.score).toBe(0);
	});

	test('hourly buckets with daily and weekly seasonality', () => {
		const config = { bucketMinutes: 60, dailySeasonality: true, weeklySeasonality: true };
		const state = createDetectorState(config);
		let last: DetectorUpdate | undefined;
		for (let i = 0; i < 24 * 28; i++) {
			const hour = i % 24;
			const value = hour >= 8 && hour <= 20 ? 120 + (i % 5) : 15 + (i % 3);
			last = updateDetector(state, { timestamp: START + i * 3600000, value }, config);
		}
		expect(last?.score).toBe(0);
		// The profile learned that working hours are busier.
		expect(state.hourOfDay[12]).toBeGreaterThan(state.hourOfDay[3]);
		const spike = updateDetector(state, { timestamp: START + 24 * 28 * 3600000, value: 2000 }, config);
		expect(spike.score).toBeGreaterThan(0.5);
	});
});

describe('detector state persistence', () => {
	test('round-trips through JSON and continues identically', () => {
		const values = Array.from({ length: 1000 }, (_, i) => baseline(i));
		const a = createDetectorState();
		for (let i = 0; i < 800; i++) updateDetector(a, { timestamp: START + i * FIVE_MIN, value: values[i] });
		const loaded = loadDetectorState(serializeDetectorState(a));
		expect(loaded.warning).toBeUndefined();
		const b = loaded.state;
		for (let i = 800; i < 1000; i++) {
			const ua = updateDetector(a, { timestamp: START + i * FIVE_MIN, value: values[i] });
			const ub = updateDetector(b, { timestamp: START + i * FIVE_MIN, value: values[i] });
			expect(ub.score).toBe(ua.score);
		}
		expect(serializeDetectorState(a).length).toBeLessThan(MAX_DETECTOR_STATE_BYTES);
	});

	test('accepts an already-parsed object (n8n static data)', () => {
		const s = createDetectorState();
		const loaded = loadDetectorState(JSON.parse(serializeDetectorState(s)));
		expect(loaded.warning).toBeUndefined();
		expect(loaded.state.version).toBe(1);
	});

	test.each([
		['not json', '{oops'],
		['wrong version', JSON.stringify({ ...createDetectorState(), version: 7 })],
		['NaN level', JSON.stringify({ ...createDetectorState(), level: 'x' })],
		['short profile', JSON.stringify({ ...createDetectorState(), hourOfDay: [1, 2] })],
		['bad ring position', JSON.stringify({ ...createDetectorState(), recentPos: 99999 })],
		['array', '[]'],
		['oversized', JSON.stringify({ ...createDetectorState(), junk: 'x'.repeat(70000) })],
	])('%s -> fresh state with a warning, no throw', (_label, json) => {
		const loaded = loadDetectorState(json);
		expect(loaded.warning).toMatch(/reset/);
		expect(loaded.state.count).toBe(0);
		const u = updateDetector(loaded.state, { timestamp: START, value: 3 });
		expect(u.score).toBe(0);
	});

	test('missing state is a fresh start without warning', () => {
		expect(loadDetectorState(undefined).warning).toBeUndefined();
		expect(loadDetectorState('').state.count).toBe(0);
	});
});
