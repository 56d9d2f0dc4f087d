package dev.fieldpoll.web;

import java.time.Instant;

/** What checking a link found. Only a valid link's claims are ever read. */
sealed interface LinkVerdict {

    record Valid(LinkClaims claims) implements LinkVerdict {}

    /** Not made by this bot, or changed since: nothing in it is trusted. */
    record Forged() implements LinkVerdict {}

    /** Made by this bot, and past its time. */
    record Expired(Instant at) implements LinkVerdict {}
}
