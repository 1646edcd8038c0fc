package dev.regbench.suites;

import dev.regbench.reports.schema.CpuInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Reads the {@link CpuInfo} of this machine from {@code /proc/cpuinfo} and sysfs (Linux; elsewhere mostly unknown). */
public final class CpuProbe {
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final Path CACHES = Path.of("/sys/devices/system/cpu/cpu0/cache");

    private CpuProbe() {
    }

    /**
     * One cache of the first CPU, as sysfs lists it.
     *
     * @param level   1, 2, 3
     * @param type    {@code Data}, {@code Instruction} or {@code Unified}
     * @param sizeKib its size, KiB
     */
    record Cache(int level, String type, int sizeKib) {
    }

    /** @return this machine's CPU */
    public static CpuInfo current() {
        String text;
        try {
            text = Files.readString(CPUINFO, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            text = "";
        }
        return parse(text, caches(CACHES), Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param cpuinfo          the text of {@code /proc/cpuinfo}
     * @param caches           the first CPU's caches
     * @param fallbackLogical  logical cores to report if the text lists none
     * @return what they say
     */
    static CpuInfo parse(String cpuinfo, List<Cache> caches, int fallbackLogical) {
        List<Map<String, String>> processors = new ArrayList<>();
        Map<String, String> current = new HashMap<>();
        for (String line : cpuinfo.split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    processors.add(current);
                    current = new HashMap<>();
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                current.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        if (!current.isEmpty()) {
            processors.add(current);
        }
        processors.removeIf(p -> !p.containsKey("processor"));
        Map<String, String> first = processors.isEmpty() ? Map.of() : processors.get(0);
        int logical = processors.isEmpty() ? fallbackLogical : processors.size();
        Set<String> cores = new HashSet<>();
        for (Map<String, String> p : processors) {
            if (p.containsKey("physical id") && p.containsKey("core id")) {
                cores.add(p.get("physical id") + "/" + p.get("core id"));
            }
        }
        Integer physical = cores.isEmpty() ? null : cores.size();
        Set<String> present = new HashSet<>(Arrays.asList(first.getOrDefault("flags", "").split("\\s+")));
        List<String> flags = Stream.of(CpuInfo.FLAG_ORDER.split(" ")).filter(present::contains).toList();
        return new CpuInfo(first.getOrDefault("vendor_id", "unknown"), integer(first.get("cpu family")),
                integer(first.get("model")), integer(first.get("stepping")),
                first.getOrDefault("model name", "unknown"), decimal(first.get("cpu MHz")), logical, physical,
                physical == null ? null : Math.max(1, logical / physical), flags, cache(caches, 1, "Data"),
                cache(caches, 1, "Instruction"), cache(caches, 2, "Unified"), cache(caches, 3, "Unified"));
    }

    private static Integer cache(List<Cache> caches, int level, String type) {
        return caches.stream().filter(c -> c.level() == level && c.type().equals(type)).map(Cache::sizeKib)
                .findFirst().orElse(null);
    }

    /** @return the caches sysfs lists under {@code dir} ({@code index*}/level, type, size), empty if none */
    static List<Cache> caches(Path dir) {
        List<Cache> all = new ArrayList<>();
        try (Stream<Path> indexes = Files.list(dir)) {
            for (Path index : indexes.filter(p -> p.getFileName().toString().startsWith("index")).sorted().toList()) {
                Integer level = integer(read(index.resolve("level")));
                Integer size = kib(read(index.resolve("size")));
                String type = read(index.resolve("type"));
                if (level != null && size != null && type != null) {
                    all.add(new Cache(level, type, size));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no sysfs: caches unknown
        }
        return all;
    }

    /** @return a sysfs size such as {@code 32K} or {@code 1M} in KiB, or null */
    static Integer kib(String size) {
        if (size == null || size.isEmpty()) {
            return null;
        }
        String s = size.toUpperCase(Locale.ROOT);
        int factor = s.endsWith("M") ? 1024 : 1;
        Integer n = integer(s.replaceAll("[KM]$", ""));
        return n == null ? null : n * factor;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        }
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double decimal(String s) {
        try {
            return s == null ? null : Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
