/**
 * Which templates `npm start` imports into a user's n8n, and under which id. Pure (no n8n, no fs),
 * so the rule "never import over a workflow the user has" is unit-tested
 * (test/unit/package/templateImport.test.js).
 */
const crypto = require('crypto');

/**
 * @param manifest   what was imported before: { [templateId]: { hash, importedAs } }
 * @param existing   Set of workflow ids already in n8n
 * @param templates  [{ file, text }] the shipped templates
 * @param version    the package version (named in an updated template's name)
 * @returns { imports: [{ file, id, hash, key, updated, json }], kept: [{ file, id, reason }], manifest }
 */
function planTemplateImports(manifest, existing, templates, version) {
	const next = { ...manifest };
	const imports = [];
	const kept = [];
	for (const { file, text } of templates) {
		const hash = crypto.createHash('sha256').update(text).digest('hex');
		const wf = JSON.parse(text);
		const key = wf.id;
		const seen = manifest[key];
		if (seen && seen.hash === hash) {
			kept.push({ file, id: seen.importedAs, reason: 'already imported; left as it is, your edits are kept' });
			continue;
		}
		if (!seen && existing.has(key)) {
			next[key] = { hash: null, importedAs: key, note: 'found in n8n before the manifest existed' };
			kept.push({ file, id: key, reason: `a workflow with id ${key} is already in n8n; left as it is, your edits are kept` });
			continue;
		}
		if (seen) {
			// A newer version of a template the user already has: beside it, never over it.
			const id = `${key.slice(0, 24)}u${hash.slice(0, 7)}`;
			if (existing.has(id)) {
				kept.push({ file, id, reason: 'this updated version is already imported' });
				continue;
			}
			imports.push({ file, id, hash, key, updated: true, json: { ...wf, id, name: `${wf.name} (updated ${version})` } });
			continue;
		}
		imports.push({ file, id: key, hash, key, updated: false, json: wf });
	}
	return { imports, kept, manifest: next };
}

/** The manifest after the planned imports succeeded. */
function recordImports(manifest, imports, now) {
	const next = { ...manifest };
	for (const p of imports) next[p.key] = { hash: p.hash, importedAs: p.id, importedAt: now };
	return next;
}

module.exports = { planTemplateImports, recordImports };
