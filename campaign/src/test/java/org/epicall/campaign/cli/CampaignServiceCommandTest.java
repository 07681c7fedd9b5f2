package org.epicall.campaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.epicall.campaign.auth.ApiTokens;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CampaignServiceCommandTest {

    @Test
    void passesSpringBootArgumentsSuchAsTheProfileOnAsTheReadmeShows() {
        CampaignServiceCommand command = new CampaignServiceCommand();

        new CommandLine(command).parseArgs("--port", "8100", "--spring.profiles.active=postgres",
                "--data-dir", "./data/x", "--logging.level.root=info");

        assertThat(command.springArguments()).containsExactly("--spring.profiles.active=postgres",
                "--logging.level.root=info", "--server.port=8100", "--epicall.campaign.storage-dir=./data/x");
    }

    @Test
    void leavesThePortAndDataDirectoryToTheEnvironmentWhenTheyAreNotGiven() {
        CampaignServiceCommand command = new CampaignServiceCommand();

        new CommandLine(command).parseArgs();

        // SERVER_PORT and EPICALL_CAMPAIGN_STORAGEDIR then decide, as environment variables outrank application.yaml
        assertThat(command.springArguments()).isEmpty();
    }

    @Test
    void makesAnApiTokenAndTheHashToConfigure() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new CampaignServiceCommand());
        cli.setOut(new PrintWriter(out));

        assertThat(cli.execute("new-api-token", "--user", "analyst")).isZero();

        String token = out.toString().lines().filter(l -> l.startsWith("token: ")).findFirst().orElseThrow()
                .substring("token: ".length());
        assertThat(out.toString()).contains(ApiTokens.configured(token)).contains("for user analyst");
    }
}
