/**
 * Assertions on the `n8n execute` output of workflows/post-crisis-review.workflow.json on the
 * shipped sample (Settings › live = false; also run in-process by test/workflows/postCrisisReview.test.js).
 */
const assert = require('assert');

function items(run, name, out = 0) {
	const r = run.data.resultData.runData[name];
	assert.ok(r, `node "${name}" did not run (ran: ${Object.keys(run.data.resultData.runData).join(', ')})`);
	return r.flatMap((x) => ((x.data && x.data.main && x.data.main[out]) || []));
}
function reportItem(run) {
	const list = items(run, 'Crisis Report');
	assert.strictEqual(list.length, 1, 'one report item');
	return list[0];
}

module.exports = {
	'the report covers the whole sample with phases derived from the levels': (run) => {
		const m = reportItem(run).json;
		assert.strictEqual(m.schema, 'crisis-kit/report@1');
		assert.strictEqual(m.range.mentions, 638);
		assert.strictEqual(m.brand, 'Orvia');
		assert.ok(m.phases.duringStart >= '2026-03-05T06:00:00Z' && m.phases.duringStart <= '2026-03-05T12:00:00Z', `during starts ${m.phases.duringStart}`);
		assert.strictEqual(m.levels.highest.value, 'crisis');
	},
	'peak, reach and time to detect are numbers that say how they were computed': (run) => {
		const m = reportItem(run).json;
		assert.ok(m.volume.peak.value.count >= 30 && m.volume.peak.value.at.startsWith('2026-03-05'), JSON.stringify(m.volume.peak.value));
		for (const metric of [m.volume.peak, m.reach.potential, m.response.timeToDetect, m.sentiment.negativeShare]) {
			assert.ok(typeof metric.how === 'string' && metric.how.length > 20, 'each metric says how it was computed');
		}
	},
	'the HTML report is attached as binary data and named in the message that goes out, in French': (run) => {
		const item = reportItem(run);
		const html = item.binary && item.binary.report_html;
		assert.ok(html && item.binary.report_md, `binary properties: ${Object.keys(item.binary || {})}`);
		assert.strictEqual(html.mimeType, 'text/html');
		const [msg] = items(run, 'Report message').map((i) => i.json);
		assert.strictEqual(msg.attachment, html.fileName);
		assert.strictEqual(item.json.language, 'fr', 'the report is in the document language');
		assert.ok(msg.subject.startsWith('Rapport post-crise : '), msg.subject);
		assert.ok(msg.text.startsWith('Bonjour,'), msg.text);
		assert.ok(msg.text.includes('638 mentions'), msg.text);
		assert.deepStrictEqual(items(run, 'Report sent').map((i) => i.json.sentTo), ['sample']);
		for (const live of ['E-mail the report', 'Slack: post the report', 'Slack: approve the new version', 'E-mail: approve the new version', 'Incident mentions (search)', 'Incident timeline (Data Table)', 'Current document (Data Table)']) {
			assert.ok(!run.data.resultData.runData[live], `${live} ran although Settings › live is false`);
		}
	},
	'the incident is closed from its timeline: detected 08:30, acknowledged 50 min later, resolved': (run) => {
		const [review] = items(run, 'Close incident').map((i) => i.json);
		assert.strictEqual(review.peakLevel, 'crisis');
		assert.strictEqual(review.detectedAt, '2026-03-05T08:30:00.000Z');
		assert.strictEqual(review.timeToAcknowledgeMinutes, 50);
		assert.strictEqual(review.resolvedEvent.type, 'resolved');
	},
	'the approver is asked about version 2 with the readable diff, in the document language (FR)': (run) => {
		const [req] = items(run, 'Approval request').map((i) => i.json);
		assert.strictEqual(req.version, 2);
		assert.strictEqual(req.previousVersion, 1);
		assert.strictEqual(req.subject, 'Document de crise : valider la version 2');
		assert.ok(req.message.startsWith('Proposition de version 2 du document de crise (depuis la 1)'), req.message.slice(0, 80));
		assert.ok(req.message.includes(req.diffText) && /\n {4}why: /.test(req.diffText));
		assert.ok(req.changes.some((c) => c.path === 'brand.hashtags'));
	},
	'once approved, the new version is one new row of crisis_kit_documents (the old one untouched)': (run) => {
		const [row] = items(run, 'New version row').map((i) => i.json);
		assert.strictEqual(row.version, 2);
		assert.strictEqual(row.previousVersion, 1);
		const doc = JSON.parse(row.document);
		assert.strictEqual(doc.version, 2);
		assert.deepStrictEqual(doc.history.map((h) => h.version), [1, 2]);
		assert.ok(row.diff.startsWith('Crisis document v1 → v2'));
		assert.ok(row.reasons.split('\n').length >= 2);
		assert.ok(run.data.resultData.runData['Save the new version (Data Table)'], 'the insert ran');
		const insert = run.data.resultData.runData['Save the new version (Data Table)'][0];
		assert.ok(!insert.data || !JSON.stringify(insert.data).includes('"operation":"update"'), 'insert only, never an update');
		assert.ok(!run.data.resultData.runData['Current version kept']);
	},
};
