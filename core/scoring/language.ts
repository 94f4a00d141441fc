/**
 * A light language detector for mentions whose platform gives no language, built for
 * short texts (headlines, one-line posts). It weighs very frequent function words of
 * English, French and five other Latin-script languages (Spanish, Portuguese, Italian,
 * German, Dutch), the letters and word endings peculiar to each, and other scripts.
 *
 * It answers `'en'` or `'fr'` when the text leans to one of them, `'other'` only when the
 * text is clearly in another language (its own function words or letters outweigh English
 * and French ones), and `null` when there is no evidence either way ("Orvia leak: regulator
 * asks questions" holds no function word): the caller then scores the text in its first
 * scored language rather than dropping it. Pure: no model, no I/O; linear in the text.
 * Word lists are general vocabulary written for this detector, not drawn from any data set.
 */

export type DetectedLanguage = 'en' | 'fr' | 'other' | null;

/** Evidence per language, in this order. */
const LANGS = ['en', 'fr', 'es', 'pt', 'it', 'de', 'nl', 'xx'] as const;
type Lang = (typeof LANGS)[number];
const EN = 0;
const FR = 1;
/** Any other language, told by its letters only (Polish, Czech, Nordic, Turkish…). */
const XX = 7;
const ES = 2;
const IT = 4;
const DE = 5;
const NL = 6;

const WORDS: Record<Lang, string> = {
	en:
		'the and is are was were you your to of for on my i it this that with not have has be at what why how just can ' +
		'will get me we they from no thanks thank please an our all do been would there when about if so but or any now ' +
		'still again out by here after over new says said asks its their his her he she who which more than up off as ' +
		'should could these those does did us them very really today yesterday week people because where while only also ' +
		'amid into against under first before being make made how let got back down want need know see think going ' +
		'doesn\'t don\'t can\'t won\'t isn\'t didn\'t it\'s i\'m you\'re we\'re they\'re that\'s what\'s there\'s',
	fr:
		'le la les des du de et est une un pour pas que qui dans sur ce cette ces avec je tu il nous vous ils elle elles ' +
		'mon ma mes son sa ses au aux ne mais ou où merci très sont ça aussi comme leur leurs votre vos notre nos toujours ' +
		'rien encore depuis avez fait suis être avoir chez quand après plus par se été ont était contre selon sans tout tous ' +
		'faut va moi toi lui y en bien non oui déjà alors donc car même peut entre vers avant sous cet quoi pourquoi comment ' +
		'ici jamais personne trop beaucoup lors dont',
	es:
		'el la los las del y es una uno por para con que en de no se lo al su sus como pero más muy está están son fue ha han ' +
		'hay este esta esto yo mi tu nos les le ya también porque cuando sin sobre entre hasta desde todo gracias hola qué ' +
		'cómo dónde ser estar tiene tienen hace otra otro pues aquí nada',
	pt:
		'o os a as um uma de do da dos das e é em no na nos nas que para com não por mais muito está são foi tem têm ao aos pelo ' +
		'pela seu sua isso isto este esta eu você ele ela obrigado obrigada também porque quando sem sobre até já ser estão ' +
		'ainda aqui nada uns umas num numa',
	it:
		'il lo la i gli le un una uno di da del della dei delle e è che per con non in su sono ha hanno questo questa come ma ' +
		'più molto anche perché quando senza tutto grazie ciao io tu lui lei noi voi loro mio suo nel nella alla al dal ' +
		'dalla sul sulla degli alle agli ci si mi ti essere stato fatto ancora dopo',
	de:
		'der die das und ist nicht ein eine einen einem dem den des zu mit auf für von im bei sich auch wie aber oder wir ' +
		'ihr sie es ich du er sind war hat haben werden wird noch nach vor über mehr sehr kein keine nur schon wenn dass ' +
		'weil danke bitte was wer warum heute gegen diese dieser dieses unser unsere euch uns mich dich ihm ihn zum zur vom',
	nl:
		'de het een en van is niet dat die op te in met voor zijn er maar om ook als bij nog naar dan wel geen uit worden ' +
		'wordt heeft hebben was ik je jij we wij ze hij zij u jullie onze mijn dit deze bedankt dank hoe wat waarom al ' +
		'weer nu door kan moet gaat geen hun ons terug omdat zonder tegen vanwege waar toch',
	// Other languages, told apart only as 'not English or French' (Polish, Czech, Nordic, Turkish).
	xx:
		'się nie jest że czy jak dla przez oraz jeszcze bardzo tylko już och att det är som för på av inte eller ' +
		'jeg ikke og til har vil kun ve bir bu için ile değil çok daha',
};

