package dev.tarn.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.cli.ResultPrinter;
import dev.tarn.engine.ErrorCode;
import dev.tarn.engine.TarnException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

/** The shape of the SQLExceptions the driver throws: class by SQLSTATE, Tarn's code, and the query id. */
class SqlErrorsTest {

  @Test
  void everyClassOfErrorIsATarnQueryErrorWithItsCodeAndId() {
    assertShape(ErrorCode.VALIDATION_ERROR, SQLSyntaxErrorException.class);
    assertShape(ErrorCode.INVALID_CAST, SQLDataException.class);
    assertShape(ErrorCode.NOT_SUPPORTED, SQLFeatureNotSupportedException.class);
    assertShape(ErrorCode.IO_ERROR, SQLException.class);
  }

  private static void assertShape(ErrorCode code, Class<? extends SQLException> type) {
    SQLException error = SqlErrors.toSqlException(new TarnException(code, "t", "went wrong"), "q-1");
    assertThat((Throwable) error).isInstanceOf(type).isInstanceOf(TarnQueryError.class);
    assertThat(error.getMessage()).isEqualTo(code.name() + ": went wrong [query id: q-1]");
    assertThat(error.getSQLState()).isEqualTo(code.sqlState());
    assertThat(error.getErrorCode()).isEqualTo(code.ordinal() + 1);
    assertThat(((TarnQueryError) error).queryId()).isEqualTo("q-1");
    assertThat(((TarnQueryError) error).errorCode()).isEqualTo(code.name());
  }

  @Test
  void withoutAnExecutionThereIsNoIdInTheMessage() {
    SQLException error = SqlErrors.toSqlException(new IllegalStateException("broken"));
    assertThat(error.getMessage()).isEqualTo("INTERNAL_ERROR: broken");
    assertThat(((TarnQueryError) error).queryId()).isNull();
    assertThat(((TarnQueryError) error).errorCode()).isEqualTo("INTERNAL_ERROR");
  }

  @Test
  void printerKeepsTheIdOnItsOneLineWhenTheMessageHasSeveral() {
    SQLException error = SqlErrors.toSqlException(
        new TarnException(ErrorCode.SYNTAX_ERROR, null, "Encountered \"FORM\"\nWas expecting one of: ..."), "q-2");
    StringWriter text = new StringWriter();
    new ResultPrinter(new PrintWriter(text)).printError(error);
    assertThat(text.toString()).isEqualTo("Error: SYNTAX_ERROR: Encountered \"FORM\" [query id: q-2]\n");
  }
}
