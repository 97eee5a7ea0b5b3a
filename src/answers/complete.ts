/**
 * Autocomplete: up to 25 choices for what a user is typing, in both languages, typo-tolerant.
 * Called on every keystroke: cheap, and never throws.
 */
import { actorNames } from '../knowledge/actors.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Locale } from '../knowledge/model.js';
import { DISCORD_LIMITS } from './reply.js';
import { editDistance, foldText, stripControl, truncate } from '../text.js';
import { actorName } from './actor.js';
import { quotedSpeakers } from './quote.js';
import { scenarioScore } from './scenario.js';
import { isCommandName, optionSpec, type CompletionKind } from './commands.js';

export type Choice = { readonly name: string; readonly value: string };

type Candidate = { readonly name: string; readonly value: string; readonly forms: readonly string[] };

function score(forms: readonly string[], partial: string): number {
  if (partial === '') return 1;
  let best = 0;
  for (const form of forms) {
    if (form === partial) return 10;
    if (form.startsWith(partial)) best = Math.max(best, 8);
    else if (form.split(/[\s-]+/).some((w) => w.startsWith(partial))) best = Math.max(best, 6);
    else if (form.includes(partial)) best = Math.max(best, 4);
    else if (partial.length >= 3) {
      const head = form.slice(0, partial.length);
      const d = editDistance(partial, head, 2);
      if (d <= (partial.length >= 5 ? 2 : 1)) best = Math.max(best, 3 - d);
    }
  }
  return best;
}

function rank(candidates: readonly Candidate[], partialInput: string): Choice[] {
  const partial = foldText(stripControl(partialInput)).trim().slice(0, 100);
  return candidates
    .map((c, i) => ({ c, i, s: score(c.forms, partial) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, DISCORD_LIMITS.autocompleteChoices)
    .map(({ c }) => ({ name: truncate(c.name, DISCORD_LIMITS.choiceName), value: c.value.slice(0, DISCORD_LIMITS.choiceValue) }));
}

function actorCandidates(kb: KnowledgeBase, locale: Locale): Candidate[] {
  return kb.actors.map((a) => {
    const other = a.names[locale === 'en' ? 'id' : 'en'];
    const name = other !== actorName(a, locale) ? `${actorName(a, locale)} (${other})` : actorName(a, locale);
    return { name, value: a.id, forms: [a.id, ...actorNames(a)].map(foldText) };
  });
}

function completeKind(kb: KnowledgeBase, kind: CompletionKind, partial: string, locale: Locale): Choice[] {
  switch (kind) {
    case 'actor':
      return rank(actorCandidates(kb, locale), partial);
    case 'speaker': {
      const quoted = new Set(kb.quotes.map((q) => q.speaker).filter((s) => s !== null));
      const actors = actorCandidates(kb, locale).sort((a, b) => Number(quoted.has(b.value)) - Number(quoted.has(a.value)));
      const unlisted = quotedSpeakers(kb, locale)
        .filter((s) => !kb.actorById.has(s.value))
        .map((s) => ({ name: s.name, value: s.value, forms: [foldText(s.name)] }));
      return rank([...actors, ...unlisted], partial);
    }
    case 'scenario': {
      const p = stripControl(partial).trim();
      const scenarios =
        p === '' ? kb.scenarios : kb.scenarios.filter((s) => scenarioScore(s, p) > 0 || foldText(s.title[locale]).includes(foldText(p)));
      return scenarios.slice(0, DISCORD_LIMITS.autocompleteChoices).map((s) => ({
        name: truncate(s.title[locale], DISCORD_LIMITS.choiceName),
        value: s.id.slice(0, DISCORD_LIMITS.choiceValue),
      }));
    }
    case 'source': {
      const p = foldText(stripControl(partial)).trim();
      const ids = [...kb.sources.map((s) => ({ id: s.id, label: s.title })), ...kb.passages.map((x) => ({ id: x.id, label: x.text }))];
      const matching = p === '' ? ids : ids.filter((x) => x.id.startsWith(p) || foldText(x.label).includes(p));
      return matching.slice(0, DISCORD_LIMITS.autocompleteChoices).map((x) => ({
        name: truncate(`${x.id} — ${x.label.replace(/\s+/g, ' ')}`, DISCORD_LIMITS.choiceName),
        value: x.id.slice(0, DISCORD_LIMITS.choiceValue),
      }));
    }
  }
}

/** Choices for an option of a command as the user types `partial`: what the command table says the option completes. */
export function complete(kb: KnowledgeBase, command: string, option: string, partial: string, locale: Locale): Choice[] {
  try {
    const kind = isCommandName(command) ? optionSpec(command, option)?.autocomplete : undefined;
    return kind === undefined ? [] : completeKind(kb, kind, partial, locale);
  } catch {
    // Autocomplete has no way to show an error; an empty list is the honest answer.
    return [];
  }
}
