import { cleanText, escapeAttr, escapeHtml, escapeMarkdown, markdownLink, oneLine, safeUrl } from '../../../core/report';

describe('escapeHtml / escapeAttr', () => {
	it('escapes the five HTML specials and the backtick', () => {
		expect(escapeHtml(`<a href="x" onclick='y'>&</a>\``)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;&#96;');
	});
	it('does not double-decode entities', () => {
		expect(escapeHtml('&lt;script&gt;')).toBe('&amp;lt;script&amp;gt;');
	});
	it('turns null and numbers into text', () => {
		expect(escapeHtml(null)).toBe('');
		expect(escapeHtml(undefined)).toBe('');
		expect(escapeHtml(42)).toBe('42');
	});
	it('keeps attribute values on one line', () => {
		expect(escapeAttr('a\nb\tc"')).toBe('a&#10;b&#9;c&quot;');
	});
	it('removes bidi overrides, isolates and control characters', () => {
		expect(escapeHtml('abc\u202Edcba\u2066x\u2069\u200F\u0000\u0007y')).toBe('abcdcbaxy');
		expect(cleanText('tab\tand\nnewline kept')).toBe('tab\tand\nnewline kept');
	});
	it('replaces lone surrogates and shortens by characters, not code units', () => {
		expect(cleanText('a\uD800b')).toBe('a\uFFFDb');
		expect(cleanText('😀😀😀😀', 3)).toBe('😀😀…');
		expect(oneLine('  a \n\n b  ', 10)).toBe('a b');
	});
});

describe('safeUrl', () => {
	it.each([
		'https://example.org/',
		'http://example.org/a?b=c&d=e#f',
		'https://x.com/orvia/status/1900000000000000000',
		'https://fr.wikipedia.org/wiki/Élysée',
		'HTTPS://EXAMPLE.ORG:8443/path',
	])('accepts %s', (url) => {
		expect(safeUrl(url)).toBe(url);
	});
	it.each([
		'javascript:alert(1)',
		'JaVaScRiPt:alert(1)',
		' javascript:alert(1)',
		'java\nscript:alert(1)',
		'java\tscript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'vbscript:msgbox(1)',
		'file:///etc/passwd',
		'//evil.example/x',
		'/relative/path',
		'https://example.org/"onmouseover="alert(1)',
		"https://example.org/'x",
		'https://example.org/<script>',
		'https://example.org/a b',
		'https://user:pass@example.org/',
		'https://exa\u202Emple.org/',
		'https://example.org/\u202Egpj.exe',
		'https:\\\\example.org',
		'http:/example.org',
		'',
		'https://' + 'a'.repeat(3000) + '.org',
	])('rejects %j', (url) => {
		expect(safeUrl(url)).toBeNull();
	});
	it('rejects non-strings', () => {
		expect(safeUrl(null)).toBeNull();
		expect(safeUrl({ toString: () => 'https://example.org' })).toBeNull();
	});
});

describe('escapeMarkdown / markdownLink', () => {
	it('defuses inline syntax and HTML', () => {
		expect(escapeMarkdown('*a* _b_ `c` [d](e) ![f](g) a|b ~~s~~ <img src=x onerror=alert(1)> &amp;')).toBe(
			'\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\!\\[f\\](g) a\\|b \\~\\~s\\~\\~ &lt;img src=x onerror=alert(1)&gt; &amp;amp;',
		);
	});
	it('defuses block syntax at the start', () => {
		expect(escapeMarkdown('# heading')).toBe('\\# heading');
		expect(escapeMarkdown('- item')).toBe('\\- item');
		expect(escapeMarkdown('1. item')).toBe('1\\. item');
		expect(escapeMarkdown('> quote')).toBe('&gt; quote');
		expect(escapeMarkdown('line one\n# line two')).toBe('line one # line two');
	});
	it('links only to http(s) and escapes the label', () => {
		expect(markdownLink('Orvia *support*', 'https://example.org/a(b)')).toBe('[Orvia \\*support\\*](https://example.org/a%28b%29)');
		expect(markdownLink('click', 'javascript:alert(1)')).toBe('click');
		expect(markdownLink('[x](javascript:alert(1))', null)).toBe('\\[x\\](javascript:alert(1))');
	});
});
