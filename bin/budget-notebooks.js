#!/usr/bin/env node
// The command line (loaders/cli.ts) without a build step: register tsx's
// TypeScript loader in this process, then run the CLI. tsx is a runtime
// dependency for this reason; see `budget-notebooks --help`.
import {register} from "tsx/esm/api";

register();
const {runCli} = await import("../loaders/cli.ts");
process.exitCode = await runCli(process.argv.slice(2));
