// The crisis document's TypeScript types (core/document/types.ts) are held to its schema
// (documentRule in core/document/validateCrisisDocument.ts): the type the schema accepts,
// Infer<…>, must be exactly CrisisDocument, every property, optional mark and value type, at
// every depth. A field added to one and not the other is a type error here (ts-jest and the
// static tier's typecheck of the tests report it), so the two cannot drift apart.
import type { documentRule } from '../../../core/document/validateCrisisDocument';
import type { Infer } from '../../../core/document/validator';
import type { CrisisDocument, Scenario, StepEntry } from '../../../core/document/types';
import { validateCrisisDocument } from '../../../core/document/validateCrisisDocument';
import { defaultCrisisDocument } from '../../../core/document/defaultCrisisDocument';

/** Flattens intersections at every depth, keeping optional marks, so equal shapes compare equal. */
type Normalize<T> = T extends string | number | boolean | null | undefined
	? T
	: T extends Array<infer U>
		? Array<Normalize<U>>
		: { [K in keyof T]: Normalize<T[K]> };
type Equal<A, B> = (<X>() => X extends Normalize<A> ? 1 : 2) extends <X>() => X extends Normalize<B> ? 1 : 2 ? true : false;
function expectTrue<T extends true>(value: T): T {
	return value;
}

type SchemaDocument = Infer<ReturnType<typeof documentRule>>;

describe('core/document/types.ts against the document schema', () => {
	test('the type the schema accepts is exactly CrisisDocument', () => {
		expect(expectTrue<Equal<SchemaDocument, CrisisDocument>>(true)).toBe(true);
		expect(expectTrue<Equal<SchemaDocument['scenarios'][number], Scenario>>(true)).toBe(true);
		expect(expectTrue<Equal<SchemaDocument['scenarios'][number]['levels']['crisis'], Scenario['levels']['crisis']>>(true)).toBe(true);
		expect(expectTrue<Equal<NonNullable<SchemaDocument['scenarios'][number]['levels']['crisis']>['steps'][number], StepEntry>>(true)).toBe(true);
	});

	test('the check sees a difference (a field missing, an optional mark, a value type)', () => {
		expect(expectTrue<Equal<Equal<SchemaDocument, Omit<CrisisDocument, 'review'>>, false>>(true)).toBe(true);
		expect(expectTrue<Equal<Equal<SchemaDocument, CrisisDocument & { extra?: string }>, false>>(true)).toBe(true);
		expect(expectTrue<Equal<Equal<SchemaDocument, Omit<CrisisDocument, 'version'> & { version?: number }>, false>>(true)).toBe(true);
		expect(expectTrue<Equal<Equal<SchemaDocument, Omit<CrisisDocument, 'version'> & { version: string }>, false>>(true)).toBe(true);
		type DeepChange = Omit<CrisisDocument, 'contacts'> & { contacts: Array<CrisisDocument['contacts'][number] & { fax?: string }> };
		expect(expectTrue<Equal<Equal<SchemaDocument, DeepChange>, false>>(true)).toBe(true);
	});

	test('a valid document comes back typed by the schema', () => {
		const result = validateCrisisDocument(defaultCrisisDocument());
		expect(result.ok).toBe(true);
		if (result.ok) {
			const typed: SchemaDocument = result.document;
			expect(typed.schemaVersion).toBe(1);
		}
	});
});
