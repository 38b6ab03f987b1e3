import { markdownTable } from '../../lib/markdown.js';
import type { AppConfigStorageChange } from './plan.js';
import type { FileChange } from './file-changes.js';
import type { ProvisionResult } from './provision/index.js';
import type { RolloutResult } from './rollout.js';

/** The action's outputs, as strings (SPEC §6 "Outputs"). */
export interface DeployOutputs {
  changed: string;
  plan: string;
  'content-digest': string;
  'users-created': string;
  'folders-created': string;
  'tools-registered': string;
  'rolled-back': string;
  /** https://<app launcher host, else the first launcher host>/ (for `environment.url`); '' without hosts. */
  url: string;
  /** The content digest the Edge served before this deploy; '' for a first deploy. */
  'previous-digest': string;
}

/** What the deploy learnt besides the rollout and provisioning results. */
export interface DeployFacts {
  /** Launcher hosts, the app launcher's first. */
  hosts?: string[];
  appConfigStorage?: AppConfigStorageChange;
  /** The files the deploy adds, changes or removes on the Edge. */
  files?: FileChange[];
}

/** Most files listed in the summary (the plan output lists them all). */
const SUMMARY_FILES = 200;

/** Whether and where `nginx -t` checked the new files, from how the Edge took them. */
function nginxTestNote(rollout: RolloutResult): string {
  if (!rollout.switch) return rollout.changed ? 'not run' : 'not needed: nothing changed on the Edge';
  if (rollout.switch.path === 'restart') return 'not run by the deploy: the restarted Edge checks its configuration as it starts';
  if (rollout.dryRun) return 'would run in each Edge container before the reload';
  if (rollout.nginxTest === 'passed') return 'passed in each Edge container before the reload';
  const reload = rollout.steps.find((step) => step.step === 'reload');
  return reload ? `failed or not reached: ${reload.result}` : 'not reached';
}

/** The URL of the launcher: its first host (execute.ts lists the app launcher's first). */
function launcherUrl(hosts: readonly string[] | undefined): string {
  return hosts && hosts.length > 0 ? `https://${hosts[0]}/` : '';
}

/** Most API calls listed in the plan output (a home-folder sync of every user can plan thousands). */
export const PLAN_API_CALLS = 1000;

/** The plan output: the API calls and the Kubernetes steps (made, or that a dry run would make). */
export function planDocument(rollout: RolloutResult, provision?: ProvisionResult, facts: DeployFacts = {}): object {
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

export function deployOutputs(rollout: RolloutResult, provision?: ProvisionResult, facts: DeployFacts = {}): DeployOutputs {
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

/** Summary tables: rows of cells, the first row the header. */
export interface SummaryTables {
  title: string;
  tables: Array<{ heading: string; rows: string[][] }>;
}

/** The job summary's content, built apart from core.summary so it can be tested. */
export function summaryTables(rollout: RolloutResult, provision: ProvisionResult | undefined, hosts: string[], facts: DeployFacts = {}): SummaryTables {
  const mode = rollout.dryRun ? ' (dry run: nothing was changed)' : '';
  const tables: SummaryTables['tables'] = [
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
    if (files.length > SUMMARY_FILES) listed.push(['…', `${files.length - SUMMARY_FILES} more (all in the plan output)`, '']);
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
export function summaryMarkdown(content: SummaryTables, diff?: string): string {
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
