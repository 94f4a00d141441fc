import {
	CHANNEL_LIMITS,
	DEFAULT_LEVEL_THRESHOLDS,
	defaultCrisisDocument,
	parseCrisisDocument,
	validateCrisisDocument,
} from '../../../core/document';
import type { CrisisDocument, ValidationIssue } from '../../../core/document';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the edits below reach into any field of the document
type Mutable = Record<string, any>;

/** Validates a copy of the default document changed by `edit`; returns the errors. */
function errorsAfter(edit: (doc: Mutable) => void): ValidationIssue[] {
	const doc = defaultCrisisDocument() as unknown as Mutable;
	edit(doc);
	const result = validateCrisisDocument(doc);
	return result.ok ? [] : result.errors;
}

function messages(edit: (doc: Mutable) => void): string[] {
	return errorsAfter(edit).map((e) => e.message);
}

describe('the default crisis document', () => {
	it('is valid, without warnings', () => {
		const result = validateCrisisDocument(defaultCrisisDocument());
		if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
		expect(result.warnings).toEqual([]);
	});

	it('is filled for Orvia, in French and English, in Paris time', () => {
		const doc = defaultCrisisDocument();
		expect(doc.brand.name).toBe('Orvia');
		expect(doc.languages).toEqual(['fr', 'en']);
		expect(doc.timeZone).toBe('Europe/Paris');
		expect(doc.schemaVersion).toBe(1);
	});

	it('covers the foreseeable scenarios, each with FR and EN statements and key messages', () => {
		const doc = defaultCrisisDocument();
		expect(doc.scenarios.map((s) => s.id)).toEqual([
			'dataBreach',
			'productDefect',
			'serviceOutage',
			'customerServiceFailure',
			'offensivePost',
			'misconduct',
			'influencerBadBuzz',
			'misinformation',
			'boycott',
			'general',
		]);
		for (const s of doc.scenarios) {
			for (const lang of ['fr', 'en'] as const) {
				expect(s.statements.holding?.[lang]?.text).toBeTruthy();
				expect(s.statements.holding?.[lang]?.short).toBeTruthy();
				expect(s.statements.reply?.[lang]?.text).toContain('{handle}');
				expect(s.keyMessages[lang]?.length).toBeGreaterThan(0);
			}
		}
	});

	it('uses {brand} rather than the brand name in its statements', () => {
		const doc = defaultCrisisDocument();
		for (const s of doc.scenarios) {
			for (const kind of Object.values(s.statements)) {
				for (const variant of Object.values(kind ?? {})) {
					expect(variant?.text).not.toMatch(/Orvia/);
					expect(variant?.short ?? '').not.toMatch(/Orvia/);
				}
			}
		}
	});

	it('returns a fresh copy each time', () => {
		const a = defaultCrisisDocument();
		a.brand.name = 'Changed';
		expect(defaultCrisisDocument().brand.name).toBe('Orvia');
	});

	it('exports the default level thresholds, frozen, rising with the level', () => {
		expect(DEFAULT_LEVEL_THRESHOLDS.thresholds.alert.minMentions).toBe(12);
		expect(Object.isFrozen(DEFAULT_LEVEL_THRESHOLDS.thresholds.alert)).toBe(true);
		expect(DEFAULT_LEVEL_THRESHOLDS.thresholds.crisis.minMentions).toBeGreaterThan(DEFAULT_LEVEL_THRESHOLDS.thresholds.alert.minMentions);
	});

	it('exports the channel limits', () => {
		expect(CHANNEL_LIMITS).toEqual({
			x: 280,
			bluesky: 300,
			mastodon: 500,
			linkedin: 3000,
			facebook: 63206,
			instagram: 2200,
			threads: 500,
			email: null,
			website: null,
			sms: 160,
		});
	});
});

