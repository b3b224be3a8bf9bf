import { startDemoEhr } from "./start-demo-ehr.ts";

// `node scripts/demo-ehr/main.ts [port]`: the demo EHR on http://127.0.0.1:8789.
const port = Number(process.argv[2] ?? process.env.DEMO_EHR_PORT ?? 8789);
const ehr = await startDemoEhr({ port, host: "127.0.0.1" });
console.log(`Demo EHR on ${ehr.url}/ (synthetic patients)`);
const stop = () => {
  void ehr.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
