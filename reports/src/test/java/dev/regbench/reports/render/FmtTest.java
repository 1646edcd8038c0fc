package dev.regbench.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.regbench.reports.schema.RegularizerInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FmtTest {
    private static RegularizerInfo info(String kind, Map<String, Double> parameters) {
        return new RegularizerInfo(kind, kind, parameters, parameters.get("lambda"), null, null, null, null, null, null,
                false, "");
    }

    /** A grid point's training axes (a swept learning rate) follow the regularizer's own settings; none has only them. */
    @Test
    void settingsNameTheTrainingAxesOfThePoint() {
        Map<String, Double> point = new LinkedHashMap<>();
        point.put("learningRate", 0.002);
        point.put("lambda", 0.001);
        assertEquals("λ = 0.001, learning rate 0.002", Fmt.settings(info("l2", Map.of("lambda", 0.001)), point));
        assertEquals("learning rate 0.001", Fmt.settings(info("none", Map.of()), Map.of("learningRate", 0.001)));
        assertEquals("none", Fmt.settings(info("none", Map.of()), Map.of()));
        assertEquals("λ = 0.001", Fmt.settings(info("l2", Map.of("lambda", 0.001)), Map.of("lambda", 0.001)));
    }
}
