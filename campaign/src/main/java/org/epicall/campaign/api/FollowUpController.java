package org.epicall.campaign.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.contact.FollowUpStatus;
import org.epicall.campaign.followup.FollowUps;
import org.epicall.campaign.followup.RecordingNotFoundException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Follow-up work on flagged residents. What identifies a resident (name, number, their recorded voice)
 * is for officials only; the server decides it per role, and the security configuration refuses the
 * export and the recordings to anyone else.
 */
@RestController
@Tag(name = "Follow-up", description = "Flagged residents, their answers, and the call backs")
class FollowUpController {

    private static final MediaType WAV = MediaType.parseMediaType("audio/wav");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final FollowUps followUps;
    private final Campaigns campaigns;

    FollowUpController(FollowUps followUps, Campaigns campaigns) {
        this.followUps = followUps;
        this.campaigns = campaigns;
    }

    @GetMapping("/api/campaigns/{id}/flagged")
    @Operation(summary = "Residents flagged by triage rules, newest survey first",
            description = "By default those not yet followed up. OFFICIAL gets each resident's name and phone number"
                    + " to call them back. ANALYST gets neither: only contactRef, the same reference the resident's"
                    + " result events on epicall.survey-results carry, with the flags and the survey time.")
    List<FlaggedResidentView> flagged(@PathVariable String id,
                                      @Parameter(description = "only residents with this triage flag")
                                      @RequestParam(name = "flag", required = false) String flag,
                                      @Parameter(description = "awaiting (default), followed-up or all")
                                      @RequestParam(name = "status", defaultValue = "awaiting") String status,
                                      Authentication caller) {
        Viewer viewer = Viewer.of(caller);
        return followUps.flagged(id, blankToNull(flag), status(status)).stream()
                .map(resident -> FlaggedResidentView.of(resident, viewer)).toList();
    }

    @GetMapping(path = "/api/campaigns/{id}/flagged.csv", produces = "text/csv")
    @Operation(summary = "The flagged residents as CSV, for the people who call them back (OFFICIAL, audited)",
            description = "Columns: contact_ref, name, phone, language, triage_flags, surveyed_at, followed_up_at, then"
                    + " one per question with the latest survey's answer. UTF-8 with a byte-order mark. ANALYST gets 403.")
    void export(@PathVariable String id,
                @RequestParam(name = "flag", required = false) String flag,
                @RequestParam(name = "status", defaultValue = "awaiting") String status,
                @Parameter(description = "time zone of the times, e.g. Asia/Seoul; UTC by default")
                @RequestParam(name = "zone", required = false) String zone,
                HttpServletResponse response) throws IOException {
        FollowUpStatus which = status(status);
        ZoneId timeZone = zone(zone);
        campaigns.get(id); // an unknown campaign gets its problem detail before the CSV begins
        response.setContentType(CSV.toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("flagged-" + id + ".csv").build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        followUps.export(id, blankToNull(flag), which, timeZone, out);
    }

    @GetMapping("/api/campaigns/{id}/residents/{contactRef}")
    @Operation(summary = "A resident's answers and how each was given: voice, keypad, asked again",
            description = "OFFICIAL gets name, phone and which spoken answers have a recording to play. ANALYST gets"
                    + " the resident by contactRef only, with the answers and transcripts the result events carry.")
    ResidentView resident(@PathVariable String id, @PathVariable String contactRef, Authentication caller) {
        return followUps.resident(id, contactRef)
                .map(answers -> ResidentView.of(answers, Viewer.of(caller), a -> followUps.hasRecording(id, a)))
                .orElseThrow(() -> new NotFoundException("resident-not-found",
                        "campaign " + id + " has no resident " + contactRef));
    }

    @GetMapping(path = "/api/campaigns/{id}/residents/{contactRef}/recordings/{attemptId}/{questionId}",
            produces = "audio/wav")
    @Operation(summary = "The recording of a resident's spoken answer (OFFICIAL, audited)",
            description = "8 kHz mono WAV as the dialer recorded it. Each listen is written to the audit log (a"
                    + " request for a later byte range of the same listen is not). ANALYST gets 403.")
    ResponseEntity<Resource> recording(@PathVariable String id, @PathVariable String contactRef,
                                       @PathVariable String attemptId, @PathVariable String questionId,
                                       @RequestHeader(name = HttpHeaders.RANGE, required = false) String range) {
        boolean startsListening = range == null || range.replace(" ", "").startsWith("bytes=0-");
        Path file = followUps.recording(id, contactRef, attemptId, questionId, startsListening);
        return ResponseEntity.ok()
                .contentType(WAV)
                .cacheControl(CacheControl.noStore())
                .body(new FileSystemResource(file));
    }

    @PostMapping("/api/campaigns/{id}/flagged/{contactRef}/followed-up")
    @Operation(summary = "Record that a flagged resident was followed up (OFFICIAL, audited)")
    ResponseEntity<Void> followedUp(@PathVariable String id, @PathVariable String contactRef) {
        if (!followUps.markFollowedUp(id, contactRef)) {
            throw new BadRequestException("contactRef", "no contact '" + contactRef + "' in campaign " + id);
        }
        return ResponseEntity.noContent().build();
    }

    private static FollowUpStatus status(String status) {
        try {
            return FollowUpStatus.valueOf(status.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("status", "status must be awaiting, followed-up or all, was '" + status + "'");
        }
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new BadRequestException("zone", "zone '" + zone + "' is not a time zone such as Asia/Seoul or UTC");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
