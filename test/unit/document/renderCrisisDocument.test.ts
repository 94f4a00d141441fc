import { defaultCrisisDocument, renderCrisisDocument } from '../../../core/document';

describe('renderCrisisDocument', () => {
	it('renders every scenario, step and contact of the document, the same way each time', () => {
		const doc = defaultCrisisDocument();
		const page = renderCrisisDocument(doc);
		expect(page.startsWith('# Crisis document: Orvia (version 1)')).toBe(true);
		for (const s of doc.scenarios) expect(page).toContain(`(\`${s.id}\`)`);
		for (const id of Object.keys(doc.steps)) expect(page).toContain(`| \`${id}\` |`);
		for (const c of doc.contacts) expect(page).toContain(c.email);
		expect(page).toContain('| alert | 12 | 3 | 40% | 0 | 0 |');
		expect(renderCrisisDocument(doc)).toBe(page);
	});
});
