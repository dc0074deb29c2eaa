package dev.tarn.engine.exec.expr;

import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled SQL LIKE pattern matched against UTF-8 bytes: {@code %} matches any sequence, {@code _} exactly one
 * code point, the escape character makes the next {@code %}, {@code _} or escape literal. Exact, prefix%,
 * %suffix and %contains% patterns take byte-comparison fast paths; other patterns without {@code _} (such as
 * {@code %special%requests%}) match their literal runs left to right, each at its first occurrence after the
 * previous one (the first anchored at the start, the last at the end, when the pattern does not begin or end with
 * {@code %}); patterns with {@code _} use a backtracking matcher that retries only from the last {@code %} (linear
 * in practice, no regular expressions).
 */
final class LikePattern {
  private enum Shape { EXACT, PREFIX, SUFFIX, CONTAINS, ANYTHING, SEGMENTS, GENERAL }

  private static final byte[] ANY_ONE = new byte[0];
  private static final byte[] ANY_MANY = new byte[0];

  private final Shape shape;
  /** The literal of a fast-path shape. */
  private final byte[] literal;
  /** For GENERAL: literal byte runs, or the ANY_ONE / ANY_MANY markers (compared by identity). */
  private final byte[][] elements;

  private LikePattern(Shape shape, byte[] literal, byte[][] elements) {
    this.shape = shape;
    this.literal = literal;
    this.elements = elements;
  }

  /** Compiles {@code pattern}; {@code escape} is null or a one-character string (else INVALID_ARGUMENT). */
  static LikePattern compile(String pattern, String escape) {
    if (escape != null && escape.codePointCount(0, escape.length()) != 1) {
      throw new TarnException(ErrorCode.INVALID_ARGUMENT, escape, "LIKE escape must be a single character");
    }
    int escapeCodePoint = escape == null ? -1 : escape.codePointAt(0);
    List<byte[]> elements = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (int i = 0; i < pattern.length(); ) {
      int codePoint = pattern.codePointAt(i);
      i += Character.charCount(codePoint);
      if (codePoint == escapeCodePoint) {
        int next = i < pattern.length() ? pattern.codePointAt(i) : -1;
        if (next != '%' && next != '_' && next != escapeCodePoint) {
          throw new TarnException(ErrorCode.INVALID_ARGUMENT, pattern,
              "Escape character must be followed by '%', '_' or the escape character");
        }
        run.appendCodePoint(next);
        i += Character.charCount(next);
      } else if (codePoint == '%' || codePoint == '_') {
        flush(run, elements);
        byte[] marker = codePoint == '%' ? ANY_MANY : ANY_ONE;
        // Consecutive % are one %.
        if (marker != ANY_MANY || elements.isEmpty() || elements.get(elements.size() - 1) != ANY_MANY) {
          elements.add(marker);
        }
      } else {
        run.appendCodePoint(codePoint);
      }
    }
    flush(run, elements);
    return classify(elements);
  }

  private static void flush(StringBuilder run, List<byte[]> elements) {
    if (run.length() > 0) {
      elements.add(run.toString().getBytes(StandardCharsets.UTF_8));
      run.setLength(0);
    }
  }

  private static LikePattern classify(List<byte[]> elements) {
    int size = elements.size();
    boolean anyOne = elements.contains(ANY_ONE);
    if (!anyOne) {
      if (size == 0) {
        return new LikePattern(Shape.EXACT, new byte[0], null);
      }
      if (size == 1) {
        byte[] only = elements.get(0);
        return only == ANY_MANY ? new LikePattern(Shape.ANYTHING, null, null) : new LikePattern(Shape.EXACT, only, null);
      }
      if (size == 2 && elements.get(1) == ANY_MANY) {
        return new LikePattern(Shape.PREFIX, elements.get(0), null);
      }
      if (size == 2 && elements.get(0) == ANY_MANY) {
        return new LikePattern(Shape.SUFFIX, elements.get(1), null);
      }
      if (size == 3 && elements.get(0) == ANY_MANY && elements.get(2) == ANY_MANY) {
        return new LikePattern(Shape.CONTAINS, elements.get(1), null);
      }
    }
    return new LikePattern(anyOne ? Shape.GENERAL : Shape.SEGMENTS, null, elements.toArray(new byte[0][]));
  }

