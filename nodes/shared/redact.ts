/**
 * Secrets never leave a node through its messages: an API that echoes the token it was sent
 * ("invalid token Bearer abc…", a proxy's HTML error page quoting the request) would otherwise
 * put it into an error item, an error description or n8n's log. Every message built from an
 * API's answer goes through `redactSecrets` with the values of the credential used.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

/** Credential fields that are settings, not secrets. */
const NOT_SECRET = new Set([
	'baseUrl',
	'testUrl',
	'headerName',
	'grantType',
	'authUrl',
	'accessTokenUrl',
	'scope',
	'authQueryParameters',
	'authentication',
	'token_type',
	'expires_in',
]);

/** Shorter values are not redacted (they would match ordinary words). */
const MIN_SECRET_LENGTH = 6;

export const REDACTED = '[redacted]';

/** Every secret string held by a decrypted credential (nested OAuth token data included). */
export function credentialSecrets(credentials: ICredentialDataDecryptedObject | IDataObject | object | null | undefined): string[] {
	const out = new Set<string>();
	const walk = (value: unknown, key: string, depth: number) => {
		if (depth > 4 || NOT_SECRET.has(key)) return;
		if (typeof value === 'string') {
			const v = value.trim();
			if (v.length >= MIN_SECRET_LENGTH) out.add(v);
			return;
		}
		if (typeof value === 'object' && value !== null) {
			for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, k, depth + 1);
		}
	};
	walk(credentials, '', 0);
	// Longest first, so a secret that contains another is replaced whole.
	return [...out].sort((a, b) => b.length - a.length);
}

/** `text` with every occurrence of each secret (also URL-encoded) replaced by [redacted]. */
export function redactSecrets(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) {
		for (const form of new Set([secret, encodeURIComponent(secret)])) {
			if (out.includes(form)) out = out.split(form).join(REDACTED);
		}
	}
	return out;
}
