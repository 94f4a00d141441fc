#!/usr/bin/env node
/**
 * Generates samples/orvia-data-leak.sample.json: the shipped, fictional crisis every
 * template runs on offline. Deterministic (seeded PRNG): re-running it gives the same file.
 * All texts are written for this project; "Orvia" is a fictional French neobank.
 *
 * Story (times UTC, brand time zone Europe/Paris):
 *  - Mon 2 – Wed 4 March 2026: calm baseline (daily rhythm, EN + FR, mixed small talk).
 *  - Wed 4, 17:00–23:30: weak signal, a handful of users (one influential) see other
 *    customers' balances after app update 7.4.
 *  - Thu 5, 06:00: the spike (#OrviaLeak), press and forums pick it up; Orvia acknowledges at 10:40.
 *  - Fri 6 – Sat 7: decay, follow-ups, some relief, some still waiting.
 */
const fs = require('fs');
const path = require('path');

let seed = 20260305;
function rand() {
	// mulberry32
	seed |= 0;
	seed = (seed + 0x6d2b79f5) | 0;
	let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rand() * a.length)];
function poisson(lambda) {
	let L = Math.exp(-lambda), k = 0, p = 1;
	do { k++; p *= rand(); } while (p > L);
	return k - 1;
}

const START = Date.parse('2026-03-02T00:00:00Z');
const HOURS = 6 * 24;
const WEAK = Date.parse('2026-03-04T17:00:00Z');
const SPIKE = Date.parse('2026-03-05T06:00:00Z');
const ACK = Date.parse('2026-03-05T10:40:00Z');

const first = ['lea', 'hugo', 'chloe', 'lucas', 'emma', 'nathan', 'manon', 'louis', 'camille', 'jules', 'sarah', 'tom', 'ines', 'theo', 'jade', 'adam', 'oliver', 'amelia', 'jack', 'isla', 'harry', 'mia', 'noah', 'grace', 'leo', 'ruby', 'ella', 'oscar', 'freya', 'alfie'];
const last = ['martin', 'bernard', 'dubois', 'moreau', 'laurent', 'simon', 'michel', 'lefebvre', 'roux', 'fournier', 'smith', 'jones', 'taylor', 'brown', 'wilson', 'evans', 'walker', 'wright', 'hughes', 'green'];
function person() {
	const f = pick(first), l = pick(last);
	const handle = `${f}${pick(['_', '.', ''])}${l}${rand() < 0.5 ? Math.floor(rand() * 99) : ''}`.replace('.', '_');
	const followers = Math.round(Math.exp(3 + rand() * 4.5)); // ~20 … 1,800
	return { handle, name: `${f[0].toUpperCase()}${f.slice(1)} ${l[0].toUpperCase()}${l.slice(1)}`, followers, verified: false };
}
const influencers = {
	journalistFr: { handle: 'claire_fintech', name: 'Claire Vasseur (journaliste fintech)', followers: 48200, verified: true },
	watchdogEn: { handle: 'moneywatch_uk', name: 'MoneyWatch UK', followers: 126000, verified: true },
	securityEn: { handle: 'sec_researcher_sam', name: 'Sam Okafor', followers: 31500, verified: false },
	consoFr: { handle: 'ufc_conso_alertes', name: 'Alertes Conso', followers: 87000, verified: true },
	youtuber: { handle: 'LesFinancesDeMax', name: 'Les Finances de Max', followers: 210000, verified: true },
	brand: { handle: 'orvia', name: 'Orvia', followers: 64000, verified: true },
	brandFr: { handle: 'orvia_fr', name: 'Orvia France', followers: 41000, verified: true },
};

