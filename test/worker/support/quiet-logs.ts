// The worker's log lines are for Workers Logs, not for the test report: silent in tests,
// unless a test installs its own sink to read them (privacy.test.ts does).
import { setLogSink } from "../../../worker/src/log/log-event.ts";

setLogSink(() => {});
