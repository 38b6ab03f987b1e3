/**
 * Where JSON.parse failed, as line and column. Node 20 names an offset only for some syntax
 * errors ("Unexpected token 'x', … is not valid JSON" has none), so a small scanner finds the
 * first offending character itself.
 */
export function jsonErrorPosition(text: string): { line: number; column: number } {
  const offset = firstErrorOffset(text);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

class Stop extends Error {
  constructor(readonly offset: number) {
    super('stop');
  }
}

function firstErrorOffset(text: string): number {
  let at = 0;
  const fail = (): never => {
    throw new Stop(at);
  };
  const space = () => {
    while (at < text.length && ' \t\r\n'.includes(text.charAt(at))) at++;
  };
  const string = () => {
    if (text[at] !== '"') fail();
    at++;
    while (text[at] !== '"') {
      if (at >= text.length || text.charCodeAt(at) < 0x20) fail();
      if (text[at] === '\\') {
        at++;
        if (text[at] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) at += 4;
        else if (!'"\\/bfnrt'.includes(text.charAt(at)) || at >= text.length) fail();
      }
      at++;
    }
    at++;
  };
  const value = (): void => {
    space();
    const char = text.charAt(at);
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      at++;
      space();
      if (text[at] === close) return void at++;
      for (;;) {
        if (char === '{') {
          space();
          string();
          space();
          if (text[at] !== ':') fail();
          at++;
        }
        value();
        space();
        if (text[at] === ',') at++;
        else if (text[at] === close) return void at++;
        else fail();
      }
    }
    if (char === '"') return string();
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(at));
    if (!literal) fail();
    at += literal?.[0].length ?? 0;
  };
  try {
    value();
    space();
    if (at < text.length) fail();
  } catch (error) {
    if (error instanceof Stop) return error.offset;
    throw error;
  }
  return at;
}
