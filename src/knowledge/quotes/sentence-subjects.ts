/** Who a sentence is about when no speech verb says: the subject of a partial quote's sentence, or of the sentence before a quote. */
import { NAME_PARTICLES, PERSON_PRONOUNS } from './lexicon.js';
import { type Ctx, isRoleNoun, isRoleWord, type KnownPeople, leadInEnd, parseRun } from './names.js';
import { type ParagraphInfo, sentenceAt } from './paragraphs.js';
import { type Span } from './spans.js';
import { isSpeechVerb, parseSubject, type SpeakerRef, subjectOf } from './subjects.js';
import { isInitial, isUpper, runEndingAt, runFrom, type Token, tokenize } from './tokens.js';

/**
 * A person named as the subject of the sentence `tokens`, with no speech verb needed: `Campaign
 * leader Ana Ruiz, a retired nurse who …, was in tears`, `Ketua Forum Warga X, Budi Santoso,
 * menilai …` (the person after the comma), `She …` (a pronoun). A single unknown capitalized word
 * is not enough (`Pasukan terus bergerak`): it is a person only with a title, a role noun before
 * it, a second word, or when the article already knows it as a person.
 */
export function namedSubject(ctx: Ctx, tokens: readonly Token[], people: KnownPeople): SpeakerRef | null {
  const from = leadInEnd(ctx, tokens);
  const first = tokens[from];
  if (!first?.word) return null;
  if (PERSON_PRONOUNS.has(first.folded)) return { kind: 'pronoun', at: first.start };
  // The head of the subject: role words and capitalized words (`Dr.` included), up to the verb or an appositive.
  let end = from;
  for (; end < tokens.length; end++) {
    const t = tokens[end] as Token;
    if (t.text === '.' && end > from && isInitial(tokens[end - 1] as Token)) continue;
    if (!t.word || !(isUpper(t.text) || isRoleWord(tokens, end) || NAME_PARTICLES.has(t.text))) break;
  }
  const stop = tokens[end];
  if (!stop || !(stop.text === ',' || (stop.word && !isUpper(stop.text)))) return null;
  const person = (run: [number, number] | null): SpeakerRef | null => {
    const parsed = run ? parseRun(ctx, tokens, run) : null;
    if (!run || parsed?.kind !== 'person') return null;
    const confident = run[1] > run[0] || parsed.titled || isRoleNoun(tokens[run[0] - 1]) || people.isKnownPerson(parsed.name) || people.actorFor(parsed.name) !== null;
    return confident ? { kind: 'name', name: parsed.name, org: false, at: parsed.start } : null;
  };
  const head = person(runEndingAt(tokens, end - 1, ctx.content));
  if (head || stop.text !== ',') return head;
  // `Ketua Paguyuban X, Budi Santoso, …`: a role or an organisation, then the person's name.
  const next = runFrom(tokens, end + 1, ctx.content);
  return next && tokens[next[1] + 1]?.text === ',' ? person(next) : null;
}

/**
 * Who says a quote that has no attribution and opens its sentence, from the sentence before it
 * in the same paragraph: the subject of a speech verb there (`She told the BBC about a mother
 * who …. "…"`), else the person it is about (`Ana Ruiz was in tears. "…"`).
 */
export function previousSentenceSubject(ctx: Ctx, para: ParagraphInfo, span: Span, people: KnownPeople): SpeakerRef | null {
  const sentence = sentenceAt(para, span.open);
  if (sentence <= para.start || /[\p{L}\p{N}]/u.test(ctx.content.slice(sentence, span.open))) return null;
  const previous = sentenceAt(para, sentence - 1);
  const tokens = tokenize(para.masked.slice(previous - para.start, sentence - para.start), previous);
  for (let v = tokens.length - 1; v >= 0; v--) {
    if (!isSpeechVerb(tokens[v] as Token)) continue;
    const ref = subjectOf(ctx, tokens, v);
    if (ref && ref.kind !== 'role') return ref;
    if (ref) break;
  }
  return namedSubject(ctx, tokens, people);
}

/**
 * The subject of the sentence `tokens` when it comes first (after an opening phrase such as
 * `Namun,` or `In a statement,`): a pronoun or a name before the first lower-case word that is
 * not part of a role. `Vale's campaign manager, Theo Brandt, dismissed …` -> Theo Brandt.
 */
export function predicateSubject(ctx: Ctx, tokens: readonly Token[]): SpeakerRef | null {
  const from = leadInEnd(ctx, tokens);
  for (let v = from; v < tokens.length; v++) {
    const t = tokens[v] as Token;
    if (!t.word) continue;
    if (isUpper(t.text) || isRoleWord(tokens, v) || NAME_PARTICLES.has(t.text) || PERSON_PRONOUNS.has(t.folded)) continue;
    if (v === from) return null;
    const ref = parseSubject(ctx, tokens.slice(from), v - from);
    return ref?.kind === 'role' ? null : ref;
  }
  return null;
}
