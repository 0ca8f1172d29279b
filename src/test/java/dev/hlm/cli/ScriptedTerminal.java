package dev.hlm.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * A terminal with a person who gives the scripted answers, in order, and whose prompts the test can read.
 * A prompt with no answer left fails the test: every question hlm asks is one the test expected.
 */
final class ScriptedTerminal implements Terminal {
    private final Deque<String> answers = new ArrayDeque<>();
    private final List<String> prompts = new ArrayList<>();
    private final List<String> screens = new ArrayList<>();
    private Supplier<String> screen = () -> "";
    private Runnable beforeEachAnswer = () -> {};

    static ScriptedTerminal answering(String... answers) {
        ScriptedTerminal t = new ScriptedTerminal();
        t.answers.addAll(List.of(answers));
        return t;
    }

    /** Runs at each prompt, before the answer: to check what has (not) been sent while the person reads. */
    ScriptedTerminal beforeEachAnswer(Runnable check) {
        this.beforeEachAnswer = check;
        return this;
    }

    List<String> prompts() {
        return List.copyOf(prompts);
    }

    /**
     * What the person saw on stderr when each question came (a console prints the prompt just below it):
     * to check what is right above the question.
     */
    List<String> screensAtPrompts() {
        return List.copyOf(screens);
    }

    /** Set by {@link Cli}: the run's stderr so far. */
    void showing(Supplier<String> stderr) {
        this.screen = stderr;
    }

    @Override
    public boolean isInteractive() {
        return true;
    }

    @Override
    public char[] readSecret(String prompt) {
        String answer = answer(prompt);
        return answer == null ? null : answer.toCharArray();
    }

    @Override
    public String readLine(String prompt) {
        return answer(prompt);
    }

    private String answer(String prompt) {
        prompts.add(prompt);
        screens.add(screen.get());
        beforeEachAnswer.run();
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected prompt: " + prompt);
        }
        return answers.removeFirst();
    }
}
