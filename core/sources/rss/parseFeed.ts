/**
 * A small, safe XML reader for RSS 2.0, RSS 1.0 (RDF) and Atom feeds, with no
 * dependency. Safety first, because feeds come from anywhere:
 * - any `<!DOCTYPE` / `<!ENTITY` is refused: no external entities, no entity expansion
 *   (billion laughs) — only the five XML entities and numeric references are decoded;
 * - the input size, the element count, the nesting depth and the item count are bounded.
 * Namespaced elements get their conventional prefix whatever the feed calls them
 * (`content:encoded`, `dc:creator`, `media:content`, `atom:link`).
 */
import { SourceBodyError } from '../errors';
import { decodeReferences } from '../html';

export interface FeedParseOptions {
	/** Largest accepted input, in UTF-8 bytes. Default 5 MB. */
	maxBytes?: number;
	/** Items kept; more are dropped and `truncated` is set. Default 1,000. */
	maxItems?: number;
	/** Elements accepted in the whole document. Default 200,000. */
	maxElements?: number;
	/** Deepest nesting accepted. Default 64. */
	maxDepth?: number;
	/** Where the feed was fetched from: the last base for relative item links. */
	url?: string;
}

export interface FeedItem {
	/** RSS `guid` or Atom `id`. */
	id: string | null;
	/** As written (may contain HTML: Atom `type="html"`, Google Alerts `<b>`). */
	title: string | null;
	link: string | null;
	/** Date text as written (RFC 2822 in RSS, RFC3339 in Atom). */
	published: string | null;
	updated: string | null;
	author: string | null;
	/** Full content (`content:encoded`, Atom `content`), usually HTML. */
	content: string | null;
	/** Summary (`description`, Atom `summary`), usually HTML. */
	summary: string | null;
	categories: string[];
	/** First enclosure / `media:content` / `media:thumbnail` URL. */
	mediaUrl: string | null;
}

export interface ParsedFeed {
	format: 'rss' | 'atom' | 'rdf';
	title: string | null;
	/** Site (alternate) link, else the self link. */
	link: string | null;
	selfLink: string | null;
	language: string | null;
	updated: string | null;
	items: FeedItem[];
	/** Items in the document (before `maxItems`). */
	totalItems: number;
	truncated: boolean;
}

interface XmlElement {
	name: string;
	attrs: Record<string, string>;
	children: XmlElement[];
	/** Direct text (CDATA included), concatenated. */
	text: string;
	/** Text and child elements in document order, for mixed content (Atom xhtml). */
	nodes: (string | XmlElement)[];
}

const SOURCE = 'rss';

const KNOWN_NAMESPACES: Record<string, string> = {
	'http://www.w3.org/2005/Atom': 'atom',
	'http://purl.org/atom/ns#': 'atom',
	'http://purl.org/rss/1.0/modules/content/': 'content',
	'http://purl.org/dc/elements/1.1/': 'dc',
	'http://purl.org/dc/terms/': 'dcterms',
	'http://search.yahoo.com/mrss/': 'media',
	'http://search.yahoo.com/mrss': 'media',
	'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
	'http://purl.org/rss/1.0/': '',
	'http://backend.userland.com/rss2': '',
	'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
	'http://www.w3.org/1999/xhtml': 'xhtml',
};

function utf8Length(s: string, stopAbove: number): number {
	let bytes = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff) {
			bytes += 4;
			i++;
		} else bytes += 3;
		if (bytes > stopAbove) return bytes;
	}
	return bytes;
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five XML entities and numeric references, in one linear pass (decodeReferences). */
function decodeXml(text: string): string {
	if (text.indexOf('&') === -1) return text;
	return decodeReferences(
		text,
		(name) => (Object.prototype.hasOwnProperty.call(XML_ENTITIES, name) ? XML_ENTITIES[name] : undefined),
		false,
	);
}

function lineOf(xml: string, pos: number): string {
	let line = 1;
	let last = 0;
	for (let i = 0; i < pos && i < xml.length; i++) {
		if (xml.charCodeAt(i) === 10) {
			line++;
			last = i;
		}
	}
	return `line ${line}, column ${pos - last + (line === 1 ? 1 : 0)}`;
}

