// The programs the tests run besides Node, each with the Debian package that has it. `npm test`
// checks them before anything else (pretest) and stops with one line naming what is missing,
// rather than a screen of failed end-to-end tests; .ci/run installs what `--packages` prints.
import { spawnSync } from 'node:child_process';

const PACKAGE_OF = {
  script: 'bsdutils', // a pseudo-terminal for the tty tests
  tmux: 'tmux',
  less: 'less',
  man: 'man-db',
  bash: 'bash', // the completion scripts, run by each shell
  zsh: 'zsh',
  fish: 'fish',
};

const missing = Object.keys(PACKAGE_OF).filter((program) => spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status !== 0);
const packages = [...new Set(missing.map((program) => PACKAGE_OF[program]))];

if (process.argv.includes('--packages')) console.log(packages.join(' '));
else if (missing.length > 0) {
  console.error(`npm test: the tests also run ${missing.join(', ')}, not found on PATH (on Debian or Ubuntu: sudo apt-get install ${packages.join(' ')})`);
  process.exit(1);
}
