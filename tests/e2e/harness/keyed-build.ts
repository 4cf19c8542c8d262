import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_DIST } from './chromium';

/** A public key for the manifest: with it, Chrome gives every copy of the build the same extension id. */
export function manifestKey(): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

/** A copy of the built extension with a given version and key: installing a newer copy over a profile is an update. */
export function keyedBuild(key: string, version: string): string {
  const dir = mkdtempSync(join(tmpdir(), `crossframe-v${version}-`));
  cpSync(CHROME_DIST, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, key, version }, null, 2));
  return dir;
}
