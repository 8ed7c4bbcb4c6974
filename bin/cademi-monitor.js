#!/usr/bin/env node
// The `cademi-monitor` command: the built Node CLI (npm ci builds it through `prepare`).
require('../build/node/cli.js').runFromProcess();
