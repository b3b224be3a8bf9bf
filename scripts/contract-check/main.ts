// `npm run contract-check -- --base-url <HD4DP S2S base> --organization <id>
//   (--token-url <url> --client-id <id> --client-secret <secret> | --token <bearer>)
//   [--dcd SPIN_SURG] [--dcd-version <v>] [--json]`
// Our HD4DP contract is largely ASSUMED (worker/src/registry/hd4dp-contract.ts): this runs
// its read-only calls and one synthetic draft against a real HD4DP, normally Healthdata's
// acceptance environment, and says field by field where the replies differ, so the contract
// is corrected before a hospital relies on it. `--help` for the rest.
import { runContractCheck } from "./run-contract-check.ts";

process.exitCode = await runContractCheck(process.argv.slice(2));
