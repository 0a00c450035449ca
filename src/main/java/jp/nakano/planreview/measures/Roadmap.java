package jp.nakano.planreview.measures;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A 取組事項's roadmap by phase, as the DX plan gives it (ロードマップ 前期 / 後期):
 * {@code 前期=検討、実施;後期=(継続)}. The phase names are those of {@code plan-phases.csv}.
 */
public record Roadmap(Map<String, String> byPhase) {

    public static final Roadmap EMPTY = new Roadmap(Map.of());

    public Roadmap {
        byPhase = Collections.unmodifiableMap(new LinkedHashMap<>(byPhase));
    }

    /** @throws IllegalArgumentException with the reason in Japanese, for the finding */
    public static Roadmap parse(String cell) {
        if (cell == null || cell.isBlank()) {
            return EMPTY;
        }
        Map<String, String> phases = new LinkedHashMap<>();
        for (String entry : cell.split(";")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            if (eq <= 0 || eq == e.length() - 1) {
                throw new IllegalArgumentException("「" + e + "」は 期=内容 の形ではない（例: 前期=検討、実施;後期=(継続)）");
            }
            String phase = e.substring(0, eq).strip();
            if (phases.put(phase, e.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException("「" + phase + "」が二度書かれている");
            }
        }
        return new Roadmap(phases);
    }

    public String in(String phase) {
        return phase == null ? null : byPhase.get(phase);
    }

    public boolean isEmpty() {
        return byPhase.isEmpty();
    }

    public String cell() {
        return byPhase.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

}
