package io.truecount.app.config;

import io.truecount.connector.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the notice extensions {@code dunning:}, {@code renewals:} and {@code mail:}. Either notice block needs
 * {@code mail:}, the server it sends through.
 */
final class NoticeSettingsReader {

    static final List<String> DUNNING_KEYS = List.of("reminder-days", "from", "subject");
    static final List<String> RENEWAL_KEYS = List.of("notice-days", "notify", "from");
    static final List<String> MAIL_KEYS = List.of("host", "port", "username", "password", "starttls");

    private static final String FILE_PREFIX = "file:";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private final Reading reading;
    private final Problems problems;
    private final Values values;

    NoticeSettingsReader(Reading reading, Values values) {
        this.reading = reading;
        this.problems = reading.problems();
        this.values = values;
    }

    /** The three blocks; each null when absent or invalid (reported). */
    record Notices(DunningSettings dunning, RenewalSettings renewals, MailSettings mail) {}

    Notices read(TopLevel top) {
        DunningSettings dunning = null;
        if (top.dunning() != null) {
            Section s = top.dunning().open(reading, "dunning", DUNNING_KEYS);
            dunning = s == null ? null : dunning(s);
        }
        RenewalSettings renewals = null;
        if (top.renewals() != null) {
            Section s = top.renewals().open(reading, "renewals", RENEWAL_KEYS);
            renewals = s == null ? null : renewals(s, dunning, top.dunning() != null);
        }
        MailSettings mail = null;
        if (top.mail() != null) {
            Section s = top.mail().open(reading, "mail", MAIL_KEYS);
            mail = s == null ? null : mail(s);
        } else {
            requireMail(top.dunning(), "dunning");
            requireMail(top.renewals(), "renewals");
        }
        return new Notices(dunning, renewals, mail);
    }

    private void requireMail(TopLevel.Entry entry, String key) {
        if (entry != null) {
            problems.at(entry.file(), entry.key(), "'" + key + "' sends e-mail: add 'mail:' with the SMTP server");
        }
    }

    private DunningSettings dunning(Section s) {
        int errorsBefore = problems.count();
        List<Integer> days = days(s, "reminder-days", Comparator.naturalOrder());
        String from = email(s.required("from"), "from");
        Scalar subjectValue = s.scalar("subject");
        String subject = subjectValue == null ? DunningSettings.DEFAULT_SUBJECT : subject(subjectValue);
        return problems.count() > errorsBefore ? null : new DunningSettings(days, from, subject);
    }

    /** @param dunningGiven whether {@code dunning:} is there, valid or not: its {@code from} is the default sender */
    private RenewalSettings renewals(Section s, DunningSettings dunning, boolean dunningGiven) {
        int errorsBefore = problems.count();
        List<Integer> days = days(s, "notice-days", Comparator.reverseOrder());
        String notify = email(s.required("notify"), "notify");
        String from = email(s.scalar("from"), "from");
        if (from == null && !s.has("from")) {
            if (dunning != null) {
                from = dunning.from();
            } else if (!dunningGiven) {
                s.errorAt("from", "missing required key 'from' in renewals (there is no dunning.from to use)");
            }
        }
        if (problems.count() > errorsBefore || from == null) {
            return null;
        }
        return new RenewalSettings(days, notify, from);
    }

    private MailSettings mail(Section s) {
        int errorsBefore = problems.count();
        Scalar hostValue = s.required("host");
        Integer port = s.has("port") ? values.integer(s.scalar("port"), "port", 1) : MailSettings.DEFAULT_PORT;
        if (port != null && port > 65535) {
            s.errorAtValue(
                    "port", "'port' must be at most 65535: " + s.scalar("port").shown());
        }
        Scalar username = s.scalar("username");
        Secret password = password(s.scalar("password"));
        if (password != null && username == null) {
            s.errorAt("password", "'password' in mail needs a 'username'");
        }
        Boolean starttls = s.has("starttls") ? values.bool(s.scalar("starttls"), "starttls") : Boolean.TRUE;
        if (problems.count() > errorsBefore) {
            return null;
        }
        return new MailSettings(
                hostValue.value().strip(), port, username == null ? null : username.value(), password, starttls);
    }

    /** Whole days of at least 1, each once, in the given order; a required, non-empty list. */
    private List<Integer> days(Section s, String key, Comparator<Integer> order) {
        if (!s.has(key)) {
            s.missing(key);
            return List.of();
        }
        List<Node> items = s.list(key);
        if (items == null) {
            return List.of();
        }
        if (items.isEmpty()) {
            s.errorAt(key, "'" + key + "' in " + s.label() + " must name at least one day");
        }
        List<Integer> days = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Node item : items) {
            Scalar value = reading.scalar(s.file(), item, "'" + key + "'");
            Integer day = values.integer(value, key, 1);
            if (day != null && !seen.add(day)) {
                problems.at(s.file(), item, "'" + key + "' names " + day + " twice");
            } else if (day != null) {
                days.add(day);
            }
        }
        days.sort(order);
        return days;
    }

    private String email(Scalar value, String key) {
        if (value == null) {
            return null;
        }
        String address = value.value().strip();
        if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.at(
                    value.file(),
                    value.node(),
                    "'" + key + "' must be an e-mail address such as billing@msp.example: " + value.shown());
            return null;
        }
        return address;
    }

    private String subject(Scalar value) {
        Matcher m = PLACEHOLDER.matcher(value.value());
        while (m.find()) {
            if (!DunningSettings.PLACEHOLDERS.contains(m.group(1))) {
                problems.at(
                        value.file(),
                        value.node(),
                        "unknown placeholder {" + m.group(1) + "} in 'subject'; allowed: "
                                + String.join(
                                        ", ",
                                        DunningSettings.PLACEHOLDERS.stream()
                                                .map(p -> "{" + p + "}")
                                                .toList()));
                return null;
            }
        }
        return value.value();
    }

    /**
     * {@link SecretLiterals} has already rejected a literal; what is left is a resolved {@code ${ENV}} value or a
     * {@code file:} reference, read beside the config file like connector credentials.
     */
    private Secret password(Scalar s) {
        if (s == null) {
            return null;
        }
        String value = s.value();
        if (!value.startsWith(FILE_PREFIX)) {
            if (value.isEmpty()) {
                problems.at(s.file(), s.node(), "'password' in mail is empty");
                return null;
            }
            return new Secret(
                    value,
                    String.join(
                            ", ", s.variables().stream().map(v -> "env " + v).toList()));
        }
        String path = value.substring(FILE_PREFIX.length());
        Path file = s.file().resolveSibling(path);
        try {
            String content = Files.readString(file).replaceAll("[\\r\\n]+$", "");
            if (content.isEmpty()) {
                problems.at(s.file(), s.node(), "secret file '" + path + "' for 'password' is empty");
                return null;
            }
            return new Secret(content, "file " + path);
        } catch (IOException e) {
            problems.at(
                    s.file(), s.node(), "cannot read secret file '" + path + "' for 'password': " + Problems.reason(e));
            return null;
        }
    }
}
