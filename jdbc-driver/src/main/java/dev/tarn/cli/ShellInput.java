package dev.tarn.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Input to the shell (a typed or pasted buffer, a script) split into what runs: shell commands, each alone on a
 * line that starts outside a statement, and SQL statements ended by {@code ;} (see {@link StatementSplitter}).
 */
final class ShellInput {

  /**
   * One thing to run.
   *
   * @param text the command line, or the statement without its {@code ;}
   * @param command whether it is a shell command rather than SQL
   */
  record Piece(String text, boolean command) {}

  /** The pieces in order, and the SQL after the last {@code ;} (empty if none). */
  record Parsed(List<Piece> pieces, String remainder) {}

  private ShellInput() {}

  static Parsed parse(String text) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : text.split("\r?\n", -1)) {
      if (StatementSplitter.isBlank(pending.toString()) && ShellCommands.isCommand(line)) {
        pending.setLength(0);
        pieces.add(new Piece(line.strip(), true));
        continue;
      }
      pending.append(line).append('\n');
      StatementSplitter.Split split = StatementSplitter.split(pending.toString());
      split.statements().forEach(statement -> pieces.add(new Piece(statement, false)));
      pending.setLength(0);
      pending.append(split.remainder());
    }
    return new Parsed(pieces, StatementSplitter.isBlank(pending.toString()) ? "" : pending.toString().trim());
  }
}
