package io.github.realtimekit.client;

import io.github.realtimekit.client.core.OperationDescriptor;
import io.github.realtimekit.client.errors.PagingException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list operation, as an immutable value: its items, where it lies in the whole list,
 * and a way to fetch the page after it. Fetching the next page changes nothing here, so a fetch that
 * fails can simply be tried again. The same class serves every list operation of the spec.
 *
 * <p>Pages are numbered from 1. There is a next page when this one holds items and its paging
 * information does not show it to be the last: its end offset (offsets count items from 1,
 * inclusive) or the items seen so far reach the total count. A next page that repeats this one, or a
 * walk with more pages than the total count allows, ends in a {@link PagingException} rather than a
 * walk that never ends.
 *
 * @param <T> the type of the items, such as {@code Recording}
 */
public final class Page<T> {

  /** What one response of a list operation holds; the generated client reads it from the response. */
  static final class Content<T> {
    final List<T> items;
    final @Nullable Long totalCount;
    final @Nullable Long startOffset;
    final @Nullable Long endOffset;

    Content(@Nullable List<T> items, @Nullable Long totalCount, @Nullable Long startOffset,
        @Nullable Long endOffset) {
      this.items = items == null ? List.of() : items;
      this.totalCount = totalCount;
      this.startOffset = startOffset;
      this.endOffset = endOffset;
    }
  }

  /** Fetches one page of one query; the generated client makes one per walk. */
  @FunctionalInterface
  interface Fetcher<T> {
    Content<T> fetch(int pageNo);
  }

  private final OperationDescriptor operation;
  private final Content<T> content;
  private final int pageNo;
  private final long itemsSoFar;
  private final int pagesSoFar;
  private final Fetcher<T> fetcher;
  private final @Nullable Function<T, ?> idOf;

  private Page(OperationDescriptor operation, Content<T> content, int pageNo, long itemsBefore, int pagesBefore,
      Fetcher<T> fetcher, @Nullable Function<T, ?> idOf) {
    this.operation = operation;
    this.content = Objects.requireNonNull(content, "content");
    this.pageNo = pageNo;
    this.itemsSoFar = itemsBefore + content.items.size();
    this.pagesSoFar = pagesBefore + 1;
    this.fetcher = fetcher;
    this.idOf = idOf;
  }

  /**
   * The first page of a walk.
   *
   * @param idOf an item's identity, to recognise a repeated page; null to compare whole items
   */
  static <T> Page<T> first(OperationDescriptor operation, @Nullable Integer pageNo, Content<T> content,
      Fetcher<T> fetcher, @Nullable Function<T, ?> idOf) {
    return new Page<>(operation, content, pageNo == null ? 1 : pageNo, 0, 0, fetcher, idOf);
  }

  /**
   * Returns the items of this page.
   *
   * @return the items, in the order the API sent them; empty when the page holds none
   */
  public List<T> getItems() {
    return content.items;
  }

  /**
   * Returns the number of this page.
   *
   * @return the page number, from 1
   */
  public int getPageNo() {
    return pageNo;
  }

  /**
   * Returns how many items match the query, on all pages, as the API reported it.
   *
   * @return the total count, or empty when the response did not say
   */
  public OptionalLong getTotalCount() {
    return optional(content.totalCount);
  }

  /**
   * Returns the offset of this page's first item in the whole list, counting from 1.
   *
   * @return the offset, or empty when the response did not say
   */
  public OptionalLong getStartOffset() {
    return optional(content.startOffset);
  }

  /**
   * Returns the offset of this page's last item in the whole list, counting from 1, inclusive.
   *
   * @return the offset, or empty when the response did not say
   */
  public OptionalLong getEndOffset() {
    return optional(content.endOffset);
  }

  private static OptionalLong optional(@Nullable Long value) {
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /**
   * Returns whether there is a page after this one.
   *
   * @return false when this page is empty or its paging information shows it to be the last
   */
  public boolean hasNextPage() {
    if (content.items.isEmpty()) {
      return false;
    }
    if (content.totalCount == null) {
      return true;
    }
    long total = content.totalCount;
    return itemsSoFar < total && (content.endOffset == null || content.endOffset < total);
  }

  /**
   * Fetches the page after this one. This page does not change, so after a failure the same call
   * fetches the same page again.
   *
   * @return the next page
   * @throws NoSuchElementException if there is none ({@link #hasNextPage()} is false)
   * @throws PagingException if the next page repeats this one, or there are more pages than the
   *     reported total count allows
   * @throws io.github.realtimekit.client.errors.RealtimeKitException if the fetch fails
   */
  public Page<T> getNextPage() {
    if (!hasNextPage()) {
      throw new NoSuchElementException("page " + pageNo + " is the last page");
    }
    String name = operation.getName();
    Long total = content.totalCount;
    if (total != null && pagesSoFar >= Math.max(total, 1)) {
      throw new PagingException(name, pageNo + 1, "The walk through " + name + " made " + pagesSoFar
          + " pages for total_count=" + total + " and would need more: page " + (pageNo + 1) + " was not fetched");
    }
    Page<T> next = new Page<>(operation, fetcher.fetch(pageNo + 1), pageNo + 1, itemsSoFar, pagesSoFar, fetcher,
        idOf);
    if (!next.content.items.isEmpty() && identities(next.content.items).equals(identities(content.items))) {
      throw new PagingException(name, pageNo + 1, "Page " + (pageNo + 1) + " of " + name + " repeats page "
          + pageNo + " (the server may be ignoring page_no); the walk stops");
    }
    return next;
  }

  private List<?> identities(List<T> items) {
    Function<T, ?> id = idOf;
    return id == null ? items : items.stream().map(id).toList();
  }

  /**
   * Returns the operation, the page number, the number of items and the total count.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "Page{operation=" + operation.getName() + ", pageNo=" + pageNo + ", items=" + content.items.size()
        + ", totalCount=" + content.totalCount + "}";
  }
}
