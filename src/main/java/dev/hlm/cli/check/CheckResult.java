package dev.hlm.cli.check;

/**
 * One row of {@code hlm link check}, and its {@code --json} record.
 *
 * @param check a stable id for scripts, e.g. {@code psc-tcp}
 * @param title what was checked, for people
 * @param observed what hlm saw
 * @param remedy what to do about a WARN or FAIL; null when there is nothing to do
 */
public record CheckResult(String check, String title, CheckStatus status, String observed, String remedy) {}
