/**
 * Every npm script runs something that exists: each file a script hands to `bash` or `node`
 * is in the repository, and every `npm run X` a script, the README or docs/ names is a script of
 * package.json. (`npm run test:e2e` pointed at a scripts/e2e.sh that never existed.)
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '../../..');
const PKG = require(path.join(ROOT, 'package.json'));

/** The files a command line hands to bash or node (flags and `-e` code left out). */
function filesRun(command) {
	const out = [];
	for (const part of command.split(/&&|\|\||;/)) {
		const words = part.trim().split(/\s+/);
		const at = words.findIndex((w) => w === 'bash' || w === 'node');
		if (at < 0) continue;
		const rest = words.slice(at + 1);
		if (rest[0] === '-e' || rest[0] === '--eval') continue;
		const file = rest.find((w) => !w.startsWith('-'));
		if (file) out.push(file);
	}
	return out;
}

function docs() {
	const files = [path.join(ROOT, 'README.md'), ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join(ROOT, 'docs', f))];
	return files.map((f) => ({ file: path.relative(ROOT, f), text: fs.readFileSync(f, 'utf8') }));
}

describe('npm scripts', () => {
	test('every file a script runs with bash or node exists', () => {
		const missing = [];
		for (const [name, command] of Object.entries(PKG.scripts)) {
			for (const file of filesRun(command)) if (!fs.existsSync(path.join(ROOT, file))) missing.push(`${name}: ${file}`);
		}
		expect(missing).toEqual([]);
		expect(filesRun(PKG.scripts['test:e2e'])).toEqual(['test/e2e/run.js']);
	});

	test('every `npm run X` named in a script, the README or docs/ is a script of package.json', () => {
		const unknown = [];
		const sources = [...Object.entries(PKG.scripts).map(([name, text]) => ({ file: `script ${name}`, text })), ...docs()];
		for (const { file, text } of sources) {
			for (const m of text.matchAll(/npm run ([\w:-]+)/g)) if (!(m[1] in PKG.scripts)) unknown.push(`${file}: npm run ${m[1]}`);
		}
		expect(unknown).toEqual([]);
	});

	test('the checker sees a missing file', () => {
		expect(filesRun('npm run build --silent && node test/nope.js --x')).toEqual(['test/nope.js']);
		expect(filesRun("node -e \"require('fs')\" && tsc")).toEqual([]);
	});
});
