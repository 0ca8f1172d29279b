package dev.hlm.sim;

import dev.hlm.api.Flavor;
import dev.hlm.api.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Login, who-am-I and logout in both flavors (docs/decisions.md B.3), for the cloud vCenter and the PSC alike.
 * A token works in both flavors; the legacy login also sets the cookie the original script relies on
 * (decision D4).
 */
final class SessionRoutes implements Router.Authenticator {
    private final List<Account> accounts;
    private final SessionStore sessions;

    SessionRoutes(List<Account> accounts, SessionStore sessions) {
        this.accounts = List.copyOf(accounts);
        this.sessions = sessions;
    }

    void register(Router router, Flavor flavor) {
        String path = flavor.sessionPath().substring(flavor.prefix().length());
        router.add("POST", flavor, path, null, Access.PUBLIC, this::login);
        if (flavor == Flavor.API) {
            router.add("GET", flavor, path, null, Access.SESSION, this::whoAmI);
        } else {
            router.add("POST", flavor, path, "get", Access.SESSION, this::whoAmI);
        }
        router.add("DELETE", flavor, path, null, Access.SESSION, this::logout);
    }

    @Override
    public Session authenticate(SimRequest request) {
        return Router.sessionToken(request).flatMap(sessions::use).orElseThrow(Errors::authenticationRequired);
    }

    private SimResponse login(Call call) {
        SimRequest.BasicCredentials credentials =
                call.request().basicCredentials().orElseThrow(Errors::authenticationRequired);
        Account account = find(credentials).orElseThrow(Errors::loginRefused);
        Session session = sessions.open(account);
        if (call.flavor() == Flavor.API) {
            return Responses.created(Flavor.API, session.token());
        }
        return Responses.ok(Flavor.REST, session.token()).withHeader("Set-Cookie",
                Paths.SESSION_COOKIE + "=" + session.token() + "; Path=/rest; Secure; HttpOnly");
    }

    private Optional<Account> find(SimRequest.BasicCredentials credentials) {
        try {
            return accounts.stream()
                    .filter(a -> a.hasName(credentials.user()) && a.hasPassword(credentials.password()))
                    .findFirst();
        } finally {
            Arrays.fill(credentials.password(), '\0');
        }
    }

    private SimResponse whoAmI(Call call) {
        return Responses.ok(call.flavor(), call.session().info());
    }

    private SimResponse logout(Call call) {
        sessions.close(call.session());
        SimResponse done = Responses.done(call.flavor());
        return call.flavor() == Flavor.REST
                ? done.withHeader("Set-Cookie", Paths.SESSION_COOKIE + "=; Path=/rest; Max-Age=0; Secure; HttpOnly")
                : done;
    }
}
