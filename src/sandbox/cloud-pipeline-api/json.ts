/**
 * Serializes as the API's Jackson mapper does: `JsonInclude.Include.NON_EMPTY`
 * (`config/JsonMapper.java:76`) leaves out null, empty strings, empty lists and empty maps, the
 * envelope's own `payload` and `message` included. `false` and `0` stay (Jackson 2.8, whose
 * NON_EMPTY no longer drops default primitives). Elements of a list are kept as they are.
 */
export function nonEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => (isPlainObject(item) ? nonEmpty(item) : item));
  if (!isPlainObject(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (isEmpty(field)) continue;
    result[key] = nonEmpty(field);
  }
  return result;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isPlainObject(value) && Object.keys(value).length === 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}
