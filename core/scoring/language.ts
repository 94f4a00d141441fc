/**
 * A light English / French detector for mentions whose platform gives no language.
 * It counts very frequent function words (and French accents) and answers only when the
 * evidence is clear: `null` when unsure, `'other'` when the text is plainly in another
 * language or script. Pure: no model, no I/O.
 */

export type DetectedLanguage = 'en' | 'fr' | 'other' | null;

const EN = new Set([
	'the', 'and', 'is', 'are', 'was', 'were', 'you', 'your', 'to', 'of', 'for', 'in', 'on', 'my', 'i', 'it', 'this',
	'that', 'with', 'not', 'have', 'has', 'be', 'at', 'what', 'why', 'how', 'just', 'can', 'will', 'get', 'me', 'we',
	'they', 'from', 'no', 'thanks', 'please', 'an', 'our', 'all', 'do', "don't", 'been', 'would', 'there', 'when',
	'about', 'if', 'so', 'but', 'or', 'any', 'now', 'still', "can't", "it's", "i'm", 'again', 'out', 'by', 'here',
]);

const FR = new Set([
	'le', 'la', 'les', 'des', 'du', 'de', 'et', 'est', 'une', 'un', 'pour', 'pas', 'que', 'qui', 'dans', 'sur', 'ce',
	'cette', 'avec', 'je', 'tu', 'il', 'nous', 'vous', 'ils', 'elle', 'mon', 'ma', 'mes', 'son', 'sa', 'ses', 'au',
	'aux', 'ne', 'mais', 'ou', 'où', 'merci', 'très', 'sont', 'ça', 'aussi', 'comme', 'leur', 'votre', 'vos',
	'toujours', 'rien', 'encore', 'depuis', 'avez', 'fait', 'suis', 'être', 'avoir', 'chez', 'quand', 'après',
]);

const FR_ELISIONS = new Set(["l'", "d'", "j'", "n'", "c'", "qu'", "s'", "m'", "t'"]);

function isLatinLetter(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f);
}

/** Detects English or French from the text alone; `null` when unsure. */
export function detectLanguage(text: string): DetectedLanguage {
	if (!text) return null;
	let latin = 0;
	let otherScript = 0;
	let frAccents = 0;
	for (let k = 0; k < text.length; k++) {
		const c = text.charCodeAt(k);
		if (isLatinLetter(c)) {
			latin++;
			if (c === 0xe9 || c === 0xe8 || c === 0xea || c === 0xe0 || c === 0xe7 || c === 0xf9 || c === 0xee || c === 0xf4 || c === 0xe2) frAccents++;
		} else if ((c >= 0x370 && c <= 0x1fff) || (c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) {
			otherScript++;
		}
	}
	if (otherScript > latin) return 'other';
	const words = text
		.toLowerCase()
		.replace(/https?:\/\/\S+|[@#][\w.]+/g, ' ')
		.replace(/\u2019/g, "'")
		.split(/[^a-zà-ÿœ']+/);
	let en = 0;
	let fr = 0;
	let total = 0;
	for (const raw of words) {
		if (!raw) continue;
		total++;
		const apos = raw.indexOf("'");
		if (apos > 0 && FR_ELISIONS.has(raw.slice(0, apos + 1))) {
			fr++;
			continue;
		}
		if (EN.has(raw)) en++;
		if (FR.has(raw)) fr++;
	}
	fr += Math.min(frAccents, 3) * 0.5;
	if (total === 0) return null;
	if (en >= 2 && en >= 2 * fr) return 'en';
	if (fr >= 2 && fr >= 2 * en) return 'fr';
	if (total >= 6 && en + fr <= total * 0.08) return 'other';
	if (total <= 3 && en === 1 && fr === 0) return 'en';
	if (total <= 3 && fr >= 1 && en === 0) return 'fr';
	return null;
}