describe('validation messages name the path, what was expected and what was found', () => {
	it('matches the example of the issue exactly', () => {
		expect(messages((d) => (d.scenarios[2].levels.crisis.deadlineMinutes = 'soon'))).toEqual([
			'scenarios[2].levels.crisis.deadlineMinutes: expected a positive number, got "soon"',
		]);
	});

	it.each<[string, (d: Mutable) => void, string]>([
		// strings
		['non-empty string', (d) => (d.updatedBy = ''), 'updatedBy: expected a non-empty string, got ""'],
		['string given a number', (d) => (d.brand.name = 42), 'brand.name: expected a brand name without { or }, got 42'],
		['id pattern', (d) => (d.contacts[0].id = 'Claire Martin'), 'contacts[0].id: expected an id (letters and digits, starting with a lower-case letter, camelCase), got "Claire Martin"'],
		['url', (d) => (d.brand.supportUrl = 'orvia.example/help'), 'brand.supportUrl: expected an http(s) URL, got "orvia.example/help"'],
		['e-mail', (d) => (d.contacts[1].email = 'thomas'), 'contacts[1].email: expected an e-mail address, got "thomas"'],
		['phone', (d) => (d.contacts[1].phone = 'call me'), 'contacts[1].phone: expected a phone number (+33 1 23 45 67 89), got "call me"'],
		['hashtag', (d) => (d.brand.hashtags[0] = '#orvia'), 'brand.hashtags[0]: expected a hashtag without # or spaces, got "#orvia"'],
		['account', (d) => (d.brand.watchedAccounts[0] = 'orvia'), 'brand.watchedAccounts[0]: expected an account as platform:handle (x:orvia), got "orvia"'],
		['time zone', (d) => (d.timeZone = 'Paris'), 'timeZone: expected an IANA time zone (Europe/Paris), got "Paris"'],
		['date-time', (d) => (d.updatedAt = '2026-02-02'), 'updatedAt: expected an RFC 3339 date-time with a time zone (2026-03-05T09:14:00Z), got "2026-02-02"'],
		['impossible date', (d) => (d.updatedAt = '2026-02-31T09:00:00Z'), 'updatedAt: expected an RFC 3339 date-time with a time zone (2026-03-05T09:14:00Z), got "2026-02-31T09:00:00Z"'],
		// numbers
		['positive integer', (d) => (d.version = 0), 'version: expected a whole number ≥ 1, got 0'],
		['integer', (d) => (d.levels.windowMinutes = 7.5), 'levels.windowMinutes: expected a positive whole number, got 7.5'],
		['share', (d) => (d.levels.thresholds.alert.minNegativeShare = 1.5), 'levels.thresholds.alert.minNegativeShare: expected a share from 0 to 1, got 1.5'],
		['non-negative', (d) => (d.levels.thresholds.watch.minMentions = -1), 'levels.thresholds.watch.minMentions: expected a whole number ≥ 0, got -1'],
		['number given null', (d) => (d.approval.timeoutMinutes = null), 'approval.timeoutMinutes: expected a positive number, got null'],
		// booleans and enums
		['boolean', (d) => (d.scenarios[0].levels.alert.pausePublishing = 'yes'), 'scenarios[0].levels.alert.pausePublishing: expected true or false, got "yes"'],
		['stance', (d) => (d.scenarios[1].stance = 'deny'), 'scenarios[1].stance: expected a stance: one of "acknowledge", "correctFacts", "apologise", "rebuild", got "deny"'],
		['channel', (d) => (d.steps.briefSupport.channel = 'slack'), 'steps.briefSupport.channel: expected a channel: one of "x", "bluesky", "mastodon", "linkedin", "facebook", "instagram", "threads", "email", "website", "sms", "internal", "phone", "press", "crm", "scheduler", "allSocial", got "slack"'],
		['schema version', (d) => (d.schemaVersion = 2), 'schemaVersion: expected the schema version this Crisis Kit reads: one of 1, got 2'],
		// lists
		['list', (d) => (d.brand.watchTerms = 'Orvia'), 'brand.watchTerms: expected a list of at least 1 (a non-empty string), got "Orvia"'],
		['non-empty list', (d) => (d.scenarios = []), 'scenarios: expected a list of at least 1 (an object), got an array of 0 items'],
		['duplicate in list', (d) => d.brand.watchTerms.push('orvia'), 'brand.watchTerms[6]: expected a value not already listed, got "orvia" (already at brand.watchTerms[0])'],
		// objects
		['object', (d) => (d.brand = ['Orvia']), 'brand: expected an object, got an array of 1 item'],
		['missing field', (d) => delete d.scenarios[3].stance, 'scenarios[3].stance: expected a stance: one of "acknowledge", "correctFacts", "apologise", "rebuild", got nothing'],
		['unknown field with a hint', (d) => (d.scenarios[0].stnace = 'apologise'), 'scenarios[0].stnace: unknown field (did you mean "stance"?); known fields here: id, name, description, themes, cues, stance, levels, keyMessages, statements, approval'],
		['map key', (d) => (d.steps['Brief press'] = d.steps.pressQandA), 'steps["Brief press"]: expected the key to be an id (letters and digits, starting with a lower-case letter, camelCase), got "Brief press"'],
		['level map', (d) => (d.scenarios[0].levels = {}), 'scenarios[0].levels: expected the steps of at least one level (watch, alert, crisis, critical), got an object'],
		['step entry', (d) => (d.scenarios[0].levels.alert.steps[0] = 'alertCrisisCell'), 'scenarios[0].levels.alert.steps[0]: expected a step: {"ref": "<library step id>"} or {"id", "action", "owner", "channel", "deadlineMinutes"}, got "alertCrisisCell"'],
		// localized texts
		['missing language', (d) => delete d.scenarios[4].name.en, 'scenarios[4].name.en: expected a non-empty string, got nothing'],
		['language not in the document', (d) => (d.scenarios[4].name.de = 'Beitrag'), 'scenarios[4].name.de: unknown language "de"; the document\'s languages are fr, en'],
		// templates
		['unknown placeholder', (d) => (d.scenarios[0].statements.holding.en.text = 'Hello {customer}'), 'scenarios[0].statements.holding.en.text: unknown placeholder {customer}; known placeholders: brand, scenario, websiteUrl, supportUrl, statusPageUrl, date, time, nextUpdateTime, affectedService, customerAction, keyFact'],
		['handle outside replies', (d) => (d.scenarios[0].statements.holding.fr.short = '{handle} bonjour'), 'scenarios[0].statements.holding.fr.short: unknown placeholder {handle} ({handle} is only available in reply statements); known placeholders: brand, scenario, websiteUrl, supportUrl, statusPageUrl, date, time, nextUpdateTime, affectedService, customerAction, keyFact'],
		['expression in template', (d) => (d.scenarios[1].statements.reply.en.text = 'Hi {{ $json.name }}'), 'scenarios[1].statements.reply.en.text: expected a statement template (text with {placeholders}), got "{{ $json.name }" at character 4 is not a placeholder (use {name}: letters and digits only)'],
		['unclosed brace', (d) => (d.scenarios[1].statements.reply.en.text = 'Hi {brand'), 'scenarios[1].statements.reply.en.text: expected a statement template (text with {placeholders}), got a "{" that is never closed at character 4'],
		['required statement', (d) => delete d.scenarios[2].statements.reply, 'scenarios[2].statements.reply: expected an object with one entry per language (fr, en), each an object, got nothing'],
	])('%s', (_kind, edit, expected) => {
		expect(messages(edit)).toEqual([expected]);
	});
});

