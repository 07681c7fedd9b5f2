package org.epicall.campaign.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.epicall.campaign.testsupport.CampaignTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CampaignTest
class ServiceDatabaseUserTest {

    @Autowired JdbcClient jdbc;

    @Test
    void theServiceSignsInToANewH2DatabaseAsItsOwnUserNotSa() {
        assertThat(jdbc.sql("SELECT CURRENT_USER").query(String.class).single()).isEqualToIgnoringCase("epicall");
    }
}
