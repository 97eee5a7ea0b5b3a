/**
 * What the articles show an actor doing and saying, ranked, computed once when the knowledge is
 * built: `/actor` and `/quote` then only read it. An actor counts with the people who speak for
 * it (Azerbaijan with Aliyev).
 */
import type { Actor, Mention, Passage, Quote } from './model.js';
import { foldText, words } from '../text.js';

/** How a passage shows the actor: its own words, an act, what it is, or a mention. */
export type EvidenceRole = 'quote' | 'acts' | 'described' | 'mention';

export type EvidenceItem = {
  readonly role: EvidenceRole;
  readonly passageId: string;
  /** For `quote`: the quote shown. */
  readonly quoteId?: string;
  /** Where the actor (or one of its people) is named, as offsets into the passage text. */
  readonly ranges: readonly (readonly [number, number])[];
};

export type ActorEvidence = {
  /** The actor and the people who speak for it. */
  readonly family: readonly string[];
  /** Best evidence first, at most the `max` given when built. */
  readonly items: readonly EvidenceItem[];
  /** Passages naming the actor or its people, and their sources. */
  readonly passageCount: number;
  readonly sourceCount: number;
  /** Quotes by the actor or its people, in source order. */
  readonly quotes: readonly Quote[];
};

// How much each role says about "what does this actor do and say".
const ROLE_WEIGHT: Readonly<Record<EvidenceRole, number>> = { quote: 3, acts: 3, described: 2, mention: 1 };
/** A passage the teacher cites for this actor is worth more: the teacher chose it. */
const CURATED_BONUS = 0.5;
/** More than any role is worth: the description's evidence leads. */
const DESCRIPTION_FIRST = 10;
/** A little for each naming of the actor in a passage (up to five): it is more about the actor. */
const MENTION_BONUS = 0.1;

// Words that may stand before the subject of a sentence without making it a mere mention.
const SUBJECT_LEAD = new Set(
  [
    'presiden',
    'perdana',
    'menteri',
    'pasukan',
    'pemerintah',
    'kepemimpinan',
    'tentara',
    'militer',
    'tapi',
    'namun',
    'sementara',
    'kemudian',
    'lalu',
    'the',
    'but',
    'president',
    'prime',
    'minister',
    'forces',
    'troops',
    'government',
    'leader',
    'then',
    'meanwhile',
    'and',
    'dan',
    'kini',
    'now',
  ].map(foldText),
);
const VERB_AFTER =
  /^(?:me[mngy]?|ber|ter|di(?!a\b)|telah|akan|masih|sedang|sudah|tidak|pernah|terus|juga|harus|said|says|asked|asks|told|has|have|had|will|would|is|was|did|does|called|calls|warned|wants|\p{L}+ed|\p{L}+s)\p{L}*$/u;
// "Rusia, yang selama bertahun-tahun menjadi penjamin …", "Russia, which has long …", "X adalah …".
const DESCRIBED_AFTER = /^\s*(?:,\s*(?:yang|which|who|the|sebuah|seorang)\b|\s(?:adalah|merupakan|ialah|sebagai|is an?|was an?|is the|was the)\b)/iu;

/** How one mention shows the actor in its passage. */
export function mentionRole(passage: Passage, mention: Mention): 'acts' | 'described' | 'mention' {
  const localStart = mention.start - passage.start;
  const localEnd = mention.end - passage.start;
  const before = passage.text.slice(0, localStart);
  const after = passage.text.slice(localEnd, localEnd + 60);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '), -1) + 1;
  const lead = words(before.slice(sentenceStart)).map((w) => foldText(w.word));
  if (lead.every((w) => SUBJECT_LEAD.has(w)) && lead.length <= 2) return 'acts';
  const next = words(after)[0];
  if (next !== undefined && VERB_AFTER.test(foldText(next.word)) && !/^[,.;:]/.test(after.trimStart())) return 'acts';
  return DESCRIBED_AFTER.test(after) ? 'described' : 'mention';
}

export type EvidenceSources = {
  readonly actors: readonly Actor[];
  readonly passageById: ReadonlyMap<string, Passage>;
  readonly passageOrder: ReadonlyMap<string, number>;
  readonly mentionsByActor: ReadonlyMap<string, readonly Mention[]>;
  readonly quotesBySpeaker: ReadonlyMap<string, readonly Quote[]>;
};

/** The ranked evidence of one actor, keeping the best `max` items. */
export function actorEvidence(actor: Actor, from: EvidenceSources, max: number): ActorEvidence {
  const family = [actor.id, ...from.actors.filter((a) => a.affiliation === actor.id).map((a) => a.id)];
  // The passages behind the description come first: they say who the actor is.
  const describing = new Set(actor.descriptionEvidence ?? []);
  const curated = new Set(
    family.flatMap((id) => {
      const member = from.actors.find((a) => a.id === id);
      return [...(member?.positions.flatMap((p) => p.evidence) ?? []), ...(member?.descriptionEvidence ?? [])];
    }),
  );
  const byPassage = new Map<string, Mention[]>();
  for (const id of family) {
    for (const m of from.mentionsByActor.get(id) ?? []) {
      const list = byPassage.get(m.passageId);
      if (list) list.push(m);
      else byPassage.set(m.passageId, [m]);
    }
  }
  const order = (passageId: string) => from.passageOrder.get(passageId) ?? 0;
  const quotes = family.flatMap((id) => from.quotesBySpeaker.get(id) ?? []).sort((a, b) => order(a.passageId) - order(b.passageId) || a.start - b.start);
  const quoted = new Set(quotes.map((q) => q.passageId));
  const scored: { item: EvidenceItem; score: number; order: number }[] = [];
  const rangesIn = (passage: Passage, mentions: readonly Mention[]) =>
    mentions.map((m) => [m.start - passage.start, m.end - passage.start] as const);
  const bonus = (passageId: string, mentions: number) =>
    (describing.has(passageId) ? DESCRIPTION_FIRST : 0) + (curated.has(passageId) ? CURATED_BONUS : 0) + MENTION_BONUS * Math.min(mentions, 5);
  quotes.forEach((quote, i) => {
    const passage = from.passageById.get(quote.passageId);
    const mentions = byPassage.get(quote.passageId) ?? [];
    const ranges = passage ? rangesIn(passage, mentions) : [];
    scored.push({
      item: { role: 'quote', passageId: quote.passageId, quoteId: quote.id, ranges },
      score: ROLE_WEIGHT.quote + bonus(quote.passageId, mentions.length),
      order: order(quote.passageId) + i / (quotes.length + 1),
    });
  });
  const sources = new Set<string>();
  for (const [passageId, mentions] of byPassage) {
    const passage = from.passageById.get(passageId);
    if (!passage) continue;
    sources.add(passage.sourceId);
    if (quoted.has(passageId)) continue;
    const roles = mentions.map((m) => mentionRole(passage, m));
    const role = roles.includes('acts') ? 'acts' : roles.includes('described') ? 'described' : 'mention';
    scored.push({
      item: { role, passageId, ranges: rangesIn(passage, mentions) },
      score: ROLE_WEIGHT[role] + bonus(passageId, mentions.length),
      order: order(passageId),
    });
  }
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return {
    family,
    items: scored.slice(0, max).map((s) => s.item),
    passageCount: byPassage.size,
    sourceCount: sources.size,
    quotes,
  };
}
