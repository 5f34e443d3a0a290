import type { Command } from 'commander';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { analyzeInput } from '../../app/analyze-text.js';
import { WatchfloorError } from '../../errors.js';
import { parsePublishedFlag } from '../published-flag.js';
import { contextOf } from '../global-options.js';

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
    .action(async (file: string, opts: { published?: string; title?: string; source?: string; url?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const published = parsePublishedFlag(opts.published);
      let bytes: Buffer;
      if (file === '-') {
        const chunks: Buffer[] = [];
        for await (const c of process.stdin) chunks.push(c as Buffer);
        bytes = Buffer.concat(chunks);
      } else {
        const st = await stat(file).catch(() => null);
        if (!st || !st.isFile()) throw new WatchfloorError('NOT_FOUND', 'no such file', { subject: file });
        if (st.size > MAX_BYTES) throw new WatchfloorError('TOO_LARGE', `file is ${(st.size / 1048576).toFixed(1)} MB, over the 20 MB limit`, { subject: file });
        bytes = await readFile(file);
      }
      const html = /\.x?html?$/i.test(extname(file)) || /^\s*(<!doctype html|<html)/i.test(bytes.subarray(0, 512).toString('utf8'));
      const pipeline = await ctx.pipeline();
      const { analysis } = analyzeInput(pipeline, {
        origin: file, bytes, format: html ? 'html' : 'text', url: opts.url ?? null,
        title: opts.title ?? null, published, source: opts.source ?? null,
      });
      process.stdout.write(`${JSON.stringify(analysis, null, 2)}\n`);
    });
}
