/**
 * The schema language of Crisis Kit's JSON documents (the crisis document, timeline events):
 * rules composed like zod's (`objectRule({ … })`, `arrayRule(…)`, `optional(…)`), each rule
 * typed by the value it accepts, so `Infer<typeof rule>` is the TypeScript type of a valid
 * value (test/unit/document/schemaTypes.test.ts holds core/document/types.ts to it).
 * Its only other job is good error messages: every issue names the exact path
 * (`scenarios[2].levels.crisis.deadlineMinutes`), what was expected and what was found. It never
 * throws on any input: non-JSON values are described, not inspected.
 *
 * Why not zod itself (allowed in shipped code, and it does resolve inside n8n 1.113.3 and 2.41.1,
 * through n8n's own dependency: community packages get no dependencies): the messages, their
 * paths and their order are the product and are asserted by tests; zod's order (unknown keys
 * last), its issue shapes and the zod version (whatever the n8n release pins; n8n-workflow 2.x
 * no longer depends on it) are not ours to fix. See docs/architecture.md (Decisions).
 */

export interface ValidationIssue {
	/** Path of the offending value, e.g. `scenarios[2].levels.crisis.deadlineMinutes` (`document` for the root). */
	path: string;
	/** What was expected, in words. */
	expected: string;
	/** What was found, in words. */
	got: string;
	/** `path: expected …, got …` (or a specific sentence for unknown fields). */
	message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `a` + `b` → `a.b`; `a` + 2 → `a[2]`; `a` + `my key` → `a["my key"]`. */
export function joinPath(path: string, key: string | number): string {
	if (typeof key === 'number') return `${path}[${key}]`;
	if (IDENTIFIER.test(key)) return path ? `${path}.${key}` : key;
	return `${path}[${JSON.stringify(key)}]`;
}

export function displayPath(path: string): string {
	return path === '' ? 'document' : path;
}

/** Describes a value for an error message without dumping it. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string') {
		const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
		return JSON.stringify(shown);
	}
	if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
	if (typeof value === 'boolean') return String(value);
	if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
	const proto = Object.getPrototypeOf(value) as unknown;
	return proto === Object.prototype || proto === null;
}

export function hasOwn(obj: object, key: string): boolean {
	return Object.prototype.hasOwnProperty.call(obj, key);
}

/** Collects issues while a value is walked. */
export class IssueCollector {
	readonly issues: ValidationIssue[] = [];

	expected(path: string, expected: string, value: unknown): void {
		const got = describeValue(value);
		this.issues.push({
			path: displayPath(path),
			expected,
			got,
			message: `${displayPath(path)}: expected ${expected}, got ${got}`,
		});
	}

	/** An issue whose sentence does not fit "expected …, got …". */
	custom(path: string, expected: string, got: string, sentence: string): void {
		this.issues.push({
			path: displayPath(path),
			expected,
			got,
			message: `${displayPath(path)}: ${sentence}`,
		});
	}

