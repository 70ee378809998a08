package io.paperwire.schemas.serde;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * Structural equality of two Avro values of one schema, for round-trip assertions. Unlike Avro's {@code equals} it
 * treats NaN as equal to NaN (what matters is that the bits survived), and compares maps by key, not by iteration
 * order. Works across generic and specific representations of the same data except for logical types.
 */
final class AvroEquivalence {

  private AvroEquivalence() {}

  /** Where the two values first differ, or empty when they are the same. */
  static Optional<String> difference(Schema schema, Object expected, Object actual) {
    return diff(schema, expected, actual, schema.getName());
  }

  private static Optional<String> diff(Schema schema, Object expected, Object actual, String path) {
    if (expected == null || actual == null) {
      return expected == actual ? Optional.empty() : differ(path, expected, actual);
    }
    switch (schema.getType()) {
      case RECORD -> {
        IndexedRecord e = (IndexedRecord) expected;
        IndexedRecord a = (IndexedRecord) actual;
        for (Schema.Field field : schema.getFields()) {
          Optional<String> d = diff(field.schema(), e.get(field.pos()), a.get(field.pos()),
              path + "." + field.name());
          if (d.isPresent()) {
            return d;
          }
        }
        return Optional.empty();
      }
      case UNION -> {
        Optional<String> last = differ(path, expected, actual);
        for (Schema branch : schema.getTypes()) {
          if (branch.getType() == Schema.Type.NULL) {
            continue;
          }
          try {
            last = diff(branch, expected, actual, path);
          } catch (ClassCastException wrongBranch) {
            continue;
          }
          if (last.isEmpty()) {
            return last;
          }
        }
        return last;
      }
      case ARRAY -> {
        Collection<?> e = (Collection<?>) expected;
        Collection<?> a = (Collection<?>) actual;
        if (e.size() != a.size()) {
          return Optional.of(path + ": " + e.size() + " items expected, " + a.size() + " found");
        }
        Iterator<?> ei = e.iterator();
        Iterator<?> ai = a.iterator();
        for (int i = 0; ei.hasNext(); i++) {
          Optional<String> d = diff(schema.getElementType(), ei.next(), ai.next(), path + "[" + i + "]");
          if (d.isPresent()) {
            return d;
          }
        }
        return Optional.empty();
      }
      case MAP -> {
        Map<?, ?> e = (Map<?, ?>) expected;
        Map<?, ?> a = (Map<?, ?>) actual;
        if (e.size() != a.size()) {
          return Optional.of(path + ": " + e.size() + " entries expected, " + a.size() + " found");
        }
        for (Map.Entry<?, ?> entry : e.entrySet()) {
          String key = entry.getKey().toString();
          Object other = a.entrySet().stream().filter(x -> x.getKey().toString().equals(key))
              .map(Map.Entry::getValue).findFirst().orElse(null);
          Optional<String> d = diff(schema.getValueType(), entry.getValue(), other, path + "{" + key + "}");
          if (d.isPresent()) {
            return d;
          }
        }
        return Optional.empty();
      }
      case DOUBLE -> {
        return Double.compare((Double) expected, (Double) actual) == 0 ? Optional.empty()
            : differ(path, expected, actual);
      }
      case FLOAT -> {
        return Float.compare((Float) expected, (Float) actual) == 0 ? Optional.empty()
            : differ(path, expected, actual);
      }
      case STRING, ENUM -> {
        return expected.toString().equals(actual.toString()) ? Optional.empty() : differ(path, expected, actual);
      }
      case BYTES -> {
        return ((ByteBuffer) expected).equals((ByteBuffer) actual) ? Optional.empty()
            : differ(path, expected, actual);
      }
      case FIXED -> {
        return java.util.Arrays.equals(((GenericFixed) expected).bytes(), ((GenericFixed) actual).bytes())
            ? Optional.empty() : differ(path, expected, actual);
      }
      default -> {
        return Objects.equals(expected, actual) ? Optional.empty() : differ(path, expected, actual);
      }
    }
  }

  private static Optional<String> differ(String path, Object expected, Object actual) {
    return Optional.of(path + ": expected <" + expected + "> but was <" + actual + ">");
  }
}
