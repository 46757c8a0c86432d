package io.github.realtimekit.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import io.github.realtimekit.client.core.ErrorMapper;
import io.github.realtimekit.client.core.HttpPipeline;
import io.github.realtimekit.client.core.HttpStage;
import io.github.realtimekit.client.core.HttpTransport;
import io.github.realtimekit.client.core.JsonResponses;
import io.github.realtimekit.client.core.OperationDescriptor;
import io.github.realtimekit.client.core.SafeText;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.client.errors.ServiceException;
import io.github.realtimekit.client.transport.JdkTransport;
import io.github.realtimekit.client.transport.Http1Transport;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.Closeable;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;

/**
 * What every {@link RealtimeKitClient} of one configuration shares: the pipelines, assembled here,
 * and the generated Feign interfaces on top of them. Knows no operation by name: the generated client
 * calls {@link #api(Class)} for its interfaces and {@link #unwrap} / {@link #requireQuery} for
 * what every operation does alike.
 *
 * <p>A call, outermost first: argument checks ({@link CheckedInvocationHandlerFactory}), the request
 * body written as JSON once ({@link JsonBodyEncoder}), Feign's request turned into the pipeline's
 * ({@link FeignAdapter}), then the pipeline of
 * {@link io.github.realtimekit.client.core}: retries, error mapping, authentication and logging,
 * around one transport ({@link Http1Transport}, or {@link JdkTransport} for a caller's {@code HttpClient} or a
 * proxy) with a deadline and a size limit. Downloads go through
 * the same transport and logging ({@link #downloadPipeline()}).
 */
final class ClientRuntime {

  private final String baseUrl;
  private final String userAgent;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Feign.Builder feign;
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();
  private final ErrorMapper errors;
  private final HttpPipeline downloads;
  private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
  private final Reconciliation reconciliation;
  private final AsyncCalls asyncCalls;

  ClientRuntime(RealtimeKitClientBuilder b) {
    this.baseUrl = b.baseUrl;
    this.userAgent = b.userAgent;
    ObjectMapper mapper = RealtimeKitJson.newObjectMapper();
    SafeText safe = new SafeText(b.apiToken);
    HttpTransport transport = transport(b);
    this.errors = new ErrorMapper(mapper, safe, b.connectTimeout, b.readTimeout);
    HttpPipeline.Builder pipelines = HttpPipeline.builder()
        .credentials(b.apiToken, b.userAgent)
        .logging(b.httpLogLevel != HttpLogLevel.NONE, b.httpLogLevel == HttpLogLevel.HEADERS)
        .retries(b.maxRetries, b.initialBackoff, b.maxBackoff, b.maxRetryAfter)
        .retryObserver((operation, next, max, delay, failure) ->
            b.retryListener.beforeRetry(new RetryEvent(operation, next, max, delay, failure)))
        .clock(b.sleeper, b.currentTimeMillis, b.random)
        .nanoClock(b.nanoTime)
        .ownStages(b.stages.stream().<HttpStage>map(OwnStage::new).toList());
    b.rateLimits.forEach(limit -> pipelines.rateLimit(limit.getRequests(), limit.getWindow()));
    HttpPipeline pipeline = pipelines.buildForApi(errors, transport);
    this.downloads = pipelines.buildForDownloads(errors, transport);
    this.reconciliation = new Reconciliation(b.currentTimeMillis);
    this.asyncCalls = new AsyncCalls(b.asyncExecutor);
    OperationIndex operations = OperationIndex.ALL;
    JsonResponses json = new JsonResponses(mapper,
        b.strictResponses ? validator(ClientRuntime.class.getClassLoader()) : null, errors, safe);
    this.feign = Feign.builder()
        .client(new FeignAdapter(pipeline, operations, closed::get))
        .contract(new SpecContract(operations))
        .encoder(new JsonBodyEncoder(mapper, operations, JsonBodyEncoder.MAX_BODY_BYTES))
        .decoder(new ResponseDecoder(json))
        .retryer(Retryer.NEVER_RETRY)
        .logLevel(Logger.Level.NONE)
        .invocationHandlerFactory(new CheckedInvocationHandlerFactory(operations))
        .options(new Request.Options(
            b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
            b.readTimeout.toMillis(), TimeUnit.MILLISECONDS,
            false));
  }

  /**
   * The transport: the JDK's {@code HttpClient} when the caller brings one or sets a proxy, else
   * {@link Http1Transport}, which does its I/O on the calling thread.
   */
  private static HttpTransport transport(RealtimeKitClientBuilder b) {
    if (b.httpClient != null || b.proxy != null) {
      HttpClient http = b.httpClient != null ? b.httpClient : JdkTransport.sharedHttpClient(b.connectTimeout,
          b.baseUrl, b.proxy, b.sslContext);
      return new JdkTransport(http, b.maxResponseBytes, b.readTimeout,
          b.proxyCredentials == null ? null : b.proxyCredentials.header());
    }
    return new Http1Transport(b.connectTimeout, b.maxResponseBytes, b.readTimeout,
        b.sslContext == null ? null : b.sslContext.getSocketFactory());
  }

  /** The base URL every call goes to. */
  String baseUrl() {
    return baseUrl;
  }

