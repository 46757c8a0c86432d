package io.github.realtimekit.client;

import io.github.realtimekit.client.errors.ServiceException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * The README's examples of an application's own stage, compiled and run by {@link ClientStageTest},
 * which also checks that the README shows each one as it is here, between the {@code README:} marks.
 */
final class StageExamples {

  private StageExamples() {
  }

  /** Times every attempt, tagged with the operation and the status (or the failure). */
  static ClientStage micrometerTimer(MeterRegistry registry) {
    // README: micrometer
    ClientStage timer = (request, chain) -> {
      Timer.Sample sample = Timer.start(registry);
      String outcome = "IO_ERROR";
      try {
        StageResponse response = chain.proceed(request);
        outcome = String.valueOf(response.status());
        return response;
      } catch (ServiceException e) {
        outcome = String.valueOf(e.getStatusCode());
        throw e;
      } finally {
        sample.stop(registry.timer("realtimekit.client.requests",
            "operation", request.operation(), "status", outcome));
      }
    };
    // README: end
    return timer;
  }

  /** A client span per attempt, its context sent on in the W3C traceparent header. */
  static ClientStage openTelemetrySpan(OpenTelemetry openTelemetry) {
    // README: opentelemetry
    Tracer tracer = openTelemetry.getTracer("io.github.realtimekit.client");
    TextMapPropagator propagator = openTelemetry.getPropagators().getTextMapPropagator();
    ClientStage tracing = (request, chain) -> {
      Span span = tracer.spanBuilder(request.operation()).setSpanKind(SpanKind.CLIENT)
          .setAttribute("http.request.method", request.method())
          .setAttribute("url.full", request.url())
          .setAttribute("http.request.resend_count", request.attempt() - 1)
          .startSpan();
      try (Scope scope = span.makeCurrent()) {
        StageRequest[] traced = {request};
        propagator.inject(Context.current(), traced,
            (carrier, name, value) -> carrier[0] = carrier[0].withHeader(name, value));
        StageResponse response = chain.proceed(traced[0]);
        span.setAttribute("http.response.status_code", response.status());
        return response;
      } catch (RuntimeException e) {
        if (e instanceof ServiceException) {
          span.setAttribute("http.response.status_code", ((ServiceException) e).getStatusCode());
        }
        span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
        throw e;
      } finally {
        span.end();
      }
    };
    // README: end
    return tracing;
  }
}
