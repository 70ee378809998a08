package io.paperwire.schemas.serde;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Checks, without allocating anything, that bytes are exactly one Avro binary encoding of a writer schema.
 *
 * <p>Avro's decoder allocates a string, bytes or array of the length a garbage header claims before it notices the
 * input is too short, so random bytes can exhaust the heap. This walk rejects every length or count that exceeds the
 * bytes left, every enum or union index out of range, boolean bytes other than 0 and 1, over-long varints, and bytes
 * left over after the record, so that decoding afterwards is bounded by the size of the input. Immutable and
 * thread-safe; one per writer schema.
 */
final class AvroBodyCheck {

  /** Deeper nesting than this is treated as garbage (recursive schemas could otherwise overflow the stack). */
  private static final int MAX_DEPTH = 512;
  /** Items of a zero-width type (e.g. null) in one collection beyond this are treated as garbage. */
  private static final long MAX_ZERO_WIDTH_ITEMS = 1L << 20;

  private final Schema schema;
  private final Map<Schema, Boolean> zeroWidth = new IdentityHashMap<>();

  AvroBodyCheck(Schema schema) {
    this.schema = schema;
    computeZeroWidth(schema);
  }

  /** What is wrong with {@code bytes[start..]} as an encoding of the schema, or empty when it is well formed. */
  Optional<String> problem(byte[] bytes, int start) {
    Cursor cursor = new Cursor(bytes, start);
    try {
      visit(schema, cursor, 0, "");
    } catch (Malformed e) {
      return Optional.of(e.getMessage());
    }
    if (cursor.position != bytes.length) {
      return Optional.of((bytes.length - cursor.position) + " bytes left over after the record (body "
          + (cursor.position - start) + " of " + (bytes.length - start) + " bytes)");
    }
    return Optional.empty();
  }

  private void visit(Schema s, Cursor c, int depth, String path) {
    if (depth > MAX_DEPTH) {
      throw new Malformed("nesting deeper than " + MAX_DEPTH + " at " + where(path));
    }
    switch (s.getType()) {
      case NULL -> { }
      case BOOLEAN -> {
        int b = c.next(path, "boolean");
        if (b != 0 && b != 1) {
          throw new Malformed(String.format("invalid boolean byte 0x%02x at %s", b, where(path)));
        }
      }
      case INT -> c.readVarint(5, path, "int");
      case LONG -> c.readVarint(10, path, "long");
      case FLOAT -> c.skip(4, path, "float");
      case DOUBLE -> c.skip(8, path, "double");
      case STRING, BYTES -> {
        long length = c.readVarint(10, path, "length");
        if (length < 0) {
          throw new Malformed("negative length " + length + " at " + where(path));
        }
        c.skip(length, path, s.getType() == Schema.Type.STRING ? "string" : "bytes");
      }
      case FIXED -> c.skip(s.getFixedSize(), path, "fixed " + s.getFullName());
      case ENUM -> {
        long index = c.readVarint(5, path, "enum index");
        if (index < 0 || index >= s.getEnumSymbols().size()) {
          throw new Malformed("enum " + s.getFullName() + " index " + index + " out of range 0.."
              + (s.getEnumSymbols().size() - 1) + " at " + where(path));
        }
      }
      case UNION -> {
        List<Schema> branches = s.getTypes();
        long index = c.readVarint(5, path, "union index");
        if (index < 0 || index >= branches.size()) {
          throw new Malformed("union index " + index + " out of range 0.." + (branches.size() - 1) + " at "
              + where(path));
        }
        visit(branches.get((int) index), c, depth + 1, path);
      }
      case RECORD -> {
        for (Schema.Field field : s.getFields()) {
          visit(field.schema(), c, depth + 1, path.isEmpty() ? field.name() : path + "." + field.name());
        }
      }
      case ARRAY -> blocks(c, depth, path, s.getElementType(), false);
      case MAP -> blocks(c, depth, path, s.getValueType(), true);
      default -> throw new IllegalStateException("unknown Avro type " + s.getType());
    }
  }

