// Finds Firefox for the offline copy's browser test (FIREFOX_PATH, else /usr/bin/firefox-esr); installs Debian's
// firefox-esr package as root, as scripts/ensure-chromium.ts does for Chromium. Without it the Firefox check is skipped.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export function firefoxPath(): string {
  return process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
}

function main() {
  const path = firefoxPath();
  if (existsSync(path)) {
    console.log(`Firefox: ${path}`);
    return;
  }
  if (process.getuid?.() !== 0) {
    console.warn(`Firefox not found at ${path}: the offline copy's Firefox check will be skipped. Install Debian's "firefox-esr" or set FIREFOX_PATH.`);
    return;
  }
  console.log('Firefox not found: installing Debian\'s "firefox-esr" package with apt…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr', { stdio: 'inherit' });
}

main();
