/** One `FROM` of a Dockerfile. */
export interface FromLine {
  /** The image as written, `$ARG`s not yet substituted. */
  image: string;
  line: number;
}

/** What the build order and the content tag need from a Dockerfile. */
export interface DockerfileFacts {
  /** `ARG`s before the first FROM, with their defaults (the ones FROM may use). */
  globalArgs: Map<string, string | undefined>;
  froms: FromLine[];
  /** Stage names (`FROM … AS name`), which later FROMs may name instead of an image. */
  stages: Set<string>;
}

/** Joins `\` continuations and drops comments, keeping the 1-based line each instruction starts on. */
function instructions(text: string): { line: number; text: string }[] {
  const result: { line: number; text: string }[] = [];
  let current: { line: number; text: string } | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith('#') && !current) return;
    if (trimmed.startsWith('#')) return;
    const continued = trimmed.endsWith('\\');
    const body = continued ? trimmed.slice(0, -1) : trimmed;
    if (!current) {
      if (body === '') return;
      current = { line: index + 1, text: body };
    } else {
      current.text += ` ${body}`;
    }
    if (!continued) {
      result.push(current);
      current = undefined;
    }
  });
  if (current) result.push(current);
  return result;
}

/** Reads the ARG-before-FROM and FROM instructions of a Dockerfile. */
export function readDockerfile(text: string): DockerfileFacts {
  const facts: DockerfileFacts = { globalArgs: new Map(), froms: [], stages: new Set() };
  for (const instruction of instructions(text)) {
    const [keyword, ...words] = instruction.text.split(/\s+/);
    const upper = keyword.toUpperCase();
    if (upper === 'ARG' && facts.froms.length === 0) {
      for (const word of words) {
        const equals = word.indexOf('=');
        const name = equals < 0 ? word : word.slice(0, equals);
        const value = equals < 0 ? undefined : word.slice(equals + 1).replace(/^(["'])(.*)\1$/, '$2');
        facts.globalArgs.set(name, value);
      }
    } else if (upper === 'FROM') {
      const operands = words.filter((word) => !word.startsWith('--'));
      if (operands[0]) facts.froms.push({ image: operands[0], line: instruction.line });
      if (operands[1]?.toUpperCase() === 'AS' && operands[2]) facts.stages.add(operands[2]);
    }
  }
  return facts;
}

/** Substitutes `$NAME`, `${NAME}`, `${NAME:-default}` as Docker does in FROM; unset is empty. */
export function substituteArgs(text: string, args: ReadonlyMap<string, string | undefined>): string {
  return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (...match: unknown[]) => {
    const name = (match[1] ?? match[4]) as string;
    const operator = match[2] as string | undefined;
    const word = (match[3] as string | undefined) ?? '';
    const value = args.get(name);
    if (operator === '-') return value ? value : word;
    if (operator === '+') return value ? word : '';
    return value ?? '';
  });
}
