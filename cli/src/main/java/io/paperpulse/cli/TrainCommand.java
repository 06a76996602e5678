package io.paperpulse.cli;

import io.paperpulse.producer.feed.FeedReader;
import io.paperpulse.producer.feed.ParseOptions;
import io.paperpulse.streams.train.ModelTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperpulse train}: rebuilds the keyword statistics, acronym table and subject model shipped in the app. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Build the background document frequencies, the acronym table and the subject model the enrichment uses, from arXiv listings.",
      "Give listings with categories, e.g. ../shared/data/arxiv-daily-cs/daily.",
      "Listing days whose epoch day is a multiple of 10 are held out."
    })
final class TrainCommand implements Callable<Integer> {
  static final String MODEL_DIR = "streams-app/src/main/resources/io/paperpulse/streams/model";

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "arXiv listings with categories.")
  List<Path> inputs;

  @Option(names = "--out", description = "Output folder; default: the streams app's model resources.")
  Path out;

  @Option(names = "--min-df", defaultValue = "3", description = "Keep keys seen in at least this many papers.")
  int minDf;

  @Override
  public Integer call() throws Exception {
    Path target = out != null ? out : Path.of(System.getProperty("paperpulse.repo", ".")).resolve(MODEL_DIR);
    FeedReader feeds = new FeedReader(ParseOptions.defaults());
    ModelTrainer.train(papers -> feeds.readAll(inputs, papers), target, minDf, System.err);
    System.err.println("wrote " + target);
    return Main.OK;
  }
}
