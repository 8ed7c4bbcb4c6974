#!/usr/bin/env node
// The `cademi-monitor` command: the built Node CLI (npm ci builds it through `prepare`).
// Source maps on before dist/cli.js loads (only files loaded after this are mapped), so a stack
// trace (CADEMI_DEBUG=1) names the src/*.ts line, not a line of the bundle.
process.setSourceMapsEnabled(true);
require('../dist/cli.js').runFromProcess();
