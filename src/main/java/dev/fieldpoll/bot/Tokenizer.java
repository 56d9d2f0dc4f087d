package dev.fieldpoll.bot;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words. Double quotes (straight or curly, as phones type them)
 * group words, also after an option name: {@code fields:"Alpha; Beta"} is one token.
 */
final class Tokenizer {

    private Tokenizer() {}

    static List<String> split(String line) throws UnbalancedQuoteException {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean started = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (isQuote(c)) {
                quoted = !quoted;
                started = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (started) {
                    tokens.add(current.toString());
                    current.setLength(0);
                    started = false;
                }
            } else {
                current.append(c);
                started = true;
            }
        }
        if (quoted) {
            throw new UnbalancedQuoteException();
        }
        if (started) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D';
    }

    static final class UnbalancedQuoteException extends Exception {
        UnbalancedQuoteException() {
            super("a quote is not closed", null, false, false);
        }
    }
}
