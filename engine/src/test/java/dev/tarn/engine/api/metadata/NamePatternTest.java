package dev.tarn.engine.api.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamePatternTest {

  @Test
  void nullAndPercentMatchEveryName() {
    assertThat(NamePattern.of(null).matches("anything")).isTrue();
    assertThat(NamePattern.of("%").matches("")).isTrue();
  }

  @Test
  void percentMatchesAnyRunAndUnderscoreOneCharacter() {
    assertThat(NamePattern.of("line%").matches("lineitem")).isTrue();
    assertThat(NamePattern.of("line%").matches("line")).isTrue();
    assertThat(NamePattern.of("line%").matches("orders")).isFalse();
    assertThat(NamePattern.of("n_tion").matches("nation")).isTrue();
    assertThat(NamePattern.of("n_tion").matches("ntion")).isFalse();
    assertThat(NamePattern.of("%a%").matches("analytics")).isTrue();
  }

  @Test
  void backslashEscapesWildcardsAndRegexCharactersAreLiteral() {
    assertThat(NamePattern.of("n\\_%").matches("n_name")).isTrue();
    assertThat(NamePattern.of("n\\_%").matches("nation")).isFalse();
    assertThat(NamePattern.of("a\\%").matches("a%")).isTrue();
    assertThat(NamePattern.of("a\\%").matches("ab")).isFalse();
    assertThat(NamePattern.of("a.b").matches("axb")).isFalse();
    assertThat(NamePattern.of("a.b").matches("a.b")).isTrue();
    assertThat(NamePattern.of("x(y").matches("x(y")).isTrue();
  }

  @Test
  void matchingIgnoresCaseBecauseNamesAreStoredInLowerCase() {
    assertThat(NamePattern.of("LINEITEM").matches("lineitem")).isTrue();
    assertThat(NamePattern.of("Line%").matches("lineitem")).isTrue();
  }
}
