export const id = 0;
export const ids = [0];
export const modules = {

/***/ 3000:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PLAN_API_CALLS: () => (/* binding */ PLAN_API_CALLS),
  deployOutputs: () => (/* binding */ deployOutputs),
  planDocument: () => (/* binding */ planDocument),
  summaryMarkdown: () => (/* binding */ summaryMarkdown),
  summaryTables: () => (/* binding */ summaryTables)
});

;// CONCATENATED MODULE: ./src/lib/markdown.ts
/** A Markdown table; cells are escaped for pipes and line breaks. */
function markdownTable(header, rows) {
    const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.map(cell).join(' | ')} |`).join('\n');
}

;// CONCATENATED MODULE: ./src/actions/deploy-quick-launcher/summary.ts

/** Most files listed in the summary (the plan output lists them all). */
const SUMMARY_FILES = 200;
/** Whether and where `nginx -t` checked the new files, from how the Edge took them. */
function nginxTestNote(rollout) {
    if (!rollout.switch)
        return rollout.changed ? 'not run' : 'not needed: nothing changed on the Edge';
    if (rollout.switch.path === 'restart')
        return 'not run by the deploy: the restarted Edge checks its configuration as it starts';
    if (rollout.dryRun)
        return 'would run in each Edge container before the reload';
    if (rollout.nginxTest === 'passed')
        return 'passed in each Edge container before the reload';
    const reload = rollout.steps.find((step) => step.step === 'reload');
    return reload ? `failed or not reached: ${reload.result}` : 'not reached';
}
/** The URL of the launcher: its first host (execute.ts lists the app launcher's first). */
function launcherUrl(hosts) {
    return hosts && hosts.length > 0 ? `https://${hosts[0]}/` : '';
}
/** Most API calls listed in the plan output (a home-folder sync of every user can plan thousands). */
const PLAN_API_CALLS = 1000;
/** The plan output: the API calls and the Kubernetes steps (made, or that a dry run would make). */
function planDocument(rollout, provision, facts = {}) {
    const calls = provision?.plan ?? [];
    return {
        dryRun: rollout.dryRun,
        api: calls.slice(0, PLAN_API_CALLS),
        ...(calls.length > PLAN_API_CALLS ? { apiCallsNotListed: calls.length - PLAN_API_CALLS } : {}),
        ...(provision?.siteWide ? { siteWide: provision.siteWide } : {}),
        ...(facts.appConfigStorage ? { settings: { appConfigStorage: facts.appConfigStorage.note } } : {}),
        ...(facts.files ? { files: facts.files } : {}),
        kubernetes: { contentDigest: rollout.digest, previousDigest: rollout.previousDigest ?? null, objects: rollout.objects, steps: rollout.steps, ...(rollout.changes ? { changes: rollout.changes } : {}), ...(rollout.diff ? { diff: rollout.diff } : {}) },
    };
}
function deployOutputs(rollout, provision, facts = {}) {
    const counts = provision?.counts;
    return {
        changed: String(rollout.changed || (provision?.changed ?? false)),
        plan: JSON.stringify(planDocument(rollout, provision, facts)),
        'content-digest': rollout.digest,
        'users-created': String(counts?.usersCreated ?? 0),
        'folders-created': String(counts?.foldersCreated ?? 0),
        'tools-registered': String(counts?.toolsRegistered ?? 0),
        'rolled-back': String(rollout.rolledBack),
        url: launcherUrl(facts.hosts),
        'previous-digest': rollout.previousDigest ?? '',
    };
}
/** The job summary's content, built apart from core.summary so it can be tested. */
function summaryTables(rollout, provision, hosts, facts = {}) {
    const mode = rollout.dryRun ? ' (dry run: nothing was changed)' : '';
    const tables = [
        {
            heading: 'Result',
            rows: [
                ['Item', 'Value'],
                ['Changed', String(rollout.changed || (provision?.changed ?? false))],
                ['Content digest', rollout.digest],
                ['Previous digest', rollout.previousDigest ?? 'none'],
                ['Rolled back', String(rollout.rolledBack)],
                ['Edge update', rollout.switch ? `${rollout.switch.path}: ${rollout.switch.reason}` : 'none'],
                ['nginx -t', nginxTestNote(rollout)],
                ['Launcher hosts', hosts.map((host) => `[${host}](https://${host}/)`).join(', ') || 'none'],
                ...(facts.appConfigStorage ? [['App launcher storage', facts.appConfigStorage.note]] : []),
            ],
        },
        { heading: 'Edge rollout', rows: [['Step', 'Result'], ...rollout.steps.map((step) => [step.step, step.result])] },
    ];
    const files = facts.files ?? [];
    if (files.length > 0) {
        const listed = files.slice(0, SUMMARY_FILES).map((file) => [file.change, file.path, String(file.size)]);
        if (files.length > SUMMARY_FILES)
            listed.push(['…', `${files.length - SUMMARY_FILES} more (all in the plan output)`, '']);
        tables.push({ heading: rollout.dryRun ? 'Files (would change)' : 'Files', rows: [['Change', 'Path', 'Bytes'], ...listed] });
    }
    if (provision) {
        const counts = provision.counts;
        tables.push({
            heading: 'Cloud Pipeline',
            rows: [
                ['What', rollout.dryRun ? 'Would change' : 'Changed'],
                ['Preferences set', String(counts.preferencesSet)],
                ['Users created', String(counts.usersCreated)],
                ['Users updated', String(counts.usersUpdated)],
                ['Home storages created', String(counts.storagesCreated)],
                ['Folders created', String(counts.foldersCreated)],
                ['Tools registered', String(counts.toolsRegistered)],
                ['Tools updated', String(counts.toolsUpdated)],
                ['Mutating API calls', String(counts.mutatingCalls)],
            ],
        });
        if (provision.siteWide) {
            tables.push({ heading: rollout.dryRun ? 'Site-wide changes (would be made)' : 'Site-wide changes', rows: [['Change'], ...provision.siteWide.map((note) => [note])] });
        }
        if (provision.plan.length > 0) {
            tables.push({ heading: 'API plan', rows: [['Phase', 'Call', 'What'], ...provision.plan.slice(0, 200).map((call) => [call.phase, `${call.method} ${call.path}`, call.summary])] });
        }
    }
    return { title: `Quick Launcher deploy${mode}`, tables };
}
/** The summary as Markdown; the kubectl diff of a dry run folded under its own heading. */
function summaryMarkdown(content, diff) {
    const parts = [`### ${content.title}`, ''];
    for (const table of content.tables) {
        const [header, ...rows] = table.rows;
        parts.push(`#### ${table.heading}`, '', markdownTable(header, rows), '');
    }
    if (diff) {
        const escaped = diff.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        parts.push('<details><summary>kubectl diff</summary>', '', `<pre>${escaped}</pre>`, '', '</details>', '');
    }
    return parts.join('\n');
}


/***/ })

};
