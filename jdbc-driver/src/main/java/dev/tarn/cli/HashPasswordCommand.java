package dev.tarn.cli;

import dev.tarn.server.auth.PasswordHash;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tarn server hash-password USER}: reads a password and prints the config line that lets USER in. */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
    description = "Read a password (from the terminal without echo, else one line of standard input) and print"
        + " the server config line for USER: user.USER=<salted PBKDF2 hash>.")
final class HashPasswordCommand implements Callable<Integer> {

  @Parameters(paramLabel = "USER", description = "The user name")
  String user;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    char[] password = readPassword();
    if (password == null || password.length == 0) {
      spec.commandLine().getErr().println("tarn server hash-password: no password given");
      return 2;
    }
    try {
      out.println("user." + user + "=" + PasswordHash.hash(password));
    } finally {
      Arrays.fill(password, '\0');
    }
    return 0;
  }

  private char[] readPassword() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Password for %s: ", user);
      char[] second = console.readPassword("Again: ");
      if (first == null || !Arrays.equals(first, second)) {
        spec.commandLine().getErr().println("tarn server hash-password: the passwords differ");
        return null;
      }
      Arrays.fill(second, '\0');
      return first;
    }
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return line == null ? null : line.toCharArray();
  }
}
