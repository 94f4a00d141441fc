/**
 * Checks a workflow node's parameters against its n8n description, the way the editor and the
 * engine read them: every key names a property that is displayed for the node's resource /
 * operation / version, fixed option values are among the options, collections and fixed
 * collections hold only their own fields, and the engine's own check (getNodeParametersIssues,
 * the one `n8n execute` runs before starting) finds no missing required parameter.
 * Expressions ("=…") are not evaluated; option lists loaded from the service are not checked.
 */
const { NodeHelpers } = require('n8n-workflow');

function isExpression(v) {
	return typeof v === 'string' && v.startsWith('=');
}

function validateValue(prop, value, where, problems) {
	if (value === undefined || value === null || isExpression(value)) return;
	const loads = prop.typeOptions && (prop.typeOptions.loadOptionsMethod || prop.typeOptions.loadOptions);
	switch (prop.type) {
		case 'options': {
			if (loads || !Array.isArray(prop.options)) return;
			const allowed = prop.options.map((o) => o.value);
			if (!allowed.includes(value)) problems.push(`${where}: "${value}" is not one of ${allowed.join('|')}`);
			return;
		}
		case 'multiOptions': {
			if (loads || !Array.isArray(prop.options)) return;
			if (!Array.isArray(value)) return problems.push(`${where}: expected a list`);
			const allowed = prop.options.map((o) => o.value);
			for (const v of value) if (!isExpression(v) && !allowed.includes(v)) problems.push(`${where}: "${v}" is not one of ${allowed.join('|')}`);
			return;
		}
		case 'boolean':
			if (typeof value !== 'boolean') problems.push(`${where}: expected a boolean, got ${JSON.stringify(value)}`);
			return;
		case 'number':
			if (typeof value !== 'number') problems.push(`${where}: expected a number, got ${JSON.stringify(value)}`);
			return;
		case 'collection': {
			if (typeof value !== 'object' || Array.isArray(value)) return problems.push(`${where}: expected an object`);
			const fields = prop.options || [];
			for (const [k, v] of Object.entries(value)) {
				const candidates = fields.filter((f) => f.name === k);
				if (!candidates.length) {
					problems.push(`${where}.${k}: no such field (fields: ${fields.map((f) => f.name).join(', ')})`);
					continue;
				}
				const errs = candidates.map(() => []);
				candidates.forEach((c, i) => validateValue(c, v, `${where}.${k}`, errs[i]));
				if (errs.every((e) => e.length)) problems.push(...errs[0]);
			}
			return;
		}
		case 'fixedCollection': {
			if (typeof value !== 'object' || Array.isArray(value)) return problems.push(`${where}: expected an object`);
			const groups = prop.options || [];
			for (const [groupName, groupValue] of Object.entries(value)) {
				const group = groups.find((g) => g.name === groupName);
				if (!group) {
					problems.push(`${where}.${groupName}: no such group (groups: ${groups.map((g) => g.name).join(', ')})`);
					continue;
				}
				const entries = Array.isArray(groupValue) ? groupValue : [groupValue];
				if (prop.typeOptions && prop.typeOptions.multipleValues && !Array.isArray(groupValue)) {
					problems.push(`${where}.${groupName}: expected a list (multiple values)`);
				}
				entries.forEach((entry, i) => {
					if (!entry || typeof entry !== 'object') return;
					for (const [k, v] of Object.entries(entry)) {
						const candidates = group.values.filter((f) => f.name === k);
						if (!candidates.length) {
							problems.push(`${where}.${groupName}[${i}].${k}: no such field (fields: ${[...new Set(group.values.map((f) => f.name))].join(', ')})`);
							continue;
						}
						const errs = candidates.map(() => []);
						candidates.forEach((c, j) => validateValue(c, v, `${where}.${groupName}[${i}].${k}`, errs[j]));
						if (errs.every((e) => e.length)) problems.push(...errs[0]);
					}
				});
			}
			return;
		}
		case 'resourceLocator': {
			if (typeof value !== 'object' || !value.__rl) return problems.push(`${where}: expected a resource locator ({ __rl, mode, value })`);
			const modes = (prop.modes || []).map((m) => m.name);
			if (modes.length && !modes.includes(value.mode)) problems.push(`${where}: mode "${value.mode}" is not one of ${modes.join('|')}`);
			return;
		}
		default:
	}
}

/** Returns a list of problems (empty when the node's parameters are valid for its description). */
function validateNodeParameters(node, description) {
	const problems = [];
	const params = node.parameters || {};
	const nodeLike = { ...node, typeVersion: node.typeVersion, parameters: params };
	// Display conditions are judged on the values the editor sees: the saved ones plus defaults.
	const shownValues = NodeHelpers.getNodeParameters(description.properties, params, true, false, nodeLike, description) || params;
	for (const [key, value] of Object.entries(params)) {
		const candidates = description.properties.filter((p) => p.name === key);
		if (!candidates.length) {
			problems.push(`parameter "${key}" does not exist`);
			continue;
		}
		const shown = candidates.filter((p) => NodeHelpers.displayParameter(shownValues, p, { ...nodeLike, parameters: shownValues }, description));
		if (!shown.length) {
			problems.push(`parameter "${key}" is not shown for these settings (resource/operation/version): it would be dropped`);
			continue;
		}
		const errs = shown.map(() => []);
		shown.forEach((p, i) => validateValue(p, value, key, errs[i]));
		if (errs.every((e) => e.length)) problems.push(...errs[0]);
	}
	// The engine's own pre-run check, on the parameters as the Workflow constructor completes them.
	const full = NodeHelpers.getNodeParameters(description.properties, params, false, false, nodeLike, description);
	const issues = NodeHelpers.getNodeParametersIssues(description.properties, { ...nodeLike, parameters: full || {} }, description);
	if (issues && issues.parameters) {
		for (const [k, v] of Object.entries(issues.parameters)) problems.push(`engine issue on "${k}": ${v.join('; ')}`);
	}
	return problems;
}

module.exports = { validateNodeParameters };
