package io.paperpulse.streams.train;

import io.paperpulse.avro.Paper;
import java.io.IOException;
import java.util.function.Consumer;

/** The papers training learns from, read by the caller (the CLI reads feed files), so training needs no feed parser. */
@FunctionalInterface
public interface TrainingPapers {
  /**
   * Hands every paper to {@code papers}, in input order.
   *
   * @return how many input records could not be read as papers
   */
  long read(Consumer<Paper> papers) throws IOException;
}
