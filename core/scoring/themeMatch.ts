/**
 * Crisis themes found in a text, most severe first: `detectThemes` runs a text pass with
 * the theme vocabulary (`THEME_INDEX`); `rankThemes` and `toThemeMatches` read what a
 * pass found (`ThemeFinds`).
 */
import { TextAnalyzer } from './sentiment/analyzer';
import type { ThemeFinds } from './sentiment/analyzer';
import { THEME_INDEX, THEMES } from './themes';
import type { ThemeMatch } from './themes';

/**
 * The `THEMES` indices of the themes a text pass found, most severe first (ties in the
 * order found, as a stable sort gives), in `found.ranked` (the pass's scratch, valid
 * until its analyser's next pass); the first `found.count` entries are meaningful.
 */
export function rankThemes(found: ThemeFinds): Int32Array {
	const ranked = found.ranked;
	for (let k = 0; k < found.count; k++) {
		const index = found.order[k];
		const severity = THEMES[index].severity;
		let p = k;
		while (p > 0 && THEMES[ranked[p - 1]].severity < severity) {
			ranked[p] = ranked[p - 1];
			p--;
		}
		ranked[p] = index;
	}
	return ranked;
}

/** Turns the themes of a text pass into matches, most severe first. */
export function toThemeMatches(found: ThemeFinds): ThemeMatch[] {
	const order = rankThemes(found);
	const out: ThemeMatch[] = [];
	for (let k = 0; k < found.count; k++) {
		const def = THEMES[order[k]];
		out.push({ theme: def.id, label: def.label, severity: def.severity, terms: found.terms[order[k]].slice() });
	}
	return out;
}

/**
 * Finds the crisis themes a text talks about (English and French vocabulary together),
 * most severe first, each with the terms found. Hashtags count as words ('#boycott').
 */
export function detectThemes(text: string, language: 'en' | 'fr' = 'fr', analyzer?: TextAnalyzer): ThemeMatch[] {
	if (!text) return [];
	return toThemeMatches((analyzer ?? new TextAnalyzer(THEME_INDEX)).analyze(text, language, true).themes);
}
