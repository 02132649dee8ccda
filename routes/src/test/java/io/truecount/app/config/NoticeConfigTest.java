package io.truecount.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notice extensions {@code dunning:}, {@code renewals:} and {@code mail:}. */
class NoticeConfigTest {

    private static final String MAIL =
            """
            mail:
              host: smtp.msp.example
              username: billing
              password: "${SMTP_PASSWORD}"
            """;

    @TempDir
    Path dir;

    private TestConfigs configs() {
        return new TestConfigs(dir, Map.of("SMTP_PASSWORD", "s3cret"), List.of(FakeConnectorType.ninjaone()));
    }

    @Test
    void allThreeBlocks_areReadWithTheirDefaults() throws ConfigException {
        TruecountConfig config = configs()
                .loadRoot(
                        """
                dunning: { reminder-days: [30, 3, 10], from: billing@msp.example }
                renewals: { notice-days: [30, 60], notify: accounts@msp.example }
                """
                                + MAIL);

        assertThat(config.dunning().reminderDays()).containsExactly(3, 10, 30);
        assertThat(config.dunning().from()).isEqualTo("billing@msp.example");
        assertThat(config.dunning().subject()).isEqualTo(DunningSettings.DEFAULT_SUBJECT);
        assertThat(config.renewals().noticeDays()).containsExactly(60, 30);
        assertThat(config.renewals().from()).as("defaults to dunning.from").isEqualTo("billing@msp.example");
        assertThat(config.mail().host()).isEqualTo("smtp.msp.example");
        assertThat(config.mail().port()).isEqualTo(587);
        assertThat(config.mail().starttls()).isTrue();
        assertThat(config.mail().password().reveal()).isEqualTo("s3cret");
        assertThat(config.mail().password().origin()).isEqualTo("env SMTP_PASSWORD");
    }

    @Test
    void withoutTheBlocks_nothingIsConfigured() throws ConfigException {
        TruecountConfig config = configs().loadRoot("");
        assertThat(config.dunning()).isNull();
        assertThat(config.renewals()).isNull();
        assertThat(config.mail()).isNull();
    }

    @Test
    void badReminderDays_areErrorsAtEachValue() {
        assertThat(configs()
                        .errorsOfRoot(
                                """
                dunning:
                  reminder-days: [3, 0, 3, x]
                  from: billing@msp.example
                """
                                        + MAIL))
                .containsExactly(
                        "truecount.yaml:2:22: 'reminder-days' must be a whole number of at least 1: '0'",
                        "truecount.yaml:2:25: 'reminder-days' names 3 twice",
                        "truecount.yaml:2:28: 'reminder-days' must be a whole number of at least 1: 'x'");
    }

    @Test
    void literalPassword_isRejectedWithoutQuotingIt() {
        List<String> errors = configs()
                .errorsOfRoot(
                        """
                dunning: { reminder-days: [3], from: billing@msp.example }
                mail: { host: smtp.msp.example, username: billing, password: hunter2 }
                """);
        assertThat(errors)
                .containsExactly(
                        "truecount.yaml:2:62: 'password' must not be written literally: give ${ENV_VAR} or file:PATH");
        assertThat(String.join("\n", errors)).doesNotContain("hunter2");
    }

    @Test
    void passwordFromFile_isReadBesideTheConfig() throws ConfigException {
        TestConfigs configs = configs();
        configs.write("secrets/smtp.txt", "from-file\n");
        TruecountConfig config = configs.loadRoot(
                """
                dunning: { reminder-days: [3], from: billing@msp.example }
                mail: { host: smtp.msp.example, port: 25, starttls: false, username: b, password: file:secrets/smtp.txt }
                """);
        assertThat(config.mail().password().reveal()).isEqualTo("from-file");
        assertThat(config.mail().port()).isEqualTo(25);
        assertThat(config.mail().starttls()).isFalse();
    }

    @Test
    void noticesWithoutMail_badAddresses_andUnknownPlaceholders_areErrors() {
        assertThat(
                        configs()
                                .errorsOfRoot(
                                        """
                dunning:
                  reminder-days: [3]
                  from: billing
                  subject: "Invoice {invoice} is late"
                renewals: { notice-days: [], notify: accounts@msp.example }
                """))
                .containsExactly(
                        "truecount.yaml:1:1: 'dunning' sends e-mail: add 'mail:' with the SMTP server",
                        "truecount.yaml:3:9: 'from' must be an e-mail address such as billing@msp.example: 'billing'",
                        "truecount.yaml:4:12: unknown placeholder {invoice} in 'subject'; allowed: {number}, {days},"
                                + " {amount}, {due-date}, {company}",
                        "truecount.yaml:5:1: 'renewals' sends e-mail: add 'mail:' with the SMTP server",
                        "truecount.yaml:5:13: 'notice-days' in renewals must name at least one day");
    }

    @Test
    void renewalsWithoutAnySender_isAnError() {
        assertThat(configs().errorsOfRoot("renewals: { notice-days: [60], notify: accounts@msp.example }\n" + MAIL))
                .containsExactly("truecount.yaml:1:1: missing required key 'from' in renewals (there is no"
                        + " dunning.from to use)");
    }
}
