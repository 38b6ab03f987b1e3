export const id = 872;
export const ids = [872];
export const modules = {

/***/ 60046:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ checkVersion),
  G: () => (/* binding */ getInputs)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var inputs = __webpack_require__(51662);
// EXTERNAL MODULE: ./src/lib/runner-temp.ts
var runner_temp = __webpack_require__(43940);
;// CONCATENATED MODULE: ./src/actions/build-dist-with-launcher/command-line.ts

/** Tokens that only mean something to a shell; commands here are never run through one. */
const SHELL_OPERATORS = new Set(['&&', '||', '|', ';', '>', '>>', '<', '&', '2>&1']);
/**
 * Splits a command input into an argv list, without a shell: words are separated by
 * whitespace; '…' keeps its content literally; "…" keeps it with `\"` and `\\` escapes; a
 * backslash outside quotes escapes the next character. An unclosed quote, an empty command or an
 * unquoted shell operator (`&&`, `|`, `;`, `>` …) is an error naming the input.
 */
function parseCommand(text, input) {
    // Several lines would be joined into one argv without a word: one command per input.
    const lines = text.trim().split(/\r?\n/);
    if (lines.length > 1) {
        throw new errors/* InputError */.dz(input, `holds ${lines.length} lines; give one command (put several steps in an npm script)`);
    }
    const argv = [];
    let word = '';
    let inWord = false;
    let quote;
    let operatorCandidate = true;
    // An unquoted ; | & < > inside a word: the user expected a shell.
    let shellSyntax = false;
    const finish = () => {
        if (!inWord)
            return;
        if (operatorCandidate && SHELL_OPERATORS.has(word)) {
            throw new errors/* InputError */.dz(input, `'${word}' is a shell operator; commands run without a shell, so give one command (put several steps in an npm script)`);
        }
        if (shellSyntax) {
            throw new errors/* InputError */.dz(input, `'${word}' holds shell syntax (; | & < >); commands run without a shell: quote the word if it is meant literally`);
        }
        argv.push(word);
        word = '';
        inWord = false;
        operatorCandidate = true;
        shellSyntax = false;
    };
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (quote === "'") {
            if (char === "'")
                quote = undefined;
            else
                word += char;
        }
        else if (quote === '"') {
            if (char === '"')
                quote = undefined;
            else if (char === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\'))
                word += text[++i];
            else
                word += char;
        }
        else if (/\s/.test(char)) {
            finish();
        }
        else if (char === "'" || char === '"') {
            quote = char;
            inWord = true;
            operatorCandidate = false;
        }
        else if (char === '\\' && i + 1 < text.length) {
            word += text[++i];
            inWord = true;
            operatorCandidate = false;
        }
        else {
            if (';|&<>'.includes(char))
                shellSyntax = true;
            word += char;
            inWord = true;
        }
    }
    if (quote)
        throw new errors/* InputError */.dz(input, `unclosed ${quote} quote in '${text}'`);
    finish();
    if (argv.length === 0)
        throw new errors/* InputError */.dz(input, 'is empty; give a command such as "npm ci"');
    return argv;
}

;// CONCATENATED MODULE: ./src/actions/build-dist-with-launcher/inputs.ts





