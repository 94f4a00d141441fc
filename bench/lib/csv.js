'use strict';
/**
 * A small RFC 4180 CSV parser: quoted fields, doubled quotes, newlines inside quotes,
 * CRLF or LF line ends. Every value stays a string (tweet ids exceed 2^53).
 */
function parseCsv(text) {
	// Fields are cut with slice() (flat strings, like JSON.parse gives n8n), not built char by char.
	const rows = [];
	let row = [];
	const n = text.length;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	while (i <= n) {
		let field;
		if (text[i] === '"') {
			const parts = [];
			let start = i + 1;
			let j = start;
			for (;;) {
				const q = text.indexOf('"', j);
				if (q === -1) {
					parts.push(text.slice(start));
					j = n;
					break;
				}
				if (text[q + 1] === '"') {
					parts.push(text.slice(start, q + 1));
					start = q + 2;
					j = q + 2;
					continue;
				}
				parts.push(text.slice(start, q));
				j = q + 1;
				break;
			}
			field = parts.length === 1 ? parts[0] : parts.join('');
			i = j;
			// Skip anything up to the separator (malformed input).
			while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
		} else {
			let j = i;
			while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
			field = text.slice(i, j);
			i = j;
		}
		row.push(field);
		if (i >= n) {
			rows.push(row);
			break;
		}
		if (text[i] === ',') {
			i++;
			continue;
		}
		// End of line.
		rows.push(row);
		row = [];
		if (text[i] === '\r' && text[i + 1] === '\n') i++;
		i++;
		if (i >= n) break;
	}
	return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Parses a CSV with a header line into objects keyed by column name. */
function parseCsvObjects(text) {
	const rows = parseCsv(text);
	const header = rows[0] || [];
	return rows.slice(1).map((r) => {
		const o = {};
		header.forEach((h, k) => {
			o[h] = r[k] === undefined ? '' : r[k];
		});
		return o;
	});
}

module.exports = { parseCsv, parseCsvObjects };
