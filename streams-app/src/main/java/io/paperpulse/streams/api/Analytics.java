package io.paperpulse.streams.api;

import io.paperpulse.streams.trends.TrendWindow;
import java.io.IOException;

/**
 * The read side the HTTP layer asks, with parameters already validated. Each method answers a
 * whole request, or only some partitions' part when another instance asks for it.
 */
interface Analytics {
  Object subjects(Request request, int days) throws IOException;

  Object series(Request request, String subject, int days) throws IOException;

  /** @param day the window's last day (epoch day), or null for the latest day with papers */
  Object trending(Request request, TrendWindow window, Long day, int limit) throws IOException;

  /** A keyword's days and trends, with its watch; null when no paper of the history mentions it. */
  Object keyword(Request request, Params.Keyword keyword) throws IOException;

  Object alerts(Request request, int limit) throws IOException;
}
