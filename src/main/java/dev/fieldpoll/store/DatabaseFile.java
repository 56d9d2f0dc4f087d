package dev.fieldpoll.store;

import dev.fieldpoll.poll.StoreException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks on the path before SQLite sees it. SQLite opens a file it may not write read-only
 * without a word and fails on the first vote; checking here says so when fieldpoll starts.
 */
final class DatabaseFile {

    private final Path file;
    private final SqliteErrors errors;

    DatabaseFile(Path file, SqliteErrors errors) {
        this.file = file;
        this.errors = errors;
    }

    void prepare(boolean readOnly) {
        if (Files.isDirectory(file)) {
            throw new StoreException(
                    "The database path " + file + " is a folder. Point database.path at a file.", null);
        }
        if (readOnly) {
            requireExisting();
        } else {
            createFolder();
            requireWritable();
        }
    }

    private void requireExisting() {
        if (!Files.isRegularFile(file)) {
            throw new StoreException(
                    "There is no database file " + file + " to read. " + "Point database.path at a fieldpoll database.",
                    new NoSuchFileException(file.toString()));
        }
    }

    private void createFolder() {
        Path folder = folder();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException(
                    "Could not create the folder " + folder + " for the database file " + file + " (" + IoReasons.of(e)
                            + "). Create it, or point database.path elsewhere.",
                    e);
        }
    }

    /** WAL mode writes two files beside the database (-wal, -shm), so the folder must be writable too. */
    private void requireWritable() {
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw errors.readOnly(new AccessDeniedException(file.toString(), null, "not writable"));
        }
        Path folder = folder();
        if (!Files.isWritable(folder)) {
            throw new StoreException(
                    "The folder " + folder + " of the database file " + file + " is read-only; "
                            + "SQLite keeps its -wal and -shm files beside the database. "
                            + "Make the folder writable for the user running fieldpoll.",
                    new AccessDeniedException(folder.toString(), null, "not writable"));
        }
    }

    private Path folder() {
        return file.toAbsolutePath().getParent();
    }
}
