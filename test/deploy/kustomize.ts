import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** A Kubernetes object as written in a manifest. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

interface ImageOverride {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  resources?: string[];
  namespace?: string;
  images?: ImageOverride[];
  replicas?: { name: string; count: number }[];
}

/**
 * The fields of a kustomization this renderer understands, each as kustomize applies it. Any
 * other field is refused rather than skipped, so a rendering here is never silently other
 * than `kubectl apply -k` would apply.
 */
const RENDERED_FIELDS = new Set([
  'apiVersion',
  'kind',
  'resources',
  'namespace',
  'images',
  'replicas',
]);

const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'PriorityClass',
  'StorageClass',
]);

const SCALABLE_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

/**
 * Renders a kustomization directory: its resources (files, or directories holding a
 * kustomization of their own, rendered first), then its namespace, image and replica
 * transformers over all of them.
 */
export function renderKustomization(directory: string): KubernetesObject[] {
  const file = join(directory, 'kustomization.yaml');
  const [kustomization] = readYamlDocuments(file) as Kustomization[];
  if (kustomization?.kind !== 'Kustomization') throw new Error(`${file}: not a Kustomization`);
  for (const field of Object.keys(kustomization)) {
    if (!RENDERED_FIELDS.has(field))
      throw new Error(`${file}: "${field}" is not a field this renderer applies`);
  }
  const objects = (kustomization.resources ?? []).flatMap((entry) => {
    const path = resolve(directory, entry);
    return statSync(path).isDirectory()
      ? renderKustomization(path)
      : (readYamlDocuments(path) as KubernetesObject[]);
  });
  refuseDuplicates(objects, file);
  if (kustomization.namespace) setNamespace(objects, kustomization.namespace, file);
  for (const image of kustomization.images ?? []) overrideImage(objects, image);
  for (const { name, count } of kustomization.replicas ?? []) {
    const targets = objects.filter((o) => SCALABLE_KINDS.has(o.kind) && o.metadata.name === name);
    if (targets.length === 0)
      throw new Error(`${file}: replicas names ${name}, which is not there`);
    for (const target of targets) (target.spec as { replicas?: number }).replicas = count;
  }
  return objects;
}

interface PodTemplateHolder {
  template?: { spec?: PodSpec };
  jobTemplate?: { spec?: { template?: { spec?: PodSpec } } };
}

/** The spec of the pods an object runs (a workload's template, a CronJob's job's), if any. */
export function podSpecOf(object: KubernetesObject): PodSpec | undefined {
  if (object.kind === 'Pod') return object.spec as PodSpec;
  const spec = object.spec as PodTemplateHolder | undefined;
  if (object.kind === 'CronJob') return spec?.jobTemplate?.spec?.template?.spec;
  return spec?.template?.spec;
}

export interface PodSpec {
  automountServiceAccountToken?: boolean;
  enableServiceLinks?: boolean;
  containers: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
}

export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number }[];
  volumeMounts?: { name: string; mountPath: string }[];
  [field: string]: unknown;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string };
    configMapKeyRef?: { name: string; key: string };
  };
}

export interface Volume {
  name: string;
  secret?: { secretName: string; optional?: boolean };
  configMap?: { name: string; optional?: boolean };
  emptyDir?: object;
}

function readYamlDocuments(file: string): unknown[] {
  // YAML 1.1, as kubectl reads manifests: `0440` is octal, an unquoted `yes` a boolean.
  return parseAllDocuments(readFileSync(file, 'utf8'), { version: '1.1' }).flatMap((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]!.message}`);
    const value: unknown = document.toJS();
    return value === null || value === undefined ? [] : [value];
  });
}

function refuseDuplicates(objects: KubernetesObject[], file: string): void {
  const seen = new Set<string>();
  for (const object of objects) {
    const id = `${object.apiVersion}/${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
    if (seen.has(id))
      throw new Error(`${file}: ${object.kind} ${object.metadata.name} appears twice`);
    seen.add(id);
  }
}

function setNamespace(objects: KubernetesObject[], namespace: string, file: string): void {
  for (const object of objects) {
    if (!CLUSTER_SCOPED_KINDS.has(object.kind)) object.metadata.namespace = namespace;
    // kustomize renames a Namespace object to the namespace: refuse the ambiguity instead.
    else if (object.kind === 'Namespace' && object.metadata.name !== namespace)
      throw new Error(`${file}: Namespace ${object.metadata.name} is not ${namespace}`);
  }
}

function overrideImage(objects: KubernetesObject[], override: ImageOverride): void {
  for (const object of objects) {
    const pod = podSpecOf(object);
    for (const container of [...(pod?.containers ?? []), ...(pod?.initContainers ?? [])]) {
      const { name, tag, digest } = parseImage(container.image);
      if (name !== override.name) continue;
      const newDigest = override.digest ?? (override.newTag ? undefined : digest);
      container.image =
        (override.newName ?? name) +
        (newDigest
          ? `@${newDigest}`
          : (override.newTag ?? tag)
            ? `:${override.newTag ?? tag}`
            : '');
    }
  }
}

/** `registry:5000/path/name:tag@sha256:…` as its name, tag and digest. */
function parseImage(image: string): { name: string; tag?: string; digest?: string } {
  const [reference = '', digest] = image.split('@', 2);
  const lastColon = reference.lastIndexOf(':');
  const tagged = lastColon > reference.lastIndexOf('/');
  return {
    name: tagged ? reference.slice(0, lastColon) : reference,
    tag: tagged ? reference.slice(lastColon + 1) : undefined,
    digest,
  };
}
