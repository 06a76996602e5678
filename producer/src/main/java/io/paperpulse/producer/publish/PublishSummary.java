package io.paperpulse.producer.publish;

/**
 * What one publish run did with its input. Every record read is counted once: {@code read =
 * published + duplicates + rejected + skipped + failed}.
 *
 * @param read records read from the inputs, papers and rejects alike
 * @param published papers the broker acknowledged
 * @param duplicates papers whose id was already sent in this run, so not sent again
 * @param rejected records that were not papers (each reported with its reason)
 * @param skipped papers outside the run's date range
 * @param failed papers the broker did not acknowledge (each reported)
 */
public record PublishSummary(
    long read, long published, long duplicates, long rejected, long skipped, long failed) {
  public boolean complete() {
    return failed == 0 && read == published + duplicates + rejected + skipped + failed;
  }

  @Override
  public String toString() {
    return String.format(
        "%,d records read: %,d published, %,d duplicates within the run, %,d rejected, "
            + "%,d outside the date range, %,d failed",
        read, published, duplicates, rejected, skipped, failed);
  }
}
