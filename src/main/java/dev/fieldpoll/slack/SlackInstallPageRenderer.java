package dev.fieldpoll.slack;

/**
 * The small HTML pages a browser sees at the end of an install: installed, or why not, in one or
 * two plain sentences with a link to start again; never a stack trace or Slack's raw answer.
 * Thread-safe: it keeps no state.
 */
final class SlackInstallPageRenderer {

    /** Why an install did not finish, as the member is told. */
    enum Failure {
        /** The state was forged, used already, or expired (or the browser lost its cookie). */
        STALE_LINK("This install link was already used or has expired, so nothing was installed. "
                + "Start again from the install link."),
        /** The member cancelled on Slack's page, or Slack sent an error instead of a code. */
        CANCELLED("The install was cancelled on Slack, so nothing was installed. "
                + "Start again from the install link when you are ready."),
        /** oauth.v2.access refused the code. */
        REFUSED("Slack did not complete the install, so nothing was installed. Start again from the install link."),
        /** An install for a whole Enterprise Grid organisation, which fieldpoll does not support. */
        NOT_A_WORKSPACE("fieldpoll installs in one workspace at a time, so nothing was installed. "
                + "Install it from a workspace rather than for the whole organisation."),
        /** A fault on our side (the database, for one). */
        BROKEN("Something went wrong on our side, so nothing was installed. Please try again in a minute.");

        private final String sentence;

        Failure(String sentence) {
            this.sentence = sentence;
        }
    }

    String installed(String workspaceName) {
        String name = workspaceName == null || workspaceName.isBlank() ? "your workspace" : escape(workspaceName);
        return page(
                "fieldpoll is installed",
                "<p>fieldpoll is installed in " + name + ". Type <code>/poll help</code> in any channel to begin.</p>");
    }

    String failed(Failure failure) {
        return page(
                "fieldpoll is not installed",
                "<p>" + escape(failure.sentence) + "</p>\n<p><a href=\"" + SlackSettings.OAuth.INSTALL_PATH
                        + "\">Install fieldpoll</a></p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + title
                + "</title>\n</head>\n<body>\n<h1>" + title + "</h1>\n" + body + "\n</body>\n</html>\n";
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
