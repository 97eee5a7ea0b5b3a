/**
 * What the articles show an actor doing and saying, ranked, computed once when the knowledge is
 * built: `/actor` and `/quote` then only read it. An actor counts with the people who speak for
 * it (Azerbaijan with Aliyev).
 */
import type { Actor, Mention, Passage, Quote } from './model.js';
import { foldText } from '../text.js';

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

// Two lead words are at most this long together ("kepemimpinan pemerintah"): a longer lead is no subject lead.
const MAX_LEAD = 30;
const FIRST_WORD = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u;
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/u;
// eslint-disable-next-line no-control-regex -- the whole ASCII range: such text needs no folding
const ASCII = /^[\x00-\x7f]*$/;

/**
 * How one mention shows the actor in its passage: acting (the subject of its sentence, at most two
 * lead words such as "Presiden" before it, or followed by a verb), described ("Rusia, yang …"),
 * or only mentioned. Runs for every mention when the knowledge is built, so it reads the text in
 * place rather than splitting it.
 */
export function mentionRole(passage: Passage, mention: Mention): 'acts' | 'described' | 'mention' {
  const text = passage.text;
  const localStart = mention.start - passage.start;
  const localEnd = mention.end - passage.start;
  const from = localStart - 1;
  const sentenceStart =
    Math.max(text.lastIndexOf('. ', from), text.lastIndexOf('? ', from), text.lastIndexOf('! ', from), -2) + 2;
  const leadStart = Math.max(0, sentenceStart);
  if (localStart - leadStart <= MAX_LEAD) {
    const raw = text.slice(leadStart, localStart);
    const lead = (ASCII.test(raw) ? raw.toLowerCase() : foldText(raw)).split(NOT_WORD).filter((w) => w !== '');
    if (lead.length <= 2 && lead.every((w) => SUBJECT_LEAD.has(w))) return 'acts';
  }
  const after = text.slice(localEnd, localEnd + 60);
  const next = FIRST_WORD.exec(after)?.[1];
  if (next !== undefined && VERB_AFTER.test(next.toLowerCase()) && !/^\s*[,.;:]/.test(after)) return 'acts';
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
  type Scored = { readonly role: EvidenceRole; readonly passageId: string; readonly quoteId?: string; score: number; order: number };
  const scored: Scored[] = [];
  const bonus = (passageId: string, mentions: number) =>
    (describing.has(passageId) ? DESCRIPTION_FIRST : 0) + (curated.has(passageId) ? CURATED_BONUS : 0) + MENTION_BONUS * Math.min(mentions, 5);
  quotes.forEach((quote, i) => {
    scored.push({
      role: 'quote',
      passageId: quote.passageId,
      quoteId: quote.id,
      score: ROLE_WEIGHT.quote + bonus(quote.passageId, byPassage.get(quote.passageId)?.length ?? 0),
      order: order(quote.passageId) + i / (quotes.length + 1),
    });
  });
  const sources = new Set<string>();
  // Every passage could at best be an act: classify them best-first and stop once no passage
  // left could reach the `max` best found so far. Most passages of a much-named actor are
  // never looked at, and the result is the same as classifying them all.
  const candidates: { passage: Passage; mentions: readonly Mention[]; upper: number; order: number }[] = [];
  for (const [passageId, mentions] of byPassage) {
    const passage = from.passageById.get(passageId);
    if (!passage) continue;
    sources.add(passage.sourceId);
    if (quoted.has(passageId)) continue;
    candidates.push({ passage, mentions, upper: ROLE_WEIGHT.acts + bonus(passageId, mentions.length), order: order(passageId) });
  }
  candidates.sort((a, b) => b.upper - a.upper || a.order - b.order);
  const rank = (a: Scored, b: Scored) => b.score - a.score || a.order - b.order;
  scored.sort(rank);
  scored.length = Math.min(scored.length, max);
  for (const { passage, mentions, upper, order: at } of candidates) {
    const kth = scored.length >= max ? scored[max - 1] : undefined;
    if (kth && (upper < kth.score || (upper === kth.score && at > kth.order))) break;
    // The strongest role of any naming in the passage; stop at the first act.
    let role: EvidenceRole = 'mention';
    for (const m of mentions) {
      const r = mentionRole(passage, m);
      if (r === 'acts') {
        role = r;
        break;
      }
      if (r === 'described') role = r;
    }
    const item: Scored = { role, passageId: passage.id, score: upper - ROLE_WEIGHT.acts + ROLE_WEIGHT[role], order: at };
    // Insert in rank order, keeping at most `max`.
    let i = scored.length;
    while (i > 0 && rank(scored[i - 1] as Scored, item) > 0) i--;
    if (i < max) {
      scored.splice(i, 0, item);
      if (scored.length > max) scored.pop();
    }
  }
  // Highlight ranges only for what is kept.
  const items = scored.slice(0, max).map((s): EvidenceItem => {
    const passage = from.passageById.get(s.passageId);
    const ranges = passage
      ? (byPassage.get(s.passageId) ?? []).map((m) => [m.start - passage.start, m.end - passage.start] as const)
      : [];
    return { role: s.role, passageId: s.passageId, ...(s.quoteId !== undefined ? { quoteId: s.quoteId } : {}), ranges };
  });
  return {
    family,
    items,
    passageCount: byPassage.size,
    sourceCount: sources.size,
    quotes,
  };
}