const NAME = /^[A-Za-z_][\w.:-]*/;

function isNameStart(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isNameChar(c: number): boolean {
	return isNameStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 58 || c === 45;
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

/**
 * The `name="value"` / `name='value'` pairs of a start tag, in one forward scan (linear:
 * a name not followed by `=` and a quoted value is skipped whole, never re-read from each
 * of its characters, which made the former regex quadratic on long name runs). Garbage
 * between pairs is skipped, as the former pattern did.
 */
function scanAttributes(rest: string, onPair: (name: string, rawValue: string) => void): void {
	const n = rest.length;
	let i = 0;
	while (i < n) {
		const c = rest.charCodeAt(i);
		if (!isNameStart(c)) {
			i++;
			continue;
		}
		const nameStart = i;
		while (i < n && isNameChar(rest.charCodeAt(i))) i++;
		const name = rest.slice(nameStart, i);
		let j = i;
		while (j < n && isSpace(rest.charCodeAt(j))) j++;
		if (rest.charCodeAt(j) !== 61) continue; // no '=': resume after the name
		j++;
		while (j < n && isSpace(rest.charCodeAt(j))) j++;
		const quote = rest.charCodeAt(j);
		if (quote !== 34 && quote !== 39) {
			i = j; // unquoted value: resume at it
			continue;
		}
		const end = rest.indexOf(quote === 34 ? '"' : "'", j + 1);
		if (end === -1) {
			i = j + 1;
			continue;
		}
		onPair(name, rest.slice(j + 1, end));
		i = end + 1;
	}
}

/** The parser's position and open elements while it reads one document (one forward pass). */
interface XmlScan {
	xml: string;
	n: number;
	pos: number;
	root: XmlElement;
	stack: XmlElement[];
	nsStack: Record<string, string>[];
	rawNames: string[];
	elements: number;
	maxElements: number;
	maxDepth: number;
}

function fail(scan: XmlScan, pos: number, reason: string): never {
	throw new SourceBodyError(SOURCE, 'xml', `${reason} at ${lineOf(scan.xml, pos)}`);
}

function addText(el: XmlElement, t: string): void {
	el.text += t;
	el.nodes.push(t);
}

/** A qualified name under the namespaces in scope: known namespaces get their canonical prefix. */
function resolveName(qname: string, ns: Record<string, string>, isAttr: boolean): string {
	const colon = qname.indexOf(':');
	const prefix = colon === -1 ? '' : qname.slice(0, colon);
	const local = colon === -1 ? qname : qname.slice(colon + 1);
	if (isAttr && colon === -1) return qname;
	if (prefix === 'xml') return qname;
	const uri = ns[prefix];
	if (uri === undefined) return qname;
	const canonical = KNOWN_NAMESPACES[uri];
	if (canonical === undefined) return qname;
	return canonical === '' ? local : `${canonical}:${local}`;
}

/** Comments, CDATA, processing instructions and (refused) declarations at `scan.pos`. */
function readMarkup(scan: XmlScan): void {
	const { xml, pos } = scan;
	if (xml.startsWith('<!--', pos)) {
		const end = xml.indexOf('-->', pos + 4);
		if (end === -1) fail(scan, pos, 'unterminated comment');
		scan.pos = end + 3;
	} else if (xml.startsWith('<![CDATA[', pos)) {
		const end = xml.indexOf(']]>', pos + 9);
		if (end === -1) fail(scan, pos, 'unterminated CDATA section');
		if (scan.stack.length === 1) fail(scan, pos, 'CDATA outside the root element');
		addText(scan.stack[scan.stack.length - 1], xml.slice(pos + 9, end));
		scan.pos = end + 3;
	} else if (xml.startsWith('<?', pos)) {
		const end = xml.indexOf('?>', pos + 2);
		if (end === -1) fail(scan, pos, 'unterminated processing instruction');
		scan.pos = end + 2;
	} else {
		const what = /^<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST)/i.exec(xml.slice(pos, pos + 12));
		fail(
			scan,
			pos,
			what
				? `<!${what[1].toUpperCase()}> declarations are refused (no DTD, external entities or entity expansion)`
				: 'unexpected markup declaration',
		);
	}
}

function readClosingTag(scan: XmlScan): void {
	const { xml, pos, rawNames } = scan;
	const end = xml.indexOf('>', pos + 2);
	if (end === -1) fail(scan, pos, 'unterminated closing tag');
	const name = xml.slice(pos + 2, end).trim();
	const expected = rawNames[rawNames.length - 1];
	if (expected === undefined) fail(scan, pos, `closing tag </${name}> without an open element`);
	if (name !== expected) fail(scan, pos, `closing tag </${name}> does not match <${expected}>`);
	scan.stack.pop();
	scan.nsStack.pop();
	rawNames.pop();
	scan.pos = end + 1;
}

/** The index of the start tag's `>`, skipping `>` inside quoted attribute values. */
function startTagEnd(scan: XmlScan): number {
	const { xml, n, pos } = scan;
	let i = pos + 1;
	let quote = 0;
	for (; i < n; i++) {
		const c = xml.charCodeAt(i);
		if (quote) {
			if (c === quote) quote = 0;
		} else if (c === 34 || c === 39) quote = c;
		else if (c === 62) break;
		else if (c === 60) fail(scan, i, "'<' inside a tag");
	}
	if (i >= n) fail(scan, pos, 'unterminated tag (truncated document?)');
	return i;
}

/** The attributes of a start tag, names resolved, and the namespaces in scope inside it. */
function readAttributes(rest: string, inherited: Record<string, string>): { attrs: Record<string, string>; ns: Record<string, string> } {
	const rawAttrs: Record<string, string> = {};
	let ns = inherited;
	let copied = false;
	scanAttributes(rest, (attrName, rawValue) => {
		const value = decodeXml(rawValue);
		if (attrName === 'xmlns' || attrName.startsWith('xmlns:')) {
			if (!copied) {
				ns = { ...ns };
				copied = true;
			}
			ns[attrName === 'xmlns' ? '' : attrName.slice(6)] = value;
		} else {
			rawAttrs[attrName] = value;
		}
	});
	const attrs: Record<string, string> = {};
	for (const [k, v] of Object.entries(rawAttrs)) attrs[resolveName(k, ns, true)] = v;
	return { attrs, ns };
}

function readStartTag(scan: XmlScan): void {
	const { pos, stack } = scan;
	const i = startTagEnd(scan);
	let inner = scan.xml.slice(pos + 1, i);
	const selfClosing = inner.endsWith('/');
	if (selfClosing) inner = inner.slice(0, -1);
	const m = NAME.exec(inner);
	if (!m) fail(scan, pos, "invalid element name after '<'");
	const rawName = (m as RegExpExecArray)[0];
	if (stack.length === 1 && scan.root.children.length > 0) fail(scan, pos, 'a second root element');
	if (++scan.elements > scan.maxElements) fail(scan, pos, `more than ${scan.maxElements} elements`);
	if (stack.length > scan.maxDepth) fail(scan, pos, `nesting deeper than ${scan.maxDepth} levels`);
	const { attrs, ns } = readAttributes(inner.slice(rawName.length), scan.nsStack[scan.nsStack.length - 1]);
	const el: XmlElement = {
		name: resolveName(rawName, ns, false),
		attrs,
		children: [],
		text: '',
		nodes: [],
	};
	stack[stack.length - 1].children.push(el);
	stack[stack.length - 1].nodes.push(el);
	if (!selfClosing) {
		stack.push(el);
		scan.nsStack.push(ns);
		scan.rawNames.push(rawName);
	}
	scan.pos = i + 1;
}

/** Parses XML into an element tree; throws SourceBodyError naming what failed and where. */
function parseXml(xml: string, maxElements: number, maxDepth: number): XmlElement {
	const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '', nodes: [] };
	const scan: XmlScan = {
		xml,
		n: xml.length,
		pos: 0,
		root,
		stack: [root],
		nsStack: [{ xml: 'http://www.w3.org/XML/1998/namespace' }],
		rawNames: [],
		elements: 0,
		maxElements,
		maxDepth,
	};
	const n = scan.n;
	while (scan.pos < n) {
		const pos = scan.pos;
		const lt = xml.indexOf('<', pos);
		const textEnd = lt === -1 ? n : lt;
		if (textEnd > pos) {
			const top = scan.stack[scan.stack.length - 1];
			if (top !== root) addText(top, decodeXml(xml.slice(pos, textEnd)));
			else if (xml.slice(pos, textEnd).trim() !== '') fail(scan, pos, 'text outside the root element');
		}
		if (lt === -1) break;
		scan.pos = lt;
		if (xml.startsWith('<!', lt) || xml.startsWith('<?', lt)) readMarkup(scan);
		else if (xml.startsWith('</', lt)) readClosingTag(scan);
		else readStartTag(scan);
	}
	if (scan.stack.length > 1)
		fail(scan, n, `document ends inside <${scan.rawNames[scan.rawNames.length - 1]}> (truncated?)`);
	if (root.children.length === 0) fail(scan, 0, 'no root element');
	return root.children[0];
}

