package dev.fieldpoll.poll;

/** One stored answer with its voter replaced by a pseudonym; {@code score} null is "don't know". */
public record PseudonymousVote(String voter, String field, String factor, Integer score) {}
