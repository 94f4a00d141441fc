'use strict';
/**
 * A small RFC 4180 CSV parser: quoted fields, doubled quotes, newlines inside quotes,
 * CRLF or LF line ends. Every value stays a string (tweet ids exceed 2^53).
 */
function parseCsv(text) {
	const rows = [];
	let row = [];
	let field = '';
	let inQuotes = false;
	let i = 0;
	const n = text.length;
	if (text.charCodeAt(0) === 0xfeff) i = 1;
	while (i < n) {
		const c = text[i];
		if (inQuotes) {
			if (c === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i += 2;
					continue;
				}
				inQuotes = false;
				i++;
				continue;
			}
			field += c;
			i++;
			continue;
		}
		if (c === '"' && field === '') {
			inQuotes = true;
			i++;
		} else if (c === ',') {
			row.push(field);
			field = '';
			i++;
		} else if (c === '\n' || c === '\r') {
			row.push(field);
			field = '';
			rows.push(row);
			row = [];
			if (c === '\r' && text[i + 1] === '\n') i++;
			i++;
		} else {
			field += c;
			i++;
		}
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
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
