'use strict';
/**
 * A replayed stream of mentions served the way each API serves it, built from the
 * recorded item shapes in test/fixtures/ (each generated item is a recorded item with
 * new ids, dates and text). Used by the fault-injection test (in-process fake transport),
 * the e2e suite (loopback HTTP server) and bench/fetch.js.
 *
 * Timeline: poll k happens at start + k × interval; items of source s published in
 * ((k-1) × interval, k × interval] become visible at poll k. Several items share a second
 * (ties at the cursor), bursts exceed the page caps, some items share a story link across
 * sources, some carry an exclusion phrase.
 *
 * Endpoints and their paging semantics (SOURCES.md B1–B7):
 *   reddit    GET /search.json            sort=new, after=<fullname>, page ≤ 25
 *   hackernews GET /api/v1/search_by_date numericFilters created_at_i>=/<, page, hitsPerPage ≤ 20
 *   mastodon  GET /api/v1/timelines/tag/:tag  since_id, max_id (exclusive), limit ≤ 40, newest first
 *   bluesky   GET /xrpc/app.bsky.feed.searchPosts  since (>= sortAt), cursor (offset), limit ≤ 25
 *   x         GET /2/tweets/search/recent since_id, next_token, max_results ≤ 50
 *   rss       GET /alerts/feeds/…         the 20 newest entries (Google Alerts window)
 */
const fs = require('fs');
const path = require('path');

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const load = (p) => JSON.parse(fs.readFileSync(path.join(FIXTURES, p), 'utf8'));
const clone = (v) => JSON.parse(JSON.stringify(v));

function rng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SHAPES = (() => {
	const xml = fs.readFileSync(path.join(FIXTURES, 'rss/googleAlerts.page1.xml'), 'utf8');
	return {
		reddit: load('reddit/search.page1.json').data.children[0],
		hn: load('hackernews/searchByDate.page1.json'),
		mastodon: load('mastodon/timelinesTag.page1.json')[0],
		bluesky: load('bluesky/searchPosts.page1.json').posts[0],
		x: load('x/searchRecent.page1.json'),
		rssHead: xml.slice(0, xml.indexOf('<entry>')),
		rssEntry: xml.match(/<entry>[\s\S]*?<\/entry>/)[0],
	};
})();

const PAGE = { reddit: 25, hackernews: 20, mastodon: 40, bluesky: 25, x: 50, rss: 20 };
const SOURCES = ['reddit', 'hackernews', 'mastodon', 'bluesky', 'x', 'rss'];

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

class ReplayApis {
	/**
	 * @param {object} o
	 * @param {number} o.seed
	 * @param {number} o.polls        number of poll intervals with new items
	 * @param {number} [o.start]      epoch ms of poll 0
	 * @param {number} [o.intervalMs] 60,000
	 * @param {object} [o.rates]      mean new items per source per interval
	 * @param {Array<{source:string, poll:number, count:number}>} [o.bursts]
	 * @param {number} [o.quietPolls] the first intervals carry no item (default 0)
	 * @param {string} [o.burstText]  text of the burst's items (default: the same neutral text as the others)
	 * @param {number} [o.exclusionRate] share of items carrying "job offer" (excluded by the query)
	 * @param {number} [o.sharedStoryRate] share of reddit/hn/rss items linking a story shared across sources
	 */
	constructor(o) {
		this.start = o.start ?? Date.parse('2026-03-05T06:00:00Z');
		this.intervalMs = o.intervalMs ?? 60000;
		this.polls = o.polls;
		this.burstText = o.burstText || null;
		const rand = rng(o.seed);
		const rates = { reddit: 4, hackernews: 4, mastodon: 4, bluesky: 4, x: 5, rss: 0.5, ...(o.rates || {}) };
		const bursts = o.bursts || [];
		const quiet = o.quietPolls || 0;
		this.items = {};
		for (const s of SOURCES) this.items[s] = [];
		let n = 0;
		for (let k = 1; k <= this.polls; k++) {
			for (const s of SOURCES) {
				let count = 0;
				const r = rates[s] || 0;
				// Poisson-ish: sum of Bernoulli draws with the same mean.
				for (let j = 0; j < r * 4; j++) if (rand() < 0.25) count++;
				if (k <= quiet) count = 0;
				const usual = count;
				for (const b of bursts) if (b.source === s && b.poll === k) count += b.count;
				for (let j = 0; j < count; j++) {
					n++;
					const second = 1 + Math.floor(rand() * 60);
					const time = this.start + (k - 1) * this.intervalMs + second * 1000;
					const excluded = rand() < (o.exclusionRate ?? 0.04);
					const shared = ['reddit', 'hackernews', 'rss'].includes(s) && rand() < (o.sharedStoryRate ?? 0.1);
					const story = shared ? `https://news.example.com/orvia-story-${Math.floor(rand() * 40)}` : `https://news.example.com/${s}/article-${n}`;
					this.items[s].push({ n, time, excluded, story, poll: k, burst: j >= usual });
				}
			}
		}
		for (const s of SOURCES) {
			this.items[s].sort((a, b) => a.time - b.time || a.n - b.n);
			this.items[s].forEach((it, i) => {
				it.seq = i + 1; // time-ordered native sequence (ids grow with time)
				it.body = this.build(s, it);
			});
		}
		this.served = 0;
	}