const VERSION = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
/** Checks a version as it appears in a file name (`cloud-pipeline.<version>.tgz`). */
function checkVersion(version, input) {
    if (!VERSION.test(version)) {
        throw new errors/* InputError */.dz(input, `'${version}' is not a valid version (letters, digits, '.', '_', '+', '-'; no '/' or spaces)`);
    }
    return version;
}
/** Reads and checks the inputs of build-dist-with-launcher. */
function getInputs(source = inputs/* runnerInputs */.ax, env = process.env) {
    const read = new inputs/* InputReader */.i_(source);
    const given = read.string('build-output', 'build');
    const buildOutput = external_node_path_.posix.normalize(given.replace(/\\/g, '/')).replace(/\/+$/, '');
    // The folder is cleared before each build: it must never be the launcher folder or outside it.
    if (given.startsWith('/') || buildOutput === '.' || buildOutput.split('/').includes('..')) {
        throw new errors/* InputError */.dz('build-output', `'${given}' must be a sub-folder of the launcher source (relative, not '.', no '..')`);
    }
    const version = read.optional('version');
    return {
        launcherSource: read.string('launcher-source', 'quick-launcher'),
        distribution: read.optional('distribution'),
        installCommand: parseCommand(read.string('install-command', 'npm ci'), 'install-command'),
        buildCommand: parseCommand(read.string('build-command', 'npm run build'), 'build-command'),
        buildOutput,
        buildEnv: read.keyValues('build-env'),
        assets: read.optional('assets'),
        version: version === undefined ? undefined : checkVersion(version, 'version'),
        cache: read.boolean('cache', true),
        cacheDir: read.string('cache-dir', (0,runner_temp/* workFolder */.k)(env, 'build-cache')),
        outputDir: read.string('output-dir', (0,runner_temp/* workFolder */.k)(env, 'distribution')),
    };
}


/***/ }),

/***/ 872:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildDistStage: () => (/* binding */ buildDistStage),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _lib_stage_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85637);
/* harmony import */ var _tools_exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12122);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(60046);



/** build-dist-with-launcher as a stage: inputs -> build (or cache) -> archives -> outputs, summary. */
const buildDistStage = async ({ source, env, logger }) => {
    const inputs = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .getInputs */ .G)(source, env);
    // The build (tar, the caches) loads once the inputs are known to be good: a bad input fails fast.
    const [{ ActionsCache, LocalFolderCache }, { buildDistWithLauncher }, { outputsOf, resultLines, summaryMarkdown }] = await Promise.all([
        __webpack_require__.e(/* import() */ 470).then(__webpack_require__.bind(__webpack_require__, 96470)),
        Promise.all(/* import() */[__webpack_require__.e(697), __webpack_require__.e(763), __webpack_require__.e(648)]).then(__webpack_require__.bind(__webpack_require__, 70648)),
        __webpack_require__.e(/* import() */ 453).then(__webpack_require__.bind(__webpack_require__, 15453)),
    ]);
    let cache;
    if (inputs.cache) {
        cache = ActionsCache.available(env) ? new ActionsCache(logger) : new LocalFolderCache(inputs.cacheDir, logger);
    }
    const result = await buildDistWithLauncher(inputs, { run: _tools_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .execRunner */ .M6, logger, cache, env });
    for (const line of resultLines(result))
        logger.info(line);
    return { outputs: outputsOf(result), summary: summaryMarkdown(result) };
};
/** The step of the build-dist-with-launcher action. */
async function run() {
    await (0,_lib_stage_js__WEBPACK_IMPORTED_MODULE_0__/* .runStageAsStep */ .WZ)(buildDistStage);
}


/***/ }),

/***/ 43940:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ runnerTemp),
/* harmony export */   k: () => (/* binding */ workFolder)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** The runner's temp folder (emptied after each job), else the OS temp folder. */
function runnerTemp(env = process.env) {
    return env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir)();
}
/** `<runner temp>/quick-launcher/<name>`: the default place of an action's output or cache folder. */
function workFolder(env, name) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(runnerTemp(env), 'quick-launcher', name);
}


/***/ }),

/***/ 12122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M6: () => (/* binding */ execRunner),
/* harmony export */   aY: () => (/* binding */ findOnPath),
/* harmony export */   w$: () => (/* binding */ lastLines)
/* harmony export */ });
/* unused harmony export childEnvironment */
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75260);
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88701);


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
    });
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
};
/** The full path of `tool` on PATH, or undefined. */
async function findOnPath(tool) {
    const found = await _actions_io__WEBPACK_IMPORTED_MODULE_1__/* .which */ .K7(tool, false);
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
