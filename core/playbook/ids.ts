/**
 * Deterministic ids: a prefix and the first 16 hex digits of the SHA-256 of the content in
 * canonical JSON (sorted keys), so replaying an incident gives the same ids.
 */
import { createHash } from 'crypto';

export function stableStringify(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map((v) => stableStringify(v === undefined ? null : v)).join(',')}]`;
	const obj = value as Record<string, unknown>;
	const keys = Object.keys(obj)
		.filter((k) => obj[k] !== undefined)
		.sort();
	return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

export function contentId(prefix: string, content: unknown): string {
	return `${prefix}_${createHash('sha256').update(stableStringify(content)).digest('hex').slice(0, 16)}`;
}
