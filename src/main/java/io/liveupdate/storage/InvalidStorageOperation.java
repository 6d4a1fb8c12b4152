package io.liveupdate.storage;

/** A publish that claims to be a storage operation (its data has an {@code operation}) but cannot be applied. */
public class InvalidStorageOperation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidStorageOperation(String reason) {
        super(reason);
    }
}
