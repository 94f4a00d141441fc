/**
 * Sentiment computed by an upstream node (n8n's Sentiment Analysis node, a classifier, a
 * label field), read into Crisis Kit's `Sentiment`; Score Mentions uses it instead of the
 * built-in lexicon when it is understood.
 */
import type { Sentiment, SentimentLabel } from './types';

export interface UpstreamSentimentInput {
	/** The field path the value was read from (named in the reasons), e.g. `sentimentAnalysis`. */
	field: string;
	/**
	 * The value found there. Understood shapes: a label string ('Positive', 'negative',
	 * 'Neutral', 'négatif', 'neutre'…); a number in -1..1 (or 0..1 with `range: '0..1'`);
	 * n8n's Sentiment Analysis node output `{ category: 'Negative', strength: 0.9 }`, also
	 * wrapped as `{ sentimentAnalysis: { … } }`; `{ label, score }` / `{ sentiment, score }`.
	 */
	value: unknown;
	/** How to read a number: '-1..1' (default) or '0..1' (0 = most negative, 0.5 = neutral). */
	range?: '-1..1' | '0..1';
}

const LABELS: Record<string, SentimentLabel> = {
	positive: 'positive', pos: 'positive', positif: 'positive', positivo: 'positive',
	negative: 'negative', neg: 'negative', negatif: 'negative', négatif: 'negative', négative: 'negative', negativo: 'negative',
	neutral: 'neutral', neu: 'neutral', neutre: 'neutral', neutro: 'neutral', mixed: 'neutral', mixte: 'neutral',
};

function labelFromString(s: string): SentimentLabel | null {
	const key = s.trim().toLowerCase();
	if (LABELS[key]) return LABELS[key];
	// 'Very negative', 'LABEL_NEGATIVE', 'negative sentiment'…
	for (const word of key.split(/[^a-zà-ÿ]+/)) if (LABELS[word]) return LABELS[word];
	return null;
}

function labelFromScore(score: number): SentimentLabel {
	return score <= -0.05 ? 'negative' : score >= 0.05 ? 'positive' : 'neutral';
}

/** Reads an upstream sentiment value; null when its shape is not understood. */
export function parseUpstreamSentiment(input: UpstreamSentimentInput): Sentiment | null {
	const base = { source: 'upstream' as const, field: input.field };
	const fromNumber = (n: number): Sentiment | null => {
		if (!Number.isFinite(n)) return null;
		if (input.range === '0..1') {
			if (n < 0 || n > 1) return null;
			const score = n * 2 - 1;
			return { ...base, label: labelFromScore(score), score: Math.round(score * 1000) / 1000 };
		}
		if (n < -1 || n > 1) return null;
		return { ...base, label: labelFromScore(n), score: n };
	};
	const v = input.value;
	if (typeof v === 'number') return fromNumber(v);
	if (typeof v === 'string') {
		const label = labelFromString(v);
		if (label) return { ...base, label, score: label === 'negative' ? -0.6 : label === 'positive' ? 0.6 : 0 };
		const n = Number(v);
		return v.trim() !== '' && Number.isFinite(n) ? fromNumber(n) : null;
	}
	if (v && typeof v === 'object') {
		const o = v as Record<string, unknown>;
		if (o.sentimentAnalysis && typeof o.sentimentAnalysis === 'object') {
			return parseUpstreamSentiment({ ...input, value: o.sentimentAnalysis });
		}
		const cat = o.category ?? o.label ?? o.sentiment ?? o.polarity;
		if (typeof cat === 'string') {
			const label = labelFromString(cat);
			if (!label) return null;
			// n8n's node: strength 0..1; classifier outputs: score = confidence 0..1.
			const strengthRaw = o.strength ?? o.confidence ?? o.score;
			const strength = typeof strengthRaw === 'number' && strengthRaw >= 0 && strengthRaw <= 1 ? strengthRaw : 0.6;
			const score = label === 'negative' ? -strength : label === 'positive' ? strength : 0;
			return { ...base, label, score };
		}
		if (typeof cat === 'number') return fromNumber(cat);
		if (typeof o.score === 'number') return fromNumber(o.score);
		if (typeof o.compound === 'number') return fromNumber(o.compound);
	}
	return null;
}