	/** Epoch ms of poll k. */
	pollTime(k) {
		return this.start + k * this.intervalMs;
	}

	total() {
		return SOURCES.reduce((sum, s) => sum + this.items[s].length, 0);
	}

	text(it) {
		const extra = it.excluded ? ' Great job offer inside.' : '';
		if (it.burst && this.burstText) return `${this.burstText} (${it.n})${extra}`;
		return `Orvia customers report app issue number ${it.n}.${extra}`;
	}

	build(source, it) {
		const iso = new Date(it.time).toISOString();
		const sec = Math.floor(it.time / 1000);
		switch (source) {
			case 'reddit': {
				const c = clone(SHAPES.reddit);
				const id = `g${it.seq.toString(36)}`;
				Object.assign(c.data, {
					id,
					name: `t3_${id}`,
					created: sec,
					created_utc: sec,
					title: this.text(it),
					selftext: '',
					is_self: false,
					url: it.story,
					url_overridden_by_dest: it.story,
					domain: 'news.example.com',
					permalink: `/r/fintech/comments/${id}/orvia_${it.n}/`,
					subreddit: 'fintech',
					subreddit_name_prefixed: 'r/fintech',
				});
				return c;
			}
			case 'hackernews': {
				const h = clone(SHAPES.hn.hits.find((x) => x.title) || SHAPES.hn.hits[0]);
				const id = String(50000000 + it.seq);
				Object.assign(h, {
					objectID: id,
					created_at: iso,
					created_at_i: sec,
					title: this.text(it),
					url: it.story,
					story_text: null,
					comment_text: null,
					story_id: Number(id),
					parent_id: null,
					author: `hn_user_${it.n % 30}`,
					_tags: ['story', `author_hn_user_${it.n % 30}`, `story_${id}`],
				});
				delete h._highlightResult;
				return h;
			}
			case 'mastodon': {
				const m = clone(SHAPES.mastodon);
				const id = String(110000000000000000n + BigInt(it.seq) * 65536n);
				Object.assign(m, {
					id,
					uri: `https://mastodon.social/users/user${it.n % 50}/statuses/${id}`,
					url: `https://mastodon.social/@user${it.n % 50}/${id}`,
					created_at: iso,
					content: `<p>${esc(this.text(it))} <a href="https://mastodon.social/tags/orvialeak" class="mention hashtag" rel="tag">#<span>orvialeak</span></a></p>`,
					tags: [{ name: 'orvialeak', url: 'https://mastodon.social/tags/orvialeak' }],
					reblog: null,
					card: null,
					spoiler_text: '',
					language: 'en',
				});
				return m;
			}
			case 'bluesky': {
				const p = clone(SHAPES.bluesky);
				const did = `did:plc:gen${String(it.n % 40).padStart(21, 'x')}`;
				p.uri = `at://${did}/app.bsky.feed.post/3k${it.seq.toString(36).padStart(11, 'a')}`;
				p.cid = `bafyrei${it.seq.toString(36).padStart(20, 'q')}`;
				p.author = { ...p.author, did, handle: `user${it.n % 40}.bsky.social`, displayName: `User ${it.n % 40}` };
				p.record = { $type: 'app.bsky.feed.post', text: `${this.text(it)} #orvialeak`, createdAt: iso, langs: ['en'] };
				delete p.embed;
				p.indexedAt = iso;
				return p;
			}
			case 'x': {
				const id = String(1900000000000000000n + BigInt(it.seq) * 4096n);
				return {
					tweet: {
						id,
						text: this.text(it),
						created_at: iso,
						author_id: String(1000 + (it.n % 20)),
						lang: 'en',
						edit_history_tweet_ids: [id],
						public_metrics: { retweet_count: it.n % 7, reply_count: it.n % 3, like_count: it.n % 50, quote_count: 0 },
					},
					user: { id: String(1000 + (it.n % 20)), username: `xuser${it.n % 20}`, name: `X User ${it.n % 20}`, verified: false, public_metrics: { followers_count: 100 * (it.n % 20) } },
				};
			}
			case 'rss': {
				const link = `https://www.google.com/url?rct=j&amp;sa=t&amp;url=${esc(it.story)}&amp;ct=ga&amp;cd=CAIy&amp;usg=AFQ`;
				return SHAPES.rssEntry
					.replace(/<id>[^<]*<\/id>/, `<id>tag:google.com,2013:googlealerts/feed:${9000000000 + it.seq}</id>`)
					.replace(/<title type="html">[^<]*<\/title>/, `<title type="html">${esc(this.text(it))}</title>`)
					.replace(/<link href="[^"]*">/, `<link href="${link}">`)
					.replace(/<published>[^<]*<\/published>/, `<published>${iso.replace('.000Z', 'Z')}</published>`)
					.replace(/<updated>[^<]*<\/updated>/, `<updated>${iso.replace('.000Z', 'Z')}</updated>`)
					.replace(/<content type="html">[^<]*<\/content>/, `<content type="html">${esc(this.text(it))}</content>`);
			}
		}
		throw new Error(`unknown source ${source}`);
	}

