package org.epicall.app.scale;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The campaign service's REST API as an official's script uses it: a personal API token, JSON back. */
final class CampaignApi {

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    CampaignApi(int port, String token) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.token = token;
    }

    /** True once the service answers an authenticated request. */
    boolean answers() {
        try {
            return send(HttpRequest.newBuilder(base.resolve("/api/campaigns/defaults")).GET()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates a campaign from a roster and a known questionnaire, waiting for the import; its id. */
    String create(String name, String rosterCsv, String questionnaireRef, String scheduleJson) throws IOException {
        String boundary = "epicall-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : Map.of("name", name, "questionnaireRef", questionnaireRef,
                "wait", "true", "schedule", scheduleJson, "region", "KR", "language", "ko").entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"roster\"; filename=\"roster.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n" + rosterCsv + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/campaigns"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        if (response.statusCode() != 201) {
            throw new IOException("creating the campaign: " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).path("id").asString();
    }

    void start(String campaignId) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/campaigns/" + campaignId + "/start"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() / 100 != 2) {
            throw new IOException("starting the campaign: " + response.statusCode() + " " + response.body());
        }
    }

    /** Tries to start the campaign: the status and the body (a problem's detail says why not). */
    HttpResponse<String> tryStart(String campaignId) throws IOException {
        return send(HttpRequest.newBuilder(base.resolve("/api/campaigns/" + campaignId + "/start"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Renders the prompts without a recording; how many. */
    int renderPrompts(String campaignId) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/campaigns/" + campaignId
                + "/prompts/render")).POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 200) {
            throw new IOException("rendering the prompts: " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).size();
    }

    JsonNode progress(String campaignId) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/api/campaigns/" + campaignId
                + "/progress")).GET());
        if (response.statusCode() != 200) {
            throw new IOException("progress: " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
