package dev.hlm.cli.check;

import java.util.ArrayList;
import java.util.List;

/** The rows of a pre-flight run, in the order they were checked. */
final class Checklist {
    private final List<CheckResult> rows = new ArrayList<>();

    void pass(Check check, String observed) {
        add(check, CheckStatus.PASS, observed, null);
    }

    void warn(Check check, String observed, String remedy) {
        add(check, CheckStatus.WARN, observed, remedy);
    }

    void fail(Check check, String observed, String remedy) {
        add(check, CheckStatus.FAIL, observed, remedy);
    }

    void skip(Check check, String why) {
        add(check, CheckStatus.SKIP, why, null);
    }

    void skip(Check check, String why, String remedy) {
        add(check, CheckStatus.SKIP, why, remedy);
    }

    private void add(Check check, CheckStatus status, String observed, String remedy) {
        rows.add(new CheckResult(check.id(), check.title(), status, observed, remedy));
    }

    List<CheckResult> rows() {
        return List.copyOf(rows);
    }
}
