package org.epicall.app.demo.summary;

import java.util.List;

/**
 * A resident whose answers fired triage rules and who awaits a follow-up call.
 *
 * @param contactRef pseudonymous contact reference, as in the results
 * @param label      how the demo knows the resident (e.g. the simulated number and persona), or empty
 * @param flags      ids of the triage rules that fired
 */
public record FlaggedResident(String contactRef, String label, List<String> flags) {

    public FlaggedResident {
        flags = List.copyOf(flags);
        label = label == null ? "" : label;
    }
}
