/**
 * Which scenario of the document is this? Scored from the situation's themes, the themes the
 * mention scorer found on each mention, and the document's text cues (EN/FR) in mention texts
 * and hashtags — each counted and said in the reasons, so the choice can be checked.
 */
import type { CrisisDocument, Scenario } from '../document/types';
import type { Mention } from '../mention/mention';
import type { MentionScore, Situation } from '../scoring/types';
import type { ScenarioMatch } from './types';

export type PlaybookMention = Mention & { crisis?: MentionScore };

/** Weights: a situation theme says most, then a mention's theme, then a text cue. */
const SITUATION_THEME_POINTS = 5;
const THEME_MENTION_POINTS = 2;
const CUE_MENTION_POINTS = 1;

/** Lower case, accents removed, punctuation as spaces, padded: " fuite de donnees ". */
export function normaliseForCues(text: string): string {
	const folded = text
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
	return ` ${folded} `;
}

interface PreparedMention {
	text: string;
	themes: string[];
}

function prepare(mentions: readonly PlaybookMention[]): PreparedMention[] {
	return mentions.map((m) => {
		const tags = Array.isArray(m.hashtags) ? m.hashtags.join(' ') : '';
		const text = normaliseForCues(`${m.title ?? ''} ${m.text ?? ''} ${tags}`);
		const themes = Array.isArray(m.crisis?.themes) ? m.crisis.themes : [];
		return { text, themes };
	});
}

function cuesOf(scenario: Scenario): Array<{ cue: string; key: string }> {
	const seen = new Set<string>();
	const out: Array<{ cue: string; key: string }> = [];
	for (const list of Object.values(scenario.cues)) {
		for (const cue of list ?? []) {
			const key = normaliseForCues(cue);
			if (key.trim() === '' || seen.has(key)) continue;
			seen.add(key);
			out.push({ cue, key });
		}
	}
	return out;
}

function top(counts: Record<string, number>, n: number): string {
	return Object.entries(counts)
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
		.slice(0, n)
		.map(([k, v]) => `"${k}" (${v})`)
		.join(', ');
}

/** Scores every scenario; best first (ties keep the document's order). Zero scores included. */
export function matchScenarios(
	document: CrisisDocument,
	situation: Pick<Situation, 'themes'> | null,
	mentions: readonly PlaybookMention[] = [],
): ScenarioMatch[] {
	const prepared = prepare(mentions);
	const situationThemes = new Set(Array.isArray(situation?.themes) ? situation.themes : []);
	const results = document.scenarios.map((scenario, order) => {
		const reasons: string[] = [];
		let score = 0;
		const shared = scenario.themes.filter((t) => situationThemes.has(t));
		if (shared.length > 0) {
			score += SITUATION_THEME_POINTS * shared.length;
			reasons.push(`the situation's themes include ${shared.join(', ')}`);
		}
		const themeMentions: Record<string, number> = {};
		const cueMentions: Record<string, number> = {};
		const cues = cuesOf(scenario);
		let matched = 0;
		let themed = 0;
		let cued = 0;
		for (const m of prepared) {
			const themeHits = scenario.themes.filter((t) => m.themes.includes(t));
			for (const t of themeHits) themeMentions[t] = (themeMentions[t] ?? 0) + 1;
			const cueHits = cues.filter((c) => m.text.includes(c.key));
			for (const c of cueHits) cueMentions[c.cue] = (cueMentions[c.cue] ?? 0) + 1;
			if (themeHits.length > 0) themed++;
			if (cueHits.length > 0) cued++;
			if (themeHits.length > 0 || cueHits.length > 0) matched++;
		}
		score += THEME_MENTION_POINTS * themed + CUE_MENTION_POINTS * cued;
		if (themed > 0) reasons.push(`${themed} of ${prepared.length} mentions carry its themes: ${top(themeMentions, 3)}`);
		if (cued > 0) reasons.push(`${cued} of ${prepared.length} mentions use its cues: ${top(cueMentions, 4)}`);
		return { order, match: { scenarioId: scenario.id, score, matchedMentions: matched, themeMentions, cueMentions, reasons } };
	});
	results.sort((a, b) => b.match.score - a.match.score || a.order - b.order);
	return results.map((r) => r.match);
}

/** Whether a mention points to `scenario` (one of its themes, or one of its cues). */
export function mentionMatchesScenario(scenario: Scenario, mention: PlaybookMention): boolean {
	const [m] = prepare([mention]);
	if (scenario.themes.some((t) => m.themes.includes(t))) return true;
	return cuesOf(scenario).some((c) => m.text.includes(c.key));
}
