package io.github.realtimekit.client.errors;

/**
 * A walk through the pages of a list made no progress: a page repeated the one before it, or there
 * were more pages than the reported {@code total_count} allows. The walk stops instead of looping.
 */
public class PagingException extends RealtimeKitException {

  private static final long serialVersionUID = 1L;

  private final int pageNo;

  /**
   * Creates an exception.
   *
   * @param operation the list operation
   * @param pageNo the page that broke the walk
   * @param message what is wrong with it
   */
  public PagingException(String operation, int pageNo, String message) {
    super(operation, message, null);
    this.pageNo = pageNo;
  }

  /**
   * Returns the number of the page that broke the walk.
   *
   * @return the page number
   */
  public int getPageNo() {
    return pageNo;
  }
}
