package dev.tarn.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Test helper: finds compiled classes that refer to forbidden packages. A class file names every class it uses
 * in its constant pool in internal form ({@code org/apache/calcite/...}), so searching the bytes is exact enough:
 * no reference in the constant pool means no code path can reach that class.
 */
public final class ClassReferences {

  private ClassReferences() {}

  /** For each class under {@code classesDirectory} whose path starts with {@code classPrefix}: the forbidden prefixes it names. */
  public static Map<String, List<String>> offenders(Path classesDirectory, String classPrefix, List<String> forbidden) {
    Map<String, List<String>> offenders = new TreeMap<>();
    try (Stream<Path> files = Files.walk(classesDirectory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classesDirectory.relativize(file).toString().replace('\\', '/');
        if (!name.startsWith(classPrefix)) {
          continue;
        }
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        List<String> found = forbidden.stream().filter(bytes::contains).toList();
        if (!found.isEmpty()) {
          offenders.put(name, found);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return offenders;
  }
}
