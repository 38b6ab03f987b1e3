/**
 * `kubectl diff` of a payload is mostly base64 (binaryData) and the installer script: useful to
 * see which objects would change, useless (and large) line by line. This keeps one entry per
 * object, drops the body of Secrets entirely and shortens long lines, so the plan stays readable
 * and small enough for an output and the job summary.
 */
export interface ObjectDiff {
  /** `Kind/name`. */
  object: string;
  change: 'create' | 'update';
}

export interface DiffSummary {
  objects: ObjectDiff[];
  /** The condensed diff text. */
  text: string;
}

const HEADER = /^diff -u -N \S+\/([^/\s]+)\.([^./\s]+)\.([^./\s]+)\.(\S+) \S+$/;
const MAX_LINE = 160;
const MAX_LINES = 400;

/** Condenses a `kubectl diff` output (its file names are `<group.>version.Kind.namespace.name`). */
export function summarizeDiff(diff: string): DiffSummary {
  const objects: ObjectDiff[] = [];
  const lines: string[] = [];
  let secret = false;
  for (const line of diff.split('\n')) {
    const header = HEADER.exec(line);
    if (header) {
      const [, , kind, , name] = header;
      secret = kind === 'Secret';
      objects.push({ object: `${kind}/${name}`, change: 'update' });
      lines.push(`=== ${kind}/${name}${secret ? ' (Secret: data not shown)' : ''}`);
      continue;
    }
    const current = objects.at(-1);
    // A new object's live side is empty, or `null` for a Secret (kubectl masks Secrets).
    if (current && (line.startsWith('@@ -0,0 ') || line === '-null')) current.change = 'create';
    if (secret || line.startsWith('---') || line.startsWith('+++')) continue;
    if (/^\s*[+-]?\s*(creationTimestamp|resourceVersion|uid|generation):/.test(line)) continue;
    lines.push(line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}… (${line.length} chars)` : line);
  }
  const text = lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `… ${lines.length - MAX_LINES} more lines`].join('\n') : lines.join('\n');
  return { objects, text: text.trim() };
}
