package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.sim.msp.SampleCredentials;
import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.quickbooks.QuickBooksSimulator;
import io.truecount.sim.stripe.StripeSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/ without a Docker engine: what the images are made of and what compose.yaml refers to is checked here; the
 * sample configuration running against the simulators is {@link DockerSampleIT}.
 */
class DockerIT {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path JAR = ROOT.resolve("routes/target/truecount-exec.jar");
    private static final List<String> LAYERS =
            List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
    private static final String LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    @Test
    void runnableJar_hasTheFourLayers_andTheExtractedLauncherRunsTruecount() throws Exception {
        assertThat(JAR).as("built by the routes module's package phase").exists();
        Command list = Command.run(
                dir,
                Map.of(),
                MINUTE,
                List.of(Command.java(), "-Djarmode=tools", "-jar", JAR.toString(), "list-layers"));
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.output().lines().map(String::strip).filter(l -> !l.isEmpty()))
                .containsExactlyElementsOf(LAYERS);

        Command extract = Command.run(
                dir,
                Map.of(),
                MINUTE,
                List.of(
                        Command.java(),
                        "-Djarmode=tools",
                        "-jar",
                        JAR.toString(),
                        "extract",
                        "--layers",
                        "--launcher",
                        "--destination",
                        "extracted"));
        assertThat(extract.exitCode()).as(extract.toString()).isZero();
        // What the Dockerfile's app stage does: each layer copied, in order, into one directory.
        Path app = Files.createDirectories(dir.resolve("app"));
        for (String layer : LAYERS) {
            copyTree(dir.resolve("extracted").resolve(layer), app);
        }