function child(el: XmlElement, name: string): XmlElement | undefined {
	return el.children.find((c) => c.name === name);
}

function deepText(el: XmlElement): string {
	if (el.children.length === 0) return el.text;
	return el.nodes.map((n) => (typeof n === 'string' ? n : deepText(n))).join('');
}

const VOID_ELEMENTS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'col', 'wbr', 'source']);

function escapeHtml(t: string): string {
	return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An XHTML element back to HTML text (prefixes dropped), so block breaks survive into htmlToText. */
function toHtml(el: XmlElement): string {
	const colon = el.name.indexOf(':');
	const local = colon === -1 ? el.name : el.name.slice(colon + 1);
	let attrs = '';
	for (const [k, v] of Object.entries(el.attrs)) {
		if (k !== 'xmlns' && !k.startsWith('xmlns:')) attrs += ` ${k}="${escapeHtml(v)}"`;
	}
	if (el.nodes.length === 0 && VOID_ELEMENTS.has(local.toLowerCase())) return `<${local}${attrs}/>`;
	const inner = el.nodes.map((n) => (typeof n === 'string' ? escapeHtml(n) : toHtml(n))).join('');
	return `<${local}${attrs}>${inner}</${local}>`;
}

/**
 * Text of an element, as HTML for htmlToText. Markup written as elements (Atom `type="xhtml"`,
 * Atom 0.3 `application/xhtml+xml`, or unescaped HTML inside an RSS `description`) comes back
 * as HTML, so block breaks survive and scripts are dropped, not read as words. Atom
 * `type="text"` is escaped: its `<` and `&` are characters, not markup.
 */
function contentText(el: XmlElement): string {
	if (el.children.length > 0 || el.attrs.type === 'xhtml')
		return el.nodes.map((n) => (typeof n === 'string' ? escapeHtml(n) : toHtml(n))).join('');
	return el.attrs.type === 'text' && el.name.startsWith('atom:') ? escapeHtml(el.text) : el.text;
}

function textOf(el: XmlElement, ...names: string[]): string | null {
	for (const name of names) {
		const c = child(el, name);
		if (c) {
			const t = contentText(c).trim();
			if (t !== '') return t;
		}
	}
	return null;
}

function atomLink(el: XmlElement, rel: string): string | null {
	for (const c of el.children) {
		if (c.name !== 'atom:link' && !(c.name === 'link' && c.attrs.href)) continue;
		const r = c.attrs.rel ?? 'alternate';
		if (r === rel && c.attrs.href) return c.attrs.href.trim();
	}
	return null;
}

function mediaUrl(el: XmlElement): string | null {
	for (const c of el.children) {
		if (
			(c.name === 'enclosure' || c.name === 'media:content' || c.name === 'media:thumbnail') &&
			c.attrs.url
		)
			return c.attrs.url;
		if (c.name === 'media:group') {
			const inner = mediaUrl(c);
			if (inner) return inner;
		}
	}
	return null;
}

/** An RSS `guid` that is the item's permanent link (an http(s) URL, `isPermaLink` not "false"). */
function guidLink(el: XmlElement): string | null {
	const g = child(el, 'guid');
	if (!g || g.attrs.isPermaLink === 'false') return null;
	const t = deepText(g).trim();
	return /^https?:\/\/\S+$/i.test(t) ? t : null;
}

/** `media:description` of the item or of its `media:group` (YouTube, podcasts): the description alone, not the group's titles and credits. */
function mediaDescription(el: XmlElement): string | null {
	const group = child(el, 'media:group');
	return textOf(el, 'media:description') ?? (group ? textOf(group, 'media:description') : null);
}

function rssItem(el: XmlElement): FeedItem {
	const guid = textOf(el, 'guid', 'rdf:about');
	return {
		id: guid ?? el.attrs['rdf:about'] ?? null,
		title: textOf(el, 'title', 'dc:title'),
		link: textOf(el, 'link') ?? atomLink(el, 'alternate') ?? guidLink(el),
		published: textOf(el, 'pubDate', 'dc:date', 'atom:published', 'dcterms:created', 'dcterms:issued'),
		updated: textOf(el, 'atom:updated', 'dcterms:modified', 'updated'),
		author: textOf(el, 'dc:creator', 'author', 'itunes:author'),
		content: textOf(el, 'content:encoded', 'atom:content'),
		summary: textOf(el, 'description', 'dc:description', 'itunes:summary') ?? mediaDescription(el),
		categories: el.children
			.filter((c) => c.name === 'category' || c.name === 'dc:subject')
			.map((c) => deepText(c).trim())
			.filter((s) => s !== ''),
		mediaUrl: mediaUrl(el),
	};
}

function atomItem(el: XmlElement): FeedItem {
	const author = child(el, 'atom:author');
	return {
		id: textOf(el, 'atom:id'),
		title: textOf(el, 'atom:title'),
		link:
			atomLink(el, 'alternate') ??
			el.children.find((c) => c.name === 'atom:link' && c.attrs.href)?.attrs.href ??
			null,
		published: textOf(el, 'atom:published', 'atom:issued', 'atom:created'),
		updated: textOf(el, 'atom:updated', 'atom:modified'),
		author: author ? textOf(author, 'atom:name', 'atom:email') : textOf(el, 'dc:creator'),
		content: textOf(el, 'atom:content'),
		summary: textOf(el, 'atom:summary') ?? mediaDescription(el),
		categories: el.children
			.filter((c) => c.name === 'atom:category')
			.map((c) => (c.attrs.term ?? c.attrs.label ?? deepText(c)).trim())
			.filter((s) => s !== ''),
		mediaUrl: mediaUrl(el),
	};
}

/**
 * `ref` resolved against `base` when `ref` is relative and `base` absolute (http or https), else
 * `ref` when it is absolute, else null (no `ref`: `base` when absolute). WHATWG URL parsing
 * (linear); never throws.
 */
function resolveUrl(ref: string | null, base: string | null): string | null {
	if (ref === null) return base !== null && /^https?:\/\//i.test(base) ? base : null;
	const r = ref.trim();
	if (/^https?:\/\//i.test(r)) return r;
	if (base === null || !/^https?:\/\//i.test(base) || r.length > 4096) return null;
	try {
		return new URL(r, base).href;
	} catch {
		return null;
	}
}

/**
 * Parses an RSS 2.0 / RSS 1.0 / Atom document. Throws SourceBodyError (source `rss`)
 * naming what failed: size, DOCTYPE, malformed XML with line/column, HTML instead of a
 * feed, unknown root element.
 */
export function parseFeed(xml: string, options: FeedParseOptions = {}): ParsedFeed {
	const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
	const maxItems = options.maxItems ?? 1000;
	if (typeof xml !== 'string')
		throw new SourceBodyError(SOURCE, 'body', 'expected the feed as text');
	if (xml.length > maxBytes || utf8Length(xml, maxBytes) > maxBytes) {
		throw new SourceBodyError(SOURCE, 'body', `feed larger than ${maxBytes} bytes (maxBytes)`);
	}
	const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
	const head = text.slice(0, 1024).trimStart();
	if (head === '')
		throw new SourceBodyError(SOURCE, 'body', 'empty body, expected an RSS or Atom feed');
	if (/^(<\?xml[^>]*>\s*)?<!DOCTYPE\s+html/i.test(head) || /^<html[\s>]/i.test(head)) {
		const title = /<title[^<>]{0,200}>([^<]{0,120})/i.exec(text);
		throw new SourceBodyError(
			SOURCE,
			'body',
			`got an HTML page, not a feed${title ? ` (title "${title[1].trim()}")` : ''}`,
		);
	}
	if (head[0] === '{' || head[0] === '[')
		throw new SourceBodyError(SOURCE, 'body', 'got JSON, not an RSS or Atom feed');
	const root = parseXml(text, options.maxElements ?? 200000, options.maxDepth ?? 64);
	let format: ParsedFeed['format'];
	let channel: XmlElement;
	let itemEls: XmlElement[];
	if (root.name === 'rss') {
		format = 'rss';
		// Some feeds put their items straight under <rss>, with no <channel>.
		const c = child(root, 'channel') ?? (root.children.some((e) => e.name === 'item') ? root : undefined);
		if (!c) throw new SourceBodyError(SOURCE, 'rss.channel', 'missing <channel>');
		channel = c;
		itemEls = c.children.filter((e) => e.name === 'item');
	} else if (root.name === 'rdf:RDF') {
		format = 'rdf';
		channel = child(root, 'channel') ?? root;
		itemEls = root.children.filter((e) => e.name === 'item');
	} else if (root.name === 'atom:feed') {
		format = 'atom';
		channel = root;
		itemEls = root.children.filter((e) => e.name === 'atom:entry');
	} else if (root.name.toLowerCase() === 'html') {
		throw new SourceBodyError(SOURCE, 'body', 'got an HTML page, not a feed');
	} else {
		throw new SourceBodyError(
			SOURCE,
			'xml',
			`root element <${root.name}> is not rss, rdf:RDF or an Atom feed`,
		);
	}
	const kept = itemEls.slice(0, Math.max(0, maxItems));
	const self = atomLink(channel, 'self');
	const link = (format === 'atom' ? atomLink(channel, 'alternate') : textOf(channel, 'link')) ?? atomLink(channel, 'alternate') ?? self;
	// Relative item links ('/blog/2013/plex', xml:base 'post/1') against the item's and the feed's
	// xml:base, then the feed's own link; a link that cannot be resolved stays as it is.
	// The feed's own links may be relative too ('/blog/' beside an absolute self link).
	const docUrl = resolveUrl(options.url ?? null, null);
	const selfUrl = resolveUrl(self, docUrl);
	const siteUrl = resolveUrl(link, selfUrl ?? docUrl);
	const feedBase = resolveUrl(root.attrs['xml:base'] ?? channel.attrs['xml:base'] ?? null, siteUrl ?? selfUrl ?? docUrl);
	const items = kept.map((el) => {
		const item = format === 'atom' ? atomItem(el) : rssItem(el);
		if (item.link !== null) item.link = resolveUrl(item.link, resolveUrl(el.attrs['xml:base'] ?? null, feedBase) ?? feedBase) ?? item.link;
		return item;
	});
	return {
		format,
		title: textOf(channel, format === 'atom' ? 'atom:title' : 'title'),
		link: siteUrl ?? link,
		selfLink: self,
		language:
			root.attrs['xml:lang'] ??
			channel.attrs['xml:lang'] ??
			textOf(channel, 'language', 'dc:language'),
		updated: textOf(channel, 'atom:updated', 'lastBuildDate', 'pubDate', 'dc:date'),
		items,
		totalItems: itemEls.length,
		truncated: itemEls.length > kept.length,
	};
}
