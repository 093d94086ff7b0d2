// Validates Kubernetes objects (a JSON array on standard input) against the official
// OpenAPI schemas, through kubernetes-models; prints one line of JSON: the problems found.
// A separate Node process, because kubernetes-models ships ES modules only.
import process from 'node:process';
import { text } from 'node:stream/consumers';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as autoscalingV2 from 'kubernetes-models/autoscaling/v2';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as coreV1 from 'kubernetes-models/v1';

const MODELS = {
  v1: coreV1,
  'apps/v1': appsV1,
  'autoscaling/v2': autoscalingV2,
  'batch/v1': batchV1,
  'networking.k8s.io/v1': networkingV1,
  'policy/v1': policyV1,
};

const objects = JSON.parse(await text(process.stdin));
const problems = [];
for (const object of objects) {
  const where = `${object?.kind} ${object?.metadata?.name}`;
  const Model = MODELS[object?.apiVersion]?.[object?.kind];
  if (typeof Model !== 'function') {
    problems.push(`${where}: no schema for ${object?.apiVersion} ${object?.kind}`);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    problems.push(`${where}: ${error.message}`);
  }
}
process.stdout.write(`${JSON.stringify(problems)}\n`);
