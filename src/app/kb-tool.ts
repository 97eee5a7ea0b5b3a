/**
 * `npm run kb -- <check|quotes|passages|stats> [--knowledge DIR] [--json]`: the teacher's tool
 * for the knowledge folder.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatConfigError, loadConfig } from '../config.js';
import { formatProblem, loadKnowledgeBase } from '../knowledge/knowledge-base.js';

const USAGE = `Usage: npm run kb -- <command> [--knowledge DIR] [--json]
  check      validate every file; prints file:line: message per problem, exit 1 on any
  quotes     every direct quote found, with its speaker and passage
  passages   every passage id with the start of its text
  stats      counts and index build time`;

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: { knowledge: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || command === undefined || !['check', 'quotes', 'passages', 'stats'].includes(command)) {
    (values.help ? process.stdout : process.stderr).write(
      `${command && !values.help ? `Unknown command "${command}".\n\n` : ''}${USAGE}\n`,
    );
    return values.help ? 0 : 2;
  }
  let dir = values.knowledge;
  if (dir === undefined) {
    const config = loadConfig();
    if (!config.ok) {
      process.stderr.write(`${config.errors.map(formatConfigError).join('\n')}\n`);
      return 1;
    }
    dir = config.config.knowledgeDir;
  }
  const knowledgeDir = path.resolve(dir);
  // `check` always builds afresh so it judges the files, not a saved index.
  const result = await loadKnowledgeBase(knowledgeDir, { useSavedIndex: command !== 'check' });
  if (!result.ok) {
    for (const problem of result.problems) out(formatProblem(problem));
    process.stderr.write(`${result.problems.length} problem(s) in ${knowledgeDir}\n`);
    return 1;
  }
  const kb = result.kb;
  switch (command) {
    case 'check': {
      for (const problem of result.warnings) out(formatProblem(problem));
      const { sources, passages, actors, quotes, scenarios } = kb.stats;
      // Notes (page furniture skipped) say what was done, not what is wrong.
      const problems = result.warnings.filter((p) => p.severity !== 'note').length;
      if (problems > 0) {
        process.stderr.write(`${problems} problem(s) in ${knowledgeDir}\n`);
        return 1;
      }
      out(`OK: ${sources} sources, ${passages} passages, ${actors} actors, ${quotes} quotes, ${scenarios} scenarios; no problems.`);
      return 0;
    }
    case 'quotes': {
      const rows = kb.quotes.map((q) => ({
        id: q.id,
        text: q.text,
        speaker: q.speaker,
        speakerName: q.speakerName,
        sourceId: q.sourceId,
        passageId: q.passageId,
        start: q.start,
        end: q.end,
      }));
      if (values.json) out(JSON.stringify(rows, null, 2));
      else
        for (const q of rows) out(`${q.passageId}  ${q.speakerName ?? '(no speaker)'}${q.speaker ? ` [${q.speaker}]` : ''}: “${q.text}”`);
      return 0;
    }
    case 'passages': {
      const rows = kb.passages.map((p) => ({ id: p.id, line: p.line, start: p.start, end: p.end, text: p.text }));
      if (values.json) out(JSON.stringify(rows, null, 2));
      else for (const p of rows) out(`${p.id}  (line ${p.line})  ${p.text.length > 70 ? `${p.text.slice(0, 69)}…` : p.text}`);
      return 0;
    }
    default: {
      const s = kb.stats;
      const stats = {
        sources: s.sources,
        passages: s.passages,
        actors: s.actors,
        quotes: s.quotes,
        scenarios: s.scenarios,
        buildMs: Math.round(s.buildMs),
        indexMs: Math.round(s.indexMs),
        indexFromSaved: s.indexFromSaved,
      };
      if (values.json) out(JSON.stringify(stats, null, 2));
      else {
        out(
          `sources    ${stats.sources}\npassages   ${stats.passages}\nactors     ${stats.actors}\nquotes     ${stats.quotes}\nscenarios  ${stats.scenarios}`,
        );
        out(
          `index      ${stats.indexMs} ms (${stats.indexFromSaved ? 'loaded from the saved index' : 'built'}); whole load ${stats.buildMs} ms`,
        );
      }
      return 0;
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`kb stopped because of an unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
