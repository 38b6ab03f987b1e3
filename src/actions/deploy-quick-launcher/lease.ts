import type { Logger } from '../../lib/logger.js';
import { KubectlError, type Kubectl } from '../../tools/kubectl.js';
import { leaseObject } from './objects.js';
import { setTimeout as sleep } from 'node:timers/promises';

/** Serializes deploys to one cluster (SPEC §6 "Concurrency"). */
export interface LeaseOptions {
  name: string;
  namespace: string;
  /** Who holds it: shown to the deploy that waits (run id, workflow, host). */
  holder: string;
  /** How long a holder that stopped renewing keeps the lease. */
  durationSeconds: number;
  /** How long to wait for another holder before failing. */
  timeoutSeconds: number;
  /** Poll interval while waiting (ms). */
  pollMs?: number;
}

/** Another deploy held the lease for longer than `lock-timeout`. */
export class LeaseTimeoutError extends Error {
  override name = 'LeaseTimeoutError';
}

interface LeaseState {
  metadata?: { resourceVersion?: string };
  spec?: { holderIdentity?: string; leaseDurationSeconds?: number; renewTime?: string; acquireTime?: string };
}

function expired(lease: LeaseState, now: number): boolean {
  const renewed = Date.parse(lease.spec?.renewTime ?? lease.spec?.acquireTime ?? '');
  const duration = lease.spec?.leaseDurationSeconds ?? 0;
  return !lease.spec?.holderIdentity || Number.isNaN(renewed) || renewed + duration * 1000 < now;
}

/** A held lease: renewed in the background until released. */
export class DeployLease {
  private timer: NodeJS.Timeout | undefined;
  private renewing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly kubectl: Kubectl,
    private readonly options: LeaseOptions,
    private readonly logger: Logger,
    private acquireTime: string,
  ) {}

  /**
   * Takes the lease: creates it, or takes it over when it is free or its holder stopped renewing
   * (a replace with the read resourceVersion, so two takers cannot both win). Waits while another
   * deploy holds it, up to `timeoutSeconds`.
   */
  static async acquire(kubectl: Kubectl, options: LeaseOptions, logger: Logger): Promise<DeployLease> {
    const started = Date.now();
    const ref = { kind: 'lease', name: options.name };
    let announced = false;
    for (;;) {
      const now = new Date();
      try {
        await kubectl.create(JSON.stringify(leaseObject({ ...options, now })));
        logger.info(`Holding lease ${options.namespace}/${options.name} as ${options.holder}`);
        return new DeployLease(kubectl, options, logger, now.toISOString()).startRenewing();
      } catch (error) {
        if (!(error instanceof KubectlError && error.alreadyExists)) throw error;
      }
      const current = await kubectl.get<LeaseState>(ref);
      if (current && (current.spec?.holderIdentity === options.holder || expired(current, now.getTime()))) {
        try {
          await kubectl.replace(JSON.stringify(leaseObject({ ...options, now, resourceVersion: current.metadata?.resourceVersion })));
          logger.info(`Took over lease ${options.namespace}/${options.name} (${current.spec?.holderIdentity ? `expired holder ${current.spec.holderIdentity}` : 'free'})`);
          return new DeployLease(kubectl, options, logger, now.toISOString()).startRenewing();
        } catch (error) {
          if (!(error instanceof KubectlError && (error.conflict || error.notFound))) throw error;
          continue; // someone else moved first: look again
        }
      }
      if (current === undefined) continue; // released between our create and get
      const holder = current.spec?.holderIdentity ?? 'unknown';
      if (Date.now() - started >= options.timeoutSeconds * 1000) {
        throw new LeaseTimeoutError(
          `another deploy holds lease ${options.namespace}/${options.name} (holder: ${holder}, renewed ${current.spec?.renewTime ?? 'never'}); ` +
            `gave up after lock-timeout ${options.timeoutSeconds}s. Nothing was changed.`,
        );
      }
      if (!announced) logger.info(`Waiting up to ${options.timeoutSeconds}s for lease ${options.namespace}/${options.name}, held by ${holder}`);
      announced = true;
      await sleep(options.pollMs ?? 1000);
    }
  }

  private startRenewing(): this {
    const every = Math.max(1000, (this.options.durationSeconds * 1000) / 3);
    this.timer = setInterval(() => {
      this.renewing = this.renew().catch((error: unknown) => this.logger.warning(`Could not renew lease ${this.options.name}: ${String(error)}`));
    }, every);
    this.timer.unref();
    return this;
  }

  /** Set once a renewal found the lease held by someone else (or gone). */
  lostTo: string | undefined;

  /** Extends the lease; a lease taken by someone else is reported, not stolen back. */
  async renew(): Promise<void> {
    const current = await this.kubectl.get<LeaseState>({ kind: 'lease', name: this.options.name });
    if (current?.spec?.holderIdentity !== this.options.holder) {
      this.lostTo = current?.spec?.holderIdentity ?? 'nobody';
      this.logger.warning(`Lease ${this.options.name} is now held by ${this.lostTo}`);
      return;
    }
    await this.kubectl.replace(
      JSON.stringify(leaseObject({ ...this.options, now: new Date(), resourceVersion: current.metadata?.resourceVersion, acquireTime: current.spec.acquireTime ?? this.acquireTime })),
    );
  }

  /**
   * Whether this deploy still holds the lease, asked of the server now (the last step before the
   * Edge switches to new files: a deploy that lost it must not reload or restart).
   */
  async held(): Promise<boolean> {
    await this.renewing;
    if (this.lostTo !== undefined) return false;
    const current = await this.kubectl.get<LeaseState>({ kind: 'lease', name: this.options.name });
    if (current?.spec?.holderIdentity === this.options.holder) return true;
    this.lostTo = current?.spec?.holderIdentity ?? 'nobody';
    return false;
  }

  /** Stops renewing and deletes the lease if this deploy still holds it. */
  async release(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.renewing;
    const current = await this.kubectl.get<LeaseState>({ kind: 'lease', name: this.options.name });
    if (current?.spec?.holderIdentity === this.options.holder) {
      await this.kubectl.delete([{ kind: 'lease', name: this.options.name }], { ignoreNotFound: true });
      this.logger.info(`Released lease ${this.options.namespace}/${this.options.name}`);
    }
  }
}
