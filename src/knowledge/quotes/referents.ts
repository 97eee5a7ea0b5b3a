/** The people and organisations a paragraph names outside its quotes, for the discourse to resolve pronouns and roles against. */
import { type Discourse, type Referent, titleGender } from './discourse.js';
import { NAMING_VERBS, PERSON_NOUNS, PLACE_PREPOSITIONS, TITLE_WORDS } from './lexicon.js';
import { actorKinds, type Ctx, isRoleNoun, opensClause, parseRun, roleFollows, skipRelativeClause, startsPredicate } from './names.js';
import { type ParagraphInfo, sentenceAt } from './paragraphs.js';
import { isSpeechVerb, parseAfterVerb, subjectOf } from './subjects.js';
import { namedPlace } from './titles.js';
import { isNameWord, isUpper, runEndingAt, runFrom, type Token, tokenize } from './tokens.js';

/**
 * Registry people and organisations named in a paragraph far from any quote: enough for
 * `Amina` to find `Amina Yusuf` later, at a fraction of the cost of `collectReferents`.
 */
export function collectRegistryReferents(ctx: Ctx, para: ParagraphInfo): Referent[] {
  const kinds = actorKinds(ctx.matcher);
  const found: Referent[] = [];
  for (const m of para.masked.matchAll(/\p{Lu}[\p{L}\p{M}\p{N}'’-]*(?:\s\p{Lu}[\p{L}\p{M}\p{N}'’-]*)*/gu)) {
    for (const mention of ctx.mentions(m[0], para.start + m.index)) {
      const kind = kinds.get(mention.actorId);
      if (kind !== 'person' && kind !== 'organization' && kind !== 'group') continue;
      found.push({ at: mention.start, sentence: sentenceAt(para, mention.start), name: mention.surface, actorId: mention.actorId, kind: kind === 'person' ? 'person' : 'org', spoke: false });
    }
  }
  return found;
}

/** Lower-case words that belong to a title in front of a name: `juru bicara`, `ministry spokesman`. */
const isTitleWord = (t: Token | undefined): t is Token =>
  t !== undefined && t.word && !isUpper(t.text) && (TITLE_WORDS.has(t.folded) || PERSON_NOUNS.has(t.folded));

/**
 * The title the article writes before a person's name, remembered for roles later (`sang bupati`
 * after `Bupati Magelang Zaenal Arifin`): the title words of the name's own run, or of the run
 * before it and a comma (`Menlu Valdoria, Teodor Vasq`), with lower-case title words in front.
 */
function learnWrittenTitle(ctx: Ctx, discourse: Discourse, tokens: readonly Token[], run: [number, number], parsed: { name: string; start: number }): void {
  let role: Token[] = tokens.slice(run[0], run[1] + 1).filter((t) => t.word && t.start < parsed.start);
  let k = run[0] - 1;
  if (role.length === 0 && tokens[k]?.text === ',') {
    const before = runEndingAt(tokens, k - 1, ctx.content);
    if (before) {
      role = tokens.slice(before[0], before[1] + 1).filter((t) => t.word);
      k = before[0] - 1;
    }
  }
  while (role.length > 0 && isTitleWord(tokens[k])) role = [tokens[k--] as Token, ...role];
  if (!role.some((t) => TITLE_WORDS.has(t.folded) || PERSON_NOUNS.has(t.folded))) return;
  const places = role.filter((t) => isUpper(t.text)).flatMap((t) => namedPlace(ctx, t) ?? []);
  discourse.learnTitle(parsed.name, role.map((t) => t.folded), places);
}

