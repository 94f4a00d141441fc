// JavaScript on purpose (fuzz tier). The import normaliser (Normalize: CSV/JSON exports of listening
// tools) under fuzzing: parseCsv on mutated CSV text, mapImportedRecord on mutated records of every
// preset. Acceptable: mentions that pass validateMention, skipped-and-counted records (SourceItemError
// with the field), within the time limit.
const { prng, mutateText, mutateJson, fuzz, summary } = require('./fuzzlib');
const { parseCsv, mapImportedRecord, PRESETS } = require('../../core/sources/import/mapImport');
const { mapItems } = require('../../core/sources/mapPage');
const { SourceItemError } = require('../../core/sources/errors');
const { validateMention, formatMentionErrors } = require('../../core/mention/validateMention');
const sample = require('../../samples/orvia-data-leak.sample.json');

const ctx = { tool: 'fuzz', fetchedAt: '2026-03-05T09:30:00.000Z' };

/** Real-looking records of each preset, built from the sample's mentions. */
function recordsOf(preset, m) {
	switch (preset) {
		case 'brandwatch':
			return { 'Resource Id': m.nativeId, Date: m.publishedAt.replace('T', ' ').slice(0, 19), 'Full Text': m.text, Title: m.title ?? '', Url: m.url ?? '', Author: m.author.handle, 'Full Name': m.author.name ?? '', 'Twitter Followers': String(m.author.followers ?? ''), Language: m.language ?? '', 'Page Type': m.platform, Likes: String(m.engagement.likes), 'Twitter Retweets': String(m.engagement.shares) };
		case 'talkwalker':
			return { data: { id: m.nativeId, published: Date.parse(m.publishedAt), content: `<p>${m.text}</p>`, title: m.title, url: m.url, lang: m.language, source_type: m.platform.toUpperCase(), likes: m.engagement.likes, shares: m.engagement.shares, extra_author_attributes: { short_name: m.author.handle, name: m.author.name, followers: m.author.followers } } };
		default:
			return { id: m.nativeId, published_at: m.publishedAt, description: m.text, title: m.title, original_url: m.url, author_influence: { name: m.author.handle, followers: m.author.followers }, language_code: m.language, source_type: m.platform };
	}
}
const PRESET_NAMES = ['brandwatch', 'talkwalker', 'mentionCom'];

function csvOf(rows) {
	const header = Object.keys(rows[0]);
	const cell = (v) => (/[",;\n\r]/.test(v) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
	return [header.map(cell).join(','), ...rows.map((r) => header.map((h) => cell(r[h] ?? '')).join(','))].join('\r\n');
}

function checkPage(res) {
	for (const m of res.mentions) {
		const v = validateMention(m);
		if (!v.ok) return `invalid mention: ${formatMentionErrors(v.errors)}`;
	}
	for (const s of res.skipped) if (!/^import: /.test(s.reason)) return `skip without a reason naming import: ${s.reason}`;
	return null;
}

describe('import normaliser under fuzzing (issue 15)', () => {
	it('mapImportedRecord: mutated records of every preset', () => {
		const tally = fuzz({
			name: 'import records',
			generate: (r) => {
				const preset = r.pick(PRESET_NAMES);
				return { preset, record: mutateJson(r, recordsOf(preset, r.pick(sample.mentions))) };
			},
			run: ({ preset, record }) => mapItems('import', 'items', [record], (rec) => mapImportedRecord(rec, PRESETS[preset], ctx)),
			check: checkPage,
		});
		console.log(summary(tally));
		expect(tally.failures).toEqual([]);
		expect(tally.mentions).toBeGreaterThan(tally.cases / 4);
	});

	it('parseCsv + mapImportedRecord: mutated CSV exports', () => {
		const tally = fuzz({
			name: 'import csv',
			generate: (r) => {
				const start = r.int(sample.mentions.length - 5);
				const rows = sample.mentions.slice(start, start + 1 + r.int(4)).map((m) => recordsOf('brandwatch', m));
				return mutateText(r, csvOf(rows));
			},
			run: (text) => mapItems('import', 'rows', parseCsv(text), (rec) => mapImportedRecord(rec, PRESETS.brandwatch, ctx)),
			check: checkPage,
			isClearError: (e) => e instanceof SourceItemError,
		});
		console.log(summary(tally));
		expect(tally.failures).toEqual([]);
		expect(tally.errors).toBe(0); // CSV parsing never throws; bad rows are skipped and counted
		expect(tally.mentions).toBeGreaterThan(tally.cases / 4);
	});
});
