package dev.tarn.cli;

import dev.tarn.server.auth.TokenHash;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tarn server new-token NAME}: makes a random token and prints it with the config line that accepts it. */
@Command(name = "new-token", mixinStandardHelpOptions = true,
    description = "Make a random bearer token; print it (for the client: token=...) and the server config line"
        + " token.NAME=<digest> (the server stores only the digest).")
final class NewTokenCommand implements Callable<Integer> {

  @Parameters(paramLabel = "NAME", description = "What the token is for; clients using it are known by this name")
  String name;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String token = TokenHash.newToken();
    out.println("token: " + token);
    out.println("token." + name + "=" + TokenHash.hash(token));
    return 0;
  }
}
