/** Assertions on the `n8n execute` output of workflows/post-crisis-review.workflow.json. */
const assert = require('assert');

function reportItem(run) {
	const runs = run.data.resultData.runData['Crisis Report'];
	assert.ok(runs, 'Crisis Report did not run');
	const items = runs[0].data.main[0];
	assert.strictEqual(items.length, 1, 'one report item');
	return items[0];
}

module.exports = {
	'the report covers the whole sample with phases derived from the levels': (run) => {
		const m = reportItem(run).json;
		assert.strictEqual(m.schema, 'crisis-kit/report@1');
		assert.strictEqual(m.range.mentions, 638);
		assert.strictEqual(m.brand, 'Orvia');
		assert.strictEqual(m.phases.source, 'situations');
		assert.ok(m.phases.duringStart >= '2026-03-05T06:00:00Z' && m.phases.duringStart <= '2026-03-05T12:00:00Z', `during starts ${m.phases.duringStart}`);
		assert.strictEqual(m.levels.highest.value, 'crisis');
	},
	'peak, reach and time to detect are numbers that say how they were computed': (run) => {
		const m = reportItem(run).json;
		assert.ok(m.volume.peak.value.count >= 30 && m.volume.peak.value.at.startsWith('2026-03-05'), JSON.stringify(m.volume.peak.value));
		for (const metric of [m.volume.peak, m.reach.potential, m.response.timeToDetect, m.sentiment.negativeShare]) {
			assert.ok(typeof metric.how === 'string' && metric.how.length > 20, 'each metric says how it was computed');
		}
		assert.ok(m.sentiment.negativeShare.value.during > m.sentiment.negativeShare.value.before, 'more negative during than before');
	},
	'HTML and Markdown reports are attached as binary data': (run) => {
		const item = reportItem(run);
		const html = item.binary && item.binary.report_html;
		const md = item.binary && item.binary.report_md;
		assert.ok(html && md, `binary properties: ${Object.keys(item.binary || {})}`);
		assert.strictEqual(html.mimeType, 'text/html');
		assert.ok(/^crisis-report-\d{4}-\d{2}-\d{2}\.html$/.test(html.fileName), html.fileName);
		assert.strictEqual(md.mimeType, 'text/markdown');
		const size = (b) => (b.data && !b.id ? Buffer.from(b.data, 'base64').length : Number(String(b.fileSize).replace(/[^\d.]/g, '')) * (/MB/.test(b.fileSize) ? 1e6 : /kB/.test(b.fileSize) ? 1e3 : 1));
		assert.ok(size(html) > 10000 && size(html) < 2e6, `html size ${html.fileSize}`);
		if (html.data && !html.id) {
			const text = Buffer.from(html.data, 'base64').toString('utf8');
			assert.ok(text.includes('<svg') && !/<script/i.test(text), 'inline SVG charts, no script');
		}
	},
};
