/**
 * Language codes from platform fields (`en`, `fr-FR`, `pt_BR`, `und`) → lower-case
 * ISO 639-1 (`en`, `fr`, `pt`), or null when absent, undetermined or not a 2-letter code.
 */
export function normaliseLanguage(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const primary = value.trim().split(/[-_]/)[0].toLowerCase();
	return /^[a-z]{2}$/.test(primary) ? primary : null;
}
