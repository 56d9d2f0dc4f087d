package dev.fieldpoll.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks rendered Block Kit JSON against Slack's published limits (Block Kit reference): block
 * counts, text lengths, element counts, id lengths and uniqueness. Returns the violations found.
 */
final class BlockKitLimits {

    private final List<String> violations = new ArrayList<>();

    static List<String> message(JsonNode blocks) {
        BlockKitLimits check = new BlockKitLimits();
        check.blocks(blocks, 50, "message");
        return check.violations;
    }

    static List<String> modal(JsonNode view) {
        BlockKitLimits check = new BlockKitLimits();
        check.text(view.path("title"), 24, "modal title");
        check.text(view.path("submit"), 24, "modal submit");
        check.text(view.path("close"), 24, "modal close");
        check.max(view.path("private_metadata").asText().length(), 3000, "private_metadata length");
        check.max(view.path("callback_id").asText().length(), 255, "callback_id length");
        check.blocks(view.path("blocks"), 100, "modal");
        return check.violations;
    }

    private void blocks(JsonNode blocks, int maxBlocks, String surface) {
        max(blocks.size(), maxBlocks, surface + " blocks");
        Set<String> blockIds = new HashSet<>();
        for (JsonNode block : blocks) {
            String type = block.path("type").asText();
            if (block.has("block_id")) {
                String id = block.path("block_id").asText();
                max(id.length(), 255, "block_id length");
                if (!blockIds.add(id)) {
                    violations.add("block_id " + id + " appears twice");
                }
            }
            switch (type) {
                case "header":
                    text(block.path("text"), 150, "header text");
                    require(block.path("text").path("type").asText().equals("plain_text"), "header text is plain_text");
                    break;
                case "section":
                    text(block.path("text"), 3000, "section text");
                    max(block.path("fields").size(), 10, "section fields");
                    break;
                case "context":
                    max(block.path("elements").size(), 10, "context elements");
                    block.path("elements").forEach(element -> text(element, 3000, "context text"));
                    break;
                case "actions":
                    max(block.path("elements").size(), 25, "actions elements");
                    Set<String> actionIds = new HashSet<>();
                    for (JsonNode element : block.path("elements")) {
                        element(element);
                        if (!actionIds.add(element.path("action_id").asText())) {
                            violations.add(
                                    "action_id " + element.path("action_id").asText() + " appears twice");
                        }
                    }
                    break;
                case "input":
                    text(block.path("label"), 2000, "input label");
                    text(block.path("hint"), 2000, "input hint");
                    element(block.path("element"));
                    break;
                case "divider":
                    break;
                default:
                    violations.add("unexpected block type " + type);
            }
        }
    }

    private void element(JsonNode element) {
        max(element.path("action_id").asText().length(), 255, "action_id length");
        require(!element.path("action_id").asText().isEmpty(), "every element has an action_id");
        switch (element.path("type").asText()) {
            case "button":
                text(element.path("text"), 75, "button text");
                max(element.path("value").asText().length(), 2000, "button value");
                break;
            case "static_select":
                text(element.path("placeholder"), 150, "select placeholder");
                max(element.path("options").size(), 100, "select options");
                require(element.path("options").size() > 0, "a select has options");
                Set<String> values = new HashSet<>();
                for (JsonNode option : element.path("options")) {
                    text(option.path("text"), 75, "option text");
                    max(option.path("value").asText().length(), 150, "option value");
                    if (!values.add(option.path("value").asText())) {
                        violations.add("option value " + option.path("value").asText() + " appears twice");
                    }
                }
                JsonNode initial = element.path("initial_option");
                if (!initial.isMissingNode() && !initial.isNull()) {
                    boolean listed = false;
                    for (JsonNode option : element.path("options")) {
                        listed |= option.equals(initial);
                    }
                    require(listed, "initial_option is one of the options");
                }
                break;
            case "plain_text_input":
                text(element.path("placeholder"), 150, "input placeholder");
                break;
            default:
                violations.add("unexpected element type " + element.path("type").asText());
        }
    }

    private void text(JsonNode text, int max, String what) {
        if (text.isMissingNode() || text.isNull()) {
            return;
        }
        String value = text.path("text").asText();
        require(!value.isEmpty(), what + " is not empty");
        max(value.length(), max, what);
    }

    private void max(int actual, int max, String what) {
        if (actual > max) {
            violations.add(what + " is " + actual + ", over Slack's limit of " + max);
        }
    }

    private void require(boolean condition, String what) {
        if (!condition) {
            violations.add("expected: " + what);
        }
    }
}
