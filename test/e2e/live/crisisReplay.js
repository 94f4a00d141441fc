'use strict';
/**
 * A crisis as the real source APIs would serve it right now: the replayed stream of
 * test/helpers/replayApis.js (Reddit search, Hacker News Algolia, Google Alerts feed shapes) with
 * the negative texts of the shipped Orvia sample's spike (EN + FR): quiet hours, then a surge over
 * the hour that ends at `end`. The Mentions Trigger's first poll sees it as a brand-new surge.
 *
 * Assess Situation counts closed 15-minute buckets of the execution clock, so the surge ends on
 * a bucket boundary (`CrisisReplay.surgeEnd()`): the level no longer depends on the second the
 * test happens to run.
 */
const fs = require('fs');
const path = require('path');
const { ReplayApis } = require('../../helpers/replayApis');

const SAMPLE = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'samples', 'orvia-data-leak.sample.json'), 'utf8'));
const SPIKE_FROM = Date.parse('2026-03-05T08:00:00Z');
const SPIKE_TO = Date.parse('2026-03-05T10:00:00Z');
const NEGATIVE = /breach|leak|scandal|fuite|honteux|disgraceful|worst|boycott|inadmissible|nobody|personne|remboursez|deleting|violation|not funny|stranger|inconnu/i;
/**
 * The spike's distinct complaints that name the brand (the trigger keeps only mentions matching
 * its keywords), without questions or sarcasm, in sample order.
 */
const TEXTS = [
	...new Set(
		SAMPLE.mentions
			.filter((m) => Date.parse(m.publishedAt) >= SPIKE_FROM && Date.parse(m.publishedAt) < SPIKE_TO && /orvia/i.test(m.text || ''))
			.map((m) => m.text.replace(/\s+/g, ' ').trim())
			.filter((t) => NEGATIVE.test(t) && !/\?|bravo|great/i.test(t)),
	),
];

const BUCKET_MS = 15 * 60000;
const STEP_MS = 5 * 60000;

class CrisisReplay extends ReplayApis {
	/**
	 * @param {object} o
	 * @param {number} o.end   epoch ms on a 15-minute boundary: the surge is the hour before it
	 * @param {number} [o.seed]
	 */
	constructor({ end, seed = 11 }) {
		super({
			seed,
			// Five hours in 5-minute steps: a quiet baseline (about one mention per source every
			// 20 minutes), then a surge over the last hour on all three sources. One first page per
			// source (Reddit 25, Hacker News 20, the feed's 20 newest) holds the surge and the quiet
			// hours before it, so a fresh Assess Situation has a baseline to compare with.
			start: end - 60 * STEP_MS,
			intervalMs: STEP_MS,
			polls: 60,
			rates: { reddit: 0.05, hackernews: 0.05, rss: 0.05, mastodon: 0, bluesky: 0, x: 0 },
			bursts: [49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60].flatMap((poll) => [
				{ source: 'reddit', poll, count: 1 + (poll % 2) },
				{ source: 'hackernews', poll, count: 1 + (poll % 4 === 0 ? 1 : 0) },
				{ source: 'rss', poll, count: 1 + (poll % 4 === 2 ? 1 : 0) },
			]),
			exclusionRate: 0,
			sharedStoryRate: 0,
		});
	}

	text(it) {
		return TEXTS[(it.n * 5) % TEXTS.length];
	}

	/**
	 * The last 15-minute boundary, once at least `marginMs` remain before the next one (waits
	 * otherwise), so the run's Assess Situation closes its buckets up to that boundary.
	 */
	static async surgeEnd(marginMs = 3 * 60000) {
		let now = Date.now();
		const next = Math.ceil(now / BUCKET_MS) * BUCKET_MS;
		if (next - now < marginMs) {
			await new Promise((r) => setTimeout(r, next - now + 2000));
			now = Date.now();
		}
		return Math.floor(now / BUCKET_MS) * BUCKET_MS;
	}
}

module.exports = { CrisisReplay, TEXTS };