	get count(): number {
		return this.issues.length;
	}
}

/**
 * A check of one value at one path; `expected` is what a missing value is reported against.
 * `T` is the type of a value that passes (type only: `_type` is never set).
 */
export interface Rule<T = unknown> {
	expected: string;
	check(value: unknown, path: string, issues: IssueCollector): void;
	readonly _type?: T;
}

/** The type of a value that passes `R` (like zod's `z.infer`). */
export type Infer<R> = R extends Rule<infer T> ? T : never;

export function stringRule(options: {
	expected?: string;
	pattern?: RegExp;
	maxLength?: number;
	extra?: (value: string, path: string, issues: IssueCollector) => void;
} = {}): Rule<string> {
	const expected = options.expected ?? 'a non-empty string';
	return {
		expected,
		check(value, path, issues) {
			if (typeof value !== 'string' || value.trim() === '') return issues.expected(path, expected, value);
			if (options.maxLength !== undefined && value.length > options.maxLength) {
				return issues.expected(path, `${expected} of at most ${options.maxLength} characters`, value);
			}
			if (options.pattern && !options.pattern.test(value)) return issues.expected(path, expected, value);
			options.extra?.(value, path, issues);
		},
	};
}

export function numberRule(options: {
	min?: number;
	exclusiveMin?: boolean;
	max?: number;
	integer?: boolean;
	expected?: string;
}): Rule<number> {
	const { min, max, integer, exclusiveMin } = options;
	const expected =
		options.expected ??
		(min === 0 && exclusiveMin
			? integer
				? 'a positive whole number'
				: 'a positive number'
			: min === 0 && max === 1
				? 'a share from 0 to 1'
				: `${integer ? 'a whole number' : 'a number'}${min !== undefined ? ` ≥ ${min}` : ''}${max !== undefined ? ` and ≤ ${max}` : ''}`);
	return {
		expected,
		check(value, path, issues) {
			if (typeof value !== 'number' || !Number.isFinite(value)) return issues.expected(path, expected, value);
			if (integer && !Number.isInteger(value)) return issues.expected(path, expected, value);
			if (min !== undefined && (exclusiveMin ? value <= min : value < min)) {
				return issues.expected(path, expected, value);
			}
			if (max !== undefined && value > max) return issues.expected(path, expected, value);
		},
	};
}

export function booleanRule(): Rule<boolean> {
	return {
		expected: 'true or false',
		check(value, path, issues) {
			if (typeof value !== 'boolean') issues.expected(path, 'true or false', value);
		},
	};
}

export function oneOfRule<V extends string | number>(values: readonly V[], what?: string): Rule<V> {
	const expected = `${what ? `${what}: ` : ''}one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
	return {
		expected,
		check(value, path, issues) {
			if (!(values as readonly unknown[]).includes(value)) issues.expected(path, expected, value);
		},
	};
}

export function arrayRule<T>(
	item: Rule<T>,
	options: { minItems?: number; uniqueStrings?: boolean; expected?: string } = {},
): Rule<T[]> {
	const minItems = options.minItems ?? 0;
	const expected =
		options.expected ??
		(minItems > 0 ? `a list of at least ${minItems} (${item.expected})` : `a list (of ${item.expected})`);
	return {
		expected,
		check(value, path, issues) {
			if (!Array.isArray(value)) return issues.expected(path, expected, value);
			if (value.length < minItems) return issues.expected(path, expected, value);
			const seen = new Map<string, number>();
			for (let i = 0; i < value.length; i++) {
				const p = joinPath(path, i);
				// Sparse arrays cannot come from JSON, but hand-built documents may have holes.
				if (!(i in value)) {
					issues.expected(p, item.expected, undefined);
					continue;
				}
				const before = issues.count;
				item.check(value[i], p, issues);
				if (options.uniqueStrings && issues.count === before && typeof value[i] === 'string') {
					const key = (value[i] as string).toLowerCase();
					const first = seen.get(key);
					if (first !== undefined) {
						issues.custom(
							p,
							'a value not already listed',
							describeValue(value[i]),
							`expected a value not already listed, got ${describeValue(value[i])} (already at ${joinPath(path, first)})`,
						);
					} else seen.set(key, i);
				}
			}
		},
	};
}

export interface FieldSpec<T = unknown> {
	rule: Rule<T>;
	optional?: boolean;
}

/** A field that may be absent (an optional property of the inferred type). */
export interface OptionalField<T> extends FieldSpec<T> {
	optional: true;
}

export function optional<T>(rule: Rule<T>): OptionalField<T> {
	return { rule, optional: true };
}

/** The same field rule for each of `keys` (the levels, the statement kinds…), in their order. */
export function fieldsFor<K extends string, F>(keys: readonly K[], field: (key: K) => F): Record<K, F> {
	const fields = {} as Record<K, F>;
	for (const key of keys) fields[key] = field(key);
	return fields;
}

type OptionalKeys<F> = { [K in keyof F]: F[K] extends OptionalField<unknown> ? K : never }[keyof F];
type FieldType<S> = S extends FieldSpec<infer T> ? T : S extends Rule<infer T> ? T : never;
/** The object type of a field map: optional fields become optional properties. */
export type ObjectOf<F> = {
	[K in Exclude<keyof F, OptionalKeys<F>>]: FieldType<F[K]>;
} & { [K in OptionalKeys<F>]?: FieldType<F[K]> };

export function objectRule<F extends Record<string, FieldSpec | Rule>>(
	fields: F,
	options: { expected?: string; extra?: (value: Record<string, unknown>, path: string, issues: IssueCollector) => void } = {},
): Rule<ObjectOf<F>> {
	const expected = options.expected ?? 'an object';
	const specs: Record<string, FieldSpec> = {};
	for (const [k, v] of Object.entries(fields)) specs[k] = 'rule' in v ? v : { rule: v };
	const known = Object.keys(specs);
	return {
		expected,
		check(value, path, issues) {
			if (!isPlainObject(value)) return issues.expected(path, expected, value);
			for (const key of Object.keys(value)) {
				if (!hasOwn(specs, key)) unknownField(issues, path, key, value[key], known);
			}
			for (const key of known) {
				const spec = specs[key];
				const p = joinPath(path, key);
				if (!hasOwn(value, key) || value[key] === undefined) {
					if (!spec.optional) issues.expected(p, spec.rule.expected, undefined);
					continue;
				}
				spec.rule.check(value[key], p, issues);
			}
			options.extra?.(value, path, issues);
		},
	};
}

/** An object used as a map: keys must match `keyPattern`, values follow `value`. */
export function recordRule<T>(
	keyPattern: RegExp,
	keyExpected: string,
	value: Rule<T>,
	options: { expected?: string; minEntries?: number } = {},
): Rule<Record<string, T>> {
	const expected = options.expected ?? `an object of ${keyExpected} → ${value.expected}`;
	return {
		expected,
		check(input, path, issues) {
			if (!isPlainObject(input)) return issues.expected(path, expected, input);
			const keys = Object.keys(input);
			if (options.minEntries !== undefined && keys.length < options.minEntries) {
				return issues.expected(path, expected, input);
			}
			for (const key of keys) {
				const p = joinPath(path, key);
				if (!keyPattern.test(key)) {
					issues.custom(
						p,
						keyExpected,
						JSON.stringify(key),
						`expected the key to be ${keyExpected}, got ${describeValue(key)}`,
					);
					continue;
				}
				value.check(input[key], p, issues);
			}
		},
	};
}

function unknownField(
	issues: IssueCollector,
	path: string,
	key: string,
	value: unknown,
	known: string[],
): void {
	const suggestion = closest(key, known);
	issues.custom(
		joinPath(path, key),
		`one of the fields ${known.join(', ')}`,
		describeValue(value),
		`unknown field${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; known fields here: ${known.join(', ')}`,
	);
}

/** The known name within two edits of `name`, if any (typo hints). */
export function closest(name: string, candidates: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = 3;
	const lower = name.toLowerCase();
	for (const candidate of candidates) {
		const d = editDistance(lower, candidate.toLowerCase(), bestDistance);
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	return best;
}

function editDistance(a: string, b: string, cap: number): number {
	if (Math.abs(a.length - b.length) >= cap) return cap;
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		prev = row;
	}
	return prev[b.length];
}
