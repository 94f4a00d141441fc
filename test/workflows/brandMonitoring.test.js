const path = require('path');
const { runWorkflow } = require('../helpers/workflowHarness');
const template = require(path.join('..', '..', 'workflows', 'brand-monitoring.workflow.json'));

describe('template brand-monitoring (in-process WorkflowExecute)', () => {
	let result;
	beforeAll(async () => {
		result = await runWorkflow(template);
	}, 60000);

	test('runs without error', () => {
		expect(result.error).toBeUndefined();
		expect(result.run.status === undefined || result.run.status === 'success').toBe(true);
	});

	test('the sample source emits the whole shipped crisis', () => {
		expect(result.outputs['Mentions (sample)'][0]).toHaveLength(638);
	});

	test('every mention is scored with a risk, factors and reasons', () => {
		const scored = result.outputs['Crisis Score'][0];
		expect(scored).toHaveLength(638);
		for (const m of scored) {
			expect(m.crisis).toBeDefined();
			expect(Array.isArray(m.crisis.factors)).toBe(true);
			expect(Array.isArray(m.crisis.reasons)).toBe(true);
		}
	});

	test('the If node splits scored mentions between its two branches', () => {
		const [high, rest] = result.outputs['Risk ≥ 60?'];
		expect(high.length + rest.length).toBe(638);
		for (const m of high) expect(m.crisis.risk).toBeGreaterThanOrEqual(60);
		for (const m of rest) expect(m.crisis.risk === null || m.crisis.risk < 60).toBe(true);
	});
});

// The post-crisis-review template has its own in-process test: test/workflows/postCrisisReview.test.js.

describe('brand-monitoring: situations by level', () => {
	test('Assess situation routes level changes to their outputs and reaches crisis', async () => {
		const { outputs } = await runWorkflow(template);
		const byLevel = outputs['Assess situation'];
		expect(byLevel).toHaveLength(5);
		['calm', 'watch', 'alert', 'crisis', 'critical'].forEach((level, k) => {
			for (const s of byLevel[k]) expect(s.level).toBe(level);
		});
		expect(byLevel[3].length).toBeGreaterThan(0);
		expect(outputs['Crisis: run the playbook'][0].length).toBe(byLevel[3].length + byLevel[4].length);
	}, 60000);
});
