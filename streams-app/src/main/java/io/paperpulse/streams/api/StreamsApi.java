package io.paperpulse.streams.api;

import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.streams.AppMetrics;
import io.paperpulse.common.TopicSerdes;
import io.paperpulse.avro.TrendingPaper;
import io.paperpulse.streams.alerts.AlertQueries;
import io.paperpulse.streams.analytics.PartitionStores;
import io.paperpulse.streams.digests.SubscriptionApi;
import io.paperpulse.streams.keywordtrends.KeywordQueries;
import io.paperpulse.streams.papers.TrendingPapersQuery;
import io.paperpulse.streams.subjectcounts.SubjectCountQueries;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.HostInfo;

/** Wires the HTTP layer to a running app: its state, its watchlist, its metrics, its subscriptions and trending papers. */
public final class StreamsApi {
  private StreamsApi() {}

  /**
   * @param advertisedHost the host this instance gives as its {@code application.server}, with
   *     {@code port}, so it knows the requests it owns
   * @param partitions the analytics topic's partitions
   */
  public static ApiServer server(KafkaStreams streams, PaperPulseConfig config, TopicSerdes serdes, AppMetrics metrics,
      String advertisedHost, int port, int partitions, SubscriptionApi subscriptions) {
    PartitionStores stores = new StreamsStores(streams);
    SubjectCountQueries subjectCounts = new SubjectCountQueries(stores);
    KeywordQueries keywords = new KeywordQueries(stores);
    OwnerForwarding forwarding = new OwnerForwarding(streams, new HostInfo(advertisedHost, port));
    Fanout fanout = new Fanout(streams, partitions, forwarding::isLocal);
    KafkaWatches watches = new KafkaWatches(streams, config, serdes);
    Analytics analytics = new PartitionedAnalytics(
        streams, partitions, subjectCounts, keywords, new AlertQueries(stores), fanout, forwarding, watches);
    OwnedState owned = new OwnedState(partitions, stores, subjectCounts, keywords, watches);
    TrendingPapersQuery papers = new TrendingPapersQuery(
        name -> streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, TrendingPaper>keyValueStore())));
    Routes routes = ApiRoutes.table(analytics, watches, new MetricsEndpoint(metrics, () -> owned), subscriptions, papers::trending, () -> Health.of(streams));
    return new ApiServer(port, routes, List.of(watches));
  }
}
