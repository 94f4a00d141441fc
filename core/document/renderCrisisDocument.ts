/**
 * Renders a crisis document as a readable Markdown page (the team's printable plan). Used by
 * scripts/render-crisis-document.js to keep docs/default-crisis-document.md in sync with the
 * JSON, and usable by a node to show a team its own document.
 */
import { PLAN_LEVELS, STATEMENT_KINDS } from './types';
import type { CrisisDocument, LocalizedText, Scenario, StepDefinition, StepEntry } from './types';

const LANGUAGE_NAMES: Record<string, string> = { fr: 'Français', en: 'English' };

function cell(text: string | number | undefined): string {
	return String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function quote(text: string): string {
	return text
		.split('\n')
		.map((l) => `> ${l}`)
		.join('\n');
}

export function renderCrisisDocument(document: CrisisDocument, options: { generatedNote?: string } = {}): string {
	const out: string[] = [
		...headerLines(document, options.generatedNote),
		...brandLines(document),
		...levelLines(document),
		...guidelineLines(document),
		...approvalLines(document),
		...contactLines(document),
		...stepLibraryLines(document),
		'## Scenarios',
		'',
		...document.scenarios.flatMap((s) => scenarioLines(document, s)),
		...placeholderLines(document),
		...reviewLines(document),
		...historyLines(document),
	];
	return out.join('\n');
}

/** A contact id as "Name (`id`)", or just the id when no contact has it. */
function contactName(document: CrisisDocument, id: string | undefined): string {
	if (!id) return '';
	const c = document.contacts.find((x) => x.id === id);
	return c ? `${c.name} (\`${id}\`)` : `\`${id}\``;
}

/** A localized text in every language of the document, joined with " / ". */
function localized(document: CrisisDocument, t: LocalizedText): string {
	return document.languages.map((l) => t[l]).filter(Boolean).join(' / ');
}

function headerLines(document: CrisisDocument, generatedNote: string | undefined): string[] {
	const langs = document.languages;
	return [
		`# Crisis document: ${document.brand.name} (version ${document.version})`,
		'',
		...(generatedNote ? [`> ${generatedNote}`, ''] : []),
		`- **Schema version:** ${document.schemaVersion}`,
		`- **Updated:** ${document.updatedAt} by ${document.updatedBy}`,
		`- **Time zone:** ${document.timeZone}`,
		`- **Languages:** ${langs.map((l) => `${LANGUAGE_NAMES[l] ?? l} (\`${l}\`)`).join(', ')}; default \`${document.defaultLanguage}\``,
		`- **Fallback scenario:** \`${document.fallbackScenarioId}\``,
		'',
	];
}

