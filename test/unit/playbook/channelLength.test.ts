import { fitToChannel, measureText } from '../../../core/playbook';

describe('measureText', () => {
	it('counts code points, not UTF-16 units', () => {
		expect(measureText('é🙂', 'bluesky')).toBe(2);
	});

	it('weighs X like twitter-text: Latin 1, CJK and emoji 2', () => {
		expect(measureText('abc', 'x')).toBe(3);
		expect(measureText('漢字', 'x')).toBe(4);
		expect(measureText('🙂', 'x')).toBe(2);
	});

	it('counts a URL on X and Mastodon as at least 23, trailing punctuation apart', () => {
		expect(measureText('see https://a.fr.', 'x')).toBe(4 + 23 + 1);
		expect(measureText('https://status.orvia.example/incidents/2026-03-05/leak', 'mastodon')).toBe(54);
		expect(measureText('https://a.fr', 'bluesky')).toBe(12);
	});
});

describe('fitToChannel', () => {
	it('keeps the first candidate that fits', () => {
		expect(fitToChannel(['long '.repeat(80), 'short'], 'x')).toMatchObject({ text: 'short', candidate: 1, truncated: false });
		expect(fitToChannel(['long '.repeat(80)], 'email')).toMatchObject({ candidate: 0, truncated: false, limit: null });
	});

	it('cuts at the last whole sentence that fits', () => {
		const text = `${'A first sentence that is long enough. '.repeat(4)}Then a second part that will not fit at all because the limit is small.`;
		const fitted = fitToChannel([text], 'sms');
		expect(fitted.truncated).toBe(true);
		expect(fitted.text.endsWith('.')).toBe(true);
		expect(fitted.length).toBeLessThanOrEqual(160);
	});

	it('otherwise cuts between words, with an ellipsis that never sticks to a URL', () => {
		const words = fitToChannel(['word '.repeat(100)], 'sms');
		expect(words.text.endsWith('word…')).toBe(true);
		expect(words.length).toBeLessThanOrEqual(160);
		const url = fitToChannel([`${'x'.repeat(120)} https://status.orvia.example ${'y'.repeat(50)}`], 'sms');
		expect(url.text.endsWith('https://status.orvia.example …')).toBe(true);
	});

	it('cuts inside a word only when one word is longer than the limit', () => {
		const fitted = fitToChannel(['z'.repeat(400)], 'x');
		expect(fitted.length).toBe(280);
		expect(fitted.text.endsWith('…')).toBe(true);
	});
});
