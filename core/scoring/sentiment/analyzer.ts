/**
 * The text analyser: one object owning every scratch buffer a text pass needs (tokens,
 * sentiment items, the pass's running state, the result), so passes on different
 * analysers never share memory and nothing in the module changes after import. Create
 * one per batch (or per caller) and reuse it: buffers grow to the longest text seen.
 * The theme vocabulary is given to it explicitly (`THEME_INDEX`), never registered.
 *
 * Why scratch and not fresh objects per text: Score Mentions runs a pass per mention on
 * hot paths (100k items a run); allocating a dozen typed arrays and a result per text
 * would cost more than the pass itself.
 */
import { createLanguageScores } from '../language';
import type { ThemeIndex } from '../themes';
import type { SentimentLabel } from '../types';
import { lexiconFor } from './compileLexicon';
import type { CompiledLexicon } from './compileLexicon';
import type { SentimentLanguage } from './labels';
import { tokenPass } from './rulePass';
import { finishPass } from './textRules';
import { scanTokens, TokenBuffer } from './tokenize';

/**
 * The crisis-theme terms found by a pass (scratch of its analyser, valid until its next
 * pass). Themes are listed in the order first found; `terms[index]` holds each theme's
 * terms, each once, in the order found.
 */
export class ThemeFinds {
	/** How many themes were found. */
	count = 0;
	/** Theme indices, in the order first found (the first `count` are meaningful). */
	order = new Int32Array(32);
	/** Scratch for `rankThemes` (same length as `order`). */
	ranked = new Int32Array(32);
	/** By theme index: the terms found (empty for themes not found). */
	readonly terms: string[][] = [];

	reset(): void {
		for (let k = 0; k < this.count; k++) this.terms[this.order[k]].length = 0;
		this.count = 0;
	}

	add(index: number, term: string): void {
		let list = this.terms[index];
		if (list === undefined) {
			while (this.terms.length <= index) this.terms.push([]);
			list = this.terms[index];
		}
		if (list.length === 0) {
			if (this.count === this.order.length) {
				const grown = new Int32Array(this.order.length * 2);
				grown.set(this.order);
				this.order = grown;
				this.ranked = new Int32Array(grown.length);
			}
			this.order[this.count++] = index;
			list.push(term);
		} else if (!list.includes(term)) {
			list.push(term);
		}
	}
}

/**
 * What a pass found: what `SentimentAnalysis` holds, plus the crisis-theme terms. Owned
 * by its analyser and refilled by its next pass, so the per-mention scoring reads what
 * it needs without a result object, hit objects or term arrays being made for it;
 * `analyzeSentiment` copies it into a `SentimentAnalysis`.
 */
export class TextAnalysis {
	label: SentimentLabel = 'neutral';
	/** Rounded to 3 decimals, like `SentimentAnalysis`. */
	score = 0;
	raw = 0;
	positive = 0;
	negative = 0;
	sarcasm = false;
	/** Whether the text asks a question without exclaiming (the neutral band is wider then). */
	asking = false;
	language: SentimentLanguage = 'en';
	/** The hits (see `SentimentAnalysis.hits`): the first `hitCount` entries. */
	hitCount = 0;
	readonly hitTerms: string[] = ['', '', '', '', '', ''];
	readonly hitWeights = new Float64Array(6);
	/** The complaint terms, each once (see `SentimentAnalysis.complaintTerms`): the first `complaintCount`. */
	complaintCount = 0;
	complaintTerms: string[] = [];
	/** The themes found, with their terms (in vocabulary spelling). */
	readonly themes: ThemeFinds;

	constructor(themes: ThemeFinds) {
		this.themes = themes;
	}
}

export const ITEM_COURTESY = 1;
export const ITEM_PROBLEM = 2;
export const ITEM_NEGATED = 4;

/**
 * A text pass's scratch and running state. Sentiment contributions ("items") are kept as
 * parallel arrays; the rule pass's running state is plain fields (reset per pass) so the
 * pass can be written as named steps that share it.
 */
export class TextAnalyzer {
	/** The theme vocabulary the pass matches (part of the compiled lexicons). */
	readonly themeIndex: ThemeIndex;
	readonly tokens = new TokenBuffer(64);
	/** Stem candidates (see `LanguageLexicon.stemParts`). */
	readonly partLens = new Int32Array(32);
	readonly partEndings: string[] = new Array<string>(32).fill('');
	readonly finds = new ThemeFinds();
	readonly result = new TextAnalysis(this.finds);
	/** Scratch of `detectLanguage` (see language.ts). */
	readonly languageScores = createLanguageScores();

	// Items: at most one per token, plus 'negation' and '???'.
	itemTerms: string[] = new Array<string>(64).fill('');
	itemValues = new Float64Array(64);
	itemAts = new Int32Array(64);
	itemFlags = new Uint8Array(64);
	itemOrder = new Int32Array(64);
	itemCount = 0;

