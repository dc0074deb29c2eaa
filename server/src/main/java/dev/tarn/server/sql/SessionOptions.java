package dev.tarn.server.sql;

import dev.tarn.server.session.ClientSession;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.flight.GetSessionOptionsResult;
import org.apache.arrow.flight.SessionOptionValue;
import org.apache.arrow.flight.SessionOptionValueFactory;
import org.apache.arrow.flight.SessionOptionValueVisitor;
import org.apache.arrow.flight.SetSessionOptionsResult;

/**
 * Flight SQL session options: {@code schema} is the session's current database (as JDBC's setSchema),
 * {@code catalog} can only be Tarn's one catalog (Arrow's JDBC driver sets it from its {@code catalog} property).
 */
final class SessionOptions {

  static final String CATALOG = "catalog";
  static final String SCHEMA = "schema";

  private SessionOptions() {}

  static SetSessionOptionsResult set(ClientSession session, Map<String, SessionOptionValue> options) {
    Map<String, SetSessionOptionsResult.Error> errors = new HashMap<>();
    options.forEach((name, value) -> {
      String text = value.acceptVisitor(new TextValue());
      switch (name.toLowerCase(Locale.ROOT)) {
        case CATALOG -> {
          if (text == null || !text.equalsIgnoreCase(MetadataStreams.CATALOG)) {
            errors.put(name, new SetSessionOptionsResult.Error(SetSessionOptionsResult.ErrorValue.INVALID_VALUE));
          }
        }
        case SCHEMA -> {
          try {
            session.setCurrentDatabase(text);
          } catch (RuntimeException missing) {
            errors.put(name, new SetSessionOptionsResult.Error(SetSessionOptionsResult.ErrorValue.INVALID_VALUE));
          }
        }
        default -> errors.put(name, new SetSessionOptionsResult.Error(SetSessionOptionsResult.ErrorValue.INVALID_NAME));
      }
    });
    return new SetSessionOptionsResult(errors);
  }

  static GetSessionOptionsResult get(ClientSession session) {
    return new GetSessionOptionsResult(Map.of(
        CATALOG, SessionOptionValueFactory.makeSessionOptionValue(MetadataStreams.CATALOG),
        SCHEMA, SessionOptionValueFactory.makeSessionOptionValue(session.currentDatabase())));
  }

  /** A string option's value; null for other kinds. */
  private static final class TextValue implements SessionOptionValueVisitor<String> {
    @Override public String visit(String value) { return value; }
    @Override public String visit(boolean value) { return null; }
    @Override public String visit(long value) { return null; }
    @Override public String visit(double value) { return null; }
    @Override public String visit(String[] value) { return null; }
    @Override public String visit(Void value) { return null; }
  }
}
