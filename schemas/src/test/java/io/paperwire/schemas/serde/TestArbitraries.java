package io.paperwire.schemas.serde;

import java.util.Optional;
import net.jqwik.api.Arbitrary;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.specific.SpecificRecord;

/** The package's test generators and comparison, for tests in other packages of this module. */
public final class TestArbitraries {

  private TestArbitraries() {}

  /** Random instances of a generated class, see {@link AvroArbitraries}. */
  public static <T extends SpecificRecord> Arbitrary<T> specific(Class<T> type) {
    return AvroArbitraries.specific(type);
  }

  /** Where two Avro values differ (NaN equal to NaN, maps by key), or empty; see {@link AvroEquivalence}. */
  public static Optional<String> difference(Object expected, Object actual) {
    return AvroEquivalence.difference(((GenericContainer) expected).getSchema(), expected, actual);
  }
}
