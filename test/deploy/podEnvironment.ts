import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Container, KubernetesObject, PodSpec } from './kustomize';
import { repoPathOfImageFile } from './serviceEntryPoints';

/**
 * The environment a container starts with, as the kubelet would make it from the rendered
 * ConfigMaps and Secrets (envFrom, then env), with every mounted Secret or ConfigMap written
 * out under `workdir` and the paths into those mounts (and into the image, `/app/…`) turned
 * into local paths, so the service's own start-up validation can read the files. Throws
 * where the pod could not start: a missing Secret, ConfigMap or key that is not optional.
 */
export function podEnvironment(
  container: Container,
  pod: PodSpec,
  objects: readonly KubernetesObject[],
  workdir: string,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (!source.configMapRef) throw new Error(`${container.name}: envFrom other than a ConfigMap`);
    Object.assign(env, dataOf(objects, 'ConfigMap', source.configMapRef.name, container.name));
  }
  for (const variable of container.env ?? []) {
    const secret = variable.valueFrom?.secretKeyRef;
    const configMap = variable.valueFrom?.configMapKeyRef;
    const ref = secret ?? configMap;
    if (!ref) {
      env[variable.name] = variable.value ?? '';
      continue;
    }
    const data = dataOf(objects, secret ? 'Secret' : 'ConfigMap', ref.name, container.name);
    const value = data[ref.key];
    if (value === undefined)
      throw new Error(`${container.name}: ${ref.name} has no key ${ref.key}`);
    env[variable.name] = value;
  }
  const mounts = (container.volumeMounts ?? []).flatMap((mount) => {
    const volume = pod.volumes?.find((v) => v.name === mount.name);
    if (!volume) throw new Error(`${container.name}: no volume ${mount.name}`);
    const local = join(workdir, container.name, mount.name);
    mkdirSync(local, { recursive: true });
    const source = volume.secret
      ? { kind: 'Secret', name: volume.secret.secretName, optional: volume.secret.optional }
      : volume.configMap
        ? { kind: 'ConfigMap', name: volume.configMap.name, optional: volume.configMap.optional }
        : undefined;
    const present = source && find(objects, source.kind, source.name);
    if (source && !present && !source.optional)
      throw new Error(`${container.name}: ${source.kind} ${source.name} is missing`);
    if (source && present) {
      for (const [key, value] of Object.entries(dataOf(objects, source.kind, source.name, '')))
        writeFileSync(join(local, key), value);
    }
    return [{ mountPath: mount.mountPath, local }];
  });
  for (const [name, value] of Object.entries(env)) {
    if (!value.startsWith('/')) continue;
    const mount = mounts.find((m) => value.startsWith(`${m.mountPath}/`));
    env[name] = mount
      ? join(mount.local, value.slice(mount.mountPath.length + 1))
      : repoPathOfImageFile(value);
  }
  return env;
}

function find(objects: readonly KubernetesObject[], kind: string, name: string) {
  return objects.find((o) => o.kind === kind && o.metadata.name === name);
}

/** A ConfigMap's data, or a Secret's (stringData, and data decoded from base64). */
export function dataOf(
  objects: readonly KubernetesObject[],
  kind: string,
  name: string,
  who: string,
): Record<string, string> {
  const object = find(objects, kind, name);
  if (!object) throw new Error(`${who}: ${kind} ${name} is missing`);
  const decoded = Object.fromEntries(
    Object.entries((object.data as Record<string, string> | undefined) ?? {}).map(([k, v]) => [
      k,
      kind === 'Secret' ? Buffer.from(v, 'base64').toString('utf8') : v,
    ]),
  );
  return { ...decoded, ...((object.stringData as Record<string, string> | undefined) ?? {}) };
}