describe('references between parts are checked once the structure is right', () => {
	it.each<[string, (d: Mutable) => void, string]>([
		['step owner is a contact', (d) => (d.steps.briefSupport.owner = 'bob'), 'steps.briefSupport.owner: expected a contact id (one of commsLead, commsDeputy, socialLead, supportLead, supportDeputy, techLead, dpo, legal, compliance, hrLead, ceo), got "bob"'],
		['owner override is a contact', (d) => (d.scenarios[0].levels.crisis.steps[0].owner = 'bob'), 'scenarios[0].levels.crisis.steps[0].owner: expected a contact id (one of commsLead, commsDeputy, socialLead, supportLead, supportDeputy, techLead, dpo, legal, compliance, hrLead, ceo), got "bob"'],
		['referenced step exists', (d) => (d.scenarios[2].levels.alert.steps[1].ref = 'updateStatus'), 'scenarios[2].levels.alert.steps[1].ref: expected a step of the step library (one of monitorConversation, alertCrisisCell, pausePublishing, draftHoldingStatement, postHoldingStatement, briefSupport, replyToKeyPosts, updateStatusPage, involveDpo, legalReview, briefExecutives, pressQandA, publishFullAnswer, openCrmCases, executiveStatement, informRegulator, contactInfluencer, factCheckPage, reportToPlatforms, removePost, hrInvestigation, offerGoodwill), got "updateStatus"'],
		['inline step does not shadow the library', (d) => d.scenarios[0].levels.watch.steps.push({ id: 'briefSupport', action: { fr: 'a', en: 'b' }, owner: 'commsLead', channel: 'internal', deadlineMinutes: 10 }), 'scenarios[0].levels.watch.steps[1].id: expected an id not used by the step library (or write {"ref": "briefSupport"}), got "briefSupport"'],
		['step listed once per level', (d) => d.scenarios[0].levels.alert.steps.push({ ref: 'briefSupport' }), 'scenarios[0].levels.alert.steps[5]: expected a step listed once per level (already at steps[4]), got "briefSupport"'],
		['unique scenario ids', (d) => (d.scenarios[1].id = 'dataBreach'), 'scenarios[1].id: expected a unique scenario id (already used by scenarios[0]), got "dataBreach"'],
		['unique contact ids', (d) => d.contacts.push({ ...d.contacts[0] }), 'contacts[11].id: expected a unique contact id (already used by contacts[0]), got "commsLead"'],
		['fallback scenario exists', (d) => (d.fallbackScenarioId = 'other'), 'fallbackScenarioId: expected a scenario id (one of dataBreach, productDefect, serviceOutage, customerServiceFailure, offensivePost, misconduct, influencerBadBuzz, misinformation, boycott, general), got "other"'],
		['approver differs from deputy', (d) => (d.approval.deputy = 'commsLead'), 'approval.deputy: expected a different contact than the approver, got "commsLead"'],
		['default language is a document language', (d) => ((d.languages = ['fr']), (d.defaultLanguage = 'en'), stripLanguage(d, 'en')), 'defaultLanguage: expected one of the document\'s languages (fr), got "en"'],
		['thresholds rise with the level', (d) => (d.levels.thresholds.crisis.minMentions = 10), 'levels.thresholds.crisis.minMentions: expected a value ≥ 12 (levels.thresholds.alert.minMentions: a higher level is never easier to reach), got 10'],
		['custom placeholder is not built in', (d) => d.placeholders.push({ name: 'brand', description: 'x', fallback: { fr: 'a', en: 'b' } }), 'placeholders[3].name: expected a name that is not built in (brand, scenario, websiteUrl, supportUrl, statusPageUrl, date, time, nextUpdateTime, handle), got "brand"'],
		['history in order', (d) => d.history.push({ version: 1, updatedAt: '2026-03-01T00:00:00Z', updatedBy: 'x', summary: 'y' }), 'history[1].version: expected a version above 1 (history is in order), got 1'],
		['deputy is someone else', (d) => (d.contacts[0].deputy = 'commsLead'), 'contacts[0].deputy: expected another contact than the person themselves, got "commsLead"'],
	])('%s', (_kind, edit, expected) => {
		expect(messages(edit)).toEqual([expected]);
	});

	it('does not run before the structure is valid, so one typo does not cascade', () => {
		expect(messages((d) => ((d.contacts[0].id = 7), (d.steps.briefSupport.owner = 'bob')))).toEqual([
			'contacts[0].id: expected an id (letters and digits, starting with a lower-case letter, camelCase), got 7',
		]);
	});
});

