package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The application serves the OpenAPI document of its API (kept in step with the code by a unit test). */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(2)
public class OpenApiDocumentIT {

    @Test
    public void servesTheOpenApiDocumentAtTheRoot() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(Keywarden.baseUrl() + "/openapi.yaml")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"),
                response.headers().toString());
        assertTrue(response.body().startsWith("openapi: 3.1"), response.body().substring(0, 40));
        assertTrue(response.body().contains("/api/v1/devices/{deviceId}/recovery-keys:"));
    }
}
