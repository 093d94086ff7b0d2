import { z } from 'zod';
import { loadConfig } from '../config/loadConfig';

/** How sampling decides which traces are recorded (`OTEL_TRACES_SAMPLER`, `OTEL_TRACES_SAMPLER_ARG`). */
export interface SamplerConfig {
  name:
    | 'always_on'
    | 'always_off'
    | 'traceidratio'
    | 'parentbased_always_on'
    | 'parentbased_always_off'
    | 'parentbased_traceidratio';
  /** The share of traces recorded by the ratio samplers, 0 to 1. */
  ratio: number;
}

/** Where and how a service exports its spans; absent when tracing is off. */
export interface TracingConfig {
  /** `service.name` of the exported resource. */
  serviceName: string;
  /** Further resource attributes (`OTEL_RESOURCE_ATTRIBUTES`). */
  resourceAttributes: Record<string, string>;
  exporter:
    | { kind: 'otlp'; url: string; headers: Record<string, string>; timeoutMs: number }
    | { kind: 'console' };
  sampler: SamplerConfig;
}

const DEFAULT_OTLP_BASE = 'http://localhost:4318';
const TRACES_PATH = '/v1/traces';

/** An unset variable and an empty one mean the same: compose files pass empty ones through. */
const optional = <T extends z.ZodType>(field: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), field.optional());

const urlField = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

/** `key=value,key=value`, as the OpenTelemetry specification writes headers and attributes. */
const keyValueList = z.string().transform((value, ctx) => {
  const pairs: Record<string, string> = {};
  for (const item of value.split(',')) {
    if (item.trim() === '') continue;
    const at = item.indexOf('=');
    const key = at > 0 ? item.slice(0, at).trim() : '';
    if (!key) {
      ctx.addIssue({ code: 'custom', message: `"${item.trim()}" is not key=value` });
      return z.NEVER;
    }
    pairs[key] = decodeURIComponent(item.slice(at + 1).trim());
  }
  return pairs;
});

const protocolField = z.enum(['http/json'], {
  error: 'must be http/json: spans are exported as OTLP/HTTP with JSON bodies',
});

const timeoutField = z.coerce
  .number({ error: 'must be a number of milliseconds' })
  .int('must be a whole number')
  .positive('must be greater than zero');

const schema = z.object({
  OTEL_SDK_DISABLED: optional(z.enum(['true', 'false'], { error: 'must be true or false' })),
  OTEL_TRACES_EXPORTER: optional(
    z.enum(['otlp', 'console', 'none'], { error: 'must be otlp, console or none' }),
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: optional(urlField),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optional(urlField),
  OTEL_EXPORTER_OTLP_HEADERS: optional(keyValueList),
  OTEL_EXPORTER_OTLP_TRACES_HEADERS: optional(keyValueList),
  OTEL_EXPORTER_OTLP_PROTOCOL: optional(protocolField),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: optional(protocolField),
  OTEL_EXPORTER_OTLP_TIMEOUT: optional(timeoutField),
  OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: optional(timeoutField),
  OTEL_SERVICE_NAME: optional(z.string()),
  OTEL_RESOURCE_ATTRIBUTES: optional(keyValueList),
  OTEL_TRACES_SAMPLER: optional(
    z.enum(
      [
        'always_on',
        'always_off',
        'traceidratio',
        'parentbased_always_on',
        'parentbased_always_off',
        'parentbased_traceidratio',
      ],
      { error: 'must be one of the samplers of the OpenTelemetry specification' },
    ),
  ),
  OTEL_TRACES_SAMPLER_ARG: optional(
    z.coerce
      .number({ error: 'must be a number between 0 and 1' })
      .min(0, 'must be between 0 and 1')
      .max(1, 'must be between 0 and 1'),
  ),
});

/**
 * Reads the standard `OTEL_*` variables. Tracing is on only when an OTLP endpoint is given or
 * `OTEL_TRACES_EXPORTER` asks for an exporter; `OTEL_SDK_DISABLED=true` or
 * `OTEL_TRACES_EXPORTER=none` turns it off whatever else is set.
 */
export function loadTracingConfig(
  service: string,
  defaultServiceName: string,
  env: NodeJS.ProcessEnv,
): TracingConfig | undefined {
  const parsed = loadConfig(`${service} tracing`, schema, env);
  if (parsed.OTEL_SDK_DISABLED === 'true' || parsed.OTEL_TRACES_EXPORTER === 'none') return;
  const endpoint =
    parsed.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
    (parsed.OTEL_EXPORTER_OTLP_ENDPOINT && withTracesPath(parsed.OTEL_EXPORTER_OTLP_ENDPOINT));
  if (parsed.OTEL_TRACES_EXPORTER === undefined && endpoint === undefined) return;
  const exporter: TracingConfig['exporter'] =
    parsed.OTEL_TRACES_EXPORTER === 'console'
      ? { kind: 'console' }
      : {
          kind: 'otlp',
          url: endpoint ?? `${DEFAULT_OTLP_BASE}${TRACES_PATH}`,
          headers: {
            ...parsed.OTEL_EXPORTER_OTLP_HEADERS,
            ...parsed.OTEL_EXPORTER_OTLP_TRACES_HEADERS,
          },
          timeoutMs:
            parsed.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT ?? parsed.OTEL_EXPORTER_OTLP_TIMEOUT ?? 10_000,
        };
  const sampler = parsed.OTEL_TRACES_SAMPLER ?? 'parentbased_always_on';
  return {
    serviceName: parsed.OTEL_SERVICE_NAME ?? defaultServiceName,
    resourceAttributes: parsed.OTEL_RESOURCE_ATTRIBUTES ?? {},
    exporter,
    sampler: { name: sampler, ratio: parsed.OTEL_TRACES_SAMPLER_ARG ?? 1 },
  };
}

/** The base endpoint's signal path, as the specification appends it. */
function withTracesPath(base: string): string {
  return `${base.replace(/\/+$/, '')}${TRACES_PATH}`;
}
