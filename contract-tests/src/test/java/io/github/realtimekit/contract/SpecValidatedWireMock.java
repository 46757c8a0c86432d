package io.github.realtimekit.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.realtimekit.fixtures.SpecExamples;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A WireMock server that, after each test, checks every exchange it served against the spec: each
 * request the client sent (path, query parameters and their style, enum values, date-time formats,
 * the Authorization header), and each response it served, unless the test serves off-spec responses
 * on purpose. Any violation fails the test.
 */
final class SpecValidatedWireMock extends WireMockExtension {

  private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
      .createForInlineApiSpecification(SpecExamples.specText())
      .withCustomRequestValidation(SpecValidatedWireMock::bearerToken)
      .build();

  private final boolean validateResponses;

  SpecValidatedWireMock(WireMockExtension.Builder builder, boolean validateResponses) {
    super(builder);
    this.validateResponses = validateResponses;
  }

  @Override
  protected void onAfterEach(WireMockRuntimeInfo runtime) {
    assertExchangesFollowTheSpec();
  }

  /**
   * Fails if an exchange served so far breaks the spec. Runs after each test method; a dynamic test
   * calls it itself, since the check after its factory method sees only the last dynamic test's
   * exchanges.
   */
  void assertExchangesFollowTheSpec() {
    List<String> violations = violations();
    if (!violations.isEmpty()) {
      throw new AssertionError("Exchanges that break the spec:\n  " + String.join("\n  ", violations));
    }
  }

  /** What breaks the spec among the exchanges served so far, one line each. */
  List<String> violations() {
    List<String> lines = new ArrayList<>();
    for (ServeEvent event : getAllServeEvents()) {
      LoggedRequest request = event.getRequest();
      ValidationReport report = VALIDATOR.validateRequest(toValidatorRequest(request));
      LoggedResponse response = event.getResponse();
      if (validateResponses && response != null && response.getFault() == null && response.getStatus() > 0) {
        report = report.merge(VALIDATOR.validateResponse(path(request.getUrl()),
            Request.Method.valueOf(request.getMethod().getName()), toValidatorResponse(response)));
      }
      report.getMessages().forEach(m -> lines.add(request.getMethod() + " " + request.getUrl() + ": " + m.getKey()
          + " " + m.getMessage().replace('\n', ' ')));
    }
    return lines;
  }

  /**
   * The spec secures every operation with an HTTP bearer token, which the validator does not check
   * by itself.
   */
  private static ValidationReport bearerToken(Request request, ApiOperation operation) {
    boolean bearer = request.getHeaderValue("Authorization")
        .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7) && value.length() > 7)
        .isPresent();
    return bearer ? ValidationReport.empty() : ValidationReport.singleton(ValidationReport.Message
        .create("validation.request.security.bearer", "no 'Authorization: Bearer <token>' header").build());
  }

  private static Request toValidatorRequest(LoggedRequest request) {
    SimpleRequest.Builder builder = new SimpleRequest.Builder(request.getMethod().getName(), path(request.getUrl()));
    rawQuery(request.getUrl()).forEach(builder::withQueryParam);
    for (HttpHeader header : request.getHeaders().all()) {
      builder.withHeader(header.key(), header.values());
    }
    if (request.getBody() != null && request.getBody().length > 0) {
      builder.withBody(request.getBody());
    }
    return builder.build();
  }

  private static SimpleResponse toValidatorResponse(LoggedResponse response) {
    SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.getStatus());
    if (response.getHeaders() != null) {
      for (HttpHeader header : response.getHeaders().all()) {
        builder.withHeader(header.key(), header.values());
      }
    }
    String body = response.getBodyAsString();
    if (body != null && !body.isEmpty()) {
      builder.withBody(body);
    }
    return builder.build();
  }

  private static String path(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  /**
   * The query parameters exactly as sent: a key repeated is several values, and a comma-separated
   * value stays one value, for the validator to split by the parameter's declared style.
   */
  static Map<String, List<String>> rawQuery(String url) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    int start = url.indexOf('?');
    if (start < 0) {
      return params;
    }
    for (String pair : url.substring(start + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(Objects.requireNonNull(value));
    }
    return params;
  }
}
