package dev.fieldpoll.poll;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A member's request for a new poll: from a template (the default one when none is named),
 * or ad hoc from typed field and factor names on the 1–5 scale; optionally only for members
 * holding one role; {@code remind} false turns its closing-soon post off, {@code announce} false its
 * results post at close; {@code scale} is an ad-hoc poll's (a template brings its own).
 */
public record CreateRequest(
        Optional<String> templateKey,
        Optional<String> title,
        List<String> adHocFields,
        List<String> adHocFactors,
        ResultsVisibility visibility,
        Optional<Instant> closesAt,
        Optional<String> eligibleRole,
        boolean remind,
        boolean announce,
        Scale scale) {

    public CreateRequest {
        scale = scale == null ? Scale.ONE_TO_FIVE : scale;
        adHocFields = List.copyOf(adHocFields);
        adHocFactors = List.copyOf(adHocFactors);
        visibility = visibility == null ? ResultsVisibility.AFTER_VOTE : visibility;
        eligibleRole = eligibleRole == null ? Optional.empty() : eligibleRole;
    }

    public boolean isAdHoc() {
        return !adHocFields.isEmpty() || !adHocFactors.isEmpty();
    }
}
