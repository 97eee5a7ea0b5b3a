/**
 * Checking the evidence of curated texts against the passages: what `kb check` reports and what
 * the running bot leaves out.
 */
import type { EvidenceRef } from './knowledge-files.js';
import type { Actor, LeftOut, Mention, Passage, Problem } from './model.js';

export type EvidenceCheck = { readonly problems: Problem[]; readonly leftOut: LeftOut[]; readonly actors: Actor[] };

/**
 * Checks every evidence id against the passages. An actor's description or position whose
 * evidence does not hold is an error for `kb check` and is left out of what students see (never
 * shown as if it were sourced); a description with no evidence at all is left out with a
 * warning. A scenario's bad evidence id is a warning: the citation is dropped.
 */
export function checkEvidence(
  refs: readonly EvidenceRef[],
  passageById: ReadonlyMap<string, Passage>,
  mentionsByPassage: ReadonlyMap<string, readonly Mention[]>,
  actors: readonly Actor[],
  actorsFile: string,
  actorLines: ReadonlyMap<string, number>,
): EvidenceCheck {
  const problems: Problem[] = [];
  const failed = new Map<string, { file: string; line: number; reason: string }>();
  const keyOf = (b: NonNullable<EvidenceRef['backs']>) => `${b.actorId}\u0000${b.part}\u0000${b.index}`;
  const fail = (ref: EvidenceRef, reason: string) => {
    problems.push({ file: ref.file, line: ref.line, message: `${ref.owner}: ${reason}`, severity: ref.backs ? 'error' : 'warning' });
    if (ref.backs && !failed.has(keyOf(ref.backs))) failed.set(keyOf(ref.backs), { file: ref.file, line: ref.line, reason });
  };
  for (const ref of refs) {
    if (!passageById.has(ref.passageId)) {
      fail(ref, `evidence "${ref.passageId}" is not a passage (ids look like <source id>#<paragraph>; see npm run kb -- passages)`);
      continue;
    }
    for (const actorId of ref.actorIds) {
      // A person speaking for an actor counts as the actor (Aliyev's words are Azerbaijan's).
      const speakers = new Set([actorId, ...actors.filter((a) => a.affiliation === actorId).map((a) => a.id)]);
      const mentioned = (mentionsByPassage.get(ref.passageId) ?? []).some((m) => speakers.has(m.actorId));
      if (!mentioned) fail(ref, `evidence "${ref.passageId}" does not mention this actor by any of its names`);
    }
  }
  const leftOut: LeftOut[] = [];
  const kept = actors.map((actor): Actor => {
    const positions = actor.positions.filter((position, index) => {
      const failure = failed.get(keyOf({ actorId: actor.id, part: 'position', index }));
      if (failure) leftOut.push({ ...failure, actorId: actor.id, part: 'position', text: position.text.en });
      return failure === undefined;
    });
    let keepDescription = actor.description !== undefined;
    if (actor.description && (actor.descriptionEvidence ?? []).length === 0) {
      const line = actorLines.get(actor.id) ?? 1;
      const reason = 'its description cites no passage: add "evidence: [passage ids]" under description (until then students do not see it)';
      problems.push({ file: actorsFile, line, message: `actor "${actor.id}": ${reason}`, severity: 'warning' });
      leftOut.push({ file: actorsFile, line, actorId: actor.id, part: 'description', text: actor.description.en, reason });
      keepDescription = false;
    }
    const failure = failed.get(keyOf({ actorId: actor.id, part: 'description', index: 0 }));
    if (actor.description && failure) {
      leftOut.push({ ...failure, actorId: actor.id, part: 'description', text: actor.description.en });
      keepDescription = false;
    }
    if (keepDescription && positions.length === actor.positions.length) return actor;
    const { description, descriptionEvidence, ...rest } = actor;
    return {
      ...rest,
      positions,
      ...(keepDescription && description ? { description, ...(descriptionEvidence ? { descriptionEvidence } : {}) } : {}),
    };
  });
  return { problems, leftOut, actors: kept };
}

