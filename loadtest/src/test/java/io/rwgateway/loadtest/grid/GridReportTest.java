package io.rwgateway.loadtest.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.rwgateway.translators.metadata.MetadataDetail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridReportTest {
  private static CellResult result(int delay, MetadataDetail m, double ratio) {
    return new CellResult(new GridCell(2000, 15, delay, m), 2, 174, 1000, 1000, Math.round(1000 * ratio), 500, 1000,
        2, 1, delay / 2.0, delay, 3, 0, false, false, 100, 75, 120, 0.1);
  }

  @Test
  void theTableAndTheChartAreMadeFromTheCsv(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("grid.csv");
    Files.write(csv, List.of(CellResult.CSV_HEADER, result(5, MetadataDetail.FULL, 0.97).csvRow(),
        result(5, MetadataDetail.TYPE_AND_UNIT, 0.96).csvRow(), result(30, MetadataDetail.FULL, 0.64).csvRow()));

    List<GridReport.Row> rows = GridReport.read(csv);
    String md = GridReport.markdown(rows, "preamble");
    String svg = GridReport.svg(rows, "subtitle");

    assertThat(md).contains("| 2k | 15 s | **0.97** / 0.96 (5.0 s) | **0.64** / — (30.0 s) |");
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("2k series")
        .contains("stroke-dasharray=\"6,4\"").contains("1.0 (RW 1.0 size)").contains("0.40");
  }
}
