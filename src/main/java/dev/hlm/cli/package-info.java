/**
 * The {@code hlm} command line: picocli commands grouped by noun ({@code link}, {@code admin}), one verb per
 * file, shared option mixins with {@code HLM_*} environment fallbacks, one error handler that maps every
 * failure to a one-line message, a hint and a documented exit code ({@link dev.hlm.cli.ExitCodes}).
 */
package dev.hlm.cli;
