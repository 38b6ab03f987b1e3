/**
 * Redaction of secrets in text that may reach a log or an error: a token as itself and in its
 * base64 forms, and the userinfo of URLs.
 */

/** Secrets shorter than this are not searched for: replacing two letters everywhere hides nothing and mangles text. */
const MIN_SECRET = 8;

/**
 * The forms a secret takes in text: itself, and its base64 and base64url encodings at each of the
 * three byte alignments it can have inside a larger encoded value (`Basic base64(user:token)`, a
 * JSON document echoed in base64). For an unaligned secret only the characters that depend on
 * the secret's bytes alone are kept.
 */
export function secretForms(secret: string): string[] {
  if (secret.length < MIN_SECRET) return [];
  const forms = new Set<string>([secret]);
  const bytes = Buffer.from(secret, 'utf8');
  for (let offset = 0; offset < 3; offset++) {
    const shifted = Buffer.concat([Buffer.alloc(offset), bytes]);
    const wholeGroups = Math.floor(shifted.length / 3);
    for (const encoding of ['base64', 'base64url'] as const) {
      const encoded = shifted.toString(encoding);
      // Characters of groups that mix the padding or the bytes after the secret are left out.
      const inner = encoded.slice(offset === 0 ? 0 : 4, wholeGroups * 4);
      if (inner.length >= MIN_SECRET) forms.add(inner);
      if (offset === 0) forms.add(encoded);
    }
  }
  // Longest first, so a whole encoding is replaced before its inner part.
  return [...forms].sort((a, b) => b.length - a.length);
}

/** `text` with every form of every secret replaced by `***`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    for (const form of secretForms(secret)) result = result.split(form).join('***');
  }
  return result;
}

/** `text` with the userinfo of every URL in it (`scheme://user:pass@`) replaced by `***@`. */
export function redactUrlCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi, '$1***@');
}

/** Cuts `text` to `max` characters, saying so; redact before cutting, or a secret cut in two escapes. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