        Command version = Command.run(app, Map.of(), MINUTE, List.of(Command.java(), LAUNCHER, "--version"));
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.output()).startsWith("Truecount ");
        Path sample = ComposeFile.DOCKER.resolve("config/truecount.yaml");
        Command validate = Command.run(
                app,
                ComposeFile.read().environment("truecount"),
                Duration.ofMinutes(2),
                List.of(Command.java(), LAUNCHER, "validate", "--config", sample.toString()));
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.output()).contains("valid (3 connectors, 4 customers, 4 contracts)");
    }

    @Test
    void sampleConfig_withoutTheComposeEnvironment_isInvalid_namingTheVariables() {
        CliRun run = CliRun.of(
                "validate",
                "--config",
                ComposeFile.DOCKER.resolve("config/truecount.yaml").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stdout() + run.stderr()).contains("NINJA_CLIENT_SECRET").contains("STRIPE_WEBHOOK_SECRET");
    }

    @Test
    void dockerfile_makesTheServerFromTheLayers_asAnUnprivilegedUser_withJsonLogsAndAReadinessCheck()
            throws IOException {
        List<Stage> stages = Stage.parse(Files.readString(ComposeFile.DOCKER.resolve("Dockerfile")));
        assertThat(stages).extracting(Stage::name).containsExactly("layers", "simulators", "app");
        Set<String> admitted = admittedByDockerignore();
        for (Stage stage : stages) {
            for (String source : stage.copiedFromContext()) {
                assertThat(ROOT.resolve(source)).as("COPY %s", source).exists();
                assertThat(admitted).as("%s reaches the build", source).contains(source);
            }
        }
        assertThat(stages.get(0).text()).contains("extract --layers --launcher --destination extracted");

        Stage app = stages.get(2);
        assertThat(app.instructions("COPY"))
                .containsExactlyElementsOf(LAYERS.stream()
                        .map(l -> "--from=layers /build/extracted/" + l + "/ ./")
                        .toList());
        assertThat(app.instructions("USER")).containsExactly("truecount");
        assertThat(app.instructions("ENV")).contains("TRUECOUNT_LOG_FORMAT=json");
        assertThat(app.instructions("HEALTHCHECK")).singleElement().asString().contains("/actuator/health/readiness");
        assertThat(app.instructions("ENTRYPOINT")).singleElement().asString().contains(LAUNCHER);
        assertThat(stages.get(1).instructions("USER")).containsExactly("simulators");
        assertThat(stages.get(1).instructions("ENTRYPOINT"))
                .singleElement()
                .asString()
                .contains("io.truecount.sim.SimulatorsMain");
    }

    @Test
    void composeFile_runsPostgres16_twoReplicas_andTheSimulators_referringOnlyToWhatExists() throws IOException {
        ComposeFile compose = ComposeFile.read();
        assertThat(compose.services()).containsOnlyKeys("postgres", "simulators", "truecount");
        assertThat(compose.service("postgres").get("image")).asString().startsWith("postgres:16");
        assertThat(ComposeFile.map(compose.service("truecount").get("deploy"))).containsEntry("replicas", 2);

        Map<String, String> postgres = compose.environment("postgres");
        Map<String, String> server = compose.environment("truecount");
        List<String> command = compose.command("truecount");
        assertThat(command).startsWith("serve");
        assertThat(command.get(command.indexOf("--db") + 1))
                .isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
        assertThat(server)
                .containsEntry("SPRING_DATASOURCE_USERNAME", postgres.get("POSTGRES_USER"))
                .containsEntry("SPRING_DATASOURCE_PASSWORD", postgres.get("POSTGRES_PASSWORD"))
                .containsEntry("TRUECOUNT_LOG_FORMAT", "json");
        assertThat(command.get(command.indexOf("--config") + 1)).isEqualTo("/config/truecount.yaml");
        assertThat(compose.service("truecount").get("volumes")).asList().contains("./config:/config:ro");
        assertThat(ComposeFile.DOCKER.resolve("config/truecount.yaml")).exists();
        assertThat(Integer.parseInt(String.valueOf(compose.service("truecount").get("stop_grace_period"))
                        .replace("s", "")))
                .as("longer than the server's 20 s shutdown grace")
                .isGreaterThan(20);

        List<String> stages = Stage.parse(Files.readString(ComposeFile.DOCKER.resolve("Dockerfile"))).stream()
                .map(Stage::name)
                .toList();
        for (Map.Entry<String, Object> service : compose.services().entrySet()) {
            Map<String, Object> build =
                    ComposeFile.map(ComposeFile.map(service.getValue()).get("build"));
            if (!build.isEmpty()) {
                Path context = ComposeFile.DOCKER
                        .resolve(String.valueOf(build.get("context")))
                        .normalize();
                assertThat(context).isEqualTo(ROOT);
                assertThat(context.resolve(String.valueOf(build.get("dockerfile"))))
                        .exists();
                assertThat(stages).contains(String.valueOf(build.get("target")));
            }
            for (String dependency : ComposeFile.map(
                            ComposeFile.map(service.getValue()).get("depends_on"))
                    .keySet()) {
                assertThat(compose.services()).containsKey(dependency);
            }
            Object volumes = ComposeFile.map(service.getValue()).get("volumes");
            for (Object volume : volumes == null ? List.of() : (List<?>) volumes) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(ComposeFile.DOCKER.resolve(source)).exists();
                } else {
                    assertThat(compose.volumes()).containsKey(source);
                }
            }
        }
    }

    @Test
    void composeFile_givesTheServerEveryVariableTheSampleNeeds_withTheCredentialsTheSimulatorsAccept()
            throws IOException {
        Map<String, String> server = ComposeFile.read().environment("truecount");
        Matcher needed = Pattern.compile("\\$\\{([A-Z0-9_]+)}")
                .matcher(Files.readString(ComposeFile.DOCKER.resolve("config/truecount.yaml")));
        Set<String> variables = new TreeSet<>();
        while (needed.find()) {
            variables.add(needed.group(1));
        }

        assertThat(variables).hasSizeGreaterThanOrEqualTo(8);
        assertThat(server).containsKeys(variables.toArray(String[]::new));
        // SimulatorsMain serves SampleMsp seed 42, 40 customers; the credentials do not depend on when.
        SampleCredentials ninja = SampleMsp.generate(42, 40, Instant.now()).ninjaOneClient();
        assertThat(server)
                .containsEntry("NINJA_CLIENT_ID", ninja.clientId())
                .containsEntry("NINJA_CLIENT_SECRET", ninja.clientSecret())
                .containsEntry("QBO_CLIENT_ID", QuickBooksSimulator.DEFAULT_CLIENT_ID)
                .containsEntry("QBO_CLIENT_SECRET", QuickBooksSimulator.DEFAULT_CLIENT_SECRET)
                .containsEntry("QBO_REFRESH_TOKEN", QuickBooksSimulator.DEFAULT_REFRESH_TOKEN)
                .containsEntry("QBO_REALM_ID", QuickBooksSimulator.DEFAULT_REALM_ID)
                .containsEntry("STRIPE_API_KEY", StripeSimulator.DEFAULT_API_KEY)
                .containsEntry("STRIPE_WEBHOOK_SECRET", StripeSimulator.DEFAULT_WEBHOOK_SECRET);
    }

    @Test
    void dockerComposeConfig_acceptsTheFile_whereAComposeClientIsInstalled() throws Exception {
        List<String> client = composeClient();
        Assumptions.assumeTrue(
                client != null,
                "no Docker Compose client here (neither `docker compose` nor `docker-compose` answers); compose.yaml"
                        + " is checked by reading it instead");
        List<String> command = new ArrayList<>(client);
        command.addAll(List.of("-f", ComposeFile.DOCKER.resolve("compose.yaml").toString(), "config", "--quiet"));
        Command config = Command.run(ROOT, Map.of(), MINUTE, command);
        assertThat(config.exitCode()).as(config.toString()).isZero();
    }

    /** {@code docker compose} or {@code docker-compose}, whichever answers; null when neither does. */
    private List<String> composeClient() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            try {
                if (Command.run(dir, Map.of(), MINUTE, version).exitCode() == 0) {
                    return candidate;
                }
            } catch (IOException | InterruptedException | AssertionError notInstalled) {
                // try the next
            }
        }
        return null;
    }

    /** docker/Dockerfile.dockerignore excludes everything but the paths it names with {@code !}. */
    private static Set<String> admittedByDockerignore() throws IOException {
        List<String> lines = Files.readAllLines(ComposeFile.DOCKER.resolve("Dockerfile.dockerignore")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertThat(lines.get(0)).isEqualTo("*");
        return new TreeSet<>(lines.stream().skip(1).map(l -> l.substring(1)).toList());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
