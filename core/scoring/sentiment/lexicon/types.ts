/** The shape every language lexicon provides to the sentiment analyser. */
export interface LanguageLexicon {
	language: 'en' | 'fr';
	/** Word -> valence on a -4..+4 scale (keys lower-case; French keys without accents). */
	words: Map<string, number>;
	/** Intensifiers (> 0) and softeners (< 0): added to the next sentiment word's strength. */
	boosters: Map<string, number>;
	/** Words that invert what follows in the same clause. */
	negators: Set<string>;
	/** Multi-word expressions (tokens joined by one space) -> valence, replacing their words. */
	phrases: Map<string, number>;
	/** Contrast words ('but', 'mais'): the clause after them weighs more. */
	contrast: Set<string>;
	/** Courtesy words ('thanks', 'merci'): discounted when the text otherwise complains. */
	courtesy: Set<string>;
	/** Words that turn praise into sarcasm when a problem follows ('another', 'encore'). */
	sarcasmCues: Set<string>;
	/** Words naming a problem (delay, panne…): used by the courtesy and sarcasm rules. */
	problemWords: Set<string>;
	/** Split French elisions in the tokenizer. */
	splitElisions: boolean;
	/** Suffix that makes a word a negator (English "n't"), or null. */
	negatorSuffix: string | null;
	/**
	 * Candidate base forms for a word missing from `words` (cheap suffix stripping), built
	 * without strings: candidate k is `word.slice(0, lens[k]) + endings[k]`. Returns how many.
	 */
	stemParts: (word: string, lens: Int32Array, endings: string[]) => number;
	/**
	 * Optional inverse of `stemParts`: every word one of whose candidates can be `base`
	 * (a superset is fine). Lets the analyser resolve inflected forms ahead of time.
	 */
	inflect?: (base: string) => string[];
	/** Added for each negation that negates no sentiment word ("can't check in"): in
	 * customer traffic a bare negation usually reports something that does not work. */
	bareNegation: number;
	/** Word that, alone at the end after a pause, reverses the praise before it ("… NOT!"). */
	trailingNot: string | null;
	/**
	 * Optional: negation also reverses a multi-word expression that holds no negator
	 * itself ("ce n'est pas une bonne nouvelle"; 'pas mal' is left alone).
	 */
	negatePhrases?: boolean;
	/**
	 * Optional: negators that also negate the sentiment word right before them when no
	 * negator came before it (spoken French drops the 'ne': "j'aime pas", "ça vaut pas").
	 */
	postNegators?: ReadonlySet<string>;
	/**
	 * Optional: words that reverse the next sentiment word in the clause the way a negation
	 * does ('réduire la pollution', 'lutter contre la pauvreté', 'moins efficace').
	 */
	shifters?: ReadonlySet<string>;
	/**
	 * Optional: the shortest sentiment word accepted at the start of a compound hashtag
	 * ('#honteuxgouvernement'). French words often begin with a short sentiment word
	 * ('#consommation', '#politique'), so French asks for a longer one.
	 */
	hashtagMinHead?: number;
	/**
	 * Optional: irrealis markers ('would', 'could', 'if', 'any'): sentiment words after one
	 * in the same clause are not asserted and count for nothing (SO-CAL's irrealis
	 * blocking, Taboada et al. 2011): 'if it were any good', 'could have been great'.
	 */
	irrealis?: ReadonlySet<string>;
	/** Optional key normaliser applied before lookup (French: strip accents). */
	normalize?: (word: string) => string;
}
