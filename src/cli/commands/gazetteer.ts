import type { Command } from 'commander';
import { describeError } from '../../errors.js';
import { fetchGeonames } from '../../geo/fetch-geonames.js';
import { importGazetteer, type ImportSummary } from '../../geo/import-geonames.js';
import { gazetteerDir, readImports, type ImportRecord } from '../../geo/imported-gazetteer.js';
import { contextOf } from '../global-options.js';

const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : null);

function summaryLine(s: ImportSummary): string {
  const countries = Object.entries(s.by_country).map(([cc, kinds]) => `${cc} ${Object.values(kinds).reduce((a, b) => a + b, 0)}`).join(', ');
  const skipped = Object.entries(s.skipped).map(([why, n]) => `${n} ${why}`).join(', ');
  return `${s.key}: ${s.rows} places kept${countries ? ` (${countries})` : ''}, ${s.filtered} outside the filters, ${skipped ? `skipped ${skipped}` : 'none skipped'} — ${s.seconds.toFixed(1)} s`;
}

const KINDS = ['city', 'town', 'village', 'admin1', 'admin2'];

function statsLines(dir: string, imports: ImportRecord[]): string[] {
  if (!imports.length) return [`no gazetteer imported in ${dir} (only the bundled one is used): run \`watchfloor gazetteer import FILE\` or \`watchfloor gazetteer fetch SY\``];
  const out = [`imported gazetteer in ${dir}: ${imports.reduce((a, r) => a + r.rows, 0)} places from ${imports.length} import(s)`];
  for (const r of imports) {
    const skipped = Object.values(r.skipped).reduce((a, b) => a + b, 0);
    out.push(`  ${r.key.padEnd(14)} ${String(r.rows).padStart(8)} places  ${r.imported_at}  ${r.source}${skipped ? `  (${skipped} rows skipped)` : ''}`);
  }
  const byCountry = new Map<string, Record<string, number>>();
  for (const r of imports) {
    for (const [cc, kinds] of Object.entries(r.by_country)) {
      const t = byCountry.get(cc) ?? {};
      for (const [k, n] of Object.entries(kinds)) t[k] = (t[k] ?? 0) + n;
      byCountry.set(cc, t);
    }
  }
  out.push('', `  ${'country'.padEnd(8)}${[...KINDS, 'other'].map((k) => k.padStart(9)).join('')}`);
  for (const [cc, kinds] of [...byCountry].sort()) {
    const other = Object.entries(kinds).filter(([k]) => !KINDS.includes(k)).reduce((a, [, n]) => a + n, 0);
    out.push(`  ${cc.padEnd(8)}${[...KINDS.map((k) => kinds[k] ?? 0), other].map((n) => String(n).padStart(9)).join('')}`);
  }
  return out;
}

export function registerGazetteer(program: Command): void {
  const gaz = program.command('gazetteer').description('import GeoNames gazetteers into the data folder, and say what is loaded');

  gaz.command('import')
    .description('import GeoNames dumps (XX.txt / XX.zip, cities500…, allCountries) or folders of them; re-importing a source replaces it')
    .argument('<paths...>', 'dump files or folders')
    .option('--countries <codes>', 'keep only these countries, e.g. SY,IQ')
    .option('--feature-classes <classes>', 'GeoNames feature classes to keep (default P,A)')
    .action(async (paths: string[], opts: { countries?: string; featureClasses?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const started = performance.now();
      const { imported, failed } = await importGazetteer(ctx.dataDir, paths, {
        countries: list(opts.countries), featureClasses: list(opts.featureClasses) ?? undefined,
      });
      for (const s of imported) process.stdout.write(`${summaryLine(s)}\n`);
      for (const f of failed) process.stdout.write(`FAILED ${describeError(f.error)}\n`);
      process.stdout.write(`${imported.length} imported, ${failed.length} failed in ${((performance.now() - started) / 1000).toFixed(1)} s; the gazetteer is in ${gazetteerDir(ctx.dataDir)}\n`);
      if (failed.length) process.exitCode = 1;
    });

  gaz.command('fetch')
    .description('download countries\' dumps from the GeoNames download service and import them (needs the network)')
    .argument('<countries...>', 'ISO 3166-1 alpha-2 codes, e.g. SY IQ')
    .option('--feature-classes <classes>', 'GeoNames feature classes to keep (default P,A)')
    .action(async (countries: string[], opts: { featureClasses?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const done = await fetchGeonames(ctx.dataDir, countries, { featureClasses: list(opts.featureClasses) ?? undefined });
      for (const s of done) process.stdout.write(`${summaryLine(s)}\n`);
    });

  gaz.command('stats')
    .description('what the data folder\'s imported gazetteer holds, per import and per country and kind')
    .option('--json', 'print the import records as JSON')
    .action((opts: { json?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const imports = readImports(ctx.dataDir);
      if (opts.json) { process.stdout.write(`${JSON.stringify({ imports }, null, 2)}\n`); return; }
      process.stdout.write(`${statsLines(gazetteerDir(ctx.dataDir), imports).join('\n')}\n`);
    });
}
