'use strict';
/**
 * A crisis as the real source APIs would serve it right now: the replayed stream of
 * test/helpers/replayApis.js (Reddit search, Hacker News Algolia, Google Alerts feed shapes) with
 * the texts of the shipped Orvia sample's spike (negative, EN + FR), spread over the hour before
 * the test starts. The Mentions Trigger's first poll sees it as a brand-new surge.
 */
const fs = require('fs');
const path = require('path');
const { ReplayApis } = require('../../helpers/replayApis');

const SAMPLE = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'samples', 'orvia-data-leak.sample.json'), 'utf8'));
const SPIKE_FROM = Date.parse('2026-03-05T08:00:00Z');
const SPIKE_TO = Date.parse('2026-03-05T10:00:00Z');
/** The spike's distinct texts that name the brand (the trigger keeps only mentions matching its keywords), in sample order. */
const TEXTS = [...new Set(SAMPLE.mentions.filter((m) => Date.parse(m.publishedAt) >= SPIKE_FROM && Date.parse(m.publishedAt) < SPIKE_TO && /orvia/i.test(m.text || '')).map((m) => m.text.replace(/\s+/g, ' ').trim()))];

class CrisisReplay extends ReplayApis {
	/**
	 * @param {object} o
	 * @param {number} o.now   epoch ms: the surge ends here (every item is visible by then)
	 * @param {number} [o.seed]
	 */
	constructor({ now, seed = 11 }) {
		super({
			seed,
			// Five hours in 5-minute steps: a quiet baseline (about one mention per source every
			// 20 minutes), then a surge over the last 45 minutes on all three sources. One first page
			// per source (Reddit 25, Hacker News 20, the feed's 20 newest) holds the surge and the
			// quiet hours before it, so a fresh Assess Situation has a baseline to compare with.
			start: now - 60 * 5 * 60000,
			intervalMs: 5 * 60000,
			polls: 60,
			rates: { reddit: 0.05, hackernews: 0.05, rss: 0.05, mastodon: 0, bluesky: 0, x: 0 },
			bursts: [52, 53, 54, 55, 56, 57, 58, 59, 60].flatMap((poll) => [
				{ source: 'reddit', poll, count: 2 },
				{ source: 'hackernews', poll, count: 2 },
				{ source: 'rss', poll, count: 1 + (poll % 2) },
			]),
			exclusionRate: 0,
			sharedStoryRate: 0,
		});
	}

	text(it) {
		return TEXTS[(it.n * 5) % TEXTS.length];
	}
}

module.exports = { CrisisReplay, TEXTS };
