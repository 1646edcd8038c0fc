package dev.regbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regbench.reports.Fixtures;
import dev.regbench.reports.schema.TaskType;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grouping, summaries and the treatment of diverged runs, on the checked-in fixture results. */
class ReportBuilderTest {
    @Test
    void sectionsAndRegularizerOrder() throws Exception {
        ReportModel model = Fixtures.model();
        assertEquals(List.of("mnist", "polynomial", "polynomial"),
                model.sections().stream().map(DatasetReport::dataset).toList());
        DatasetReport mnist = model.sections().get(0);
        assertEquals(TaskType.CLASSIFICATION, mnist.task());
        assertEquals(List.of("none", "l1", "l2", "dropout-l2"),
                mnist.regularizers().stream().map(RegularizerStats::name).toList());
        assertEquals(List.of(1L, 2L, 3L), mnist.provenance().seeds());
    }

    @Test
    void summaryMatchesTheFilesIndependentlyRead() throws Exception {
        RegularizerStats l2 = Fixtures.model().sections().get(0).regularizers().get(2);
        double sum = 0;
        ObjectMapper json = new ObjectMapper();
        for (long seed = 1; seed <= 3; seed++) {
            JsonNode run = json.readTree(Files.readString(Fixtures.dir("mnist-quick").resolve("runs/l2-seed" + seed + ".json")));
            sum += run.get("final").get("testLoss").asDouble();
        }
        assertEquals(3, l2.summary(Metric.TEST_LOSS).n());
        assertEquals(sum / 3, l2.summary(Metric.TEST_LOSS).mean(), 1e-12);
        double err = 100 * (1 - l2.summary(Metric.TEST_ACCURACY).mean());
        assertEquals(err, l2.summary(Metric.TEST_ERROR).mean(), 1e-9);
        assertTrue(l2.comparison(Metric.LOSS_GAP).orElseThrow().tested());
        assertEquals(3, l2.curve().get(0).test().n());
        assertEquals(4, l2.curve().size(), "epochs 0..3");
    }

    @Test
    void divergedRunsAreCountedNeverAveraged() throws Exception {
        DatasetReport unstable = Fixtures.model().sections().get(2);
        assertEquals("unstable · CPU", unstable.source().label());
        RegularizerStats none = unstable.regularizers().get(0);
        RegularizerStats l2 = unstable.regularizers().get(1);
        assertEquals(1, none.completed().size());
        assertEquals(1, none.diverged().size());
        assertEquals(0, l2.completed().size());
        assertEquals(2, l2.diverged().size());
        assertEquals(0, l2.summary(Metric.TEST_LOSS).n(), "nothing to average");
        assertFalse(l2.comparison(Metric.LOSS_GAP).orElseThrow().tested());
    }

    @Test
    void regressionHasMseButNoAccuracy() throws Exception {
        DatasetReport poly = Fixtures.model().sections().get(1);
        RegularizerStats none = poly.regularizers().get(0);
        assertEquals(2, none.summary(Metric.TEST_MSE).n());
        assertEquals(0, none.summary(Metric.TEST_ACCURACY).n());
        assertEquals(none.summary(Metric.TEST_MSE).mean(), none.summary(Metric.TEST_LOSS).mean(), 0.0);
    }
}
