import { ConfigError } from '../config/loadConfig';
import { loadTracingConfig, type TracingConfig } from './tracingConfig';

const load = (env: Record<string, string>) => loadTracingConfig('gateway', 'govgraph-gateway', env);
const otlp = (config: TracingConfig | undefined) =>
  config?.exporter.kind === 'otlp' ? config.exporter : undefined;

describe('tracing configuration from OTEL_* variables', () => {
  it('is off without any, and with empty ones (as compose files pass them)', () => {
    expect(load({})).toBeUndefined();
    expect(load({ OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_SERVICE_NAME: '' })).toBeUndefined();
    expect(load({ OTEL_SERVICE_NAME: 'gateway-a' })).toBeUndefined();
  });

  it('is on with an endpoint, adding the traces path to a base endpoint only', () => {
    expect(otlp(load({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }))?.url).toBe(
      'http://collector:4318/v1/traces',
    );
    expect(
      otlp(load({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://collector/custom/path' }))?.url,
    ).toBe('https://collector/custom/path');
    expect(otlp(load({ OTEL_TRACES_EXPORTER: 'otlp' }))?.url).toBe(
      'http://localhost:4318/v1/traces',
    );
    expect(load({ OTEL_TRACES_EXPORTER: 'console' })?.exporter).toEqual({ kind: 'console' });
  });

  it('is off when disabled, whatever else is set', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(load({ ...endpoint, OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
    expect(load({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' })).toBeUndefined();
  });

  it('honours service name, resource attributes, headers, timeout and sampler', () => {
    const config = load({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_SERVICE_NAME: 'gateway-eu',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=prod, service.version=1.2',
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20abc,x-tenant=a',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-tenant=b',
      OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: '2500',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
    });
    expect(config).toMatchObject({
      serviceName: 'gateway-eu',
      resourceAttributes: { 'deployment.environment': 'prod', 'service.version': '1.2' },
      exporter: { headers: { authorization: 'Bearer abc', 'x-tenant': 'b' }, timeoutMs: 2500 },
      sampler: { name: 'parentbased_traceidratio', ratio: 0.25 },
    });
    expect(load({ OTEL_TRACES_EXPORTER: 'otlp' })?.serviceName).toBe('govgraph-gateway');
  });

  it('refuses what it cannot honour, naming every variable at once', () => {
    let error: unknown;
    try {
      load({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
        OTEL_TRACES_SAMPLER: 'sometimes',
        OTEL_TRACES_SAMPLER_ARG: '2',
        OTEL_RESOURCE_ATTRIBUTES: 'novalue',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    for (const variable of [
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'OTEL_EXPORTER_OTLP_PROTOCOL',
      'OTEL_TRACES_SAMPLER:',
      'OTEL_TRACES_SAMPLER_ARG',
      'OTEL_RESOURCE_ATTRIBUTES',
    ])
      expect((error as Error).message).toContain(variable);
  });
});
