/**
 * A picture host on another origin, for the tests of pictures from other hosts (IMAGE_HOSTS):
 * HTTPS on 127.0.0.1:3443 with a certificate made for the run (openssl), serving the demo
 * pictures under /photos/. The site's server trusts the certificate through
 * NODE_EXTRA_CA_CERTS (playwright.config.ts). `--certificate-only` makes the certificate and exits.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';

export const certificateDir = path.resolve('.data/e2e-tls');
const cert = path.join(certificateDir, 'image-host.crt');
const key = path.join(certificateDir, 'image-host.key');

if (!fs.existsSync(cert) || !fs.existsSync(key)) {
  fs.mkdirSync(certificateDir, { recursive: true });
  // Made under other names and renamed: the two commands that may make it never see half a file.
  const suffix = `.${process.pid}.tmp`;
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '30',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key + suffix,
      '-out',
      cert + suffix,
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) {
    console.error(`image-host: openssl could not make a certificate: ${made.stderr}`);
    process.exit(1);
  }
  if (!fs.existsSync(cert) || !fs.existsSync(key)) {
    fs.renameSync(key + suffix, key);
    fs.renameSync(cert + suffix, cert);
  } else {
    fs.rmSync(key + suffix);
    fs.rmSync(cert + suffix);
  }
}
if (process.argv.includes('--certificate-only')) process.exit(0);

const port = Number(process.env.IMAGE_HOST_PORT ?? 3443);
const pictures = path.resolve('public/images/demo');
https
  .createServer({ cert: fs.readFileSync(cert), key: fs.readFileSync(key) }, (req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'https://x').pathname).replace(/^\/photos\//, '');
    const file = path.join(pictures, path.basename(name));
    if (req.url === '/ready') return void res.end('ok');
    if (!name.endsWith('.jpg') || !fs.existsSync(file)) {
      res.statusCode = 404;
      return void res.end('not found');
    }
    res.setHeader('Content-Type', 'image/jpeg');
    fs.createReadStream(file).pipe(res);
  })
  .listen(port, '127.0.0.1', () => console.log(`image-host: https://127.0.0.1:${port}/photos/`));