	/** The single-item page each generated item would be served in (to compute expected mentions). */
	singlePage(source, it) {
		switch (source) {
			case 'reddit':
				return { kind: 'Listing', data: { after: null, dist: 1, children: [it.body] } };
			case 'hackernews':
				return { hits: [it.body], page: 0, nbPages: 1, nbHits: 1, hitsPerPage: 20 };
			case 'mastodon':
				return [it.body];
			case 'bluesky':
				return { posts: [it.body] };
			case 'x':
				return { data: [it.body.tweet], includes: { users: [it.body.user] }, meta: { result_count: 1 } };
			case 'rss':
				return `${SHAPES.rssHead}${it.body}</feed>`;
		}
		return null;
	}

	visible(source, now) {
		return this.items[source].filter((it) => it.time <= now);
	}

	/** Routes a request: { path, query } (query values: string or string[]) → { status, headers, body }. */
	handle(req, now) {
		this.served++;
		const p = req.path;
		const q = req.query || {};
		const json = (body, headers = {}) => ({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) });
		const desc = (a, b) => b.time - a.time || b.seq - a.seq;
		if (/\/search(\.json)?$/.test(p) && !p.includes('/api/')) {
			const all = this.visible('reddit', now).sort(desc);
			let from = 0;
			if (q.after) {
				const i = all.findIndex((it) => it.body.data.name === q.after);
				from = i < 0 ? all.length : i + 1;
			}
			const size = Math.min(Number(q.limit) || 25, PAGE.reddit);
			const page = all.slice(from, from + size);
			const after = from + size < all.length && page.length ? page[page.length - 1].body.data.name : null;
			return json(
				{ kind: 'Listing', data: { after, before: null, dist: page.length, modhash: '', geo_filter: '', children: page.map((it) => it.body) } },
				{ 'x-ratelimit-used': '1', 'x-ratelimit-remaining': '99', 'x-ratelimit-reset': '300' },
			);
		}
		if (p.endsWith('/api/v1/search_by_date')) {
			let all = this.visible('hackernews', now);
			for (const f of String(q.numericFilters || '').split(',').filter(Boolean)) {
				const m = /^created_at_i(>=|>|<=|<)(\d+)$/.exec(f);
				if (!m) continue;
				const v = Number(m[2]);
				const op = { '>=': (x) => x >= v, '>': (x) => x > v, '<=': (x) => x <= v, '<': (x) => x < v }[m[1]];
				all = all.filter((it) => op(it.body.created_at_i));
			}
			all.sort(desc);
			const size = Math.min(Number(q.hitsPerPage) || 20, PAGE.hackernews);
			const page = Number(q.page) || 0;
			const hits = all.slice(page * size, page * size + size).map((it) => it.body);
			return json({ hits, nbHits: all.length, page, nbPages: Math.ceil(all.length / size), hitsPerPage: size, exhaustiveNbHits: true, query: q.query || '', params: '', processingTimeMS: 1 });
		}
		if (p.includes('/api/v1/timelines/tag/')) {
			let all = this.visible('mastodon', now);
			if (q.since_id) all = all.filter((it) => BigInt(it.body.id) > BigInt(q.since_id));
			if (q.max_id) all = all.filter((it) => BigInt(it.body.id) < BigInt(q.max_id));
			all.sort((a, b) => (BigInt(b.body.id) > BigInt(a.body.id) ? 1 : -1));
			const size = Math.min(Number(q.limit) || 20, PAGE.mastodon);
			return json(all.slice(0, size).map((it) => it.body), { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299' });
		}
		if (p.endsWith('/xrpc/app.bsky.feed.searchPosts')) {
			let all = this.visible('bluesky', now);
			if (q.since) all = all.filter((it) => it.body.indexedAt >= q.since);
			if (q.until) all = all.filter((it) => it.body.indexedAt < q.until);
			all.sort(desc);
			const size = Math.min(Number(q.limit) || 25, PAGE.bluesky);
			const offset = Number(q.cursor) || 0;
			const posts = all.slice(offset, offset + size).map((it) => it.body);
			const body = { posts, hitsTotal: all.length };
			if (offset + size < all.length) body.cursor = String(offset + size);
			return json(body);
		}
		if (p.endsWith('/2/tweets/search/recent')) {
			let all = this.visible('x', now);
			if (q.since_id) all = all.filter((it) => BigInt(it.body.tweet.id) > BigInt(q.since_id));
			if (q.next_token) {
				const last = String(q.next_token).replace(/^nt_/, '');
				all = all.filter((it) => BigInt(it.body.tweet.id) < BigInt(last));
			}
			all.sort(desc);
			const size = Math.min(Number(q.max_results) || 10, PAGE.x);
			const page = all.slice(0, size);
			if (!page.length) return json({ meta: { result_count: 0 } });
			const users = new Map(page.map((it) => [it.body.user.id, it.body.user]));
			const meta = { newest_id: page[0].body.tweet.id, oldest_id: page[page.length - 1].body.tweet.id, result_count: page.length };
			if (all.length > size) meta.next_token = `nt_${page[page.length - 1].body.tweet.id}`;
			return json({ data: page.map((it) => it.body.tweet), includes: { users: [...users.values()] }, meta }, { 'x-rate-limit-limit': '450', 'x-rate-limit-remaining': '449', 'x-rate-limit-reset': String(Math.floor(now / 1000) + 900) });
		}
		if (p.includes('/alerts/feeds/')) {
			const all = this.visible('rss', now).sort(desc).slice(0, PAGE.rss);
			return { status: 200, headers: { 'content-type': 'application/atom+xml; charset=utf-8' }, body: `${SHAPES.rssHead}${all.map((it) => it.body).join('')}</feed>` };
		}
		return { status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: `no replay route for ${p}` }) };
	}
}

/** Plain query object from URLSearchParams (`tag[]=a&tag[]=b` → { tag: ['a','b'] }). */
function queryObject(searchParams) {
	const out = {};
	for (const [k0, v] of searchParams) {
		const k = k0.replace(/\[\]$/, '');
		if (k0.endsWith('[]')) (out[k] = out[k] || []).push(v);
		else out[k] = v;
	}
	return out;
}

module.exports = { ReplayApis, SOURCES, PAGE, queryObject, rng };
