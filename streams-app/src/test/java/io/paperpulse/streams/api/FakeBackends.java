package io.paperpulse.streams.api;

import io.paperpulse.avro.Subscription;
import io.paperpulse.avro.Watch;
import io.paperpulse.streams.digests.SubscriptionApi;
import io.paperpulse.streams.digests.SubscriptionStore;
import io.paperpulse.streams.digests.UnsubscribeTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import io.paperpulse.streams.trends.TrendWindow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A read side, a watchlist and subscriptions in memory, recording how they were asked. */
final class FakeBackends implements Analytics, Watches {
  /** The calls, as "method arg, arg". */
  final List<String> calls = new ArrayList<>();
  final Map<String, Watch> watches = new HashMap<>();
  final Map<String, Subscription> subscriptions = new HashMap<>();
  final UnsubscribeTokens tokens = new UnsubscribeTokens("the fake backends' secret".getBytes(StandardCharsets.UTF_8));
  final SubscriptionApi subscriptionApi = new SubscriptionApi(new SubscriptionStore() {
    @Override
    public Subscription get(String email) {
      return subscriptions.get(email);
    }

    @Override
    public void put(String email, Subscription subscription) {
      if (subscription == null) {
        subscriptions.remove(email);
      } else {
        subscriptions.put(email, subscription);
      }
    }
  }, tokens, Clock.fixed(Instant.parse("2025-04-08T00:00:00Z"), ZoneOffset.UTC));
  /** Thrown by every call when set. */
  RuntimeException failure;

  void reset() {
    calls.clear();
    watches.clear();
    subscriptions.clear();
    failure = null;
  }

  private void called(String call) {
    calls.add(call);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public Object subjects(Request request, int days) {
    called("subjects " + days);
    return new Answers.Subjects("P" + days + "D", "2025-04-01", "2025-04-08", 10,
        List.of(new Answers.SubjectShare("Machine Learning", 4, 0.4)));
  }

  @Override
  public Object series(Request request, String subject, int days) {
    called("series " + subject + ", " + days);
    return new Answers.Series(subject, "P" + days + "D",
        List.of(new Answers.SeriesPoint("2025-04-01", "2025-04-02", 1, 2, 0.5, false)));
  }

  @Override
  public Object trending(Request request, TrendWindow window, Long day, int limit) {
    called("trending " + window + ", " + day + ", " + limit);
    return new Answers.Trending(window.name(), "", null, false, null, null, List.of());
  }

  @Override
  public Object keyword(Request request, Params.Keyword keyword) {
    called("keyword " + keyword.phrase() + ", " + keyword.key());
    return keyword.key().equals("graph") ? Map.of("keyword", keyword.key(), "label", keyword.phrase()) : null;
  }

  @Override
  public Object alerts(Request request, int limit) {
    called("alerts " + limit);
    return new Answers.Alerts(List.of());
  }

  @Override
  public Watch get(String key) {
    called("get watch " + key);
    return watches.get(key);
  }

  @Override
  public void write(String key, Watch watch) {
    called("write watch " + key);
    if (watch == null) {
      watches.remove(key);
    } else {
      watches.put(key, watch);
    }
  }

  /** The trending papers' query: refuses a window it does not know, as the real one does. */
  Object papers(Map<String, String> query) {
    called("papers " + new java.util.TreeMap<>(query));
    String window = query.getOrDefault("window", "P1D");
    if (!List.of("P1D", "P7D", "P30D").contains(window)) {
      throw new IllegalArgumentException("window must be one of P1D, P7D, P30D, not '" + window + "'");
    }
    return Map.of("window", window, "papers", List.of());
  }
}
