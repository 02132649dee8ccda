package io.truecount.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One stage of a Dockerfile: its name and instructions, continuation lines joined and comments dropped. */
record Stage(String name, List<String> lines) {

    static List<Stage> parse(String dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : dockerfile.lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("#") || line.isEmpty() && current.length() == 0) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            instructions.add(current.toString().replaceAll("\\s+", " ").strip());
            current.setLength(0);
        }
        List<Stage> stages = new ArrayList<>();
        for (String instruction : instructions) {
            if (keyword(instruction).equals("FROM")) {
                String[] words = instruction.split(" ");
                stages.add(new Stage(words.length == 4 ? words[3] : "", new ArrayList<>()));
            }
            if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).lines().add(instruction);
            }
        }
        return stages;
    }

    /** The arguments of every instruction with this keyword, in order. */
    List<String> instructions(String keyword) {
        return lines.stream()
                .filter(l -> keyword(l).equals(keyword))
                .map(l -> l.substring(keyword.length()).strip())
                .toList();
    }

    /** The paths COPY takes from the build context (not from another stage). */
    List<String> copiedFromContext() {
        return instructions("COPY").stream()
                .filter(args -> !args.startsWith("--from="))
                .map(args -> args.split(" ")[0])
                .toList();
    }

    String text() {
        return String.join("\n", lines);
    }

    private static String keyword(String instruction) {
        return instruction.split(" ", 2)[0].toUpperCase(Locale.ROOT);
    }
}
