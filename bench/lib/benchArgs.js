'use strict';
/** Minimal `--flag value` / `--switch` parser for the bench scripts. */
function parseBenchArgs(argv, defaults) {
	const out = { ...defaults };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) continue;
		const key = a.slice(2).replace(/-([a-z])/g, (_, ch) => ch.toUpperCase());
		const next = argv[i + 1];
		if (next === undefined || next.startsWith('--')) {
			out[key] = true;
		} else {
			out[key] = next;
			i++;
		}
	}
	return out;
}
module.exports = { parseBenchArgs };