function brandLines(document: CrisisDocument): string[] {
	const b = document.brand;
	return [
		'## Brand and what we watch',
		'',
		`- **Name** (\`{brand}\` in statements): ${b.name}`,
		`- **Watch terms:** ${b.watchTerms.map((t) => `\`${t}\``).join(', ')}`,
		`- **Hashtags:** ${b.hashtags.map((t) => `#${t}`).join(', ') || 'none'}`,
		`- **Watched accounts:** ${b.watchedAccounts.map((t) => `\`${t}\``).join(', ') || 'none'}`,
		`- **Excluded terms:** ${b.excludeTerms.map((t) => `\`${t}\``).join(', ') || 'none'}`,
		`- **Our handles:** ${Object.entries(b.handles).map(([p, h]) => `${p}: \`${h}\``).join(', ') || 'none'}`,
		`- **Website:** ${b.websiteUrl} · **Support:** ${b.supportUrl} · **Status page:** ${b.statusPageUrl}`,
		'',
	];
}

function levelLines(document: CrisisDocument): string[] {
	const lv = document.levels;
	return [
		'## Levels and their thresholds',
		'',
		`Assessed over a ${lv.windowMinutes}-minute window against a ${lv.baselineDays}-day baseline; an author is influential from ${lv.influentialFollowers.toLocaleString('en-US')} followers. A level is reached when **every** criterion is met; below watch, the situation is calm.`,
		'',
		'| Level | Mentions ≥ | Volume ratio ≥ | Negative share ≥ | Influential negative authors ≥ | Negative reach ≥ |',
		'|---|---|---|---|---|---|',
		...PLAN_LEVELS.map((level) => {
			const t = lv.thresholds[level];
			return `| ${level} | ${t.minMentions} | ${t.minVolumeRatio} | ${Math.round(t.minNegativeShare * 100)}% | ${t.minInfluentialAuthors} | ${t.minNegativeReach.toLocaleString('en-US')} |`;
		}),
		'',
	];
}

function guidelineLines(document: CrisisDocument): string[] {
	const out = ['## Communication guidelines', ''];
	for (const l of document.languages) {
		out.push(`**${LANGUAGE_NAMES[l] ?? l}**`, '');
		for (const g of document.guidelines[l] ?? []) out.push(`- ${g}`);
		out.push('');
	}
	return out;
}

function approvalLines(document: CrisisDocument): string[] {
	const ap = document.approval;
	return [
		'## Approval',
		'',
		`Every statement is approved before it is posted. Approver: ${contactName(document, ap.approver)}; if there is no answer within ${ap.timeoutMinutes} minutes, the deputy: ${contactName(document, ap.deputy)}. Scenarios may set their own rule (below).`,
		'',
	];
}

function contactLines(document: CrisisDocument): string[] {
	return [
		'## Contacts',
		'',
		'| Id | Name | Role | E-mail | Phone | Deputy |',
		'|---|---|---|---|---|---|',
		...document.contacts.map(
			(c) => `| \`${c.id}\` | ${cell(c.name)} | ${cell(c.role)} | ${cell(c.email)} | ${cell(c.phone)} | ${c.deputy ? `\`${c.deputy}\`` : ''} |`,
		),
		'',
	];
}

function stepLibraryLines(document: CrisisDocument): string[] {
	return [
		'## Step library',
		'',
		'Steps scenarios refer to with `{"ref": "<id>"}`. Deadlines count from the plan that first lists the step.',
		'',
		'| Id | Action | Owner | Backup | Channel | Within | Automation |',
		'|---|---|---|---|---|---|---|',
		...Object.entries(document.steps).map(
			([id, s]) =>
				`| \`${id}\` | ${cell(localized(document, s.action))} | \`${s.owner}\` | ${s.backupOwner ? `\`${s.backupOwner}\`` : ''} | ${s.channel} | ${s.deadlineMinutes} min | ${s.operation ?? ''} |`,
		),
		'',
	];
}

/** One scenario: what it is, its levels and steps, key messages, statements. */
function scenarioLines(document: CrisisDocument, s: Scenario): string[] {
	const langs = document.languages;
	const out = [
		`### ${localized(document, s.name)} (\`${s.id}\`)`,
		'',
		localized(document, s.description),
		'',
		`- **Stance:** ${s.stance}`,
		`- **Themes:** ${s.themes.map((t) => `\`${t}\``).join(', ') || 'none'}`,
		...langs.map((l) => `- **Cues (${l}):** ${(s.cues[l] ?? []).map((c) => `“${c}”`).join(', ') || 'none'}`),
	];
	if (s.approval) out.push(`- **Approval:** ${contactName(document, s.approval.approver)}, deputy ${contactName(document, s.approval.deputy)}, within ${s.approval.timeoutMinutes} min`);
	out.push('', '| Level | Statement within | Pause publishing | Stance | Steps (owner, within) |', '|---|---|---|---|---|');
	for (const level of PLAN_LEVELS) {
		const def = s.levels[level];
		if (!def) continue;
		const steps = def.steps.map((e) => describeStep(document, e)).join('<br>');
		out.push(`| ${level} | ${def.deadlineMinutes} min | ${def.pausePublishing ? 'yes' : 'no'} | ${def.stance ?? s.stance} | ${steps} |`);
	}
	out.push('', 'Each level also includes the steps of the levels below it.', '');
	for (const l of langs) {
		out.push(`**Key messages (${l})**`, '');
		for (const m of s.keyMessages[l] ?? []) out.push(`- ${m}`);
		out.push('');
	}
	for (const kind of STATEMENT_KINDS) {
		const t = s.statements[kind];
		if (!t) continue;
		for (const l of langs) {
			const v = t[l];
			if (!v) continue;
			out.push(`**${kind[0].toUpperCase()}${kind.slice(1)} statement (${l})**`, '', quote(v.text), '');
			if (v.short) out.push(`Short version:`, '', quote(v.short), '');
		}
	}
	return out;
}

function placeholderLines(document: CrisisDocument): string[] {
	return [
		'## Custom placeholders',
		'',
		'Built in: `{brand}`, `{scenario}`, `{websiteUrl}`, `{supportUrl}`, `{statusPageUrl}`, `{date}`, `{time}`, `{nextUpdateTime}`, and `{handle}` in replies.',
		'',
		'| Placeholder | What to put in it | Fallback |',
		'|---|---|---|',
		...document.placeholders.map((p) => `| \`{${p.name}}\` | ${cell(p.description)} | ${cell(localized(document, p.fallback))} |`),
		'',
		`\`{nextUpdateTime}\` is ${document.statementSettings.nextUpdateMinutes} minutes after the draft, rounded up to 5 minutes.`,
		'',
	];
}

function reviewLines(document: CrisisDocument): string[] {
	const r = document.review;
	return [
		'## After the crisis (review settings)',
		'',
		`- An alert is late when it comes more than ${r.lateAlertMinutes} min after the mentions reached the alert volume.`,
		`- A hashtag is proposed as a watch term from ${r.unwatchedTermMinMentions} incident mentions and ${Math.round(r.unwatchedTermMinShare * 100)}% of them.`,
		`- Thresholds of a level rise after ${r.falseAlarmsBeforeRaise} false alarms; thresholds move by ${Math.round(r.thresholdStep * 100)}% at a time.`,
		'',
	];
}

function historyLines(document: CrisisDocument): string[] {
	const out = ['## History', ''];
	for (const h of document.history) {
		out.push(`- **v${h.version}** (${h.updatedAt}, ${h.updatedBy}): ${h.summary}`);
		for (const c of h.changes ?? []) out.push(`  - \`${c.path}\`: ${c.reason}`);
	}
	out.push('');
	return out;
}

function describeStep(document: CrisisDocument, entry: StepEntry): string {
	const id = 'ref' in entry ? entry.ref : entry.id;
	const base: Partial<StepDefinition> = 'ref' in entry ? document.steps[entry.ref] ?? {} : entry;
	const owner = entry.owner ?? base.owner;
	const minutes = entry.deadlineMinutes ?? base.deadlineMinutes;
	return `\`${id}\` (${owner}, ${minutes} min)`;
}
