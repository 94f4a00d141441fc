/**
 * English lexicon: VADER valences (see enVader.ts and NOTICE) adjusted by hand for what
 * people write to and about brands: service failures (delays, cancellations, lost bags,
 * hold queues), complaint phrasing, polite requests that are not praise, and sarcasm.
 * Valences use VADER's -4..+4 scale. Everything below this comment is Crisis Kit's own (MIT).
 */
import { EN_VADER_WORDS } from './enVader';
import type { LanguageLexicon } from './types';

/**
 * Words whose VADER valence misleads in what people write to and about any brand, and
 * service-failure vocabulary. Every entry is meant to hold for any brand and any topic:
 * no brand, product or route names, and no function or context words ('why', 'call',
 * 'been') given a valence because they are frequent in complaints.
 */
const EN_OVERRIDES: Record<string, number> = {
	// Requests and politeness are not praise (their weight is further reduced in complaints).
	help: 0, helps: 0, please: 0, pls: 0, plz: 0, hope: 0.6, hoping: 0.4, want: 0, like: 0.3, well: 0.2,
	care: 0.6, cares: 0.6, free: 0.6, credit: 0, matter: 0, clear: 0.2, top: 0.2, god: 0, true: 0.4,
	kidding: -1, joke: -1.6, jokes: -1.2, seriously: -1.2, sorry: -0.4, apology: -0.3, apologize: 0,
	super: 1.4, pretty: 0.6, yes: 0.5, yeah: 0.5, yep: 0.3, sure: 0.3, ok: 0.3, okay: 0.3, hand: 0, overhead: 0,
	trust: 1, honestly: -0.3, honest: 0.8, ready: 0.3, fine: 0.5, safe: 1.2, lol: 0.6, haha: 0.8, funny: 0.4,
	// Service failures any customer reports: delays, cancellations, lost or broken goods.
	delay: -1.6, delays: -1.8, delayed: -1.8, delaying: -1.8, late: -1.2, lateness: -1.8,
	cancel: -1.2, cancels: -1.6, cancelled: -1.9, canceled: -1.9, cancelling: -1.6, canceling: -1.6,
	cancellation: -1.8, cancellations: -1.9, stranded: -2.6, stuck: -2,
	lost: -1.9, lose: -1.5, losing: -1.5, missing: -1.6, missed: -1.8, misplaced: -2,
	overbooked: -2.2, oversold: -2, downgraded: -2, overcharged: -2.4,
	broken: -1.8, broke: -1.5, damaged: -2, dirty: -2, filthy: -2.6, smelly: -2, stale: -1.5, cramped: -1.8,
	unhelpful: -2.4, useless: -2.4, incompetent: -2.8, incompetence: -2.9, clueless: -2.2, unprofessional: -2.6,
	unacceptable: -2.9, ridiculous: -2.4, rediculous: -2.4, ridic: -2.2, absurd: -2, pathetic: -2.8, disgrace: -2.8,
	disgraceful: -2.8, shameful: -2.8, shame: -2, appalling: -3, atrocious: -3, horrendous: -3, abysmal: -3,
	nightmare: -2.8, mess: -1.8, disaster: -2.8, chaos: -2, fiasco: -2.6, sucks: -2.2, suck: -2, sucked: -2.2,
	disconnected: -1.8, unreachable: -1.8, unanswered: -2, ignored: -2, ignoring: -2.1,
	complaint: -1.8, complaints: -1.8, complain: -1.6, complaining: -1.5, frustrating: -2.4, frustrated: -2.4,
	annoying: -2.2, annoyed: -2.2, disappointing: -2.4, disappointed: -2.5, disappointment: -2.4,
	fail: -2.4, fails: -2.4, failed: -2.3, failure: -2.4, epicfail: -3, worse: -2.4, worst: -3.2, poor: -2, poorly: -2,
	ruined: -2.6, ruin: -2.4, ruins: -2.4, wasted: -2.2, waste: -2, scam: -2.9, ripoff: -2.6,
	refused: -1.8, refuse: -1.6, denied: -1.8, nope: -1.3, nah: -0.8, smh: -1.8, wtf: -2.8,
	// Complaint vocabulary any customer uses (a refund is asked for when something went wrong).
	waited: -1.3, refund: -0.7, refunds: -0.7, reimburse: -0.5, reimbursement: -0.6, compensation: -0.6,
	charged: -1, fee: -0.8, fees: -0.9, hung: -0.8, excuse: -1.2, rip: -1,
	lack: -1.4, lacking: -1.4, lacks: -1.3, unreal: -1.2, rude: -2.4, excuses: -1.6, nada: -1.2,
	unable: -1.2, impossible: -1.6, wrong: -1.8, glitch: -1.6, error: -1.5, errors: -1.6,
	// Praise and thanks.
	thanks: 1.9, thank: 1.6, thx: 1.6, ty: 1.2, thankyou: 1.9, appreciate: 2, appreciated: 2, grateful: 2.4,
	exceptional: 2.8, thanx: 1.6, thnx: 1.6, thanku: 1.8, tks: 1.4, smoothest: 2.2, seamless: 2.2, flawless: 2.6,
	truly: 0, really: 0, terribly: 0, number: 0,
	better: 1.2, honor: 0.5, wish: 0.3, hopefully: 0.6, improvement: 1, bonus: 1.2, courtesy: 0.3,
	kudos: 2.6, shoutout: 1.8, awesome: 3.1, amazing: 3, fantastic: 3, excellent: 3, outstanding: 3, superb: 3,
	wonderful: 2.9, great: 2.8, best: 3, love: 3, loved: 3, loving: 2.8, smooth: 1.6, comfy: 1.8, comfortable: 1.8,
	friendly: 2.2, helpful: 2.3, quick: 1, quickly: 0.8, fast: 0.8, ontime: 1.5, upgraded: 1.8,
	resolved: 1.6, sorted: 1.2, fixed: 1, impressed: 2.5, impressive: 2.5, xd: 1.6, yay: 2.4, woohoo: 2.6, woot: 2.4,
	// Common opinion words the VADER list lacks (general English, any topic): praise of
	// products, service and people, and the usual criticism of products and deals.
	incredible: 2.8, refreshing: 2, phenomenal: 3, marvellous: 2.9, exquisite: 2.8, sleek: 1.8, reliable: 1.8,
	intuitive: 1.6, convenient: 1.6, affordable: 1.4, effortless: 1.8, accurate: 1.2, durable: 1.5, sturdy: 1.4,
	spacious: 1.2, tasty: 2.2, cozy: 1.8, cosy: 1.8, favourite: 2.3, legendary: 2.4, epic: 2, iconic: 1.8, genius: 2.4,
	victory: 2.4, bravo: 2.6, stoked: 2.6, pumped: 2, psyched: 2.2, hyped: 1.6, sweetest: 2.6, attentive: 1.8,
	professional: 1.2, knowledgeable: 1.8, speedy: 1.4, prompt: 1.2, handy: 1.4, underrated: 1, recommendable: 2,
	hideous: -2.6, shady: -1.8, sketchy: -1.6, unreliable: -2, buggy: -2, laggy: -1.8, glitchy: -2, flimsy: -1.6,
	overpriced: -2, pricey: -1, unusable: -2.4, unbearable: -2.6, unwatchable: -2.6, bland: -1.4, mediocre: -1.8,
	overrated: -1.6, underwhelming: -1.8, underwhelmed: -1.8, letdown: -2.2, scammed: -2.8, deceptive: -2.2,
	robbed: -2.4, gutted: -2.2, afraid: -1.6, inept: -2.4, bleak: -1.8, garbage: -2.2, rubbish: -2, junk: -1.8,
	dammit: -1.8, argh: -1.4, fml: -2.2, outage: -1.8, slow: -1, expensive: -0.8, breach: -1.6,
};

