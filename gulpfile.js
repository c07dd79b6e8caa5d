// The asset step of the build: tsc compiles the code, this copies what n8n loads beside it
// (node and credential icons, codex .node.json files) into dist/ with the same layout.
const { src, dest, task } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

task('build:assets', copyAssets);
