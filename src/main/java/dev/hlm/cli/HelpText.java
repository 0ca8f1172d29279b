package dev.hlm.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * How {@code --help} wraps its text: only at spaces, never inside a quoted example ({@code 'hlm link list'},
 * a JSON string, {@code "$(hlm sim --background)"}), and with continuation lines indented under the text
 * they continue. picocli breaks lines where the JDK's line-break rules allow, which splits
 * {@code ~/.config/hlm/known_hosts} after {@code ~/.}, {@code 7.0U2+} after {@code 7.0} and
 * {@code "DELETE"|"DELETE_WITH_CREDENTIALS"} between its strings, and wraps preformatted rows (the
 * environment table) back to the left margin.
 *
 * <p>The width is the terminal's, or {@code COLUMNS} when set (at least 55, picocli's least), else 80.
 *
 * <p>About 300 lines, on purpose: the wrapping rules and the two picocli hooks that apply them ({@code Wrapping}
 * for the sections, {@code SpaceWrappingTable} for the option table) stay together, so whoever changes a rule
 * sees every place it applies.
 */
final class HelpText {
    /** picocli refuses a narrower usage width. */
    static final int MIN_WIDTH = 55;
    /** Below this many columns of text after a row's gap, its continuation lines go under the row instead. */
    private static final int MIN_TEXT = 20;
    /** picocli's indent of a description's continuation lines in the options table. */
    private static final int CONTINUATION_INDENT = 2;

    private HelpText() {}

    /** Sets up {@code cli} (and its subcommands, already added) to wrap its help this way. */
    static void install(CommandLine cli, Map<String, String> env) {
        cli.setHelpFactory(Wrapping::new);
        Integer columns = columns(env.get("COLUMNS"));
        if (columns != null) {
            cli.setUsageHelpAutoWidth(false).setUsageHelpWidth(Math.max(MIN_WIDTH, columns));
        } else {
            cli.setUsageHelpAutoWidth(true);
        }
    }