/** Word -> its languages as a bit set (bit k = LANGS[k]). */
const WORD_LANGS: ReadonlyMap<string, number> = (() => {
	const m = new Map<string, number>();
	(Object.keys(WORDS) as Lang[]).forEach((lang) => {
		const bit = 1 << LANGS.indexOf(lang);
		for (const w of WORDS[lang].split(' ')) if (w) m.set(w, (m.get(w) ?? 0) | bit);
	});
	return m;
})();

/** Letters peculiar to some languages: code point -> [language index, weight] pairs. */
const LETTERS: ReadonlyMap<number, ReadonlyArray<readonly [number, number]>> = (() => {
	const m = new Map<number, Array<readonly [number, number]>>();
	const add = (chars: string, lang: Lang, w: number): void => {
		for (const ch of chars) {
			const cp = ch.codePointAt(0) as number;
			const list = m.get(cp) ?? [];
			list.push([LANGS.indexOf(lang), w]);
			m.set(cp, list);
		}
	};
	add('ñ¿¡', 'es', 1);
	add('ãõ', 'pt', 1);
	add('ßäöü', 'de', 1);
	add('ìò', 'it', 1);
	add('œîôûùëïÿ', 'fr', 0.6);
	add('éèêâç', 'fr', 0.4);
	add('à', 'fr', 0.3);
	add('àèù', 'it', 0.2);
	add('áíóú', 'es', 0.5);
	add('áíóúâêôç', 'pt', 0.4);
	add('éè', 'it', 0.1);
	add('é', 'es', 0.1);
	// Polish, Czech, Slovak, Nordic, Turkish, Romanian, Hungarian letters.
	add('łąęśćżźńřěůčšžďťňåøæğşıșțăőű', 'xx', 1);
	return m;
})();

/** French elisions; Italian elides 'l'' and 'un'' too. */
const FR_ELISIONS = new Set(["d'", "j'", "n'", "c'", "qu'", "s'", "m'", "t'", "jusqu'", "lorsqu'", "puisqu'"]);

