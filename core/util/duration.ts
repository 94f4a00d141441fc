/**
 * A duration as people write it: "45 s", "40 min", "1 h 30", "3 d 4 h" ("3 j 4 h" in French).
 * Used by the report and by Assess Situation's reasons, so both say a duration the same way.
 */
export function fmtDuration(ms: number | null | undefined, lang: 'en' | 'fr'): string {
	if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
	const sign = ms < 0 ? '−' : '';
	const s = Math.round(Math.abs(ms) / 1000);
	if (s < 60) return `${sign}${s} s`;
	let m = Math.round(s / 60);
	if (m < 60) return `${sign}${m} min`;
	let h = Math.floor(m / 60);
	m = m % 60;
	if (h < 48) return m === 0 ? `${sign}${h} h` : `${sign}${h} h ${String(m).padStart(2, '0')}`;
	const d = Math.floor(h / 24);
	h = h % 24;
	const dayUnit = lang === 'fr' ? 'j' : 'd';
	return h === 0 ? `${sign}${d} ${dayUnit}` : `${sign}${d} ${dayUnit} ${h} h`;
}
