/**
 * Paired A/B of the panel's streaming cost: the working tree against another commit, in one process,
 * alternating runs (A B, B A, …) of the benchmark's answer into the real panel, so the machine's slow
 * and fast spells fall on both alike. Single `bench:panel` runs drift by about 1.5× between spells, too
 * much to judge a change of 5–15 %; the per-pair ratios here can.
 *
 * Run: npx tsx bench/panelAB.ts <commit> [rate=1000] [pairs=6]
 * The commit is checked out in a temporary git worktree (removed afterwards) that shares node_modules.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchBrowser } from './panelBrowser';
import { benchAnswer, startMeasuredTurn, streamMeasured, warmUp } from './panelSession';
import type { AnswerPlan } from './panelStream';
import { median } from './stats';

const ROOT = join(__dirname, '..');
const SETTLE_TIMEOUT_MS = 60_000;

interface Side {
  name: string;
  browser: BenchBrowser;
  wallMs: number[];
  cpuMs: number[];
}

async function main(): Promise<void> {
  const [ref, rateArg = '1000', pairsArg = '6'] = process.argv.slice(2);
  if (!ref) throw new Error('usage: npx tsx bench/panelAB.ts <commit> [rate] [pairs]');
  const rate = Number(rateArg);
  const pairs = Number(pairsArg);
  if (!(rate > 0) || !(pairs > 0)) throw new Error(`rate and pairs must be positive: ${rateArg} ${pairsArg}`);
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();

  const dir = mkdtempSync(join(tmpdir(), 'panel-ab-'));
  const worktree = join(dir, 'tree');
  execFileSync('git', ['worktree', 'add', '--detach', '--quiet', worktree, commit], { cwd: ROOT });
  const sides: Side[] = [];
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(worktree, 'node_modules'));
    // The other tree's own bundling and page setup, so its panel is built exactly as it was then.
    const other = (await import(join(worktree, 'bench', 'panelBrowser.ts'))) as { BenchBrowser: typeof BenchBrowser };
    sides.push({ name: `${ref} (${commit.slice(0, 7)})`, browser: await other.BenchBrowser.start(), wallMs: [], cpuMs: [] });
    sides.push({ name: 'working tree', browser: await BenchBrowser.start(), wallMs: [], cpuMs: [] });

    const { plan } = benchAnswer();
    console.log(`Paired A/B at ${rate} deltas/s, ${pairs} pairs: ${sides[0].name} vs ${sides[1].name}`);
    for (let pair = 0; pair < pairs; pair++) {
      for (const side of pair % 2 === 0 ? sides : [...sides].reverse()) await measure(side, plan, rate);
      process.stdout.write(`  pair ${pair + 1}: ${sides.map((s) => `${s.wallMs[pair].toFixed(0)} ms`).join(' vs ')}\n`);
    }
  } finally {
    await Promise.all(sides.map((side) => side.browser.close()));
    execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: ROOT });
    rmSync(dir, { recursive: true, force: true });
  }

  for (const side of sides) {
    console.log(`${side.name}: main thread wall median ${median(side.wallMs).toFixed(0)} ms, CPU median ${median(side.cpuMs).toFixed(0)} ms`);
  }
  const ratios = sides[1].wallMs.map((ms, i) => ms / sides[0].wallMs[i]);
  console.log(`working tree / ${ref}, per pair: ${ratios.map((r) => r.toFixed(2)).join(' ')}; median ${median(ratios).toFixed(2)}`);
}

/**
 * One stream into a fresh page of `side`'s panel, warmed up as bench:panel does: main-thread wall
 * (TaskDuration) and CPU (ThreadTime).
 */
async function measure(side: Side, plan: AnswerPlan, rate: number): Promise<void> {
  const page = await side.browser.open('ours');
  try {
    await warmUp(page, plan);
    await startMeasuredTurn(page);
    const { main } = await streamMeasured(page, plan, rate, 'coalesced', SETTLE_TIMEOUT_MS);
    side.wallMs.push(main.TaskDuration);
    side.cpuMs.push(main.ThreadTime);
  } finally {
    await page.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
