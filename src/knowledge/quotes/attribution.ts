/** Step 2: which words around a span attribute it, and whether the span is a quote at all. */
import { ADVERBS, ATTRIBUTION_TAIL, EN_SUBJECT_PRONOUNS, LABEL_CUES, NAME_PARTICLES, NAMING_VERBS, NICKNAME_VERBS, NYA_FORMS, OBJECT_PRONOUNS, OTHER_PRONOUNS, PARTICIPLES, PERSON_PRONOUNS, set, VERB_FIRST, WRITING_CUES } from './lexicon.js';
import { type Ctx, isRoleNoun, isRoleWord, parseRun } from './names.js';
import { type ParagraphInfo, sentenceAt, tokensOf } from './paragraphs.js';
import { predicateSubject } from './sentence-subjects.js';
import { type Span } from './spans.js';
import { accordingTo, type Attribution, isSpeechVerb, parseAfterVerb, parseSubject, type SpeakerRef, subjectOf } from './subjects.js';
import { firstSentence, isUpper, runEndingAt, type Token, tokenize, wordCount } from './tokens.js';

/** Words between a speech verb and the span it governs (`Smith said the plan was "…"`). */
export const MAX_CLAUSE_WORDS = 8;


/** Words right before a span that make it a label (`yang disebut "…"`, `the so-called "…"`). */
export function labelCue(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => t.word);
  const last = words[words.length - 1];
  const prev = words[words.length - 2];
  if (!last) return false;
  if (LABEL_CUES.has(last.folded)) return true;
  // `banners reading "…"`, but not `the statement read: "…"`.
  if (WRITING_CUES.has(last.folded) && tokens[tokens.length - 1] === last) return true;
  // `whom supporters call her "…"`, `fans called him "…"`.
  if (OBJECT_PRONOUNS.has(last.folded) && prev !== undefined && (NICKNAME_VERBS.has(prev.folded) || LABEL_CUES.has(prev.folded))) return true;
  // `Marr, whom colleagues call "…"`: the object of `call` is the person before it.
  if (NICKNAME_VERBS.has(last.folded) && words.slice(-5, -1).some((t) => t.folded === 'whom')) return true;
  // `dikenal sebagai "…"`, `known as "…"`, `known locally as "…"`
  if (last.folded !== 'sebagai' && last.folded !== 'as') return false;
  const known = (t: Token | undefined) => t !== undefined && (LABEL_CUES.has(t.folded) || t.folded === 'dikenal' || t.folded === 'known');
  return known(prev) || (prev !== undefined && /ly$/u.test(prev.folded) && known(words[words.length - 3]));
}

/**
 * Whether the words before a speech verb can be its subject: names, titles, role words and
 * pronouns, then optionally an appositive set off by commas (`the minister, Jane Roe,`). Not
 * `for food shipments remained open, officials said`, where the verb belongs to another clause.
 */
export function looksLikeSubject(tokens: readonly Token[]): boolean {
  const comma = tokens.findIndex((t) => t.text === ',');
  const head = comma < 0 ? tokens : tokens.slice(0, comma);
  if (comma >= 0 && tokens[tokens.length - 1]?.text !== ',') return false;
  // `a spokesperson for the group`, `a lawyer for the families`: what follows `for`/`of` after a
  // role noun says whose the role is.
  const ofWhom = head.findIndex((t, k) => k > 0 && OF_WHOM.has(t.folded) && isRoleNoun(head[k - 1]));
  return head.length > 0 && head.every((t, k) =>
    t.text === '.' || (t.word && ((ofWhom >= 0 && k > ofWhom && k <= ofWhom + 4) || isUpper(t.text) || isRoleWord(head, k) || PERSON_PRONOUNS.has(t.folded)
      || OTHER_PRONOUNS.has(t.folded) || ADVERBS.has(t.folded) || NAME_PARTICLES.has(t.text))));
}

const OF_WHOM = new Set(['for', 'of', 'at', 'from', 'dari']);