/** People and organisations named outside quotes, in order: registry mentions, subjects of speech verbs, titled and appositive names. */
export function collectReferents(ctx: Ctx, para: ParagraphInfo, discourse: Discourse): Referent[] {
  const found: Referent[] = [];
  const inSpan = (pos: number) => para.spans.some((s) => pos >= s.open && pos < (s.close ?? para.end) + 1);
  const kinds = actorKinds(ctx.matcher);
  const kindOf = (id: string) => kinds.get(id);
  const push = (at: number, name: string | null, kind: Referent['kind'], actorId: string | null, spoke = false) => {
    if (inSpan(at)) return;
    found.push({ at, sentence: sentenceAt(para, at), name, actorId, kind, spoke });
  };
  const bySentence: Token[][] = para.sentences.map(() => []);
  let s = 0;
  for (const t of tokenize(para.masked, para.start)) {
    while (s + 1 < para.sentences.length && t.start >= (para.sentences[s + 1] as number)) s++;
    (bySentence[s] as Token[]).push(t);
  }
  for (const tokens of bySentence) {
    for (let v = 0; v < tokens.length; v++) {
      const t = tokens[v] as Token;
      const isMenurut = t.folded === 'menurut' || (t.folded === 'according' && tokens[v + 1]?.folded === 'to');
      if (!isMenurut && isNameWord(t) && !(v > 0 && isNameWord(tokens[v - 1] as Token))) {
        const run = runFrom(tokens, v, ctx.content);
        if (!run) continue;
        // Registry names are capitalized in news text: look for them in runs of capitalized words.
        const runStart = (tokens[run[0]] as Token).start;
        for (const m of ctx.mentions(ctx.content.slice(runStart, (tokens[run[1]] as Token).end), runStart)) {
          const kind = kindOf(m.actorId);
          if (kind === 'person') push(m.start, m.surface, 'person', m.actorId);
          else if (kind === 'organization' || kind === 'group') push(m.start, m.surface, 'org', m.actorId);
        }
        const parsed = parseRun(ctx, tokens, run);
        const after = tokens.slice(run[1] + 1, run[1] + 4).map((x) => x.text).join(' ');
        const before = tokens[run[0] - 1]?.text;
        const lead = tokens[run[0]] as Token;
        if (parsed && (PLACE_PREPOSITIONS.has(before ?? '') || (PLACE_PREPOSITIONS.has(lead.folded) && parsed.start > lead.start))) discourse.addPlace(parsed.name);
        const nextRun = after.startsWith(',') ? runFrom(tokens, run[1] + 2, ctx.content) : null;
        const followedByName = nextRun !== null && parseRun(ctx, tokens, nextRun)?.kind === 'person';
        const words = run[1] - run[0] + 1;
        // `a senior Indonesian official`, `Kremlin spokesman Dmitri Orlov`: a capitalised word right
        // before a role noun describes the role; it is not someone's name.
        const modifier = words <= 2 && isRoleNoun(tokens[run[1] + 1]) && !ctx.mentions(ctx.content.slice(runStart, (tokens[run[1]] as Token).end), runStart).some((m) => kindOf(m.actorId) === 'person');
        const isPerson = parsed?.kind === 'person' && !modifier && (
          // `Wakil Perdana Menteri Tomas Erlund` (but `Kepala Stasiun X, Sri Wahyuni`: the name follows).
          (parsed.titled && !followedByName)
          // `…, Ben Adeyemi, …`: a name of two or more words set off by commas (but `Ketua Forum X,
          // Budi Santoso,`: the name that follows is the person).
          || (before === ',' && words >= 2 && words <= 5 && /^(?:,|\.|$)/u.test(after) && !followedByName)
          // `Siti Aminah (52)`, `Tom Ashworth, 34,`: a name with an age.
          || /^(?:\( \d{1,3} \)|, \d{1,3} ,)/u.test(after)
          // `Jonas Feld, the festival director,`, `Ma'ruf Hasan, seorang petani`: a name with a role.
          || (words >= 2 && tokens[run[1] + 1]?.text === ',' && roleFollows(tokens, run[1] + 2))
          // `former central bank governor Lucia Ferrante`: a role in lower case before the name.
          || isRoleNoun(tokens[run[0] - 1])
          // `Ferrante` after `Lucia Ferrante`: someone already known as a person.
          || discourse.isKnownPerson(parsed.name)
          // `Dario Reyes voted …`, `Dario Reyes, who …, voted …`: a name of two words or more as
          // the subject of a sentence.
          || (words >= 2 && opensClause(tokens, run[0]) && startsPredicate(tokens, skipRelativeClause(tokens, run[1] + 1))));
        if (isPerson && parsed) {
          push(parsed.start, parsed.name, 'person', discourse.actorFor(parsed.name));
          // `Mrs Ortiz`, `spokeswoman Jane Roe`: a title that says who `she` may be.
          const gender = titleGender(tokens.slice(Math.max(0, run[0] - 1), run[1] + 1).filter((x) => x.start < parsed.start).map((x) => x.folded));
          if (gender) discourse.learnGender(parsed.name, gender);
          learnWrittenTitle(ctx, discourse, tokens, run, parsed);
        }
        v = run[1];
        continue;
      }
      if (!isSpeechVerb(t) && !isMenurut && !(t.text === t.folded && NAMING_VERBS.has(t.folded))) continue;
      const ref = isMenurut ? parseAfterVerb(ctx, tokens, v + (t.folded === 'menurut' ? 1 : 2)) : subjectOf(ctx, tokens, v);
      // `sang menteri berjanji`: a role names its holder.
      const holder = ref?.title && (ref.kind !== 'name' || discourse.actorFor(ref.name) === null) ? discourse.resolveTitle(ref.at, ref.title) : null;
      // The subject of a speech verb is who a later `kata dia` most likely means: it counts as having spoken.
      if (holder) push(ref?.at ?? t.start, holder.name, 'person', holder.actorId, true);
      else if (ref?.kind === 'name') {
        // The registry's own match first (`Mrs O'Rourke` as an alias), then names said before.
        const exact = ctx.mentions(ref.name, ref.at).find((m) => m.start === ref.at && m.end === ref.at + ref.name.length);
        push(ref.at, ref.name, ref.org ? 'org' : 'person', exact?.actorId ?? discourse.actorFor(ref.name), !ref.org);
      }
      // Someone unnamed but a person (`seorang warga mengatakan`) blocks older referents; a
      // lower-case non-person (`a statement posted`) is no one.
      else if (ref?.kind === 'role' && (ref.phrase !== null || ref.person !== false)) push(ref.at, ref.phrase, 'role', null);
    }
  }
  return found.sort((a, b) => a.at - b.at);
}
