#!/usr/bin/env node
/**
 * The layer rule (docs/architecture.md): core/ is pure domain. It may import only relative
 * core files, the sample data, luxon, lodash, zod and crypto; never n8n-workflow, nodes/,
 * credentials/, or I/O. Shipped code (nodes/, credentials/, core/) never imports test/bench
 * tooling (axios, n8n-core, fs…). `n8n-node lint` cannot express the first rule because strict
 * mode locks eslint.config.mjs, so this script enforces it in `npm test`.
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const problems = [];

function walk(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? walk(p) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
	});
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const CORE_ALLOWED = new Set(['luxon', 'lodash', 'zod', 'crypto', 'node:crypto']);
const SHIPPED_ALLOWED = new Set([...CORE_ALLOWED, 'n8n-workflow', 'moment', 'p-limit']);

for (const file of [...walk(path.join(ROOT, 'core')), ...walk(path.join(ROOT, 'nodes')), ...walk(path.join(ROOT, 'credentials'))]) {
	const rel = path.relative(ROOT, file);
	const inCore = rel.startsWith('core' + path.sep);
	const src = fs.readFileSync(file, 'utf8');
	for (const m of src.matchAll(IMPORT)) {
		const spec = m[1] || m[2] || m[3];
		if (spec.startsWith('.')) {
			const target = path.relative(ROOT, path.resolve(path.dirname(file), spec));
			if (inCore && !target.startsWith('core') && !target.startsWith('samples')) {
				problems.push(`${rel}: core/ imports "${spec}" outside core/ (the domain must not depend on n8n glue)`);
			}
			if (/^(test|bench|scripts)\b/.test(target)) problems.push(`${rel}: shipped code imports "${spec}" from ${target}`);
			continue;
		}
		const base = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
		const allowed = inCore ? CORE_ALLOWED : SHIPPED_ALLOWED;
		if (!allowed.has(base)) problems.push(`${rel}: imports "${spec}" (${inCore ? 'core' : 'shipped code'} may import only ${[...allowed].join(', ')})`);
	}
	const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
	for (const g of ['process', 'setTimeout', 'setInterval', 'setImmediate', '__dirname', 'globalThis', 'console']) {
		if (new RegExp(`(^|[^.\\w$'"\`])${g}\\b(?!['"\`:])`).test(code)) problems.push(`${rel}: uses the global "${g}"`);
	}
	if (inCore && /\bDate\.now\(|new Date\(\)/.test(code)) problems.push(`${rel}: core/ reads the clock (pass \`now\` in instead)`);
	if (inCore && /\bMath\.random\(/.test(code)) problems.push(`${rel}: core/ uses Math.random (deterministic core: seed a PRNG)`);
}

if (problems.length) {
	process.stdout.write(`Layer check failed (${problems.length}):\n  ${problems.join('\n  ')}\n`);
	process.exit(1);
}
process.stdout.write('Layer check passed: core/ is pure, shipped code imports only what n8n allows.\n');
