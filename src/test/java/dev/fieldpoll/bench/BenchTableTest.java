package dev.fieldpoll.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldpoll.bench.BenchTable.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the table reads its rows (made-up figures: measured ones are reported, never asserted). */
class BenchTableTest {

    private static final Row REPORT =
            new Row("ReportBenchmark.fullReport", "{voters=1000}", 1, 2.5, 7.0, 380.0, 900, 210.0);
    private static final Row FLOOR = new Row("FloorBenchmark.singleRowUpsert", "{}", 1, 0.9, 2.0, 1000.0, 5000, 40.0);
    private static final Row INGEST_16 =
            new Row("IngestBenchmark.voteBy16Members", "{}", 16, 4.0, 9.0, 3500.0, 9000, 300.0);
    private static final Row CEILING =
            new Row("CeilingBenchmark.batchOf64Upserts", "{}", 1, 0.1, 0.5, 9000.0, 9000, 50.0);
    private static final Row INGEST_64 =
            new Row("IngestBenchmark.voteBy64Members", "{}", 64, 12.0, 30.0, 4500.0, 9000, 480.0);

    @Test
    void comparesIngestAt64MembersWithFloorAndCeilingAndKeepsTheLargestPeakHeap() {
        BenchTable table = BenchTable.of(List.of(REPORT, FLOOR, CEILING, INGEST_16, INGEST_64));

        assertThat(table.ingestToFloor()).isEqualTo(4.5);
        assertThat(table.ingestToCeiling()).isEqualTo(0.5);
        assertThat(table.peakHeapMb()).isEqualTo(480.0);
        assertThat(table.text())
                .contains(
                        "IngestBenchmark.voteBy64Members          {}                    64      12.000      30.000      4500.0      9000           480")
                .contains(
                        "ReportBenchmark.fullReport               {voters=1000}          1       2.500       7.000       380.0")
                .contains("Vote ingest at 64 members: 4.5× the single-row floor; 0.50 of the group-commit ceiling")
                .contains("Peak heap used: 480 MB");
    }

    @Test
    void eachPostgresqlRowIsShownBesideItsSqliteTwinAndTheFloorComparesSqliteIngest() {
        Row sqlite =
                new Row("IngestBenchmark.voteBy64Members", "{database=sqlite}", 64, 12.0, 30.0, 4500.0, 9000, 480.0);
        Row postgres = new Row(
                "IngestBenchmark.voteBy64Members", "{database=postgresql}", 64, 20.0, 50.0, 3000.0, 9000, 500.0);
        Row readSqlite = new Row(
                "DatabaseReportBenchmark.readBallots", "{database=sqlite, voters=1000}", 1, 4.0, 6.0, 250.0, 900, 60.0);
        Row readPostgres = new Row(
                "DatabaseReportBenchmark.readBallots",
                "{database=postgresql, voters=1000}",
                1,
                5.0,
                8.0,
                200.0,
                900,
                60.0);

        BenchTable table = BenchTable.of(List.of(postgres, FLOOR, sqlite, readPostgres, readSqlite));

        assertThat(table.ingestToFloor()).isEqualTo(4.5);
        assertThat(table.text())
                .contains("PostgreSQL beside SQLite:")
                .contains(
                        "IngestBenchmark.voteBy64Members          {}                64: median 20.000 ms against 12.000 ms, "
                                + "3000.0 ops/s against 4500.0")
                .contains(
                        "DatabaseReportBenchmark.readBallots      {voters=1000}      1: median 5.000 ms against 4.000 ms");
    }

    @Test
    void withoutTheWriteBenchmarksThereIsNoRatio() {
        BenchTable table = BenchTable.of(List.of(REPORT));

        assertThat(table.ingestToFloor()).isNull();
        assertThat(table.ingestToCeiling()).isNull();
        assertThat(table.text()).doesNotContain("single-row floor").contains("Peak heap used: 210 MB");
    }
}
