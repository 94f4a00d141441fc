/**
 * Static check of every shipped template (workflows/*.workflow.json) against what a real n8n
 * 2.41.1 knows: node types and typeVersions, operations and parameters, no credential ids, no
 * instance id, no CUSTOM.* types, connections that name real nodes, sticky notes that guide.
 * Node types of a package that cannot be found (the cached n8n not installed yet) are listed as
 * SKIPPED tests, never passed silently.
 */
const fs = require('fs');
const path = require('path');
const { loadCatalog, ROOT, PKG } = require('./nodeCatalog');
const { validateNodeParameters } = require('./validateParameters');

const DIR = path.join(ROOT, 'workflows');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.workflow.json')).sort();
const catalog = loadCatalog();

test('the templates folder holds the shipped templates', () => {
	for (const f of ['crisis-response', 'customers-at-risk', 'post-crisis-review', 'ask-crisis-kit']) {
		expect(files).toContain(`${f}.workflow.json`);
	}
});

test('template ids and names are unique', () => {
	const all = files.map((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')));
	expect(new Set(all.map((w) => w.id)).size).toBe(all.length);
	expect(new Set(all.map((w) => w.name)).size).toBe(all.length);
});

for (const file of files) {
	const wf = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));
	const nodes = wf.nodes || [];
	describe(`template ${file}`, () => {
		test('has an id n8n accepts (<= 21 chars) and a name', () => {
			expect(typeof wf.id).toBe('string');
			expect(wf.id.length).toBeLessThanOrEqual(21);
			expect(wf.name).toMatch(/^Crisis Kit · /);
		});

		test('carries no credential ids, instance id or CUSTOM.* type', () => {
			expect(wf.meta && wf.meta.instanceId).toBeUndefined();
			const text = JSON.stringify(wf);
			expect(text).not.toMatch(/"CUSTOM\./);
			for (const n of nodes) {
				for (const [credType, cred] of Object.entries(n.credentials || {})) {
					expect({ node: n.name, credType, id: cred && cred.id }).toEqual({ node: n.name, credType, id: undefined });
				}
			}
			expect(nodes.filter((n) => n.type.startsWith('CUSTOM.')).map((n) => n.name)).toEqual([]);
		});

		test('node names are unique and every connection names a real node and output', () => {
			const names = nodes.map((n) => n.name);
			expect(new Set(names).size).toBe(names.length);
			for (const [from, byType] of Object.entries(wf.connections || {})) {
				expect(names).toContain(from);
				for (const outputs of Object.values(byType)) {
					for (const targets of outputs) for (const t of targets || []) expect(names).toContain(t.node);
				}
			}
		});

		test('sticky notes guide the user: at least one, and one says what to change in numbered steps', () => {
			const stickies = nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
			expect(stickies.length).toBeGreaterThanOrEqual(1);
			expect(stickies.some((s) => /\n1\. .*\n2\. /s.test(s.parameters.content || ''))).toBe(true);
		});

		test('a new user can press Execute workflow: it starts from a manual trigger (or a chat trigger) and needs no credential on the sample path', () => {
			const starts = nodes.filter((n) => /manualTrigger$|manualChatTrigger$|chatTrigger$/.test(n.type));
			expect(starts.length).toBeGreaterThanOrEqual(1);
		});

		test('every node that reads the crisis document says where it comes from (documentSource), when the nodes offer it', () => {
			for (const n of nodes) {
				if (!n.type.startsWith(PKG.name + '.')) continue;
				const d = catalog.find(n.type, n.typeVersion);
				if (!d || !d.properties.some((p) => p.name === 'documentSource')) continue;
				const reads = d.properties.some((p) => p.name === 'crisisDocument' && (!p.displayOptions || JSON.stringify(p.displayOptions).includes(String(n.parameters.operation))));
				if (reads && !n.disabled) expect({ node: n.name, documentSource: n.parameters.documentSource }).toEqual({ node: n.name, documentSource: expect.stringMatching(/^(example|json|=.+)$/) });
			}
		});

		for (const n of nodes) {
			const pkg = catalog.packageOf(n.type);
			const label = `node "${n.name}" (${n.type} v${n.typeVersion})`;
			if (pkg && !pkg.found) {
				test.skip(`${label}: SKIPPED, ${pkg.problem}`, () => {});
				continue;
			}
			test(`${label} exists in n8n 2.41.1 and its parameters are valid`, () => {
				expect(pkg).toBeDefined();
				const d = catalog.find(n.type, n.typeVersion);
				if (!d) throw new Error(`${n.type} has no typeVersion ${n.typeVersion} (known: ${catalog.versions(n.type).join(', ') || 'none: unknown type'})`);
				expect(validateNodeParameters(n, d)).toEqual([]);
			});
		}
	});
}

test('the package catalogue reports where it read node types from', () => {
	// Visible in the jest output when a package is missing (the node tests above are then skipped).
	for (const p of catalog.packages) if (!p.found) console.warn(`templates static check: ${p.problem}`);
	expect(catalog.packages.find((p) => p.prefix === PKG.name).found).toBe(true);
});
