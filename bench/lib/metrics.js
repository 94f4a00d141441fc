'use strict';
const CLASSES = ['negative', 'neutral', 'positive'];

/** 3-class confusion-based metrics: macro-F1, accuracy, per-class F1. */
function classMetrics(gold, pred) {
	const perClass = {};
	let correct = 0;
	for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) correct++;
	for (const c of CLASSES) {
		let tp = 0;
		let fp = 0;
		let fn = 0;
		for (let i = 0; i < gold.length; i++) {
			if (pred[i] === c && gold[i] === c) tp++;
			else if (pred[i] === c) fp++;
			else if (gold[i] === c) fn++;
		}
		const p = tp + fp === 0 ? 0 : tp / (tp + fp);
		const r = tp + fn === 0 ? 0 : tp / (tp + fn);
		perClass[c] = { precision: p, recall: r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
	}
	const macroF1 = CLASSES.reduce((s, c) => s + perClass[c].f1, 0) / CLASSES.length;
	return {
		macroF1,
		accuracy: gold.length ? correct / gold.length : 0,
		negativeF1: perClass.negative.f1,
		perClass,
	};
}

function round(x, d = 3) {
	const f = 10 ** d;
	return Math.round(x * f) / f;
}

module.exports = { CLASSES, classMetrics, round };
