import type { INodePropertyOptions } from 'n8n-workflow';

/** A subtitle listing the human names of a multi-options parameter's values ("Hacker News, Reddit"). */
export function listSubtitle(parameter: string, options: INodePropertyOptions[]): string {
	const names: Record<string, string> = {};
	for (const o of options) names[String(o.value)] = o.name;
	return `={{ ($parameter[${JSON.stringify(parameter)}] || []).map((v) => (${JSON.stringify(names)}[v] || v)).join(", ") }}`;
}
