package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./paperpulse --help} reads whole: picocli lists each command with its first description line. */
class HelpTest {
  @Test
  void everyCommandInTheHelpIsSummedUpInACompleteSentence() {
    Map<String, String> summaries = summaries(new CommandLine(new Main()).getUsageMessage());

    assertThat(summaries).containsOnlyKeys("parse", "publish", "replay", "up", "train", "keywords", "streams", "mailer", "help");
    assertThat(summaries).allSatisfy((command, summary) ->
        assertThat(summary).as("the summary of '%s' in --help", command).matches("[A-Z].*\\."));
  }

  @Test
  void everyLineOfOurCommandsDescriptionsEndsASentence() {
    new CommandLine(new Main()).getSubcommands().forEach((name, command) -> {
      if (command.getCommand() instanceof CommandLine.HelpCommand) {
        return; // picocli's own
      }
      for (String line : command.getCommandSpec().usageMessage().description()) {
        assertThat(line).as("a description line of '%s'", name).endsWith(".");
      }
    });
  }

  /** The "Commands:" section of a usage message, each summary joined back from its wrapped lines. */
  static Map<String, String> summaries(String usage) {
    Map<String, String> summaries = new LinkedHashMap<>();
    String command = null;
    boolean inCommands = false;
    for (String line : usage.split("\\R")) {
      if (line.equals("Commands:")) {
        inCommands = true;
      } else if (inCommands && line.matches(" {2}\\S.*")) {
        String[] parts = line.strip().split("\\s+", 2);
        command = parts[0];
        summaries.put(command, parts.length > 1 ? parts[1] : "");
      } else if (inCommands && command != null && line.startsWith("   ")) {
        summaries.merge(command, line.strip(), (a, b) -> a + " " + b);
      }
    }
    return summaries;
  }
}
