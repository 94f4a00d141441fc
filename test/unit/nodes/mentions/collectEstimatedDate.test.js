/**
 * An undated feed item gets the fetch time as its date (publishedAtEstimated). That date must not
 * become the stream's watermark: an entry published before the fetch but listed later would then
 * be taken for "already seen" and dropped.
 */
const { collectStream } = require('../../../../nodes/Mentions/sources/collect');

const mention = (id, publishedAt, estimated) => ({
	id: `rss:${id}`,
	platform: 'rss',
	publishedAt,
	...(estimated ? { publishedAtEstimated: 'the feed gives no date: dated by the fetch' } : {}),
});

function sourceWith(pages) {
	let k = 0;
	return {
		position: () => null,
		fetchPage: async () => ({ ok: true, calls: 1, skipped: [], next: null, mentions: pages[k++] || [] }),
	};
}

const env = { fetchedAt: '2026-03-05T12:00:00.000Z', policy: { maxRetries: 2 } };
const watermark = { publishedAt: '2026-03-05T09:00:00.000Z', sinceId: null, position: null };

test('the watermark moves to the newest real date, not to an estimated one', async () => {
	const source = sourceWith([[mention('dated', '2026-03-05T10:00:00.000Z'), mention('undated', '2026-03-05T12:00:00.000Z', true)]]);
	const r = await collectStream({}, source, env, { key: 'feed' }, { watermark, pending: null }, { maxPages: 5 });
	expect(r.ok).toBe(true);
	expect(r.mentions.map((m) => m.id).sort()).toEqual(['rss:dated', 'rss:undated']);
	expect(r.state.watermark.publishedAt).toBe('2026-03-05T10:00:00.000Z');
});

test('an entry dated between the real watermark and the fetch time, listed later, is still collected', async () => {
	const first = await collectStream({}, sourceWith([[mention('undated', '2026-03-05T12:00:00.000Z', true)]]), env, { key: 'feed' }, { watermark, pending: null }, { maxPages: 5 });
	const late = mention('late', '2026-03-05T11:00:00.000Z');
	const second = await collectStream({}, sourceWith([[late]]), env, { key: 'feed' }, first.state, { maxPages: 5 });
	expect(second.mentions.map((m) => m.id)).toEqual(['rss:late']);
});
