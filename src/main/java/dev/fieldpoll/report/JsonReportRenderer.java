package dev.fieldpoll.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/** A report as JSON with snake_case keys: the format scripts and later exports read. */
public final class JsonReportRenderer {

    private final ObjectMapper json = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public String render(PollReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException bug) {
            throw new IllegalStateException("a report could not be written as JSON", bug);
        }
    }
}
