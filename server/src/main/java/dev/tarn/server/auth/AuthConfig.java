package dev.tarn.server.auth;

import java.util.Map;

/**
 * Who may connect to a server.
 *
 * @param users user name → {@link PasswordHash} text
 * @param tokens token name → {@link TokenHash} text; a client presenting the token is known by its name
 * @param anonymous whether a client without credentials is let in (as {@value TarnAuthenticator#ANONYMOUS})
 */
public record AuthConfig(Map<String, String> users, Map<String, String> tokens, boolean anonymous) {

  public AuthConfig {
    users = Map.copyOf(users);
    tokens = Map.copyOf(tokens);
  }

  /** Whether anyone at all can connect. */
  public boolean allowsAnyone() {
    return anonymous || !users.isEmpty() || !tokens.isEmpty();
  }
}
