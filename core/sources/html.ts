/**
 * HTML → plain text for mention bodies (Mastodon `content`, HN `comment_text`, RSS
 * descriptions, YouTube `textDisplay`). Not a sanitiser: the output is text, never
 * re-rendered as HTML.
 */

const LATIN1 =
	'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(
		' ',
	);

const NAMED: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	hellip: '…',
	mdash: '—',
	ndash: '–',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
	sbquo: '‚',
	bdquo: '„',
	bull: '•',
	euro: '€',
	trade: '™',
	OElig: 'Œ',
	oelig: 'œ',
	Scaron: 'Š',
	scaron: 'š',
	Yuml: 'Ÿ',
	circ: 'ˆ',
	tilde: '˜',
	ensp: ' ',
	emsp: ' ',
	thinsp: ' ',
	zwnj: '',
	zwj: '',
	lrm: '',
	rlm: '',
	dagger: '†',
	Dagger: '‡',
	permil: '‰',
	lsaquo: '‹',
	rsaquo: '›',
	prime: '′',
	Prime: '″',
	larr: '←',
	rarr: '→',
};
LATIN1.forEach((name, i) => {
	NAMED[name] = String.fromCharCode(160 + i);
});

function codePoint(n: number): string {
	if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff))
		return '\uFFFD';
	return String.fromCodePoint(n);
}

/** Decodes HTML character references: numeric (`&#39;`, `&#x27;`) and the common named ones. Unknown names stay as written. */
export function decodeEntities(text: string): string {
	if (text.indexOf('&') === -1) return text;
	return text.replace(
		/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g,
		(whole, ref: string) => {
			if (ref[0] === '#') {
				return codePoint(
					ref[1] === 'x' || ref[1] === 'X'
						? parseInt(ref.slice(2), 16)
						: parseInt(ref.slice(1), 10),
				);
			}
			const named = NAMED[ref];
			return named === undefined ? whole : named;
		},
	);
}

const BLOCK_BREAK = /<\s*(br|\/p|\/div|\/li|\/h[1-6]|\/blockquote|\/tr|p|li|hr)(\s[^>]*)?\/?\s*>/gi;

/**
 * Strips tags and decodes entities. Block elements (`<p>`, `<br>`, list items) become
 * line breaks; runs of spaces collapse; `<script>`/`<style>` content is dropped.
 */
export function htmlToText(html: string): string {
	if (html === '') return '';
	let s = html;
	if (s.indexOf('<') !== -1) {
		s = s
			.replace(/<!--[\s\S]*?-->/g, '')
			.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
			.replace(BLOCK_BREAK, '\n')
			.replace(/<\/?[A-Za-z][^>]*>/g, '');
	}
	s = decodeEntities(s);
	return s
		.replace(/\u00a0/g, ' ')
		.replace(/[ \t\f\v\r]+/g, ' ')
		.replace(/ *\n */g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
