#!/usr/bin/env node
// The `cademi-monitor` command: the built Node CLI (npm ci builds it through `prepare`).
require('../dist/cli.js').runFromProcess();
