import type { KubernetesObject } from './kustomize';

type Labels = Record<string, string>;

interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: {
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    values?: string[];
  }[];
}

interface Peer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

interface Rule {
  ports?: { port?: number | string; protocol?: string }[];
  from?: Peer[];
  to?: Peer[];
}

interface PolicySpec {
  podSelector: LabelSelector;
  policyTypes?: ('Ingress' | 'Egress')[];
  ingress?: Rule[];
  egress?: Rule[];
}

/** Whether labels satisfy a selector; the empty selector selects everything. */
export function selects(selector: LabelSelector, labels: Labels): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  return (
    byLabel &&
    (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
      switch (operator) {
        case 'In':
          return key in labels && values.includes(labels[key]!);
        case 'NotIn':
          return !(key in labels) || !values.includes(labels[key]!);
        case 'Exists':
          return key in labels;
        case 'DoesNotExist':
          return !(key in labels);
      }
    })
  );
}

/** A pod of the rendering, or an address outside the cluster. */
export type Endpoint = { pod: Labels } | { address: string };

/**
 * Whether the network policies of one namespace let `source` open a TCP connection to
 * `destination` on `port`, as the NetworkPolicy API defines it: a direction is open for a pod
 * no policy of that type selects; otherwise some selecting policy must allow it. Ports are
 * numeric (as in these manifests); pods are all in the policies' namespace.
 */
export function allows(
  objects: readonly KubernetesObject[],
  source: Endpoint,
  destination: Endpoint,
  port: number,
): boolean {
  const policies = objects
    .filter((o) => o.kind === 'NetworkPolicy')
    .map((o) => o.spec as PolicySpec);
  const direction = (pod: Labels, type: 'Ingress' | 'Egress', peer: Endpoint) => {
    const selecting = policies.filter(
      (p) => typesOf(p).includes(type) && selects(p.podSelector, pod),
    );
    if (selecting.length === 0) return true;
    return selecting.some((p) =>
      (type === 'Ingress' ? (p.ingress ?? []) : (p.egress ?? [])).some((rule) =>
        ruleAllows(rule, type === 'Ingress' ? rule.from : rule.to, peer, port),
      ),
    );
  };
  const egressOk = 'pod' in source ? direction(source.pod, 'Egress', destination) : true;
  const ingressOk = 'pod' in destination ? direction(destination.pod, 'Ingress', source) : true;
  return egressOk && ingressOk;
}

function typesOf(policy: PolicySpec): string[] {
  return policy.policyTypes ?? ['Ingress', ...(policy.egress ? ['Egress'] : [])];
}

function ruleAllows(rule: Rule, peers: Peer[] | undefined, peer: Endpoint, port: number): boolean {
  const portOk =
    !rule.ports ||
    rule.ports.some(
      (p) => (p.protocol ?? 'TCP') === 'TCP' && (p.port === undefined || p.port === port),
    );
  return portOk && (!peers || peers.some((candidate) => peerMatches(candidate, peer)));
}

function peerMatches(candidate: Peer, peer: Endpoint): boolean {
  if ('address' in peer)
    return candidate.ipBlock !== undefined && inCidr(peer.address, candidate.ipBlock.cidr);
  if (candidate.ipBlock) return false;
  // A namespace selector of its own (with or without a pod selector) reaches into other
  // namespaces too; the policies' own namespace is among those the empty one selects.
  if (candidate.namespaceSelector && Object.keys(candidate.namespaceSelector).length > 0)
    return false;
  return !candidate.podSelector || selects(candidate.podSelector, peer.pod);
}

function inCidr(address: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const toNumber = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
  const size = 2 ** (32 - Number(bits));
  return Math.floor(toNumber(address) / size) === Math.floor(toNumber(base) / size);
}
