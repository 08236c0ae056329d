/** Turns judged tool candidates into {@link LintFinding}s, materialising fix intents in the source syntax. */
import { RULES } from './ruleCatalog';
import { judgeParameters, type FixIntent } from './schemaJudge';
import type { ToolCandidate } from './toolShapes';
import type { LintFinding, LintFix } from './types';

export interface FindingOptions {
  reportUnresolved?: boolean;
}

export function findingsForCandidates(candidates: readonly ToolCandidate[], options: FindingOptions = {}): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const candidate of candidates) {
    const subject = candidate.toolName === undefined ? 'A function tool' : `Tool ${JSON.stringify(candidate.toolName)}`;
    const judgements = judgeParameters(candidate.parameters, {
      subject,
      strength: candidate.strength,
      rootSpan: candidate.span,
      reportUnresolved: options.reportUnresolved === true && candidate.strength === 'strong',
    });
    for (const judgement of judgements) {
      findings.push({
        rule: judgement.rule,
        severity: RULES[judgement.rule].severity,
        message: judgement.message,
        ...(candidate.toolName === undefined ? {} : { toolName: candidate.toolName }),
        start: judgement.span.start,
        end: judgement.span.end,
        fixes: judgement.fixes.map(materialise).filter((fix): fix is LintFix => fix !== undefined),
      });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}

function materialise(intent: FixIntent): LintFix | undefined {
  const edits =
    intent.kind === 'edits' ? intent.edits : intent.kind === 'wrap' ? intent.value.syntax?.wrapInObject(intent.span, intent.value) : intent.object.syntax?.addObjectType(intent.object);
  return edits === undefined || edits.length === 0 ? undefined : { title: intent.title, edits };
}
