/** A certificate and key pair on the Edge. */
export interface CertificatePair {
  certificate: string;
  key: string;
}

const PUBLIC = /^(.+)-public-cert\.pem$/;

/**
 * Picks the Edge certificate for a host the way the Edge's sync-routes.py does: the longest
 * `<suffix>` such that the host ends with it and both `<suffix>-public-cert.pem` and
 * `<suffix>-private-key.pem` exist, else the default `ssl-*.pem` pair.
 * `available` lists the file names of the certificate folder when it can be read here.
 */
export function pickCertificate(host: string, certDir: string, available: readonly string[]): CertificatePair {
  const names = new Set(available);
  let best: string | undefined;
  for (const name of names) {
    const suffix = PUBLIC.exec(name)?.[1];
    if (!suffix || suffix === 'ssl' || !names.has(`${suffix}-private-key.pem`)) continue;
    if (host.endsWith(suffix) && (best === undefined || suffix.length > best.length)) best = suffix;
  }
  const prefix = best ?? 'ssl';
  return { certificate: `${certDir}/${prefix}-public-cert.pem`, key: `${certDir}/${prefix}-private-key.pem` };
}