	/**
	 * The @handles of the text (lower-case, without '@'): a word that repeats one
	 * ('@united … United', '#UnitedAirlines') names the account, it is not an opinion.
	 */
	readonly handleNames: string[] = [];
	handleCount = 0;

	// The rule pass's running state (see rulePass.ts).
	keys: string[] = [];
	withThemes = false;
	shouting = false;
	complaintCount = 0;
	clause = 0;
	wordPos = 0;
	lastNegatorPos = -100;
	lastNegatorClause = -1;
	boost = 0;
	boostPos = -100;
	contrastAt = -1;
	exclamations = 0;
	negators = 0;
	negatedItems = 0;
	/** The last word item (for negators placed after the word: "j'aime pas"). */
	lastWordItem = -1;
	lastWordItemPos = -100;
	lastWordItemClause = -1;
	/** The last shifter word ('réduire', 'moins') and its own contribution, if any. */
	lastShifterPos = -100;
	lastShifterClause = -1;
	shifterItem = -1;
	questions = 0;
	exasperated = false;
	/** The clause an irrealis marker opened ('if it were good', 'would be great'), -1 if none. */
	irrealisClause = -1;

	private en: CompiledLexicon | null = null;
	private fr: CompiledLexicon | null = null;

	constructor(themeIndex: ThemeIndex) {
		this.themeIndex = themeIndex;
	}

	/**
	 * One pass over the text for sentiment and, when `withThemes`, the crisis vocabulary
	 * (so scoring a mention tokenizes once). The result is this analyser's, valid until
	 * its next pass.
	 */
	analyze(text: string, language: SentimentLanguage, withThemes: boolean): TextAnalysis {
		const c = language === 'fr' ? (this.fr ??= lexiconFor('fr', this.themeIndex)) : (this.en ??= lexiconFor('en', this.themeIndex));
		const buf = this.tokens;
		scanTokens(text || '', c.tokenize, buf);
		this.collectHandles(text || '');
		if (this.itemValues.length < buf.length + 2) this.growItems(buf.length + 2);
		// Words' look-up keys (see TokenBuffer.keys): their texts unless the lexicon normalises keys.
		this.keys = c.lex.normalize ? buf.keys : buf.texts;
		this.finds.reset();
		this.itemCount = 0;
		this.withThemes = withThemes;
		this.shouting = buf.words > 0 && buf.capsWords / buf.words > 0.6;
		this.resetState();
		tokenPass(this, c);
		return finishPass(this, c, language);
	}

	private resetState(): void {
		this.complaintCount = 0;
		this.clause = 0;
		this.wordPos = 0;
		this.lastNegatorPos = -100;
		this.lastNegatorClause = -1;
		this.boost = 0;
		this.boostPos = -100;
		this.contrastAt = -1;
		this.exclamations = 0;
		this.negators = 0;
		this.negatedItems = 0;
		this.lastWordItem = -1;
		this.lastWordItemPos = -100;
		this.lastWordItemClause = -1;
		this.lastShifterPos = -100;
		this.lastShifterClause = -1;
		this.shifterItem = -1;
		this.questions = 0;
		this.exasperated = false;
		this.irrealisClause = -1;
	}

	private growItems(items: number): void {
		this.itemTerms = new Array<string>(items * 2).fill('');
		this.itemValues = new Float64Array(items * 2);
		this.itemAts = new Int32Array(items * 2);
		this.itemFlags = new Uint8Array(items * 2);
		this.itemOrder = new Int32Array(items * 2);
	}

	addItem(term: string, value: number, at: number, flags: number): void {
		const k = this.itemCount;
		this.itemTerms[k] = term;
		this.itemValues[k] = value;
		this.itemAts[k] = at;
		this.itemFlags[k] = flags;
		this.itemCount = k + 1;
	}

	private collectHandles(text: string): void {
		this.handleCount = 0;
		let at = text.indexOf('@');
		while (at !== -1 && this.handleCount < 8) {
			let end = at + 1;
			while (end < text.length) {
				const ch = text.charCodeAt(end);
				if ((ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 57) || ch === 95) end++;
				else break;
			}
			if (end - at - 1 >= 4) this.handleNames[this.handleCount++] = text.slice(at + 1, end).toLowerCase();
			at = text.indexOf('@', end);
		}
	}

	/** Whether `word` (lower-case) is the start of an @handle of the text, or starts with one (4+ letters). */
	echoesHandle(word: string): boolean {
		if (word.length < 4) return false;
		for (let k = 0; k < this.handleCount; k++) {
			const h = this.handleNames[k];
			if (h.startsWith(word) || word.startsWith(h)) return true;
		}
		return false;
	}
}
