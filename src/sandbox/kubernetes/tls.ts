import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A server certificate and key (PEM). */
export interface TlsMaterial {
  certificate: string;
  key: string;
}

/**
 * A throw-away self-signed certificate for 127.0.0.1 (and localhost), made with the openssl CLI.
 * TLS is not optional for a faithful stand-in: client-go sends a kubeconfig's token only over
 * TLS, so a plain-HTTP server would never see the credentials it must check.
 */
export function selfSignedLoopbackCertificate(): TlsMaterial {
  const dir = mkdtempSync(join(tmpdir(), 'kube-sandbox-tls-'));
  try {
    const certificate = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-sha256',
      '-days', '7', '-subj', '/CN=kube-sandbox',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout', key, '-out', certificate,
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    return { certificate: readFileSync(certificate, 'utf8'), key: readFileSync(key, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
