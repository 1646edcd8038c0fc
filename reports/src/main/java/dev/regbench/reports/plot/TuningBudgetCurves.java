package dev.regbench.reports.plot;

import dev.regbench.reports.schema.TaskType;
import dev.regbench.reports.stats.Condition;
import dev.regbench.reports.stats.RegularizationPath;
import dev.regbench.reports.stats.Section;
import dev.regbench.reports.stats.TuningBudget;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Expected choice against tuning budget (Dodge et al. 2019, see {@link TuningBudget}): left, the expected
 * validation score of the best of n random configurations of each regularizer's grid; right, the expected test
 * performance of that winner. Solid up to the regularizer's own grid size, dotted beyond it.
 */
public final class TuningBudgetCurves {
    private TuningBudgetCurves() {
    }

    /**
     * @param section   a report section
     * @param condition one of its data conditions
     * @param id        figure id
     * @return the figure, or empty when no regularizer has more than one configuration
     */
    public static Optional<Figure> draw(Section section, Condition condition, String id) {
        if (condition.budgets().stream().noneMatch(b -> b.configurations() > 1)) {
            return Optional.empty();
        }
        boolean cls = section.task() == TaskType.CLASSIFICATION;
        boolean percent = section.policy().metric().inPercent();
        String metric = section.policy().metric().label();
        XYChart validation = chart("expected best " + metric, metric + (percent ? " (%)" : ""));
        XYChart test = chart("test " + (cls ? "error" : "MSE") + " of that choice",
                cls ? "test error (%)" : "test MSE");
        for (TuningBudget b : condition.budgets()) {
            java.awt.Color color = Colors.of(section, b.regularizer(), kindOf(condition, b.regularizer()));
            double scale = percent ? 100 : 1;
            add(validation, b, color, x -> scale * x.validation());
            add(test, b, color, TuningBudget.Step::test);
        }
        validation.getStyler().setLegendVisible(true);
        String caption = "If only n configurations, drawn at random from the grid regbench tried, had been tuned: "
                + "the expected validation score of the best of them (left; the selector's score, mean over the "
                + "tuning seeds) and the expected test performance of that winner on the same tuning runs (right; "
                + "shown, never used to choose). Dodge et al. (2019). Dotted beyond a regularizer's own grid size.";
        return Optional.of(ChartExport.figure(id, LearningCurves.title(section, condition, "tuning budget"), caption,
                List.of(validation, test), 2));
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(ChartExport.WIDTH).height(ChartExport.HEIGHT).title(title)
                .xAxisTitle("configurations tried (n)").yAxisTitle(yTitle).build();
        ChartExport.style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisDecimalPattern("0.####");
        chart.getStyler().setXAxisDecimalPattern("0");
        return chart;
    }

    /** Adds a regularizer's curve of {@code value} to one panel: markers within its grid, dotted beyond. */
    private static void add(XYChart chart, TuningBudget b, java.awt.Color color,
                            java.util.function.ToDoubleFunction<TuningBudget.Step> value) {
        List<TuningBudget.Step> steps = b.steps();
        if (steps.isEmpty()) {
            return;
        }
        int own = Math.min(b.configurations(), steps.size());
        double[] x = steps.stream().limit(own).mapToDouble(TuningBudget.Step::budget).toArray();
        double[] y = steps.stream().limit(own).mapToDouble(value).toArray();
        XYSeries inGrid = chart.addSeries(b.regularizer(), x, y);
        inGrid.setLineColor(color);
        inGrid.setMarkerColor(color);
        inGrid.setMarker(SeriesMarkers.CIRCLE);
        if (own < steps.size()) {
            List<TuningBudget.Step> beyond = steps.subList(own - 1, steps.size());
            XYSeries more = chart.addSeries(b.regularizer() + " beyond its grid",
                    beyond.stream().mapToDouble(TuningBudget.Step::budget).toArray(),
                    beyond.stream().mapToDouble(value).toArray());
            more.setLineColor(color);
            more.setMarker(SeriesMarkers.NONE);
            more.setLineStyle(new java.awt.BasicStroke(1.2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                    10f, new float[] {3f, 3f}, 0f));
            more.setShowInLegend(false);
        }
    }

    private static String kindOf(Condition condition, String name) {
        return condition.headline().stream().filter(r -> r.name().equals(name)).map(r -> r.regularizer().kind())
                .findFirst().or(() -> condition.paths().stream().filter(p -> p.regularizer().equals(name))
                        .map(RegularizationPath::kind).findFirst()).orElse(name);
    }
}
