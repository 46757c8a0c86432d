package io.github.realtimekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PagesAheadTest {

  /** Pages 1 to 3, counting each one asked for; page {@code failAt} throws instead. */
  private static final class Walk implements Iterator<String> {
    final CountDownLatch asked = new CountDownLatch(3);
    final int failAt;
    int page;

    Walk(int failAt) {
      this.failAt = failAt;
    }

    @Override
    public boolean hasNext() {
      return page < 3;
    }

    @Override
    public String next() {
      page++;
      asked.countDown();
      if (page == failAt) {
        throw new IllegalStateException("page " + page + " failed");
      }
      return "page " + page;
    }
  }

  @Test
  void theNextPageIsAskedForBeforeTheWalkNeedsIt() throws Exception {
    Walk walk = new Walk(0);
    try (PagesAhead<String> pages = new PagesAhead<>(walk)) {
      assertEquals("page 1", pages.next());
      assertEquals("page 2", pages.next());

      assertTrue(walk.asked.await(10, TimeUnit.SECONDS), "page 3 asked for while page 2 is worked through");
      assertEquals("page 3", pages.next());
      assertNull(pages.next());
      assertNull(pages.next());
    }
  }

  @Test
  void aFailureComesAtItsPageAfterThePagesBeforeIt() throws Exception {
    try (PagesAhead<String> pages = new PagesAhead<>(new Walk(2))) {
      assertEquals("page 1", pages.next());

      IllegalStateException e = assertThrows(IllegalStateException.class, pages::next);

      assertEquals("page 2 failed", e.getMessage());
      assertNull(pages.next(), "the walk ends there");
    }
  }

  @Test
  void anEmptyWalkHasNoPage() throws Exception {
    try (PagesAhead<String> pages = new PagesAhead<>(List.<String>of().iterator())) {
      assertNull(pages.next());
    }
  }
}
