// Finds Chromium for the browser tests (CHROME_PATH, else /usr/bin/chromium); installs Debian's package as root.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export function chromiumPath(): string {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

function main() {
  const path = chromiumPath();
  if (existsSync(path)) {
    console.log(`Chromium: ${path}`);
    return;
  }
  if (process.getuid?.() !== 0) {
    console.error(`Chromium not found at ${path}. Install Debian's "chromium" package or set CHROME_PATH.`);
    process.exit(1);
  }
  console.log('Chromium not found: installing Debian\'s "chromium" package with apt…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  if (!existsSync(path)) {
    console.error(`apt installed chromium, but ${path} still does not exist; set CHROME_PATH.`);
    process.exit(1);
  }
}

main();
