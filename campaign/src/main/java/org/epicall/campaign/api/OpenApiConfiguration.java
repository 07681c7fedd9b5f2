package org.epicall.campaign.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI epicallOpenApi() {
        return new OpenAPI()
                .info(new Info().title("epicall campaign API").version("0.1.0")
                        .description("Health check-in call campaigns. Errors are RFC 9457 problem details."
                                + " Roles: OFFICIAL manages campaigns and sees residents' names, phone numbers and"
                                + " roster values (to call flagged residents back); ANALYST reads, and sees residents"
                                + " only by the pseudonymous contactRef that the result events on"
                                + " epicall.survey-results carry. Each operation says what each role gets."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
