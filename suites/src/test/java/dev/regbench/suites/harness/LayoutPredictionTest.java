package dev.regbench.suites.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.regbench.datasets.SeedPurpose;
import dev.regbench.suites.network.Implementation;
import dev.regbench.suites.network.NetworkFactory;
import dev.regbench.suites.network.NetworkSpec;
import dev.regbench.suites.suite.DataCondition;
import dev.regbench.suites.suite.Point;
import dev.regbench.suites.suite.Suite;
import dev.regbench.suites.suite.SuiteParser;
import dev.regbench.suites.suite.Variant;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/**
 * The layout a run's identity expects before it trains ({@link SuiteRunner#identity}: from the suite alone) is the
 * layout the network it trains records ({@link Trainer}: from the network built), for every grid point of every
 * shipped suite — otherwise a finished run would never resume, or a run trained one way would pass for another.
 */
class LayoutPredictionTest {
    @Test
    void everyShippedSuitesPredictedLayoutIsTheLayoutItsNetworksTrainIn() throws Exception {
        List<Path> files = dev.regbench.suites.Fixtures.shippedSuites();
        Implementation.Choice tuned = Implementation.TUNED.choose();
        Set<String> seen = new HashSet<>();
        for (Path f : files) {
            Suite suite = SuiteParser.parse(f);
            DataCondition condition = suite.conditions().get(0);
            for (Variant v : suite.variants()) {
                Point point = v.points().get(0);
                NetworkSpec spec = Trainer.networkSpec(suite, condition, point);
                MultiLayerNetwork net = NetworkFactory.build(spec, point.regularizer(), suite.penalizeBiases(),
                        SeedPurpose.INIT.derive(1), Implementation.TUNED);
                assertEquals(tuned.layout(spec), tuned.layout(net), f.getFileName() + " " + v.name());
                seen.add(tuned.layout(spec));
            }
        }
        assertTrue(seen.contains("java-step") && seen.contains(tuned.layout()),
                "the shipped suites train both ways: " + seen);
    }
}
