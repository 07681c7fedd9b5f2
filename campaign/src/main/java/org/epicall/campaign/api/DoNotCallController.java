package org.epicall.campaign.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.epicall.campaign.config.CampaignProperties;
import org.epicall.campaign.roster.DoNotCallList;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The do-not-call list (OFFICIAL only: it holds phone numbers). */
@RestController
@RequestMapping("/api/do-not-call")
@Tag(name = "Do not call", description = "Numbers no campaign may call")
class DoNotCallController {

    private final DoNotCallList list;
    private final CampaignProperties properties;

    DoNotCallController(DoNotCallList list, CampaignProperties properties) {
        this.list = list;
        this.properties = properties;
    }

    /**
     * @param phone  number as written
     * @param region region for a number without country code, or {@code null} for the configured default
     * @param reason why, for the record
     */
    record Entry(String phone, String region, String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a number; imports after this reject it")
    String add(@RequestBody Entry entry) {
        return list.add(entry.phone(), entry.region() == null ? properties.roster().defaultRegion() : entry.region(),
                entry.reason());
    }

    @GetMapping
    @Operation(summary = "The numbers on the list, in E.164")
    List<String> numbers() {
        return list.numbers();
    }
}
