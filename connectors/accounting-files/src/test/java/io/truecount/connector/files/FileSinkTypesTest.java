package io.truecount.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTypesTest {

    @TempDir
    Path directory;

    @Test
    void serviceLoader_findsBothFileTypes() {
        assertThat(ServiceLoader.load(ConnectorType.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(type -> type.name().endsWith("-files"))
                .hasSize(2)
                .allSatisfy(type -> {
                    assertThat(type.role()).isEqualTo(ConnectorRole.ACCOUNTING);
                    assertThat(type.requiredCredentials()).isEmpty();
                    assertThat(type.optionKeys()).containsExactly("directory");
                    assertThat(type.receivesWebhooks()).isFalse();
                });
    }

    @Test
    void checkConnection_makesTheDirectory() {
        Path nested = directory.resolve("exports/accounting");

        new CsvFilesConnectorType()
                .createSink(settings("csv-files", nested), null)
                .checkConnection();

        assertThat(nested).isDirectory();
    }

    @Test
    void checkConnection_onAPathThatIsAFile_saysSoInOneLine() throws IOException {
        Path file = Files.writeString(directory.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> new UblFilesConnectorType()
                        .createSink(settings("ubl-files", file), null)
                        .checkConnection())
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("connector 'files'")
                .hasMessageContaining("cannot write files in " + file)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    static ConnectorSettings settings(String type, Path directory) {
        return new ConnectorSettings(
                "files",
                type,
                null,
                null,
                Map.of(),
                null,
                null,
                Map.of(),
                null,
                Map.of("directory", directory.toString()));
    }
}
