package io.github.realtimekit.client;

/**
 * An application's own step in every call the client makes to the API: for audit logging, metrics
 * or tracing. Add one with {@link RealtimeKitClientBuilder#addStage(ClientStage)}.
 *
 * <p>A stage runs <em>once for every attempt</em>: inside retries (a call retried twice passes it
 * three times; {@link StageRequest#attempt()} says which) and after the client's rate gate (time
 * spent waiting for the gate is not the attempt's), outside error mapping (an attempt that fails
 * reaches the stage as the client's own exception: a
 * {@link io.github.realtimekit.client.errors.ServiceException} with its status, a
 * {@link io.github.realtimekit.client.errors.NetworkException}, ...), and before authentication: a
 * stage never sees the API token, on any attempt. Stages run in the order they were added, the first
 * outermost. Downloads of files do not pass them.
 *
 * <p>A stage either passes the request on with {@link Chain#proceed} (the request it was given, or
 * one made from it with {@link StageRequest#withHeader}) and returns the response it gets back, or
 * throws. It cannot make a response of its own. An exception it throws ends the attempt: one of the
 * client's own is considered for a retry like any other failure; any other ends the call in a
 * {@link io.github.realtimekit.client.errors.RealtimeKitException} with it as the cause. A stage is
 * shared by every thread of the client, so it must be safe for concurrent use.
 *
 * <pre>{@code
 * ClientStage audit = (request, chain) -> {
 *   StageResponse response = chain.proceed(request);
 *   log.info(request.method() + " " + request.url() + " -> " + response.status());
 *   return response;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface ClientStage {

  /**
   * Handles one attempt.
   *
   * @param request the attempt's request, without its credential
   * @param chain the rest of the pipeline
   * @return the response {@code chain} returned: a 2xx one
   * @throws io.github.realtimekit.client.errors.RealtimeKitException when the attempt fails
   */
  StageResponse send(StageRequest request, Chain chain);

  /** The rest of the pipeline, after a stage. */
  @FunctionalInterface
  interface Chain {
    /**
     * Sends the attempt on.
     *
     * @param request the request the stage was given, or one made from it by {@link StageRequest#withHeader}
     * @return the 2xx response
     * @throws io.github.realtimekit.client.errors.RealtimeKitException when the attempt fails
     * @throws IllegalArgumentException if the request is not the stage's own or made from it
     */
    StageResponse proceed(StageRequest request);
  }
}
