// Emits THIRD-PARTY-NOTICES.txt with the build: the name, version, licence and licence text of every npm package
// whose code ends up in the bundle, so that a copy of dist/ carries its notices wherever it is hosted.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

interface Pkg {
  name: string;
  version: string;
  license: string;
  text: string;
}

/** The package.json folder that holds a bundled module's file. */
function packageRoot(file: string): string | null {
  const i = file.lastIndexOf('/node_modules/');
  if (i < 0) return null;
  const rest = file.slice(i + '/node_modules/'.length).split('/');
  const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  return join(file.slice(0, i), 'node_modules', name);
}

function readPackage(root: string): Pkg | null {
  const pj = join(root, 'package.json');
  if (!existsSync(pj)) return null;
  const meta = JSON.parse(readFileSync(pj, 'utf8')) as { name: string; version: string; license?: string | { type: string } };
  const licenceFile = readdirSync(root).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  const license = typeof meta.license === 'string' ? meta.license : (meta.license?.type ?? 'see package');
  return { name: meta.name, version: meta.version, license, text: licenceFile ? readFileSync(join(root, licenceFile), 'utf8').trim() : '' };
}

export function licenceNotices(): Plugin {
  return {
    name: 'atlas-licence-notices',
    apply: 'build',
    generateBundle(_options, bundle) {
      const roots = new Set<string>();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of Object.keys(chunk.modules)) {
          const root = packageRoot(id.replace(/\?.*$/, '').replace(/^\0/, ''));
          if (root) roots.add(root);
        }
      }
      const pkgs = [...roots]
        .map(readPackage)
        .filter((p): p is Pkg => p !== null)
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const seen = new Set<string>();
      const parts = pkgs
        .filter((p) => !seen.has(p.name) && seen.add(p.name))
        .map((p) => `${p.name}@${p.version} (${p.license})\n${'-'.repeat(60)}\n${p.text || '(no licence file in the package)'}\n`);
      const head =
        'Third-party code bundled in Indo-Pacific Atlas, with its licences.\n' +
        'Fonts: Noto Sans, Noto Sans JP, Noto Sans Devanagari, Noto Sans Gujarati (SIL OFL 1.1, fonts/LICENSE-OFL.txt).\n' +
        'Basemap: Natural Earth (public domain). Towns on the map at detail zooms, and the gazetteer an import uses: GeoNames (CC BY 4.0).\n\n';
      this.emitFile({ type: 'asset', fileName: 'THIRD-PARTY-NOTICES.txt', source: head + parts.join('\n') });
    },
  };
}

export const _forTests = { packageRoot };
