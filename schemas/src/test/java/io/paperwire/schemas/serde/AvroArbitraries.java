package io.paperwire.schemas.serde;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.apache.avro.Conversion;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * jqwik arbitraries for any Avro schema, built by walking the schema, so every record type (and every field added
 * later) is covered: Unicode strings (all planes, no lone surrogates), nulls in optional fields, empty and long
 * arrays and maps, extreme ints and longs, NaN, infinities and -0.0 for doubles. Values use the model's
 * representation: generated classes and {@code java.time.Instant} for timestamps with {@link SpecificData} of a
 * generated class, {@code GenericData.Record} and {@code long} with {@link GenericData}.
 */
final class AvroArbitraries {

  private AvroArbitraries() {}

  /** Random instances of the generated class {@code type}. */
  @SuppressWarnings("unchecked")
  static <T extends SpecificRecord> Arbitrary<T> specific(Class<T> type) {
    SpecificData model = SpecificData.getForClass(type);
    return (Arbitrary<T>) (Arbitrary<?>) forSchema(model.getSchema(type), model);
  }

  /** Random generic records of {@code schema}. */
  @SuppressWarnings("unchecked")
  static Arbitrary<GenericData.Record> generic(Schema schema) {
    return (Arbitrary<GenericData.Record>) (Arbitrary<?>) forSchema(schema, GenericData.get());
  }

  /** Strings of valid Unicode code points from every plane, sometimes ASCII only, sometimes long. */
  static Arbitrary<String> unicodeStrings() {
    Arbitrary<Integer> anyCodePoint = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
    Arbitrary<Integer> ascii = Arbitraries.integers().between(0x20, 0x7e);
    Arbitrary<Integer> accentsGreekCjkEmoji = Arbitraries.oneOf(
        Arbitraries.integers().between(0xc0, 0x24f), Arbitraries.integers().between(0x370, 0x3ff),
        Arbitraries.integers().between(0x4e00, 0x4fff), Arbitraries.integers().between(0x1f600, 0x1f64f));
    return Arbitraries.frequencyOf(
            Tuple.of(3, codePoints(ascii, 40)),
            Tuple.of(3, codePoints(Arbitraries.oneOf(ascii, accentsGreekCjkEmoji), 40)),
            Tuple.of(2, codePoints(anyCodePoint, 20)),
            Tuple.of(1, codePoints(Arbitraries.oneOf(ascii, anyCodePoint), 3000)))
        .edgeCases(c -> c.add(""));
  }

  private static Arbitrary<String> codePoints(Arbitrary<Integer> codePoint, int maxLength) {
    return codePoint.list().ofMaxSize(maxLength)
        .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString());
  }

  @SuppressWarnings("unchecked")
  static Arbitrary<Object> forSchema(Schema schema, GenericData model) {
    LogicalType logicalType = schema.getLogicalType();
    Conversion<?> conversion = logicalType == null ? null : model.getConversionFor(logicalType);
    Arbitrary<?> arbitrary = switch (schema.getType()) {
      case NULL -> Arbitraries.just(null);
      case BOOLEAN -> Arbitraries.of(true, false);
      case INT -> Arbitraries.integers();
      case LONG -> {
        Arbitrary<Long> longs = Arbitraries.longs();
        if (conversion != null && "timestamp-millis".equals(logicalType.getName())) {
          yield longs.map(java.time.Instant::ofEpochMilli);
        }
        yield longs;
      }
      case FLOAT -> Arbitraries.floats().withStandardSpecialValues();
      case DOUBLE -> Arbitraries.doubles().withStandardSpecialValues()
          .withSpecialValue(Double.MIN_VALUE).withSpecialValue(Double.MAX_VALUE);
      case STRING -> unicodeStrings();
      case BYTES -> Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(ByteBuffer::wrap);
      case ENUM -> Arbitraries.of(schema.getEnumSymbols()).map(symbol -> model.createEnum(symbol, schema));
      case ARRAY -> {
        Arbitrary<Object> items = forSchema(schema.getElementType(), model);
        int max = isComplex(schema.getElementType()) ? 12 : 300;
        yield items.list().ofMaxSize(max);
      }
      case MAP -> Arbitraries.maps(unicodeStrings(), forSchema(schema.getValueType(), model)).ofMaxSize(30);
      case UNION -> Arbitraries.oneOf(schema.getTypes().stream()
          .map(branch -> forSchema(branch, model)).collect(Collectors.toList()));
      case RECORD -> record(schema, model);
      default -> throw new IllegalArgumentException("no arbitrary for " + schema);
    };
    return (Arbitrary<Object>) arbitrary;
  }

  private static boolean isComplex(Schema schema) {
    return schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.UNION
        && schema.getTypes().stream().anyMatch(AvroArbitraries::isComplex);
  }

  private static Arbitrary<Object> record(Schema schema, GenericData model) {
    List<Arbitrary<Object>> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      fields.add(forSchema(field.schema(), model));
    }
    return Combinators.combine(fields).as(values -> {
      IndexedRecord record = (IndexedRecord) model.newRecord(null, schema);
      for (int i = 0; i < values.size(); i++) {
        record.put(i, values.get(i));
      }
      return record;
    });
  }
}