  /** True when {@code value[0..length)} matches. */
  boolean matches(byte[] value, int length) {
    return switch (shape) {
      case ANYTHING -> true;
      case EXACT -> length == literal.length && Arrays.equals(value, 0, length, literal, 0, literal.length);
      case PREFIX -> length >= literal.length && Arrays.equals(value, 0, literal.length, literal, 0, literal.length);
      case SUFFIX -> length >= literal.length
          && Arrays.equals(value, length - literal.length, length, literal, 0, literal.length);
      case CONTAINS -> indexOf(value, 0, length, literal) >= 0;
      case SEGMENTS -> matchesSegments(value, length);
      case GENERAL -> matchesGeneral(value, length);
    };
  }

  /** The backtracking matcher, whatever the shape: the reference the fast shapes are tested against. */
  boolean matchesByBacktracking(byte[] value, int length) {
    return elements == null ? matches(value, length) : matchesGeneral(value, length);
  }

  /** Literal runs separated by {@code %} (no {@code _}): the leftmost occurrence of each run in turn. */
  private boolean matchesSegments(byte[] value, int length) {
    int first = 0;
    int last = elements.length - 1;
    int position = 0;
    int end = length;
    if (elements[first] != ANY_MANY) {
      byte[] prefix = elements[first++];
      if (length < prefix.length || !Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length)) {
        return false;
      }
      position = prefix.length;
    }
    if (elements[last] != ANY_MANY) {
      byte[] suffix = elements[last--];
      if (length - suffix.length < position
          || !Arrays.equals(value, length - suffix.length, length, suffix, 0, suffix.length)) {
        return false;
      }
      end = length - suffix.length;
    }
    for (int element = first; element <= last; element++) {
      byte[] run = elements[element];
      if (run == ANY_MANY) {
        continue;
      }
      int found = indexOf(value, position, end, run);
      if (found < 0) {
        return false;
      }
      position = found + run.length;
    }
    return true;
  }

  private static int indexOf(byte[] value, int from, int length, byte[] literal) {
    if (literal.length == 0) {
      return from;
    }
    byte first = literal[0];
    for (int start = from; start <= length - literal.length; start++) {
      if (value[start] == first && Arrays.equals(value, start, start + literal.length, literal, 0, literal.length)) {
        return start;
      }
    }
    return -1;
  }

  private boolean matchesGeneral(byte[] value, int length) {
    int element = 0;
    int position = 0;
    int starElement = -1;
    int starPosition = 0;
    while (true) {
      if (element < elements.length) {
        byte[] current = elements[element];
        if (current == ANY_MANY) {
          starElement = element++;
          starPosition = position;
          continue;
        }
        if (current == ANY_ONE) {
          if (position < length) {
            position += codePointLength(value, position, length);
            element++;
            continue;
          }
        } else if (position + current.length <= length
            && Arrays.equals(value, position, position + current.length, current, 0, current.length)) {
          position += current.length;
          element++;
          continue;
        }
      } else if (position == length) {
        return true;
      }
      // Mismatch: let the last % absorb one more code point and retry what follows it.
      if (starElement < 0 || starPosition >= length) {
        return false;
      }
      starPosition += codePointLength(value, starPosition, length);
      position = starPosition;
      element = starElement + 1;
    }
  }

  /** The byte length of the UTF-8 code point starting at {@code position}. */
  private static int codePointLength(byte[] value, int position, int length) {
    int lead = value[position] & 0xFF;
    int size = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return Math.min(size, length - position);
  }
}
