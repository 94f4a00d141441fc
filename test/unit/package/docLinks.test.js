/**
 * Every documentation link the editor shows (codex files, credential `documentationUrl`) points at
 * the repository address in package.json (`homepage`, the one constant) and at a file that exists
 * in this repository, so a move of the repository or of a doc is caught here, not by a user.
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '../../..');
const PKG = require(path.join(ROOT, 'package.json'));
const BASE = `${PKG.homepage}/blob/main/`;

function walk(dir, pred, out = []) {
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) walk(p, pred, out);
		else if (pred(p)) out.push(p);
	}
	return out;
}

function links() {
	const found = [];
	for (const f of walk(path.join(ROOT, 'nodes'), (p) => p.endsWith('.node.json'))) {
		const codex = JSON.parse(fs.readFileSync(f, 'utf8'));
		for (const group of Object.values(codex.resources || {})) for (const { url } of group) found.push({ file: f, url });
	}
	for (const f of walk(path.join(ROOT, 'credentials'), (p) => p.endsWith('.credentials.ts'))) {
		const m = /documentationUrl\s*=\s*'([^']+)'/.exec(fs.readFileSync(f, 'utf8'));
		found.push({ file: f, url: m ? m[1] : null });
	}
	return found;
}

describe('documentation links', () => {
	test('package.json names one repository address (homepage and repository agree)', () => {
		expect(PKG.homepage).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
		expect(PKG.repository.url).toBe(`git+${PKG.homepage}.git`);
	});

	test('there are links to check (every node codex and every credential)', () => {
		const all = links();
		expect(all.length).toBeGreaterThanOrEqual(PKG.n8n.nodes.length + PKG.n8n.credentials.length);
	});

	test.each(links().map((l) => [path.relative(ROOT, l.file), l.url]))('%s → %s', (_file, url) => {
		expect(url).toEqual(expect.stringMatching(/^https:\/\//));
		expect(url.startsWith(BASE)).toBe(true);
		const target = url.slice(BASE.length).split('#')[0];
		expect(fs.existsSync(path.join(ROOT, target))).toBe(true);
	});
});
