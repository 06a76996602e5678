package io.paperpulse.cli;

import io.paperpulse.common.util.Causes;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code paperpulse} command and its subcommands. */
@Command(
    name = "paperpulse",
    mixinStandardHelpOptions = true,
    version = "PaperPulse 0.1.0",
    description = "Streaming analytics over research-paper feeds.",
    subcommands = {
      ParseCommand.class,
      PublishCommand.class,
      ReplayCommand.class,
      UpCommand.class,
      TrainCommand.class,
      KeywordsCommand.class,
      StreamsCommand.class,
      MailerCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code: every record was read (and published). */
  public static final int OK = 0;
  /** Exit code: some records were rejected; each was reported. */
  public static final int REJECTED = 1;
  /** Exit code: bad usage, or a file or server could not be used. */
  public static final int USAGE_OR_IO = 2;
  /** Exit code: some papers were not acknowledged by Kafka; each was reported. */
  public static final int DELIVERY_FAILED = 3;

  /**
   * Apicurio's client logs through java.util.logging, and warns on every start that it uses a
   * shared Vert.x instance; only its errors are worth a user's attention. Held here so the level
   * is not lost when the logger is garbage-collected.
   */
  private static final java.util.logging.Logger APICURIO_LOG =
      java.util.logging.Logger.getLogger("io.apicurio");

  static {
    APICURIO_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code. */
  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.registerConverter(LocalDate.class, Main::date);
    commandLine.setExitCodeExceptionMapper(e -> USAGE_OR_IO);
    commandLine.setParameterExceptionHandler(
        (e, a) -> {
          CommandLine command = e.getCommandLine();
          command.getErr().println("paperpulse: " + e.getMessage());
          command.getErr().println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
          return USAGE_OR_IO;
        });
    commandLine.setExecutionExceptionHandler(
        (e, cl, parsed) -> {
          cl.getErr().println("paperpulse " + cl.getCommandName() + ": " + describe(e));
          return USAGE_OR_IO;
        });
    return commandLine.execute(args);
  }

  /** A day as options take it, with a message that says what a day looks like. */
  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a day such as 2026-06-01");
    }
  }

  static String describe(Throwable e) {
    if (e instanceof java.nio.file.NoSuchFileException missing) {
      return "no such file or directory: " + missing.getFile();
    }
    if (e instanceof java.nio.file.AccessDeniedException denied) {
      return "permission denied: " + denied.getFile();
    }
    return Causes.message(e);
  }
}
