#!/usr/bin/env node
/** The `randshim-conformance` executable (package.json "bin"): ./cli.ts's main, exit code as is. */
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2));
