package dev.tarn.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import dev.tarn.engine.TarnException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementQuery;
import org.junit.jupiter.api.Test;

/** Parameter values cross the wire as the same Java values, of the same types, the application gave. */
class StatementRequestTest {

  @Test
  void everyValueTheEngineBindsComesBackEqualAndOfItsType() {
    List<Object> values = Arrays.asList(null, true, (byte) -3, (short) 300, 70_000, 1L << 40,
        new BigInteger("123456789012345678901234567890"), 0.1f, 1e-300, new BigDecimal("-12.500"), "it's \u00e9",
        LocalDate.of(1994, 3, 1), LocalDateTime.of(2024, 2, 29, 23, 59, 1, 123_456_789),
        java.sql.Date.valueOf("2001-01-01"), java.sql.Timestamp.valueOf("2001-01-01 10:00:00.5"));
    StatementRequest decoded = StatementRequest.fromCommand(StatementRequest.of("SELECT ?", values).toCommand());
    assertThat(decoded.sql()).isEqualTo("SELECT ?");
    List<Object> back = decoded.values();
    for (int index = 0; index < 13; index++) {
      assertThat(back.get(index)).as("value %d", index).isEqualTo(values.get(index));
      if (values.get(index) != null) {
        assertThat(back.get(index)).isExactlyInstanceOf(values.get(index).getClass());
      }
    }
    assertThat(((BigDecimal) back.get(9)).scale()).isEqualTo(3);
    assertThat(back.get(13)).isEqualTo(LocalDate.of(2001, 1, 1));
    assertThat(back.get(14)).isEqualTo(LocalDateTime.of(2001, 1, 1, 10, 0, 0, 500_000_000));
  }

  @Test
  void flightSqlCommandsAreNotTarnsAndUnknownJavaTypesFail() {
    byte[] flightSql = Any.pack(CommandStatementQuery.newBuilder().setQuery("SELECT 1").build()).toByteArray();
    assertThat(StatementRequest.fromCommand(flightSql)).isNull();
    assertThat(StatementRequest.fromCommand(new byte[] {1, 2, 3})).isNull();
    assertThatThrownBy(() -> StatementRequest.of("SELECT ?", List.of(new Object())))
        .isInstanceOf(TarnException.class).hasMessageContaining("java.lang.Object");
  }
}
