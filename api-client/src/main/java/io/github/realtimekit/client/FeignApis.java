package io.github.realtimekit.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import io.github.realtimekit.client.core.HttpTransport;
import io.github.realtimekit.client.core.JsonResponses;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The generated Feign interfaces on a client's pipeline, for {@code RealtimeKitClient.api()}: made
 * only when asked for, so that a program that never uses them loads nothing of Feign.
 *
 * <p>A call, outermost first: argument checks ({@link CheckedInvocationHandlerFactory}), the request
 * body written as JSON once ({@link JsonBodyEncoder}), Feign's request turned into the pipeline's
 * ({@link FeignAdapter}), the pipeline, and the body decoded by {@link ResponseDecoder}.
 */
final class FeignApis {

  private final Feign.Builder feign;
  private final String baseUrl;
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();

  FeignApis(String baseUrl, HttpTransport pipeline, JsonResponses json, ObjectMapper mapper, BooleanSupplier closed,
      Duration connectTimeout, Duration readTimeout) {
    this.baseUrl = baseUrl;
    OperationIndex operations = OperationIndex.ALL;
    this.feign = Feign.builder()
        .client(new FeignAdapter(pipeline, operations, closed))
        .contract(new SpecContract(operations))
        .encoder(new JsonBodyEncoder(mapper, operations, JsonBodyEncoder.MAX_BODY_BYTES))
        .decoder(new ResponseDecoder(json))
        .retryer(Retryer.NEVER_RETRY)
        .logLevel(Logger.Level.NONE)
        .invocationHandlerFactory(new CheckedInvocationHandlerFactory(operations))
        .options(new Request.Options(
            connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
            readTimeout.toMillis(), TimeUnit.MILLISECONDS,
            false));
  }

  /** A generated Feign interface on the pipeline; one instance per interface. */
  <A> A api(Class<A> type) {
    return type.cast(apis.computeIfAbsent(type, t -> feign.target(new FormArrayTarget<>(t, baseUrl))));
  }
}
