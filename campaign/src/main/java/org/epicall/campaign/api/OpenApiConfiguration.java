package org.epicall.campaign.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI epicallOpenApi() {
        return new OpenAPI()
                .info(new Info().title("epicall campaign API").version("0.1.0")
                        .description("Health check-in call campaigns. Errors are RFC 9457 problem details."
                                + " Roles: OFFICIAL manages campaigns and sees residents' names, phone numbers and"
                                + " roster values (to call flagged residents back); ANALYST reads, and sees residents"
                                + " only by the pseudonymous contactRef that the result events on"
                                + " epicall.survey-results carry. Each operation says what each role gets."
                                + " API clients send a personal API token: Authorization: Bearer <token>."))
                .components(new Components()
                        .addSecuritySchemes("apiToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("a personal API token (epicall campaign-service new-api-token)"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("apiToken"));
    }

    /**
     * Every operation may answer with the API's problem details: 400 (a parameter or upload it cannot use),
     * 401 (no or unknown credentials), 403 (the role may not, or a session write without its CSRF token);
     * those on a campaign or another resource by id also 404, those that change something also 409
     * (not allowed in the resource's state), those that take a body also 415.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            add(operation, "400", "Bad request: a parameter or an upload the service cannot use");
            add(operation, "401", "Sign-in required: no API token, an unknown one, or no session");
            add(operation, "403", "The caller's role may not do this, or a session write came without its CSRF token");
            if (path.contains("{")) {
                add(operation, "404", "No such campaign or resource");
            }
            if (method != PathItem.HttpMethod.GET) {
                add(operation, "409", "Not allowed in the resource's current state");
            }
            if (operation.getRequestBody() != null) {
                add(operation, "415", "The body is not of a media type this operation takes");
            }
        }));
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().computeIfAbsent(status, s -> new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem detail; some problems add fields such as file,"
                        + " line, field or problems")
                .properties(Map.of("type", new StringSchema().format("uri"), "title", new StringSchema(),
                        "status", new IntegerSchema(), "detail", new StringSchema(), "instance", new StringSchema()));
    }
}
