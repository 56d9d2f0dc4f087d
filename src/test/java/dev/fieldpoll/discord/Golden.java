package dev.fieldpoll.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares JSON the bot sends with a reviewed file under src/test/resources/golden/discord/, as
 * JSON (key order and spacing do not matter). Run with -Dgolden.update=true to rewrite the files
 * after an intended change, then review the diff.
 */
final class Golden {

    static final Path FOLDER = Path.of("src", "test", "resources", "golden", "discord");

    private Golden() {}

    static void assertMatches(String name, JsonNode sent) {
        Path file = FOLDER.resolve(name + ".json");
        JsonNode actual = sent.deepCopy();
        // JDA sends a random nonce with each new message: not part of what the bot renders.
        if (actual instanceof ObjectNode message) {
            message.remove("nonce");
        }
        String pretty = pretty(actual);
        if (Boolean.getBoolean("golden.update")) {
            try {
                Files.createDirectories(FOLDER);
                Files.writeString(file, pretty + "\n", StandardCharsets.UTF_8);
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
            return;
        }
        assertThat(file)
                .as("golden file %s (create it with -Dgolden.update=true)", file)
                .exists();
        JsonNode expected;
        try {
            expected = FakeDiscord.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        assertThat(pretty).as("JSON sent to Discord vs golden file %s", file).isEqualTo(pretty(expected));
    }

    private static String pretty(JsonNode json) {
        try {
            return FakeDiscord.JSON
                    .copy()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(FakeDiscord.JSON.treeToValue(json, Object.class));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
