package dev.tarn.engine.exec.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Patterns of literal runs and {@code %} (the SEGMENTS shape) against the backtracking matcher and a regex. */
class LikeSegmentsTest {
  private static final String[] PIECES = {"a", "b", "%", "é", "ab"};

  @Test
  void segmentsMatchBacktrackingAndRegex() {
    Random random = new Random(5);
    for (int round = 0; round < 3000; round++) {
      StringBuilder pattern = new StringBuilder();
      for (int i = 1 + random.nextInt(6); i > 0; i--) {
        pattern.append(PIECES[random.nextInt(PIECES.length)]);
      }
      StringBuilder value = new StringBuilder();
      for (int i = random.nextInt(9); i > 0; i--) {
        value.append(PIECES[random.nextInt(PIECES.length)]);
      }
      LikePattern compiled = LikePattern.compile(pattern.toString(), null);
      byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
      boolean expected = Pattern.compile(Pattern.quote(pattern.toString()).replace("%", "\\E.*\\Q"),
          Pattern.DOTALL).matcher(value).matches();
      assertThat(compiled.matches(bytes, bytes.length)).as("'%s' LIKE '%s'", value, pattern).isEqualTo(expected);
      assertThat(compiled.matchesByBacktracking(bytes, bytes.length)).as("'%s' LIKE '%s'", value, pattern)
          .isEqualTo(expected);
    }
  }
}
