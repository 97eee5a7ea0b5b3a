/**
 * The recap of a discussion: who took part and as which actor, the claims with their citations,
 * contributions per student, and the stance counts before and after. Counts only: who chose
 * what appears nowhere here (the teacher's export can add it, see `exports.ts`).
 */
import { cite, reply, section } from '../answers/common.js';
import type { Reply, ReplySection } from '../answers/reply.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale } from '../knowledge/model.js';
import { truncate } from '../text.js';
import { tallyStances, type StanceCount } from './discussion.js';
import { dt } from './messages.js';
import type { Claim, DiscussionRecord } from './model.js';
import { actorLabel } from './prompt.js';

/** Claims shown in the recap itself; all of them are in the export. */
export const RECAP_CLAIMS = 15;
/** Lines of one recap field, kept well under Discord's 1024 characters. */
const FIELD_CHARS = 900;

/** One student's part in a discussion. */
export type Contribution = {
  readonly userId: string;
  readonly displayName: string;
  readonly actorId: string | null;
  readonly messages: number;
  readonly claims: number;
};

export type RecapData = {
  readonly record: DiscussionRecord;
  readonly contributions: readonly Contribution[];
  readonly stanceCounts: readonly StanceCount[];
  readonly answered: { readonly before: number; readonly after: number };
  readonly totalMessages: number;
};

/** Everyone who joined, wrote in the thread or made a claim, in join order, then by first message. */
export function recapData(record: DiscussionRecord): RecapData {
  const byUser = new Map<string, { userId: string; displayName: string; actorId: string | null; messages: number; claims: number }>();
  const entry = (userId: string, displayName: string) => {
    let e = byUser.get(userId);
    if (!e) {
      e = { userId, displayName, actorId: null, messages: 0, claims: 0 };
      byUser.set(userId, e);
    }
    return e;
  };
  for (const p of record.participants) entry(p.userId, p.displayName).actorId = p.actorId;
  for (const m of record.messageCounts) entry(m.userId, m.displayName).messages = m.messages;
  for (const c of record.claims) entry(c.userId, c.displayName).claims += 1;
  const stanceCounts = tallyStances(record.stances, record.discussion.stanceOptions);
  return {
    record,
    contributions: [...byUser.values()],
    stanceCounts,
    answered: {
      before: record.stances.filter((s) => s.phase === 'before').length,
      after: record.stances.filter((s) => s.phase === 'after').length,
    },
    totalMessages: record.messageCounts.reduce((sum, m) => sum + m.messages, 0),
  };
}

/** Lines grouped into sections of at most `FIELD_CHARS` characters each, all under one heading. */
function linesSections(heading: string, lines: readonly string[]): ReplySection[] {
  const out: ReplySection[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines.map((l) => truncate(l, 200))) {
    if (current.length > 0 && size + line.length + 1 > FIELD_CHARS) {
      out.push(section(heading, current.join('\n'), []));
      current = [];
      size = 0;
    }
    current.push(line);
    size += line.length + 1;
  }
  if (current.length > 0) out.push(section(heading, current.join('\n'), []));
  return out;
}

export function formatTime(ms: number | null): string {
  return ms === null ? '…' : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * The recap as a reply. `nameOf` names a student: `<@id>` on Discord (no message allows
 * mentions, so nobody is pinged), the display name in the console.
 */
export function buildRecap(
  kb: KnowledgeBase,
  data: RecapData,
  locale: Locale,
  nameOf: (c: Pick<Contribution, 'userId' | 'displayName'>) => string,
): Reply {
  const { discussion, claims } = data.record;
  const scenario = kb.scenarios.find((s) => s.id === discussion.scenarioId);
  const title = scenario ? scenario.title[locale] : discussion.scenarioId;
  const roleOf = (c: Contribution) => (c.actorId !== null ? actorLabel(kb, c.actorId, locale) : dt(locale, 'recap.noRole'));
  const people = data.contributions;
  const sections: ReplySection[] = [
    ...(people.length === 0
      ? [section(dt(locale, 'recap.roles'), dt(locale, 'recap.nobody'), [])]
      : linesSections(
          dt(locale, 'recap.roles'),
          people.map((c) => dt(locale, 'roles.line', { student: nameOf(c), actor: roleOf(c) })),
        )),
    ...linesSections(
      dt(locale, 'recap.contributions'),
      [...people]
        .sort((a, b) => b.messages + b.claims - (a.messages + a.claims))
        .map((c) => dt(locale, 'recap.contribution', { student: nameOf(c), messages: c.messages, claims: c.claims })),
    ),
    section(
      dt(locale, 'recap.stances'),
      [
        ...data.stanceCounts.map((s) =>
          dt(locale, 'recap.stanceLine', { option: s.option.label[locale], before: s.before, after: s.after }),
        ),
        dt(locale, 'recap.stanceTotals', data.answered),
        ...(discussion.status === 'closed' ? [dt(locale, 'recap.afterHint')] : []),
      ].join('\n'),
      [],
    ),
    ...(claims.length === 0 ? [section(dt(locale, 'export.claimList'), dt(locale, 'recap.noClaims'), [])] : []),
    ...claims.slice(0, RECAP_CLAIMS).map((claim, i) => claimSection(kb, claim, i + 1, locale, nameOf)),
  ];
  const footer = [
    dt(locale, 'recap.footer', {
      scenario: discussion.scenarioId,
      start: formatTime(discussion.startedAt),
      end: formatTime(discussion.endedAt),
    }),
    ...(claims.length > RECAP_CLAIMS ? [`+${claims.length - RECAP_CLAIMS}`] : []),
  ].join(' · ');
  return reply({
    status: 'ok',
    locale,
    command: 'discuss',
    title: dt(locale, 'recap.title', { title: title }),
    intro: dt(locale, 'recap.intro', {
      question: discussion.question,
      participants: people.length,
      claims: claims.length,
      messages: data.totalMessages,
    }),
    sections,
    footer,
  });
}

function claimSection(
  kb: KnowledgeBase,
  claim: Claim,
  n: number,
  locale: Locale,
  nameOf: (c: Pick<Contribution, 'userId' | 'displayName'>) => string,
): ReplySection {
  const passage = kb.passageById.get(claim.passageId);
  const actor = claim.actorId !== null ? ` (${actorLabel(kb, claim.actorId, locale)})` : '';
  const body = `${nameOf(claim)}${actor}: ${truncate(claim.text, 500)}${passage ? '' : ` \`${claim.passageId}\``}`;
  return section(dt(locale, 'recap.claim', { n }), body, passage ? [cite(kb, passage)] : []);
}
