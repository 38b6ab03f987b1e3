export const id = 453;
export const ids = [453];
export const modules = {

/***/ 5453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   outputsOf: () => (/* binding */ outputsOf),
/* harmony export */   resultLines: () => (/* binding */ resultLines),
/* harmony export */   summaryMarkdown: () => (/* binding */ summaryMarkdown)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/** The job summary of a run, as Markdown: the files written and their digests. */
function summaryMarkdown(result) {
    const lines = [
        `### Quick Launcher distribution ${result.version}`,
        '',
        `Launcher build: ${result.cacheHit ? 'restored from the cache (install and build skipped)' : 'built'}.`,
        result.launcherOnly
            ? 'No input distribution was given: the distribution holds only the launcher (`quick-launcher/`).'
            : 'The launcher was added to the given distribution under `quick-launcher/`.',
        `Every archive entry carries mtime ${result.mtime} (${new Date(result.mtime * 1000).toISOString()}).`,
        '',
        '| file | size | sha256 |',
        '|---|---|---|',
        ...result.manifest.files.map((file) => `| \`${file.path}\` | ${file.size} | \`${file.sha256}\` |`),
        '',
        `Output folder: \`${result.outputDir}\` (pass it to render-edge-config's \`distribution\` input).`,
    ];
    return `${lines.join('\n')}\n`;
}
/** The step outputs, named as in action.yml. */
function outputsOf(result) {
    return {
        distribution: result.distribution,
        'launcher-archive': result.launcherArchive,
        version: result.version,
        'distribution-sha256': result.distributionSha256,
        'launcher-sha256': result.launcherSha256,
        'cache-hit': String(result.cacheHit),
        'output-dir': result.outputDir,
    };
}
/** One log line per archive. */
function resultLines(result) {
    return [
        `${(0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(result.distribution)} sha256:${result.distributionSha256}`,
        `${(0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(result.launcherArchive)} sha256:${result.launcherSha256}`,
    ];
}


/***/ })

};
