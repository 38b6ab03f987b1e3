import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createCloudPipelineClient } from '../../cloud-pipeline/index.js';
import type { Logger } from '../../lib/logger.js';
import type { CommandRunner } from '../../tools/exec.js';
import { Kubectl } from '../../tools/kubectl.js';
import { storageInSettings } from './app-config-storage.js';
import { collectPayloadFiles, placeholderStorageHosts } from './collect.js';
import { guarded, readEdge } from './edge.js';
import type { Inputs } from './inputs.js';
import { DEFAULT_KEEP_BACKUPS, renderInstaller } from './installer.js';
import { resolveKubectl } from './kubectl-binary.js';
import { kubeconfigDir, kubeconfigSource, parseKubeconfig, removeKubeconfig, writeKubeconfig } from './kubeconfig.js';
import type { FileChange } from './file-changes.js';
import { readLivePayload, tokenInSettings } from './live-token.js';
import { DEFAULT_PAYLOAD_LIMITS, packPayload, type PayloadLimits } from './payload.js';
import { checkPermissions } from './permissions.js';
import { OBJECT_PREFIX, changingFiles, checksPermissions, hostsOf, planSettings, rolloutSettings, serviceUserOf, type AppConfigStorageChange } from './plan.js';
import { provision, readToolsManifest, type ProvisionResult } from './provision/index.js';
import { RolloutError, rollout, type RolloutResult } from './rollout.js';
import { smokeCheck } from './smoke.js';
import { STATE_CACHE_DIR, STATE_KUBECONFIG } from './state.js';

export { RolloutError } from './rollout.js';

/** What the deploy needs from its surroundings; run.ts gives the runner's, tests their own. */
export interface DeployDependencies {
  logger: Logger;
  runner: CommandRunner;
  env: NodeJS.ProcessEnv;
  /** Masks a value in the log (core.setSecret). */
  setSecret(value: string): void;
  /** Remembers a value for the post step (core.saveState). */
  saveState(name: string, value: string): void;
  /** Identifies this deploy in the Lease (run id, workflow). */
  holder: string;
  pollMs?: number;
  /** Payload limits (default DEFAULT_PAYLOAD_LIMITS). */
  limits?: PayloadLimits;
  /** How long the smoke check waits for the Edge (default 60 s). */
  smokeWaitSeconds?: number;
}

export interface DeployResult {
  rollout: RolloutResult;
  provision?: ProvisionResult;
  /** Hosts of the launchers (settings keys). */
  hosts: string[];
  /** The app launcher's `appConfigStorage` written in place of `user_default_storage` (absent when the settings hold none). */
  appConfigStorage?: AppConfigStorageChange;
  /** The files this deploy adds, changes or removes on the Edge (or would, in a dry run). */
  files: FileChange[];
}

/**
 * A rollout that failed after provisioning: the rollout's result (rolled back or not) and what the
 * deploy did before it, so the outputs and the summary keep the provisioning counts.
 */
export class DeployRolloutError extends RolloutError {
  constructor(
    cause: RolloutError,
    readonly deploy: Omit<DeployResult, 'rollout'>,
  ) {
    super(cause.message, cause.result);
    this.stack = cause.stack;
  }
}

/** Runs the rollout; a RolloutError comes back carrying what the deploy did before it. */
async function rolloutKeeping(done: Omit<DeployResult, 'rollout'>, run: () => Promise<RolloutResult>): Promise<RolloutResult> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof RolloutError ? new DeployRolloutError(error, done) : error;
  }
}

/**
 * The whole deploy: kubeconfig (masked, 0600, removed at the end and by the post step), kubectl,
 * Cloud Pipeline provisioning, then the Edge rollout with the anonymous token in the settings.
 * A RolloutError carries the rollout's result (rolled back or not) for the outputs.
 */