/** An attribution that starts `tokens` (the words after a span, or between two spans). */
export function leadingAttribution(ctx: Ctx, tokens: readonly Token[], ended: boolean): SpeakerRef | null {
  const first = tokens[0];
  if (!first || !first.word) return null;
  if (ended && isUpper(first.text) && !VERB_FIRST.has(first.folded) && !NYA_FORMS.has(first.folded)) {
    // After a quote that ended its sentence, only a short sentence that is just the attribution
    // counts: `"…." Kata Aliyev.` or `"…." Voss said.`; `"…." Okafor said the union …` does not.
    const v = tokens.findIndex((t, k) => k < 6 && isSpeechVerb(t));
    if (v < 0) return null;
    const after = tokens[v + 1];
    if (after && after.word && !ATTRIBUTION_TAIL.has(after.folded)) return null;
  }
  if (NYA_FORMS.has(first.folded)) return { kind: 'pronoun', at: first.start };
  if (VERB_FIRST.has(first.folded) && (first.text === first.folded || isUpper(first.text))) {
    // `," said she would …`: a pronoun with a verb of its own is the subject of a reported
    // clause, and the quote before it is not this sentence's speech (`said she, adding …` is).
    const pronoun = tokens[1];
    const then = tokens[2];
    if (pronoun?.word && EN_SUBJECT_PRONOUNS.has(pronoun.folded) && then?.word && !ATTRIBUTION_TAIL.has(then.folded) && !/ly$/u.test(then.folded)) return null;
    const ref = parseAfterVerb(ctx, tokens, 1);
    if (ref) return ref;
  }
  if (first.folded === 'demikian' && tokens[1] && VERB_FIRST.has(tokens[1].folded)) return parseAfterVerb(ctx, tokens, 2);
  if (first.folded === 'menurut' || (first.folded === 'according' && tokens[1]?.folded === 'to')) {
    return parseAfterVerb(ctx, tokens, first.folded === 'menurut' ? 1 : 2);
  }
  // Subject then verb: `," Marr said`, `,” she told reporters`, `," the minister, Jane Roe, said`.
  for (let v = 1; v < Math.min(tokens.length, 12); v++) {
    const t = tokens[v] as Token;
    if (t.text === '.' || t.text === ';') break;
    if (!isSpeechVerb(t) || PARTICIPLES.has(t.folded)) continue;
    if (tokens.slice(0, v).filter((x) => x.word).length > 8 || !looksLikeSubject(tokens.slice(0, v))) break;
    return parseSubject(ctx, tokens, v);
  }
  return null;
}

/** Who is quoted in span `k` of `para`, from the words around it; null when nothing says. */
export function findAttribution(ctx: Ctx, paras: readonly ParagraphInfo[], p: number, k: number): Attribution | null {
  const para = paras[p] as ParagraphInfo;
  const span = para.spans[k] as Span;
  const nextSpan = para.spans[k + 1];
  const prevSpan = para.spans[k - 1];
  const { content } = ctx;
  // After the span: up to the next span or the end of the sentence.
  if (span.close !== null) {
    const rawAfter = content.slice(span.close + 1, nextSpan ? nextSpan.open : para.end);
    const lead = /^[\s,.;:!?…—–-]*/u.exec(rawAfter)?.[0] ?? '';
    const quoteText = content.slice(span.textStart, span.textEnd);
    const ended = /[.!?…]$/u.test(quoteText) || /[.!?…]/u.test(lead);
    const afterText = firstSentence(rawAfter.slice(lead.length));
    const tokens = tokenize(afterText, span.close + 1 + lead.length);
    const ref = leadingAttribution(ctx, tokens, ended);
    if (ref) return { ref, governs: 'next-to' };
  }
  // Before the span: from the start of its sentence (or the end of the previous span).
  const sentenceStart = sentenceAt(para, span.open);
  const from = Math.max(sentenceStart, prevSpan ? (prevSpan.close ?? prevSpan.textEnd) + 1 : para.start);
  const tokens = tokensOf(ctx, from, span.open);
  if (prevSpan && from > sentenceStart) {
    // Between two spans of one sentence: `"…," kata Budi, "…"`. The words must hand over to the
    // next span (a comma or a colon before it); `…," X said, referencing the "Infowars" host` names a show.
    const lead = tokens.findIndex((t) => t.word);
    if (lead >= 0 && tokens[tokens.length - 1]?.word !== true) {
      const ref = leadingAttribution(ctx, tokens.slice(lead), false);
      if (ref) return { ref, governs: 'next-to' };
    }
  }
  const according = accordingTo(ctx, tokens);
  if (according) {
    return { ref: according.ref, governs: 'clause' };
  }
  for (let v = tokens.length - 1; v >= 0; v--) {
    const t = tokens[v] as Token;
    const naming = t.word && t.text === t.folded && NAMING_VERBS.has(t.folded);
    if (!isSpeechVerb(t) && !naming) continue;
    const ref = subjectOf(ctx, tokens, v);
    if (!ref) continue;
    // The verb's own clause: `Smith said the plan was "dead on arrival"` (a naming verb such as
    // `menyebut`/`called` gives a speaker but does not make a short term a quote).
    const gap = tokens.slice(v + 1).filter((x) => x.word && !['bahwa', 'that', 'kepada', 'wartawan', 'reporters'].includes(x.folded)).length;
    // A lead-in that ends in a colon hands over to the quote however long it is (`Putin told
    // reporters in Moscow on Monday: "…"`).
    const colon = tokens[tokens.length - 1]?.text === ':';
    const governs = naming || gap > MAX_CLAUSE_WORDS ? 'none' : gap <= 2 || colon ? 'next-to' : 'clause';
    return { ref, governs };
  }
  // A partial quote inside a sentence with no speech verb (`X dismissed the criticism as "…"`,
  // `Ia menyarankan … yang dinilainya "…"`): the subject of the sentence. Gives a speaker only.
  const subject = predicateSubject(ctx, tokens);
  if (subject) return { ref: subject, governs: 'none' };
  // `Budi: "…"` (an interview or a transcript): a name and a colon right before the quote.
  const colonAt = tokens.length - 1;
  if (tokens[colonAt]?.text === ':') {
    const run = runEndingAt(tokens, colonAt - 1, ctx.content);
    const parsed = run && run[0] === tokens.findIndex((t) => t.word) ? parseRun(ctx, tokens, run) : null;
    if (parsed && parsed.kind !== 'role') return { ref: { kind: 'name', name: parsed.name, org: parsed.kind === 'org', at: parsed.start }, governs: 'next-to' };
  }
  // A paragraph that is only the quote: the lead-in is the last sentence of the paragraph before
  // (`In a statement, she wrote:` / `Presiden Azerbaijan, Ilham Aliyev mengaku …`).
  if (!prevSpan && tokens.every((t) => !t.word) && p > 0) {
    const prev = paras[p - 1] as ParagraphInfo;
    const lastStart = prev.sentences[prev.sentences.length - 1] ?? prev.start;
    const lastSpan = prev.spans[prev.spans.length - 1];
    if (lastSpan && lastSpan.open >= lastStart) return null;
    const leadTokens = tokensOf(ctx, lastStart, prev.end);
    const colon = content.slice(prev.start, prev.end).trimEnd().endsWith(':');
    const accordingLead = accordingTo(ctx, leadTokens);
    if (accordingLead) return { ref: accordingLead.ref, governs: colon ? 'next-to' : 'none' };
    for (let v = leadTokens.length - 1; v >= 0; v--) {
      const t = leadTokens[v] as Token;
      if (!isSpeechVerb(t)) continue;
      const ref = subjectOf(ctx, leadTokens, v);
      if (ref && ref.kind !== 'role') return { ref, governs: colon ? 'next-to' : 'none' };
      if (ref) break;
    }
  }
  return null;
}

