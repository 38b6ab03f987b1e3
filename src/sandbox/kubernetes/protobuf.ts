import { badRequest } from './status.js';

/** The length-delimited fields of one protobuf message: field number -> raw values, in order. */
function fields(message: Buffer): Map<number, Buffer[]> {
  const out = new Map<number, Buffer[]>();
  let offset = 0;
  const varint = (): number => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (offset >= message.length) throw badRequest('truncated protobuf body');
      const byte = message[offset++];
      value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return value;
      shift += 7;
    }
  };
  while (offset < message.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) varint();
    else if (wire === 1) offset += 8;
    else if (wire === 5) offset += 4;
    else if (wire === 2) {
      const length = varint();
      out.set(field, [...(out.get(field) ?? []), message.subarray(offset, offset + length)]);
      offset += length;
    } else throw badRequest(`unsupported protobuf wire type ${wire}`);
  }
  return out;
}

const RESOURCE_ATTRIBUTES = ['namespace', 'verb', 'group', 'version', 'resource', 'subresource', 'name'];

/**
 * Decodes the SelfSubjectAccessReview that `kubectl auth can-i` POSTs as
 * `application/vnd.kubernetes.protobuf` (the `k8s\0` envelope around `runtime.Unknown`), into
 * the JSON shape `{spec: {resourceAttributes}}`. Only the fields a review needs are read.
 */
export function decodeAccessReview(body: Buffer): { spec: { resourceAttributes: Record<string, string> } } {
  if (body.subarray(0, 4).toString('latin1') !== 'k8s\0') throw badRequest('not a Kubernetes protobuf body');
  const raw = fields(body.subarray(4)).get(2)?.[0] ?? Buffer.alloc(0);
  const spec = fields(raw).get(2)?.[0] ?? Buffer.alloc(0);
  const attributes = fields(spec).get(1)?.[0] ?? Buffer.alloc(0);
  const resourceAttributes: Record<string, string> = {};
  for (const [field, values] of fields(attributes)) {
    const name = RESOURCE_ATTRIBUTES[field - 1];
    if (name) resourceAttributes[name] = values[0].toString('utf8');
  }
  return { spec: { resourceAttributes } };
}
