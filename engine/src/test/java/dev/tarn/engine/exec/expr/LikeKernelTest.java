package dev.tarn.engine.exec.expr;

import static dev.tarn.engine.exec.TestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import dev.tarn.engine.exec.Batch;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LikeKernelTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static boolean matches(String pattern, String escape, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    return LikePattern.compile(pattern, escape).matches(bytes, bytes.length);
  }

  @Test
  void fastPathsAndGeneralPatterns() {
    assertThat(matches("abc", null, "abc")).isTrue();
    assertThat(matches("abc", null, "abcd")).isFalse();
    assertThat(matches("ab%", null, "abzz")).isTrue();
    assertThat(matches("ab%", null, "a")).isFalse();
    assertThat(matches("%yz", null, "xyz")).isTrue();
    assertThat(matches("%ell%", null, "hello")).isTrue();
    assertThat(matches("%ell%", null, "help")).isFalse();
    assertThat(matches("%", null, "")).isTrue();
    assertThat(matches("", null, "")).isTrue();
    assertThat(matches("a%b%c", null, "a-b-b-c")).isTrue();
    assertThat(matches("a%b%c", null, "a-c-b")).isFalse();
    assertThat(matches("%a%%b", null, "xxaxxb")).isTrue();
    assertThat(matches("_b_", null, "abc")).isTrue();
    assertThat(matches("_b_", null, "abcd")).isFalse();
  }

  @Test
  void underscoreMatchesOneCodePointNotOneByte() {
    assertThat(matches("_", null, "é")).isTrue();
    assertThat(matches("_", null, "😀")).isTrue();
    assertThat(matches("__", null, "😀")).isFalse();
    assertThat(matches("caf_", null, "café")).isTrue();
    assertThat(matches("%é_", null, "xxéz")).isTrue();
    assertThat(matches("日本%", null, "日本語")).isTrue();
    assertThat(matches("%_語", null, "日本語")).isTrue();
  }

  @Test
  void escapes() {
    assertThat(matches("100\\%", "\\", "100%")).isTrue();
    assertThat(matches("100\\%", "\\", "1000")).isFalse();
    assertThat(matches("a\\_b", "\\", "a_b")).isTrue();
    assertThat(matches("a\\_b", "\\", "axb")).isFalse();
    assertThat(matches("a##b%", "#", "a#bcd")).isTrue();
    assertThatThrownBy(() -> LikePattern.compile("a#b", "#"))
        .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(() -> LikePattern.compile("a", "##"))
        .isInstanceOfSatisfying(TarnException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void vectorizedWithConstantAndColumnPatterns() {
    try (Batch input = batch(vector(allocator, VARCHAR, "apple", null, "banana", "apricot"),
        vector(allocator, VARCHAR, "a%", "b%", "%an%", null))) {
      List<Object> constant = evaluate(call("like", BOOLEAN, column(0, VARCHAR), literal("ap%", VARCHAR)), input,
          allocator);
      assertThat(constant).isEqualTo(Arrays.asList(true, null, false, true));
      List<Object> perRow = evaluate(call("like", BOOLEAN, column(0, VARCHAR), column(1, VARCHAR)), input, allocator);
      assertThat(perRow).isEqualTo(Arrays.asList(true, null, true, null));
      List<Object> nullPattern = evaluate(call("like", BOOLEAN, column(0, VARCHAR), literal(null, VARCHAR)), input,
          allocator);
      assertThat(nullPattern).containsOnlyNulls();
    }
  }
}