function stripLanguage(d: Mutable, lang: string): void {
	const walk = (v: unknown): void => {
		if (Array.isArray(v)) v.forEach(walk);
		else if (v && typeof v === 'object') {
			const obj = v as Record<string, unknown>;
			if (lang in obj && ('fr' in obj || Object.keys(obj).length === 1)) delete obj[lang];
			Object.values(obj).forEach(walk);
		}
	};
	walk(d);
}

describe('inputs that are not documents', () => {
	it.each<[unknown, string]>([
		[null, 'document: expected a crisis document (a JSON object), got null'],
		[[], 'document: expected a crisis document (a JSON object), got an array of 0 items'],
		[42, 'document: expected a crisis document (a JSON object), got 42'],
		['{"schemaVersion": 1,', 'document: expected a crisis document in JSON, got text that is not JSON'],
	])('%p', (input, expected) => {
		const result = validateCrisisDocument(input);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors[0].message.startsWith(expected)).toBe(true);
	});

	it('accepts the document as JSON text', () => {
		const result = validateCrisisDocument(JSON.stringify(defaultCrisisDocument()));
		expect(result.ok).toBe(true);
	});

	it('reports an empty object field by field', () => {
		const result = validateCrisisDocument({});
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('scenarios');
	});

	it('parseCrisisDocument throws with every issue and returns a copy when valid', () => {
		const doc = defaultCrisisDocument() as unknown as Mutable;
		doc.version = 'two';
		doc.timeZone = 'Mars/Olympus';
		expect(() => parseCrisisDocument(doc)).toThrow('Invalid crisis document: version: expected a whole number ≥ 1, got "two"; timeZone: expected an IANA time zone (Europe/Paris), got "Mars/Olympus"');
		const valid = defaultCrisisDocument();
		const parsed: CrisisDocument = parseCrisisDocument(valid);
		expect(parsed).toEqual(valid);
		expect(parsed).not.toBe(valid);
	});

	it('warns about a short text longer than an X post and a scenario nothing can match', () => {
		const doc = defaultCrisisDocument() as unknown as Mutable;
		doc.scenarios[0].statements.holding.en.short = 'x'.repeat(300);
		doc.scenarios[6].cues = { fr: [], en: [] };
		const result = validateCrisisDocument(doc);
		expect(result.ok).toBe(true);
		expect(result.warnings.map((w) => w.message)).toEqual([
			'scenarios[0].statements.holding.en.short: is longer than an X post (300 > 280) before placeholders are filled; it will be truncated on X',
			'scenarios[6]: has no themes and no cues, so it can only be chosen by hand',
		]);
	});
});