    private static Integer columns(String value) {
        try {
            int n = value == null ? -1 : Integer.parseInt(value.strip());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * One line of free text (a paragraph of a description, a row of a footer table) wrapped to {@code width}.
     * Continuation lines are indented like the line, or, for a row with columns (a run of two or more
     * spaces after its indent), under its last column; when that leaves too little room, the last column
     * goes below the row.
     */
    static List<String> paragraph(String line, int width) {
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        int gap = indent > 0 ? lastGapEnd(line, indent) : -1;
        if (gap < 0) {
            return wrap(line, width, indent);
        }
        if (width - gap >= MIN_TEXT || line.length() <= width) {
            return wrap(line, width, gap);
        }
        // Too narrow for the last column beside the row: it goes on the lines below, indented.
        List<String> lines = new ArrayList<>(List.of(line.substring(0, gap).stripTrailing()));
        lines.addAll(wrap(" ".repeat(indent + 4) + line.substring(gap), width, indent + 4));
        return lines;
    }

    /** Where the text after the last run of two or more spaces (past the indent) starts; -1 if none. */
    private static int lastGapEnd(String line, int from) {
        int end = -1;
        for (int i = from; i + 2 < line.length(); i++) {
            if (line.charAt(i) == ' ' && line.charAt(i + 1) == ' ') {
                int j = i;
                while (j < line.length() && line.charAt(j) == ' ') {
                    j++;
                }
                end = j < line.length() ? j : end;
                i = j;
            }
        }
        return end;
    }

    /**
     * {@code text} in lines of at most {@code width} characters (a longer unbreakable word stands alone),
     * broken at spaces outside quotes; lines after the first start with {@code hanging} spaces.
     */
    static List<String> wrap(String text, int width, int hanging) {
        boolean[] breakable = breakableSpaces(text);
        List<String> lines = new ArrayList<>();
        String pad = " ".repeat(hanging);
        StringBuilder current = new StringBuilder();
        int i = 0;
        // The leading indent belongs to the first line, whatever it is.
        while (i < text.length() && text.charAt(i) == ' ') {
            current.append(' ');
            i++;
        }
        while (i < text.length()) {
            int wordEnd = i;
            while (wordEnd < text.length() && !breakable[wordEnd]) {
                wordEnd++;
            }
            String word = text.substring(i, wordEnd);
            int gapEnd = wordEnd;
            while (gapEnd < text.length() && breakable[gapEnd]) {
                gapEnd++;
            }
            String gap = text.substring(wordEnd, gapEnd);
            if (current.toString().isBlank() || current.length() + word.length() <= width) {
                current.append(word);
            } else {
                lines.add(strip(current));
                current = new StringBuilder(pad).append(word);
            }
            current.append(gap);
            i = gapEnd;
        }
        if (!current.toString().isBlank() || lines.isEmpty()) {
            lines.add(strip(current));
        }
        return lines;
    }

    private static String strip(StringBuilder line) {
        return line.toString().stripTrailing();
    }

    /**
     * The spaces a line may break at: those outside a quoted span, {@code '...'} (an apostrophe within a
     * word, as in vSphere's, is no quote) or {@code "..."}. When a quote is left open, every space.
     */
    private static boolean[] breakableSpaces(String text) {
        boolean[] breakable = new boolean[text.length()];
        char open = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean before = i > 0 && Character.isLetterOrDigit(text.charAt(i - 1));
            boolean after = i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
            if (open == 0 && c == '"') {
                open = '"';
            } else if (open == '"' && c == '"') {
                open = 0;
            } else if (open == 0 && c == '\'' && !before) {
                open = '\'';
            } else if (open == '\'' && c == '\'' && !after) {
                open = 0;
            } else if (c == ' ') {
                breakable[i] = open == 0;
            }
        }
        if (open != 0) {
            for (int i = 0; i < text.length(); i++) {
                breakable[i] = text.charAt(i) == ' ';
            }
        }
        return breakable;
    }

    /** The length of the longest run of {@code text} that {@link #wrap} cannot break. */
    static int longestUnbreakable(String text) {
        boolean[] breakable = breakableSpaces(text);
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = breakable[i] ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** picocli's help, with every section wrapped by the rules above. */
    private static final class Wrapping extends Help {
        Wrapping(CommandSpec spec, ColorScheme colorScheme) {
            super(spec, colorScheme);
        }

        private int width() {
            return commandSpec().usageMessage().width();
        }

        @Override
        public String description(Object... params) {
            return text(commandSpec().usageMessage().description(), params);
        }

        @Override
        public String header(Object... params) {
            return text(commandSpec().usageMessage().header(), params);
        }

        @Override
        public String footer(Object... params) {
            return text(commandSpec().usageMessage().footer(), params);
        }

        private String text(String[] paragraphs, Object... params) {
            StringBuilder out = new StringBuilder();
            for (String paragraph : paragraphs) {
                for (String line : String.format(paragraph, params).split("\\R", -1)) {
                    paragraph(line, width()).forEach(l -> out.append(l).append(System.lineSeparator()));
                }
            }
            return out.toString();
        }

        @Override
        public Layout createDefaultLayout() {
            return createDefaultLayout(commandSpec().options(), commandSpec().positionalParameters(), colorScheme());
        }

        /** picocli's columns (required marker, short option, comma, long options, description). */
        @Override
        public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
                ColorScheme scheme) {
            // The description column is kept wide enough for its longest unbreakable word (a path, a quoted
            // example) after the column's indent and the continuation indent, since a word wider than its cell
            // breaks picocli's table; long option names then span onto their own line.
            int longestWord = 0;
            for (OptionSpec option : options) {
                longestWord = Math.max(longestWord, longestUnbreakable(String.join(" ", option.description())));
            }
            for (PositionalParamSpec positional : positionals) {
                longestWord = Math.max(longestWord, longestUnbreakable(String.join(" ", positional.description())));
            }
            int longOptions = Math.min(calcLongOptionColumnWidth(options, positionals, scheme),
                    width() - 5 - (longestWord + 1 + CONTINUATION_INDENT));
            TextTable table = new SpaceWrappingTable(scheme, new Column(2, 0, Overflow.TRUNCATE),
                    new Column(2, 0, Overflow.SPAN), new Column(1, 0, Overflow.TRUNCATE),
                    new Column(longOptions, 1, Overflow.SPAN), new Column(width() - 5 - longOptions, 1, Overflow.WRAP));
            return new Layout(scheme, table, createDefaultOptionRenderer(), createDefaultParameterRenderer());
        }

        /** The exit codes: picocli's two columns. */
        @Override
        public TextTable createTextTable(Map<?, ?> map) {
            int keys = map.keySet().stream().mapToInt(k -> String.valueOf(k).length()).max().orElse(7);
            int first = Math.min(width() - MIN_TEXT, keys + 3);
            TextTable table = new SpaceWrappingTable(colorScheme(), new Column(first, 2, Overflow.SPAN),
                    new Column(width() - first, 2, Overflow.WRAP));
            map.forEach((key, value) -> table.addRowValues(String.valueOf(key), String.valueOf(value)));
            return table;
        }

        /** The subcommands, each with the first line of its header or description: picocli's two columns. */
        @Override
        public String commandList(Map<String, Help> subcommands) {
            if (subcommands.isEmpty()) {
                return "";
            }
            int names = subcommands.keySet().stream().mapToInt(String::length).max().orElse(0);
            int first = Math.min(names, width() / 2) + 2;
            TextTable table = new SpaceWrappingTable(colorScheme(), new Column(first, 2, Overflow.SPAN),
                    new Column(width() - first, 2, Overflow.WRAP));
            subcommands.forEach((name, help) -> {
                String[] header = help.commandSpec().usageMessage().header();
                String[] description = help.commandSpec().usageMessage().description();
                String summary = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
                table.addRowValues(help.commandNamesText(", "), colorScheme().text(String.format(summary)));
            });
            return table.toString();
        }
    }

    /** A picocli table whose wrapping columns break at spaces outside quotes, as {@link #wrap} does. */
    private static final class SpaceWrappingTable extends TextTable {
        private final ColorScheme scheme;

        SpaceWrappingTable(ColorScheme scheme, Column... columns) {
            super(scheme, columns);
            this.scheme = scheme;
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            Column column = columns()[col];
            if (column.overflow != Overflow.WRAP || value == null) {
                return super.putValue(row, col, value);
            }
            // A long option name that spanned into this cell keeps its line: the text starts on the next one.
            if (row < rowCount() && !textAt(row, col).plainString().isBlank()) {
                row++;
            }
            // Each line fits its cell, so picocli puts it as it is; continuations indent like picocli's own.
            List<String> lines = wrap(value.plainString(), column.width - column.indent, indentWrappedLines);
            Cell last = null;
            for (int i = 0; i < lines.size(); i++) {
                while (rowCount() <= row + i) {
                    addEmptyRow();
                }
                last = super.putValue(row + i, col, scheme.text(lines.get(i)));
            }
            return last;
        }
    }
}