export async function deploy(inputs: Inputs, deps: DeployDependencies): Promise<DeployResult> {
  const { logger } = deps;
  const limits = deps.limits ?? DEFAULT_PAYLOAD_LIMITS;
  const raw = await kubeconfigSource(inputs.kubeconfig, deps.env);
  // A base64 kubeconfig is one secret line; a plain one is masked credential by credential.
  if (!raw.trim().includes('\n')) deps.setSecret(raw.trim());
  const kubeconfig = parseKubeconfig(raw, inputs.context);
  for (const secret of kubeconfig.secrets) deps.setSecret(secret);
  const path = await writeKubeconfig(kubeconfig.text, kubeconfigDir(deps.env));
  deps.saveState(STATE_KUBECONFIG, path);
  const cacheDir = await mkdtemp(join(kubeconfigDir(deps.env), 'quick-launcher-kubectl-cache-'));
  deps.saveState(STATE_CACHE_DIR, cacheDir);
  try {
    logger.info(`Cluster: context '${kubeconfig.context}'${kubeconfig.server ? ` (${kubeconfig.server})` : ''}, namespace '${inputs.namespace}'`);
    const binary = await resolveKubectl({ version: inputs.kubectlVersion, mirror: inputs.kubectlMirror }, logger);
    const kubectl = new Kubectl(binary, { kubeconfig: path, context: kubeconfig.context, namespace: inputs.namespace, cacheDir, requestTimeout: '60s' }, deps.runner);

    // Preflight, before anything changes anywhere: the hand-off folders, the Edge (missing, 403),
    // and the payload's size limits (packed once with the token that is live, if any).
    const script = renderInstaller({ keep: DEFAULT_KEEP_BACKUPS });
    const collect = (anonymousToken: string | undefined, appConfigStorage: number | undefined) =>
      collectPayloadFiles({ edgeConfigDir: inputs.edgeConfig, distributionDir: inputs.distribution, anonymousToken, ...(appConfigStorage !== undefined ? { appConfigStorage } : {}) }, logger);
    const tools = inputs.api && inputs.registerTools && inputs.toolsManifest ? await readToolsManifest(inputs.toolsManifest, 'tools-manifest') : [];
    const edge = await readEdge(kubectl, inputs.edgeDeployment, inputs.namespace, inputs.edgeHostPath);
    // The token live on the Edge stays while valid, so an unchanged redeploy keeps its digest.
    const livePayload = edge.digest ? await guarded(() => readLivePayload(kubectl, OBJECT_PREFIX, edge.digest ?? '')) : undefined;
    const liveSettings = livePayload?.settings;
    const live = tokenInSettings(liveSettings);
    if (live) deps.setSecret(live);
    const liveStorage = storageInSettings(liveSettings);
    const planned = packPayload(await logger.group('Check the payload', () => collect(live ?? '', liveStorage)), { hostPath: inputs.edgeHostPath, installer: script.sha256 }, limits);
    const placeholders = await placeholderStorageHosts(inputs.edgeConfig);
    const preflight = { dryRun: inputs.dryRun, plannedDigest: planned.digest, ...(edge.digest ? { liveDigest: edge.digest } : {}), placeholders, ...(liveStorage !== undefined ? { liveStorage } : {}), provisions: inputs.api !== undefined };
    if (checksPermissions(preflight)) await checkPermissions(kubectl, inputs.edgeDeployment, inputs.namespace, logger);
    let storageId = liveStorage;
    let provisioned: ProvisionResult | undefined;
    if (inputs.api) {
      deps.setSecret(inputs.api.token);
      const api = inputs.api;
      const client = createCloudPipelineClient({ url: api.url, token: api.token, ...(api.caFile ? { caFile: api.caFile } : {}), insecure: api.insecure, logger });
      provisioned = await provision(
        client,
        {
          systemUsers: inputs.systemUsers,
          syncHomeFolders: inputs.syncHomeFolders,
          preferences: inputs.preferences,
          tools,
          ...(inputs.homeHierarchy ? { homeHierarchy: inputs.homeHierarchy } : {}),
          ...(inputs.homeAuto !== undefined ? { homeAuto: inputs.homeAuto } : {}),
          ...(inputs.toolRegistration ? { toolRegistration: inputs.toolRegistration } : {}),
          ...(live ? { liveAnonymousToken: live } : {}),
        },
        { dryRun: inputs.dryRun, concurrency: inputs.homeSyncConcurrency, logger },
      );
      if (provisioned.anonymousToken) deps.setSecret(provisioned.anonymousToken);
      // After provisioning the service user has its home storage (created above when missing).
      if (placeholders.length > 0) storageId = (await client.users.find(serviceUserOf(inputs.systemUsers)))?.defaultStorageId ?? storageId;
    }
    const { token, keptLiveToken, appConfigStorage } = planSettings({
      ...(live ? { liveToken: live } : {}),
      ...(provisioned?.anonymousToken ? { freshToken: provisioned.anonymousToken } : {}),
      systemUsers: inputs.systemUsers,
      now: new Date(),
      placeholders,
      ...(storageId !== undefined ? { storageId } : {}),
      dryRun: inputs.dryRun,
      provisions: inputs.api !== undefined,
    });
    if (appConfigStorage) logger.info(`appConfigStorage: ${appConfigStorage.note}`);
    if (keptLiveToken) logger.info('anonymous access: the token live on the Edge is still valid and kept');

    const files = await logger.group('Collect the payload', () => collect(token, storageId));
    const hosts = hostsOf(files.find((file) => file.path === 'quick-launcher/settings.json')?.content.toString('utf8'));
    const payload = packPayload(files, { hostPath: inputs.edgeHostPath, installer: script.sha256 }, limits);
    logger.info(`content digest ${payload.digest}: ${files.length} files, ${payload.totalBytes} bytes in ${payload.objects.length + 1} objects`);
    const changedFiles = changingFiles({ ...(edge.digest ? { digest: edge.digest } : {}), ...(livePayload ? { index: livePayload.index } : {}) }, payload);
    const done = { ...(provisioned ? { provision: provisioned } : {}), hosts, ...(appConfigStorage ? { appConfigStorage } : {}), files: changedFiles };
    const ca = inputs.api?.caFile ? await readFile(inputs.api.caFile, 'utf8') : undefined;
    const result = await rolloutKeeping(done, () => rollout(
      kubectl,
      payload,
      script.text,
      {
        ...rolloutSettings(inputs, { holder: deps.holder, liveEdge: edge, keepBackups: DEFAULT_KEEP_BACKUPS, ...(deps.pollMs ? { pollMs: deps.pollMs } : {}) }),
        ...(inputs.smokeCheck
          ? {
              smokeAddress: inputs.smokeAddress,
              verify: async (observed) => {
                const address = inputs.smokeAddress ?? observed?.url;
                if (!address) throw new Error('no Edge address to check through');
                await smokeCheck({ address, hosts, insecure: inputs.api?.insecure ?? false, ...(ca ? { ca } : {}), ...(deps.smokeWaitSeconds !== undefined ? { waitSeconds: deps.smokeWaitSeconds } : {}) }, logger);
              },
            }
          : {}),
      },
      logger,
    ));
    return { rollout: result, ...done };
  } catch (error) {
    if (error instanceof RolloutError) logger.warning(error.result.rolledBack ? 'The Edge rollout failed and was rolled back' : 'The Edge rollout failed');
    throw error;
  } finally {
    // The post step removes them too, for a main step that was cancelled before this line.
    await removeKubeconfig(path);
    await rm(cacheDir, { recursive: true, force: true });
  }
}
