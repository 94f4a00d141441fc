/**
 * The default crisis document: complete and realistic, filled for the fictional French fintech
 * Orvia, so a team edits it rather than writing one from scratch. The JSON file is the source
 * (docs/default-crisis-document.md is rendered from it by scripts/render-crisis-document.js).
 */
import defaultDocumentJson from './defaultCrisisDocument.json';
import type { CrisisDocument } from './types';
import { cloneJson } from './validateCrisisDocument';

const DEFAULT_DOCUMENT = defaultDocumentJson as unknown as CrisisDocument;

/** A fresh copy of the default document (callers may change it freely). */
export function defaultCrisisDocument(): CrisisDocument {
	return cloneJson(DEFAULT_DOCUMENT);
}
