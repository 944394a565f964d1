package org.socialsuite.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import org.socialsuite.localstack.services.ServiceProcess;

/** A consumer's action on the simulator's console API, as the console page makes it. */
final class SimulatorConsole {

    private SimulatorConsole() {}

    /** Posts the action and returns the id of what it created (a post, comment, message). */
    static String act(ServiceProcess simulator, String path, Map<String, ?> body) {
        return given().baseUri(simulator.baseUrl())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/console/api" + path)
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }
}
