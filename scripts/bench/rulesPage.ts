/**
 * Entry of the bundle the Chromium bench adds to about:blank: generates the data set in the page and times
 * runAllRules there, so the figure is the renderer's, not Node's. Exposed as `globalThis.rulesBench`.
 */
import { DASHBOARD_SIZE, generateRulesDataset, type RulesDataset } from './rulesDataset';
import { runRulesOverBranches, timeEachRule } from './rulesRun';

export interface RulesPageResult {
  generateMs: number;
  counts: { branches: number; members: number; meetings: number; talks: number };
  findings: number;
  warmUpMs: number;
  runsMs: number[];
  /** One run of each rule on its own (after the timed runs, so warm). */
  byRuleMs: Record<string, number>;
}

let dataset: RulesDataset | undefined;

function generate(today: string): Pick<RulesPageResult, 'generateMs' | 'counts'> {
  const start = performance.now();
  dataset = generateRulesDataset({ ...DASHBOARD_SIZE, today });
  return {
    generateMs: performance.now() - start,
    counts: {
      branches: dataset.branches.length,
      members: dataset.members.length,
      meetings: dataset.meetings.length,
      talks: dataset.talks.length,
    },
  };
}

/** One warm-up, then `runs` timed runs. */
function time(today: string, runs: number): Pick<RulesPageResult, 'findings' | 'warmUpMs' | 'runsMs' | 'byRuleMs'> {
  if (!dataset) {
    throw new Error('generate() first');
  }
  const data = dataset;
  const once = () => {
    const start = performance.now();
    const findings = runRulesOverBranches(data, today);
    return { ms: performance.now() - start, findings };
  };
  const warmUp = once();
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    runsMs.push(once().ms);
  }
  return { findings: warmUp.findings, warmUpMs: warmUp.ms, runsMs, byRuleMs: timeEachRule(data, today, () => performance.now()) };
}

// The bench's entry point for rulesChromium.ts, which calls it from Node.
(globalThis as { rulesBench?: unknown }).rulesBench = { generate, time };
