package dev.fieldpoll.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The results page's one style sheet, inline, and the Content-Security-Policy that allows exactly
 * it (by its SHA-256) and nothing else: no script, no image, no font, no frame, no form.
 * Light and dark from the reader's system setting; narrow screens get one column.
 */
final class PageStyle {

    private static final String CSS = String.join(
            "",
            ":root{color-scheme:light dark;--bg:#fbfbfd;--fg:#1c1d21;--muted:#5b5f6b;--line:#d5d8e0;--card:#ffffff;",
            "--accent:#2f5d8a;--ref:#b4531b;--good:#2e7d4f;--warn:#9c2f2f;",
            "--g0:#0072b2;--g1:#e69f00;--g2:#009e73;--g3:#cc79a7}",
            "@media (prefers-color-scheme:dark){:root{--bg:#15171c;--fg:#e8e9ed;--muted:#a4a9b6;--line:#3a3f4b;",
            "--card:#1d2027;--accent:#8db8e4;--ref:#f0a46e;--good:#7fd1a0;--warn:#f19a9a;--g0:#56b4e9}}",
            "*{box-sizing:border-box}",
            "body{margin:0;background:var(--bg);color:var(--fg);",
            "font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}",
            "main{max-width:68rem;margin:0 auto;padding:1.25rem 1rem 3rem}",
            "h1{font-size:1.7rem;line-height:1.25;margin:.2rem 0 .4rem;overflow-wrap:break-word}",
            "h2{font-size:1.25rem;margin:2rem 0 .6rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}",
            "h3{font-size:1.02rem;margin:0 0 .4rem;overflow-wrap:break-word}",
            "p{margin:.4rem 0}",
            ".kicker{color:var(--muted);font-size:.9rem;margin:0}",
            ".meta{color:var(--muted)}",
            ".facts{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:.6rem 0}",
            ".facts li{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.3rem .7rem}",
            ".facts strong{font-variant-numeric:tabular-nums}",
            ".scroll{overflow-x:auto}",
            "table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}",
            "caption{text-align:left;color:var(--muted);font-size:.9rem;padding:.2rem 0 .5rem}",
            "th,td{padding:.4rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}",
            "th{font-size:.85rem;color:var(--muted);font-weight:600}",
            "td.num,th.num{text-align:right}",
            "td.field{font-weight:600;overflow-wrap:break-word;hyphens:auto}",
            ".tie{display:block;font-weight:400;font-size:.8rem;color:var(--muted)}",
            ".range{white-space:nowrap}",
            ".range-text{display:inline-block;min-width:2.8rem}",
            ".range svg{display:inline-block;vertical-align:middle;width:9rem;height:1rem}",
            ".chart{background:var(--card);border:1px solid var(--line);border-radius:.6rem;padding:.6rem;margin:0}",
            ".chart svg{display:block;width:100%;max-width:48rem;height:auto;margin:0 auto}",
            "figcaption{color:var(--muted);font-size:.88rem;margin-top:.35rem}",
            ".cells{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.8rem}",
            ".cell-field{background:var(--card);border:1px solid var(--line);border-radius:.6rem;padding:.7rem}",
            ".cell-field figure{margin:.4rem 0 .8rem}",
            ".cell-field svg{display:block;width:100%;height:auto}",
            ".label{display:inline-block;border-radius:1rem;padding:0 .55rem;font-size:.8rem;font-weight:600;",
            "border:1px solid currentColor}",
            ".label-polarized,.label-contested{color:var(--warn)}",
            ".label-consensus{color:var(--good)}",
            ".label-mixed,.label-too-few{color:var(--muted)}",
            ".splits li{margin:.3rem 0}",
            ".groups{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:.8rem;margin-top:.8rem}",
            ".group{background:var(--card);border:1px solid var(--line);border-left-width:.45rem;border-radius:.6rem;",
            "padding:.7rem}",
            ".group.g0{border-left-color:var(--g0)}.group.g1{border-left-color:var(--g1)}",
            ".group.g2{border-left-color:var(--g2)}.group.g3{border-left-color:var(--g3)}",
            ".downloads a{display:inline-block;margin:.2rem .6rem .2rem 0;padding:.35rem .8rem;border-radius:.4rem;",
            "border:1px solid var(--accent);color:var(--accent);text-decoration:none;font-weight:600}",
            "a{color:var(--accent)}",
            "footer{margin-top:2.5rem;color:var(--muted);font-size:.88rem;border-top:1px solid var(--line);",
            "padding-top:.8rem}",
            "svg text{fill:var(--fg);font:12px system-ui,sans-serif}",
            "svg .small{font-size:10px;fill:var(--muted)}",
            "svg .axis{stroke:var(--muted);stroke-width:1}",
            "svg .grid{stroke:var(--line);stroke-width:1}",
            "svg .mid{stroke:var(--muted);stroke-width:1;stroke-dasharray:4 4}",
            "svg .bar{fill:var(--accent)}",
            "svg .track{stroke:var(--line);stroke-width:2}",
            "svg .interval{stroke:var(--accent);stroke-width:6;stroke-linecap:round;opacity:.55}",
            "svg .whisker{stroke:var(--accent);stroke-width:1.5;opacity:.6}",
            "svg .point{fill:var(--accent)}",
            "svg .refpoint{fill:var(--card);stroke:var(--ref);stroke-width:2}",
            "svg .arrow{stroke:var(--ref);stroke-width:1.5;fill:none}",
            "svg .arrowhead{fill:var(--ref)}",
            "svg .frame{fill:none;stroke:var(--line)}",
            "svg .g0{fill:var(--g0)}svg .g1{fill:var(--g1)}svg .g2{fill:var(--g2)}svg .g3{fill:var(--g3)}",
            "svg .voter{fill-opacity:.45}",
            "svg .centre{stroke:var(--card);stroke-width:2.5}",
            "svg .centre-label{font-size:16px;font-weight:700}",
            "@media (max-width:40rem){main{padding:.8rem .7rem 2rem}h1{font-size:1.4rem}",
            "th,td{padding:.35rem .3rem}.range-text{min-width:2.2rem}.range svg{width:3.8rem}.hide-narrow{display:none}}");

    static final PageStyle STANDARD = new PageStyle(CSS);

    private final String css;
    private final String contentSecurityPolicy;

    private PageStyle(String css) {
        this.css = css;
        this.contentSecurityPolicy = "default-src 'none'; style-src 'sha256-" + sha256(css) + "'; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    String css() {
        return css;
    }

    /** Allows this style sheet and nothing else. */
    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
        }
    }
}