/** Words that strengthen the next sentiment word (+) or soften it (-). */
const EN_BOOSTERS: Record<string, number> = {
	absolutely: 0.3, completely: 0.3, extremely: 0.35, incredibly: 0.35, really: 0.3, very: 0.3, so: 0.3, soo: 0.35,
	totally: 0.3, truly: 0.3, utterly: 0.35, super: 0.3, such: 0.25, most: 0.25, highly: 0.3, especially: 0.2,
	seriously: 0.3, insanely: 0.35, ridiculously: 0.35, terribly: 0.3, awfully: 0.3, horribly: 0.3, fucking: 0.4,
	freaking: 0.35, friggin: 0.35, effing: 0.35, damn: 0.3, too: 0.2, beyond: 0.3, deeply: 0.3, entirely: 0.3,
	hugely: 0.3, unbelievably: 0.35, exceptionally: 0.3, particularly: 0.2, quite: 0.15, way: 0.2,
	slightly: -0.3, somewhat: -0.25, kinda: -0.25, sorta: -0.25, barely: -0.35, hardly: -0.35, little: -0.2,
	bit: -0.2, almost: -0.2, fairly: -0.15, mostly: -0.1, partly: -0.2,
};

/** Words that invert the sentiment of what follows within the clause. */
const EN_NEGATORS = [
	'not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'nowhere', 'without', 'cannot', 'cant',
	'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'wont', 'wouldnt', 'shouldnt', 'couldnt',
	'hasnt', 'havent', 'hadnt', 'aint', 'noone', 'hardly',
];

