package dev.tarn.acceptance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.*;
import org.junit.jupiter.api.Test;

class TpchProbe {
  @Test
  void explainAll() throws Exception {
    Path lake = TpchFixture.lake(0.1);
    Path wh = Files.createTempDirectory("probe");
    try (Connection c = DriverManager.getConnection("jdbc:tarn:" + wh)) {
      TpchFixture.declareInTarn(c, lake);
      for (int q = 1; q <= 22; q++) {
        StringBuilder out = new StringBuilder("==== Q" + q + "\n");
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN " + TpchFixture.query(q))) {
          while (rs.next()) out.append(rs.getString(1)).append('\n');
        } catch (SQLException e) {
          out.append("ERROR ").append(e.getMessage()).append('\n');
        }
        Files.writeString(Path.of("/tmp/probe/q" + q + ".txt"), out.toString());
      }
    }
  }
}
