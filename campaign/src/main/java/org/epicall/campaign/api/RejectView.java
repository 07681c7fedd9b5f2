package org.epicall.campaign.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.epicall.campaign.roster.RosterReject;

/**
 * One line of the rejects report, as the caller's role may see it.
 *
 * @param lineNumber roster line (the header is line 1)
 * @param reason     why the row was not imported; for analysts with the row's values hidden
 */
@Schema(description = "A roster row that was not imported. OFFICIAL gets the reason as written, quoting the row's"
        + " values (e.g. phone '010-12' is not a valid KR number); ANALYST gets the same reason with quoted values"
        + " and numbers replaced by " + RosterValues.HIDDEN + " (phone " + RosterValues.HIDDEN
        + " is not a valid KR number).")
record RejectView(int lineNumber, String reason) {

    static RejectView of(RosterReject reject, Viewer viewer) {
        return new RejectView(reject.lineNumber(),
                viewer.seesResidents() ? reject.reason() : RosterValues.hide(reject.reason()));
    }
}