// ---- texts (written for this project) ----
const baseline = {
	en: [
		'Just moved my salary to @Orvia, the app is really smooth so far',
		'Does @Orvia support Apple Pay in Ireland yet?',
		'Paid for lunch with my Orvia card abroad, no fees, nice',
		'Orvia savings pot now at 3%? anyone compared with other neobanks?',
		'@Orvia how do I change the PIN of my card? cannot find it in the app',
		'Orvia customer support sorted my issue in 10 minutes, impressed',
		'Card declined at the petrol station again @Orvia, second time this month',
		'The new spending insights in the Orvia app are actually useful',
		'Thinking about opening a joint account, is Orvia any good for that?',
		'Orvia transfer took two days instead of instant, a bit annoying',
		'Love the instant notifications from Orvia when I pay',
		'Orvia app update is out, the dark mode looks great',
	],
	fr: [
		"Je viens d'ouvrir un compte chez @Orvia, l'inscription a pris 5 minutes",
		'Est-ce que quelqu\'un sait si Orvia propose un compte joint ?',
		"Virement instantané avec Orvia en 2 secondes, j'adore",
		'@Orvia comment je modifie mon plafond de paiement ? merci',
		'Ma carte Orvia refusée au péage ce matin, bizarre',
		"Le service client d'Orvia m'a répondu très vite, top",
		'Quelqu\'un a testé la carte Orvia Premium ? ça vaut le coup ?',
		"L'appli Orvia est claire, enfin une banque simple",
		'Petit bug sur l\'appli Orvia, les notifications arrivent en retard',
		'Orvia ou une banque traditionnelle pour un premier compte ? avis ?',
	],
};
const weak = {
	en: [
		'Weird: after updating the @Orvia app I can see a balance and transactions that are not mine??',
		'@Orvia my app shows someone else\'s name on the account page after the 7.4 update. Is this a bug?',
		'Hm. Logged into Orvia and saw another customer\'s transactions for a second. That should not happen.',
	],
	fr: [
		"Bizarre, depuis la mise à jour Orvia j'ai le solde d'un autre client sur mon écran...",
		"@Orvia je vois les opérations de quelqu'un d'autre dans mon appli, c'est normal ??",
	],
};
const spikeT = {
	en: [
		'#OrviaLeak I can literally see a stranger\'s IBAN and transactions in my app. This is a massive data breach @Orvia',
		'Deleting my Orvia account right now. My data is visible to other customers and no one answers the support chat #OrviaLeak',
		'@Orvia still waiting for an answer. Other people can see MY balance. Unacceptable.',
		'So @Orvia leaked customer accounts to other customers and says nothing. Disgraceful. #OrviaLeak',
		'Orvia data leak: if you bank with them, check your app and change your password #OrviaLeak',
		'This is a GDPR breach, @Orvia must report it to the regulators #OrviaLeak',
		'My Orvia app shows a balance of 12,400 that is not mine lol. Not funny actually. #OrviaLeak',
		'Great job @Orvia, really great, my neighbour can probably see my rent payments now',
		'Worst bank ever. Orvia exposed my account to strangers. I want my money out TODAY',
		'@Orvia Is my money safe?? Please answer, your chat has been down for hours #OrviaLeak',
		'Tried calling Orvia for 45 minutes. Nobody picks up. #OrviaLeak',
		'Boycott Orvia until they explain how customers\' data ended up on other people\'s phones',
	],
	fr: [
		'Fuite de données chez #Orvia : des clients voient les comptes des autres. Honteux. #OrviaLeak',
		'Remboursez-moi et fermez mon compte @orvia_fr, je ne vous fais plus confiance #OrviaLeak',
		"@orvia_fr toujours aucune réponse du service client, personne ne répond !! #OrviaLeak",
		"Je vois le RIB et les dépenses d'un inconnu dans mon appli Orvia. Scandale. #OrviaLeak",
		'Orvia vient de rendre publics nos comptes bancaires. Inadmissible. Je porte plainte. #OrviaLeak',
		"C'est une violation du RGPD, la CNIL doit être saisie #OrviaLeak @orvia_fr",
		"Mon solde s'affiche chez un autre client ?? @orvia_fr c'est une blague ?",
		'Arnaque ou incompétence, Orvia ? On attend des explications #OrviaLeak',
		'Je retire tout mon argent d\'Orvia ce soir. Jamais vu ça. #OrviaLeak',
		"Bravo Orvia, vraiment bravo, mes données bancaires chez des inconnus... #OrviaLeak",
	],
};
const press = [
	{ lang: 'en', title: 'Orvia app exposes customers\' balances to other users after faulty update', text: 'Customers of the French neobank Orvia reported seeing other people\'s account balances and transactions after version 7.4 of its app was released.' },
	{ lang: 'fr', title: 'Orvia : une mise à jour affiche les comptes d\'autres clients', text: 'Des clients de la néobanque Orvia affirment voir le solde et les opérations d\'inconnus depuis la dernière mise à jour de l\'application.' },
	{ lang: 'fr', title: 'Fuite de données chez Orvia : ce que l\'on sait', text: 'La néobanque a suspendu son application et promet une communication dans la journée. La CNIL pourrait être saisie.' },
	{ lang: 'en', title: 'Neobank Orvia takes app offline after data exposure incident', text: 'Orvia said a caching error in its latest release showed some customers information belonging to other accounts.' },
];
const hn = [
	{ title: 'Orvia, a French neobank, shows users other customers\' accounts after update', text: '' },
	{ title: '', text: 'Classic shared cache keyed on the wrong header. Someone at Orvia is having a very bad day.' },
	{ title: '', text: 'Banks need to treat session isolation bugs as incidents of the highest severity. This is a breach, not a glitch.' },
];
const ack = {
	en: 'We are aware that some customers saw incorrect account information after app update 7.4. We have taken the app offline while we fix it. Your money is safe. We are sorry and will update you here within 2 hours.',
	fr: 'Certains clients ont vu des informations de compte erronées après la mise à jour 7.4. Nous avons suspendu l\'application le temps de corriger. Votre argent est en sécurité. Nous sommes désolés et reviendrons vers vous ici d\'ici 2 heures.',
};
const decayT = {
	en: [
		'Orvia app is back. Still waiting for a proper explanation of what leaked #OrviaLeak',
		'To be fair @Orvia\'s update this evening was clear and honest. Let\'s see the follow-up.',
		'Did anyone get the email from Orvia about the incident? #OrviaLeak',
		'Still no answer from Orvia support on whether my data was seen by someone else',
		'Moving my savings elsewhere after the #OrviaLeak, trust is gone',
		'Appreciate that @Orvia apologised quickly. Mistakes happen, transparency matters.',
		'Orvia says only 2% of customers were affected. How do they know? #OrviaLeak',
		'App works again, notifications fine. Hope they learned something @Orvia',
	],
	fr: [
		"L'appli Orvia refonctionne. J'attends toujours de savoir qui a vu mes données #OrviaLeak",
		"Bonne réaction d'Orvia finalement, excuses claires et appli corrigée",
		"Reçu le mail d'Orvia sur l'incident. Un peu léger, on veut des détails #OrviaLeak",
		"Je reste chez Orvia pour l'instant mais je surveille #OrviaLeak",
		"Toujours pas de réponse du support Orvia, c'est long",
		'Merci @orvia_fr pour la transparence, ça arrive, le principal est de corriger',
	],
};
const reviews = {
	en: ['After the update I saw another customer\'s account. Unacceptable for a bank.', 'App offline for hours and no information. Terrible.', 'Worked fine for a year, now this data leak. Deleted.'],
	fr: ["Après la mise à jour je voyais le compte d'un autre client. Inadmissible.", 'Application inutilisable et aucune réponse du service client.', 'Fuite de données, je clôture mon compte.'],
};
const reviewsGood = {
	en: ['Simple, fast and free transfers. Love it.', 'Best banking app I have used.'],
	fr: ['Appli simple et rapide, très satisfait.', 'Service client réactif, je recommande.'],
};

