package io.paperpulse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and routes, checked by Prometheus' and Alertmanager's own tools: the rules parse,
 * their unit tests (a spike fires, a flat series does not) pass, and spike alerts route apart from
 * pipeline alerts. The tools come from Debian's prometheus and prometheus-alertmanager packages,
 * which {@code .ci/setup} installs.
 */
class PrometheusRulesTest {
  private static final Path DIR = Path.of(System.getProperty("paperpulse.repo", "..")).resolve("prometheus");

  /** Exit code and output of a tool run in the prometheus folder. */
  private record Run(int code, String output) {}

  private static Run run(String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("tool", ".log");
    Process process;
    try {
      process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    } catch (IOException e) {
      throw new AssertionError(command[0] + " is not installed: run .ci/setup (apt-get install prometheus prometheus-alertmanager)", e);
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
    String output = Files.readString(out, StandardCharsets.UTF_8);
    Files.delete(out);
    return new Run(process.exitValue(), output);
  }

  @Test
  void theRulesParse() throws Exception {
    Run check = run("promtool", "check", "rules", "rules.yml");

    assertThat(check.code()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: 5 rules found");
  }

  @Test
  void theRuleUnitTestsPass() throws Exception {
    Run test = run("promtool", "test", "rules", "tests/rules-test.yml");

    assertThat(test.code()).as(test.output()).isZero();
    assertThat(test.output()).contains("SUCCESS");
  }

  @Test
  void theUnitTestsCanFail() throws Exception {
    // The same tests against a rule that never fires must fail, or they prove nothing.
    Path broken = Files.createTempDirectory("rules");
    Files.writeString(broken.resolve("rules.yml"),
        Files.readString(DIR.resolve("rules.yml")).replace("paperpulse_keyword_trend_score{window=\"P7D\"}) >= 3", "paperpulse_keyword_trend_score{window=\"P7D\"}) >= 300"));
    Files.createDirectories(broken.resolve("tests"));
    Files.copy(DIR.resolve("tests/rules-test.yml"), broken.resolve("tests/rules-test.yml"));

    List<String> command = new ArrayList<>(List.of("promtool", "test", "rules", broken.resolve("tests/rules-test.yml").toString()));
    Run test = run(command.toArray(String[]::new));

    assertThat(test.code()).isNotZero();
    assertThat(test.output()).contains("FAILED").contains("KeywordSpike");
  }

  @Test
  void spikeAlertsRouteApartFromPipelineAlerts() throws Exception {
    Run check = run("amtool", "check-config", "alertmanager.yml");
    Run spike = run("amtool", "config", "routes", "test", "--config.file=alertmanager.yml", "kind=spike", "keyword=graph");
    Run pipeline = run("amtool", "config", "routes", "test", "--config.file=alertmanager.yml", "kind=pipeline", "alertname=PipelineStalled");

    assertThat(check.code()).as(check.output()).isZero();
    assertThat(spike.output().strip()).endsWith("keyword-spikes");
    assertThat(pipeline.output().strip()).endsWith("pipeline");
  }
}
