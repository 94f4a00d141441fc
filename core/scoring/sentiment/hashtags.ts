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


export function segmentHashtagUncached(c: CompiledLexicon, tag: string): { value: number; negated: boolean } | null {
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
		const longEnough = minHead !== undefined ? k >= minHead : k >= 4 || tag.length - k >= 5;
		if (longEnough && hi?.valence !== undefined && Math.abs(hi.valence) >= 1) return { value: hi.valence, negated: false };
	}
	for (let k = 4; k <= tag.length - 3; k++) {
		const tv = c.info.get(tag.slice(k))?.valence;
		if (tv !== undefined && Math.abs(tv) >= 1.5) return { value: tv, negated: false };
	}
	return null;
}
