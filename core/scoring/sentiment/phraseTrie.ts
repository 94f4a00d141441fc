import type { PhraseNode, WordInfo } from './wordInfo';

/**
 * The expression trie flattened for the token pass: nodes are numbers (0 = none), and the
 * edges (node, next word's table id) -> child sit in one open-addressing Int32Array, so
 * following a word is one probe in a small array instead of a Map look-up.
 */
export class PhraseTrie {
	/** By node: the expression ending there (undefined if none) and its valence. */
	readonly terms: Array<string | undefined> = [undefined];
	readonly values: number[] = [0];
	/** By node: whether its expression holds a negator itself ('pas mal'). */
	readonly hasNegator: boolean[] = [false];
	/** By word table id: the node after that word as the first word of an expression (0 = none). */
	readonly rootById: Int32Array;
	/** Triples (node, word id, child); node 0 = empty slot. */
	private readonly slots: Int32Array;
	private readonly mask: number;

	constructor(roots: ReadonlyMap<number, PhraseNode>, idOf: ReadonlyMap<WordInfo, number>, ids: number) {
		this.rootById = new Int32Array(ids + 1);
		const edges: number[] = [];
		const add = (node: PhraseNode): number => {
			const at = this.terms.length;
			this.terms.push(node.term);
			this.values.push(node.value ?? 0);
			this.hasNegator.push(node.hasNegator);
			if (node.next !== undefined) {
				for (const [wi, child] of node.next) edges.push(at, idOf.get(wi) as number, add(child));
			}
			return at;
		};
		for (const [id, root] of roots) this.rootById[id] = add(root);
		let bits = 4;
		while (1 << bits < (edges.length / 3) * 4) bits++;
		this.mask = (1 << bits) - 1;
		this.slots = new Int32Array(3 << bits);
		for (let k = 0; k < edges.length; k += 3) {
			let p = PhraseTrie.slot(edges[k], edges[k + 1]) & this.mask;
			while (this.slots[3 * p] !== 0) p = (p + 1) & this.mask;
			this.slots[3 * p] = edges[k];
			this.slots[3 * p + 1] = edges[k + 1];
			this.slots[3 * p + 2] = edges[k + 2];
		}
	}

	private static slot(node: number, id: number): number {
		return Math.imul(Math.imul(node, 0x9e3779b1) ^ id, 0x85ebca6b) >>> 16;
	}

	/** The node after `node` when the next word has table id `id` (0 = no such expression). */
	child(node: number, id: number): number {
		const slots = this.slots;
		let p = PhraseTrie.slot(node, id) & this.mask;
		for (;;) {
			const at = slots[3 * p];
			if (at === 0) return 0;
			if (at === node && slots[3 * p + 1] === id) return slots[3 * p + 2];
			p = (p + 1) & this.mask;
		}
	}
}
