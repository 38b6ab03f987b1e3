export const id = 954;
export const ids = [954];
export const modules = {

/***/ 7954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TOOLS_KIND: () => (/* binding */ TOOLS_KIND),
/* harmony export */   TOOLS_MANIFEST_FILE: () => (/* binding */ TOOLS_MANIFEST_FILE),
/* harmony export */   summaryRows: () => (/* binding */ summaryRows),
/* harmony export */   toolsFolderFiles: () => (/* binding */ toolsFolderFiles)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** The kind of the output folder (SPEC §2) that holds tools-manifest.json. */
const TOOLS_KIND = 'tools';
const TOOLS_MANIFEST_FILE = 'tools-manifest.json';
/** The file stem of a variant's icon/readme: the tool, or tool--<spec folder> for a per-variant spec. */
function assetStem(result) {
    const { variant } = result.planned;
    const specDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(variant.specFile);
    return specDir === variant.context ? variant.tool : `${variant.tool}--${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(specDir)}`;
}
/** Builds the tools manifest and every file of the output folder (icons, readmes, the manifest). */
async function toolsFolderFiles(results, header) {
    const files = new Map();
    const tools = [];
    for (const result of results) {
        const { variant, contentTag } = result.planned;
        const stem = assetStem(result);
        const entry = {
            tool: variant.tool,
            variant: variant.name,
            image: variant.image,
            ref: result.ref,
            tags: result.tags,
            ...(result.state === 'fallback' ? {} : { contentTag }),
            digest: result.digest,
            state: result.state,
            ...(result.defaultImage ? { defaultImage: result.defaultImage } : {}),
            ...(result.reason ? { reason: result.reason } : {}),
            spec: variant.spec,
            metadata: { ...(variant.spec.metadata ?? {}) },
        };
        if (variant.icon) {
            entry.icon = `icons/${stem}.png`;
            files.set(entry.icon, { path: entry.icon, content: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(variant.icon) });
        }
        if (variant.readme) {
            entry.readme = `readme/${stem}.md`;
            files.set(entry.readme, { path: entry.readme, content: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(variant.readme) });
        }
        tools.push(entry);
    }
    const manifest = { schema: 1, registry: header.registry, version: header.version, tools };
    files.set(TOOLS_MANIFEST_FILE, { path: TOOLS_MANIFEST_FILE, content: `${JSON.stringify(manifest, null, 2)}\n` });
    return { manifest, files: [...files.values()] };
}
/** Rows of the job summary table, header first. */
function summaryRows(manifest) {
    const rows = [['Variant', 'State', 'Image', 'Tags', 'Digest']];
    for (const tool of manifest.tools) {
        const state = tool.state === 'fallback' ? `⚠️ fallback (${tool.reason ?? ''})` : tool.state;
        rows.push([tool.variant, state, tool.ref, tool.tags.join(', '), tool.digest ? tool.digest.slice(0, 19) : '-']);
    }
    return rows;
}


/***/ })

};
