package io.truecount.sim.msp;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hostnames the way an MSP's clients end up with them: numbered {@code RFD-LT07} laptops, role-named servers
 * ({@code RFD-DC01}), and personal devices named after their owner ({@code Priyas-MacBook-Air}).
 */
final class Hostnames {

    private static final List<String> SERVER_ROLES = List.of("DC", "FS", "APP", "SQL", "RDS", "PRINT", "BKP");
    private static final List<String> LINUX_ROLES = List.of("nas", "web", "mon", "db");

    private final String prefix;
    private final Names names;
    private final Map<String, Integer> counters = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    Hostnames(String prefix, Names names) {
        this.prefix = prefix;
        this.names = names;
    }

    String next(String nodeClass, Hardware.Model model) {
        return switch (nodeClass) {
            case "MAC", "ANDROID", "APPLE_IOS" -> personal(model.stem());
            case "WINDOWS_SERVER" -> role(SERVER_ROLES, prefix + "-");
            case "LINUX_SERVER" -> role(LINUX_ROLES, prefix.toLowerCase(Locale.ROOT) + "-");
            default -> numbered(prefix + "-" + model.stem());
        };
    }

    private String personal(String stem) {
        String base = names.firstName() + "s-" + stem;
        String name = base;
        for (int n = 2; !used.add(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    private String role(List<String> roles, String head) {
        String role = roles.get(Math.min(counters.getOrDefault(head, 0), roles.size() - 1));
        counters.merge(head, 1, Integer::sum);
        return numbered(head + role);
    }

    private String numbered(String stem) {
        int n = counters.merge(stem, 1, Integer::sum);
        String name = String.format(Locale.ROOT, "%s%02d", stem, n);
        used.add(name);
        return name;
    }
}
