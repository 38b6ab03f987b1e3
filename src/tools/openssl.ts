import { lastLines, type CommandRunner } from './exec.js';

/** argv that makes a self-signed certificate and key for `commonName`, valid `days`. */
function selfSignedArgs(options: { certificate: string; key: string; commonName: string; days: number }): string[] {
  return [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256',
    '-days', String(options.days),
    '-subj', `/CN=${options.commonName}`,
    '-keyout', options.key,
    '-out', options.certificate,
  ];
}

/** The openssl binary, for the throw-away certificates that `nginx -t` needs to load. */
export class OpenSsl {
  constructor(
    private readonly binary: string,
    private readonly run: CommandRunner,
  ) {}

  async selfSigned(options: { certificate: string; key: string; commonName: string; days?: number }): Promise<void> {
    const result = await this.run(this.binary, selfSignedArgs({ days: 2, ...options }));
    if (result.exitCode !== 0) {
      throw new Error(`openssl could not make a test certificate (exit ${result.exitCode}): ${lastLines(result.stderr, 3)}`);
    }
  }
}
