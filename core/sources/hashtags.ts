/** Hashtag extraction and normalisation: lower-case, without `#`, unique, in order of appearance. */

const HASHTAG = /(^|[^\p{L}\p{N}_&/#])#([\p{L}\p{N}_]{1,100})/gu;

/** Normalises a list of tag names (`#Crisis`, `crisis`) to unique lower-case names without `#`. */
export function normaliseHashtags(tags: Iterable<unknown>): string[] {
	const out: string[] = [];
	for (const tag of tags) {
		if (typeof tag !== 'string') continue;
		const t = tag.replace(/^#+/, '').trim().toLowerCase();
		if (t !== '' && !out.includes(t)) out.push(t);
	}
	return out;
}

/** Hashtags written in plain text (`#Brand` → `brand`); all-digit tags (`#1`) are not hashtags. */
export function extractHashtags(text: string): string[] {
	if (text.indexOf('#') === -1) return [];
	const found: string[] = [];
	for (const m of text.matchAll(HASHTAG)) {
		if (!/^\d+$/.test(m[2])) found.push(m[2]);
	}
	return normaliseHashtags(found);
}