  /** A generated Feign interface on this pipeline; one instance per interface, shared by every view. */
  <A> A api(Class<A> type) {
    return type.cast(apis.computeIfAbsent(type, t -> feign.target(new FormArrayTarget<>(t, baseUrl))));
  }

  /**
   * Runs one call of the generated Feign interface with a call's options: what a generated method
   * that takes {@link RequestOptions} calls, around its call of the Feign interface. The options are
   * checked first (a header the client sets itself is refused, naming it, and nothing is sent), then
   * bound to the call on the calling thread; see {@link CallScope}.
   */
  static <T> T withOptions(OperationDescriptor operation, RequestOptions options, Supplier<T> call) {
    return CallScope.call(operation, options, call);
  }

  /** Checks a call's options before anything is sent, for a call that binds them later (a pager's pages). */
  static void requireOptions(OperationDescriptor operation, RequestOptions options) {
    CallScope.check(operation, options);
  }

  /** The pipeline downloads go through: the API's transport and logging, no credential. */
  HttpPipeline downloadPipeline() {
    return downloads;
  }

  /** The one error mapper of this configuration. */
  ErrorMapper errors() {
    return errors;
  }

  /** The asynchronous calls of every view's {@code async()}: the executor and the scheduled waits. */
  AsyncCalls asyncCalls() {
    return asyncCalls;
  }

  /** Calls that may change state, made at most once, with their lost answers reconciled. */
  Reconciliation reconciliation() {
    return reconciliation;
  }

  /** The {@code User-Agent} of every call and download. */
  String userAgent() {
    return userAgent;
  }

  /** Refuses to start anything once closed. */
  void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("This RealtimeKitClient is closed");
    }
  }

  /** Keeps something open on this runtime's behalf (a download's body), to be closed with it. */
  void track(Closeable resource) {
    open.add(resource);
    if (closed.get()) {
      untrack(resource);
      closeQuietly(resource);
      requireOpen();
    }
  }

  void untrack(Closeable resource) {
    open.remove(resource);
  }

  /**
   * Ends every later call of every client on this runtime, and stops the downloads under way. The
   * JDK client is the caller's or shared by configuration, and holds nothing of this runtime's.
   */
  void close() {
    if (closed.compareAndSet(false, true)) {
      for (Closeable resource : open) {
        closeQuietly(resource);
      }
      open.clear();
    }
  }

  private static void closeQuietly(Closeable resource) {
    try {
      resource.close();
    } catch (IOException | RuntimeException e) {
      // Closing: nothing more to do with it.
    }
  }

  /**
   * The {@code data} of a 2xx envelope, which the spec leaves optional: a 2xx answer without it has
   * nothing to return, and fails like any other response that does not fit.
   */
  static <R, T> Response<T> unwrap(OperationDescriptor operation, Response<R> response,
      Function<R, @Nullable T> data) {
    T value = data.apply(response.getValue());
    if (value == null) {
      throw ErrorMapper.missingContent(operation, response.getStatusCode(),
          "The response of " + operation.getName() + " holds no data: "
              + SafeText.escapeControls(String.valueOf(response.getValue())), "");
    }
    return response.withValue(value);
  }

  /**
   * A call whose operation answers "none" with a status (the spec's {@code x-realtimekit-absent}):
   * that answer as an empty result, any other failure as it is.
   */
  static <T> Optional<Response<T>> absentOn(int status, Supplier<Response<T>> call) {
    try {
      return Optional.of(call.get());
    } catch (ServiceException e) {
      if (e.getStatusCode() == status) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The query object of a call, which must be given: {@code none()} stands for no parameters. */
  static <Q> Q requireQuery(OperationDescriptor operation, @Nullable Q query, String type) {
    if (query == null) {
      throw new InvalidArgumentException(operation.getName(), List.of(new InvalidArgumentException.Violation(
          "query", "must not be null; use " + type + ".none() for no parameters", "null")));
    }
    return query;
  }

  /**
   * The validator of strict mode, which needs Hibernate Validator: an optional dependency, on the class
   * path only when the application adds it.
   */
  static Validator validator(ClassLoader loader) {
    try {
      Class.forName("org.hibernate.validator.HibernateValidator", false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("strictResponses: Hibernate Validator is not on the class path; add "
          + "org.hibernate.validator:hibernate-validator (9.x, the version the client's BOM names) to use "
          + "strictResponses", e);
    }
    return StrictValidator.VALIDATOR;
  }

  /** One validator for the process: Hibernate Validator without an EL implementation. */
  private static final class StrictValidator {
    /**
     * Hibernate Validator announces its version at INFO when it starts, which java.util.logging prints
     * on stderr of every program using the client. Unless the application set a level for that one
     * logger, the announcement is left out; warnings and errors are not.
     */
    private static final java.util.logging.Logger VERSION_BANNER =
        java.util.logging.Logger.getLogger("org.hibernate.validator.internal.util.Version");

    static {
      if (VERSION_BANNER.getLevel() == null) {
        VERSION_BANNER.setLevel(java.util.logging.Level.WARNING);
      }
    }

    static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory()
        .getValidator();
  }
}
