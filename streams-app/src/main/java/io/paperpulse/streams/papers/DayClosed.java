package io.paperpulse.streams.papers;

/**
 * A partition of the analytics topic has judged a day's keywords: every final trend it found that
 * day has been sent before this.
 *
 * @param partition the partition of the analytics topic
 * @param day the epoch day closed
 */
public record DayClosed(int partition, long day) {}
