/**
 * The node types a real n8n 2.41.1 knows, read the way the editor reads them: the `types/nodes.json`
 * that n8n-nodes-base and @n8n/n8n-nodes-langchain ship (every versioned description), and the
 * Crisis Kit nodes from their TypeScript sources (plus the `<name>Tool` variant n8n derives from
 * `usableAsTool`). JavaScript on purpose: `n8n-node lint` lints every *.ts file.
 *
 * Where each package is looked for, in order: the cached real n8n (scripts/setup-n8n.sh,
 * ~/.cache/crisis-kit/n8n-2.41.1), then the repo's devDependency (n8n-nodes-base only). A package
 * found nowhere, or found at another version, is reported as missing: the caller skips those
 * nodes visibly, never silently.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const N8N_VERSION = '2.41.1';
const ROOT = path.resolve(__dirname, '..', '..', '..');
const PKG = require(path.join(ROOT, 'package.json'));

function cachedN8nModules() {
	const base = process.env.CRISIS_KIT_CACHE || path.join(os.homedir(), '.cache', 'crisis-kit');
	return path.join(base, `n8n-${N8N_VERSION}`, 'node_modules');
}

/** { dir, version, from } of an npm package holding dist/types/nodes.json, or null. */
function locate(pkgName) {
	const candidates = [
		{ dir: path.join(cachedN8nModules(), pkgName), from: `cached n8n ${N8N_VERSION}` },
		{ dir: path.join(ROOT, 'node_modules', pkgName), from: 'repo devDependency' },
	];
	for (const c of candidates) {
		const pj = path.join(c.dir, 'package.json');
		const types = path.join(c.dir, 'dist', 'types', 'nodes.json');
		if (!fs.existsSync(pj) || !fs.existsSync(types)) continue;
		const { version } = JSON.parse(fs.readFileSync(pj, 'utf8'));
		// n8n 2.41.1 pins n8n-nodes-base 2.41.1; the langchain package has its own version line.
		return { ...c, version, types };
	}
	return null;
}

/** The package version the installed n8n 2.41.1 depends on, when that n8n is present. */
function pinnedVersion(pkgName) {
	const pj = path.join(cachedN8nModules(), 'n8n', 'package.json');
	if (!fs.existsSync(pj)) return null;
	const deps = JSON.parse(fs.readFileSync(pj, 'utf8')).dependencies || {};
	return deps[pkgName] ? deps[pkgName].replace(/^[\^~=]/, '') : null;
}

function versionsOf(description) {
	return Array.isArray(description.version) ? description.version : [description.version];
}

/**
 * The tool variant n8n builds for a `usableAsTool` node: n8n's own convertNodeToAiTool from the
 * cached n8n 2.41.1 when present (n8n/dist/tool-generation/ai-tools.js), else the same steps
 * restated here (name + 'Tool', no inputs, ai_tool output, Tool Description fields).
 */
function toolVariant(description) {
	const copy = JSON.parse(JSON.stringify(description));
	const real = path.join(cachedN8nModules(), 'n8n', 'dist', 'tool-generation', 'ai-tools.js');
	if (fs.existsSync(real)) {
		try {
			return require(real).convertNodeToAiTool({ description: copy }).description;
		} catch {
			// fall through to the restated conversion
		}
	}
	const hasOperation = copy.properties.some((p) => p.name === 'resource' || p.name === 'operation');
	const descProp = { displayName: 'Description', name: 'toolDescription', type: 'string', default: copy.description, required: true };
	const extra = hasOperation
		? [
				{ displayName: 'Tool Description', name: 'descriptionType', type: 'options', noDataExpression: true, default: 'auto', options: [{ name: 'Set Automatically', value: 'auto' }, { name: 'Set Manually', value: 'manual' }] },
				{ ...descProp, displayOptions: { show: { descriptionType: ['manual'] } } },
			]
		: [descProp];
	return { ...copy, name: `${copy.name}Tool`, displayName: `${copy.displayName} Tool`, inputs: [], outputs: ['ai_tool'], properties: [...extra, ...copy.properties] };
}

function crisisKitDescriptions() {
	const out = [];
	for (const distPath of PKG.n8n.nodes) {
		const src = path.join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		const mod = require(src);
		const Cls = Object.values(mod).find((v) => typeof v === 'function');
		const d = new Cls().description;
		// What n8n's loader adds to a community node (n8n-core DirectoryLoader.applySpecialNodeParameters):
		// polling nodes get the "Poll Times" parameter.
		if (d.polling) d.properties = [...require('n8n-core/dist/nodes-loader/constants').commonPollingParameters, ...d.properties];
		out.push({ ...d, name: `${PKG.name}.${d.name}` });
		if (d.usableAsTool) out.push(toolVariant({ ...d, name: `${PKG.name}.${d.name}` }));
	}
	return out;
}

/**
 * Returns { find(type, version) → description | undefined, versions(type) → number[],
 * packages: [{ prefix, found, from, version, problem }] }.
 */
function loadCatalog() {
	const byType = new Map();
	const add = (type, d) => {
		if (!byType.has(type)) byType.set(type, []);
		byType.get(type).push(d);
	};
	const packages = [];
	for (const [pkgName, prefix] of [
		['n8n-nodes-base', 'n8n-nodes-base'],
		['@n8n/n8n-nodes-langchain', '@n8n/n8n-nodes-langchain'],
	]) {
		const found = locate(pkgName);
		const pinned = pinnedVersion(pkgName);
		let problem = null;
		if (!found) problem = `${pkgName} not found (run: bash scripts/setup-n8n.sh)`;
		else if (pkgName === 'n8n-nodes-base' && found.version !== N8N_VERSION) problem = `${pkgName} ${found.version} found, n8n ${N8N_VERSION} needs ${N8N_VERSION}`;
		else if (pinned && found.version !== pinned) problem = `${pkgName} ${found.version} found, n8n ${N8N_VERSION} pins ${pinned}`;
		packages.push({ prefix, found: Boolean(found) && !problem, from: found && found.from, version: found && found.version, problem });
		if (!found || problem) continue;
		for (const d of JSON.parse(fs.readFileSync(found.types, 'utf8'))) add(`${prefix}.${d.name}`, d);
	}
	for (const d of crisisKitDescriptions()) add(d.name, d);
	packages.push({ prefix: PKG.name, found: true, from: 'sources', version: PKG.version, problem: null });
	return {
		packages,
		packageOf(type) {
			return packages.find((p) => type.startsWith(p.prefix + '.'));
		},
		versions(type) {
			return (byType.get(type) || []).flatMap(versionsOf);
		},
		find(type, version) {
			return (byType.get(type) || []).find((d) => versionsOf(d).includes(version));
		},
	};
}

module.exports = { loadCatalog, N8N_VERSION, PKG, ROOT };
