package dev.fieldpoll.bot;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words. Double quotes (straight or curly, as phones type them)
 * group words, also after an option name: {@code fields:"Alpha; Beta"} is one token. Each word
 * remembers where its quoted part began, so {@code "Meeting: agenda"} is a title and not an option.
 */
final class Tokenizer {

    /** A word as typed, and the index in {@code text} where quoting began (-1: none of it was quoted). */
    record Word(String text, int quotedFrom) {

        boolean quoted() {
            return quotedFrom >= 0;
        }

        /** Whether the character at {@code index} was typed outside quotes. */
        boolean unquotedAt(int index) {
            return quotedFrom < 0 || index < quotedFrom;
        }
    }

    private Tokenizer() {}

    static List<Word> split(String line) throws UnbalancedQuoteException {
        List<Word> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean started = false;
        int quotedFrom = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (isQuote(c)) {
                quoted = !quoted;
                started = true;
                if (quotedFrom < 0) {
                    quotedFrom = current.length();
                }
            } else if (Character.isWhitespace(c) && !quoted) {
                if (started) {
                    words.add(new Word(current.toString(), quotedFrom));
                    current.setLength(0);
                    started = false;
                    quotedFrom = -1;
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
            words.add(new Word(current.toString(), quotedFrom));
        }
        return words;
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
