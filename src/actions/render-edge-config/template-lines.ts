/** A Handlebars expression: `{{x}}`, `{{{x}}}`, `{{#if x}}`, `{{/if}}`, `{{else}}`, `{{! comment }}`. */
const EXPRESSION = /\{\{\{?[^}]*\}?\}\}/g;
/** Expressions that write nothing themselves: block open/close, else, comments. */
const SILENT = /^\{\{[#/!^]|^\{\{else\b/;

/** A template line as a pattern for the lines it may write; undefined when it has no literal text. */
function linePattern(line: string): RegExp | undefined {
  const text = line.trim();
  const literal = text.replace(EXPRESSION, '').trim();
  if (literal === '') return undefined;
  let source = '';
  let last = 0;
  for (const match of text.matchAll(EXPRESSION)) {
    source += escape(text.slice(last, match.index));
    if (!SILENT.test(match[0])) source += '.*?';
    last = match.index + match[0].length;
  }
  source += escape(text.slice(last));
  return new RegExp(`^${source.replace(/\s+/g, '\\s+')}$`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The line of `template` that most likely wrote line `outputLine` (1-based) of `rendered`, for
 * pointing an `nginx -t` error at the template. Best effort, by searching rather than tracking:
 * each template line with literal text becomes a pattern (its values any text, block helpers
 * nothing), and of the lines whose pattern matches the output line the one nearest to the same
 * line number wins (standalone `{{#if}}` lines and `{{#each}}` loops shift lines a little).
 * Undefined when no line matches (a line written wholly by a value, or an empty one).
 */
export function templateLineFor(template: string, rendered: string, outputLine: number): number | undefined {
  const target = rendered.split(/\r?\n/)[outputLine - 1]?.trim();
  if (!target) return undefined;
  let best: number | undefined;
  template.split(/\r?\n/).forEach((line, index) => {
    const pattern = linePattern(line);
    if (!pattern?.test(target)) return;
    if (best === undefined || Math.abs(index + 1 - outputLine) < Math.abs(best - outputLine)) best = index + 1;
  });
  return best;
}
