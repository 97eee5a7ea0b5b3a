/**
 * A reply as terminal text: what a person reads in the local console.
 */
import { t } from '../i18n.js';
import { citationLabel, mergeHighlights, type Highlight, type Reply } from '../answers/reply.js';

// Control characters (an ESC from a pasted article could restyle the terminal); newlines and tabs stay.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text as the terminal shows it: control characters removed. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, '');
}

/** Text with its highlights marked: bold on a colour terminal, `**…**` otherwise. */
export function highlighted(text: string, highlights: readonly Highlight[] = [], color = false): string {
  const [open, close] = color ? ['\u001b[1m', '\u001b[22m'] : ['**', '**'];
  let out = '';
  let pos = 0;
  for (const [a, b] of mergeHighlights(text, highlights)) {
    out += terminalText(text.slice(pos, a)) + open + terminalText(text.slice(a, b)) + close;
    pos = b;
  }
  return out + terminalText(text.slice(pos));
}

/** Renders every page of a reply. */
export function renderReply(reply: Reply, options: { readonly color?: boolean } = {}): string {
  const color = options.color ?? false;
  const out: string[] = [];
  const title = terminalText(reply.title);
  out.push(color ? `\u001b[1m${title}\u001b[22m` : title, '='.repeat(Math.min(title.length, 72)));
  reply.pages.forEach((page, p) => {
    if (reply.pages.length > 1) out.push('', `— ${t(reply.locale, 'footer.page', { page: p + 1, pages: reply.pages.length })} —`);
    if (page.intro) out.push(terminalText(page.intro));
    for (const section of page.sections) {
      out.push('', `▸ ${terminalText(section.heading)}`);
      out.push(highlighted(section.body, section.highlights, color));
      for (const citation of section.citations) {
        out.push(terminalText(`  — ${citationLabel(citation)}${citation.url ? ` <${citation.url}>` : ''}`));
      }
    }
  });
  if (reply.suggestions.length > 0) out.push('', terminalText(reply.suggestions.map((s) => `→ ${s.label}: ${s.command}`).join('\n')));
  if (reply.footer) out.push('', terminalText(reply.footer));
  return out.join('\n');
}
