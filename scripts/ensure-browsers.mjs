// Makes sure the browser tests have their three engines: Chromium, Firefox ESR and WebKitGTK
// (MiniBrowser with its WebDriver server, on a virtual display, focused with xdotool). Installs
// Debian's packages when it can (root on Debian); otherwise says in one line per engine how to
// get it. ENGINES=chromium,firefox,webkit (the default) names the engines the tests run in.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, findFirefox, findWebKit } from './browsers.mjs';

const onPath = (command) => process.env.PATH.split(':').some((dir) => existsSync(`${dir}/${command}`));

/** Each engine: whether it is here, the Debian packages that bring it, and how to point at one of one's own. */
const ENGINES = {
  chromium: { here: () => findChromium() !== null, packages: ['chromium'], otherwise: 'or set CHROME_PATH to a Chromium or Chrome binary' },
  firefox: { here: () => findFirefox() !== null, packages: ['firefox-esr'], otherwise: 'or set FIREFOX_PATH to a Firefox binary' },
  webkit: {
    here: () => findWebKit() !== null && onPath('Xvfb') && onPath('xdotool'),
    packages: ['webkit2gtk-driver', 'xvfb', 'xdotool'],
    otherwise: '(WebKitGTK, run on a virtual display)',
  },
};

const wanted = (process.env.ENGINES ?? 'chromium,firefox,webkit').split(',');
const unknown = wanted.filter((name) => !(name in ENGINES));
if (unknown.length) {
  console.error(`ENGINES names an engine the tests do not know: ${unknown.join(', ')} (known: ${Object.keys(ENGINES).join(', ')}).`);
  process.exit(1);
}

let missing = wanted.filter((name) => !ENGINES[name].here());
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (missing.length && isRoot && existsSync('/etc/debian_version')) {
  const packages = missing.flatMap((name) => ENGINES[name].packages);
  console.log(`Installing Debian's ${packages.join(', ')} for the browser tests (apt-get) ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  missing = missing.filter((name) => !ENGINES[name].here());
}

for (const name of missing) {
  const engine = ENGINES[name];
  console.error(
    `No ${name} for the browser tests: install it (Debian/Ubuntu: \`sudo apt-get install ${engine.packages.join(' ')}\`) ${engine.otherwise}, or leave it out with ENGINES=${wanted.filter((n) => n !== name).join(',')}.`,
  );
}
process.exit(missing.length ? 1 : 0);
