package io.github.realtimekit.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import io.github.realtimekit.client.core.OperationDescriptor;
import io.github.realtimekit.client.errors.InvalidArgumentException;
import io.github.realtimekit.client.errors.ResponseDecodingException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;

/**
 * What every {@link RealtimeKitClient} of one configuration shares: the pipeline, assembled here, and
 * the generated Feign interfaces on top of it. Knows no operation by name: the generated client
 * calls {@link #api(Class)} for its interfaces and {@link #unwrap} / {@link #requireQuery} for
 * what every operation does alike.
 *
 * <p>The pipeline, outermost first: argument checks ({@link CheckedInvocationHandlerFactory}), retries
 * ({@link RetryingClient}), error mapping ({@link ErrorMappingClient}), authentication
 * ({@link AuthenticatingClient}), logging ({@link LoggingClient}), and one transport
 * ({@link JdkTransport}) with a deadline and a size limit.
 */
final class ClientRuntime {

  private final String baseUrl;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Feign.Builder feign;
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();

  ClientRuntime(RealtimeKitClientBuilder b) {
    this.baseUrl = b.baseUrl;
    ObjectMapper mapper = RealtimeKitJson.newObjectMapper();
    SafeText safe = new SafeText(b.apiToken);
    HttpClient http = b.httpClient != null ? b.httpClient : SharedHttpClients.get(b.connectTimeout,
        // HTTP/2 where TLS negotiates it; no h2c upgrade attempt on plain http.
        b.baseUrl.startsWith("https:") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);

    // The pipeline, outermost first: each attempt is authenticated, then logged, then sent.
    Client transport = new JdkTransport(http, b.maxResponseBytes);
    Client logging = new LoggingClient(transport, b.httpLogLevel, safe, System::nanoTime);
    Client authenticating = new AuthenticatingClient(logging, b.apiToken, "realtimekit-java");
    Client errorMapping = new ErrorMappingClient(authenticating, mapper, safe);
    Client retrying = new RetryingClient(errorMapping, b.retryPolicy, b.retryListener, b.sleeper,
        b.currentTimeMillis, b.random);
    Client pipeline = (request, options) -> {
      if (closed.get()) {
        throw new IllegalStateException("This RealtimeKitClient is closed");
      }
      return retrying.execute(request, options);
    };

    this.feign = Feign.builder()
        .client(pipeline)
        .contract(new SpecContract())
        .decoder(new ResponseDecoder(new JsonBodyDecoder(mapper, b.strictResponses ? validator() : null, safe)))
        .retryer(Retryer.NEVER_RETRY)
        .logLevel(Logger.Level.NONE)
        .invocationHandlerFactory(new CheckedInvocationHandlerFactory())
        .options(new Request.Options(
            b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
            b.readTimeout.toMillis(), TimeUnit.MILLISECONDS,
            false));
  }

  /** The base URL every call goes to. */
  String baseUrl() {
    return baseUrl;
  }

  /** A generated Feign interface on this pipeline; one instance per interface, shared by every view. */
  <A> A api(Class<A> type) {
    return type.cast(apis.computeIfAbsent(type, t -> feign.target(new FormArrayTarget<>(t, baseUrl))));
  }

  /** Ends every later call of every client on this runtime. */
  void close() {
    closed.set(true);
  }

  /**
   * The {@code data} of a 2xx envelope, which the spec leaves optional: a 2xx answer without it has
   * nothing to return, and fails like any other response that does not fit.
   */
  static <R, T> Response<T> unwrap(OperationDescriptor operation, Response<R> response,
      Function<R, @Nullable T> data) {
    T value = data.apply(response.getValue());
    if (value == null) {
      throw new ResponseDecodingException(operation.getName(), response.getStatusCode(),
          "The response of " + operation.getName() + " holds no data: "
              + SafeText.escapeControls(String.valueOf(response.getValue())), "", null);
    }
    return response.withValue(value);
  }

  /** The query object of a call, which must be given: {@code none()} stands for no parameters. */
  static <Q> Q requireQuery(OperationDescriptor operation, @Nullable Q query, String type) {
    if (query == null) {
      throw new InvalidArgumentException(operation.getName(), List.of(new InvalidArgumentException.Violation(
          "query", "must not be null; use " + type + ".none() for no parameters", "null")));
    }
    return query;
  }

  private static Validator validator() {
    return ValidatorHolder.VALIDATOR;
  }

  /** One validator for the process: Hibernate Validator without an EL implementation. */
  private static final class ValidatorHolder {
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
