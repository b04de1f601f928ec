// Times a resident on a 2G connection (about 250 kbit/s, 300 ms round trip, JavaScript off)
// loading the voice form and sending it, in Debian chromium against a local server.
//
//   npm run bench:2g
import os from 'node:os';
import { launchBrowser } from '../e2e/support/browser.ts';
import { startServer } from '../e2e/support/server.ts';
import { raiseVoiceOnTwoG, TWO_G } from '../e2e/support/slow-network.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const server = await startServer();
const browser = await launchBrowser();
try {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await raiseVoiceOnTwoG(browser, server.url));
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log('\nBaraza on a 2G connection');
  console.log(`network: ${(TWO_G.downloadThroughput * 8 / 1000).toFixed(0)} kbit/s down and up, ${TWO_G.latency} ms round trip; JavaScript off; ${RUNS} runs, medians`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, embedded database`);
  console.log(`voice form loaded (page and stylesheet)   ${median(runs.map((r) => r.formMs)).toFixed(0).padStart(6)} ms`);
  console.log(`voice sent, its page loaded               ${median(runs.map((r) => r.submitMs)).toFixed(0).padStart(6)} ms`);
  console.log(`bytes over the network, whole journey     ${median(runs.map((r) => r.bytes)).toFixed(0).padStart(6)}`);
} finally {
  await browser.close();
  await server.stop();
}