export const TITLE_SMALL_WORDS = set(['untuk', 'dengan', 'dalam', 'pada', 'dari', 'yang', 'from', 'with', 'into', 'over', 'upon', 'than', 'that', 'about']);

/** `The Last Ferry to Esk`, `Pendidikan Bukan Barang Dagangan`: a title or a slogan, not speech. */
export function isTitleCase(text: string): boolean {
  // Commas may separate the parts of a slogan (`Our River, Our Life`), but a final comma is the
  // `"…," X said` of speech.
  if (/[.!?;:…]|,$/u.test(text)) return false;
  const ws = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
  if (ws.length < 2 || !isUpper(ws[0] as string)) return false;
  return ws.every((w) => isUpper(w) || /^\p{N}/u.test(w) || w.length <= 3 || TITLE_SMALL_WORDS.has(w.toLowerCase()));
}

/**
 * Whether a span is a quote. Scare quotes, titles and labels are not. A span is dropped when
 * - it has fewer than four words, no attribution sits right next to it and it is not a sentence
 *   of its own (`yang disebut "negara Armenia"`, `a chance to "reset" relations`, `told reporters
 *   the candidate had "won the night."`): four words is about where a term stops and a statement
 *   starts, and a short answer (`"Tidak," kata Budi`, `Budi said: "No."`) stays a quote because
 *   someone is said to have said it; a speech verb further back in the clause is not enough, since
 *   a short fragment there is as often the writer's word as the speaker's;
 * - a label cue stands right before it (`the so-called "green corridor"`, `spanduk bertuliskan
 *   "…"`, `apa yang ia sebut "…"`), whatever its length, unless an attribution is right next to
 *   it: the cue says it is a name;
 * - it is in title case and no speech verb governs it: a film, a report or a slogan.
 * "Governs" means right after the span (`," kata X`) or in the clause before it, up to
 * MAX_CLAUSE_WORDS words away; `officials said` at the end of the next clause does not count.
 */
export function isQuote(ctx: Ctx, para: ParagraphInfo, k: number, attribution: Attribution | null): boolean {
  const span = para.spans[k] as Span;
  const governs = attribution?.governs ?? 'none';
  const prevSpan = para.spans[k - 1];
  const from = Math.max(sentenceAt(para, span.open), prevSpan ? (prevSpan.close ?? prevSpan.textEnd) + 1 : para.start);
  const before = tokensOf(ctx, from, span.open);
  if (labelCue(before) && governs !== 'next-to') return false;
  if (governs === 'next-to' || span.close === null) return true;
  const text = ctx.content.slice(span.textStart, span.textEnd);
  if (governs === 'none' && isTitleCase(text)) return false;
  if (wordCount(text) >= 4) return true;
  const sentenceStart = sentenceAt(para, span.open);
  const opensSentence = !/[\p{L}\p{N}]/u.test(ctx.content.slice(sentenceStart, span.open));
  const nextSpan = para.spans[k + 1];
  const after = ctx.content.slice(span.close + 1, nextSpan ? nextSpan.open : para.end);
  const endsSentence = /[.!?…]$/u.test(text) || /^\s*[.!?…]/u.test(after) || after.trim() === '';
  return opensSentence && endsSentence;
}
