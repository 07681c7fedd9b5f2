package org.epicall.campaign.cli;

import java.io.PrintWriter;
import org.epicall.campaign.auth.ApiTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code epicall campaign-service new-api-token}: makes a personal API token and the line that configures it. */
@Command(name = "new-api-token", mixinStandardHelpOptions = true,
        description = "Make a personal API token for a user. Give the token to the user once; configure only its"
                + " SHA-256 (printed) under epicall.campaign.security.users[N].api-tokens.")
public final class ApiTokenCommand implements Runnable {

    @Option(names = "--user", defaultValue = "USER", description = "the user the token is for (only printed)")
    String user;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        String token = ApiTokens.newToken();
        PrintWriter out = spec.commandLine().getOut();
        out.println("token: " + token);
        out.println("configure: api-tokens: [\"" + ApiTokens.configured(token) + "\"]   # for user " + user);
        out.println("use: curl -H 'Authorization: Bearer " + token + "' http://localhost:8080/api/me");
        out.flush();
    }
}
