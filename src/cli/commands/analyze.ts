import type { Command } from 'commander';
import { extname } from 'node:path';
import { analyzeInput } from '../../app/analyze-text.js';
import { parsePublishedFlag } from '../published-flag.js';
import { contextOf } from '../global-options.js';
import { readInputFile } from '../read-input-file.js';
import { explainEvents } from '../explain-events.js';

const MAX_BYTES = 20 * 1024 * 1024;

export function registerAnalyze(program: Command): void {
  program.command('analyze')
    .description('clean and analyse one file and print the analysis contract (DESIGN.md) without storing it')
    .argument('<file>', 'a text or HTML file, or - for standard input')
    .option('--json', 'print the analysis JSON (the default; kept for the documented form)')
    .option('--published <date>', 'publication date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--title <title>', 'title, when the file has none')
    .option('--source <name>', 'source name')
    .option('--url <url>', 'where the document came from')
    .option('--explain', 'print each event with the parse path (or word-window rule) each role was read from, instead of JSON')
    .action(async (file: string, opts: { published?: string; title?: string; source?: string; url?: string; explain?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const published = parsePublishedFlag(opts.published);
      const bytes = await readInputFile(file, MAX_BYTES);
      const html = /\.x?html?$/i.test(extname(file)) || /^\s*(<!doctype html|<html)/i.test(bytes.subarray(0, 512).toString('utf8'));
      const pipeline = await ctx.pipeline();
      const { analysis } = analyzeInput(pipeline, {
        origin: file, bytes, format: html ? 'html' : 'text', url: opts.url ?? null,
        title: opts.title ?? null, published, source: opts.source ?? null,
      });
      process.stdout.write(opts.explain ? `${explainEvents(analysis)}\n` : `${JSON.stringify(analysis, null, 2)}\n`);
    });
}
