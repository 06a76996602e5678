package io.paperpulse.streams.digests;

import io.paperpulse.avro.Digest;
import io.paperpulse.avro.DigestPaper;
import io.paperpulse.avro.DigestSpike;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.Subscription;
import io.paperpulse.avro.TrendingKeywordRef;
import io.paperpulse.avro.TrendingPaper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What one subscriber's digest of a day holds: the papers and spikes of what they follow. */
public final class DigestContent {
  /** Papers in a digest at most, best rank first. */
  public static final int MAX_PAPERS = 20;

  private DigestContent() {}

  /**
   * The digest of {@code day} for {@code subscription}.
   *
   * @param ranking the day's whole P1D ranking, in rank order
   * @param spikes the day's spike alerts
   */
  public static Digest of(Subscription subscription, String day, List<TrendingPaper> ranking, List<SpikeAlert> spikes, String unsubscribeUrl) {
    List<DigestPaper> papers = new ArrayList<>();
    for (TrendingPaper paper : ranking) {
      List<String> matched = matched(subscription, paper);
      if (papers.size() < MAX_PAPERS && (subscription.getEverything() || !matched.isEmpty())) {
        papers.add(DigestPaper.newBuilder()
            .setRank(paper.getRank())
            .setPaperId(paper.getPaperId())
            .setTitle(paper.getTitle())
            .setAuthors(paper.getAuthors())
            .setAbstractStart(paper.getAbstractStart())
            .setUrl(paper.getUrl())
            .setMatched(matched)
            .build());
      }
    }
    List<DigestSpike> followedSpikes = new ArrayList<>();
    for (SpikeAlert alert : spikes) {
      if (follows(subscription, alert)) {
        followedSpikes.add(DigestSpike.newBuilder().setKeyword(alert.getKeyword()).setLabel(alert.getLabel()).setCount(alert.getCount()).setScore(alert.getScore()).build());
      }
    }
    return Digest.newBuilder().setEmail(subscription.getEmail()).setDay(day).setPapers(papers).setSpikes(followedSpikes)
        .setUnsubscribeUrl(unsubscribeUrl).build();
  }

  /** The followed keywords and subjects {@code paper} has, keywords first. */
  static List<String> matched(Subscription subscription, TrendingPaper paper) {
    Set<String> matched = new LinkedHashSet<>();
    for (TrendingKeywordRef keyword : paper.getKeywords()) {
      if (subscription.getKeywords().contains(keyword.getKeyword())) {
        matched.add(keyword.getKeyword());
      }
    }
    for (String subject : paper.getSubjects()) {
      if (subscription.getSubjects().contains(subject)) {
        matched.add(subject);
      }
    }
    return List.copyOf(matched);
  }

  /** A spike is the subscriber's when they follow its keyword or own the watch that fired it. */
  static boolean follows(Subscription subscription, SpikeAlert alert) {
    String email = subscription.getEmail();
    return subscription.getKeywords().contains(alert.getKeyword())
        || (alert.getWatched() && (email.equalsIgnoreCase(String.valueOf(alert.getOwner())) || email.equalsIgnoreCase(String.valueOf(alert.getChannel()))));
  }
}
