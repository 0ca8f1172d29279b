package dev.hlm.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A terminal with a person who gives the scripted answers, in order, and whose prompts the test can read.
 * A prompt with no answer left fails the test: every question hlm asks is one the test expected.
 */
final class ScriptedTerminal implements Terminal {
    private final Deque<String> answers = new ArrayDeque<>();
    private final List<String> prompts = new ArrayList<>();
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
        beforeEachAnswer.run();
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected prompt: " + prompt);
        }
        return answers.removeFirst();
    }
}
