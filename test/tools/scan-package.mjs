// Runs the scanner's analysis on the source and the packed package; see scan-package.sh.
const [scannerPath, sourceDir, packageDir, plantedDir] = process.argv.slice(2);
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(scannerPath);
const DIST_PATTERNS = ['**/*.js', 'package.json']; // what the scanner lints in a downloaded tarball

const legs = [
	['source (package.json, nodes/, credentials/)', await analyzePackage(sourceDir, SOURCE_FILE_PATTERNS)],
	['packed tarball (dist/**/*.js, package.json)', await analyzePackage(packageDir, DIST_PATTERNS)],
];
let failed = false;
for (const [name, result] of legs) {
	console.log(`[scan] ${name}: ${result.passed ? 'passed' : `FAILED: ${result.message}`}`);
	if (result.details) console.log(result.details);
	failed ||= !result.passed;
}
const planted = await analyzePackage(plantedDir, DIST_PATTERNS);
if (planted.passed || !String(planted.details).includes('no-restricted-globals')) {
	console.log('[scan] the planted setTimeout was not reported: the scanner checked nothing');
	failed = true;
} else {
	console.log('[scan] self-check: a planted setTimeout in the tarball is reported (no-restricted-globals)');
}
console.log(failed ? '[scan] the package fails n8n\'s scanner rules' : '[scan] the package passes n8n\'s scanner rules');
process.exit(failed ? 1 : 0);