function isLetter(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isOtherScript(c: number): boolean {
	return (c >= 0x370 && c <= 0x1fff) || (c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0x600 && c <= 0x6ff);
}

/** Scratch for `detectLanguage`: one score per language (`TextAnalyzer.languageScores` holds one per batch). */
export function createLanguageScores(): Float64Array {
	return new Float64Array(LANGS.length);
}

/** The longest word in the lists (longer words are only checked for their endings). */
const MAX_LISTED = (() => {
	let max = 0;
	for (const w of WORD_LANGS.keys()) if (w.length > max) max = w.length;
	return max;
})();

/**
 * The listed words in an open-addressing table keyed by a hash computed while scanning
 * (no word is cut out of the text to be looked up): slots of (word index + 1, hash).
 */
const TABLE_BITS = 11;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const TABLE = new Int32Array(2 << TABLE_BITS);
const TABLE_WORDS: string[] = [];
const TABLE_LANGS: number[] = [];

function hashStep(h: number, c: number): number {
	return (Math.imul(h, 31) + c) | 0;
}

function slotOf(hash: number): number {
	return Math.imul(hash, 0x9e3779b1) >>> (32 - TABLE_BITS);
}

for (const [word, langs] of WORD_LANGS) {
	let h = 0;
	for (let k = 0; k < word.length; k++) h = hashStep(h, word.charCodeAt(k));
	TABLE_WORDS.push(word);
	TABLE_LANGS.push(langs);
	let p = slotOf(h);
	while (TABLE[p << 1] !== 0) p = (p + 1) & TABLE_MASK;
	TABLE[p << 1] = TABLE_WORDS.length;
	TABLE[(p << 1) + 1] = h;
}

/** The languages (bit set) of the listed word `lower.slice(start, end)` with hash `hash`, or 0. */
function listedLangs(lower: string, start: number, end: number, hash: number): number {
	let p = slotOf(hash);
	for (;;) {
		const id = TABLE[p << 1];
		if (id === 0) return 0;
		if (TABLE[(p << 1) + 1] === hash) {
			const w = TABLE_WORDS[id - 1];
			if (w.length === end - start && lower.startsWith(w, start)) return TABLE_LANGS[id - 1];
		}
		p = (p + 1) & TABLE_MASK;
	}
}

/** Whether the word of length `len` ending at `end` ends with `suffix` (and is longer). */
function endsAt(lower: string, end: number, len: number, suffix: string): boolean {
	return suffix.length < len && lower.startsWith(suffix, end - suffix.length);
}

/**
 * Adds the evidence of the word `lower.slice(start, end)` to `score` (hash `hash`; `apos`:
 * index of an inner apostrophe or -1; `ij`: whether the word holds 'ij', a Dutch digraph).
 */
function scoreWord(lower: string, start: number, end: number, hash: number, apos: number, ij: boolean, score: Float64Array): void {
	const len = end - start;
	if (apos > start && apos < end - 1) {
		const head = lower.slice(start, apos + 1);
		if (FR_ELISIONS.has(head)) {
			score[FR] += 1;
			return;
		}
		if (head === "l'") {
			score[FR] += 0.7;
			score[IT] += 0.3;
			return;
		}
		// "it's", "don't": the whole word is in the English list.
	}
	if (len <= MAX_LISTED) {
		const langs = listedLangs(lower, start, end, hash);
		if (langs !== 0) {
			let count = 0;
			for (let k = 0; k <= XX; k++) if (langs & (1 << k)) count++;
			for (let k = 0; k <= XX; k++) if (langs & (1 << k)) score[k] += 1 / count;
			return;
		}
	}
	// Word endings peculiar to one language, on words not in any list (picked by the last letter).
	if (len < 4) return;
	const last = lower.charCodeAt(end - 1);
	switch (last) {
		case 103: // g
			if (len >= 5 && endsAt(lower, end, len, 'ing')) score[EN] += 0.5;
			break;
		case 115: // s
			if (lower.charCodeAt(end - 2) === 39) score[EN] += 0.5;
			else if (endsAt(lower, end, len, 'ciones') || endsAt(lower, end, len, 'idades')) score[ES] += 1;
			break;
		case 121: // y
			if (len >= 5 && lower.charCodeAt(end - 2) === 108) score[EN] += 0.3;
			break;
		case 110: // n
			if (endsAt(lower, end, len, 'ción')) score[ES] += 1;
			else if (endsAt(lower, end, len, 'ungen')) score[DE] += 0.7;
			break;
		case 100: // d
			if (endsAt(lower, end, len, 'idad')) score[ES] += 1;
			else if (endsAt(lower, end, len, 'heid')) score[NL] += 0.5;
			break;
		case 101: // e
			if (endsAt(lower, end, len, 'zione') || endsAt(lower, end, len, 'mente')) score[IT] += 0.7;
			break;
		case 105: // i
			if (endsAt(lower, end, len, 'zioni')) score[IT] += 0.7;
			break;
		case 0xe0: // à
			if (endsAt(lower, end, len, 'ità')) score[IT] += 0.7;
			break;
		case 116: // t
			if (endsAt(lower, end, len, 'heit') || endsAt(lower, end, len, 'keit')) score[DE] += 0.7;
			break;
		case 104: // h
			if (endsAt(lower, end, len, 'lich')) score[DE] += 0.7;
			break;
		case 119: // w
			if (lower.charCodeAt(end - 2) === 117) score[NL] += 0.5;
			break;
		case 107: // k
			if (endsAt(lower, end, len, 'lijk')) score[NL] += 0.5;
			break;
		default:
			break;
	}
	if (ij && last !== 107) score[NL] += 0.5;
}

function otherEvidence(score: Float64Array): number {
	let max = 0;
	for (let k = 2; k < LANGS.length; k++) if (score[k] > max) max = score[k];
	return max;
}

/**
 * Detects the language of a text from the text alone: 'en' or 'fr' when the text leans to
 * one of them, 'other' when it is clearly another language, null when there is no evidence.
 * `scores` (from `createLanguageScores`): scratch to reuse across calls, else one is made.
 */
export function detectLanguage(text: string, scores?: Float64Array): DetectedLanguage {
	if (!text) return null;
	const score = scores ?? createLanguageScores();
	score.fill(0);
	let latin = 0;
	let otherScript = 0;
	// One pass over the lower-cased text: letters extend the current word, which is cut out
	// with one slice when it ends (URLs, @handles and #hashtags are skipped).
	let lower = (text.length > 4000 ? text.slice(0, 4000) : text).toLowerCase();
	if (lower.indexOf('\u2019') !== -1) lower = lower.replace(/\u2019/g, "'");
	const n = lower.length;
	let start = -1;
	let hash = 0;
	let apos = -1;
	let ij = false;
	for (let k = 0; k <= n; k++) {
		const c = k < n ? lower.charCodeAt(k) : 32;
		if (c >= 97 && c <= 122) {
			if (start < 0) {
				if (c === 104 && lower.startsWith('http', k)) {
					// A link: skip to the next space.
					while (k + 1 < n && lower.charCodeAt(k + 1) > 32) k++;
					continue;
				}
				start = k;
				hash = 0;
				apos = -1;
				ij = false;
			} else if (c === 106 && lower.charCodeAt(k - 1) === 105) ij = true;
			hash = hashStep(hash, c);
			latin++;
			continue;
		}
		if (c >= 0xc0 && isLetter(c)) {
			if (start < 0) {
				start = k;
				hash = 0;
				apos = -1;
				ij = false;
			}
			hash = hashStep(hash, c);
			latin++;
			const letters = LETTERS.get(c);
			if (letters !== undefined) for (const [lang, w] of letters) score[lang] += w;
			continue;
		}
		if (c === 39 && start >= 0) {
			if (apos < 0) apos = k;
			hash = hashStep(hash, c);
			continue;
		}
		if (start >= 0) {
			scoreWord(lower, start, k, hash, apos, ij, score);
			start = -1;
			// Clear already (most texts): English or French function words and nothing else.
			if (score[EN] >= 3 && score[FR] + otherEvidence(score) <= 0.5) return 'en';
			if (score[FR] >= 3 && score[EN] + otherEvidence(score) <= 0.5) return 'fr';
		}
		if (c > 127 && isOtherScript(c)) otherScript++;
		else if (c === 64 || c === 35) {
			// '@handle', '#hashtag': skip to the next space.
			while (k + 1 < n && lower.charCodeAt(k + 1) > 32) k++;
		}
	}
	if (otherScript > latin) return 'other';
	const en = score[EN];
	const fr = score[FR];
	const other = otherEvidence(score);
	const ours = en > fr ? en : fr;
	// Clearly another language: its own evidence outweighs English and French.
	if (other >= 1.5 && other > ours) return 'other';
	if (other >= 1 && other >= 3 * ours) return 'other';
	if (en > fr) return en - fr >= 0.5 || fr === 0 ? 'en' : null;
	if (fr > en) return fr - en >= 0.5 || en === 0 ? 'fr' : null;
	return null;
}
