import { context, createContextKey, defaultTextMapGetter, defaultTextMapSetter, propagation, ROOT_CONTEXT, trace, type Context, type TextMapPropagator, type Tracer } from '@opentelemetry/api';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-node';

/** The instrumentation scope of the platform's own spans. */
const SCOPE = 'mini-program-platform';

export interface TracingOptions {
  /** The service this process runs (`gateway`, `accounts`…); `OTEL_SERVICE_NAME` renames it. */
  serviceName: string;
  /**
   * Where spans go (a test's `InMemorySpanExporter`). Absent: OTLP over HTTP when
   * `OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` is set, else tracing stays off.
   */
  exporter?: SpanExporter;
  /** Batch spans before exporting; default: batched for OTLP, one by one for a given exporter. */
  batch?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface Tracing {
  readonly enabled: boolean;
  /** Exports every span ended so far. */
  flush(): Promise<void>;
  /** Flushes, then unregisters everything: the OpenTelemetry API is a no-op again. */
  stop(): Promise<void>;
}

interface ActiveTracing {
  mainService: string;
  /** One tracer provider per service name: spans carry their service as a resource (`service.name`). */
  providerFor(service: string): { getTracer(name: string): Tracer };
  tracers: Map<string, Tracer>;
  processor: SpanProcessor;
  /** W3C Trace Context whatever `OTEL_PROPAGATORS` says: the format of the event log's `trace_parent`. */
  traceContext: TextMapPropagator;
}

let active: ActiveTracing | null = null;

const OFF: Tracing = { enabled: false, flush: async () => {}, stop: async () => {} };

/** Whether spans are recorded in this process (`startTracing` found somewhere to send them). */
export function isTracingEnabled(): boolean {
  return active !== null;
}

/**
 * Turns tracing on when there is somewhere to send spans; otherwise registers nothing, so every
 * span call stays the OpenTelemetry API's no-op and the SDK is not even loaded. Registers the
 * AsyncLocalStorage context manager and W3C `traceparent` propagation for the whole process.
 */
export async function startTracing(options: TracingOptions): Promise<Tracing> {
  const env = options.env ?? process.env;
  const sdkDisabled = env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true';
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (active || (!options.exporter && (sdkDisabled || !endpoint))) return OFF;
  // Loaded only when tracing is on: the SDK and the exporter cost ~7 MB of heap and a good part of a second to load.
  const [{ BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor }, { detectResources, envDetector, resourceFromAttributes, defaultResource }, semconv, { W3CTraceContextPropagator }] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/semantic-conventions'),
      import('@opentelemetry/core'),
    ]);
  const exporter = options.exporter ?? new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter();
  const batch = options.batch ?? !options.exporter;
  const processor = batch ? new BatchSpanProcessor(exporter) : new SimpleSpanProcessor(exporter);
  // OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME apply; the service name is then set per service.
  const base = defaultResource().merge(detectResources({ detectors: [envDetector] }));
  const mainService = env.OTEL_SERVICE_NAME?.trim() || options.serviceName;
  const providers = new Map<string, InstanceType<typeof NodeTracerProvider>>();
  const providerFor = (service: string) => {
    let provider = providers.get(service);
    if (!provider) {
      provider = new NodeTracerProvider({
        resource: base.merge(resourceFromAttributes({ [semconv.ATTR_SERVICE_NAME]: service })),
        spanProcessors: [processor],
      });
      providers.set(service, provider);
    }
    return provider;
  };
  // The main service's provider is the global one: libraries' spans (@apollo/gateway's) go there.
  const main = providerFor(mainService);
  providers.set(options.serviceName, main);
  main.register();
  active = { mainService: options.serviceName, providerFor, tracers: new Map(), processor, traceContext: new W3CTraceContextPropagator() };
  return {
    enabled: true,
    flush: () => processor.forceFlush(),
    async stop() {
      if (active?.processor !== processor) return;
      active = null;
      // The providers share the processor: shutting one down flushes and closes the exporter.
      await main.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

const SERVICE_KEY = createContextKey('mini-program-platform service');

/** `ctx` as the context of work done by `service` (its spans are named after it). */
export function inService(ctx: Context, service: string): Context {
  return active ? ctx.setValue(SERVICE_KEY, service) : ctx;
}

/**
 * The tracer of a service. One process may run several services (`npm start` runs them all):
 * each gets its own `service.name`. Without a service, the one of the active context, else the
 * process's main service. A no-op tracer when tracing is off.
 */
export function tracerFor(service?: string): Tracer {
  if (!active) return trace.getTracer(SCOPE);
  const name = service ?? (context.active().getValue(SERVICE_KEY) as string | undefined) ?? active.mainService;
  let tracer = active.tracers.get(name);
  if (!tracer) {
    tracer = active.providerFor(name).getTracer(SCOPE);
    active.tracers.set(name, tracer);
  }
  return tracer;
}

/** The `traceparent` of the active span (null without one): what an appended event remembers of its cause. */
export function currentTraceParent(): string | null {
  if (!active) return null;
  const carrier: Record<string, string> = {};
  active.traceContext.inject(context.active(), carrier, defaultTextMapSetter);
  return carrier.traceparent ?? null;
}

/** The context a `traceparent` names (the root context when there is none, or it is malformed). */
export function contextOfTraceParent(traceParent: string | null | undefined): Context {
  if (!active || !traceParent) return ROOT_CONTEXT;
  return active.traceContext.extract(ROOT_CONTEXT, { traceparent: traceParent }, defaultTextMapGetter);
}
