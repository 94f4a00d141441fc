// Renders the default crisis document as docs/default-crisis-document.md, so the readable page
// never drifts from core/document/defaultCrisisDocument.json.
// Usage: npx tsc -p tsconfig.json && node scripts/render-crisis-document.js [distDir]
'use strict';

const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const dist = path.resolve(root, process.argv[2] || 'dist');
const { defaultCrisisDocument, renderCrisisDocument, validateCrisisDocument } = require(path.join(dist, 'core/document'));

const document = defaultCrisisDocument();
const result = validateCrisisDocument(document);
if (!result.ok) {
	console.error(result.errors.map((e) => e.message).join('\n'));
	process.exit(1);
}
const markdown = renderCrisisDocument(document, {
	generatedNote:
		'Generated from `core/document/defaultCrisisDocument.json` by `scripts/render-crisis-document.js`; edit the JSON, then re-run the script. How to write and version your own: [crisis-document.md](crisis-document.md).',
});
const target = path.join(root, 'docs/default-crisis-document.md');
fs.writeFileSync(target, markdown);
console.log(`wrote ${path.relative(root, target)} (${markdown.length} characters)`);
