package dev.hlm.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/** The client keeps its own copy of the password, leaves the caller's alone, and clears its copy on close. */
class ClientSecretsTest {
    @Test
    void theClientsCopyIsClearedOnClose() throws Exception {
        char[] given = "s3cret-pass".toCharArray();
        HlmClient client = HlmClient.builder().server("vc.example.com").username("u").password(given).build();
        char[] copy = (char[]) field(Session.class, "password").get(field(HlmClient.class, "session").get(client));
        assertThat(copy).isNotSameAs(given).containsExactly(given);

        client.close();   // never logged in: nothing is sent

        assertThat(copy).containsOnly('\0');
        assertThat(given).containsExactly("s3cret-pass".toCharArray());
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
