import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ParentBasedSampler,
  type Sampler,
  SimpleSpanProcessor,
  type SpanExporter,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import type { SamplerConfig, TracingConfig } from './tracingConfig';
import { setTracingActive } from './tracingActive';

/** The process's tracing, once started: flushes and stops it at shutdown. */
export interface Tracing {
  /** Exports the spans still buffered and stops recording. */
  shutdown(): Promise<void>;
}

const OFF: Tracing = { shutdown: () => Promise.resolve() };

/**
 * Starts tracing for this process as its configuration says: nothing at all when it is off
 * (no provider, no context manager, no instrumentation registered), so an untraced service
 * pays nothing per request. OpenTelemetry's provider is process-wide, hence one call per process.
 */
export function startTracing(config: TracingConfig | undefined): Tracing {
  if (!config) return OFF;
  const exporter =
    config.exporter.kind === 'console'
      ? new ConsoleSpanExporter()
      : new OTLPTraceExporter({
          url: config.exporter.url,
          headers: config.exporter.headers,
          timeoutMillis: config.exporter.timeoutMs,
        });
  return installTracing({
    serviceName: config.serviceName,
    resourceAttributes: config.resourceAttributes,
    exporter,
    sampler: config.sampler,
  });
}

/** What `installTracing` needs; tests pass an in-memory exporter, exported span by span. */
export interface TracingSetup {
  serviceName: string;
  resourceAttributes?: Record<string, string>;
  exporter: SpanExporter;
  sampler?: SamplerConfig;
  /** Export each span as it ends instead of in batches (tests). */
  exportEachSpan?: boolean;
}

/** Installs a tracer provider, the async context manager and W3C trace context propagation. */
export function installTracing(setup: TracingSetup): Tracing {
  const provider = new TracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({
        ...setup.resourceAttributes,
        'service.name': setup.serviceName,
      }),
    ),
    sampler: samplerOf(setup.sampler ?? { name: 'parentbased_always_on', ratio: 1 }),
    spanProcessors: [
      setup.exportEachSpan
        ? new SimpleSpanProcessor({ exporter: setup.exporter })
        : new BatchSpanProcessor({ exporter: setup.exporter }),
    ],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  setTracingActive(true);
  return {
    async shutdown() {
      setTracingActive(false);
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

function samplerOf({ name, ratio }: SamplerConfig): Sampler {
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
  }
}
