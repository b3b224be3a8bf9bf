#!/usr/bin/env node
// The CLI is TypeScript run by Node >= 22's type stripping (no build step).
import { main } from "../cli/main.ts";

process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr);
