import type { Command } from 'commander';
import { createServer } from '../../server/create-server.js';
import { contextOf } from '../global-options.js';

export async function serve(cmd: Command, host: string, port: number): Promise<void> {
  const ctx = contextOf(cmd);
  // Load packs and open the store before listening, so the first request is fast and errors show now.
  await Promise.all([ctx.pipeline(), ctx.store()]);
  const app = await createServer({ ctx });
  const address = await app.listen({ host, port });
  process.stdout.write(`Watchfloor is serving ${ctx.dataDir} at ${address}\n`);
  const stop = async () => { await app.close(); await ctx.close(); process.exit(0); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export function registerServe(program: Command): void {
  program.command('serve')
    .description('serve the JSON API and the web UI on 127.0.0.1')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port', process.env.PORT ?? '4173')
    .action(async (opts: { host: string; port: string }, cmd: Command) => serve(cmd, opts.host, Number(opts.port)));
}
