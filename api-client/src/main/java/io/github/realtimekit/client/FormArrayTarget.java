package io.github.realtimekit.client;

import feign.CollectionFormat;
import feign.Request;
import feign.RequestTemplate;
import feign.Target;

/**
 * Sends the separators of comma-separated query arrays as literal commas.
 *
 * <p>The spec's {@code style: form, explode: false} arrays go out as {@code status=UPLOADED,RECORDING}.
 * Feign joins such values with a percent-encoded comma, {@code %2C}, which by RFC 3986 is a comma
 * inside one value rather than a separator. Feign splits every comma in a query value into separate
 * values, so in the query string of a CSV method {@code %2C} can only be a separator.
 */
final class FormArrayTarget<T> extends Target.HardCodedTarget<T> {

  FormArrayTarget(Class<T> type, String url) {
    super(type, url);
  }

  @Override
  public Request apply(RequestTemplate template) {
    Request request = super.apply(template);
    String url = request.url();
    int query = url.indexOf('?');
    if (template.collectionFormat() != CollectionFormat.CSV || query < 0 || url.indexOf("%2C", query) < 0) {
      return request;
    }
    String literal = url.substring(0, query) + url.substring(query).replace("%2C", ",");
    return Request.create(request.httpMethod(), literal, request.headers(), request.body(),
        request.charset(), request.requestTemplate());
  }
}
