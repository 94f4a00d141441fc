/** `npm start` never imports a template over a workflow the user has (issue: a second start re-imported over edits). */
const path = require('path');
const { planTemplateImports, recordImports } = require(path.resolve(__dirname, '../../../scripts/lib/templates.js'));

const tpl = (id, body = 'v1') => ({ file: `${id}.workflow.json`, text: JSON.stringify({ id, name: `T ${id}`, nodes: [], body }) });

describe('template import plan', () => {
	test('first start: every template is imported under its own id', () => {
		const plan = planTemplateImports({}, new Set(), [tpl('a'), tpl('b')], '0.2.0');
		expect(plan.imports.map((p) => [p.id, p.updated])).toEqual([
			['a', false],
			['b', false],
		]);
	});

	test('second start, same templates: nothing is imported (the user may have edited them)', () => {
		const first = planTemplateImports({}, new Set(), [tpl('a')], '0.2.0');
		const manifest = recordImports(first.manifest, first.imports, 't0');
		const second = planTemplateImports(manifest, new Set(['a']), [tpl('a')], '0.2.0');
		expect(second.imports).toEqual([]);
		expect(second.kept[0].reason).toMatch(/edits are kept/);
	});

	test('a workflow already in n8n under a template id (before any manifest) is kept', () => {
		const plan = planTemplateImports({}, new Set(['a']), [tpl('a')], '0.2.0');
		expect(plan.imports).toEqual([]);
		expect(plan.manifest.a.importedAs).toBe('a');
	});

	test('a changed template goes beside the old one, under a new id and a name that says so', () => {
		const first = planTemplateImports({}, new Set(), [tpl('a', 'v1')], '0.1.0');
		const manifest = recordImports(first.manifest, first.imports, 't0');
		const plan = planTemplateImports(manifest, new Set(['a']), [tpl('a', 'v2')], '0.2.0');
		expect(plan.imports).toHaveLength(1);
		expect(plan.imports[0].id).not.toBe('a');
		expect(plan.imports[0].json.name).toBe('T a (updated 0.2.0)');
		const after = recordImports(plan.manifest, plan.imports, 't1');
		expect(planTemplateImports(after, new Set(['a', plan.imports[0].id]), [tpl('a', 'v2')], '0.2.0').imports).toEqual([]);
	});

	test('a template the user deleted is not imported again', () => {
		const first = planTemplateImports({}, new Set(), [tpl('a')], '0.2.0');
		const manifest = recordImports(first.manifest, first.imports, 't0');
		expect(planTemplateImports(manifest, new Set(), [tpl('a')], '0.2.0').imports).toEqual([]);
	});
});
