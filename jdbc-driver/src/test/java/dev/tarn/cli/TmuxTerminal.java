package dev.tarn.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A program running in a real pseudo-terminal, driven as a person would: tmux runs it in a detached session of a
 * fixed size (on a socket of its own, so that no other tmux is touched), {@code send-keys} types and presses keys,
 * {@code capture-pane} reads the screen. Waits poll the screen until a deadline instead of sleeping.
 */
final class TmuxTerminal implements AutoCloseable {

  static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
  private static final String SESSION = "tarn";
  private static final Pattern EMPTY_PROMPT = Pattern.compile("tarn:[\\w-]+>");

  private final Path socket;
  private final Path errors;

  private TmuxTerminal(Path socket, Path errors) {
    this.socket = socket;
    this.errors = errors;
  }

  /** Whether the tmux command is installed. */
  static boolean installed() {
    try {
      Process process = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Starts {@code command} in a {@code columns} x {@code rows} terminal; its standard error goes to a file under
   * {@code directory}, shown when a wait fails.
   */
  static TmuxTerminal start(Path directory, List<String> command, int columns, int rows) throws IOException {
    Files.createDirectories(directory);
    Path errors = Files.createTempFile(directory, "stderr", ".txt");
    TmuxTerminal terminal = new TmuxTerminal(directory.resolve("tmux-" + System.nanoTime() + ".sock"), errors);
    StringBuilder shellCommand = new StringBuilder("exec");
    for (String word : command) {
      shellCommand.append(' ').append(quote(word));
    }
    shellCommand.append(" 2>").append(quote(errors.toString()));
    terminal.tmux("new-session", "-d", "-s", SESSION, "-x", String.valueOf(columns), "-y", String.valueOf(rows),
        shellCommand.toString());
    return terminal;
  }

  /** Types {@code text} literally (no key names). */
  void type(String text) {
    // tmux reads a ';' ending an argument as a command separator; "\;" is a literal one.
    tmux("send-keys", "-t", SESSION, "-l", text.endsWith(";") ? text.substring(0, text.length() - 1) + "\\;" : text);
  }

  /** Presses keys by tmux name: {@code Enter}, {@code Tab}, {@code Up}, {@code C-c}, {@code C-d}. */
  void press(String... keys) {
    List<String> arguments = new ArrayList<>(List.of("send-keys", "-t", SESSION));
    arguments.addAll(List.of(keys));
    tmux(arguments.toArray(String[]::new));
  }

  /** The visible screen, wrapped lines joined, trailing blank lines dropped. */
  String screen() {
    return tmux("capture-pane", "-p", "-J", "-t", SESSION).stripTrailing();
  }

  /** Waits until the screen satisfies {@code condition}; fails showing the screen and the program's errors. */
  String await(String what, Predicate<String> condition) {
    return await(what, condition, DEFAULT_WAIT);
  }

  String await(String what, Predicate<String> condition, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    String screen = screen();
    while (!condition.test(screen)) {
      if (System.nanoTime() > deadline) {
        fail("Waited %s for %s. The screen:%n%s%nStandard error:%n%s", wait, what, screen, errors());
      }
      pause(50);
      screen = screen();
    }
    return screen;
  }

  /**
   * Types {@code input} (lines separated by {@code \n}, each ended by Enter), waiting for each line's echo, and waits
   * for the next empty prompt; returns the screen from the input's first line on: the input and what it printed.
   */
  String run(String input) {
    String[] lines = input.split("\n");
    for (int index = 0; index < lines.length; index++) {
      typeAndAwaitEcho(lines[index]);
      press("Enter");
      if (index < lines.length - 1) {
        await("the continuation prompt", screen -> lastLine(screen).strip().equals("->"));
      }
    }
    String screen = await("the prompt after " + input, text -> endsWithEmptyPrompt(text)
        && text.lastIndexOf(lines[lines.length - 1]) >= 0
        && text.lastIndexOf(lines[lines.length - 1]) < text.lastIndexOf('\n'));
    int first = screen.lastIndexOf(lines[0], screen.lastIndexOf(lines[lines.length - 1]));
    return screen.substring(screen.lastIndexOf('\n', first) + 1);
  }

  /** Types {@code text} and waits until the screen's last line ends with it. */
  void typeAndAwaitEcho(String text) {
    type(text);
    await("the echo of " + text, screen -> lastLine(screen).endsWith(text.stripTrailing()));
  }

  private static String lastLine(String screen) {
    return screen.substring(screen.lastIndexOf('\n') + 1);
  }

  private static boolean endsWithEmptyPrompt(String screen) {
    return EMPTY_PROMPT.matcher(lastLine(screen).strip()).matches();
  }

  /** Waits until the last line is an empty prompt ({@code tarn:db>}): the shell is ready for the next input. */
  String awaitPrompt() {
    return await("an empty prompt", TmuxTerminal::endsWithEmptyPrompt);
  }

  /** Waits until the program has exited and the session with it. */
  void awaitExit() {
    long deadline = System.nanoTime() + DEFAULT_WAIT.toNanos();
    while (run(List.of("has-session", "-t", SESSION)).exitCode() == 0) {
      if (System.nanoTime() > deadline) {
        fail("The program did not exit. The screen:%n%s", screen());
      }
      pause(50);
    }
  }

  /** Clears the screen (Ctrl-L at an empty prompt) and tmux's scrollback, so that only what follows is seen. */
  void clear() {
    awaitPrompt();
    press("C-l");
    await("a cleared screen", screen -> !screen.contains("\n") && endsWithEmptyPrompt(screen));
    tmux("clear-history", "-t", SESSION);
  }

  private String errors() {
    try {
      return Files.readString(errors, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private record Result(int exitCode, String output) {}

  private String tmux(String... arguments) {
    Result result = run(List.of(arguments));
    if (result.exitCode() != 0) {
      fail("tmux %s failed (%d): %s%nStandard error of the program:%n%s", String.join(" ", arguments),
          result.exitCode(), result.output(), errors());
    }
    return result.output();
  }

  private Result run(List<String> arguments) {
    List<String> command = new ArrayList<>(List.of("tmux", "-u", "-S", socket.toString()));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("TMUX");
    builder.environment().put("TERM", "xterm-256color");
    builder.environment().put("LANG", "C.UTF-8");
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("tmux %s did not finish", arguments);
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run tmux: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\"'\"'") + "'";
  }

  /** Ends the session's tmux server (and the program in it, if still running). */
  @Override
  public void close() {
    run(List.of("kill-server"));
  }
}
