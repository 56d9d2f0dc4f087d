package dev.fieldpoll.store;

/**
 * Hears every commit of a database's writers, for the operators' metrics: how many writes the
 * transaction held (more than one when votes shared a commit) and how long it took from BEGIN to
 * the end of COMMIT. Called on the committer threads right after the commit: implementations must
 * be thread-safe and quick.
 */
public interface CommitMeter {

    CommitMeter NONE = (writes, nanos) -> {};

    void committed(int writes, long nanos);
}
