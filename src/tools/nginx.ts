import type { CommandRunner } from './exec.js';

/** One line nginx printed about a configuration. */
export interface NginxMessage {
  level: string;
  text: string;
  file?: string;
  line?: number;
}

export interface NginxTestResult {
  exitCode: number;
  messages: NginxMessage[];
}

/** argv of `nginx -t` for a configuration file and prefix. */
export function testArgs(config: string, prefix: string): string[] {
  return ['-t', '-c', config, '-p', prefix.endsWith('/') ? prefix : `${prefix}/`];
}

/** argv that starts nginx in the foreground (the config says `daemon off;`). */
export function startArgs(config: string, prefix: string): string[] {
  return ['-c', config, '-p', prefix.endsWith('/') ? prefix : `${prefix}/`];
}

// `nginx: [emerg] …` before the error log is open, `2026/01/01 00:00:00 [warn] 12#12: …` after.
const MESSAGE = /^(?:nginx: |\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d )\[(\w+)\] (?:\d+#\d+: )?(.*?)(?: in (\/\S+?):(\d+))?$/;

/**
 * Parses nginx's stderr into messages, e.g. `[emerg] unknown directive "x" in /path/a.conf:12`;
 * the "syntax is ok" and "test is successful" lines carry no level and are dropped.
 */
export function parseNginxOutput(stderr: string): NginxMessage[] {
  const messages: NginxMessage[] = [];
  for (const raw of stderr.split(/\r?\n/)) {
    const match = MESSAGE.exec(raw.trim());
    if (!match) continue;
    const [, level, text, file, line] = match;
    messages.push({ level, text, ...(file ? { file, line: Number(line) } : {}) });
  }
  return messages;
}

/** The nginx binary: builds argv, runs it through one CommandRunner. */
export class Nginx {
  constructor(
    private readonly binary: string,
    private readonly run: CommandRunner,
  ) {}

  async test(config: string, prefix: string): Promise<NginxTestResult> {
    const result = await this.run(this.binary, testArgs(config, prefix));
    return { exitCode: result.exitCode, messages: parseNginxOutput(result.stderr) };
  }
}