/** Multi-word expressions: their valence replaces the words they are made of. */
const EN_PHRASES: Record<string, number> = {
	'thanks for nothing': -3, 'thank you for nothing': -3, 'thanks a lot for nothing': -3,
	'still waiting': -2.4, 'still no': -2, 'still not': -1.6, 'still have not': -2, 'still havent': -2,
	'no one': -1.6, 'nobody answers': -2.6, 'no one answers': -2.6, 'no answer': -2, 'no answers': -2,
	'no response': -2.2, 'no reply': -2, 'no replies': -2, 'no update': -1.8, 'no updates': -1.8, 'no info': -1.8,
	'no information': -1.8, 'no help': -2.4, 'no explanation': -2.2, 'no apology': -2.2, 'no way': -1,
	'no problem': 1.2, 'no worries': 1.4, 'no complaints': 1.6, 'no issues': 1.2, 'no thanks': -1,
	'on hold': -2, 'hung up': -2.4, 'hang up': -2, 'hangs up': -2.2, 'busy signal': -2,
	'what a joke': -2.8, 'a joke': -2, 'are you kidding': -2.4, 'you kidding': -2.2, 'kidding me': -2.4,
	'never again': -3, 'last time i': -1.4, 'will never': -1.4,
	'waste of time': -2.6, 'waste of money': -2.6, 'so much for': -1.6, 'yeah right': -1.6, 'let down': -2.2,
	'sick of': -2.6, 'fed up': -2.6, 'had enough': -2.2, 'over it': -1.4, 'get it together': -2.4,
	'do better': -2.2, 'step it up': -1.6, 'get your act together': -2.6, 'how hard is it': -2.4,
	'how hard can it be': -2.4, 'not even': -1, 'cant wait': 2, "can't wait": 2,
	'cannot wait': 2, 'well done': 2.6, 'good job': 2.6, 'great job': 2.8, 'nice job': 2.4, 'great work': 2.6,
	'you rock': 2.8, 'guys rock': 2.8, 'you guys rock': 2.8, 'made my day': 3, 'above and beyond': 3,
	'thank you': 1.9, 'thank u': 1.8, 'thank you so much': 2.8, 'thanks so much': 2.8, 'thank you very much': 2.8,
	'thanks very much': 2.6, 'thanks a lot': 1.4, 'thanks again': 2.2, 'thank you again': 2.2, 'looking forward': 1.8,
	'look forward': 1.8, 'made it': 0.8, 'nice work': 2.4, 'not bad': 1.5, 'not too bad': 1.2, 'not a problem': 1.2, 'not a big deal': 0.8, 'less than helpful': -2.2, 'less than': -0.8, 'love to know': 0, "i'd love": 0.3, 'would love': 0.4, 'come on': -1.6,
	'what gives': -1.8, 'now what': -1.4, "what's the point": -2, 'whats the point': -2, 
	'good luck': 0.6, 'of course': 0, 'no idea': -1.2, 'no clue': -1.8, 'no longer': -0.8, 'no room': -1.4,
	'lack of': -1.6, 'give a shit': -2.4, 'give a damn': -2.2, 'not once': -1.8, 'not even once': -2,
	'no show': -1.8,
	// Complaint phrasing that holds for any brand: waiting, chasing, asking why.
	'for hours': -1.4, 'hours later': -1.4, 'days later': -1.4, 'hours on hold': -2.4, 'been waiting': -2,
	'waiting for hours': -2.4, 'waiting for days': -2.4, 'waited for': -1.4, 'still on hold': -2.6,
	'why would you': -1.6, "why can't": -1.4, 'why cant': -1.4, "why don't": -1.2, 'why dont': -1.2,
	"why isn't": -1.2, 'why isnt': -1.2, "why won't": -1.4, 'why wont': -1.4, 'why is it': -1,
	'how long': -0.8, 'how many times': -1.6, 'where is my': -1.4, "where's my": -1.4, 'wheres my': -1.4,
	'my money back': -2, 'want a refund': -2, 'never received': -2, 'never got': -1.4, 'not received': -1.8,
	"haven't received": -1.8, 'havent received': -1.8, "didn't receive": -1.8, 'didnt receive': -1.8,
	'never arrived': -2, "hasn't arrived": -1.8, 'hasnt arrived': -1.8, 'charged twice': -2.4, 'charged me': -1.4,
	'no longer works': -2, 'keeps crashing': -2.2, 'wont let me': -1.4, "won't let me": -1.4, 'cant get': -0.8,
	"can't get": -0.8, 'unable to': -1.2, 'tried to call': -1.2, 'trying to reach': -1.2, 'trying to get': -0.8,
	'nobody can': -1.6, 'no one can': -1.6, 'still nothing': -2.2, 'still no response': -2.6, 'yet again': -1.6,
	'once again': -0.8, 'over and over': -1.2, 'every time': -0.4,
	// Modal phrasing that does assert an opinion (irrealis markers would otherwise void it).
	'would recommend': 2.2, 'would highly recommend': 2.8, 'would definitely recommend': 2.8, 'would buy again': 2.2,
	'would not recommend': -2.4, "wouldn't recommend": -2.4, 'wouldnt recommend': -2.4, 'would never recommend': -2.8,
	'could be better': -1.4, 'could have been better': -1.6, 'should be ashamed': -2.8, "couldn't be happier": 3,
	'couldnt be happier': 3, 'nailed it': 2.4, 'ripped off': -2.6, 'rip off': -2.4, 'waste of': -2.2, 'could not be happier': 3, "couldn't be better": 2.6, 'could not be better': 2.6,
	// The noun 'kind' (a sort of) is not kindness; 'kind of' hedges.
	'kind of': 0, 'what kind': 0, 'that kind': 0, 'this kind': 0, 'any kind': 0, 'some kind': 0, 'kinds of': 0,
	'falls short': -2, 'fell short': -2, 'not happy': -2.2, 'not impressed': -2.2, 'not good': -1.8,
	'not ok': -1.8, 'not okay': -1.8, 'not acceptable': -2.6, 'not cool': -1.8, 'not fair': -2,
	'not helpful': -2.2, 'not working': -2, 'doesnt work': -2, "doesn't work": -2, 'didnt work': -2,
	"didn't work": -2, 'stopped working': -2.2, 'out of service': -1.6, 'down again': -2.2,
	'worst experience': -3.2, 'horrible experience': -3.2, 'great experience': 2.8, 'love you': 2.6,
};