// ---- rates ----
function parisHour(ms) {
	return (new Date(ms).getUTCHours() + 1) % 24; // CET in early March
}
function baselineRate(ms) {
	const h = parisHour(ms);
	const day = h >= 8 && h <= 22 ? 1 : 0.15;
	return 1.6 * day;
}
function spikeRate(ms) {
	if (ms < SPIKE) return 0;
	const hrs = (ms - SPIKE) / 3600000;
	const ramp = [3, 10, 24, 40, 46, 44, 38, 32, 27, 22];
	if (hrs < ramp.length) return ramp[Math.floor(hrs)];
	const night = parisHour(ms) >= 8 && parisHour(ms) <= 22 ? 1 : 0.25;
	return 22 * Math.exp(-(hrs - ramp.length) / 9) * night;
}

const mentions = [];
let nextId = 1;
const platformsSpike = ['x', 'x', 'x', 'x', 'bluesky', 'bluesky', 'mastodon', 'reddit', 'youtube', 'appstore'];
const platformsBase = ['x', 'x', 'x', 'bluesky', 'mastodon', 'reddit', 'appstore'];

function add(ms, platform, lang, text, author, extra = {}) {
	const n = nextId++;
	const nativeId = platform === 'x' ? String(1897000000000000000n + BigInt(n) * 7919n) : platform === 'reddit' ? `t3_${(n * 104729).toString(36)}` : `orvia-${n}`;
	const hashtags = (text.match(/#([\p{L}\p{N}_]+)/gu) || []).map((h) => h.slice(1).toLowerCase());
	const burst = ms >= SPIKE && ms < SPIKE + 12 * 3600000;
	const amp = burst ? 6 : 1;
	const reachBoost = Math.log10((author.followers || 10) + 10);
	const likes = Math.round(rand() * 6 * amp * reachBoost * (extra.likeBoost || 1));
	const hosts = { x: 'https://x.com/', bluesky: 'https://bsky.app/profile/', mastodon: 'https://mastodon.social/@', reddit: 'https://www.reddit.com/user/', youtube: 'https://www.youtube.com/@', appstore: null };
	const url = {
		x: `https://x.com/${author.handle}/status/${nativeId}`,
		bluesky: `https://bsky.app/profile/${author.handle}.bsky.social/post/3l${n.toString(36)}`,
		mastodon: `https://mastodon.social/@${author.handle}/11${String(n).padStart(6, '0')}`,
		reddit: `https://www.reddit.com/r/FinancialFrance/comments/${nativeId.slice(3)}/`,
		youtube: `https://www.youtube.com/watch?v=Orv1aLeak00&lc=Ugz${n}`,
		appstore: `https://apps.apple.com/${lang === 'fr' ? 'fr' : 'gb'}/app/orvia/id1600000000?see-all=reviews`,
		rss: extra.url,
		hackernews: `https://news.ycombinator.com/item?id=${43000000 + n}`,
	}[platform];
	mentions.push({
		id: `${platform}:${nativeId}`,
		platform,
		source: 'sample',
		nativeId,
		url: url || null,
		publishedAt: new Date(ms).toISOString(),
		title: extra.title ?? null,
		text,
		language: extra.noLang ? null : lang,
		author: {
			id: platform === 'rss' || platform === 'appstore' ? null : `${platform}:u${author.handle.length * 7919 + author.handle.charCodeAt(0)}`,
			handle: author.handle,
			name: author.name,
			url: hosts[platform] ? `${hosts[platform]}${author.handle}` : null,
			followers: platform === 'x' || platform === 'mastodon' || platform === 'youtube' || author.verified ? author.followers : null,
			verified: !!author.verified,
		},
		engagement: {
			likes,
			shares: Math.round(likes * (0.1 + rand() * 0.4) * (burst ? 1.5 : 0.5)),
			replies: Math.round(likes * (0.05 + rand() * 0.2)),
			views: platform === 'x' ? likes * 40 + Math.round(rand() * 500) : null,
		},
		inReplyToId: extra.inReplyToId ?? null,
		rating: extra.rating ?? null,
		hashtags,
	});
}

const crowd = Array.from({ length: 260 }, person);
for (let h = 0; h < HOURS; h++) {
	const hourStart = START + h * 3600000;
	const nBase = poisson(baselineRate(hourStart));
	for (let k = 0; k < nBase; k++) {
		const ms = hourStart + Math.floor(rand() * 3600000);
		const lang = rand() < 0.55 ? 'fr' : 'en';
		const platform = pick(platformsBase);
		if (platform === 'appstore') {
			const good = rand() < 0.8 || ms < WEAK;
			add(ms, platform, lang, pick((good ? reviewsGood : reviews)[lang]), pick(crowd), { rating: good ? 4 + Math.round(rand()) : 2, title: good ? 'Great app' : 'Disappointed' });
		} else {
			add(ms, platform, lang, pick(baseline[lang]), pick(crowd));
		}
	}
	const nSpike = poisson(spikeRate(hourStart));
	for (let k = 0; k < nSpike; k++) {
		const ms = hourStart + Math.floor(rand() * 3600000);
		const lang = rand() < 0.5 ? 'fr' : 'en';
		const platform = pick(platformsSpike);
		const afterAck = ms > ACK + 5 * 3600000;
		if (platform === 'appstore') {
			add(ms, platform, lang, pick(reviews[lang]), pick(crowd), { rating: 1, title: lang === 'fr' ? 'Fuite de données' : 'Data leak' });
		} else if (platform === 'youtube') {
			add(ms, platform, lang, pick((afterAck ? decayT : spikeT)[lang]), pick(crowd), { inReplyToId: 'youtube:Orv1aLeak00' });
		} else {
			add(ms, platform, lang, pick((afterAck && rand() < 0.7 ? decayT : spikeT)[lang]), pick(crowd));
		}
	}
}
// The weak signal: few but influential/very negative.
add(WEAK + 12 * 60000, 'x', 'en', weak.en[0], crowd[3]);
add(WEAK + 55 * 60000, 'x', 'fr', weak.fr[0], crowd[17]);
add(WEAK + 95 * 60000, 'reddit', 'en', weak.en[2], crowd[40], { title: 'Orvia app showing someone else\'s account?' });
add(WEAK + 150 * 60000, 'x', 'en', 'Several readers tell me the @Orvia app shows them other customers\' accounts since this afternoon. Checking. Orvia customers: seen this?', influencers.securityEn, { likeBoost: 3 });
add(WEAK + 210 * 60000, 'mastodon', 'fr', weak.fr[1], crowd[55]);
add(WEAK + 300 * 60000, 'bluesky', 'en', weak.en[1], crowd[61]);
add(WEAK + 370 * 60000, 'x', 'fr', 'Plusieurs lecteurs me signalent que l\'appli @orvia_fr affiche les comptes d\'autres clients. Vous avez vu ça ?', influencers.journalistFr, { likeBoost: 3 });
// The spike's amplifiers.
add(SPIKE + 70 * 60000, 'x', 'en', 'Orvia customers are seeing OTHER customers\' balances and IBANs. If you bank with Orvia, log out and watch your account. This is a serious data breach. #OrviaLeak', influencers.watchdogEn, { likeBoost: 8 });
add(SPIKE + 95 * 60000, 'x', 'fr', 'ALERTE : fuite de données chez Orvia, des clients voient les comptes d\'autres clients. Si vous êtes client, déconnectez-vous. #OrviaLeak', influencers.consoFr, { likeBoost: 8 });
add(SPIKE + 130 * 60000, 'x', 'fr', 'Confirmé par trois sources : l\'appli Orvia affiche les données bancaires d\'autres clients depuis la 7.4. Orvia ne répond pas à nos questions. #OrviaLeak', influencers.journalistFr, { likeBoost: 6 });
add(SPIKE + 240 * 60000, 'youtube', 'fr', 'ORVIA : le scandale de la fuite de données (ce que vous devez faire MAINTENANT)', influencers.youtuber, { title: 'ORVIA : fuite de données, que faire ?', likeBoost: 10 });
press.forEach((p, i) => add(SPIKE + (150 + i * 95) * 60000, 'rss', p.lang, p.text, { handle: ['techpresse.fr', 'fintechdaily.co.uk', 'lequotidien-eco.fr', 'bankingnews.example'][i], name: ['TechPresse', 'Fintech Daily', 'Le Quotidien Éco', 'Banking News'][i], followers: null }, { title: p.title, url: `https://${['techpresse.fr', 'fintechdaily.co.uk', 'lequotidien-eco.fr', 'bankingnews.example'][i]}/2026/03/05/orvia-${i + 1}`, noLang: i % 2 === 1 }));
hn.forEach((p, i) => add(SPIKE + (200 + i * 20) * 60000, 'hackernews', 'en', p.text, person(), { title: p.title || null, noLang: true }));
// Orvia's own acknowledgement (the brand account).
add(ACK, 'x', 'en', ack.en, influencers.brand);
add(ACK + 4 * 60000, 'x', 'fr', ack.fr, influencers.brandFr);

mentions.sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : a.id < b.id ? -1 : 1));
const out = {
	name: 'orvia-data-leak',
	description: 'Fictional crisis of the French neobank Orvia (data leak after app update 7.4), 2–7 March 2026: calm baseline, weak signal on Wed 4 evening, spike on Thu 5 from 06:00 UTC, decay to Sat 7. EN + FR. Written for Crisis Kit; MIT like the package.',
	brand: 'Orvia',
	timeZone: 'Europe/Paris',
	timeline: {
		baselineEnd: new Date(WEAK).toISOString(),
		weakSignalStart: new Date(WEAK).toISOString(),
		spikeStart: new Date(SPIKE).toISOString(),
		acknowledgedAt: new Date(ACK).toISOString(),
	},
	mentions,
};
const file = path.join(__dirname, '..', 'samples', 'orvia-data-leak.sample.json');
fs.writeFileSync(file, JSON.stringify(out, null, '\t') + '\n');
const byDay = {};
for (const m of mentions) byDay[m.publishedAt.slice(0, 10)] = (byDay[m.publishedAt.slice(0, 10)] || 0) + 1;
console.log(`wrote ${file}: ${mentions.length} mentions`, byDay);
