import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { renderInstaller } from '../../../src/actions/deploy-quick-launcher/installer.js';
import { packPayload, type PayloadFile, type PayloadLimits, DEFAULT_PAYLOAD_LIMITS } from '../../../src/actions/deploy-quick-launcher/payload.js';

/** The applets the installer uses, all there in busybox. */
const BUSYBOX_APPLETS = ['sh', 'sha256sum', 'cut', 'grep', 'mkdir', 'cp', 'mv', 'rm', 'ln', 'cat', 'date', 'sort', 'tail', 'head', 'wc', 'tr', 'find', 'dirname', 'basename', 'rmdir', 'sed', 'ls', 'awk', 'od'];

/** busybox's path, if it is installed. */
function busyboxPath(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v busybox'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/**
 * Runs the installer script alone with `sh`, the way the Job runs it: the payload objects
 * materialized as folders (one file per key, as the kubelet mounts ConfigMaps and Secrets).
 */
export class InstallerFixture {
  private constructor(
    readonly root: string,
    private readonly shell: { command: string; path: string },
  ) {}

  /**
   * `shell: 'busybox'` runs the script with busybox's sh and only busybox applets on PATH, as in
   * a minimal installer image.
   */
  static async create(shell: 'sh' | 'busybox' = 'sh'): Promise<InstallerFixture> {
    const root = await mkdtemp(join(tmpdir(), 'ql-installer-'));
    let environment = { command: 'sh', path: process.env.PATH ?? '/usr/bin:/bin' };
    if (shell === 'busybox') {
      const bin = join(root, 'bin');
      await mkdir(bin);
      const busybox = busyboxPath() ?? 'busybox';
      for (const applet of BUSYBOX_APPLETS) await symlink(busybox, join(bin, applet));
      environment = { command: join(bin, 'sh'), path: bin };
    }
    const fixture = new InstallerFixture(root, environment);
    await mkdir(fixture.host, { recursive: true });
    return fixture;
  }

  get host(): string {
    return join(this.root, 'host');
  }

  /** Materializes a payload of `files` and returns its folders and digest. */
  async payload(
    files: Record<string, string | Buffer>,
    options: { limits?: Partial<PayloadLimits>; secret?: string[] } = {},
  ): Promise<{ dir: string; index: string; digest: string }> {
    const installer = renderInstaller();
    const list: PayloadFile[] = Object.entries(files).map(([path, content]) => ({
      path,
      content: Buffer.isBuffer(content) ? content : Buffer.from(content),
      secret: (options.secret ?? []).includes(path),
      input: 'test',
    }));
    const payload = packPayload(list, { hostPath: '/opt/edge/external-apps', installer: installer.sha256 }, { ...DEFAULT_PAYLOAD_LIMITS, ...options.limits });
    const dir = await mkdtemp(join(this.root, 'payload-'));
    for (const object of payload.objects) {
      await mkdir(join(dir, object.id), { recursive: true });
      for (const [key, bytes] of Object.entries(object.data)) await writeFile(join(dir, object.id, key), bytes);
    }
    const index = join(dir, 'index');
    await writeFile(index, payload.installerIndex);
    return { dir, index, digest: payload.digest };
  }

  /** Runs the script; `env` adds to (or blanks) the QL_* variables. */
  async run(mode: string, payload?: { dir: string; index: string; digest: string }, env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
    const script = join(this.root, 'install.sh');
    await writeFile(script, renderInstaller().text);
    const result = spawnSync(this.shell.command, [script, mode], {
      encoding: 'utf8',
      env: {
        PATH: this.shell.path,
        QL_HOST: this.host,
        ...(payload ? { QL_PAYLOAD: payload.dir, QL_INDEX: payload.index, QL_DIGEST: payload.digest } : {}),
        ...env,
      },
    });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  }

  async write(path: string, content: string): Promise<void> {
    await mkdir(dirname(join(this.host, path)), { recursive: true });
    await writeFile(join(this.host, path), content);
  }

  async read(path: string): Promise<string> {
    return readFile(join(this.host, path), 'utf8');
  }

  /** Every file under the host folder (state folder included), with its content. */
  async snapshot(options: { withState?: boolean } = {}): Promise<Record<string, string>> {
    const found: Record<string, string> = {};
    const walk = async (relative: string): Promise<void> => {
      for (const entry of await readdir(join(this.host, relative), { withFileTypes: true })) {
        const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
        if (!options.withState && path === '.quick-launcher') continue;
        if (entry.isDirectory()) await walk(path);
        else found[path] = await readFile(join(this.host, path), 'utf8');
      }
    };
    await walk('');
    return found;
  }

  async backups(): Promise<string[]> {
    return (await readdir(join(this.host, '.quick-launcher', 'backups'))).sort();
  }

  async cleanup(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}
