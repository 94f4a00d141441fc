import { isCanonicalMention } from '../../../core/mention/canonicalMention';
import { validateMention } from '../../../core/mention/validateMention';
import { getSample } from '../../../core/samples/sampleCatalog';

const sample = getSample('orvia-data-leak').mentions;
const good = sample[0];

/** The Mention fields of `value`, as validateMention would return them. */
function mentionFields(value: Record<string, unknown>): Record<string, unknown> {
	const keys = ['id', 'platform', 'source', 'nativeId', 'url', 'publishedAt', 'title', 'text', 'language', 'author', 'engagement', 'inReplyToId', 'rating', 'hashtags'];
	const out: Record<string, unknown> = {};
	for (const k of keys) out[k] = value[k];
	if (value.raw !== undefined) out.raw = value.raw;
	return out;
}

const PATCHES: Array<[string, Record<string, unknown>]> = [
	['offset timestamp', { publishedAt: '2026-03-05T10:00:00+01:00' }],
	['timestamp without milliseconds', { publishedAt: '2026-03-05T10:00:00Z' }],
	['30 February', { publishedAt: '2026-02-30T10:00:00.000Z' }],
	['31 March', { publishedAt: '2026-03-31T10:00:00.000Z' }],
	['29 February of a leap year', { publishedAt: '2028-02-29T23:59:59.999Z' }],
	['hour 24', { publishedAt: '2026-03-05T24:00:00.000Z' }],
	['lower-case z', { publishedAt: '2026-03-05T10:00:00.000z' }],
	['numeric timestamp', { publishedAt: 1741170000 }],
	['upper-case language', { language: 'EN' }],
	['empty language', { language: '' }],
	['missing language', { language: undefined }],
	['upper-case hashtag', { hashtags: ['OrviaLeak'] }],
	['accented hashtag', { hashtags: ['fuitedonnées'] }],
	['missing hashtags', { hashtags: undefined }],
	['missing text', { text: undefined }],
	['numeric text', { text: 42 }],
	['empty source', { source: '' }],
	['numeric native id', { nativeId: 1897000000000007 }],
	['id of another platform', { id: 'reddit:1' }],
	['id that is only the platform', { id: 'x' }],
	['id without the colon', { id: 'xx1' }],
	['unknown platform', { platform: 'myspace' }],
	['empty url', { url: '' }],
	['bare http url', { url: 'http://' }],
	['upper-case URL scheme', { url: 'HTTPS://x.com/a' }],
	['javascript url', { url: 'javascript:alert(1)' }],
	['missing url', { url: undefined }],
	['missing engagement', { engagement: undefined }],
	['missing likes', { engagement: { shares: 1, replies: 0, views: null } }],
	['negative shares', { engagement: { likes: 1, shares: -1, replies: 0, views: null } }],
	['missing views', { engagement: { likes: 1, shares: 1, replies: 0 } }],
	['string author', { author: 'bob' }],
	['author without handle', { author: { id: null, name: null, url: null, followers: 3, verified: false } }],
	['author with string verified', { author: { ...good.author, verified: 'yes' } }],
	['author without verified', { author: { id: null, handle: 'a', name: null, url: null, followers: 3 } }],
	['author with NaN followers', { author: { ...good.author, followers: Number.NaN } }],
	['author with empty url', { author: { ...good.author, url: '' } }],
	['rating 4', { rating: 4 }],
	['rating as string', { rating: '4' }],
	['title as number', { title: 3 }],
	['extra fields and a raw payload', { crisis: { risk: 1 }, raw: { a: 1 }, somethingElse: true }],
];

describe('isCanonicalMention (fast path in front of validateMention)', () => {
	test('every mention of the shipped sample takes the fast path', () => {
		for (const m of sample) expect(isCanonicalMention(m)).toBe(true);
	});

	test('whenever it says yes, validateMention accepts the record and returns the same fields', () => {
		let yes = 0;
		let no = 0;
		for (const [, patch] of PATCHES) {
			for (const base of [sample[0], sample[100], sample[400]]) {
				const value = { ...base, ...patch } as Record<string, unknown>;
				for (const k of Object.keys(patch)) if (patch[k] === undefined) delete value[k];
				if (isCanonicalMention(value)) {
					yes++;
					const r = validateMention(value);
					expect(r.ok).toBe(true);
					if (r.ok) expect(r.mention).toEqual(mentionFields(value));
				} else no++;
			}
		}
		expect(yes).toBeGreaterThan(5);
		expect(no).toBeGreaterThan(60);
	});

	test.each(PATCHES.filter(([name]) => !['31 March', '29 February of a leap year', 'rating 4', 'extra fields and a raw payload', 'upper-case URL scheme'].includes(name)))(
		'%s takes the full path',
		(_name, patch) => {
			const value = { ...good, ...patch } as Record<string, unknown>;
			for (const k of Object.keys(patch)) if (patch[k] === undefined) delete value[k];
			expect(isCanonicalMention(value)).toBe(false);
		},
	);

	test('non-objects are not mentions', () => {
		for (const v of [null, undefined, 3, 'x:1', [good]]) expect(isCanonicalMention(v)).toBe(false);
	});
});
