package io.liveupdate.storage;

import io.liveupdate.persistence.ChangeLog;
import io.liveupdate.persistence.LoggedChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The storages in the database: one transaction per operation, and the items a new subscriber is given. */
@ApplicationScoped
public class StorageService {

    @PersistenceContext(unitName = "liveupdate")
    EntityManager em;

    @Inject
    ChangeLog log;

    /**
     * Applies one operation in a transaction of its own: insert and update create the item if it is missing
     * (insert replaces an existing one's fields, update merges into them), delete removes it if it exists. In the
     * same transaction, the message that subscribers get is numbered in the storage's change log stream
     * ({@link StorageStreams}), so that a client that missed it is sent it again, and other nodes relay it.
     *
     * @param logged the log entry of what subscribers are sent for this operation ({@link LoggedPublish#entry})
     * @return the operation's entry in the storage's stream: its number and the stream's epoch
     * @throws RuntimeException if the database failed; nothing was changed then. A concurrent first insert of the
     *         same item, or a concurrent update of it, fails this way too and succeeds when retried.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public LoggedChange apply(String channel, StorageOperation operation, JsonObject logged) {
        Optional<StoredItem> stored = find(channel, operation.itemId());
        switch (operation.kind()) {
            case INSERT -> stored.ifPresentOrElse(item -> item.replace(operation.item()), () -> persist(channel, operation));
            case UPDATE -> stored.ifPresentOrElse(item -> item.merge(operation.item()), () -> persist(channel, operation));
            case DELETE -> stored.ifPresent(em::remove);
        }
        em.flush(); // a constraint violation surfaces here, as a failure of this call
        return log.append(StorageStreams.of(channel), logged);
    }

    /** At most {@code limit} items of the storage, the newest ones, in insertion order. */
    @Transactional(TxType.SUPPORTS)
    public List<JsonObject> items(String channel, int limit) {
        var newestFirst = em.createNamedQuery(StoredItem.FIND_LATEST, StoredItem.class)
                .setParameter("channel", channel)
                .setMaxResults(limit)
                .getResultList();
        var items = new ArrayList<JsonObject>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) items.add(newestFirst.get(i).fields());
        return items;
    }

    private Optional<StoredItem> find(String channel, String itemId) {
        return em.createNamedQuery(StoredItem.FIND, StoredItem.class)
                .setParameter("channel", channel)
                .setParameter("itemId", itemId)
                .getResultStream()
                .findFirst();
    }

    private void persist(String channel, StorageOperation operation) {
        em.persist(new StoredItem(channel, operation.itemId(), operation.item()));
    }
}
