import { validateMention, toUtcIso } from '../../../core/mention/validateMention';
import { getSample, replaySample, SAMPLE_NAMES } from '../../../core/samples/sampleCatalog';

const good = getSample('orvia-data-leak').mentions[0];

describe('validateMention', () => {
	test('every mention of the shipped sample is a valid record', () => {
		for (const m of getSample('orvia-data-leak').mentions) {
			const r = validateMention(m);
			if (!r.ok) throw new Error(`${m.id}: ${JSON.stringify(r.errors)}`);
		}
	});

	test('normalises an offset timestamp to UTC with Z', () => {
		const r = validateMention({ ...good, publishedAt: '2026-03-05T10:00:00+01:00' });
		expect(r.ok && r.mention.publishedAt).toBe('2026-03-05T09:00:00.000Z');
		expect(toUtcIso('2026-03-05')).toBeNull();
	});

	test.each([
		['publishedAt', { publishedAt: 1741170000 }, 'publishedAt: '],
		['platform', { platform: 'myspace' }, 'platform: expected one of'],
		['id prefix', { id: 'reddit:1' }, 'id: expected an id starting with "x:"'],
		['followers', { author: { ...good.author, followers: -3 } }, 'author.followers'],
		['likes', { engagement: { ...good.engagement, likes: 'many' } }, 'engagement.likes'],
		['url scheme', { url: 'javascript:alert(1)' }, 'url: expected an http(s) URL'],
		['hashtags', { hashtags: 'orvialeak' }, 'hashtags'],
	])('rejects a bad %s with its path', (_name, patch, expected) => {
		const r = validateMention({ ...good, ...patch });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n')).toContain(expected);
	});

	test('missing text is a warning, not an error; non-objects are errors', () => {
		const r = validateMention({ ...good, text: undefined });
		expect(r.ok && r.warnings[0]).toContain('text is missing');
		expect(validateMention('hello').ok).toBe(false);
		expect(validateMention(null).ok).toBe(false);
	});
});

describe('sample catalog', () => {
	test('lists the shipped sample and tells a crisis story: calm days, then a spike', () => {
		expect(SAMPLE_NAMES).toContain('orvia-data-leak');
		const s = getSample('orvia-data-leak');
		const perDay = new Map<string, number>();
		for (const m of s.mentions) perDay.set(m.publishedAt.slice(0, 10), (perDay.get(m.publishedAt.slice(0, 10)) ?? 0) + 1);
		expect(perDay.get('2026-03-02')).toBeLessThan(50);
		expect(perDay.get('2026-03-05')).toBeGreaterThan(5 * (perDay.get('2026-03-03') ?? 0));
		const fr = s.mentions.filter((m) => m.language === 'fr').length;
		expect(fr / s.mentions.length).toBeGreaterThan(0.3);
	});

	test('replay returns copies: mutating them never changes the shipped sample', () => {
		const s = getSample('orvia-data-leak');
		const [first] = replaySample(s, { limit: 1 });
		first.text = 'changed';
		expect(s.mentions[0].text).not.toBe('changed');
	});

	test('bad replay dates are reported with the option name', () => {
		expect(() => replaySample(getSample('orvia-data-leak'), { from: 'monday' })).toThrow('from: expected an RFC3339 timestamp');
	});
});
