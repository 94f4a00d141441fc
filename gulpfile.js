// Copies what tsc does not: icons, codex JSON next to nodes, sample data and the shipped template workflows.
const { src, dest, series } = require('gulp');

function icons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

function codex() {
	return src(['nodes/**/*.node.json'], { base: '.' }).pipe(dest('dist'));
}

function templates() {
	return src(['workflows/**/*.json', 'workflows/**/*.md'], { base: '.' }).pipe(dest('dist'));
}

exports.build = series(icons, codex, templates);
exports.default = exports.build;
