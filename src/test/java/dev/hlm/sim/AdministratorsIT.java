package dev.hlm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hlm.sim.SimHttp.Reply;
import org.junit.jupiter.api.Test;

/** The HLM administrator groups in both flavors (docs/decisions.md B.7, decision D11). */
class AdministratorsIT extends CloudSession {
    private static final String API = "/api/hvc/management/administrators";
    private static final String REST = "/rest/hvc/management/administrators";

    @Test
    void apiStorySetAddRemoveAreIdempotent() {
        assertThat(http.get(API, admin).json()).isEqualTo(SimHttp.json("[]"));

        Reply set = http.put(API, "{\"group_names\": [\"a@corp.local\", \"b@corp.local\"]}", admin);
        assertThat(set.status()).isEqualTo(204);
        assertThat(http.get(API, admin).json()).isEqualTo(SimHttp.json("[\"a@corp.local\", \"b@corp.local\"]"));

        for (int i = 0; i < 2; i++) {
            assertThat(http.post(API + "?action=add", "{\"group_name\": \"ops@corp.local\"}", admin).status())
                    .isEqualTo(204);
        }
        assertThat(sim.administrators()).containsExactlyInAnyOrder("a@corp.local", "b@corp.local", "ops@corp.local");

        for (int i = 0; i < 2; i++) {
            assertThat(http.post(API + "?action=remove", "{\"group_name\": \"a@corp.local\"}", admin).status())
                    .isEqualTo(204);
        }
        assertThat(sim.administrators()).containsExactlyInAnyOrder("b@corp.local", "ops@corp.local");

        assertThat(http.put(API, "{\"group_names\": [\"only@corp.local\"]}", admin).status()).isEqualTo(204);
        assertThat(sim.administrators()).containsExactly("only@corp.local");
    }

    @Test
    void restWrapsTheListAndAnswers200WithNoBodyForChanges() {
        Reply add = http.post(REST + "?action=add", "{\"group_name\": \"ops@corp.local\"}", admin);
        assertThat(add.status()).isEqualTo(200);
        assertThat(add.body()).isEmpty();
        assertThat(http.get(REST, admin).json()).isEqualTo(SimHttp.json("{\"value\": [\"ops@corp.local\"]}"));
        Reply set = http.put(REST, "{\"group_names\": []}", admin);
        assertThat(set.status()).isEqualTo(200);
        assertThat(http.get(REST, admin).json()).isEqualTo(SimHttp.json("{\"value\": []}"));
    }

    @Test
    void badGroupNamesAreInvalidArgumentAndChangeNothing() {
        http.put(API, "{\"group_names\": [\"keep@corp.local\"]}", admin);
        Reply add = http.post(API + "?action=add", "{\"group_name\": \"no-domain\"}", admin);
        assertThat(add.status()).isEqualTo(400);
        assertThat(add.errorType()).isEqualTo("INVALID_ARGUMENT");
        assertThat(add.message()).contains("group@domain");

        Reply set = http.put(API, "{\"group_names\": [\"ok@corp.local\", \"bad\"]}", admin);
        assertThat(set.errorType()).isEqualTo("INVALID_ARGUMENT");
        Reply missing = http.put(API, "{}", admin);
        assertThat(missing.errorType()).isEqualTo("INVALID_ARGUMENT");
        assertThat(missing.message()).contains("group_names");
        assertThat(sim.administrators()).containsExactly("keep@corp.local");
    }

    @Test
    void readingNeedsSystemReadAndChangingNeedsHlmManage() {
        String[] readOnly = SimHttp.session(http.loginApi(sim.readOnlyUsername(), sim.readOnlyPassword()));
        assertThat(http.get(API, readOnly).status()).isEqualTo(200);
        Reply add = http.post(API + "?action=add", "{\"group_name\": \"ops@corp.local\"}", readOnly);
        assertThat(add.status()).isEqualTo(403);
        assertThat(add.errorType()).isEqualTo("UNAUTHORIZED");
        assertThat(add.message()).contains("HLM.Manage");
        assertThat(sim.administrators()).isEmpty();
    }
}
