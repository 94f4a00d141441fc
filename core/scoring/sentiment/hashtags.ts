/**
 * Sentiment of a hashtag that is no word of the lexicon ('#notcool' -> not + cool,
 * '#badservice' -> bad), memoised per compiled lexicon (`CompiledLexicon.hashtags`).
 */
import type { CompiledLexicon } from './compileLexicon';

export type HashtagSegment = { value: number; negated: boolean } | null;

/**
 * Memo of `segmentHashtagUncached` for one compiled lexicon (a pure function: a memo, not state), an open-addressing table keyed by the
 * tag's `hashWord`, so a tag not cut out of the text is found by comparing its bytes in
 * place (no string made, no string hashing). Emptied when 4,096 tags are in it. The
 * look-up is written out in the token pass (see there); `add` stores a new result.
 */
export class HashtagCache {
	readonly hashes = new Int32Array(8192);
	/** '' = empty slot. */
	readonly tags: string[] = new Array<string>(8192).fill('');
	readonly results: HashtagSegment[] = new Array<HashtagSegment>(8192).fill(null);
	private size = 0;

	/** The first slot to probe for `hash`. */
	static slot(hash: number): number {
		return Math.imul(hash, 0x9e3779b1) >>> 19;
	}

	/** Segments `tag` (hash `hash`, not in the table: `p` is the empty slot its probe ended at) and stores the result. */
	add(c: CompiledLexicon, tag: string, hash: number, p: number): HashtagSegment {
		const result = segmentHashtagUncached(c, tag);
		if (this.size >= 4096) {
			this.tags.fill('');
			this.size = 0;
			p = HashtagCache.slot(hash);
		}
		this.hashes[p] = hash;
		this.tags[p] = tag;
		this.results[p] = result;
		this.size++;
		return result;
	}
}


/** Whether `tag` from `from` on starts with a word of four letters or more that the lexicon knows (at most 20 probes). */
function startsWithWord(c: CompiledLexicon, tag: string, from: number): boolean {
	for (let end = Math.min(tag.length, from + 20); end >= from + 4; end--) {
		if (c.info.has(tag.slice(from, end))) return true;
	}
	return false;
}

/** Tags up to this length are also read as a two-word expression ('#neveragain' -> 'never again'). */
const PHRASE_TAG_MAX = 40;

export function segmentHashtagUncached(c: CompiledLexicon, tag: string): { value: number; negated: boolean } | null {
	// A two-word expression written as one tag is read as the expression ('#neveragain' is
	// 'never again', not 'never' negating 'again'; '#wellplayed').
	if (tag.length <= PHRASE_TAG_MAX) {
		for (let k = 2; k <= tag.length - 2; k++) {
			const pv = c.lex.phrases.get(tag.slice(0, k) + ' ' + tag.slice(k));
			if (pv !== undefined && pv !== 0) return { value: pv, negated: false };
		}
	}
	const suffix = c.lex.negatorSuffix ? c.lex.negatorSuffix.replace("'", '') : null;
	const minHead = c.lex.hashtagMinHead;
	for (let k = tag.length - 3; k >= 3; k--) {
		const head = tag.slice(0, k);
		const hi = c.info.get(head);
		if (hi?.negator || (suffix !== null && head.endsWith(suffix))) {
			const tv = c.info.get(tag.slice(k))?.valence;
			if (tv !== undefined && tv !== 0) return { value: tv, negated: true };
			continue;
		}
		// A three-letter head only when the rest starts with a word the lexicon knows
		// ('#badservice' is bad + service; '#warmweather' is not 'war' + 'mweather').
		const longEnough = minHead !== undefined ? k >= minHead : k >= 4 || (tag.length - k >= 5 && startsWithWord(c, tag, k));
		if (longEnough && hi?.valence !== undefined && Math.abs(hi.valence) >= 1) return { value: hi.valence, negated: false };
	}
	for (let k = 4; k <= tag.length - 3; k++) {
		const tv = c.info.get(tag.slice(k))?.valence;
		if (tv !== undefined && Math.abs(tv) >= 1.5) return { value: tv, negated: false };
	}
	return null;
}
