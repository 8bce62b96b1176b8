#!/usr/bin/env node
// The command. All of it lives in the bundle built by `npm run build` (dist/broadsheet.js).
import { run } from '../dist/broadsheet.js';

await run();
