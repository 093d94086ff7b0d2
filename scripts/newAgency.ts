import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_METRICS_PORT } from '../gateway/config';
import { AGENCIES } from '../platform/agencies';
import { repoRoot } from '../platform/repoRoot';
import { demoGatewayTokenKeyFile } from './newAgency/demoGatewayTokenKey';
import { newAccessLogKeyFiles } from './newAgency/accessLogKeys';
import { agencyNaming } from './newAgency/agencyNaming';
import { NewAgencyError } from './newAgency/NewAgencyError';
import { parseNewAgencyArguments } from './newAgency/parseNewAgencyArguments';
import { planNewAgency } from './newAgency/planNewAgency';
import { writeNewAgency } from './newAgency/writeNewAgency';

/**
 * `npm run new:agency -- <name> --port <n> [--title "<title>"] [--dry-run]`: writes a new
 * agency's subgraph, migrations, classification, tests and keys, and enters it in the registry
 * and every place services are started. Refuses to overwrite; prints what it did and what next.
 */
async function main(argv: readonly string[]): Promise<void> {
  const root = repoRoot();
  const folders = ['subgraphs', 'migrations'].flatMap((folder) =>
    readdirSync(path.join(root, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name),
  );
  const args = parseNewAgencyArguments(argv, { agencies: AGENCIES, folders });
  // Metrics ports follow the gateway's, one an agency, in the registry's order.
  const metricsPorts = [
    DEFAULT_METRICS_PORT,
    ...Object.values(AGENCIES).map((agency) => agency.metricsPort),
  ];
  const naming = agencyNaming(args.name, args.title, args.port, Math.max(...metricsPorts) + 1);
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  const plan = planNewAgency(naming, {
    day,
    keys: newAccessLogKeyFiles(args.name),
    gatewayTokenKey: demoGatewayTokenKeyFile(root, args.name),
    registryPorts: Object.values(AGENCIES).map((agency) => agency.defaultPort),
    metricsPorts,
  });
  const { created, edited } = await writeNewAgency(root, plan, { dryRun: args.dryRun });
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(args.dryRun ? `would create (dry run, nothing written):` : 'created:');
  created.forEach((file) => out(`  ${file}`));
  out(args.dryRun ? 'would edit:' : 'edited:');
  edited.forEach((file) => out(`  ${file}`));
  if (args.dryRun) return;
  out();
  out('next:');
  out('  npm run compose        # the new subgraph SDL, the supergraph and the catalog in schema/');
  out('  npm run lint');
  out(`  npx jest --maxWorkers=1 subgraphs/${args.name} test/deploy`);
  out(`  npm start              # ${args.title} on port ${args.port}`);
  out(
    `Its data is controlled by the register's administrator until it has an organisation of its own (demo/governance.ts).`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof NewAgencyError) process.stderr.write(`new:agency: ${error.message}\n`);
  else process.stderr.write(`fatal: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
