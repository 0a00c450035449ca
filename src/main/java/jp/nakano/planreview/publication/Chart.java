package jp.nakano.planreview.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chart of the HTML edition, drawn as SVG: its title, a text equivalent that says in words and numbers what
 * it shows (the SVG's description and the figure's caption), and its marks, laid out here so the template
 * only draws them. Each mark has its value written beside it: nothing depends on colour alone.
 */
public record Chart(String title, String description, int width, int height, List<Mark> marks, List<Label> labels,
        List<Polyline> polylines) {

    /** A line through points, {@code "x1,y1 x2,y2 …"}, or with a fill a closed shape (a triangle marker). */
    public record Polyline(String points, String stroke, String fill) {
    }

    /**
     * A rectangle (a bar, part of a stacked bar, a square marker; with {@code rx} half its width a round marker)
     * with its fill and what it stands for.
     */
    public record Mark(double x, double y, double width, double height, String fill, String title, double rx) {

        public Mark(double x, double y, double width, double height, String fill, String title) {
            this(x, y, width, height, fill, title, 0);
        }

        public String rxs() {
            return num(rx);
        }

        public String xs() {
            return num(x);
        }

        public String ys() {
            return num(y);
        }

        public String ws() {
            return num(width);
        }

        public String hs() {
            return num(height);
        }
    }

    /** A text drawn on the chart: a category name or a value. */
    public record Label(double x, double y, String text, String anchor) {

        public String xs() {
            return num(x);
        }

        public String ys() {
            return num(y);
        }
    }

    /** A bar of a horizontal bar chart: its category, its value and the value as shown (62.3%, 1,793,615件). */
    public record Bar(String label, double value, String shown) {
    }

    /** A bar of a stacked bar chart: its category and its parts (each with its colour and name). */
    public record Stack(String label, List<Part> parts) {
    }

    /** A part of a stacked bar. */
    public record Part(String name, double value, String fill) {
    }

    private static final int LABEL_WIDTH = 300;

    private static final int ROW = 26;

    /** A horizontal bar chart, one bar per category, scaled to the largest value (or {@code max} if larger). */
    public static Chart bars(String title, String description, List<Bar> bars, double max, String fill) {
        int width = 760;
        int plot = width - LABEL_WIDTH - 130;
        double top = Math.max(max, bars.stream().mapToDouble(Bar::value).max().orElse(1));
        List<Mark> marks = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = 10 + i * ROW;
            double w = top <= 0 ? 0 : plot * bar.value() / top;
            marks.add(new Mark(LABEL_WIDTH, y, w, ROW - 8, fill, bar.label() + " " + bar.shown()));
            labels.add(new Label(LABEL_WIDTH - 8, y + 13, shorten(bar.label()), "end"));
            labels.add(new Label(LABEL_WIDTH + w + 6, y + 13, bar.shown(), "start"));
        }
        return new Chart(title, description, width, 20 + bars.size() * ROW, marks, labels, List.of());
    }

    /** A horizontal stacked bar chart: one bar per category, its parts side by side, each part's count written in it. */
    public static Chart stacked(String title, String description, List<Stack> stacks) {
        int width = 760;
        int plot = width - LABEL_WIDTH - 20;
        double top = stacks.stream().mapToDouble(s -> s.parts().stream().mapToDouble(Part::value).sum()).max().orElse(1);
        List<Mark> marks = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < stacks.size(); i++) {
            Stack stack = stacks.get(i);
            double y = 10 + i * ROW;
            double x = LABEL_WIDTH;
            labels.add(new Label(LABEL_WIDTH - 8, y + 13, shorten(stack.label()), "end"));
            for (Part part : stack.parts()) {
                if (part.value() <= 0) {
                    continue;
                }
                double w = top <= 0 ? 0 : plot * part.value() / top;
                marks.add(new Mark(x, y, w, ROW - 8, part.fill(), stack.label() + " " + part.name() + " "
                        + (long) part.value()));
                x += w;
            }
        }
        return new Chart(title, description, width, 20 + stacks.size() * ROW, marks, labels, List.of());
    }

    /** The shape of a line's points: told apart without colour. */
    public enum Shape {
        SQUARE, CIRCLE, TRIANGLE
    }

    /**
     * A series of a line chart: its name, colour, the shape of its points, whether its points are joined by a
     * line (the targets are points only), and a value (or {@code null}) per category.
     */
    public record Line(String name, String stroke, Shape shape, boolean joined, List<Double> values) {
    }

    /**
     * A small line chart: the categories (years) along the bottom, each line's points as squares joined
     * by a line, the lowest and highest value written on the left; the lines' names in a legend drawn with
     * their colour and written in words, so nothing depends on colour alone.
     */
    public static Chart lines(String title, String description, List<String> categories, List<Line> lines,
            String lowest, String highest) {
        int width = 360;
        int height = 200;
        double left = 70;
        double right = width - 10;
        double top = 10;
        double bottom = height - 60;
        double min = lines.stream().flatMap(l -> l.values().stream()).filter(java.util.Objects::nonNull)
            .mapToDouble(Double::doubleValue).min().orElse(0);
        double max = lines.stream().flatMap(l -> l.values().stream()).filter(java.util.Objects::nonNull)
            .mapToDouble(Double::doubleValue).max().orElse(1);
        if (max == min) {
            max = min + 1;
        }
        double step = categories.size() <= 1 ? 0 : (right - left) / (categories.size() - 1);
        List<Mark> marks = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        List<Polyline> polylines = new ArrayList<>();
        marks.add(new Mark(left, top, 0.5, bottom - top, "#1a1a1a", "縦軸"));
        marks.add(new Mark(left, bottom, right - left, 0.5, "#1a1a1a", "横軸"));
        labels.add(new Label(left - 4, top + 4, highest, "end"));
        labels.add(new Label(left - 4, bottom - 4, lowest, "end"));
        for (int c = 0; c < categories.size(); c++) {
            labels.add(new Label(left + c * step, bottom + 12, categories.get(c), "middle"));
        }
        for (int l = 0; l < lines.size(); l++) {
            Line line = lines.get(l);
            List<String> points = new ArrayList<>();
            for (int c = 0; c < line.values().size(); c++) {
                Double value = line.values().get(c);
                if (value == null) {
                    continue;
                }
                double x = left + c * step;
                double y = bottom - (bottom - top) * (value - min) / (max - min);
                points.add(num(x) + "," + num(y));
                marker(line, x, y, line.name() + " " + categories.get(c), marks, polylines);
            }
            if (line.joined() && points.size() > 1) {
                polylines.add(new Polyline(String.join(" ", points), line.stroke(), "none"));
            }
            double legendX = 10 + l * 115;
            marker(line, legendX + 5, height - 25, line.name(), marks, polylines);
            labels.add(new Label(legendX + 14, height - 25, line.name(), "start"));
        }
        return new Chart(title, description, width, height, marks, labels, polylines);
    }

    private static void marker(Line line, double x, double y, String title, List<Mark> marks, List<Polyline> polylines) {
        switch (line.shape()) {
            case SQUARE -> marks.add(new Mark(x - 3.5, y - 3.5, 7, 7, line.stroke(), title));
            case CIRCLE -> marks.add(new Mark(x - 4, y - 4, 8, 8, line.stroke(), title, 4));
            case TRIANGLE -> polylines.add(new Polyline(num(x - 5) + "," + num(y + 4) + " " + num(x + 5) + "," + num(y + 4)
                    + " " + num(x) + "," + num(y - 5) + " " + num(x - 5) + "," + num(y + 4), line.stroke(), line.stroke()));
        }
    }

    private static String shorten(String label) {
        return label.length() > 22 ? label.substring(0, 21) + "…" : label;
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

}
