import type { Mention } from '../../../core/mention/mention';
import { validateMention, formatMentionErrors } from '../../../core/mention/validateMention';

/** Every mapped mention must pass the package's own Mention validation and the mapper rules. */
export function assertValidMentions(mentions: Mention[]): void {
	for (const m of mentions) {
		const result = validateMention(m);
		if (!result.ok) throw new Error(`${m.id}: ${formatMentionErrors(result.errors)}`);
		expect(m.id).toBe(`${m.platform}:${m.nativeId}`);
		expect(typeof m.nativeId).toBe('string');
		expect(m.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		if (m.url !== null) expect(m.url).toMatch(/^https?:\/\//);
		if (m.author.url !== null) expect(m.author.url).toMatch(/^https?:\/\//);
		if (m.language !== null) expect(m.language).toMatch(/^[a-z]{2}$/);
		for (const h of m.hashtags) expect(h).toBe(h.toLowerCase());
		for (const h of m.hashtags) expect(h.startsWith('#')).toBe(false);
		expect(m.text).not.toMatch(/<\/?(p|a|span|b|br)\b/);
		expect(m.raw).toBeDefined();
	}
}

export const ctx = { fetchedAt: '2026-03-05T09:30:00.000Z' };