  private void blocks(Cursor c, int depth, String path, Schema item, boolean isMap) {
    boolean itemsTakeNoBytes = !isMap && zeroWidth.getOrDefault(item, false);
    long zeroWidthItems = 0;
    while (true) {
      long count = c.readVarint(10, path, "block count");
      if (count == 0) {
        return;
      }
      if (count < 0) {
        if (count == Long.MIN_VALUE) {
          throw new Malformed("invalid block count at " + where(path));
        }
        count = -count;
        long blockSize = c.readVarint(10, path, "block size");
        if (blockSize < 0) {
          throw new Malformed("negative block size " + blockSize + " at " + where(path));
        }
      }
      if (itemsTakeNoBytes) {
        zeroWidthItems += count;
        if (zeroWidthItems > MAX_ZERO_WIDTH_ITEMS) {
          throw new Malformed("more than " + MAX_ZERO_WIDTH_ITEMS + " empty items at " + where(path));
        }
        continue;
      }
      if (count > c.remaining()) {
        throw new Malformed("block of " + count + " items but only " + c.remaining() + " bytes left at "
            + where(path));
      }
      for (long i = 0; i < count; i++) {
        String itemPath = path + "[" + i + "]";
        if (isMap) {
          long length = c.readVarint(10, itemPath, "map key length");
          if (length < 0) {
            throw new Malformed("negative map key length " + length + " at " + where(itemPath));
          }
          c.skip(length, itemPath, "map key");
        }
        visit(item, c, depth + 1, itemPath);
      }
    }
  }

  private boolean computeZeroWidth(Schema s) {
    Boolean known = zeroWidth.get(s);
    if (known != null) {
      return known;
    }
    zeroWidth.put(s, false); // a schema that contains itself takes bytes on the way (a union index)
    boolean result = switch (s.getType()) {
      case NULL -> true;
      case FIXED -> s.getFixedSize() == 0;
      case RECORD -> {
        boolean all = true;
        for (Schema.Field field : s.getFields()) {
          all &= computeZeroWidth(field.schema());
        }
        yield all;
      }
      case UNION -> {
        s.getTypes().forEach(this::computeZeroWidth);
        yield false;
      }
      case ARRAY -> {
        computeZeroWidth(s.getElementType());
        yield false;
      }
      case MAP -> {
        computeZeroWidth(s.getValueType());
        yield false;
      }
      default -> false;
    };
    zeroWidth.put(s, result);
    return result;
  }

  private static String where(String path) {
    return path.isEmpty() ? "the top level" : "field " + path;
  }

  /** A position in the input; reads bounds-checked. */
  private static final class Cursor {
    private final byte[] bytes;
    private int position;

    Cursor(byte[] bytes, int start) {
      this.bytes = bytes;
      this.position = start;
    }

    long remaining() {
      return bytes.length - position;
    }

    int next(String path, String what) {
      if (position >= bytes.length) {
        throw truncated(path, what, 1);
      }
      return bytes[position++] & 0xff;
    }

    void skip(long count, String path, String what) {
      if (count > remaining()) {
        throw truncated(path, what, count);
      }
      position += (int) count;
    }

    /** A zig-zag varint of at most {@code maxBytes} bytes, as Avro's int and long. */
    long readVarint(int maxBytes, String path, String what) {
      long raw = 0;
      for (int i = 0; i < maxBytes; i++) {
        int b = next(path, what);
        raw |= (long) (b & 0x7f) << (7 * i);
        if ((b & 0x80) == 0) {
          if (maxBytes == 5) { // an Avro int: bits beyond 32 are dropped, as Avro's decoder does
            int n = (int) raw;
            return (n >>> 1) ^ -(n & 1);
          }
          return (raw >>> 1) ^ -(raw & 1);
        }
      }
      throw new Malformed("invalid " + what + " encoding (varint longer than " + maxBytes + " bytes) at "
          + where(path));
    }

    private Malformed truncated(String path, String what, long needed) {
      return new Malformed("truncated: " + what + " at " + where(path) + " needs " + needed + " bytes, "
          + remaining() + " left");
    }
  }

  /** Raised inside the walk; carries the description only. */
  private static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }
}
