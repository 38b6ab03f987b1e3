import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { rewritePaths } from '../kubernetes/volumes.js';
import type { ContainerFs } from './container.js';

/**
 * How the host's nginx reads the Edge container's configuration: a translated copy ("view") of
 * every file the container's nginx.conf includes, with container paths turned into local ones
 * (includes into the view, everything else into the container's folders) and the container's
 * ports published on loopback. One line stays one line, so nginx's `file:line` messages map back
 * to the container's files exactly.
 */
export interface NginxView {
  /** The view's copy of the configuration file nginx is given. */
  config: string;
  /** Turns a message of the host's nginx back into container paths. */
  unview(text: string): string;
}

const INCLUDE = /^(\s*include\s+)(["']?)([^"';\s]+)\2(\s*;.*)$/;
const LISTEN = /^(\s*listen\s+)(\S+?)(;|\s.*)$/;

function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
}

/** The container paths a (possibly wildcard) include names, sorted as nginx's glob sorts them. */
function expand(fs: ContainerFs, pattern: string): string[] {
  if (!/[*?[]/.test(pattern)) return existsSync(fs.local(pattern)) ? [pattern] : [];
  let found = ['/'];
  for (const part of pattern.split('/').filter(Boolean)) {
    const next: string[] = [];
    for (const base of found) {
      if (!/[*?[]/.test(part)) {
        const candidate = posix.join(base, part);
        if (existsSync(fs.local(candidate))) next.push(candidate);
        continue;
      }
      const local = fs.local(base);
      if (!existsSync(local) || !statSync(local).isDirectory()) continue;
      const matcher = globToRegExp(part);
      for (const name of readdirSync(local).sort()) if (!name.startsWith('.') && matcher.test(name)) next.push(posix.join(base, name));
    }
    found = next;
  }
  return found.filter((path) => statSync(fs.local(path)).isFile());
}

/** Translates one `listen` address: a bare or wildcard port becomes `127.0.0.1:<published port>`. */
function publish(address: string, ports: ReadonlyMap<number, number>): string {
  const match = /^(?:\*:|0\.0\.0\.0:)?(\d+)$/.exec(address);
  if (!match) return address;
  const port = Number(match[1]);
  return `127.0.0.1:${ports.get(port) ?? port}`;
}

/**
 * Builds the view of `configPath` (a container path; relative includes resolve against its
 * folder, nginx's conf prefix) afresh under `viewDir`.
 */
export function buildNginxView(fs: ContainerFs, configPath: string, viewDir: string, ports: ReadonlyMap<number, number>): NginxView {
  rmSync(viewDir, { recursive: true, force: true });
  mkdirSync(viewDir, { recursive: true });
  const confPrefix = posix.dirname(configPath);
  const rootMounts = fs.mounts();
  const done = new Set<string>();

  const viewPath = (containerPath: string): string => join(viewDir, containerPath);

  function translate(containerPath: string): void {
    if (done.has(containerPath)) return;
    done.add(containerPath);
    const text = readFileSync(fs.local(containerPath), 'utf8');
    const lines = text.split('\n').map((line) => {
      const include = INCLUDE.exec(line);
      if (include) {
        const [, head, quote, target, tail] = include;
        const absolute = target.startsWith('/') ? target : posix.join(confPrefix, target);
        for (const path of expand(fs, absolute)) translate(path);
        return `${head}${quote}${viewPath(absolute)}${quote}${tail}`;
      }
      const listen = LISTEN.exec(line);
      if (listen) return `${listen[1]}${publish(listen[2], ports)}${listen[3]}`;
      return rewritePaths(line, rootMounts);
    });
    const target = viewPath(containerPath);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, lines.join('\n'));
  }

  translate(configPath);
  return {
    config: viewPath(configPath),
    unview: (message) => {
      let text = fs.unrewrite(message.split(viewDir).join(''));
      // A published port is the container's wildcard port again (`0.0.0.0:8181` in nginx's words).
      for (const [container, published] of ports) text = text.split(`127.0.0.1:${published}`).join(`0.0.0.0:${container}`);
      return text;
    },
  };
}
