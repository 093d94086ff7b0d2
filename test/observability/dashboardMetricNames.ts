import { parser } from '@prometheus-io/lezer-promql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../platform/repoRoot';

/** The Grafana dashboard shipped with the repository. */
export const DASHBOARD_PATH = path.join(repoRoot(), 'deploy', 'grafana', 'govgraph.json');

interface Dashboard {
  panels: { title: string; targets?: { expr: string }[] }[];
}

/** Every PromQL expression of the dashboard's panels, with its panel's title. */
export function dashboardQueries(file = DASHBOARD_PATH): { panel: string; expr: string }[] {
  const dashboard = JSON.parse(readFileSync(file, 'utf8')) as Dashboard;
  return dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })),
  );
}

/** The metric names an expression selects; throws when it is not valid PromQL. */
export function metricNamesOf(expr: string): string[] {
  const names: string[] = [];
  const cursor = parser.parse(expr).cursor();
  do {
    if (cursor.type.isError) throw new Error(`not valid PromQL at ${cursor.from}: ${expr}`);
    if (cursor.name === 'Identifier' && cursor.node.parent?.name === 'VectorSelector')
      names.push(expr.slice(cursor.from, cursor.to));
  } while (cursor.next());
  return names;
}

const HISTOGRAM_SERIES = /_(bucket|count|sum)$/;

/** The metric family a series name belongs to: a histogram's series by the histogram's name. */
export function familyOf(series: string, families: ReadonlySet<string>): string {
  const base = series.replace(HISTOGRAM_SERIES, '');
  return base !== series && families.has(base) ? base : series;
}
