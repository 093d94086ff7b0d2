import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../platform/repoRoot';
import { schemaProblems } from './kubernetesSchemas';
import { type Container, podSpecOf, renderKustomization } from './kustomize';

const production = renderKustomization(
  join(repoRoot(), 'deploy', 'kubernetes', 'overlays', 'production'),
);
const find = (kind: string, name: string) => {
  const object = production.find((o) => o.kind === kind && o.metadata.name === name);
  if (!object) throw new Error(`no ${kind} ${name}`);
  return object;
};

describe('the renderer and the schemas', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'govgraph-kustomize-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const write = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(directory, path, '..'), { recursive: true });
      writeFileSync(join(directory, path), text);
    }
  };

  it('refuses a broken manifest: a mistyped value, a container without a name, an unknown kind', () => {
    const gateway = structuredClone(find('Deployment', 'gateway'));
    (gateway.spec as Record<string, unknown>).replicas = 'two';
    const nameless = structuredClone(find('Deployment', 'tax'));
    delete (podSpecOf(nameless)!.containers[0] as Partial<Container>).name;
    const unknown = { apiVersion: 'v1', kind: 'Deployment', metadata: { name: 'x' } };
    expect(schemaProblems([gateway, nameless, unknown])).toEqual([
      expect.stringMatching(/^Deployment gateway: .*replicas must be integer/),
      expect.stringMatching(/^Deployment tax: .*must have required property name/),
      'Deployment x: no schema for v1 Deployment',
    ]);
  });

  it('renders a base under an overlay as kustomize does', () => {
    write({
      'base/kustomization.yaml': 'kind: Kustomization\nresources: [app.yaml]\n',
      'base/app.yaml': [
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  replicas: 3',
        '  template:\n    spec:\n      containers: [{name: app, image: "registry:5000/app:1"}]',
        '      initContainers: [{name: init, image: other}]',
      ].join('\n'),
      'overlay/kustomization.yaml': [
        'kind: Kustomization\nnamespace: ns\nresources: [../base]',
        'images: [{name: "registry:5000/app", newName: mirror/app, newTag: "2"}]',
        'replicas: [{name: app, count: 1}]',
      ].join('\n'),
    });
    const [app] = renderKustomization(join(directory, 'overlay'));
    expect(app?.metadata.namespace).toBe('ns');
    expect((app?.spec as { replicas: number }).replicas).toBe(1);
    expect(podSpecOf(app!)?.containers[0]?.image).toBe('mirror/app:2');
    expect(podSpecOf(app!)?.initContainers?.[0]?.image).toBe('other');
  });

  it.each([
    [
      'a field it does not apply',
      'kind: Kustomization\nresources: [a.yaml]\npatches: []\n',
      /"patches" is not a field/,
    ],
    [
      'an object twice',
      'kind: Kustomization\nresources: [a.yaml, a.yaml]\n',
      /ConfigMap a appears twice/,
    ],
    [
      'replicas of nothing',
      'kind: Kustomization\nresources: [a.yaml]\nreplicas: [{name: b, count: 1}]\n',
      /names b/,
    ],
  ])('refuses %s', (_, kustomization, problem) => {
    write({
      'kustomization.yaml': kustomization,
      'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n',
    });
    expect(() => renderKustomization(directory)).toThrow(problem);
  });

  it('reads manifests as YAML 1.1, as kubectl does: an unquoted yes is a boolean, which a ConfigMap refuses', () => {
    write({
      'kustomization.yaml': 'kind: Kustomization\nresources: [a.yaml]\n',
      'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  ALLOW: yes\n',
    });
    expect(schemaProblems(renderKustomization(directory))).toEqual([
      expect.stringMatching(/^ConfigMap a: .*data\/ALLOW must be string/),
    ]);
  });
});
