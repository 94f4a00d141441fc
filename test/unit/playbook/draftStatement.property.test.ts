/**
 * Property: whatever the scenario, kind, language, channel, time and values, a drafted
 * statement never contains an unfilled placeholder (nor any brace) and never exceeds the
 * channel's limit. Generated from a seeded PRNG so a failure can be replayed.
 */
import { CHANNELS, CHANNEL_LIMITS, STATEMENT_KINDS, defaultCrisisDocument } from '../../../core/document';
import type { Channel, CrisisDocument, Language } from '../../../core/document';
import { draftStatement, measureText } from '../../../core/playbook';

function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ALPHABET = ['a', 'é', ' ', '{', '}', '{{', '}}', '$json', '\n', '\u0000', '🙂', '漢', 'https://example.com/very/long/path?x=1', '#', '@', '…', '  ', 'ß', '"', '\t'];

function randomText(rand: () => number, max: number): string {
	const n = Math.floor(rand() * max);
	let s = '';
	for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
	return s;
}

describe('draftStatement over generated situations, channels and languages', () => {
	const base = defaultCrisisDocument();
	// A second document with a long brand name and longer short texts, to force truncation.
	const long = defaultCrisisDocument();
	long.brand.name = 'Orvia Banque Mobile Européenne pour Tous les Particuliers et les Professionnels';
	for (const s of long.scenarios) {
		for (const lang of ['fr', 'en'] as const) {
			const h = s.statements.holding?.[lang];
			if (h) h.short = `${h.text} {affectedService}`;
		}
	}
	const documents: CrisisDocument[] = [base, long];

	it('never leaves a placeholder and never exceeds the channel limit (4,000 drafts)', () => {
		const rand = prng(42);
		let truncated = 0;
		for (let run = 0; run < 4000; run++) {
			const document = documents[Math.floor(rand() * documents.length)];
			const scenario = document.scenarios[Math.floor(rand() * document.scenarios.length)];
			const kinds = STATEMENT_KINDS.filter((k) => scenario.statements[k]);
			const kind = kinds[Math.floor(rand() * kinds.length)];
			const language: Language = rand() < 0.5 ? 'fr' : 'en';
			const channel: Channel = CHANNELS[Math.floor(rand() * CHANNELS.length)];
			const now = new Date(Date.UTC(2026, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28), Math.floor(rand() * 24), Math.floor(rand() * 60))).toISOString();
			const variables: Record<string, string> = {};
			for (const p of document.placeholders) if (rand() < 0.6) variables[p.name] = randomText(rand, 120);
			const draft = draftStatement({
				document,
				scenarioId: scenario.id,
				kind,
				language,
				channel,
				now,
				variables,
				replyTo: kind === 'reply' ? `user_${Math.floor(rand() * 1e6)}.bsky.social` : undefined,
			});
			expect(draft.text).not.toMatch(/[{}]/);
			const limit = CHANNEL_LIMITS[channel];
			if (limit !== null) expect(measureText(draft.text, channel)).toBeLessThanOrEqual(limit);
			expect(draft.length).toBe(measureText(draft.text, channel));
			expect(draft.text.trim()).toBe(draft.text);
			expect(draft.text.length).toBeGreaterThan(0);
			expect(draft.needsApproval).toBe(true);
			if (draft.truncated) {
				truncated++;
				expect(draft.warnings[0]).toMatch(/cut to fit/);
			}
		}
		// The run must have exercised the cutting path, not just the texts that fit.
		expect(truncated).toBeGreaterThan(100);
	});
});
