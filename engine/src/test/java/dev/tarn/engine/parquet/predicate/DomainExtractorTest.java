package dev.tarn.engine.parquet.predicate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.engine.plan.expr.Call;
import dev.tarn.engine.plan.expr.ColumnRef;
import dev.tarn.engine.plan.expr.Expr;
import dev.tarn.engine.plan.expr.Functions;
import dev.tarn.engine.plan.expr.Literal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

/** Domains derived from scan filters: what is constrained, and that anything unknown constrains nothing. */
class DomainExtractorTest {

  private static final ArrowType INT = new ArrowType.Int(32, true);
  private static final ArrowType BIGINT = new ArrowType.Int(64, true);
  private static final ArrowType BOOL = ArrowType.Bool.INSTANCE;

  @Test
  void rangesIntersectAcrossConjunctsAndLiteralsMayComeFirst() {
    Expr filter = call(Functions.AND, call(Functions.LESS_THAN, literal(5L), column(0)),
        call(Functions.LESS_THAN_OR_EQUAL, column(0), literal(9L)));
    ColumnDomain domain = DomainExtractor.extract(filter).get(0);
    assertThat(domain.admits(number(5))).isFalse();
    assertThat(domain.admits(number(6))).isTrue();
    assertThat(domain.admits(number(9))).isTrue();
    assertThat(domain.admits(number(10))).isFalse();
    assertThat(domain.nullAllowed()).isFalse();
  }

  @Test
  void orOnOneColumnIsAUnionAndAcrossColumnsConstrainsNothing() {
    ColumnDomain domain = DomainExtractor.extract(call(Functions.OR, call(Functions.EQUAL, column(0), literal(1L)),
        call(Functions.IS_NULL, column(0)))).get(0);
    assertThat(domain.nullAllowed()).isTrue();
    assertThat(domain.points()).containsExactly(number(1));
    assertThat(DomainExtractor.extract(call(Functions.OR, call(Functions.EQUAL, column(0), literal(1L)),
        call(Functions.EQUAL, column(1), literal(1L))))).isEmpty();
  }

  @Test
  void exactWideningCastsCountAsTheColumnButOthersDoNot() {
    Expr widened = new Call(Functions.CAST, List.of(new ColumnRef(0, INT)), BIGINT);
    assertThat(DomainExtractor.extract(call(Functions.EQUAL, widened, literal(3L)))).containsKey(0);
    Expr narrowed = new Call(Functions.CAST, List.of(new ColumnRef(0, BIGINT)), new ArrowType.FloatingPoint(
        org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE));
    assertThat(DomainExtractor.extract(call(Functions.EQUAL, narrowed, new Literal(3.0, narrowed.type())))).isEmpty();
    Map<Integer, ColumnDomain> like = DomainExtractor.extract(call(Functions.LIKE, column(0), literal(1L)));
    assertThat(like).isEmpty();
  }

  @Test
  void inIgnoresNullElementsAndTextUsesUnsignedByteOrder() {
    ColumnDomain domain = DomainExtractor.extract(new Call(Functions.IN, List.of(column(0), literal(1L),
        new Literal(null, BIGINT), literal(7L)), BOOL)).get(0);
    assertThat(domain.points()).containsExactly(number(1), number(7));
    assertThat(ByteKey.of("\uFFFF").compareTo(ByteKey.of("\uD83D\uDE42"))).isNegative(); // U+FFFF < U+1F642 in UTF-8
    assertThat(ByteKey.of("ab").prefixSuccessor()).isEqualTo(ByteKey.of("ac"));
  }

  @SuppressWarnings("unchecked")
  private static Comparable<Object> number(long value) {
    return (Comparable<Object>) (Object) BigDecimal.valueOf(value);
  }

  private static Expr column(int index) {
    return new ColumnRef(index, BIGINT);
  }

  private static Expr literal(long value) {
    return new Literal(value, BIGINT);
  }

  private static Expr call(String function, Expr... args) {
    return new Call(function, List.of(args), BOOL);
  }
}
