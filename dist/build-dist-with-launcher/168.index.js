export const id = 168;
export const ids = [168];
export const modules = {

/***/ 8168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkBuildOutput: () => (/* binding */ checkBuildOutput),
/* harmony export */   checkLauncherSource: () => (/* binding */ checkLauncherSource),
/* harmony export */   prepareAssets: () => (/* binding */ prepareAssets),
/* harmony export */   runBuild: () => (/* binding */ runBuild)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7268);
/* harmony import */ var _tools_exec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2122);




/** The images the upstream launcher build needs in `assets/` (reference §1.1). */
const REQUIRED_ASSETS = ['background.png', 'favicon.png', 'logo.png'];
async function isFile(path) {
    return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).catch(() => undefined))?.isFile() ?? false;
}
/** Checks the launcher folder: it must exist and hold a package.json. */
async function checkLauncherSource(dir) {
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(dir).catch((error) => {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('launcher-source', `${dir} does not exist or cannot be read (${(0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorCode */ .CA)(error) ?? (0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)})`);
    });
    if (!info.isDirectory())
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('launcher-source', `${dir} is not a folder`);
    if (!(await isFile((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'package.json')))) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('launcher-source', `${dir} has no package.json; point it at the quick-launcher folder`);
    }
}
/**
 * Names any required asset found neither in the `assets` input folder nor in the launcher's own
 * `assets/`, before anything runs; then copies the given assets into the launcher's `assets/`.
 */
async function prepareAssets(launcherDir, assetsDir, logger) {
    if (assetsDir !== undefined) {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(assetsDir).catch(() => undefined);
        if (!info?.isDirectory())
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('assets', `${assetsDir} is not a folder`);
    }
    const missing = [];
    for (const name of REQUIRED_ASSETS) {
        const given = assetsDir !== undefined && (await isFile((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(assetsDir, name)));
        if (!given && !(await isFile((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(launcherDir, 'assets', name))))
            missing.push(name);
    }
    if (missing.length > 0) {
        const where = assetsDir === undefined ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(launcherDir, 'assets') : `${assetsDir} or ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(launcherDir, 'assets')}`;
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('assets', `the launcher build needs ${missing.join(', ')}, not found in ${where}`);
    }
    // Nothing to copy when the assets input is the launcher's own assets folder.
    if (assetsDir === undefined || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(assetsDir) === (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(launcherDir, 'assets'))
        return;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(launcherDir, 'assets'), { recursive: true });
    for (const name of REQUIRED_ASSETS) {
        if (await isFile((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(assetsDir, name))) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.copyFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(assetsDir, name), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(launcherDir, 'assets', name));
            logger.info(`asset ${name} copied from ${assetsDir}`);
        }
    }
}
/**
 * Runs the install and build commands in the launcher folder with `variables` over the process
 * environment, each in a log group, after clearing the build output (the upstream webpack build
 * leaves stale files there). A failing command is an error with its exit code and last lines;
 * a build without `index.html` is an error.
 */
async function runBuild(options) {
    const { launcherDir, logger } = options;
    const outputDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(launcherDir, options.buildOutput);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(outputDir, { recursive: true, force: true });
    const env = {};
    for (const [key, value] of Object.entries(options.env ?? process.env))
        if (value !== undefined)
            env[key] = value;
    Object.assign(env, options.variables);
    for (const step of options.steps) {
        const [command, ...args] = step.argv;
        const shown = step.argv.join(' ');
        const result = await logger.group(`${step.input}: ${shown}`, async () => {
            try {
                return await options.run(command, args, { cwd: launcherDir, env, echo: true });
            }
            catch (error) {
                // @actions/exec throws when the program is not found at all.
                throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(step.input, `'${shown}' could not start: ${(0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
            }
        });
        if (result.exitCode !== 0) {
            const tail = (0,_tools_exec_js__WEBPACK_IMPORTED_MODULE_3__/* .lastLines */ .w$)(`${result.stdout}\n${result.stderr}`, 15);
            // The command ran and failed: a build error (its output says why), named by its input.
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .BuildError */ .zS(`Input '${step.input}': '${shown}' failed with exit code ${result.exitCode}${tail ? `; last output:\n${tail}` : ''}`);
        }
    }
    await checkBuildOutput(outputDir, 'build-output');
}
/** A build output must hold index.html. */
async function checkBuildOutput(outputDir, input) {
    const index = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(outputDir, 'index.html')).catch(() => undefined);
    if (!index?.isFile()) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `the build left no index.html in ${outputDir}; check build-command and build-output`);
    }
}


/***/ }),

/***/ 2122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M6: () => (/* binding */ execRunner),
/* harmony export */   w$: () => (/* binding */ lastLines)
/* harmony export */ });
/* unused harmony exports childEnvironment, findOnPath */
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7187);
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8701);


/**
 * What a child process never sees: the step's inputs (INPUT_*: kubeconfig, API token), the post
 * step's state (STATE_*), the runner's own tokens and service URLs, and the command files through
 * which a step sets outputs, environment or PATH for later steps. An npm install script, a
 * kubeconfig `exec:` plugin or a Dockerfile's build has no business with any of them.
 */
const WITHHELD = [
    /^INPUT_/i,
    /^STATE_/i,
    /^ACTIONS_(RUNTIME_TOKEN|RUNTIME_URL|ID_TOKEN_REQUEST_TOKEN|ID_TOKEN_REQUEST_URL|CACHE_URL|RESULTS_URL|CACHE_SERVICE_V2)$/i,
    /^GITHUB_(TOKEN|OUTPUT|STATE|ENV|PATH|STEP_SUMMARY)$/i,
];
/** The environment a child process gets: `base` (default: this process's) without what is withheld. */
function childEnvironment(base = process.env) {
    const env = {};
    for (const [key, value] of Object.entries(base)) {
        if (value !== undefined && !WITHHELD.some((pattern) => pattern.test(key)))
            env[key] = value;
    }
    return env;
}
/** The CommandRunner of the actions: @actions/exec, exit codes returned rather than thrown. */
const execRunner = async (command, args, options = {}) => {
    const result = await _actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H(command, [...args], {
        cwd: options.cwd,
        env: childEnvironment(options.env ?? process.env),
        input: options.input,
        silent: !options.echo,
        ignoreReturnCode: true,
        ...(options.onOutput ? { listeners: { stdout: (data) => options.onOutput?.(data.toString()), stderr: (data) => options.onOutput?.(data.toString()) } } : {}),
    });
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
};
/** The full path of `tool` on PATH, or undefined. */
async function findOnPath(tool) {
    const found = await io.which(tool, false);
    return found === '' ? undefined : found;
}
/** The last `count` non-empty lines of a command's output, for error messages. */
function lastLines(text, count) {
    return text
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .slice(-count)
        .join('\n');
}


/***/ })

};
