// JavaScript on purpose (fuzz tier): builds the pathological inputs of issue 15 at a given size.
// Each shape is { name, target, build(bytes) }: `target` names the parser it aims at
// (feed = mapRssPage on the text, html = htmlToText, import = mapImportedRecord, mastodon = mapMastodonPage).

function repeatTo(unit, bytes) {
	return unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
}

function feedAround(inner, bytes, overhead = 200) {
	return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Hostile</title><link>https://hostile.example/</link>${inner(bytes - overhead)}</channel></rss>`;
}

function itemWith(description) {
	return `<item><guid>h1</guid><title>t</title><pubDate>Wed, 10 Jul 2019 11:53:37 +0000</pubDate><description>${description}</description></item>`;
}

const SHAPES = [
	{
		name: 'feed: start tag with a long attribute-name run, no "="',
		target: 'feed',
		build: (n) => feedAround((m) => `<item x${repeatTo('a', m)}/>`, n),
	},
	{
		name: 'feed: unclosed <a in CDATA',
		target: 'feed',
		build: (n) => feedAround((m) => itemWith(`<![CDATA[${repeatTo('<a', m)}]]>`), n),
	},
	{
		name: 'feed: unclosed <script in CDATA',
		target: 'feed',
		build: (n) => feedAround((m) => itemWith(`<![CDATA[${repeatTo('<script', m)}]]>`), n),
	},
	{
		name: 'feed: unclosed comments in CDATA',
		target: 'feed',
		build: (n) => feedAround((m) => itemWith(`<![CDATA[${repeatTo('<!--', m)}]]>`), n),
	},
	{
		name: 'feed: escaped &lt;a run',
		target: 'feed',
		build: (n) => feedAround((m) => itemWith(repeatTo('&lt;a', m)), n),
	},
	{
		name: 'feed: unclosed <p attribute runs (block breaks)',
		target: 'feed',
		build: (n) => feedAround((m) => itemWith(`<![CDATA[${repeatTo('<p ', m)}]]>`), n),
	},
	{
		name: 'feed: HTML page with unclosed <title runs',
		target: 'feed',
		build: (n) => `<!DOCTYPE html><html>${repeatTo('<title', n - 30)}`,
	},
	{
		name: 'feed: entity bomb (&amp;amp;… and numeric refs)',
		target: 'feed',
		build: (n) => feedAround((m) => itemWith(repeatTo('&amp;amp;&#x10FFFF;&#0;&infin;', m)), n),
	},
	{
		name: 'feed: deep nesting',
		target: 'feed',
		build: (n) => feedAround((m) => itemWith(repeatTo('<b>', m)), n),
	},
	{
		name: 'html: unclosed <a',
		target: 'html',
		build: (n) => repeatTo('<a', n),
	},
	{
		name: 'html: unclosed <script',
		target: 'html',
		build: (n) => repeatTo('<script', n),
	},
	{
		name: 'html: unclosed comments',
		target: 'html',
		build: (n) => repeatTo('<!--', n),
	},
	{
		name: 'html: space runs between newlines',
		target: 'html',
		build: (n) => `a${' '.repeat(n - 3)}\nb`,
	},
	{
		name: 'import: unclosed <a in the text column',
		target: 'import',
		build: (n) => repeatTo('<a', n),
	},
	{
		name: 'mastodon: unclosed <a in content',
		target: 'mastodon',
		build: (n) => repeatTo('<a', n),
	},
];

/** Runs one shape's input through its target, given the loaded modules of a build (see load()). */
function runShape(mods, shape, input) {
	const ctx = { fetchedAt: '2026-03-05T09:30:00.000Z', instance: 'mastodon.social' };
	switch (shape.target) {
		case 'feed':
			return mods.mapRssPage(input, ctx);
		case 'html':
			return mods.htmlToText(input);
		case 'import':
			return mods.mapImportedRecord(
				{ id: 'x1', date: '2026-03-05T09:00:00Z', text: input },
				{ id: ['id'], publishedAt: ['date'], text: ['text'] },
				{ tool: 'fuzz', fetchedAt: ctx.fetchedAt },
			);
		case 'mastodon':
			return mods.mapMastodonPage(
				[
					{
						id: '1',
						uri: 'https://mastodon.social/users/a/statuses/1',
						url: 'https://mastodon.social/@a/1',
						created_at: '2026-03-05T09:00:00.000Z',
						content: input,
						account: { id: '9', acct: 'a', username: 'a', url: 'https://mastodon.social/@a' },
					},
				],
				ctx,
			);
		default:
			throw new Error(`unknown target ${shape.target}`);
	}
}

/** Loads the parsers from a root holding core/ (the repo through ts-jest, or a tsc output dir). */
function load(root) {
	const path = require('path');
	const r = (p) => require(path.join(root, p));
	return {
		mapRssPage: r('core/sources/rss/mapRss').mapRssPage,
		htmlToText: r('core/sources/html').htmlToText,
		mapImportedRecord: r('core/sources/import/mapImport').mapImportedRecord,
		mapMastodonPage: r('core/sources/mastodon/mapMastodon').mapMastodonPage,
	};
}

module.exports = { SHAPES, runShape, load, repeatTo };