/**
 * Irrealis markers (SO-CAL's irrealis blocking): sentiment after them in the clause is not
 * asserted ('would be great if…', 'if it were any good', 'could have been nice').
 */
const EN_IRREALIS = ['would', 'could', 'should', 'might', 'if', 'unless', 'any', 'anything', 'whether', 'wonder', 'expect', 'expected'];

/** Contrast words: what comes after them matters more than what came before. */
const EN_CONTRAST = ['but', 'however', 'although', 'though', 'yet', 'except'];

/** Polite or grateful words that are mostly courtesy when the rest of the text complains. */
const EN_COURTESY = ['thanks', 'thank', 'thx', 'ty', 'thankyou', 'please', 'pls', 'appreciate', 'appreciated', 'hope', 'hoping', 'kindly', 'help'];

/** Words that, right before praise followed by a problem, signal sarcasm (`great, another delay`). */
const EN_SARCASM_CUES = ['another', 'again', 'nothing', 'yet', 'more', 'oh', 'just', 'wow', 'how', 'when', 'being', 'for'];

/** Words that name a service failure (used by the sarcasm and courtesy rules). */
const EN_PROBLEM_WORDS = [
	'delay', 'delays', 'delayed', 'cancelled', 'canceled', 'cancellation', 'cancellations', 'late', 'lost', 'missed',
	'missing', 'stuck', 'stranded', 'broken', 'rude', 'worst', 'overbooked', 'damaged', 'down', 'outage', 'error',
	'fail', 'failed', 'losing', 'lose', 'breaking', 'delaying', 'cancelling', 'canceling', 'nothing', 'never', 'no',
	'not', 'still', 'again',
];

