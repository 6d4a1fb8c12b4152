package io.liveupdate.storage;

import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.util.Objects;

/**
 * One item of a storage, keyed by (channel, item id as text). Its fields are kept as a JSON object (jsonb on
 * PostgreSQL); the generated id only orders a storage's items by their first insert, for the snapshot.
 */
@Entity
@Table(name = "storage_item")
@NamedQuery(name = StoredItem.FIND,
        query = "SELECT i FROM StoredItem i WHERE i.channel = :channel AND i.itemId = :itemId")
@NamedQuery(name = StoredItem.FIND_LATEST,
        query = "SELECT i FROM StoredItem i WHERE i.channel = :channel ORDER BY i.id DESC")
public class StoredItem {

    public static final String FIND = "StoredItem.find";
    /** Newest first, so a bounded snapshot keeps the newest items. */
    public static final String FIND_LATEST = "StoredItem.findLatest";

    @Id
    @SequenceGenerator(name = "storage_item_seq", sequenceName = "storage_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "storage_item_seq")
    private Long id;

    @Column(nullable = false, updatable = false)
    private String channel;

    @Column(name = "item_id", nullable = false, updatable = false)
    private String itemId;

    @Column(nullable = false)
    private String fields;

    @Version
    private long version;

    protected StoredItem() {
        // for JPA
    }

    public StoredItem(String channel, String itemId, JsonObject fields) {
        this.channel = Objects.requireNonNull(channel);
        this.itemId = Objects.requireNonNull(itemId);
        this.fields = fields.toString();
    }

    /** An insert of an item that exists: its fields become the new ones; it keeps its place. */
    public void replace(JsonObject replacement) {
        fields = replacement.toString();
    }

    /** An update: each given field overwrites the stored one, the others stay (Webix's {@code extend(item, data, true)}). */
    public void merge(JsonObject changes) {
        var merged = Json.createObjectBuilder(fields());
        changes.forEach(merged::add);
        fields = merged.build().toString();
    }

    public JsonObject fields() {
        try (var reader = Json.createReader(new StringReader(fields))) {
            return reader.readObject();
        }
    }
}