function parsePairs(data: string): Map<string, number> {
	const map = new Map<string, number>();
	for (const pair of data.split('|')) {
		if (!pair) continue;
		const sp = pair.lastIndexOf(' ');
		map.set(pair.slice(0, sp), Number(pair.slice(sp + 1)));
	}
	return map;
}

/** The English lexicon, built on each call (compileLexicon.ts calls it once per language). */
export function englishLexicon(): LanguageLexicon {
	const words = parsePairs(EN_VADER_WORDS);
	for (const [w, v] of Object.entries(EN_OVERRIDES)) words.set(w, v);
	// "can't" / "don't" written without the apostrophe are negators, not words.
	for (const neg of EN_NEGATORS) words.delete(neg);
	const lexicon: LanguageLexicon = {
		language: 'en',
		words,
		boosters: new Map(Object.entries(EN_BOOSTERS)),
		negators: new Set(EN_NEGATORS),
		phrases: new Map(Object.entries(EN_PHRASES)),
		contrast: new Set(EN_CONTRAST),
		courtesy: new Set(EN_COURTESY),
		sarcasmCues: new Set(EN_SARCASM_CUES),
		problemWords: new Set(EN_PROBLEM_WORDS),
		irrealis: new Set(EN_IRREALIS),
		bareNegation: -0.8,
		trailingNot: 'not',
		splitElisions: false,
		negatorSuffix: "n't",
		stemParts: stemEnglishParts,
		inflect: inflectEnglish,
	};
	return lexicon;
}

/** Fallback forms tried when a word is not in the lexicon (plural, past, -ing, -ly), as prefixes plus endings; returns how many. */
function stemEnglishParts(word: string, lens: Int32Array, endings: string[]): number {
	const n = word.length;
	const last = word.charCodeAt(n - 1);
	if (last === 115) {
		if (n <= 3) return 0;
		lens[0] = n - 1;
		endings[0] = '';
		return 1;
	}
	if (last === 100) {
		if (n <= 4 || word.charCodeAt(n - 2) !== 101) return 0;
		lens[0] = n - 2;
		endings[0] = '';
		lens[1] = n - 1;
		endings[1] = '';
		return 2;
	}
	if (last === 103) {
		if (n <= 5 || word.charCodeAt(n - 2) !== 110 || word.charCodeAt(n - 3) !== 105) return 0;
		lens[0] = n - 3;
		endings[0] = '';
		lens[1] = n - 3;
		endings[1] = 'e';
		return 2;
	}
	if (last === 121) {
		if (n <= 5 || word.charCodeAt(n - 2) !== 108) return 0;
		lens[0] = n - 2;
		endings[0] = '';
		return 1;
	}
	return 0;
}

/**
 * Every word whose `stemEnglishParts` candidates can include `base` (a superset: the
 * analyser checks each one with `stemEnglishParts`): base + s / ed / ing / ly, and for a
 * base ending in e, base + d and base without the e + ing.
 */
function inflectEnglish(base: string): string[] {
	const out = [base + 's', base + 'ed', base + 'ing', base + 'ly'];
	if (base.length > 0 && base.charCodeAt(base.length - 1) === 101) out.push(base + 'd', base.slice(0, -1) + 'ing');
	return out;
}
